"""External commands (git, java) with a total deadline.

`subprocess.run(..., timeout=N)` kills the command when N seconds are up, then waits for its
output pipes to close: a command that left a child behind holding them (a hook, a daemon, a
`git` wrapper) blocks that wait forever. Here the command runs in a process group of its own,
and the whole group is killed at the deadline.
"""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path


def run(command: list[str], *, cwd: Path | str | None = None, input: bytes = b"", timeout: float,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run `command`, capture stdout and stderr; subprocess.TimeoutExpired after `timeout` seconds
    in all, its process group killed. OSError when it cannot start."""
    child = subprocess.Popen(command, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env=env, start_new_session=True)
    try:
        out, err = child.communicate(input, timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(child)
        child.communicate()  # every holder of the pipes is gone: returns at once
        raise
    except BaseException:
        _kill_group(child)
        child.wait()
        raise
    return subprocess.CompletedProcess(command, child.returncode, out, err)


def _kill_group(child: subprocess.Popen) -> None:
    try:
        os.killpg(child.pid, signal.SIGKILL)
    except OSError:
        child.kill()
