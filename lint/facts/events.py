"""Event identity for figures: what happened, where, when — and how two tolls of one event relate.

A figure ("at least 23,000 people killed") belongs to an event. Two figures can only contradict
each other when they are about the same event and the same measure, so this module answers, from
the text alone and without any list of events:

- **what**: the event type of the figure's clause ("earthquake", "tsunami", "bombing", "riot" ...)
  from a small closed lexicon of event nouns and verbs (`EventLexicon`; rules.yaml
  `lexicon.events`), each type in one or more families (an earthquake and its tsunami are one
  disaster; a protest, the clashes and the crackdown are one unrest). Generic nouns ("disaster",
  "tragedy") take the type the document is about. A figure in a clause about an earlier event
  ("after the quake that killed 8,000", "the worst since the 1998 floods, which killed 2,000") is
  a *reference* figure: another event than the sentence's own.
- **when**: the document's date (front matter, the path or a source URL, a dateline or a date line
  at the top) and the dates written in the text (day, month, year, decade, holidays, weekdays,
  "yesterday", "two years ago", "fourteen months later"), as an interval of days with a
  precision; a date whose year the text does not give keeps its month and day.
- **where** is decided by the caller (it owns the gazetteer): a *scope* key, see `scope_key`.

`same_event` decides whether two figures can be about one event; `relation` whether two tolls
of one event agree, were revised (with dates: which is older, and by how many days) or
contradict each other. `settled` and `agent_is_source` serve KZ301: a toll of a past, settled
event, or a count given by the authority that made the arrests, is no unattributed claim.

Everything here is pure: strings in, small JSON-able values out.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

# -- time -------------------------------------------------------------------------------------------

_MONTHS = {name: number for number, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec")), start=1) for name in names}
_WEEKDAYS = {name: number for number, name in enumerate(
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
    ("ymd", re.compile(rf"\b{_YEAR}-(\d{{2}})-(\d{{2}})\b")),
    ("mdy", re.compile(rf"\b{_MONTH} {_DAY},? {_YEAR}\b")),
    ("dmy", re.compile(rf"\b{_DAY} (?:of )?{_MONTH},? {_YEAR}\b")),
    ("my", re.compile(rf"\b{_MONTH},? (?:of )?{_YEAR}\b")),
    ("md", re.compile(rf"\b{_MONTH} {_DAY}\b(?!,? \d)")),
    ("dm", re.compile(rf"\b{_DAY} (?:of )?{_MONTH}\b(?!,? \d)")),
    ("decade", re.compile(r"\b(?:the\s+)?(?:(early|mid|late)[\s-]+)?(?:(1[89]|20)?(\d)0['’]?s|['’](\d)0s|(nineteen[\s-])?"
                          r"(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b", re.I)),
    ("y", re.compile(rf"(?<![\d,.$£€-]){_YEAR}(?!\s*(?:-|–|to)\s*\d)(?![\d,.%]\d|\s*(?:%|per\s*cent|people|dead|killed|"
                     rf"injured|arrested|residents|victims|troops|soldiers|pounds|dollars|euros|m\b|bn\b))")),
    ("holiday", re.compile(r"\b(Boxing Day|Christmas (?:Day|Eve)|New Year['’]s (?:Day|Eve)|Valentine['’]s Day|Halloween)\b")),
    ("weekday", re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")),
    ("shift", re.compile(rf"\b{_COUNT} {_UNIT} (later|earlier|before|after(?:wards)?|on)\b", re.I)),
    ("ago", re.compile(rf"\b{_COUNT} {_UNIT} ago\b", re.I)),
    ("relative", re.compile(r"\b(yesterday|today|tonight|this (?:week|month|year|morning|afternoon|evening)|"
                            r"last (?:night|week|month|year)|(?:the )?previous (?:week|month|year)|earlier this "
                            r"(?:week|month|year))\b", re.I)),
)


@dataclass(frozen=True, slots=True)
class Time:
    """A stretch of days as precisely as the text gives it. `lo`/`hi` are date ordinals (inclusive)
    when the year is known; a date without a year ("26 December" in an undated article) keeps only
    `month` and `day`. `precision`: day | month | year | decade."""

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
        return str(start.year)


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
    return _MONTHS.get(key) or _MONTHS[key[:3]]


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
    kind: str  # the pattern kind: ymd, mdy, dmy, my, md, dm, decade, y, holiday, weekday, shift, ago, relative

    @property
    def explicit_year(self) -> bool:
        """The text writes the year (or decade) out: '1998', 'December 2011', 'the 1970s'."""
        return self.kind in ("ymd", "mdy", "dmy", "my", "decade", "y")

    @property
    def current(self) -> bool:
        """A date in the article's own present: 'on Tuesday', 'yesterday', 'this week'."""
        return self.kind in ("weekday", "relative") and self.time is not None or self.kind == "weekday"


