"""Run several `python -m lint ARGS` command lines in one process, measuring each in CPU seconds.

    python complexity_driver.py CASES.json RESULTS.jsonl

CASES.json is a list of {"name", "cwd", "args", "cpu_limit"}; a case that uses more than its
`cpu_limit` CPU seconds is stopped (exit code -1 in its result) and the next one runs. Each case runs the package's `__main__` exactly
as `python -m lint ARGS` does (runpy), so the test does not depend on where the command line
lives inside the package. Start-up (imports, word lists) is paid once, by a first warm-up case.
Times are the CPU time of this process (`time.process_time`): on a machine shared with other
jobs, wall time measures the neighbours as much as kzlint. One JSON line per case is appended as
soon as it finishes; the parent kills the process if the whole batch runs over its time limit,
and the last "started" line then says which case was running.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import runpy
import signal
import sys
import time


class OverBudget(BaseException):
    """Raised by SIGPROF when a case has used its CPU budget (not an Exception: nothing catches it)."""


def _over_budget(signum, frame):
    raise OverBudget


def peak_kb() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def run_cli(args: list[str]) -> int:
    sys.argv = ["kzlint", *args]
    try:
        runpy.run_module("lint", run_name="__main__", alter_sys=False)
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else (0 if done.code is None else 2)
    return 0


def main(cases_file: str, results_file: str) -> None:
    with open(cases_file, encoding="utf-8") as handle:
        cases = json.load(handle)
    with open(results_file, "a", encoding="utf-8") as results:
        for case in cases:
            results.write(json.dumps({"started": case["name"]}) + "\n")
            results.flush()
            os.chdir(case["cwd"])
            out, err = io.StringIO(), io.StringIO()
            signal.signal(signal.SIGPROF, _over_budget)
            cpu, wall = time.process_time(), time.perf_counter()
            signal.setitimer(signal.ITIMER_PROF, case.get("cpu_limit", 600))
            try:
                with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                    code = run_cli(case["args"])
            except OverBudget:
                code = -1  # over its CPU budget: the test names it
            finally:
                signal.setitimer(signal.ITIMER_PROF, 0)
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
            results.write(json.dumps({"name": case["name"], "code": code, "out": out.getvalue()[-4000:],
                                      "err": err.getvalue()[-4000:], "cpu": cpu, "wall": wall,
                                      "peak_kb": peak_kb()}) + "\n")
            results.flush()


if __name__ == "__main__":
    main(*sys.argv[1:3])
