"""KZ501 figure-contradiction: two tolls of one event that cannot both be true, or a toll out of date."""

from __future__ import annotations

import datetime as _dt
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from pydantic import Field

from lint.core.document import Document
from lint.core.findings import Finding, Location, Severity
from lint.facts import claims
from lint.facts import events as ev
from lint.facts.places import places_for, scope_keys
from lint.facts.speakers import different_speakers, speaker
from lint.facts.figures import warm_up as figures_warm_up
from lint.rules.base import CorpusRule
from lint.rules.consistency.support import ConsistencyOptions, _settings, event_keys


@dataclass(frozen=True, slots=True)
class Claim:
    path: str
    measure: str
    subject: str
    low: float
    high: float  # math.inf when unbounded
    low_open: bool
    high_open: bool
    text: str
    span: tuple[int, int, int, int]
    sighting: ev.Sighting = ev.Sighting((), (), None, None)  # the event: kinds, place scope, time, article date
    place: str = ""  # the scope's place as the article writes it
    speaker: str = ""  # who its sentence says gives it (lint.facts.speakers), where the article gives another value
    share: bool = False  # its sentence says it is a place's share of a wider toll ("in Kerr County alone")
    entry: int = -1  # the live-blog entry it is told in (its time-stamped block), -1 in an ordinary article
    earlier: bool = False  # its sentence tells it is an earlier count ("Earlier this week the toll stood at 2,056")
    events: bool = False  # it sums several events ("193 people were killed after two boat accidents")
    denied: bool = False  # the article refutes it ("212 arrests, not 40,000"): reported only to be denied
    subtotal: str = ""  # the part of the toll it counts: "aboard", "ground", "scene", "hospital", "found" (bodies
    # so far), "breakdown" (one of several joined in a sentence)
    period: bool = False  # it totals a year's events ("1,200 killed in road accidents in the last year")

    @property
    def stood_by(self) -> bool:
        """The article gives it as its own count: not an earlier one it updated, nor one it refutes."""
        return not (self.earlier or self.denied)

    @property
    def location(self) -> Location:
        return Location(self.path, self.span[0], self.span[1])

    @property
    def where(self) -> str:
        return f"{self.path}:{self.span[0]}"

    @property
    def toll(self) -> ev.Toll:
        return ev.Toll(self.low, self.high, self.low_open, self.high_open)


def _event(a: Claim, b: Claim) -> str:
    """What two claims share, in words: 'riot in Zhanaozen, 2011-12', 'tsunami in several countries, undated'."""
    sa, sb = a.sighting, b.sighting
    kinds = [k for k in sa.kinds if k in sb.kinds] or list(dict.fromkeys([*sa.kinds[:1], *sb.kinds[:1]]))
    where = a.place or b.place or ("the same article" if a.path == b.path else "no place named")
    time = next((t for t in (sa.time, sb.time) if t is not None and t.known), None)
    if time is None:
        time = next((t for t in (sa.report, sb.report) if t is not None and t.known), None)
    if time is None:
        when = "undated"
    elif time.precision == "day":
        start = _dt.date.fromordinal(time.lo)
        when = f"{start.year}-{start.month:02d}"
    else:
        when = time.words()
    return f"{' and '.join(kinds[:2])} in {where}, {when}" if kinds else f"{where}, {when}"


def disjoint(a: Claim, b: Claim) -> bool:
    """No number satisfies both intervals."""
    return _below(a, b) or _below(b, a)


def _below(a: Claim, b: Claim) -> bool:
    return a.high < b.low or (a.high == b.low and (a.high_open or b.low_open))