def parse_dates(text: str, base: Time | None = None, previous: Time | None = None) -> list[DateMention]:
    """Every date expression in `text`, resolved against the document's date `base` (a day, or
    None) and, for 'N months later', against `previous` (the last date the narrative gave)."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            span = match.span()
            if any(a < span[1] and span[0] < b for a, b in taken):
                continue
            if kind == "y" and not _year_is_date(text, match.start(), match.end()):
                continue
            taken.append(span)
            found.append(DateMention(span[0], span[1], _resolve(kind, match, base, previous), kind))
    found.sort(key=lambda m: m.start)
    return found


# a bare year is a date after these words, or before a noun it dates ("the 1981 riots", "1998's floods")
_YEAR_BEFORE = re.compile(r"(?:\b(?:in|since|during|of|from|until|till|by|early|late|mid|before|after|the|summer|spring|"
                          r"autumn|winter|fall|year|between|and|to|around|circa|c\.)[\s-]*|['’])$", re.I)
_YEAR_AFTER = re.compile(r"(?:['’]s\b|\s+[a-zA-Z])")


def _year_is_date(text: str, start: int, end: int) -> bool:
    return bool(_YEAR_BEFORE.search(text[max(0, start - 12):start]) or _YEAR_AFTER.match(text, end)
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
        back = (_dt.date.fromordinal(base.lo).weekday() - _WEEKDAYS[groups[0].lower()]) % 7
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
        return _shifted(base, _count(groups[0]), groups[1], -1)
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

_FRONT_MATTER_DATES = ("date", "published", "published_at", "publishdate", "pubdate", "datepublished",
                       "date_published", "created", "updated", "modified")
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/\-_.]|$)")
_URL_DATE_COMPACT = re.compile(r"/((?:19|20)\d{2})(\d{2})(\d{2})\d*(?:[/\-_.]|$)")
_ISO = re.compile(r"\b((?:19|20)\d{2})-(\d{2})-(\d{2})(?!\d)")
_URL_DATE_NAMED = re.compile(r"/((?:19|20)\d{2})/(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*/(\d{1,2})(?:/|$)", re.I)
_DATELINE = re.compile(rf"^\s*[A-Z][A-Z .’'-]{{1,40}}(?:, [A-Z][A-Za-z .]{{1,30}})?,? {_MONTH} {_DAY}(?:,? {_YEAR})?\b")
# a line near the top that is nothing but a date, or a "Published 19 November 2019" line
_DATE_LINE = re.compile(rf"^\s*(?:#+\s*)?(?:\[)?(?:(?:published|posted|updated|first published|last updated|date)"
                        rf"(?:\s+on)?:?\s*)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
                        rf"(?:{_DAY} {_MONTH},? {_YEAR}|{_MONTH} {_DAY},? {_YEAR}|{_YEAR}-(\d{{2}})-(\d{{2}}))", re.I)


def document_date(front_matter: Mapping | None = None, path: str = "", head: Sequence[str] = (),
                  urls: Iterable[str] = ()) -> Time | None:
    """The article's date, a day: its front matter, its path or its source URL (news/2011/12/16/),
    a date line at the top ('Published 19 November 2019', '### [2011-12-16](...)'), else a dateline
    ('ALMATY, Jan. 5 (Reuters)'; without a year it gives no date). `head`: the first few blocks."""
    for key, value in (front_matter or {}).items():
        if str(key).lower().replace("-", "_") in _FRONT_MATTER_DATES:
            if isinstance(value, _dt.datetime):
                value = value.date()
            if isinstance(value, _dt.date):
                return day(value.year, value.month, value.day)
            match = _ISO.search(str(value))
            if match and day(*map(int, match.groups())):
                return day(*map(int, match.groups()))
    for source in (path.replace("\\", "/"), *urls):
        named = _URL_DATE_NAMED.search(source)
        if named and day(int(named.group(1)), _month(named.group(2)), int(named.group(3))):
            return day(int(named.group(1)), _month(named.group(2)), int(named.group(3)))
        for pattern in (_URL_DATE, _URL_DATE_COMPACT):
            match = pattern.search(source)
            if match and 1 <= int(match.group(2)) <= 12:
                found = day(*map(int, match.groups()))
                if found:
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
    return None


def latest_date(text: str) -> Time | None:
    """The latest date with a written year in `text`: a lower bound on an undated article's date."""
    best: Time | None = None
    for mention in parse_dates(text):
        if mention.explicit_year and mention.time is not None and mention.time.known:
            if best is None or mention.time.hi > best.hi:
                best = mention.time
    return best


