"""`kzlint daemon start|stop|status`: manage the daemon that `kzlint --daemon` runs through."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable

from lint.cli.common import Parser
from lint.daemon import channel
from lint.daemon.client import connect, start
from lint.daemon.server import IDLE_SECONDS, serve
from lint.engine.discovery import UsageError

START_SECONDS = 20.0  # the daemon answers once its warm-up run is done (a second or two)


def daemon_command(args: list[str], run: Callable[[list[str]], int]) -> int:
    """`run(argv)`: a run of the command line in this process (what the daemon's children do)."""
    parser = Parser(prog="kzlint daemon", description="The kzlint daemon keeps Python, the rules, their patterns "
                    "and the shipped data loaded, and runs each 'kzlint --daemon ...' in a forked child: a "
                    "pre-commit run skips the start-up that is half of it. It stops after 30 idle minutes (KZLINT_DAEMON_IDLE, "
                    "in seconds) and when kzlint's files change.")
    parser.add_argument("action", choices=["start", "stop", "status", "serve"],
                        help="start it in the background, stop it, say whether it runs; serve: run it in the foreground")
    parser.add_argument("--after-stale", action="store_true", help=argparse.SUPPRESS)  # a successor of a stale daemon
    options = parser.parse_args(args)
    if not channel.supported():
        raise UsageError("the daemon needs Unix sockets that pass file descriptors (not available here)")
    base = channel.private_folder(create=True)
    if base is None:
        raise UsageError(f"{channel.folder()}: cannot use this folder for the daemon's socket (it must be "
                         "yours alone: mode 700); set KZLINT_DAEMON_DIR")
    if options.action == "serve":
        return serve(base, float(os.environ.get("KZLINT_DAEMON_IDLE") or IDLE_SECONDS), run, options.after_stale)
    answer = _ask(base, "status")
    if options.action == "status":
        print(f"kzlint daemon: running (pid {answer['pid']}, {channel.address(base)})" if answer
              else "kzlint daemon: not running")
        return 0 if answer else 1
    if options.action == "stop":
        if answer is None:
            print("kzlint daemon: not running")
            return 0
        _ask(base, "stop")
        print(f"kzlint daemon: stopped (pid {answer['pid']})")
        return 0
    if answer is None:
        start(base)
        deadline = time.monotonic() + START_SECONDS
        while answer is None and time.monotonic() < deadline:
            time.sleep(0.05)
            answer = _ask(base, "status")
        if answer is None:
            print(f"kzlint: error: the daemon did not start within {START_SECONDS:.0f} s", file=sys.stderr)
            return 2
    print(f"kzlint daemon: running (pid {answer['pid']}, {channel.address(base)})")
    return 0


def _ask(base, kind: str) -> dict | None:
    connection = connect(channel.address(base))
    if connection is None:
        return None
    with connection:
        try:
            connection.sendall(channel.HELLO)
            channel.send(connection, {"kind": kind})
            return channel.receive(connection)
        except (OSError, ValueError):
            return None