def describe(claim: Claim, inside: bool = False) -> str:
    """An interval in words: 'at least 10', 'more than 100', '24 to 99', '12'; `inside` a sentence
    that says "from ... to ...", a range is 'between 24 and 99'. People are counted in whole
    numbers: "some 38" (34.2 to 41.8) is 35 to 41, "nearly 16" (14.4 to under 16) is 15, where
    the interval holds a whole number ("nearly 5", 4.5 to under 5, holds none)."""
    low, high = _number(claim.low), _number(claim.high)
    if math.isinf(claim.high):
        return f"more than {low}" if claim.low_open else f"at least {low}"
    if claim.low == 0:
        return f"fewer than {high}" if claim.high_open else f"up to {high}"
    if claim.low == claim.high:
        return low
    lowest = math.floor(claim.low) + 1 if claim.low_open else math.ceil(claim.low)
    highest = math.ceil(claim.high) - 1 if claim.high_open else math.floor(claim.high)
    if lowest <= highest and (claim.low != int(claim.low) or claim.high != int(claim.high)):
        if lowest == highest:
            return _number(lowest)
        return f"between {lowest:,} and {highest:,}" if inside else f"{lowest:,} to {highest:,}"
    if inside:
        return f"at least {low} but under {high}" if claim.high_open else f"between {low} and {high}"
    return f"{low} to {'under ' if claim.high_open else ''}{high}"


def _number(value: float) -> str:
    return "infinity" if math.isinf(value) else f"{value:,.0f}" if value == int(value) else f"{value:,}"


class FigureOptions(ConsistencyOptions):
    # measures compared; crowd sizes (protesters, strikers, troops) change from day to day
    measures: list[str] = ["killed", "injured", "casualties", "hospitalised", "arrested", "detained", "missing",
                           "abducted", "evacuated", "displaced", "sacked"]
    # subjects counted together: a toll of "people" and one of "protesters" can contradict
    same_subjects: list[list[str]] = [["people", "protesters"]]
    # subjects always counted among people ("41 miners"): their toll is a part of a toll of people
    # ("34 people") and contradicts it only by exceeding it
    part_subjects: list[str] = ["workers"]
    # who an uncounted subject is ("10 killed"): compared with these
    unknown_subject: str = "people"
    # lower bounds this many times apart (at least 10 vs at least 16) are a revised or stale toll
    revision_ratio: float = Field(1.5, gt=1)
    # severity of a revised or stale toll (dated revisions, floors far apart); contradictions use the rule's
    revision_severity: Severity = Severity.INFO
    # claims of one place compared pairwise up to this many (a larger group: each with its extremes)
    max_group: int = Field(400, ge=2)


