"""KZ105 mojibake: Encoding damage: UTF-8 text decoded with the wrong code page (Ã©, â€™, Ð¡)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from lint.core.document import Document
from lint.core.findings import Edit, Finding, Fix, Severity
from lint.core.forking import before_fork
from lint.rules.artifacts.support import prose_lines, quote
from lint.rules.base import DocumentRule

# Candidate spots, so ftfy (slow to import, ~1 ms a document to scan) only sees lines that may be
# damaged: a Latin-1 or Cyrillic letter followed by a character UTF-8 misread as cp1252/latin-1/cp1251
# produces (a continuation byte shown as a symbol or a rare letter), or a C1 control character.
# ftfy then decides whether it is mojibake and what the text was.
_CANDIDATE = re.compile(
    "[\u0080-\u00ff\u0400-\u045f][\u0080-\u00bf\u0152-\u02dc\u0400-\u040f\u0450-\u045f\u0490\u0491\u2013-\u2122]"
    "|[\u0080-\u009f]"
)


def _import_ftfy() -> None:
    """Imported before workers fork (they share it: 0.05-0.15 s apiece); without workers, at the first candidate."""
    import ftfy  # noqa: F401


def _repair(text: str) -> str:
    """ftfy's encoding repair only: no quote uncurling, normalisation or other cosmetics."""
    import ftfy

    config = ftfy.TextFixerConfig(
        unescape_html=False, remove_terminal_escapes=False, fix_latin_ligatures=False, fix_character_width=False,
        uncurl_quotes=False, fix_line_breaks=False, remove_control_chars=False, normalization=None, explain=False,
    )
    return ftfy.fix_text(text, config)


# A lost byte: cp1252 has no character for 0x81, 0x8D, 0x8F, 0x90 and 0x9D, so a decoder drops them or
# writes U+FFFD ("â€" + "\ufffd" was "”"), and a space after "â€" may be a lost no-break space
# (ftfy reads "†"). What the text said is a guess there: shown, never applied by --fix.
_GUESSES = ("\ufffd", "\u2020")
# "â€" (E2 80, the start of a curly quote or dash) whose third byte was lost: never text of its own
_LOST_QUOTE = re.compile("â€(?:\ufffd|(?=[\\s.,;:!?)\"]|$))")
_BOM = "\ufeff"
# A word of three or more letters all from Latin-1's accented range ("Âëàäèìèð"): a single-byte
# Cyrillic text (Windows-1251) read as Windows-1252, which ftfy, repairing UTF-8, leaves alone.
_LATIN1_WORD = re.compile("[\u00c0-\u00ff]{3,}")
_CYRILLIC_WORD = re.compile("[\u0401-\u045f]+")
# What Windows-1252 shows for the bytes 0x80-0xBF, the second and third bytes of a UTF-8 letter
_CONTINUATION = re.escape("".join(bytes([b]).decode("cp1252", errors="ignore") for b in range(0x80, 0xC0)))
_DAMAGED_LETTER = f"(?:[\u00c2-\u00df][{_CONTINUATION}]|[\u00e0-\u00ef][{_CONTINUATION}]{{2}})"
# ... one UTF-8 letter misread, inside a word: "ErdoÄŸan" (ğ), "EskiÅŸehir" (ş), "Nguyá»…n" (ễ), which ftfy
# leaves alone when it is the line's only damage or stands beside letters written right ("Paweł")
_LONE_DAMAGE = re.compile(f"(?<=[^\\W\\d_]){_DAMAGED_LETTER}|{_DAMAGED_LETTER}(?=[^\\W\\d_])")


