"""KZ503 date-contradiction: The same toll at the same place dated to different months or years."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from lint.core.document import Document
from lint.core.findings import Finding, Location, Severity
from lint.facts import claims
from lint.rules.base import CorpusRule
from lint.rules.consistency.support import ConsistencyOptions, _measure_places, _settings
from lint.text.transliteration import skeleton


class DateOptions(ConsistencyOptions):
    # measures whose figures identify an event well enough to compare its dates
    measures: list[str] = ["killed", "injured", "casualties", "hospitalised", "arrested", "detained", "missing"]


class DateContradiction(CorpusRule):
    code = "KZ503"
    name = "date-contradiction"
    severity = Severity.WARNING
    summary = "The same toll at the same place dated to different months or years."
    message = "'{figure}' dated {date} here, but '{other}' is dated {other_date} at {path}:{line}: one date is wrong"
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
        return [c for c in claims.extract(doc, index, lexicon).claims
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
                    reported[key] = self.report_at(
                        path, tuple(fact["span"]), figure=fact["text"], date=_date_words(date), other=other["text"],
                        other_date=_date_words(_month_of(other)), path=other_path, line=other["span"][0],
                        snippet=fact["text"], related=[Location(other_path, other["span"][0], other["span"][1])])
        return [reported[key] for key in sorted(reported)]


def _month_of(fact: dict) -> tuple:
    return tuple(fact["when"][:2])


def _same_date(a: tuple, b: tuple) -> bool:
    """Same year, and the same month when both name one."""
    return a[0] == b[0] and (a[1] is None or b[1] is None or a[1] == b[1])


def _date_words(date: tuple) -> str:
    return f"{date[0]}-{date[1]:02d}" if date[1] else str(date[0])
