"""Event identity for figures: what happened, where, when — and how two tolls of one event relate.

A figure ("at least 23,000 people killed") belongs to an event. Two figures can only contradict
each other when they are about the same event and the same measure, so this module answers, from
the text alone and without any list of events:

- **what**: the event type of the figure's clause ("earthquake", "tsunami", "bombing", "riot" ...)
  from a small closed lexicon of event nouns and verbs (rules.yaml `lexicon.events`, compiled by
  `EventLexicon`), each type in one or more families (an earthquake and its tsunami are one
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

from bisect import bisect_right

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from lint.config import load
from lint.facts.figures import TOLL_VERB
from lint.facts.time_expressions import (DateMention, Time, byline_date, day, decade_of, document_date, latest_date,
                                         month_of, parse_dates, year_of)
from lint.text.phrases import PhraseMatcher

__all__ = ["DateMention", "Time", "byline_date", "day", "decade_of", "document_date", "latest_date", "month_of",
           "parse_dates", "year_of"]  # the dates, re-exported for callers of this module

# -- what happened ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class EventLexicon:
    """The event words of rules.yaml `lexicon.events`, compiled once (see `of`)."""

    types: Mapping[str, Sequence[str]]
    families: Mapping[str, Sequence[str]]
    generic: Sequence[str]

    @staticmethod
    def default() -> "EventLexicon":
        return _default_lexicon()

    @staticmethod
    def of(words: Any) -> "EventLexicon":
        """The lexicon of a config's `lexicon.events` section (one object per section)."""
        found = _BY_SECTION.get(id(words))
        if found is None or found[0] is not words:
            found = _BY_SECTION[id(words)] = (words, EventLexicon(words.types, words.families, words.generic))
        return found[1]

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
    def matcher(self) -> tuple[Any, dict[str, str]]:
        """(a PhraseMatcher over every event word: one RE2 pass per text, word -> kind)."""
        word_kind: dict[str, str] = {}
        for kind, words in self.types.items():
            for word in words:
                word_kind.setdefault(_norm(word), kind)
        for word in self.generic:
            word_kind.setdefault(_norm(word), "")
        return PhraseMatcher(word_kind), word_kind

    def __hash__(self) -> int:
        return id(self)

    def __eq__(self, other: object) -> bool:
        return self is other


_BY_SECTION: dict[int, tuple[Any, EventLexicon]] = {}


@lru_cache(maxsize=1)
def _default_lexicon() -> EventLexicon:
    """The built-in rules.yaml's event words (for callers without a config)."""
    return EventLexicon.of(load(None).lexicon.events)


@lru_cache(maxsize=4096)  # the event words a text writes: few distinct ones, each looked up per mention
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
    matcher, word_kind = (lexicon or _default_lexicon()).matcher()
    found = []
    for start, end in matcher.spans(text):
        if (start and text[start - 1] == "-") or text[end:end + 1] == "-":
            continue  # "fire-fighters", "anti-war"
        written = text[start:end]
        word = _norm(written)
        kind = word_kind.get(word, "")
        if word == "march" and written[0] == "M":
            continue  # the month
        if kind == "fire" and (_FIRE_NOT_EVENT.match(text, end) or _FIRE_VERB.search(text, max(0, start - 16), start)):
            continue  # "opened fire on protesters", "came under fire", "set on fire"
        if kind == "attack" and _ILLNESS.search(text, max(0, start - 10), start):
            continue  # "died of a heart attack"
        if written[0].isupper() and _BODY_AFTER.match(text, end):
            continue  # a word of a body's name: "Central Emergency Operation Center", "Fire Department"
        found.append(EventMention(start, end, kind, word))
    return found


# the head noun of an organisation's name after a capitalised event word
_BODY_AFTER = re.compile(r"(?:\s+[A-Z][a-z]+){0,2}\s+(?:Center|Centre|Department|Service|Services|Agency|Office|Command|"
                         r"Unit|Division|Ministry|Committee|Council|Authority|Brigade|Squad|Bureau|Commission|"
                         r"Administration|Institute|Association|Fund|Board)\b")
