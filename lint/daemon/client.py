"""The caller's side of `kzlint --daemon`: hand the run to the daemon, relay signals, return
its exit code. Standard library only, so that the caller starts in a few milliseconds."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

from lint.daemon import channel

FORWARDED = ("SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT")


def run_through_daemon(argv: list[str]) -> int | None:
    """The exit code of the run made by the daemon; None when no daemon took it (none running,
    another installation's, one that is stopping, or no Unix sockets here): run it in this
    process then. A daemon not running is started in the background for the next run."""
    if not channel.supported():
        return None
    base = channel.private_folder(create=True)
    if base is None:
        return None
    connection = connect(channel.address(base))
    if connection is None:
        start(base)
        return None
    relay = _Relay()
    with connection, relay:
        try:  # (a closed standard stream or a deleted working folder: the run is made here, as usual)
            request = _request(argv)
            socket.send_fds(connection, [channel.HELLO], [0, 1, 2])
            channel.send(connection, request)
            answer = channel.receive(connection)
        except (OSError, ValueError):
            return None
        if not answer or "pid" not in answer:  # stale (kzlint changed): it is stopping
            start(base, wait_for_exit=True)
            return None
        relay.to(int(answer["pid"]))
        try:
            answer = channel.receive(connection)
        except (OSError, ValueError):
            answer = None
    if not answer or "exit" not in answer:
        print("kzlint: error: the daemon stopped during the run; run again without --daemon", file=sys.stderr)
        return 2
    return int(answer["exit"])


def connect(path: Path) -> socket.socket | None:
    connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        connection.connect(str(path))
    except OSError:  # none there, or a socket left by one that died
        connection.close()
        return None
    return connection


def start(base: Path, wait_for_exit: bool = False) -> None:
    """Start a daemon in the background (it gives way if another one holds the folder's lock)."""
    arguments = [sys.executable, "-m", "lint", "daemon", "serve"] + (["--after-stale"] if wait_for_exit else [])
    try:
        subprocess.Popen(arguments, cwd=base, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True, close_fds=True)
    except OSError:  # the run is made here all the same
        pass


def _request(argv: list[str]) -> dict:
    umask = os.umask(0o022)
    os.umask(umask)
    streams = {name: [getattr(stream, "encoding", None) or "utf-8", getattr(stream, "errors", None) or "strict"]
               for name, stream in (("stdin", sys.stdin), ("stdout", sys.stdout), ("stderr", sys.stderr))}
    return {"kind": "lint", "identity": channel.identity(), "argv": argv, "cwd": os.getcwd(),
            "env": dict(os.environ), "umask": umask, "streams": streams}


class _Relay:
    """Pass the signals this process gets (Ctrl-C) on to the run's process group; one that
    comes before the daemon has said which group that is is passed on then."""

    def __init__(self) -> None:
        self.group: int | None = None
        self.pending: list[int] = []
        self.previous: dict[int, object] = {}

    def __enter__(self) -> "_Relay":
        for name in FORWARDED:
            if hasattr(signal, name):
                number = getattr(signal, name)
                self.previous[number] = signal.signal(number, self._forward)
        return self

    def __exit__(self, *_exc) -> None:
        for number, handler in self.previous.items():
            signal.signal(number, handler)

    def to(self, group: int) -> None:
        self.group = group
        for number in self.pending:
            self._forward(number, None)

    def _forward(self, number: int, _frame) -> None:
        if self.group is None:
            self.pending.append(number)
            return
        try:
            os.killpg(self.group, number)
        except OSError:
            pass