class FigureContradiction(CorpusRule):
    code = "KZ501"
    name = "figure-contradiction"
    severity = Severity.WARNING
    summary = "Two tolls of one event that cannot both be true, or a toll out of date against a later one."
    # figure/other: "'16 people' (killed: 16)"; where: path:line of the other claim; event: "riot in Zhanaozen, 2011-12"
    message = "{figure} here contradicts {other} at {where}: same event ({event}), at most one can be right"
    messages = {
        # both articles dated: old/new "at least 25,000"/"150,000"; later: "3 days"
        "revised": "{figure} here is out of date: the toll was revised from {old} to {new} at {where}, {later} later "
                   "(same event: {event}); update it or say it changed",
        # undated, in two articles: the lower floor is the stale one
        "stale": "{figure} here, but {other} at {where}: same event ({event}); the articles are not both dated, "
                 "so which is older is unknown, but one toll must be stale, most likely this lower one: update "
                 "it or say it changed",
        # the other article gives this count as the earlier one it replaced ("raised the earlier toll of 66")
        "superseded": "{figure} here is out of date: {where} gives {new} and says {old} was the earlier count "
                      "(same event: {event}); update it or say it changed",
        # in one article
        "stale-here": "{figure} here, but {other} at {where} in this article: same event ({event}); one of them "
                      "must be stale: make them agree or say the toll changed",
    }
    explanation = (
        "The same death toll, count of injured, missing or arrested people is reported in several articles "
        "(or twice in one). Two figures are about one event when what happened agrees (earthquake and tsunami, "
        "protest and riot: the event words of `lexicon.events`; 'the disaster' takes the article's own kind), "
        "where agrees (the same town, a town and its province, the same country, or 'several countries' for a "
        "region's toll; a country's toll and one province's are a whole and a part; a nationality such as "
        "'American' is no place) and when agrees (dates written in the figure's clause, else the article's "
        "date from its front matter, path, file name, source URL or dateline). Figures of one sentence are never "
        "compared, nor counts a thousand times apart (a town's 11 deaths and a pandemic's 100 million), and a clause about an earlier event ('after the quake that killed 8,000') is that other "
        "event. Disjoint intervals ('Ten people were killed' vs 'at least 16 people'): at most one can be "
        "right, a warning at each. Both articles dated: the older toll is out of date, a finding at it "
        "(severity `revision-severity`, default info): 'revised from 25,000 to 150,000 at b.md:4, 3 days "
        "later' (but two figures that each look back at an event a year or more before their articles are "
        "a dispute, not a revision). A count another article calls the earlier one it updated ('in an update that raised "
        "the earlier toll of 66') is out of date too, whatever the dates. Undated, overlapping but with floors far apart ('at least 23,000' vs '150,000'): the lower is "
        "stale, a finding at it naming the other (inside one article, at both). In one article, a lower count "
        "with a place ('in Thailand, where 5,000 died') is a part of a count the article places nowhere "
        "('the tsunami has claimed 150,000 lives'), not compared. 'Scores', 'hundreds', "
        "'at least' and 'more than' keep their intervals; a vague 'millions' claims no floor of its own."
    )
    bad_example = (
        "corpus/a.txt: At least ten people have died in Zhanaozen on 16 December 2011.\n"
        "corpus/b.txt: Police in Zhanaozen in December 2011 fatally shot at least 16 people."
    )
    good_example = (
        "corpus/a.txt: At least ten people have died in Zhanaozen on 16 December 2011.\n"
        "corpus/b.txt: At least 12 people were killed in Zhanaozen in December 2019."
    )
    Options = FigureOptions

    def prepare(self) -> list[str]:
        index, lexicon = _settings(self)
        figures_warm_up(lexicon)
        places_for(index)  # the gazetteer, read once before workers fork
        return []

    def extract(self, doc: Document) -> list:
        index, lexicon = _settings(self)
        measures = set(self.options.measures)
        found = [c for c in claims.extract(doc, index, lexicon).claims if c["measure"] in measures and not c["partitive"]
                 and not c.get("projection")]
        found = _without_restated_headline(doc, found)
        _name_speakers(doc, found)
        return found

    def fact_keys(self, fact: dict) -> set[str]:
        return event_keys(fact)

    def lookup_keys(self, fact: dict) -> set[str]:
        """Its keys and, for a claim inside a country, the country's: a run on one file meets the
        country's counts its claim may exceed (_part_beyond_whole). A country's count in the file is not
        looked up in its provinces' (no key holds them all): a run on the whole corpus meets them."""
        country = _country_key(fact.get("scope", ()))
        keys = event_keys(fact)
        return keys | {f"{fact['measure']}|{country.split(':', 1)[1]}"} if country else keys

    def check(self, facts: Mapping[str, Sequence[Any]]) -> Iterable[Finding]:
        claims = [self._claim(path, fact) for path, items in facts.items() for fact in items]
        tolls = [claim.toll for claim in claims]  # once per claim, not once per pair
        lexicon = ev.EventLexicon.of(_settings(self)[1].events)
        best: dict[int, tuple] = {}  # claim index -> (rank, other index, relation, which side)
        focus = self.focus
        buckets = list(self._buckets(claims).values())
        earlier = _EarlierBuckets(buckets, claims, self.options.max_group)
        windows = [ev.event_window(claim.sighting) for claim in claims]
        wider = {claim.path for claim in claims if claim.share}  # articles whose tolls span more than one place
        replaced = {_count_key(claim, claim.path) for claim in claims if claim.earlier}  # counts an article says it updated
        for index, members in enumerate(buckets):
            one_event = _OneDatedEvent(members, claims, lexicon)
            for number, other in _pairs(members, claims, self.options.max_group):
                if _apart(windows[number], windows[other]):
                    continue  # most pairs of a place: see _apart
                if earlier.paired(number, other, index) or (focus is not None and claims[number].path not in focus
                                                            and claims[other].path not in focus):
                    continue
                a, b = claims[number], claims[other]
                if not (a.stood_by and b.stood_by) or a.events != b.events or a.period or b.period \
                        or _subtotal_within(a, b) or _incommensurate(a, b) \
                        or _group_within(a, b, self.options.part_subjects):
                    continue
                if not (ev.same_event(a.sighting, b.sighting, lexicon) or _only_event(a, b, one_event, lexicon)
                        or _part_beyond_whole(a, b, lexicon) or _part_beyond_whole(b, a, lexicon)):
                    continue
                if a.path == b.path and (_part_of(a, b) or _part_of(b, a) or different_speakers(a.speaker, b.speaker)
                                         or a.entry != b.entry):
                    continue  # a part and its whole; two sources' tolls side by side; a live blog's updates
                if a.path != b.path and (_part_of(a, b, wider) or _part_of(b, a, wider) or _share_of_unplaced(a, b)
                                         or _share_of_unplaced(b, a)):
                    continue  # a county's toll and its state's, in two articles
                reports = (a.sighting.report, b.sighting.report)
                if _retrospective(a.sighting) and _retrospective(b.sighting):
                    reports = (None, None)  # two looks back at a settled event: a dispute, not a revision
                relation = ev.relation(tolls[number], tolls[other], *reports, self.options.revision_ratio)
                if relation.kind in ("contradiction", "stale"):
                    relation = _superseded(a, b, replaced) or relation
                for mine, theirs, side in ((number, other, 0), (other, number, 1)):
                    if not _reported(relation, side, claims[mine].path == claims[theirs].path):
                        continue
                    rank = (_RANK[relation.kind], _spread(claims[mine], claims[theirs]))
                    if mine not in best or rank > best[mine][0]:
                        best[mine] = (rank, theirs, relation)
        return [self._finding(claims[n], claims[o], relation) for n, (_, o, relation) in sorted(best.items())]

    def _finding(self, claim: Claim, other: Claim, relation: ev.Relation) -> Finding:
        fields = dict(figure=f"'{claim.text}' ({claim.measure}: {describe(claim)})",
                      other=f"'{other.text}' ({describe(other)})", where=other.where, event=_event(claim, other))
        variant: str | None = None
        if relation.kind == "revised" and relation.days is None:
            variant = "superseded"
            fields.update(old=describe(claim, inside=True), new=describe(other, inside=True))
        elif relation.kind == "revised":
            variant = "revised"
            fields.update(old=describe(claim, inside=True), new=describe(other, inside=True), later=_days(relation.days))
        elif relation.kind == "stale":
            variant = "stale-here" if claim.path == other.path else "stale"
        finding = self.report_at(claim.path, claim.span, variant, snippet=claim.text, related=[other.location],
                                 extra={"kind": relation.kind}, **fields)
        return replace(finding, severity=self.options.revision_severity) if variant else finding

    # -- grouping ----------------------------------------------------------------------------------
    def _claim(self, path: str, fact: dict) -> Claim:
        return Claim(
            path, fact["measure"], self._subject(fact["subject"]), fact["low"] or 0.0,
            math.inf if fact["high"] is None else fact["high"], fact["low_open"], fact["high_open"],
            fact["text"], tuple(fact["span"]), sighting(path, fact), fact.get("place", ""), fact.get("speaker", ""),
            fact.get("share", False), fact.get("entry", -1), fact.get("earlier", False), fact.get("events", False),
            fact.get("denied", False), fact.get("subtotal", ""), fact.get("period", False),
        )

    def _subject(self, subject: str) -> str:
        subject = subject or self.options.unknown_subject
        for group in self.options.same_subjects:
            if subject in group:
                return group[0]
        return subject

    def _buckets(self, claims: list[Claim]) -> dict[tuple, list[int]]:
        """Claims that can be about one event: the same measure and subject, and a place key in
        common (a town meets its province), the same article, or one country (its toll meets its
        provinces' and towns', for _part_beyond_whole). Only pairs inside a bucket are
        compared, so the work grows with the claims of one place, not with the corpus."""
        buckets: dict[tuple, list[int]] = defaultdict(list)
        for number, claim in enumerate(claims):
            subjects = [claim.subject]
            if claim.subject in self.options.part_subjects:
                subjects.append(self._subject(""))  # 41 miners meet 34 people (_group_within)
            for key in [*scope_keys(claim.sighting.scope), f"document:{claim.path}", _country_key(claim.sighting.scope)]:
                if key:
                    for subject in subjects:
                        buckets[(claim.measure, subject, key)].append(number)
        return {key: members for key, members in buckets.items() if len(members) > 1}


