"""When a document and its claims are dated: the document's date (front matter, path, a date line or
dateline, its source URL) and the dates the text writes ("on 16 December 2011", "last Friday", "the
1981 riots", "the early seventies", "Boxing Day", "fourteen months later"), each as a stretch of days
with its precision (`Time`); a date whose year the text does not give keeps its month and day."""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from lint.core.document import front_matter_key

MONTHS = {name: number for number, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec")), start=1) for name in names}
WEEKDAYS = {name: number for number, name in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
                 "fifteen": 15, "sixteen": 16, "eighteen": 18, "twenty": 20, "thirty": 30, "several": 3,
                 "few": 3, "a few": 3}
_DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70,
                 "eighties": 80, "nineties": 90}
# Fixed-date holidays that name a day of their own in English news ("the Boxing Day tsunami").
_HOLIDAYS = {"boxing day": (12, 26), "christmas day": (12, 25), "christmas eve": (12, 24),
             "new year's day": (1, 1), "new year's eve": (12, 31), "new year’s day": (1, 1),
             "new year’s eve": (12, 31), "valentine's day": (2, 14), "valentine’s day": (2, 14),
             "halloween": (10, 31)}

_MONTH = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"((?:1[89]|20)\d{2})"
_UNIT = r"(days?|weeks?|months?|years?|decades?)"
_COUNT = r"(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|eighteen|twenty|thirty|several|a few)"

# (kind, pattern); earlier kinds win where two overlap
_DATE_PATTERNS: tuple[tuple[str, re.Pattern], ...] = (
    ("ymd", re.compile(rf"\b{_YEAR}-(\d{{2}})-(\d{{2}})(?:\b|(?=T\d\d:\d\d))")),  # ISO 8601: 2024-05-03T14:22:00Z
    ("mdy", re.compile(rf"\b{_MONTH} {_DAY},? {_YEAR}\b")),
    ("dmy", re.compile(rf"\b{_DAY} (?:of )?{_MONTH},? {_YEAR}\b")),
    ("my", re.compile(rf"\b{_MONTH},? (?:of )?{_YEAR}\b")),
    # a span of years: "between 2009 and 2018", "from 2010 to 2015", "2009-10"
    ("years", re.compile(rf"\b(?i:between|from)\s+{_YEAR}\s+(?:and|to|until|till|through)\s+{_YEAR}\b"
                         rf"|(?<![\d,.$£€-]){_YEAR}\s*[-–]\s*((?:1[89]|20)?\d\d)\b(?![-–/.]\d)")),
    ("md", re.compile(rf"\b{_MONTH} {_DAY}\b(?!,? \d)")),
    ("dm", re.compile(rf"\b{_DAY} (?:of )?{_MONTH}\b(?!,? \d)")),
    ("decade", re.compile(r"\b(?:the\s+)?(?:(early|mid|late)[\s-]+)?(?:(1[89]|20)?(\d)0['’]?s|['’](\d)0s|(nineteen[\s-])?"
                          r"(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b", re.I)),
    ("century", re.compile(r"\b(?:the\s+)?(?:(early|mid|late)[\s-]+)?(\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|"
                           r"fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|"
                           r"fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)"
                           r"[\s-]+century\b", re.I)),
    ("y", re.compile(rf"(?<![\d,.$£€-]){_YEAR}(?!\s*(?:-|–|to)\s*\d)(?![\d,.%]\d|\s*(?:%|per\s*cent|people|"
                     rf"residents|victims|troops|soldiers|pounds|dollars|euros|m\b|bn\b))")),
    # "Halloween" before a noun is a season's festivities ("a Halloween crowd" gathered on the 29th), not the 31st
    ("holiday", re.compile(r"\b(Boxing Day|Christmas (?:Day|Eve)|New Year['’]s (?:Day|Eve)|Valentine['’]s Day|"
                           r"Halloween(?![ ](?!night\b|day\b|eve\b)[a-z]))\b")),
    ("weekday", re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")),
    ("shift", re.compile(rf"\b{_COUNT} {_UNIT} (later|earlier|before|after(?:wards)?|on)\b", re.I)),
    # "three days ago"; "to mark 20 years since the tsunami", "in the ten days since the flood": that long before the report
    ("ago", re.compile(rf"\b{_COUNT} {_UNIT} (ago today|ago|since)\b", re.I)),
    ("month", re.compile(rf"\b(last|this|next|past) {_MONTH}(?!,? \d)\b", re.I)),  # "last September"
    ("relative", re.compile(r"\b(yesterday|today|tonight|this (?:week|month|year|morning|afternoon|evening)|"
                            r"last (?:night|week|month|year)|(?:the )?previous (?:week|month|year)|earlier this "
                            r"(?:week|month|year))\b", re.I)),
)


_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# what a pattern needs in the text before it is worth running (a sentence without a digit has no date)
_NEEDS: dict[str, object] = {
    "ymd": "digits", "mdy": "digits+month", "dmy": "digits+month", "my": "digits+month", "md": "digits+month",
    "dm": "digits+month", "y": "digits", "years": "digits", "decade": ("0s", "0's", "0’s", "ties"), "century": ("century",),
    "holiday": ("day", "eve", "halloween"), "weekday": ("day",), "shift": ("later", "earlier", "before", "after", " on"),
    "ago": ("ago", " since"), "month": ("last ", "this ", "next ", "past "), "relative": ("yesterday", "today", "tonight", "this ", "last ", "previous ", "earlier"),
}


@dataclass(frozen=True, slots=True)
class Time:
    """A stretch of days as precisely as the text gives it. `lo`/`hi` are date ordinals (inclusive)
    when the year is known; a date without a year ("26 December" in an undated article) keeps only
    `month` and `day`. `precision`: day | month | year | years | decade | century."""

    lo: int | None
    hi: int | None
    precision: str
    month: int | None = None
    day: int | None = None

    @property
    def known(self) -> bool:
        return self.lo is not None

    @property
    def year(self) -> int | None:
        return _dt.date.fromordinal(self.lo).year if self.lo is not None else None

    def to_json(self) -> list:
        return [self.lo, self.hi, self.precision, self.month, self.day]

    @classmethod
    def from_json(cls, value: Sequence | None) -> "Time | None":
        return cls(*value) if value else None

    def words(self) -> str:
        """'2004-12-26', '2004-12', '2004', '1970s', '26 December (year not given)'."""
        if self.lo is None:
            if self.month and self.day:
                return f"{self.day} {_MONTH_NAMES[self.month]} (year not given)"
            return f"{_MONTH_NAMES[self.month]} (year not given)" if self.month else "undated"
        start = _dt.date.fromordinal(self.lo)
        if self.precision == "day":
            return start.isoformat()
        if self.precision == "month":
            return f"{start.year}-{start.month:02d}"
        if self.precision == "decade":
            return f"{start.year}s"
        if self.precision == "century":
            return f"{(start.year - 1) // 100 + 1}th century"
        if self.precision == "years":
            return f"{start.year}-{_dt.date.fromordinal(self.hi).year}"
        return str(start.year)


_ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
             "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth twenty-first").split()
