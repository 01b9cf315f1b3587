"""Talking to a test's kzlint daemon (import as `from daemons import ...`)."""

from __future__ import annotations

import socket
import time
from pathlib import Path

from lint.daemon import channel


def ask(folder: Path, kind: str = "status") -> dict | None:
    """The answer of the daemon whose socket is in `folder` to a status or stop request; None
    when none answers. Found by listing the folder: its name hashes the installation that
    started it, which in CI is the installed copy of kzlint, not the tree pytest imports."""
    for path in folder.glob("*.sock"):
        connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            connection.connect(str(path))
            connection.sendall(channel.HELLO)
            channel.send(connection, {"kind": kind})
            return channel.receive(connection)
        except OSError:  # none there, or one closing down
            continue
        finally:
            connection.close()
    return None


def wait_for(condition, seconds: float = 30.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False
