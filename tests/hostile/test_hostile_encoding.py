"""Bytes that are not clean UTF-8 with `\n` line endings: binary, latin-1/cp1252, BOMs, CRLF, CR, empty.

Line/column checks compare each variant with the LF UTF-8 version of the same text, under
every rule that exists, and pin one custom-rule finding at a position counted by hand.
"""

from __future__ import annotations

import codecs
import random

import pytest
from hostile_helpers import HOUSE_RULE, SEEDS, exit_code_matches, record

ARTICLE = (
    "Protests spread in Zhanaozen\n"
    "\n"
    "Police said on Friday that the protests in the western town had spread to the regional capital.\n"
    "\n"
    "The ministry, based in Nur-Sultan, did not comment. Officials in Nur-Sultan declined.\n"
    "\n"
    "Read more: Kazakhstan's president sacks the cabinet\n"
)
# "Nur-Sultan" first appears on line 5 at column 24 (1-based, in characters).
FIRST_HOUSE = (5, 24)


def seed_text() -> str:
    return sorted(SEEDS.glob("*.txt"))[1].read_text(encoding="utf-8")


def write(folder, name: str, data: bytes):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "rules.yaml").write_text(HOUSE_RULE, encoding="utf-8")
    (folder / name).write_bytes(data)
    return folder


def positions(run, code=None) -> list[str]:
    """Finding lines without the message text that may quote changed characters."""
    return [line.split(" ", 2)[0] + " " + line.split(" ", 2)[1] for line in run.findings(code)]


# -- line endings and byte-order marks -----------------------------------------------------------

VARIANTS = {
    "crlf": lambda text: text.replace("\n", "\r\n").encode("utf-8"),
    "cr-only": lambda text: text.replace("\n", "\r").encode("utf-8"),
    "utf-8 bom": lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    "utf-8 bom + crlf": lambda text: codecs.BOM_UTF8 + text.replace("\n", "\r\n").encode("utf-8"),
    "utf-16-le bom + crlf": lambda text: codecs.BOM_UTF16_LE + text.replace("\n", "\r\n").encode("utf-16-le"),
    "utf-16-be bom": lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    "utf-32-le bom": lambda text: codecs.BOM_UTF32_LE + text.encode("utf-32-le"),
    "no final newline": lambda text: text.rstrip("\n").encode("utf-8"),
}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("source", ["article", "seed"])
def test_line_endings_and_boms_give_the_same_findings_as_lf(kz, tmp_path, variant, source):
    text = ARTICLE if source == "article" else seed_text() + "\nThey met in Nur-Sultan.\n"
    plain = kz("article.txt", cwd=write(tmp_path / "lf", "article.txt", text.encode("utf-8")))
    other = kz("article.txt", cwd=write(tmp_path / "other", "article.txt", VARIANTS[variant](text)))
    record(f"encoding: {variant} ({source})", other, f"{len(other.findings())} findings, same as LF")
    assert plain.findings(), "the text must produce findings for the comparison to mean anything"
    assert other.out == plain.out
    assert other.code == plain.code
    exit_code_matches(other)


def test_house_rule_position_is_counted_in_characters_after_a_bom_and_crlf(kz, tmp_path):
    data = codecs.BOM_UTF16_LE + ARTICLE.replace("\n", "\r\n").encode("utf-16-le")
    run = kz("--select", "KZ990", "article.txt", cwd=write(tmp_path, "article.txt", data))
    first = run.findings("KZ990")[0]
    assert first.startswith("article.txt:%d:%d: warning[KZ990]" % FIRST_HOUSE), first


# -- invalid UTF-8 -------------------------------------------------------------------------------

