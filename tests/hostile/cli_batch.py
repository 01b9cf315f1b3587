"""Run several kzlint command lines in one child process, measuring each (used by the hostile suite).

    python cli_batch.py CASES.json RESULTS.jsonl

CASES.json is a list of {"name", "cwd", "args"}. For each case this calls `lint.cli.main`
(the real entry point) from its folder, and appends one JSON line to RESULTS.jsonl as soon
as it finishes: exit code, stdout, stderr, seconds, and the process's peak memory so far
(VmHWM on Linux, in KB: unlike ru_maxrss it does not inherit the pytest process's size
across fork and exec). Paying Python's start-up once keeps many bounded-time cases cheap; the
parent kills this process if the whole batch runs over its time limit, and the results
file then says which case was running.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import resource
import sys
import time


def peak_kb() -> int:
    """Peak resident memory of this process so far, in KB."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main(cases_file: str, results_file: str) -> None:
    from lint.cli.main import main as kzlint

    with open(cases_file, encoding="utf-8") as handle:
        cases = json.load(handle)
    with open(results_file, "a", encoding="utf-8") as results:
        for case in cases:
            results.write(json.dumps({"started": case["name"]}) + "\n")
            results.flush()
            os.chdir(case["cwd"])
            out, err = io.StringIO(), io.StringIO()
            started = time.perf_counter()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = kzlint(case["args"])
            seconds = time.perf_counter() - started
            peak = peak_kb()
            results.write(json.dumps({"name": case["name"], "code": code, "out": out.getvalue(), "err": err.getvalue(),
                                      "seconds": seconds, "peak_kb": peak}) + "\n")
            results.flush()


if __name__ == "__main__":
    main(*sys.argv[1:3])