# -- what happened ----------------------------------------------------------------------------------

# Event type -> words (nouns and the verbs news uses for them). A closed class of happenings
# that have tolls, not a list of events; rules.yaml `lexicon.events` overrides it.
DEFAULT_EVENT_TYPES: dict[str, list[str]] = {
    "earthquake": ["earthquake", "earthquakes", "quake", "quakes", "tremor", "tremors", "aftershock", "aftershocks"],
    "tsunami": ["tsunami", "tsunamis", "tidal wave", "tidal waves", "giant waves", "killer waves", "giant wave"],
    "flood": ["flood", "floods", "flooding", "flash flood", "flash floods", "floodwaters", "deluge", "monsoon rains",
              "torrential rain", "heavy rains"],
    "storm": ["storm", "storms", "cyclone", "cyclones", "hurricane", "hurricanes", "typhoon", "typhoons",
              "tornado", "tornadoes", "blizzard", "tropical storm", "superstorm"],
    "landslide": ["landslide", "landslides", "mudslide", "mudslides", "avalanche", "avalanches"],
    "volcano": ["eruption", "volcanic eruption", "volcano"],
    "heatwave": ["heatwave", "heat wave", "drought", "famine", "cold snap"],
    "epidemic": ["epidemic", "outbreak", "pandemic", "cholera", "ebola", "measles outbreak"],
    "fire": ["fire", "fires", "blaze", "blazes", "wildfire", "wildfires", "bushfire", "bushfires", "inferno",
             "forest fire", "forest fires"],
    "explosion": ["explosion", "explosions", "blast", "blasts", "exploded", "gas explosion"],
    "bombing": ["bombing", "bombings", "bomb", "bombs", "car bomb", "suicide bomber", "suicide bombers",
                "suicide attack", "bomber", "bombers", "bomb attack"],
    "shooting": ["shooting", "shootings", "gunman", "gunmen", "opened fire", "shot dead", "massacre", "gun attack",
                 "rampage"],
    "attack": ["attack", "attacks", "terror attack", "terrorist attack", "terrorist attacks", "assault", "ambush",
               "raid", "raids", "air strike", "air strikes", "airstrike", "airstrikes", "shelling", "offensive"],
    "war": ["war", "fighting", "conflict", "insurgency", "civil war", "battle"],
    "crash": ["crash", "crashes", "crashed", "collision", "collided", "derailment", "derailed", "plane crash",
              "air crash", "rail crash", "train crash", "road accident", "pile-up", "accident"],
    "sinking": ["sinking", "sank", "capsized", "capsize", "shipwreck", "ferry disaster", "went down"],
    "collapse": ["collapse", "collapsed", "building collapse", "mine collapse", "cave-in"],
    "stampede": ["stampede", "stampedes", "crush"],
    "protest": ["protest", "protests", "protesters", "protestors", "demonstration", "demonstrations",
                "demonstrators", "rally", "rallies", "march", "marches", "uprising", "strike", "strikes", "sit-in"],
    "riot": ["riot", "riots", "rioting", "rioters", "unrest", "clash", "clashes", "disturbances", "disorder",
             "mass disorder", "violence", "crackdown", "turmoil"],
    "crackdown": ["crackdown", "operation", "sweep", "swoop", "round-up", "dragnet"],
}
# Families: event types one event can be described with ("an earthquake and giant waves killed").
DEFAULT_EVENT_FAMILIES: dict[str, list[str]] = {
    "quake": ["earthquake", "tsunami", "landslide", "collapse"],
    "weather": ["flood", "storm", "landslide"],
    "heat": ["heatwave", "fire"],
    "blast": ["fire", "explosion", "bombing", "collapse"],
    "violence": ["bombing", "shooting", "attack", "explosion"],
    "war": ["war", "attack"],
    "accident": ["crash", "sinking", "explosion", "fire"],
    "unrest": ["protest", "riot", "crackdown", "shooting", "stampede"],
}
# Nouns that name an event without saying what kind: they take the kind the article is about.
DEFAULT_GENERIC_EVENTS = ["disaster", "disasters", "tragedy", "catastrophe", "calamity", "incident", "emergency",
                          "the waves", "devastation"]


