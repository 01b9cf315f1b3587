"""Run `python -m lint` as a user does, in a child process, for the round-two hostile tests (issue 17).

Unlike the `kz_process` fixture, every detail of the environment is the test's to set (an
unset cache folder, a strict or a surrogate-escaping stdout), raw bytes are kept (terminal
escapes, invalid UTF-8 must be seen as written), and the child is killed, with a clear failure,
when it runs past its time limit.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


@dataclass
class Result:
    code: int
    out_bytes: bytes
    err_bytes: bytes
    seconds: float

    @property
    def out(self) -> str:
        return self.out_bytes.decode("utf-8", "backslashreplace")

    @property
    def err(self) -> str:
        return self.err_bytes.decode("utf-8", "backslashreplace")

    def findings(self, code: str | None = None) -> list[str]:
        found = [line for line in self.out.splitlines() if "[KZ" in line and ": " in line]
        return [line for line in found if code is None or f"[{code}]" in line]


class Hung(AssertionError):
    pass


def kzlint(*args: str, cwd: Path, timeout: float = 60, env: dict | None = None, stdin: bytes | None = None,
           cache: bool = False, polite: bool = True) -> Result:
    """`python -m lint ARGS` in `cwd`. env values of None unset a variable. Without `cache` the
    run gets --no-cache. Fails the test (Hung) when the child is still running after `timeout` s."""
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    environment.setdefault("KZLINT_CACHE_DIR", str(cwd / ".." / f".{cwd.name}-kzlint-cache"))
    for key, value in (env or {}).items():
        if value is None:
            environment.pop(key, None)
        else:
            environment[key] = value
    command = [sys.executable, "-m", "lint", *([] if cache else ["--no-cache"]), *args]
    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=cwd, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                             start_new_session=True)
    try:
        out, err = child.communicate(stdin, timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)  # the run and any worker it forked
        out, err = child.communicate()
        raise Hung(f"kzlint {' '.join(args)} did not finish within {timeout} s; stderr: "
                   f"{err.decode('utf-8', 'replace')[-500:]}") from None
    result = Result(child.returncode, out, err, time.perf_counter() - started)
    if polite:
        assert b"Traceback" not in err, result.err
        assert b"internal error" not in err, result.err
        assert result.code in (0, 1, 2), (result.code, result.err)
    return result