class Mojibake(DocumentRule):
    code = "KZ105"
    name = "mojibake"
    severity = Severity.ERROR
    summary = "Encoding damage: text decoded with the wrong code page (Ã©, â€™, Ð¡, Ïóòèí)."
    message = 'mojibake "{bad}", should read "{good}"'
    messages = {
        "lossy": 'mojibake "{bad}": a byte was lost in the damage; it probably read "{good}" (check it)',
        "bom": 'mojibake "{bad}": a byte-order mark read as text; delete it',
        "cp1251": 'mojibake "{bad}": Windows-1251 text read as Windows-1252; it reads "{good}"',
    }
    explanation = (
        "When UTF-8 bytes are decoded as Windows-1252, Latin-1 or Windows-1251, every accented "
        "letter, curly quote and Cyrillic letter turns into two or three wrong characters: "
        "“Kazakhstan’s” becomes “Kazakhstanâ€™s”, “Казахстан” becomes “РљР°Р·Р°С…СЃС‚Р°РЅ”. "
        "Names become unsearchable and quotes unreadable. kzlint asks ftfy (not a hand-written "
        "table) whether a suspicious line is mojibake and what it originally said; --fix writes "
        "ftfy's repair. Where the damage lost a byte (a closing quote “â€” followed by a space or by "
        "“�”), the repair is a guess: the finding says so and --fix leaves it to you. A byte-order "
        "mark read as text (“ï»¿”) is deleted. A line of Russian saved as Windows-1251 and read as "
        "Windows-1252 (“Âëàäèìèð Ïóòèí”: words of accented Latin letters only, every one a Cyrillic "
        "word when read back) is reported with its reading, as an unsafe fix."
    )
    bad_example = "Kazakhstanâ€™s president has imposed a state of emergency."
    good_example = "Kazakhstan’s president has imposed a state of emergency."
    fixable = True

    def prepare(self) -> list[str]:
        before_fork(_import_ftfy)
        return []

    def check(self, doc: Document) -> Iterator[Finding]:
        if doc.prose.isascii() or not (_CANDIDATE.search(doc.prose) or _LATIN1_WORD.search(doc.prose)):
            return
        for line in prose_lines(doc):
            original = doc.text[line.start:line.end]
            if _LATIN1_WORD.search(line.text):
                finding = self._single_byte_cyrillic(doc, line.start, original)
                if finding is not None:
                    yield finding
                    continue
            if not _CANDIDATE.search(line.text):
                continue
            repaired = _repair(original)
            regions = []
            if repaired != original:
                matcher = difflib.SequenceMatcher(None, original, repaired, autojunk=False)
                regions = _changed_regions(matcher.get_opcodes(), original, repaired)
            for a0, a1, b0, b1 in regions:
                yield self._finding(doc, line.start + a0, original[a0:a1], repaired[b0:b1])
            for a0, a1, good in _lone_letters(original):
                if not any(r0 < a1 and a0 < r1 for r0, r1, _, _ in regions):
                    yield self._finding(doc, line.start + a0, original[a0:a1], good)
            for match in _LOST_QUOTE.finditer(original):  # ftfy leaves a lone one in clean text alone
                if not any(a0 <= match.start() < a1 for a0, a1, _, _ in regions):
                    yield self._finding(doc, line.start + match.start(), match.group(), "\ufffd")

    def _finding(self, doc: Document, start: int, bad: str, good: str) -> Finding:
        end = start + len(bad)
        if good == _BOM:
            return self.report(doc, start, end, "bom", bad=quote(bad, 40),
                               fix=Fix((Edit(start, end, ""),), "delete the byte-order mark"))
        if any(mark in good for mark in _GUESSES):
            # after "â€" the lost byte was most likely 0x9D: "”"; elsewhere it stays unknown ("�")
            guess = good.replace("\ufffd", "”").replace("\u2020", "”") if "â€" in bad else good
            fix = None if "\ufffd" in guess else Fix((Edit(start, end, guess),),
                                                     f'repair the encoding: "{quote(guess, 40)}"', safe=False)
            return self.report(doc, start, end, "lossy", bad=quote(bad, 40), good=quote(guess, 40), fix=fix)
        return self.report(doc, start, end, bad=quote(bad, 40), good=quote(good, 40),
                           fix=Fix((Edit(start, end, good),), f'repair the encoding: "{quote(good, 40)}"'))

    def _single_byte_cyrillic(self, doc: Document, offset: int, line: str) -> Finding | None:
        """The line's words of accented Latin letters, read back as Windows-1251, if every one is
        Cyrillic and they hold most of the line's letters (else None: French, German, Icelandic...)."""
        words = _LATIN1_WORD.findall(line)
        letters = sum(ch.isalpha() for ch in line)
        if len(words) < 2 or sum(map(len, words)) * 2 < letters:
            return None
        try:
            readings = [word.encode("cp1252").decode("cp1251") for word in words]
        except UnicodeError:
            return None
        if not all(_CYRILLIC_WORD.fullmatch(reading) for reading in readings):
            return None
        start = next(i for i, ch in enumerate(line) if ch.isalpha())
        end = len(line.rstrip())
        bad = line[start:end]
        try:
            good = bad.encode("cp1252").decode("cp1251")
        except UnicodeError:
            return None
        return self.report(doc, offset + start, offset + end, "cp1251", bad=quote(bad, 40), good=quote(good, 40),
                           fix=Fix((Edit(offset + start, offset + end, good),),
                                   f'read it as Windows-1251: "{quote(good, 40)}"', safe=False))


def _lone_letters(line: str) -> list[tuple[int, int, str]]:
    """(start, end, letter) of each UTF-8 letter of the Latin alphabets read as Windows-1252 inside a
    word ("ErdoÄŸan": the bytes of "ğ" as "Ä" and "Ÿ"); a sequence that reads back as no such letter
    ("Straße”": "ß”" would be an N'Ko letter) is left alone."""
    found = []
    for match in _LONE_DAMAGE.finditer(line):
        try:
            letter = match.group().encode("cp1252").decode("utf-8")
        except UnicodeError:
            continue
        if letter.isalpha() and ("\u00c0" <= letter <= "\u024f" or "\u1e00" <= letter <= "\u1eff"):
            found.append((match.start(), match.end(), letter))
    return found


def _changed_regions(opcodes: list[tuple[str, int, int, int, int]], original: str,
                     repaired: str) -> list[tuple[int, int, int, int]]:
    """(a0, a1, b0, b1) of each change; changes fewer than 3 characters apart are one region, and a
    deletion takes the character after it along ("Â£" -> "£", not "Â" -> "")."""
    regions: list[list[int]] = []
    for tag, a0, a1, b0, b1 in opcodes:
        if tag == "equal":
            continue
        if regions and a0 - regions[-1][1] < 3:
            regions[-1][1], regions[-1][3] = a1, b1
        else:
            regions.append([a0, a1, b0, b1])
    for region in regions:
        a0, a1, b0, b1 = region
        if b0 == b1 and a1 < len(original) and b1 < len(repaired) and original[a1] == repaired[b1]:
            region[1], region[3] = a1 + 1, b1 + 1
    return [(a0, a1, b0, b1) for a0, a1, b0, b1 in regions]