@dataclass(frozen=True)
class EventLexicon:
    types: Mapping[str, Sequence[str]]
    families: Mapping[str, Sequence[str]]
    generic: Sequence[str]

    @staticmethod
    def default() -> "EventLexicon":
        return _default_lexicon()

    def family_of(self, kind: str) -> frozenset[str]:
        return self._families().get(kind, frozenset({kind}))

    @lru_cache(maxsize=None)  # noqa: B019 - one lexicon per config, held for the process
    def _families(self) -> dict[str, frozenset[str]]:
        out: dict[str, set[str]] = {}
        for family, kinds in self.families.items():
            for kind in kinds:
                out.setdefault(kind, set()).add(family)
        return {kind: frozenset(families) for kind, families in out.items()}

    @lru_cache(maxsize=None)  # noqa: B019
    def matcher(self) -> tuple[re.Pattern, dict[str, str]]:
        word_kind: dict[str, str] = {}
        for kind, words in self.types.items():
            for word in words:
                word_kind.setdefault(_norm(word), kind)
        for word in self.generic:
            word_kind.setdefault(_norm(word), "")
        words = sorted(word_kind, key=lambda w: (-len(w), w))
        body = "|".join(r"[\s-]+".join(re.escape(part) for part in w.split(" ")) for w in words)
        return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.I), word_kind

    def __hash__(self) -> int:
        return id(self)

    def __eq__(self, other: object) -> bool:
        return self is other


@lru_cache(maxsize=1)
def _default_lexicon() -> EventLexicon:
    return EventLexicon(DEFAULT_EVENT_TYPES, DEFAULT_EVENT_FAMILIES, DEFAULT_GENERIC_EVENTS)


def _norm(word: str) -> str:
    return " ".join(word.lower().replace("’", "'").replace("-", " ").split())


@dataclass(frozen=True, slots=True)
class EventMention:
    start: int
    end: int
    kind: str  # an event type, or "" for a generic noun ("disaster")
    word: str


def event_mentions(text: str, lexicon: EventLexicon | None = None) -> list[EventMention]:
    """The event words of `text` in order ('quake', 'giant waves', 'disaster')."""
    pattern, word_kind = (lexicon or _default_lexicon()).matcher()
    found = []
    for match in pattern.finditer(text):
        word = _norm(match.group())
        kind = word_kind.get(word, "")
        if word == "march" and match.group()[0] == "M":
            continue  # the month
        if kind == "fire" and (_FIRE_NOT_EVENT.match(text, match.end()) or _FIRE_VERB.search(
                text, max(0, match.start() - 16), match.start())):
            continue  # "opened fire on protesters", "came under fire", "set on fire"
        found.append(EventMention(match.start(), match.end(), kind, word))
    return found


_FIRE_NOT_EVENT = re.compile(r"\s+(?:on|upon|into)\b", re.I)
_FIRE_VERB = re.compile(r"\b(?:opened|open|opening|opens|under|cease|set on|sets on|returned|return|exchange of|"
                        r"exchanged|came under|coming under)\s+$", re.I)


def dominant_kinds(mentions: Iterable[EventMention], lexicon: EventLexicon | None = None) -> list[str]:
    """The event types an article is about, for generic nouns ('the tragedy'): those named most
    (the headline is in `mentions` twice, as the caller passes it), at least twice unless only one
    kind is named at all."""
    counts: dict[str, int] = {}
    for mention in mentions:
        if mention.kind and mention.kind not in ("crackdown",):
            counts[mention.kind] = counts.get(mention.kind, 0) + 1
    if not counts:
        return []
    top = max(counts.values())
    if top < 2 and len(counts) > 1:
        return []
    return sorted(k for k, n in counts.items() if n == top)