_ILLNESS = re.compile(r"\b(?:heart|panic|asthma|anxiety|allergic)\s+$", re.I)
# "opened fire on", and the fire service's people and things ("fire officials", "fire authorities said"):
# no fire broke out
_FIRE_NOT_EVENT = re.compile(r"\s+(?:on|upon|into|officials?|authorit(?:y|ies)|chiefs?|crews?|services?|"
                             r"departments?|brigades?|stations?|trucks?|engines?|officers?|marshals?|fighters?|"
                             r"agency|bureau|spokes(?:man|woman|person))\b", re.I)
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
    r"(?:\b(?:after|following|since|unlike|recalling|recalled|echoing|compared (?:with|to)|worse than|deadlier than|"
    r"similar to|in the wake of|the worst since|the deadliest since|the biggest since|reminiscent of|"
    r"anniversary of)\b)", re.I)
# Only a match's end is used, and every start inside a run of spaces gives the same end: a match
# starts after a non-space (or where the last one, a dash and a space, ended) and takes the whole
# run at once. `\s*(?:;|...|\s+(?=which))` from every space of a run was cubic in its length: 33 ms
# for a sentence with 200 spaces of masked link text.
_CLAUSE_BREAK = re.compile(r"(?:(?<!\s)|(?<=[-–—]\s))(?:\s*+(?:;|:|,\s+(?=(?:after|following|since|while|whereas|but|"
                           r"although|though|when|as|and|which|who|where)\b))|\s++(?:[-–—]\s|(?=(?:which|who|that|"
                           r"where)\s)))", re.I)


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
                 dates: Sequence[DateMention] | None = None, parts: Sequence[Clause] | None = None,
                 memo: dict | None = None) -> FigureEvent:
    """The event of the figure at `offset` in `sentence`: the event words and the date of its
    clause (else of the sentence's main clause, unless the figure is in a reference clause).
    `parts` (the sentence's clauses) and `memo` (a dict kept per sentence) let a caller with many
    figures in one sentence compute the whole-sentence work once."""
    lexicon = lexicon or _default_lexicon()
    mentions = event_mentions(sentence, lexicon) if mentions is None else mentions
    dates = parse_dates(sentence, base) if dates is None else dates
    parts = clauses(sentence) if parts is None else parts
    starts = [c.start for c in parts] if memo is None else memo.setdefault("starts", [c.start for c in parts])
    index = bisect_right(starts, offset) - 1
    own = parts[index] if 0 <= index and offset < parts[index].end else parts[-1]
    index = index if 0 <= index and offset < parts[index].end else len(parts) - 1
    # a relative clause ("which killed 150,000") belongs to the noun before it, and one opened by "when"
    # to the time before it ("since 1948, when a fire killed 176"): its clause and the one before
    scope = [own]
    if index > 0 and re.match(r"\s*(?:,\s*)?(?:which|that|who|where|when)\b", sentence[own.start:own.end], re.I):
        scope.insert(0, parts[index - 1])
    key = ("kinds", index, len(scope))
    specific = memo.get(key) if memo is not None else None
    if specific is None:
        kinds = [m.kind for m in mentions if any(c.start <= m.start < c.end for c in scope)]
        if not any(kinds) and not own.reference:
            # the sentence's own event, else the one its "after ..." clause names as the cause
            # ("140,000 people were killed after an earthquake sent waves crashing...")
            kinds = [m.kind for m in mentions if m.kind and not _in_reference(m.start, parts)] or \
                [m.kind for m in mentions if m.kind] or kinds
        specific = tuple(dict.fromkeys(k for k in kinds if k))
        if memo is not None:
            memo[key] = specific
    if not specific and not own.reference:
        specific = tuple(article_kinds)
    dates = [d for d in dates if not _REPORTED_ON.search(sentence, max(0, d.start - 60), d.start)]
    if _TOLL_CHANGE.search(sentence, own.start, offset):  # a date after the count dates the count
        dates = [d for d in dates if d.start < offset]
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


# A date right after a reporting verb dates the report, not the event: "more than 2,000 lives, the
# Red Crescent said on Tuesday" (a toll of floods that began days before).
_REPORTED_ON = re.compile(r"\b(?:said|says|told\s+(?:[\w-]+\s+){0,3}?|announced|reported|confirmed|added|stated|"
                          r"wrote|tweeted|posted)\s+(?:(?:late|early)\s+)?(?:on\s+)?$", re.I)


