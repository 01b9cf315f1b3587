"""KZ5: claims that contradict each other across the corpus (or inside one article).

Each rule extracts small facts per document (cached) and then groups them: figures by
(measure, who is counted, place) and then by time; names by a transliteration-blind key.
Work grows with the number of claims, never with the number of pairs of documents.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from pydantic import ConfigDict, Field

from lint.facts.claims import extract
from lint.config import load
from lint.core.document import Document
from lint.facts.figures import warm_up as figures_warm_up
from lint.core.findings import Finding, Location, Severity
from lint.facts.names import differing_words, fold, name_index, same_name, skeleton, spelling, tokens
from lint.text.words import zipf_frequency
from lint.rules.base import CorpusRule, Options


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class ConsistencyOptions(Options):
    model_config = ConfigDict(extra="forbid", frozen=True, alias_generator=_kebab, populate_by_name=True)


def _settings(rule: CorpusRule):
    """(name index, lexicon) from the whole config, or the built-in defaults without one."""
    config = rule.config
    if config is None:
        config = load(None)
    return name_index(config.names), config.lexicon


# -- KZ501 ----------------------------------------------------------------------------------------


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
    message = "{figure} here, but {other} at {path}:{line} ({event})"
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
        return [c for c in extract(doc, index, lexicon).claims if c["measure"] in measures and not c["partitive"]]

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
        figure = f"'{claim.text}' ({claim.measure}: {describe(claim)})"
        theirs = f"'{other.text}' ({describe(other)}) at {other.where}"
        event = _event(claim, other)
        if kind == "disjoint":
            message = f"{figure} here contradicts {theirs}: same event ({event}), at most one can be right"
        else:
            message = (f"{figure} here, but {theirs}: same event ({event}); "
                       f"a revised toll? update the older figure or say it changed")
        finding = self.finding_at(claim.path, claim.span, message, snippet=claim.text, related=[other.location],
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


# -- KZ502 ----------------------------------------------------------------------------------------


def _familiarity(name: str) -> float:
    """How well English text knows a spelling: the summed Zipf frequency of its words."""
    return round(sum(zipf_frequency(fold(word)) for word in tokens(name)), 3)


class NameOptions(ConsistencyOptions):
    # two words that differ by one letter are one name when their rapidfuzz ratio reaches this
    min_ratio: float = Field(80.0, ge=0, le=100)
    # shorter words must agree exactly once romanisation is folded (Dan/Don, Ivan/Ivon)
    min_word_length: int = Field(5, ge=1)
    # two spellings that are both established English words or names (wordfreq Zipf frequency at
    # least this) are two names, not one misspelt: Miller/Muller, Davis/Davies, Clark/Clarke
    established_frequency: float = Field(2.8, ge=0)


class NameVariant(CorpusRule):
    code = "KZ502"
    name = "name-variant"
    severity = Severity.WARNING
    summary = "One name spelled in different ways across the corpus (transliteration variants)."
    message = "'{variant}' here is spelled '{preferred}' at {path}:{line} ({why})"
    explanation = (
        "Kazakh and Russian names are romanised in several ways (Kassym-Jomart / Kasym-Zhomart, "
        "Mangystau / Mangistau / Manghystau). Readers and search engines take different spellings for "
        "different people or places. The minority spelling is reported and points to the preferred one: "
        "the spelling listed in rules.yaml `names:` (preferred, aliases, places) when there is one, else "
        "the most frequent in the corpus (equally frequent spellings are all reported). Known renamings "
        "(Astana / Nur-Sultan) are aliases, not variants. Every word of a name must match, so people who "
        "share a surname are never variants of each other."
    )
    bad_example = (
        "corpus/a.txt: President Kassym-Jomart Tokayev spoke.\n"
        "corpus/b.txt: President Kasym-Zhomart Tokayev spoke."
    )
    good_example = (
        "corpus/a.txt: President Kassym-Jomart Tokayev spoke.\n"
        "corpus/b.txt: President Kassym-Jomart Tokayev met Tony Blair and Cherie Blair."
    )
    Options = NameOptions

    def extract(self, doc: Document) -> list:
        index, _ = _settings(self)
        return extract(doc, index, None).names

    def fact_keys(self, mention: list) -> tuple[str]:
        """Every spelling of a name shares its key: a document's keys meet every variant of its names."""
        return (mention[1],)

    def check(self, facts: Mapping[str, Sequence[Any]]) -> Iterable[Finding]:
        index, _ = _settings(self)
        by_key: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))  # key -> spelling -> mentions
        for path, mentions in facts.items():
            for surface, key, line, column, end_line, end_column, count in mentions:
                by_key[key][spelling(surface)].append((path, surface, (line, column, end_line, end_column), count))
        findings: list[Finding] = []
        for key in sorted(by_key):
            spellings = by_key[key]
            if len(spellings) < 2 or len(spellings) > 50:
                continue
            findings.extend(self._variants(key, spellings, index))
        return findings

    def _variants(self, key: str, spellings: dict[str, list], index) -> Iterable[Finding]:
        configured = index.preferred_by_key.get(key)
        counts = Counter({s: sum(m[3] for m in mentions) for s, mentions in spellings.items()})
        if configured is not None:
            targets = [spelling(configured)]
            why = "the spelling listed in rules.yaml names:"
        else:  # the most frequent; between equals, the spelling English text knows best (wordfreq)
            top = max(counts.values())
            targets = sorted(s for s, n in counts.items() if n == top)
            if len(targets) > 1:
                known = {t: _familiarity(t) for t in targets}
                targets = [t for t in targets if known[t] == max(known.values())]
            why = None
        for variant in sorted(spellings):
            if variant in index.accepted:
                continue
            candidates = [t for t in targets if t != variant and self._same(variant, t)]
            if not candidates:
                continue
            target = candidates[0]
            first_target = spellings.get(target, [])
            shown = configured or first_target[0][1]
            related = [Location(first_target[0][0], first_target[0][2][0], first_target[0][2][1])] if first_target else []
            where = f" but '{shown}' at {related[0].path}:{related[0].line}" if related else ""
            if why:
                advice = f"write '{shown}' ({why})"
            elif counts[target] > counts[variant]:
                advice = f"write '{shown}' ({counts[target]} mentions in the corpus against {counts[variant]})"
            elif variant not in targets:
                advice = f"write '{shown}' (as frequent here, and the more common spelling in English)"
            else:
                advice = "both equally frequent: pick one and list it in rules.yaml names: preferred"
            for path, surface, span, count in spellings[variant]:
                message = f"'{surface}' here{where}: one name spelled two ways; {advice}"
                yield self.finding_at(path, span, message, snippet=surface, related=related,
                                      extra={"preferred": shown})

    def _same(self, variant: str, target: str) -> bool:
        if not same_name(variant, target, min_ratio=self.options.min_ratio, min_length=self.options.min_word_length):
            return False
        threshold = self.options.established_frequency
        for a, b in differing_words(variant, target):
            if min(zipf_frequency(a), zipf_frequency(b)) >= threshold:
                return False
        return True


