"""KZ501 figure-contradiction: Two figures for the same event and measure that cannot both be true, or a much revised toll."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from pydantic import Field

from lint.core.document import Document
from lint.core.findings import Finding, Location, Severity
from lint.facts import claims
from lint.facts.figures import warm_up as figures_warm_up
from lint.rules.base import CorpusRule
from lint.rules.consistency.support import ConsistencyOptions, _measure_places, _settings
from lint.text.transliteration import skeleton


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
    places: tuple[tuple[str, bool], ...]  # (place, specific)
    when: tuple  # (year, month, day, relative)

    @property
    def location(self) -> Location:
        return Location(self.path, self.span[0], self.span[1])

    @property
    def where(self) -> str:
        return f"{self.path}:{self.span[0]}"


def _event(a: Claim, b: Claim) -> str:
    """What two claims share, in words: 'Zhanaozen, 2011-12'."""
    theirs = {skeleton(p) for p, _ in b.places}
    shared = [p for p, specific in sorted(a.places, key=lambda place: not place[1]) if skeleton(p) in theirs]
    where = shared[0] if shared else ("the same article" if a.path == b.path else "no place named")
    year, month = (a.when[:2] if a.when[0] is not None else b.when[:2])
    when = f"{year}-{month:02d}" if year and month else str(year) if year else "undated"
    return f"{where}, {when}"


def disjoint(a: Claim, b: Claim) -> bool:
    """No number satisfies both intervals."""
    return _below(a, b) or _below(b, a)


def _below(a: Claim, b: Claim) -> bool:
    return a.high < b.low or (a.high == b.low and (a.high_open or b.low_open))


def describe(claim: Claim) -> str:
    """An interval in words: 'at least 10', 'more than 100', '24 to 99', '12'."""
    low, high = _number(claim.low), _number(claim.high)
    if math.isinf(claim.high):
        return f"more than {low}" if claim.low_open else f"at least {low}"
    if claim.low == 0:
        return f"fewer than {high}" if claim.high_open else f"up to {high}"
    if claim.low == claim.high:
        return low
    return f"{low} to {'under ' if claim.high_open else ''}{high}"


def _number(value: float) -> str:
    return "infinity" if math.isinf(value) else f"{value:,.0f}" if value == int(value) else f"{value:,}"


class FigureOptions(ConsistencyOptions):
    # measures compared; crowd sizes (protesters, strikers, troops) change from day to day
    measures: list[str] = ["killed", "injured", "casualties", "hospitalised", "arrested", "detained", "missing",
                           "evacuated", "displaced", "sacked"]
    # subjects counted together: a toll of "people" and one of "protesters" can contradict
    same_subjects: list[list[str]] = [["people", "protesters"]]
    # who an uncounted subject is ("10 killed"): compared with these
    unknown_subject: str = "people"
    # lower bounds this many times apart (at least 10 vs at least 16) are a revised figure
    revision_ratio: float = Field(1.5, gt=1)
    # severity of a revised figure (intervals that still overlap); disjoint ones use the rule's
    revision_severity: Severity = Severity.INFO


class FigureContradiction(CorpusRule):
    code = "KZ501"
    name = "figure-contradiction"
    severity = Severity.WARNING
    summary = "Two figures for the same event and measure that cannot both be true, or a much revised toll."
    # figure/other: "'16 people' (killed: 16)"; where: path:line of the other claim
    message = "{figure} here contradicts {other} at {where}: same event ({event}), at most one can be right"
    messages = {
        "revision": "{figure} here, but {other} at {where}: same event ({event}); "
                    "a revised toll? update the older figure or say it changed",
    }
    explanation = (
        "The same death toll, count of injured or arrested people is reported in several articles "
        "(or twice in one). When the intervals the wording allows are disjoint ('Ten people were killed' "
        "vs 'at least 16 people'), at most one can be right: a warning at each claim, naming the other. "
        "When they still overlap but the lower bounds are far apart ('at least 10' vs 'at least 16'), the "
        "toll was probably revised: a finding too (severity `revision-severity`, default info), so an editor "
        "updates the older figure. Claims belong to the same event when they share a place (gazetteer in "
        "`names.places` or a capitalised name after 'in'/'at') and their times agree: dated claims by year "
        "and month; an undated claim joins a dated event only at a specific place with a single dated event."
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
        figures_warm_up(_settings(self)[1])
        return []

    def extract(self, doc: Document) -> list:
        index, lexicon = _settings(self)
        measures = set(self.options.measures)
        return [c for c in claims.extract(doc, index, lexicon).claims if c["measure"] in measures and not c["partitive"]]

    def fact_keys(self, fact: dict) -> set[str]:
        return _measure_places(fact)

    def check(self, facts: Mapping[str, Sequence[Any]]) -> Iterable[Finding]:
        claims = [self._claim(path, fact) for path, items in facts.items() for fact in items]
        best: dict[int, tuple] = {}  # claim index -> (rank, other index, kind)
        for bucket in self._buckets(claims):
            for number, other, kind, rank in _conflicts(bucket, claims, self.options.revision_ratio):
                if number not in best or rank > best[number][0]:
                    best[number] = (rank, other, kind)
        findings = []
        for number, (_, other, kind) in sorted(best.items()):
            findings.append(self._finding(claims[number], claims[other], kind))
        return findings

    def _finding(self, claim: Claim, other: Claim, kind: str) -> Finding:
        finding = self.report_at(
            claim.path, claim.span, None if kind == "disjoint" else "revision",
            figure=f"'{claim.text}' ({claim.measure}: {describe(claim)})", other=f"'{other.text}' ({describe(other)})",
            where=other.where, event=_event(claim, other), snippet=claim.text, related=[other.location],
            extra={"kind": kind})
        return replace(finding, severity=self.options.revision_severity) if kind == "revision" else finding

    # -- grouping ----------------------------------------------------------------------------------
    def _claim(self, path: str, fact: dict) -> Claim:
        return Claim(
            path, fact["measure"], self._subject(fact["subject"]), fact["low"] or 0.0,
            math.inf if fact["high"] is None else fact["high"], fact["low_open"], fact["high_open"],
            fact["text"], tuple(fact["span"]), tuple((p, bool(s)) for p, s in fact["places"]), tuple(fact["when"]),
        )

    def _subject(self, subject: str) -> str:
        subject = subject or self.options.unknown_subject
        for group in self.options.same_subjects:
            if subject in group:
                return group[0]
        return subject

    def _buckets(self, claims: list[Claim]) -> Iterable[list[int]]:
        """Claims of one event: same measure, subject and place, then the same time. A claim is
        keyed by its specific places (towns, regions) when it has any, else by every place."""
        by_place: dict[tuple, list[int]] = defaultdict(list)
        for number, claim in enumerate(claims):
            # a town meets claims about that town (or its region), not other towns of the country
            specific = [skeleton(p) for p, s in claim.places if s]
            places = specific or [skeleton(p) for p, _ in claim.places] or [f"document:{claim.path}"]
            for place in dict.fromkeys(places):
                by_place[(claim.measure, claim.subject, place, bool(specific))].append(number)
        for (_, _, _, specific), members in by_place.items():
            if len(members) > 1:
                yield from _by_time(members, claims, specific)


def _by_time(members: list[int], claims: list[Claim], specific: bool) -> Iterable[list[int]]:
    """Split one (measure, subject, place) group into events by time.

    Dated claims meet by year and month (a claim with a year but no month joins the only month
    of that year). An undated claim joins the dated event only when there is exactly one, at a
    specific place (a town, not a country), and none of that event's claims is from its own
    article (an article that dates one toll and not another means two times); otherwise it is
    compared only with the undated claims of its own article.
    """
    dated: dict[tuple, list[int]] = defaultdict(list)
    undated: list[int] = []
    for number in members:
        year, month, _, relative = claims[number].when
        if year is not None:
            dated[(year, month)].append(number)
        else:
            undated.append(number)
    for (year, month) in [k for k in dated if k[1] is None]:
        months = [k for k in dated if k[0] == year and k[1] is not None]
        if len(months) == 1:
            dated[months[0]].extend(dated.pop((year, month)))
    local: dict[tuple, list[int]] = defaultdict(list)
    only = next(iter(dated.values())) if len(dated) == 1 else None
    only_month = next(iter(dated))[1] if only else None
    only_paths = {claims[n].path for n in only} if only else set()
    for number in undated:
        claim = claims[number]
        _, month, _, relative = claim.when
        if (only is not None and specific and relative is None and claim.path not in only_paths
                and (month is None or month == only_month)):
            only.append(number)
        else:
            local[(claim.path, relative, month)].append(number)
    for bucket in [*dated.values(), *local.values()]:
        if len(bucket) > 1:
            yield bucket


def _conflicts(bucket: list[int], claims: list[Claim], ratio: float) -> Iterable[tuple[int, int, str, tuple]]:
    """For each claim, the worst other claim of its event: disjoint (a contradiction) or with a
    far higher or lower floor (a revision). Linear: only the extremes of the bucket are candidates."""
    highest_low = sorted(bucket, key=lambda n: (-claims[n].low, claims[n].path, claims[n].span))[:2]
    lowest_high = sorted(bucket, key=lambda n: (claims[n].high, claims[n].path, claims[n].span))[:2]
    lowest_low = sorted(bucket, key=lambda n: (claims[n].low, claims[n].path, claims[n].span))[:2]
    for number in bucket:
        claim = claims[number]
        others = {_other(highest_low, number), _other(lowest_high, number), _other(lowest_low, number)}
        for other in sorted(o for o in others if o is not None):
            if claims[other].span == claim.span and claims[other].path == claim.path:
                continue
            if disjoint(claim, claims[other]):
                yield number, other, "disjoint", (2, _gap(claim, claims[other]))
                continue
            low, other_low = claim.low, claims[other].low
            if min(low, other_low) > 0 and max(low, other_low) >= ratio * min(low, other_low):
                yield number, other, "revision", (1, max(low, other_low) / min(low, other_low))


def _other(extremes: list[int], number: int) -> int | None:
    rest = [n for n in extremes if n != number]
    return rest[0] if rest else None


def _gap(a: Claim, b: Claim) -> float:
    low, high = (a, b) if a.high <= b.low else (b, a)
    return (high.low + 1) / (low.high + 1) if not math.isinf(low.high) else 0.0
