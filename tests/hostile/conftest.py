"""Fixtures for the hostile-input suite: run the real CLI and measure it.

Every case goes through `kzlint` as a user runs it, either in this process (`lint.cli.main`,
fast) or as `python -m lint` in a child process (when a hang must be killable, when memory is
measured, or when stdout encoding matters). Measured times and peak memory are printed in a
table at the end of the run ("hostile cases").
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from hostile_helpers import MEASURED, Run, assert_polite, run_batch

from lint.cli.main import main


@pytest.fixture
def kz(monkeypatch, capsys):
    """Run `kzlint ARGS` in this process from folder `cwd` (no cache unless asked)."""

    def run(*args: str, cwd: Path, cache: bool = False) -> Run:
        monkeypatch.chdir(cwd)
        capsys.readouterr()
        started = time.perf_counter()
        code = main([*([] if cache else ["--no-cache"]), *args])
        seconds = time.perf_counter() - started
        out, err = capsys.readouterr()
        result = Run(code, out, err, seconds)
        assert_polite(result)
        return result

    return run


@pytest.fixture
def kz_process(tmp_path_factory):
    """Run `python -m lint ARGS` in a child process with a time limit (memory: see kz_batch)."""
    cache = tmp_path_factory.mktemp("kzlint-cache-child")

    def run(*args: str, cwd: Path, timeout: float = 60, env: dict | None = None, cache_on: bool = False,
            stdin: bytes | None = None) -> Run:
        logs = tmp_path_factory.mktemp("logs")
        environment = {**os.environ, "KZLINT_CACHE_DIR": str(cache), **(env or {})}
        command = [sys.executable, "-m", "lint", *([] if cache_on else ["--no-cache"]), *args]
        with open(logs / "out", "wb") as out, open(logs / "err", "wb") as err:
            started = time.perf_counter()
            child = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=err, env=environment,
                                     stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL)
            if stdin is not None:
                threading.Thread(target=_feed, args=(child.stdin, stdin), daemon=True).start()
            while True:
                pid, status = os.waitpid(child.pid, os.WNOHANG)
                if pid:
                    break
                if time.perf_counter() - started > timeout:
                    os.kill(child.pid, signal.SIGKILL)
                    child.wait()
                    pytest.fail(f"kzlint {' '.join(args)} did not finish within {timeout} s")
                time.sleep(0.01)
            seconds = time.perf_counter() - started
            child.returncode = os.waitstatus_to_exitcode(status)
        result = Run(child.returncode, (logs / "out").read_text("utf-8", "replace"),
                     (logs / "err").read_text("utf-8", "replace"), seconds)
        assert_polite(result)
        return result

    return run


def _feed(pipe, data: bytes) -> None:
    try:
        pipe.write(data)
        pipe.close()
    except (BrokenPipeError, OSError):
        pass  # the child stopped reading: its exit code says why


def pytest_terminal_summary(terminalreporter):
    if not MEASURED:
        return
    terminalreporter.write_sep("-", "hostile cases (measured)")
    for case, seconds, peak_kb, code, outcome in MEASURED:
        memory = f"{peak_kb / 1024:7.0f} MB" if peak_kb else "          "
        terminalreporter.write_line(f"{case:<52} {seconds:7.2f} s {memory}  exit {code}  {outcome}")


@pytest.fixture
def kz_batch(tmp_path_factory):
    """Run many `kzlint` command lines in one child process (tests/hostile/cli_batch.py) within
    one time limit; returns {case name: Run}, each Run with its own seconds and the peak memory
    of the process so far. A case that never finishes fails the test, named."""

    def run(cases: list[dict], *, timeout: float) -> dict[str, Run]:
        items = run_batch(Path(__file__).with_name("cli_batch.py"), cases, tmp_path_factory.mktemp("batch"), timeout)
        runs = {}
        for name, item in items.items():
            runs[name] = Run(item["code"], item["out"], item["err"], item["seconds"], item["peak_kb"])
            assert_polite(runs[name])
        return runs

    return run


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: a hostile case that takes more than a few seconds (run with KZLINT_SLOW=1)")