# -- clauses: figures about different events in one sentence stay apart ---------------------------

# Where a clause about another, earlier event begins: "..., after the quake that killed 8,000",
# "the worst since the 2004 tsunami, which killed 230,000", "similar to the floods of 1998".
_REFERENCE_OPENERS = re.compile(
    r"(?:\b(?:after|following|since|before|than|like|unlike|recalling|recalled|echoing|compared (?:with|to)|"
    r"similar to|in the wake of|the worst since|the deadliest since|the biggest since|reminiscent of|"
    r"anniversary of)\b)", re.I)
_CLAUSE_BREAK = re.compile(r"\s*(?:;|:|\s[-–—]\s|,\s+(?=(?:after|following|since|while|whereas|but|although|though|"
                           r"when|as|and|which|who|where)\b)|\s+(?=(?:which|who|that|where)\s))", re.I)


@dataclass(frozen=True, slots=True)
class Clause:
    start: int
    end: int
    reference: bool  # about another, earlier event than the sentence's own


def clauses(sentence: str) -> list[Clause]:
    """The sentence cut where clauses begin. A clause opened by 'after the quake', 'since the 2004
    tsunami', 'the worst since 1998' ... is a *reference* to another event when an earlier clause
    already tells of one (a number, an event word or a death); so is a relative clause hanging on
    it ('dozens die in X, after the quake that killed 8,000')."""
    cuts = [0]
    for match in _CLAUSE_BREAK.finditer(sentence):
        if cuts[-1] < match.end() < len(sentence):
            cuts.append(match.end())
    for match in _REFERENCE_OPENERS.finditer(sentence):
        if all(abs(match.start() - c) > 2 for c in cuts):
            cuts.append(match.start())
    cuts = sorted(set(cuts))
    out: list[Clause] = []
    reference_open = False
    for index, start in enumerate(cuts):
        end = cuts[index + 1] if index + 1 < len(cuts) else len(sentence)
        head = sentence[start:end]
        stripped = head.lstrip(" ,")
        opener = _REFERENCE_OPENERS.match(stripped)
        relative = re.match(r"\s*(?:,\s*)?(?:which|that|who|where|when)\b", head, re.I)
        if opener:
            target = stripped[opener.end():opener.end() + 40]
            told = _TELLS_OF_EVENT.search(sentence[:start]) or event_mentions(sentence[:start])
            reference_open = bool(told and (_REFERENCE_TARGET.match(target) or event_mentions(target)))
        elif not relative:
            reference_open = False
        out.append(Clause(start, end, reference_open and index > 0))
    return out


# the words after an opener name an event or a time: "after the quake", "since 1998", "than in 2004"
_REFERENCE_TARGET = re.compile(r"\s*(?:in\s+|on\s+)?(?:the|a|an|last|its|their|this|that|those|(?:19|20)\d\d)\b", re.I)
# an earlier clause tells of an event of the sentence's own
_TELLS_OF_EVENT = re.compile(r"\d|\b(?:dozens|scores|hundreds|thousands|millions|die|dies|died|dead|killed|"
                             r"injured|wounded|missing|arrested|detained|evacuated|homeless)\b", re.I)


# -- the event of one figure ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FigureEvent:
    kinds: tuple[str, ...]  # event types of the figure's clause (or the article's, for a generic one)
    reference: bool  # the figure counts another, earlier event than its sentence's own
    time: Time | None  # when the event happened, as far as the text tells
    dated: bool  # the time comes from a date written in the figure's clause or sentence
    clause: tuple[int, int]  # the clause, offsets in the sentence