def sighting(path: str, fact: dict) -> ev.Sighting:
    """The event of a claim fact (see lint.facts.event_facts.DocumentEvents.claim_fields)."""
    return ev.Sighting(
        tuple(fact.get("kinds", ())), tuple(fact.get("scope", ())), ev.Time.from_json(fact.get("time")),
        ev.Time.from_json(fact.get("report")), bool(fact.get("reference")), path, fact.get("sentence", -1),
        ev.Time.from_json(fact.get("era")), ev.Time.from_json(fact.get("bound")), bool(fact.get("own_scope", True)),
        fact.get("storm", ""))


def _without_restated_headline(doc: Document, found: list[dict]) -> list[dict]:
    """The claims but those of the headline that its body gives again (the same measure and count):
    the headline sums the body up and its label names the story ("Turkey earthquake: Death toll rises
    above 35,000"), not the toll's place, which the body's sentence says ("in Turkey and Syria")."""
    if not found or not doc.prose_blocks:
        return found
    title, first = doc.prose_blocks[0]
    if first.kind != "heading" and " ".join(doc.block_text(first).split()) != doc.title:
        return found  # the front matter holds the headline: the first paragraph is the lede
    sentences = doc.sentences

    def count(claim: dict) -> tuple:
        return claim["measure"], claim["low"], claim["high"], claim["low_open"], claim["high_open"]

    body = {count(c) for c in found if sentences[c["sentence"]].block != title}
    return [c for c in found if sentences[c["sentence"]].block != title or count(c) not in body]


