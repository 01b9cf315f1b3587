"""When a document and its claims are dated: the document's date (front matter, path, dateline) and
the time a sentence names ("on 16 December 2011", "last Friday", "two days ago") resolved against it."""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from dataclasses import dataclass

from lint.core.document import Document

MONTHS = {name: number for number, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec")), start=1) for name in names}


WEEKDAYS = {name: number for number, name in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}


MONTH = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"


DAY = r"(\d{1,2})(?:st|nd|rd|th)?"


YEAR = r"((?:1[89]|20)\d{2})"


DATE_PATTERNS = (
    ("ymd", re.compile(rf"\b{YEAR}-(\d{{2}})-(\d{{2}})\b")),
    ("mdy", re.compile(rf"\b{MONTH} {DAY},? {YEAR}\b")),
    ("dmy", re.compile(rf"\b{DAY} (?:of )?{MONTH},? {YEAR}\b")),
    ("my", re.compile(rf"\b{MONTH},? {YEAR}\b")),
    ("md", re.compile(rf"\b{MONTH} {DAY}\b(?!,? \d)")),
    ("dm", re.compile(rf"\b{DAY} (?:of )?{MONTH}\b(?!,? \d)")),
    ("y", re.compile(rf"\b(?i:in|since|during|of|early|late|mid-?|summer|spring|autumn|winter|fall),? {YEAR}\b(?!\s*(?:-|–|to)\s*\d)")),
    ("weekday", re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")),
    ("relative", re.compile(r"\b(yesterday|last (?:year|month)|(?:a|one|two|three|\d+) years? ago|(?:the )?previous year)\b", re.I)),
)


PATH_DATE = re.compile(r"(?:^|/)((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?:/|$)")


ISO_DATE = re.compile(r"\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b")


DATELINE = re.compile(rf"^[A-Z][A-Z .’'-]{{1,40}}(?:, [A-Z][A-Za-z .]{{1,30}})?,? {MONTH} {DAY}(?:,? {YEAR})?\b")


FRONT_MATTER_DATES = ("date", "published", "published_at", "publishdate", "pubdate", "datepublished", "created")


@dataclass(frozen=True, slots=True)
class When:
    """A point in time as precisely as the text says it; `relative` marks an unresolved
    'last year' (another time than the article's, but which one is unknown)."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    relative: str | None = None

    def to_json(self) -> list:
        return [self.year, self.month, self.day, self.relative]


def date_or_none(year: int, month: int, day: int) -> _dt.date | None:
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


def month_number(name: str) -> int:
    key = name.lower().rstrip(".")
    return MONTHS.get(key) or MONTHS[key[:3]]


def document_date(doc: Document) -> When:
    """The article's date: front matter, then the path (news/2011/12/16/), then a date in its
    first block, then a dateline ('ALMATY, Jan. 5 (Reuters)')."""
    for key, value in doc.front_matter.items():
        if str(key).lower().replace("-", "_") in FRONT_MATTER_DATES:
            if isinstance(value, (_dt.date, _dt.datetime)):
                return When(value.year, value.month, value.day)
            match = ISO_DATE.search(str(value))
            if match and date_or_none(*map(int, match.groups())):
                return When(*map(int, match.groups()))
    match = PATH_DATE.search(doc.path.replace("\\", "/"))
    if match and date_or_none(*map(int, match.groups())):
        return When(*map(int, match.groups()))
    first = next((b for b in doc.blocks if b.kind in ("heading", "paragraph", "list_item")), None)
    if first is not None:
        raw = doc.text[first.start:first.end]
        for pattern in (ISO_DATE, PATH_DATE):
            match = pattern.search(raw)
            if match and date_or_none(*map(int, match.groups())):
                return When(*map(int, match.groups()))
        for block in doc.blocks[:3]:
            match = DATELINE.match(doc.prose[block.start:block.end].lstrip())
            if match:
                month, day, year = month_number(match.group(1)), int(match.group(2)), match.group(3)
                return When(int(year) if year else None, month, day)
    return When()


def resolve(kind: str, groups: tuple, base: When) -> When:
    """One date expression as a When, resolved against the document's date `base`."""
    if kind == "ymd":
        return When(int(groups[0]), int(groups[1]), int(groups[2]))
    if kind == "mdy":
        return When(int(groups[2]), month_number(groups[0]), int(groups[1]))
    if kind == "dmy":
        return When(int(groups[2]), month_number(groups[1]), int(groups[0]))
    if kind == "my":
        return When(int(groups[1]), month_number(groups[0]))
    if kind in ("md", "dm"):
        month, day = (month_number(groups[0]), int(groups[1])) if kind == "md" else (month_number(groups[1]), int(groups[0]))
        year = base.year
        if year is not None and base.month is not None and month > base.month + 1:
            year -= 1  # "December 30" in a January article
        return When(year, month, day)
    if kind == "y":
        return When(int(groups[0]))
    if kind == "weekday":
        if base.year and base.month and base.day:
            today = _dt.date(base.year, base.month, base.day)
            back = (today.weekday() - WEEKDAYS[groups[0].lower()]) % 7
            day = today - _dt.timedelta(days=back)
            return When(day.year, day.month, day.day)
        return base  # "on Wednesday" is the article's own week
    phrase = groups[0].lower()
    if phrase == "yesterday":
        if base.year and base.month and base.day:
            day = _dt.date(base.year, base.month, base.day) - _dt.timedelta(days=1)
            return When(day.year, day.month, day.day)
        return base
    years = 1 if phrase.startswith(("last", "the previous", "previous", "a ", "one ")) else small_number(phrase)
    if "month" in phrase:
        if base.year and base.month:
            month = base.month - 1 or 12
            return When(base.year - (1 if base.month == 1 else 0), month)
        return When(relative="last-month")
    if base.year:
        return When(base.year - years)
    return When(relative=f"{years}-years-ago")


def small_number(phrase: str) -> int:
    word = phrase.split()[0]
    return {"two": 2, "three": 3}.get(word) or (int(word) if word.isdigit() else 1)


def sentence_dates(text: str) -> list[tuple[int, int, int, str, tuple]]:
    """The date expressions of a sentence as (start, end, priority, kind, groups), sorted by start:
    each pattern in priority order, a match overlapping an earlier one skipped. Found once per
    sentence (a sentence may hold thousands of figures); overlaps are found by bisection."""
    starts: list[int] = []  # accepted spans, sorted and disjoint
    spans: list[tuple[int, int, int, str, tuple]] = []
    for priority, (kind, pattern) in enumerate(DATE_PATTERNS):
        for match in pattern.finditer(text):
            start, end = match.span()
            i = bisect.bisect_right(starts, start)
            if i and spans[i - 1][1] > start or i < len(spans) and spans[i][0] < end:
                continue
            starts.insert(i, start)
            spans.insert(i, (start, end, priority, kind, match.groups()))
    return spans


def sentence_time(text: str, offset_in_sentence: int, base: When) -> tuple[When, bool]:
    """The time of a figure: the date expression nearest to it in its sentence, else `base`;
    and whether the sentence said it."""
    dates = sentence_dates(text)
    return nearest_date(dates, [span[0] for span in dates], offset_in_sentence, base)


def nearest_date(dates: list[tuple[int, int, int, str, tuple]], starts: list[int], offset: int,
                 base: When) -> tuple[When, bool]:
    """sentence_time over a sentence's `sentence_dates` and their starts: the nearest is one of the
    two around `offset` (the spans are disjoint); a tie goes to the more specific pattern."""
    if not dates:
        return base, False
    i = bisect.bisect_right(starts, offset)
    near = [(min(abs(start - offset), abs(end - offset)), priority, start, kind, groups)
            for start, end, priority, kind, groups in dates[max(0, i - 1):i + 1]]
    _, _, _, kind, groups = min(near, key=lambda item: item[:3])
    return resolve(kind, groups, base), True