_MONTH_NAMES = [""] + "January February March April May June July August September October November December".split()


def day(year: int, month: int, day_: int) -> Time | None:
    try:
        ordinal = _dt.date(year, month, day_).toordinal()
    except ValueError:
        return None
    return Time(ordinal, ordinal, "day", month, day_)


def month_of(year: int, month: int) -> Time | None:
    if not 1 <= month <= 12:
        return None
    first = _dt.date(year, month, 1)
    last = (_dt.date(year + (month == 12), month % 12 + 1, 1) - _dt.timedelta(days=1))
    return Time(first.toordinal(), last.toordinal(), "month", month)


def year_of(year: int) -> Time:
    return Time(_dt.date(year, 1, 1).toordinal(), _dt.date(year, 12, 31).toordinal(), "year")


def decade_of(start: int, part: str | None = None) -> Time:
    first, last = start, start + 9
    if part == "early":
        last = start + 3
    elif part == "mid":
        first, last = start + 3, start + 6
    elif part == "late":
        first = start + 6
    return Time(_dt.date(first, 1, 1).toordinal(), _dt.date(last, 12, 31).toordinal(), "decade")


def _month(name: str) -> int:
    key = name.lower().rstrip(".")
    return MONTHS.get(key) or MONTHS[key[:3]]


def _count(word: str) -> int:
    word = word.lower()
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word, 1)