def _name_speakers(doc: Document, found: list[dict]) -> None:
    """Add who says so ("speaker") to the claims of a measure the article gives two values of, in
    different sentences: only there can two sources' tolls stand side by side (_check skips them)."""
    values: dict[str, set] = defaultdict(set)  # by measure: '212 arrests' (no subject) and 'arrested 40,000 people' meet
    for claim in found:
        values[claim["measure"]].add((claim["low"], claim["high"], claim["sentence"]))
    for claim in found:
        seen = values[claim["measure"]]
        if len({(low, high) for low, high, _ in seen}) > 1 and len({s for *_, s in seen}) > 1:
            sentence = doc.sentences[claim["sentence"]]
            named = speaker(doc.prose[sentence.start:sentence.end])
            if named:
                claim["speaker"] = named


def _part_of(part: Claim, whole: Claim, wider: set[str] | None = None) -> bool:
    """In one article, a lower count with a place ("in Thailand, where more than 5,000 people were
    killed") and a count the article places nowhere ("the disaster has claimed at least 150,000
    lives") or in a place around it (the state's 113 dead, its capital's 5) are a part and its
    whole, not two tolls of one place. Across articles (`wider`: the articles that give a place's
    share, "In Kerr County alone, 43"), only where the whole has a place around the part's and one
    of the two says a share is a share (the part, or the whole's article: its toll spans more than
    the one place); else a town's toll and its region's are one event's, placed at two levels."""
    inner, outer = part.sighting.scope, whole.sighting.scope
    if wider is not None and not (outer and (part.share or whole.path in wider)):
        return False
    if wider is None and part.share and part.high <= whole.low:
        return True  # "In one house alone, 12 people died": the article says it is a share
    return bool(inner) and part.low < whole.low and (not outer or inner[0].startswith(outer[0] + "."))


def _country_key(scope: Sequence[str]) -> str:
    """The bucket key of the country a scope lies in ("country:TR" for Turkey and for Bolu), or ""."""
    known = next((key for key in scope if not key.startswith("~")), "")
    return f"country:{known.split('.')[0]}" if known and known != "*" else ""


def _part_beyond_whole(part: Claim, whole: Claim, lexicon: ev.EventLexicon) -> bool:
    """A count somewhere inside a country that exceeds a count of the same kind of event, the same day,
    in the whole country ('76 died at the Grand Kartal Hotel in Bolu province' against '69 died in a
    hotel fire in northwestern Turkey'): a part is no more than its whole, so both cannot be right.
    A part below its whole is no finding (a province's share of a national toll)."""
    inner, outer = part.sighting.scope, whole.sighting.scope
    if not inner or not outer or "." in outer[0] or outer[0] in ("*",) or outer[0].startswith("~"):
        return False
    return (part.low > whole.high and any(key.startswith(outer[0] + ".") for key in inner)
            and ev.kinds_agree(part.sighting.kinds, whole.sighting.kinds, lexicon) is True
            and ev.times_agree(part.sighting, whole.sighting) is True)


