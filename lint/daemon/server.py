"""The daemon: start once, then fork a child per run.

Started, it makes one run over a sample article (with its own config, no cache), which
imports what a run imports, compiles the built-in patterns and loads the shipped data;
then it freezes the collector (children touch no page of it) and waits. Each request is
checked (same installation, kzlint's files unchanged since the start: else it answers
"stale" and exits) and served by a forked child, which takes on the caller's working
directory, umask, environment and standard streams and runs `kzlint` there (the caller's
signals reach the child's process group). The daemon reports the child's exit code to
the caller, and kills the child if the caller goes away. It holds a lock in its folder:
a second daemon for the same installation gives way.
"""

from __future__ import annotations

import fcntl
import gc
import io
import os
import selectors
import signal
import socket
import struct
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from lint.daemon import channel

CALLER_SIGNALS = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT}  # client.FORWARDED
IDLE_SECONDS = 30 * 60  # stop after this long without a request (KZLINT_DAEMON_IDLE overrides)
SAMPLE = """# Flooding in the north

At least 12 people were killed and 40 injured when the river burst its banks on Monday,
the regional governor, Anna Petrova, told reporters in Kazan.

"We have never seen water this high," said Ivan Sidorov, a resident. Some 3,000 homes were
flooded, according to the emergency ministry ([statement](https://www.mchs.gov.ru/news)).
"""


def serve(base: Path, idle: float, run: Callable[[list[str]], int], after_stale: bool = False) -> int:
    """Serve until idle, stopped or stale, making each run with `run(argv)` (the command line's);
    0 also when another daemon already serves."""
    lock = _lock(base / f"{channel.identity()}.lock", wait=after_stale)
    if lock is None:
        return 0
    stamp = code_stamp()
    _warm_up(run)
    gc.collect()
    gc.freeze()
    path = channel.address(base)
    if os.path.lexists(path):
        os.unlink(path)  # the lock is ours: a socket there is a dead daemon's
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(str(path))
    listener.listen(64)
    Daemon(listener, path, stamp, idle, run).loop()
    return 0


def code_stamp() -> tuple:
    """Size and mtime of every file of the installed package: an upgrade or an edit changes it."""
    stamp = []
    for root, folders, files in os.walk(channel.PACKAGE):
        folders[:] = sorted(f for f in folders if f != "__pycache__")
        for name in sorted(files):
            try:
                info = os.stat(os.path.join(root, name))
            except OSError:
                continue
            stamp.append((root, name, info.st_size, info.st_mtime_ns))
    return tuple(stamp)