def _shifted(time: Time, amount: int, unit: str, sign: int) -> Time | None:
    """`time` moved by `amount` units (sign -1: earlier), at the coarser of the two precisions."""
    if time.lo is None:
        return None
    unit = unit.lower().rstrip("s")
    start = _dt.date.fromordinal(time.lo)
    if unit == "day":
        return Time(time.lo + sign * amount, time.hi + sign * amount, time.precision)
    if unit == "week":
        return Time(time.lo + sign * 7 * amount, time.hi + sign * 7 * amount, "day" if time.precision == "day" else time.precision)
    if unit == "month":
        index = start.year * 12 + start.month - 1 + sign * amount
        return month_of(index // 12, index % 12 + 1)
    years = amount * (10 if unit == "decade" else 1)
    return year_of(start.year + sign * years)


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    time: Time | None  # None: a date that cannot be resolved (a weekday in an undated article)
    kind: str  # the pattern kind: ymd, mdy, dmy, my, md, dm, decade, y, holiday, weekday, shift, ago, month, relative

    @property
    def explicit_year(self) -> bool:
        """The text writes the year (or decade) out: '1998', 'December 2011', 'the 1970s'."""
        return self.kind in ("ymd", "mdy", "dmy", "my", "years", "decade", "century", "y")

    @property
    def current(self) -> bool:
        """A date in the article's own present: 'on Tuesday', 'yesterday', 'this week'."""
        return self.kind in ("weekday", "relative") and self.time is not None or self.kind == "weekday"


def parse_dates(text: str, base: Time | None = None, previous: Time | None = None,
                kinds: Sequence[str] | None = None) -> list[DateMention]:
    """Every date expression in `text` (of `kinds`, default all), resolved against the document's
    date `base` (a day, or None) and, for 'N months later', against `previous` (the last date the
    narrative gave)."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    lower = text.lower()
    digits = any(c.isdigit() for c in text)
    months = digits and any(m in lower for m in _MONTH_STEMS)
    for kind, pattern in _DATE_PATTERNS:
        if kinds is not None and kind not in kinds:
            continue
        needs = _NEEDS.get(kind)
        if needs == "digits+month" and not months or needs == "digits" and not digits or \
                isinstance(needs, tuple) and not any(n in lower for n in needs):
            continue
        for match in pattern.finditer(text):
            span = match.span()
            # the accepted spans are disjoint and kept sorted: an overlap is with a neighbour
            # (bisection; a scan of all of them made a text of thousands of dates quadratic)
            at = bisect.bisect_left(taken, span)
            if at and taken[at - 1][1] > span[0] or at < len(taken) and taken[at][0] < span[1]:
                continue
            if kind == "y" and not _year_is_date(text, match.start(), match.end()):
                continue
            taken.insert(at, span)
            found.append(DateMention(span[0], span[1], _resolve(kind, match, base, previous), kind))
    found.sort(key=lambda m: m.start)
    return found


# a bare year is a date after these words, or before a noun it dates ("the 1981 riots", "1998's floods")
_YEAR_BEFORE = re.compile(r"(?:\b(?:in|since|during|of|from|until|till|by|early|late|mid|before|after|the|summer|spring|"
                          r"autumn|winter|fall|year|between|and|to|around|circa|c\.)[\s-]*|['’])$", re.I)
_YEAR_AFTER = re.compile(r"(?:['’]s\b|\s+[a-zA-Z])")
_YEAR_WHEN = re.compile(r",?\s+when\b")  # "Compare that with 2015, when floods swept the valley"


def _year_is_date(text: str, start: int, end: int) -> bool:
    return bool(_YEAR_BEFORE.search(text[max(0, start - 12):start]) or _YEAR_WHEN.match(text, end)
                or _YEAR_AFTER.match(text, end)
                and text[max(0, start - 5):start].lower().endswith(("the ", "a ", "its ", "his ", "her ")))


def _resolve(kind: str, match: re.Match, base: Time | None, previous: Time | None) -> Time | None:
    groups = match.groups()
    base_year = base.year if base is not None and base.known else None
    if kind == "ymd":
        return day(int(groups[0]), int(groups[1]), int(groups[2]))
    if kind == "mdy":
        return day(int(groups[2]), _month(groups[0]), int(groups[1]))
    if kind == "dmy":
        return day(int(groups[2]), _month(groups[1]), int(groups[0]))
    if kind == "my":
        return month_of(int(groups[1]), _month(groups[0]))
    if kind in ("md", "dm", "holiday"):
        if kind == "holiday":
            month, day_ = _HOLIDAYS[groups[0].lower()]
        else:
            month, day_ = (_month(groups[0]), int(groups[1])) if kind == "md" else (_month(groups[1]), int(groups[0]))
        if not 1 <= day_ <= 31:
            return None
        if base_year is None:
            return Time(None, None, "day", month, day_)
        base_month = _dt.date.fromordinal(base.lo).month
        year = base_year - 1 if month > base_month + 1 else base_year  # "December 30" in a January article
        return day(year, month, day_) or Time(None, None, "day", month, day_)
    if kind == "y":
        return year_of(int(groups[0]))
    if kind == "years":
        first = groups[0] or groups[2]
        last = groups[1] or groups[3]
        if len(last) == 2:
            last = first[:2] + last  # "2009-10"
        if not int(first) < int(last) <= int(first) + 100:
            return None
        return Time(year_of(int(first)).lo, year_of(int(last)).hi, "years")
    if kind == "century":
        word = groups[1].lower()
        number = int(word[:-2]) if word[:1].isdigit() else _ORDINALS.index(word) + 1
        if not 1 <= number <= 21:
            return None
        first = (number - 1) * 100 + (1 if number == 1 else 0)
        start, end = {"early": (first, first + 32), "mid": (first + 33, first + 66),
                      "late": (first + 67, first + 99)}.get((groups[0] or "").lower(), (first, first + 99))
        return Time(_dt.date(start, 1, 1).toordinal(), _dt.date(end, 12, 31).toordinal(), "century")
    if kind == "decade":
        part, century, digit, short, _, word = groups
        if word:
            start = 1900 + _DECADE_WORDS[word.lower()]
        else:
            tens = int(digit if digit is not None else short)
            start = (int(century) * 100 if century else 1900) + tens * 10
        return decade_of(start, part.lower() if part else None)
    if kind == "weekday":
        if base is None or not base.known or base.precision != "day":
            return None
        back = (_dt.date.fromordinal(base.lo).weekday() - WEEKDAYS[groups[0].lower()]) % 7
        return Time(base.lo - back, base.lo - back, "day")
    if kind == "shift":
        if previous is None:
            return None
        direction = groups[2].lower()
        sign = -1 if direction in ("earlier", "before") else 1
        return _shifted(previous, _count(groups[0]), groups[1], sign)
    if kind == "ago":
        if base is None or not base.known:
            return None
        if groups[2].lower() == "ago today" and base.precision == "day" and groups[1].lower().startswith("year"):
            now = _dt.date.fromordinal(base.lo)  # "a year ago today": that very day (29 February: the 28th)
            then = now.replace(year=now.year - _count(groups[0]), day=min(now.day, 28 if now.month == 2 else 31))
            return Time(then.toordinal(), then.toordinal(), "day")
        return _shifted(base, _count(groups[0]), groups[1], -1)
    if kind == "month":
        if base is None or not base.known:
            return None
        now, month = _dt.date.fromordinal(base.lo), _month(groups[1])
        which = groups[0].lower()
        year = now.year if which == "this" else \
            now.year - (month >= now.month) if which in ("last", "past") else now.year + (month <= now.month)
        return month_of(year, month)
    phrase = groups[0].lower()
    if base is None or not base.known:
        return None
    if phrase in ("today", "tonight") or phrase.startswith("this "):
        return base if phrase in ("today", "tonight", "this morning", "this afternoon", "this evening") else \
            _around(base, phrase.split()[-1])
    if phrase in ("yesterday", "last night"):
        return Time(base.lo - 1, base.hi - 1, base.precision)
    unit = phrase.split()[-1]
    if phrase.startswith("earlier this"):
        return _around(base, unit)
    return _shifted(base, 1, unit, -1) if unit != "week" else Time(base.lo - 13, base.hi - 1, "day")


def _around(base: Time, unit: str) -> Time:
    start = _dt.date.fromordinal(base.lo)
    if unit == "month":
        return month_of(start.year, start.month)
    if unit == "year":
        return year_of(start.year)
    return Time(base.lo - 6, base.hi, "day")


# -- the document's date ----------------------------------------------------------------------------

# Front-matter keys of an article's date as scrapers, feeds and site generators write them (as
# front_matter_key compares them: "article:published_time", "datePublished", "publish_date"), the
# publication's before the last update's.
_FRONT_MATTER_DATES = ("datepublished", "published", "publishedat", "publishdate", "publisheddate", "pubdate",
                       "publishedtime", "articlepublishedtime", "publicationdate", "date", "datetime", "time",
                       "created", "createdat", "datecreated", "updated", "updatedat", "dateupdated", "modified",
                       "datemodified", "modifiedtime", "articlemodifiedtime", "lastmod", "lastmodified")
_KEY_RANK = {key: rank for rank, key in enumerate(_FRONT_MATTER_DATES)}
_YMD = re.compile(r"\b((?:19|20)\d{2})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)")
_NUMERIC_DMY = re.compile(r"\b(\d{1,2})([./])(\d{1,2})\2((?:19|20)\d{2})\b")
_TIMESTAMP = (946684800, 4102444800)  # seconds since 1970 of 2000-01-01 and 2100-01-01
# a folder or a file name's first part: news/2011/12/16/x.txt, 2023-10-08_ap.txt, reuters_2023-10-08.txt
_URL_DATE = re.compile(r"(?:^|[/_])((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/\-_.]|$)")
_URL_DATE_COMPACT = re.compile(r"(?:^|[/_])((?:19|20)\d{2})(\d{2})(\d{2})\d*(?:[/\-_.]|$)")
_URL_DATE_NAMED = re.compile(r"/((?:19|20)\d{2})/(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*/(\d{1,2})(?:/|$)", re.I)
_DATELINE = re.compile(rf"^\s*[A-Z][A-Z .’'-]{{1,40}}(?:, [A-Z][A-Za-z .]{{1,30}})?(?: \([^()]{{1,40}}\))?,? {_MONTH} {_DAY}"
                       rf"(?:,? {_YEAR})?\b")
# a line near the top that is nothing but a date, or a "Published 19 November 2019" line
_DATE_LINE = re.compile(rf"^\s*(?:#+\s*)?(?:\[)?(?:(?:published|posted|updated|first published|last updated|date)"
                        rf"(?:\s+on)?:?\s*)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
                        rf"(?:{_DAY} {_MONTH},? {_YEAR}|{_MONTH} {_DAY},? {_YEAR}|{_YEAR}-(\d{{2}})-(\d{{2}}))", re.I)


def document_date(front_matter: Mapping | None = None, path: str = "", head: Sequence[str] = (),
                  urls: Iterable[str] = ()) -> Time | None:
    """The article's date, a day: its front matter, its path (news/2011/12/16/), a date line at the
    top ('Published 19 November 2019', '### [2011-12-16](...)'), a dateline ('ALMATY, Jan. 5, 2022
    (Reuters)'; without a year it gives no date), else its source URL (`urls`: the front matter's
    url/source and the links of a 'Source:' line, never other links). `head`: the first few blocks."""
    dated = sorted((rank, index, value) for index, (key, value) in enumerate((front_matter or {}).items())
                   if (rank := _KEY_RANK.get(front_matter_key(key))) is not None)
    for _rank, _index, value in dated:
        found = front_matter_date(value)
        if found is not None:
            return found
    found = _url_date(path.replace("\\", "/"))
    if found is not None:
        return found
    for block in head:
        match = _DATE_LINE.match(block)
        if match:
            g = match.groups()
            if g[0]:
                return day(int(g[2]), _month(g[1]), int(g[0]))
            if g[3]:
                return day(int(g[5]), _month(g[3]), int(g[4]))
            return day(int(g[6]), int(g[7]), int(g[8]))
        match = _DATELINE.match(block)
        if match and match.group(3):
            return day(int(match.group(3)), _month(match.group(1)), int(match.group(2)))
    for url in urls:
        found = _url_date(url)
        if found is not None:
            return found
    return None


def front_matter_date(value: object) -> Time | None:
    """The day a front-matter value gives: a YAML date, an ISO or RFC 822 string ("2023-09-12T08:30Z",
    "Tue, 12 Sep 2023 08:30:00 GMT"), a written date ("Sep 12, 2023"), a numeric one whose order is
    certain ("2023/09/12"; "12.09.2023", dots being day first; "13/09/2023", not "09/12/2023"), or
    "20230912", or a Unix timestamp in seconds or milliseconds (UTC)."""
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return day(value.year, value.month, value.day)
    if isinstance(value, bool):
        return None
    text = str(value).strip()
    if len(text) == 8 and text.isdigit() and text[:2] in ("19", "20"):  # 20230912
        return day(int(text[:4]), int(text[4:6]), int(text[6:]))
    if isinstance(value, (int, float)) or text.isdigit():
        seconds = float(text)
        seconds = seconds / 1000 if seconds > _TIMESTAMP[1] else seconds
        if _TIMESTAMP[0] <= seconds < _TIMESTAMP[1]:
            date = _dt.datetime.fromtimestamp(seconds, _dt.timezone.utc).date()
            return day(date.year, date.month, date.day)
        return None
    match = _YMD.search(text)
    if match:
        return day(int(match.group(1)), int(match.group(3)), int(match.group(4)))
    for mention in parse_dates(text, kinds=("mdy", "dmy")):
        if mention.time is not None and mention.time.known:
            return mention.time
    match = _NUMERIC_DMY.search(text)
    if match:
        first, second, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
        if match.group(2) == "." or first > 12:
            return day(year, second, first)
        if second > 12:
            return day(year, first, second)
    return None


BYLINE_WORDS = 20  # a byline or date line is short: 'Chris Davies - Nov 19, 2019, 10:31 pm CST'
BYLINE_BLOCKS = 400  # a page's headline and byline stand in its first blocks, after the menus
_PROSE_BLOCK = re.compile(r"[.!?…][\"”’)\]]*\s*$")
_NAME_WORDS = re.compile(r"\w+")


def byline_date(title: str, blocks: Sequence[str]) -> Time | None:
    """The day of a byline or date line by the headline: a scraped page's headline and byline
    ('Updated 1:39 am EST, Wednesday, November 20, 2019') follow the site's menus, out of reach of
    document_date's first blocks. Where the page repeats its title (the headline's block), the
    nearest short line with a day, month and year around it (4 blocks before, 11 after; after
    first at equal distance); else only a line between the title and the first paragraph of prose,
    nearest it first, where a byline stands (a timeline's dated lines come after it). `blocks[0]`
    is the first block, `title` the headline (the front matter's, else that block's)."""
    blocks = blocks[:BYLINE_BLOCKS]
    wanted = " ".join(_NAME_WORDS.findall(title.casefold()))
    headline = None
    if len(wanted.split()) >= 3:
        for index, text in enumerate(blocks[1:], 1):
            words = " ".join(_NAME_WORDS.findall(text.casefold()))
            if len(words.split()) >= 3 and (wanted.startswith(words) or words.startswith(wanted)):
                headline = index
                break
    if headline is not None:
        near = sorted(range(max(1, headline - 4), min(len(blocks), headline + 12)),
                      key=lambda i: (abs(i - headline), i < headline))
        near.remove(headline)
    else:
        prose = next((i for i, text in enumerate(blocks) if i and len(text.split()) >= 15
                      and _PROSE_BLOCK.search(text)), len(blocks))
        near = list(range(prose - 1, 0, -1))
    for index in near:
        if len(blocks[index].split()) <= BYLINE_WORDS:
            for mention in parse_dates(blocks[index], kinds=("ymd", "mdy", "dmy")):
                if mention.time is not None and mention.time.known and mention.time.precision == "day":
                    return mention.time
    return None


def _url_date(source: str) -> Time | None:
    """The date in a path or URL: /2011/12/16/, /2013/apr/24/, /2019-11-19/, /20191119..."""
    named = _URL_DATE_NAMED.search(source)
    if named and day(int(named.group(1)), _month(named.group(2)), int(named.group(3))):
        return day(int(named.group(1)), _month(named.group(2)), int(named.group(3)))
    for pattern in (_URL_DATE, _URL_DATE_COMPACT):
        match = pattern.search(source)
        if match and 1 <= int(match.group(2)) <= 12:
            found = day(*map(int, match.groups()))
            if found:
                return found
    return None


_YEAR_KINDS = ("ymd", "mdy", "dmy", "my", "years", "decade", "century", "y")
_ANY_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def latest_date(text: str) -> Time | None:
    """The latest date with a written year in `text`: a lower bound on an undated article's date."""
    if not _ANY_YEAR.search(text):
        return None
    best: Time | None = None
    for mention in parse_dates(text, kinds=_YEAR_KINDS):
        if mention.time is not None and mention.time.known and (best is None or mention.time.hi > best.hi):
            best = mention.time
    return best