def _share_of_unplaced(share: Claim, other: Claim) -> bool:
    """A place's share of a wider toll ("In Sindh alone, 347 died") against a count whose own sentence
    names no place ("According to the NDMA, 1,634 people have been injured"): that may be the whole."""
    return share.share and not other.sighting.own_scope


def _subtotal_within(a: Claim, b: Claim) -> bool:
    """A part of a toll (those aboard, the bodies found so far) against a toll that does not say so,
    and no more of them than it counts: 242 on board and 270 in all (28 on the ground) agree, as do
    6 bodies recovered and 670 feared dead; 179 of 181 on board and 176 in all do not, nor 150
    bodies and 107 dead. Two different parts (270 bodies, 242 aboard) are never compared, nor two
    parts of a breakdown (7 at the bowling alley and 8 at the bar: which part is which is not known)."""
    if a.subtotal == b.subtotal != "breakdown":
        return False
    if a.subtotal and b.subtotal:
        return True
    part, whole = (a, b) if a.subtotal else (b, a)
    return part.low <= whole.high


def _group_within(a: Claim, b: Claim, groups: Sequence[str]) -> bool:
    """A toll of a group always counted among people (41 miners) and a toll of people that may
    hold it (34 people, or 50): no contradiction unless the group's exceeds the people's."""
    if a.subject == b.subject:
        return False
    part, whole = (a, b) if a.subject in groups else (b, a)
    return part.low <= whole.high


def _count_key(claim: Claim, path: str) -> tuple:
    """A count by its number: 'at least 87 were killed' is the count another article calls 'the earlier toll of 87'."""
    return path, claim.measure, claim.subject, claim.low


def _superseded(a: Claim, b: Claim, replaced: set[tuple]) -> ev.Relation | None:
    """Two tolls the same day (or undated) of which one article calls the other's count its earlier one
    ("At least 76 ..., in an update that raised the earlier toll of 66" against another article's 66):
    a revision the articles tell of, not a contradiction; the replaced count is the older."""
    if a.path == b.path:
        return None
    if _count_key(a, b.path) in replaced:
        return ev.Relation("revised", 0)
    if _count_key(b, a.path) in replaced:
        return ev.Relation("revised", 1)
    return None


def _retrospective(sighting: ev.Sighting) -> bool:
    """The figure's clause dates its event a year or more before the article (the 2015 Hajj crush in
    a 2024 story): articles days apart do not revise such a toll, they quote different counts."""
    time, report = sighting.time, sighting.report
    return (time is not None and report is not None and time.known and report.known
            and report.lo - time.hi > ev.SETTLED_AFTER_DAYS)


MAX_RATIO = 1000  # two counts of one event, even disputed or revised, are not this far apart


def _incommensurate(a: Claim, b: Claim) -> bool:
    """Counts three orders of magnitude apart are of two things: a town's 11 plague deaths and the
    Black Death's 100 million, not one event's toll told two ways."""
    low, high = (a, b) if a.high <= b.high else (b, a)
    return low.high * MAX_RATIO < high.low


_RANK = {"contradiction": 3, "revised": 2, "stale": 1}


def _reported(relation: ev.Relation, side: int, same_article: bool) -> bool:
    """Which side of a pair gets the finding: both of a contradiction; the older of a dated
    revision; the lower of a stale pair (both inside one article)."""
    if relation.kind == "agree":
        return False
    if relation.kind == "contradiction" or (relation.kind == "stale" and same_article):
        return True
    return relation.older == side


def _pairs(members: list[int], claims: list[Claim], limit: int) -> Iterable[tuple[int, int]]:
    """Every pair of a group, or for a group larger than `limit` each claim with the extremes of
    the group; a pair as (lower, higher) claim index."""
    if len(members) <= limit:
        for i, number in enumerate(members):
            for other in members[i + 1:]:
                yield number, other
        return
    extremes = sorted(_extremes(members, claims))
    for number in members:
        for other in extremes:
            if other != number:
                yield min(number, other), max(number, other)