# A toll that changed before its number: "the death toll ... passed 21,000 on Thursday" (the day it
# passed, not the day of the earthquake days before)
_TOLL_CHANGE = re.compile(r"\b(?:toll|number\s+of\s+(?:[\w-]+\s+)?(?:dead|deaths|killed|victims|casualties))\b"
                          rf"[^.;]*?\b{TOLL_VERB}\b", re.I)


def _in_reference(position: int, parts: Sequence[Clause]) -> bool:
    return any(c.reference and c.start <= position < c.end for c in parts)


# -- same event -------------------------------------------------------------------------------------

# How long after an event its tolls keep being reported (days): a figure dated only by its
# article's date happened within this window before it.
REPORT_WINDOW_DAYS = 30
# Sudden events (a bombing, a crash, a riot) have their toll settled within days: a figure dated
# only by its article happened within this many days before it. Disasters (an earthquake, floods,
# an epidemic) keep being counted for weeks: REPORT_WINDOW_DAYS.
SUDDEN_WINDOW_DAYS = 7
SLOW_KINDS = frozenset({"earthquake", "tsunami", "flood", "storm", "landslide", "volcano", "heatwave", "epidemic",
                        "war"})


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
    storm: str = ""  # the storm its sentence names ('Milton'): two named storms are two events


def event_window(s: Sighting) -> tuple[int, int] | None:
    """Days the event can have happened in: its written date, else the window before the report."""
    if s.time is not None and s.time.known:
        return s.time.lo, s.time.hi
    if s.report is not None and s.report.known and not s.reference:
        slow = not s.kinds or any(kind in SLOW_KINDS for kind in s.kinds)
        return s.report.lo - (REPORT_WINDOW_DAYS if slow else SUDDEN_WINDOW_DAYS), s.report.hi
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
    if first_a.startswith("~") != first_b.startswith("~"):
        # a place the gazetteer does not know, named with a town or province it does ("at Grenfell
        # Tower in London"), is inside that one: it meets London as a town meets its province
        unknown, known = (a, b) if first_a.startswith("~") else (b, a)
        if len(unknown) > 1 and "." in unknown[1]:
            return scopes_agree(unknown[1:], known)
    inner, outer = (first_a, first_b) if len(first_a) > len(first_b) else (first_b, first_a)
    return inner.startswith(outer + ".") and outer.count(".") >= 1


def specific(scope: Sequence[str]) -> bool:
    """A town or a province (a key below country level, or a name the gazetteer does not know)."""
    return bool(scope) and ("." in scope[0] or scope[0].startswith("~"))


def times_agree(a: Sighting, b: Sighting) -> bool | None:
    era_a = a.time if a.time is not None and a.time.known else a.era
    era_b = b.time if b.time is not None and b.time.known else b.era
    if era_a is not None and era_b is not None and era_a.known and era_b.known:
        if era_a.hi < era_b.lo - REPORT_WINDOW_DAYS or era_b.hi < era_a.lo - REPORT_WINDOW_DAYS:
            return False
    for dated, other in ((a, b), (b, a)):
        # a toll dated only by a bare year or decade is the past (see `settled`); an undated toll is news
        if (dated.time is not None and dated.time.known and dated.time.precision in ("year", "years", "decade", "century")
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
    if a.storm and b.storm and a.storm != b.storm:
        return False  # Hurricane Milton's toll and Helene's, two weeks apart in one region
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
    if scopes is True and times is True and specific(a.scope):
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
    return time.precision in ("year", "years", "decade", "century")


_AUTHORITY = (r"(?:police|policemen|officers|authorities|officials|government|ministry|army|military|troops|soldiers|"
              r"forces|security forces|customs|customs service|immigration|border guards|coastguard|coast guard|"
              r"prosecutors|investigators|agents|fbi|the state|regime|junta|administration|interior ministry|"
              r"national guard|gendarmerie|navy|marines|rescuers|rescue workers|emergency services|firefighters)")
_AGENT_BEFORE = re.compile(rf"\b{_AUTHORITY}\b[^;.]{{0,60}}$", re.I)
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