class Daemon:
    def __init__(self, listener: socket.socket, path: Path, stamp: tuple, idle: float,
                 run: Callable[[list[str]], int]) -> None:
        self.listener, self.path, self.stamp, self.idle, self.run = listener, path, stamp, idle, run
        self.inode = os.stat(path).st_ino
        self.selector = selectors.DefaultSelector()
        self.children: dict[int, socket.socket] = {}  # pid -> the caller's connection
        self.stopping = False
        self.served = 0  # runs forked so far
        self.wake_read, wake_write = os.pipe()
        os.set_blocking(self.wake_read, False)
        os.set_blocking(wake_write, False)
        signal.set_wakeup_fd(wake_write)
        signal.signal(signal.SIGCHLD, lambda *_: None)  # wakes the selector through the pipe
        signal.signal(signal.SIGTERM, lambda *_: setattr(self, "stopping", True))
        self.selector.register(listener, selectors.EVENT_READ, "accept")
        self.selector.register(self.wake_read, selectors.EVENT_READ, "signal")

    def loop(self) -> None:
        last = time.monotonic()
        try:
            while not (self.stopping and not self.children):
                timeout = None if self.children else max(0.0, self.idle - (time.monotonic() - last))
                events = self.selector.select(timeout)
                if not events and not self.children and time.monotonic() - last >= self.idle:
                    break
                for key, _ in events:
                    if key.data == "accept":
                        last = time.monotonic()
                        self._accept()
                    elif key.data == "signal":
                        _drain(self.wake_read)
                    else:  # the caller of a running child: closed (it is gone), or talking out of turn
                        self._abandoned(key.data)
                self._reap()
        finally:
            self._close()

    def _close(self) -> None:
        try:
            if os.stat(self.path).st_ino == self.inode:  # not a successor's socket
                os.unlink(self.path)
        except OSError:
            pass
        self.listener.close()

    def _accept(self) -> None:
        try:
            connection, _ = self.listener.accept()
        except OSError:
            return
        try:
            connection.settimeout(10)
            if not _same_user(connection):
                connection.close()
                return
            _, fds, _, _ = socket.recv_fds(connection, len(channel.HELLO), 3)
            request = channel.receive(connection)
        except (OSError, ValueError):
            connection.close()
            return
        try:
            self._answer(connection, request or {}, fds)
        finally:
            for fd in fds:
                os.close(fd)

    def _answer(self, connection: socket.socket, request: dict, fds: list[int]) -> None:
        kind = request.get("kind")
        if kind == "stop":
            self.stopping = True
            channel.send(connection, {"stopping": True, "pid": os.getpid()})
            connection.close()
            return
        if kind == "status":
            channel.send(connection, {"pid": os.getpid(), "running": len(self.children), "served": self.served})
            connection.close()
            return
        if (self.stopping or request.get("identity") != channel.identity() or code_stamp() != self.stamp
                or len(fds) != 3):
            channel.send(connection, {"stale": True})
            connection.close()
            self.stopping = True
            return
        signal.pthread_sigmask(signal.SIG_BLOCK, CALLER_SIGNALS)  # until the child can take them
        pid = os.fork()
        if pid == 0:
            code = 2
            try:
                self._become_child(connection)
                code = run_request(request, fds, self.run)
            finally:
                os._exit(code)
        try:
            os.setpgid(pid, pid)  # as the child does: the group exists before the caller hears of it
        except OSError:
            pass
        signal.pthread_sigmask(signal.SIG_UNBLOCK, CALLER_SIGNALS)
        self.served += 1
        connection.settimeout(None)
        self.children[pid] = connection
        self.selector.register(connection, selectors.EVENT_READ, pid)
        channel.send(connection, {"pid": pid})

    def _become_child(self, connection: socket.socket) -> None:
        os.setpgid(0, 0)  # the caller's signals go to this group: the run and its workers
        signal.set_wakeup_fd(-1)
        for number in (signal.SIGCHLD, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT):
            signal.signal(number, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        self.selector.close()
        self.listener.close()
        os.close(self.wake_read)
        for other in [*self.children.values(), connection]:
            other.close()

    def _reap(self) -> None:
        while self.children:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            connection = self.children.pop(pid, None)
            if connection is None:
                continue
            self.selector.unregister(connection)
            code = os.waitstatus_to_exitcode(status)
            try:
                channel.send(connection, {"exit": code if code >= 0 else 128 - code})
            except OSError:
                pass
            connection.close()

    def _abandoned(self, pid: int) -> None:
        connection = self.children.get(pid)
        try:  # a caller sends nothing after its request: anything else is read and dropped
            gone = connection is None or not connection.recv(4096)
        except OSError:
            gone = True
        if gone:
            try:
                os.killpg(pid, signal.SIGTERM)
            except OSError:
                pass
            if connection is not None:
                self.selector.unregister(connection)
                connection.close()
                self.children.pop(pid, None)


def _drain(fd: int) -> None:
    """Empty the signal pipe (it stays readable, and the loop busy, until read)."""
    try:
        while os.read(fd, 4096):
            pass
    except BlockingIOError:
        pass


def run_request(request: dict, fds: list[int], run: Callable[[list[str]], int]) -> int:
    """In the child: become the caller's process (folder, umask, environment, streams) and run."""
    os.chdir(request["cwd"])
    os.umask(int(request["umask"]))
    os.environ.clear()
    os.environ.update(request["env"])
    for fd, received in enumerate(fds):
        os.dup2(received, fd)
    streams = request["streams"]
    sys.stdin = _text(0, "r", *streams["stdin"], line_buffering=False)
    sys.stdout = _text(1, "w", *streams["stdout"], line_buffering=os.isatty(1))
    sys.stderr = _text(2, "w", *streams["stderr"], line_buffering=True)
    sys.argv = ["kzlint", *request["argv"]]
    try:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, CALLER_SIGNALS)  # a Ctrl-C sent meanwhile arrives now
        code = run(list(request["argv"]))
    except SystemExit as exc:  # argparse's --help and usage errors
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    except KeyboardInterrupt:
        print("kzlint: interrupted", file=sys.stderr)
        code = 2
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except OSError:
            pass
    return code


def _text(fd: int, mode: str, encoding: str, errors: str, line_buffering: bool) -> io.TextIOWrapper:
    return open(fd, mode, encoding=encoding, errors=errors, closefd=False, buffering=1 if line_buffering else -1)


def _same_user(connection: socket.socket) -> bool:
    """Whether the caller runs as this user (Linux tells; elsewhere the folder's mode guards)."""
    option = getattr(socket, "SO_PEERCRED", None)
    if option is None:
        return True
    credentials = connection.getsockopt(socket.SOL_SOCKET, option, struct.calcsize("3i"))
    _, uid, _ = struct.unpack("3i", credentials)
    return uid == os.getuid()


def _lock(path: Path, wait: bool) -> int | None:
    """Hold the folder's lock for this installation; None if another daemon holds it (with
    `wait`, for up to 5 s: a stale daemon is finishing its runs)."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
    deadline = time.monotonic() + (5 if wait else 0)
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return fd
        except OSError:
            if time.monotonic() >= deadline:
                os.close(fd)
                return None
            time.sleep(0.05)


def _warm_up(run: Callable[[list[str]], int]) -> None:
    """One run over a sample article, in a folder of its own with a config of its own."""
    with tempfile.TemporaryDirectory(prefix="kzlint-daemon-") as folder:
        Path(folder, "sample.md").write_text(SAMPLE, encoding="utf-8")
        Path(folder, ".kzlint.yaml").write_text('languagetool:\n  mode: "off"\n', encoding="utf-8")
        here = os.getcwd()
        saved = sys.stdout, sys.stderr
        try:
            os.chdir(folder)
            sys.stdout = sys.stderr = io.StringIO()
            run(["--no-cache", "--quiet", "--jobs", "1", "sample.md"])
        finally:
            sys.stdout, sys.stderr = saved
            os.chdir(here)
