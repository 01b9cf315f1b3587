"""Text from articles, file names and servers, made safe to print.

An article controls its findings' messages (they quote it), a repository controls its file names,
and a LanguageTool server controls its messages. Printed raw, control characters in them reach the
terminal: ESC/CSI/OSC sequences retitle it, clear it or move the cursor over earlier findings, and
a newline forges a finding line. `for_terminal` escapes them as git and ruff do; both helpers turn
the bytes of a file name that is not UTF-8 (kept by Python as surrogate escapes) into `\\xNN`, so
that every format is valid UTF-8 whatever the names on disk.
"""

from __future__ import annotations

import re

# C0 controls but tab, DEL, C1 controls, bidirectional embeddings/overrides/isolates (which reorder
# what a terminal shows: "Trojan Source"), and lone surrogates.
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_SURROGATES = re.compile("[\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r"}


def _escaped(match: re.Match) -> str:
    char = match.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if code < 0x80:
        return f"\\x{code:02x}"
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a name that is not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}"


def for_terminal(text: str) -> str:
    """`text` with every control character, bidirectional control and undecodable byte escaped
    (`\\x1b`, `\\n`, `\\u202e`, `\\xe9`): one finding is one line, and it cannot drive the terminal."""
    return _UNSAFE.sub(_escaped, text) if not text.isprintable() else text


def as_utf8(text: str) -> str:
    """`text` with the undecodable bytes of a file name written `\\xNN` (and any other lone
    surrogate `\\udXXX`): encodable as strict UTF-8. Formats that escape control characters
    themselves (JSON, XML) use this."""
    return _SURROGATES.sub(_escaped, text)


def json_as_utf8(json_text: str) -> str:
    """JSON text (from `json.dumps(..., ensure_ascii=False)`) with the undecodable bytes of file
    names inside its strings written `\\xNN` as text (`\\\\xNN` in JSON): valid UTF-8, and the
    same name that text output shows. Surrogates occur only inside JSON strings."""
    return _SURROGATES.sub(lambda match: "\\" + _escaped(match), json_text)
