"""Turn a file's bytes into normalised text, remembering how to write it back.

Every document is held with `\n` line endings; the original encoding, BOM and
line-ending style are kept so that --fix can write the file back unchanged
except for the fix.
"""

from __future__ import annotations

import codecs
import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from lint.core.project import inside

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class ReadError(Exception):
    """The file cannot be linted at all; the message says why, in a few words."""


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str  # normalised: no BOM, `\n` line endings
    encoding: str
    bom: bytes
    newline: str | None  # "\n", "\r\n", "\r"; None when the file has no line break or mixes them
    replaced: tuple[int, ...] = ()  # offsets of characters decoded with U+FFFD replacement

    def encode(self, text: str) -> bytes:
        """Encode normalised `text` the way the original file was written."""
        newline = self.newline or "\n"
        if newline != "\n":
            text = text.replace("\n", newline)
        return self.bom + text.encode(self.encoding)


def decode(data: bytes) -> DecodedText:
    encoding, bom = "utf-8", b""
    for mark, name in _BOMS:
        if data.startswith(mark):
            encoding, bom = name, mark
            break
    body = data[len(bom):]
    if not encoding.startswith(("utf-16", "utf-32")) and b"\x00" in body[:8192]:  # NUL bytes are their text
        raise ReadError("binary file (NUL bytes)")
    try:
        text = body.decode(encoding)
        replaced: tuple[int, ...] = ()
    except UnicodeDecodeError:
        if bom:
            raise ReadError(f"invalid {encoding} after its byte-order mark") from None
        text = body.decode(encoding, errors="replace")
        replaced = tuple(i for i, ch in enumerate(text) if ch == "\ufffd")
    newline = _newline_style(text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if replaced:
            replaced = tuple(i for i, ch in enumerate(text) if ch == "\ufffd")
    return DecodedText(text, encoding, bom, newline, replaced)


def _newline_style(text: str) -> str | None:
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    styles = [(n, s) for n, s in ((lf, "\n"), (crlf, "\r\n"), (cr, "\r")) if n]
    if len(styles) != 1:
        return "\n" if not styles else None
    return styles[0][1]



OUTSIDE = "symlink to a file outside the project (not followed)"


def refuse_outside(path: str | Path, roots: tuple[str, ...] | None) -> None:
    """ReadError when `path` is a symbolic link to a regular file outside `roots` (the real paths of
    the project's folders): a hostile repository's `x.txt -> /etc/passwd` would be quoted in
    findings. Links to FIFOs and devices are left to read_bytes, which refuses them all."""
    if roots is None or not os.path.islink(path):
        return
    try:
        regular = stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return  # dangling or a loop: read_bytes says which
    if regular and not inside(os.path.realpath(path), roots):
        raise ReadError(OUTSIDE)


def read_bytes(path: Path, limit: int) -> bytes:
    """The file's bytes, or ReadError saying in a few words why not.

    The file is opened without blocking and must be a regular file: a FIFO or device
    named `*.md` must neither hang a run nor feed it endless bytes.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise ReadError(_reason(exc)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise ReadError("is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise ReadError("not a regular file (a FIFO, socket or device)")
        if info.st_size > limit:
            raise ReadError(f"file too large ({info.st_size:,} bytes; the limit is {limit:,}: max-file-size)")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            # a read sized by the file, not by the limit: read(limit + 1) allocates 20 MB a file
            expected = min(info.st_size, limit) + 1
            data = handle.read(expected)
            if len(data) == expected <= limit:  # it grew since fstat: read on, up to the limit
                data += handle.read(limit + 1 - expected)
    except OSError as exc:
        raise ReadError(_reason(exc)) from None
    finally:
        os.close(fd)
    if len(data) > limit:  # it grew while we read it
        raise ReadError(f"file too large (over {limit:,} bytes, the max-file-size limit)")
    return data


def _reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file (dangling symlink?)"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    if exc.errno == errno.ELOOP:
        return "symlink loop (too many levels of symbolic links)"
    if exc.errno == errno.ENAMETOOLONG:
        return "path too long (longer than the system's PATH_MAX)"
    return exc.strerror or str(exc)