def figure_event(sentence: str, offset: int, base: Time | None, article_kinds: Sequence[str] = (),
                 lexicon: EventLexicon | None = None, mentions: Sequence[EventMention] | None = None,
                 dates: Sequence[DateMention] | None = None) -> FigureEvent:
    """The event of the figure at `offset` in `sentence`: the event words and the date of its
    clause (else of the sentence's main clause, unless the figure is in a reference clause)."""
    lexicon = lexicon or _default_lexicon()
    mentions = event_mentions(sentence, lexicon) if mentions is None else mentions
    dates = parse_dates(sentence, base) if dates is None else dates
    parts = clauses(sentence)
    own = next((c for c in parts if c.start <= offset < c.end), parts[-1])
    # a relative clause ("which killed 150,000") belongs to the noun before it: its clause and the one before
    scope = [own]
    index = parts.index(own)
    if index > 0 and re.match(r"\s*(?:,\s*)?(?:which|that|who|where)\b", sentence[own.start:own.end], re.I):
        scope.insert(0, parts[index - 1])
    kinds = [m.kind for m in mentions if any(c.start <= m.start < c.end for c in scope)]
    if not any(kinds) and not own.reference:
        # the sentence's own event, else the one its "after ..." clause names as the cause
        # ("140,000 people were killed after an earthquake sent waves crashing...")
        kinds = [m.kind for m in mentions if m.kind and not _in_reference(m.start, parts)] or \
            [m.kind for m in mentions if m.kind] or kinds
    specific = tuple(dict.fromkeys(k for k in kinds if k))
    if not specific and not own.reference:
        specific = tuple(article_kinds)
    in_clause = [d for d in dates if any(c.start <= d.start < c.end for c in scope) and d.time is not None]
    if not in_clause and not own.reference:
        in_clause = [d for d in dates if not _in_reference(d.start, parts) and d.time is not None]
    time: Time | None = None
    dated = False
    if in_clause:
        nearest = min(in_clause, key=lambda d: min(abs(d.start - offset), abs(d.end - offset)))
        time, dated = nearest.time, True
    elif own.reference:
        # "introduced in 2002 following a fire that killed 25": the earlier event is no later than
        # the main clause's date
        main = [d for d in dates if not _in_reference(d.start, parts) and d.time is not None]
        time = main[-1].time if main else None
    else:
        time = base
    return FigureEvent(specific, own.reference, time, dated, (own.start, own.end))


def _in_reference(position: int, parts: Sequence[Clause]) -> bool:
    return any(c.reference and c.start <= position < c.end for c in parts)


# -- same event -------------------------------------------------------------------------------------

# How long after an event its tolls keep being reported (days): a figure dated only by its
# article's date happened within this window before it.
REPORT_WINDOW_DAYS = 30


@dataclass(frozen=True, slots=True)
class Sighting:
    """One figure's event as a claim carries it (see lint.facts.claims)."""

    kinds: tuple[str, ...]
    scope: tuple[str, ...]  # place keys, most specific first ("LK", "*" for several countries); () unknown
    time: Time | None  # when the event happened (a dated clause), else None
    report: Time | None  # the article's date
    reference: bool = False
    path: str = ""
    sentence: int = -1
    era: Time | None = None  # the time the story was telling of before the figure (separates, never joins)
    bound: Time | None = None  # an undated article is no older than the latest date it writes out
    own_scope: bool = True  # the scope comes from the figure's sentence, not from the article


def event_window(s: Sighting) -> tuple[int, int] | None:
    """Days the event can have happened in: its written date, else the window before the report."""
    if s.time is not None and s.time.known:
        return s.time.lo, s.time.hi
    if s.report is not None and s.report.known and not s.reference:
        return s.report.lo - REPORT_WINDOW_DAYS, s.report.hi
    return None


def kinds_agree(a: Sequence[str], b: Sequence[str], lexicon: EventLexicon | None = None) -> bool | None:
    """True: one kind of event (or one family); False: different kinds; None: one side unknown."""
    if not a or not b:
        return None
    lexicon = lexicon or _default_lexicon()
    if set(a) & set(b):
        return True
    families_a = set().union(*(lexicon.family_of(k) for k in a))
    families_b = set().union(*(lexicon.family_of(k) for k in b))
    return bool(families_a & families_b)


def scopes_agree(a: Sequence[str], b: Sequence[str]) -> bool | None:
    """Place keys are paths ('ID', 'ID.01', 'ID.01.1215502'); '*' is several countries. True when
    one is the other or inside it below country level (a town and its province); a country's toll
    and a toll of one of its provinces are a whole and a part, not one figure."""
    if not a or not b:
        return None
    first_a, first_b = a[0], b[0]
    if first_a == first_b:
        return True
    if "*" in (first_a, first_b):
        return False
    inner, outer = (first_a, first_b) if len(first_a) > len(first_b) else (first_b, first_a)
    return inner.startswith(outer + ".") and outer.count(".") >= 1


