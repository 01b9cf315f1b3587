"""Where the daemon listens and how the two sides talk (standard library only: the client
must start fast).

The socket lives in a folder only its user can enter (KZLINT_DAEMON_DIR, else
$XDG_RUNTIME_DIR/kzlint, else <tmp>/kzlint-<uid>), under a name derived from the Python
executable and kzlint's installed folder and version: another virtualenv or another copy
of kzlint has a daemon of its own. Messages are JSON, each preceded by its length.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import stat
import struct
import sys
import tempfile
from pathlib import Path

import lint

HEADER = struct.Struct(">I")
MAX_MESSAGE = 64 << 20  # a pre-commit run may name thousands of files
HELLO = b"kzlint-daemon-1\n"  # the first bytes of a request, sent with the caller's descriptors
PACKAGE = Path(lint.__file__).resolve().parent


def supported() -> bool:
    """Unix sockets that carry file descriptors (Linux, macOS; not Windows)."""
    return hasattr(socket, "AF_UNIX") and hasattr(socket, "send_fds") and hasattr(os, "fork")


def identity() -> str:
    """This installation: the interpreter, kzlint's folder and version."""
    text = f"{sys.executable}\0{PACKAGE}\0{lint.__version__}"
    return hashlib.blake2b(text.encode("utf-8", "surrogateescape"), digest_size=8).hexdigest()


def folder() -> Path:
    configured = os.environ.get("KZLINT_DAEMON_DIR")
    if configured:
        return Path(configured)
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and os.path.isdir(runtime):
        return Path(runtime, "kzlint")
    return Path(tempfile.gettempdir(), f"kzlint-{os.getuid()}")


def private_folder(create: bool) -> Path | None:
    """The socket's folder if it is this user's alone (created so with `create`); else None:
    a folder others can write in could hold their socket under our name."""
    path = folder()
    if create:
        try:
            path.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError:
            return None
    try:
        info = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
        return None
    return path


def address(base: Path) -> Path:
    return base / f"{identity()}.sock"


def send(connection: socket.socket, message: dict) -> None:
    data = json.dumps(message).encode("utf-8", "surrogatepass")
    connection.sendall(HEADER.pack(len(data)) + data)


def receive(connection: socket.socket) -> dict | None:
    """The next message; None when the other side has closed the connection."""
    head = _exactly(connection, HEADER.size)
    if head is None:
        return None
    (size,) = HEADER.unpack(head)
    if size > MAX_MESSAGE:
        raise ValueError(f"a message of {size:,} bytes")
    data = _exactly(connection, size)
    if data is None:
        return None
    message = json.loads(data.decode("utf-8", "surrogatepass"))
    if not isinstance(message, dict):
        raise ValueError("a message that is not an object")
    return message


def _exactly(connection: socket.socket, size: int) -> bytes | None:
    chunks, left = [], size
    while left:
        chunk = connection.recv(min(left, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)