# -- KZ503 ----------------------------------------------------------------------------------------


class DateOptions(ConsistencyOptions):
    # measures whose figures identify an event well enough to compare its dates
    measures: list[str] = ["killed", "injured", "casualties", "hospitalised", "arrested", "detained", "missing"]


class DateContradiction(CorpusRule):
    code = "KZ503"
    name = "date-contradiction"
    severity = Severity.WARNING
    summary = "The same toll at the same place dated to different months or years."
    message = "{figure} dated {date} here, but {other_date} at {path}:{line}"
    explanation = (
        "When two articles give the same figure for the same measure at the same place ('at least 16 people "
        "killed in Zhanaozen') and each dates it explicitly in the sentence, they almost certainly describe one "
        "event; different years or months mean one date is wrong. Only dates written in the figure's sentence "
        "count (not the article's own date), so a toll recalled years later is compared by the date it names."
    )
    bad_example = (
        "corpus/a.txt: Police in Zhanaozen in December 2011 fatally shot at least 16 people.\n"
        "corpus/b.txt: Police in Zhanaozen in December 2012 fatally shot at least 16 people."
    )
    good_example = (
        "corpus/a.txt: Police in Zhanaozen in December 2011 fatally shot at least 16 people.\n"
        "corpus/b.txt: In December 2011 police in Zhanaozen shot dead at least 16 people."
    )
    Options = DateOptions

    def extract(self, doc: Document) -> list:
        index, lexicon = _settings(self)
        measures = set(self.options.measures)
        return [c for c in extract(doc, index, lexicon).claims
                if c["measure"] in measures and c["dated_in_sentence"] and c["when"][0] and not c["partitive"]]

    def fact_keys(self, fact: dict) -> set[str]:
        return _measure_places(fact)

    def check(self, facts: Mapping[str, Sequence[Any]]) -> Iterable[Finding]:
        groups: dict[tuple, list[tuple[str, dict]]] = defaultdict(list)
        for path, items in facts.items():
            for fact in items:
                figure = (fact["measure"], fact["subject"], fact["low"], fact["high"], fact["low_open"], fact["high_open"])
                specific = [skeleton(p) for p, s in fact["places"] if s]
                for place in dict.fromkeys(specific or [skeleton(p) for p, _ in fact["places"]]):
                    groups[(*figure, place)].append((path, fact))
        reported: dict[tuple, Finding] = {}
        for members in groups.values():
            first_by_date: dict[tuple, tuple[str, dict]] = {}
            for path, fact in members:
                first_by_date.setdefault(_month_of(fact), (path, fact))
            if len(first_by_date) < 2:
                continue
            for path, fact in members:
                date = _month_of(fact)
                conflicting = next((v for k, v in first_by_date.items() if not _same_date(k, date)), None)
                key = (path, tuple(fact["span"]))
                if conflicting is not None and key not in reported:
                    other_path, other = conflicting
                    reported[key] = self.finding_at(
                        path, tuple(fact["span"]),
                        f"'{fact['text']}' dated {_date_words(date)} here, but '{other['text']}' is dated "
                        f"{_date_words(_month_of(other))} at {other_path}:{other['span'][0]}: one date is wrong",
                        snippet=fact["text"], related=[Location(other_path, other["span"][0], other["span"][1])])
        return [reported[key] for key in sorted(reported)]


def _measure_places(fact: dict) -> set[str]:
    """Claim keys of KZ501/KZ503: (measure, place) of a claim, coarser than their groups (which
    add the subject, the figure or the time), so a claim sharing none cannot be in one. A claim
    without a place is compared only inside its own document and needs no key."""
    return {f"{fact['measure']}|{skeleton(place)}" for place, _ in fact["places"]}


def _month_of(fact: dict) -> tuple:
    return tuple(fact["when"][:2])


def _same_date(a: tuple, b: tuple) -> bool:
    """Same year, and the same month when both name one."""
    return a[0] == b[0] and (a[1] is None or b[1] is None or a[1] == b[1])


def _date_words(date: tuple) -> str:
    return f"{date[0]}-{date[1]:02d}" if date[1] else str(date[0])