def times_agree(a: Sighting, b: Sighting) -> bool | None:
    era_a = a.time if a.time is not None and a.time.known else a.era
    era_b = b.time if b.time is not None and b.time.known else b.era
    if era_a is not None and era_b is not None and era_a.known and era_b.known:
        if era_a.hi < era_b.lo - REPORT_WINDOW_DAYS or era_b.hi < era_a.lo - REPORT_WINDOW_DAYS:
            return False
    for dated, other in ((a, b), (b, a)):
        # a toll dated only by a bare year or decade is the past (see `settled`); an undated toll is news
        if (dated.time is not None and dated.time.known and dated.time.precision in ("year", "decade")
                and other.time is None and not other.reference):
            return False
    for dated, other in ((a, b), (b, a)):  # a toll of 1998 is not news in an article that speaks of 2004
        if (dated.time is not None and dated.time.known and other.time is None and not other.reference
                and other.era is None and other.bound is not None and other.bound.known
                and dated.time.hi < other.bound.lo - REPORT_WINDOW_DAYS):
            return False
    window_a, window_b = event_window(a), event_window(b)
    if window_a is not None and window_b is not None:
        return window_a[0] <= window_b[1] and window_b[0] <= window_a[1]
    ta, tb = a.time, b.time
    if ta is not None and tb is not None and (ta.month and tb.month):  # "26 December" against "26 December 2004"
        if ta.month != tb.month:
            return False
        return not (ta.day and tb.day and ta.day != tb.day)
    return None


def same_event(a: Sighting, b: Sighting, lexicon: EventLexicon | None = None) -> bool:
    """Can two figures be about one event? Never two figures of one sentence (they count different
    things or different events); never when kinds, places or times disagree. Across articles the
    evidence must be positive: a known kind on both sides and the same place, or the same specific
    place at overlapping times; a reference to an earlier event pairs only with its own kind."""
    if a.path == b.path and a.sentence == b.sentence and a.sentence >= 0:
        return False
    kinds = kinds_agree(a.kinds, b.kinds, lexicon)
    scopes = scopes_agree(a.scope, b.scope)
    times = times_agree(a, b)
    if False in (kinds, scopes, times):
        return False
    if a.reference or b.reference:
        if kinds is not True:
            return False
    if a.path == b.path:
        # one article: one kind of event, or no kind on either side and the sentences' own places agree
        return kinds is True or (kinds is None and not a.kinds and not b.kinds and scopes is True
                                 and a.own_scope and b.own_scope)
    if scopes is True and kinds is True:
        return True
    if scopes is True and times is True and any("." in key for key in a.scope[:1]):
        return True  # the same town or province at the same time
    return False


# -- revised or contradictory -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Toll:
    low: float
    high: float  # math.inf when unbounded
    low_open: bool = False
    high_open: bool = False


@dataclass(frozen=True, slots=True)
class Relation:
    kind: str  # "agree" | "revised" | "stale" | "contradiction"
    older: int | None = None  # 0 or 1: which of the two is older (dated revisions only)
    days: int | None = None  # how many days apart the two reports are


def vague(toll: Toll) -> bool:
    """'dozens', 'hundreds', 'millions': a wide bounded interval whose floor is no claim of its own."""
    return toll.high != float("inf") and toll.high >= 2 * toll.low


def disjoint(a: Toll, b: Toll) -> bool:
    return _below(a, b) or _below(b, a)


def _below(a: Toll, b: Toll) -> bool:
    return a.high < b.low or (a.high == b.low and (a.high_open or b.low_open))


def relation(a: Toll, b: Toll, report_a: Time | None, report_b: Time | None, ratio: float = 1.5) -> Relation:
    """How two tolls of one event relate.

    - agree: their intervals overlap and their floors are not `ratio` apart;
    - revised: both articles are dated, on different days, and the tolls differ (disjoint, or
      floors `ratio` apart): the older one is out of date (`older`, `days` say which and by how much);
    - stale: undated (or same day), overlapping but floors far apart ('at least 23,000' vs
      '150,000'): the lower floor is the out-of-date one (`older` says which: it is still true
      that at least 23,000 died, but no reader should be left with it);
    - contradiction: undated (or same day) and disjoint: at most one can be right.
    """
    far = (min(a.low, b.low) > 0 and max(a.low, b.low) >= ratio * min(a.low, b.low)
           and not vague(a) and not vague(b))
    apart = disjoint(a, b)
    if not apart and not far:
        return Relation("agree")
    if report_a is not None and report_b is not None and report_a.known and report_b.known \
            and report_a.lo != report_b.lo:
        older = 0 if report_a.lo < report_b.lo else 1
        return Relation("revised", older, abs(report_b.lo - report_a.lo))
    if apart:
        return Relation("contradiction")
    return Relation("stale", 0 if a.low < b.low else 1)