def replaced_but_utf8(data: bytes) -> bytes:
    """The same text as `data` decodes to, saved as valid UTF-8 (U+FFFD where bytes were invalid)."""
    return data.decode("utf-8", "replace").encode("utf-8")


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_invalid_utf8_is_linted_with_replacement_says_so_and_keeps_positions(kz, tmp_path, encoding):
    quoted = "\u201cWe will not leave,\u201d a protester said \u2014 quietly.\n" if encoding == "cp1252" else ""
    text = quoted + ARTICLE.replace("Police said", "Café owners and police said") + seed_text()
    text += "\nThey flew to Nur-Sultan.\n"
    data = text.encode(encoding, errors="replace")  # what latin-1 cannot hold becomes "?"
    reference = kz("article.txt", cwd=write(tmp_path / "utf8", "article.txt", replaced_but_utf8(data)))
    damaged = kz("article.txt", cwd=write(tmp_path / encoding, "article.txt", data))
    record(f"encoding: {encoding} bytes", damaged, "one KZ002; every other finding where the UTF-8 text has it")
    unreadable = damaged.findings("KZ002")
    first = (1, 1) if quoted else (3, 4)  # the first replaced character: the opening quote, or the é of Café
    assert unreadable == ["article.txt:%d:%d: warning[KZ002] invalid UTF-8: bytes decoded as U+FFFD replacement "
                          "characters; re-save the file as UTF-8 (unreadable)" % first], unreadable
    assert [f for f in damaged.findings() if "[KZ002]" not in f] == reference.findings()
    assert len(reference.findings()) > 3
    last = text.count("\n")
    assert damaged.findings("KZ990")[-1].startswith(f"article.txt:{last}:14: warning[KZ990]")
    exit_code_matches(damaged)


def test_bytes_that_are_invalid_after_a_bom_are_reported_not_guessed(kz, tmp_path):
    data = codecs.BOM_UTF8 + "Headline\n\nCafé owners met.\n".encode("latin-1")
    run = kz("a.txt", cwd=write(tmp_path, "a.txt", data))
    assert run.findings("KZ002") == ["a.txt:1:1: warning[KZ002] cannot lint: invalid utf-8 after its byte-order mark (unreadable)"]
    exit_code_matches(run)


# -- binary files with a text extension ------------------------------------------------------------

PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489") + bytes(range(256)) * 40


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("photo.md", PNG, "binary file"),
        ("archive.txt", b"\x1f\x8b\x08\x00" + bytes(4000), "binary file"),
        ("noise.md", random.Random(7).randbytes(20000).replace(b"\0", b"x"), "invalid UTF-8"),
        ("utf16-no-bom.txt", "Headline\n\nThe mayor spoke.\n".encode("utf-16-le"), "binary file"),
        ("odd-utf16.txt", codecs.BOM_UTF16_LE + b"A\x00B", "invalid utf-16-le"),
    ],
    ids=lambda value: value if isinstance(value, str) and "." in value else "",
)
def test_binary_file_with_text_extension_is_one_diagnostic_and_the_run_goes_on(kz, tmp_path, name, data, reason):
    folder = write(tmp_path, name, data)
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    alone = kz("good.txt", cwd=folder)
    run = kz(".", cwd=folder)
    record(f"binary: {name}", run, f"KZ002 {reason}; other file linted")
    mine = run.findings("KZ002")
    assert [line for line in mine if line.startswith(name)], run.out
    assert all(reason in line for line in mine if line.startswith(f"{name}:1:")), mine
    assert [line for line in run.findings() if line.startswith("good.txt")] == alone.findings()
    exit_code_matches(run)


# -- empty and whitespace-only files ---------------------------------------------------------------

@pytest.mark.parametrize(
    "data",
    [b"", b"\n", b" \t \n\n   \n", b"\r\n" * 500, b"\xef\xbb\xbf", codecs.BOM_UTF16_LE, b"\n" * 10000, b"\xc2\xa0\n\t\x0b\x0c\n",
     b"---\n", b"---\n---\n", b"---\n...\n", b"<!-- -->", b"#", b">", b"-", b"```", b"1."],
    ids=lambda d: repr(d[:12]),
)
def test_empty_and_whitespace_only_files(kz, tmp_path, data):
    folder = write(tmp_path, "empty.md", data)
    (folder / "empty.txt").write_bytes(data)
    run = kz("empty.md", "empty.txt", cwd=folder)
    assert not run.findings("KZ002") and not run.findings("KZ000")
    assert "in 2 files" in run.lines()[-1]
    exit_code_matches(run)