def _extremes(members: list[int], claims: list[Claim]) -> set[int]:
    """The claims a large group's others are compared with: the highest floor, the lowest ceiling,
    the lowest floor."""
    return {max(members, key=lambda n: claims[n].low), min(members, key=lambda n: claims[n].high),
            min(members, key=lambda n: claims[n].low)}


class _EarlierBuckets:
    """Whether a pair of claims was paired in an earlier bucket (a town's claims are in their
    region's and country's buckets too): it was compared there, or found no event in common
    there, and is not compared again. Asked of the buckets each claim is in, not of a set of the
    pairs seen: that set held 3 million pairs at 100,000 articles, 300 MB at the peak of a run.
    A claim is in a bucket once (its keys are distinct)."""

    def __init__(self, buckets: list[list[int]], claims: list[Claim], limit: int) -> None:
        self._buckets_of: dict[int, list[int]] = defaultdict(list)  # claim -> its buckets, in order
        for index, members in enumerate(buckets):
            for number in members:
                self._buckets_of[number].append(index)
        self._in = {number: frozenset(indexes) for number, indexes in self._buckets_of.items()}
        # a large bucket pairs only its extremes with the others (see _pairs)
        self._extremes = {index: _extremes(members, claims) for index, members in enumerate(buckets)
                          if len(members) > limit}

    def paired(self, a: int, b: int, bucket: int) -> bool:
        """Whether claims a and b were paired in a bucket before `bucket`."""
        in_b = self._in[b]
        for index in self._buckets_of[a]:
            if index >= bucket:
                return False
            if index in in_b:
                extremes = self._extremes.get(index)
                if extremes is None or a in extremes or b in extremes:
                    return True
        return False


def _apart(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    """Whether two claims' event windows (ev.event_window) are both known and do not overlap:
    then the times disagree (ev.times_agree), so the events differ (ev.same_event), and both
    are dated, so neither joins the other as a place's only event (_only_event). Four in five
    of the pairs those questions were asked about at 100,000 articles."""
    return a is not None and b is not None and (a[0] > b[1] or b[0] > a[1])


def _only_event(a: Claim, b: Claim, one_event: _OneDatedEvent, lexicon: ev.EventLexicon) -> bool:
    """An undated claim at a town joins a dated claim there when every dated claim of the place
    tells of one event (overlapping times, kinds that do not disagree): 'At least 10 people were
    killed in Zhanaozen' beside the only dated toll of Zhanaozen, December 2011."""
    sa, sb = a.sighting, b.sighting
    if a.path == b.path or ev.scopes_agree(sa.scope, sb.scope) is not True or not ev.specific(sa.scope):
        return False
    if ev.kinds_agree(sa.kinds, sb.kinds, lexicon) is False or sa.reference or sb.reference:
        return False
    if sa.storm and sb.storm and sa.storm != sb.storm:
        return False
    if (ev.event_window(sa) is None) == (ev.event_window(sb) is None):
        return False  # both dated (same_event decided) or both undated (never joined this way)
    return one_event()


class _OneDatedEvent:
    """Whether every dated claim of a bucket tells of one event: decided once per bucket, on its
    first question (it was decided per pair, over the whole bucket: cubic in a place's claims,
    12 s of a 100,000-article corpus check), over the distinct kinds of event only."""

    def __init__(self, members: list[int], claims: list[Claim], lexicon: ev.EventLexicon) -> None:
        self._members, self._claims, self._lexicon = members, claims, lexicon
        self._answer: bool | None = None

    def __call__(self) -> bool:
        if self._answer is None:
            dated = [self._claims[n].sighting for n in self._members
                     if ev.event_window(self._claims[n].sighting) is not None]
            spans = [ev.event_window(s) for s in dated]
            if max(lo for lo, _ in spans) > min(hi for _, hi in spans) + ev.REPORT_WINDOW_DAYS:
                self._answer = False
            else:
                kinds = sorted({s.kinds for s in dated})
                self._answer = all(ev.kinds_agree(x, y, self._lexicon) is not False for x in kinds for y in kinds)
        return self._answer


def _spread(a: Claim, b: Claim) -> float:
    low, high = sorted((a.low, b.low))
    return (high + 1) / (low + 1)


def _days(days: int | None) -> str:
    return "1 day" if days == 1 else f"{days} days"