# -- KZ301: settled history and the agent as source -------------------------------------------------

# a clause in the present, the perfect or the future is news, not history
_NOT_SIMPLE_PAST = re.compile(
    r"\b(?:has|have|is|are|am|will|would|could|may|might|now|so far|still|remain|remains|feared|expected|"
    r"continues?|rising|risen|rises|currently|today|yet)\b|n['’]t\b", re.I)


def simple_past(clause: str) -> bool:
    """The clause tells of a finished past ('Mitch killed about 10,000 people', 'nearly 400 people
    were injured'), not of the present or perfect ('are feared dead', 'has risen to')."""
    return not _NOT_SIMPLE_PAST.search(clause)


SETTLED_AFTER_DAYS = 365


def settled(time: Time | None, doc_date: Time | None, bound: Time | None = None) -> bool:
    """Is an event at `time` settled history for its article? When the article's date is known:
    the event ended a year or more before it. An undated article is at least as late as the latest
    date it writes out (`bound`); and a date given only as a year or decade ('in 1998', 'the 1981
    riots', 'the early seventies') is the past on its own: news dates its own events by day or
    weekday and writes a bare year only for other years (a month and year, 'December 2011', needs
    the bound)."""
    if time is None or not time.known:
        return False
    if doc_date is not None and doc_date.known:
        return doc_date.lo - time.hi >= SETTLED_AFTER_DAYS
    if bound is not None and bound.known and bound.lo - time.hi >= SETTLED_AFTER_DAYS:
        return True
    return time.precision in ("year", "decade")


_AUTHORITY = (r"(?:police|policemen|officers|authorities|officials|government|ministry|army|military|troops|soldiers|"
              r"forces|security forces|customs|customs service|immigration|border guards|coastguard|coast guard|"
              r"prosecutors|investigators|agents|fbi|the state|regime|junta|administration|interior ministry|"
              r"national guard|gendarmerie|navy|marines|rescuers|rescue workers|emergency services|firefighters)")
_AGENT_BEFORE = re.compile(rf"\b{_AUTHORITY}\b[^,;.]{{0,40}}$", re.I)
_BY_AGENT = re.compile(rf"^[^,;.]{{0,40}}\bby\s+(?:the\s+)?(?:[A-Z][\w.-]*\s+){{0,3}}{_AUTHORITY}\b", re.I)
_ACTION = re.compile(rf"\b{_AUTHORITY}\b[^.;]{{0,60}}\b(?:raid(?:s|ed)?|operation|crackdown|swoop|sweep|round-up|"
                     r"co-ordinated|coordinated|carried out|launched|conducted|mounted|stormed)\b", re.I)
AGENT_MEASURES = ("arrested", "detained", "evacuated")


def agent_is_source(measure: str, before: str, after: str, preceding: Sequence[str] = ()) -> bool:
    """A count of people arrested, detained or evacuated whose source is the authority that did it:
    the subject of an active verb ('Chinese authorities arrested 224 people': `before` is the
    sentence up to the figure), a by-phrase ('were arrested by police': `after`), or the actor of
    the operation the sentence before tells of ('US Customs co-ordinated a series of raids...')."""
    if measure not in AGENT_MEASURES:
        return False
    if _AGENT_BEFORE.search(before) or _BY_AGENT.match(after):
        return True
    return any(_ACTION.search(text) for text in preceding[-2:])


# the next sentence points back at the figure: "Those arrested are accused...", "They have been released"
_ANAPHOR = re.compile(r"^\s*[“\"]?(?:they|those|these|the (?:figure|figures|toll|number|numbers|dead|victims|"
                      r"arrested|detained|injured|wounded|men|women|people)|all of them|most of them|some of them|"
                      r"of these|of those|of them)\b", re.I)


def points_back(sentence: str) -> bool:
    return bool(_ANAPHOR.match(sentence))
