"""KZ503 date-contradiction: the same toll of one event dated to different months or years."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from lint.core.document import Document
from lint.core.findings import Finding, Location, Severity
from lint.facts import claims
from lint.facts import events as ev
from lint.facts.places import scope_keys
from lint.rules.base import CorpusRule
from lint.rules.consistency.figure_contradiction import sighting
from lint.rules.consistency.support import ConsistencyOptions, _settings, event_keys


class DateOptions(ConsistencyOptions):
    # measures whose figures identify an event well enough to compare its dates
    measures: list[str] = ["killed", "injured", "casualties", "hospitalised", "arrested", "detained", "missing"]


class DateContradiction(CorpusRule):
    code = "KZ503"
    name = "date-contradiction"
    severity = Severity.WARNING
    summary = "The same toll of one event dated to different months or years."
    message = "'{figure}' dated {date} here, but '{other}' is dated {other_date} at {path}:{line}: one date is wrong"
    explanation = (
        "When two articles give the same exact figure for the same measure of the same kind of event at the "
        "same place ('at least 16 people killed in Zhanaozen') and each dates it in the figure's own clause, "
        "they almost certainly describe one event; different years or months mean one date is wrong. Only "
        "dates written with the figure count (not the article's own date), so a toll recalled years later is "
        "compared by the date it names. A round figure ('2,000') repeats by chance and needs a town or "
        "province in common; a vague one ('dozens') is never compared."
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
                if c["measure"] in measures and c.get("time") and c["time"][0] is not None and not c["partitive"]
                and c.get("scope") and not c.get("projection")]

    def fact_keys(self, fact: dict) -> set[str]:
        return event_keys(fact)

    def check(self, facts: Mapping[str, Sequence[Any]]) -> Iterable[Finding]:
        lexicon = ev.EventLexicon.of(_settings(self)[1].events)
        groups: dict[tuple, list[tuple[str, dict]]] = defaultdict(list)
        for path, items in facts.items():
            for fact in items:
                if _vague(fact):
                    continue
                figure = (fact["measure"], fact["subject"], fact["low"], fact["high"], fact["low_open"], fact["high_open"])
                for key in scope_keys(fact["scope"]):
                    groups[(*figure, key)].append((path, fact))
        reported: dict[tuple, Finding] = {}
        for members in groups.values():
            sightings: list[ev.Sighting | None] = [None] * len(members)  # each made once, not once per pair
            for number, (path, fact) in enumerate(members):
                key = (path, tuple(fact["span"]))
                if key in reported or (self.focus is not None and path not in self.focus):
                    continue
                mine = sightings[number] = sightings[number] or sighting(path, fact)
                for index, (other_path, other) in enumerate(members):
                    if other_path == path:
                        continue
                    theirs = sightings[index] = sightings[index] or sighting(other_path, other)
                    if not _one_event(mine, theirs, fact, lexicon):
                        continue
                    a, b = mine.time, theirs.time
                    if a.lo <= b.hi and b.lo <= a.hi:
                        continue  # the dates agree ("2011" and "December 2011")
                    reported[key] = self.report_at(
                        path, tuple(fact["span"]), figure=fact["text"], date=a.words(), other=other["text"],
                        other_date=b.words(), path=other_path, line=other["span"][0], snippet=fact["text"],
                        related=[Location(other_path, other["span"][0], other["span"][1])])
                    break
        return [reported[key] for key in sorted(reported)]


def _vague(fact: dict) -> bool:
    high = math.inf if fact["high"] is None else fact["high"]
    return ev.vague(ev.Toll(fact["low"] or 0.0, high))


def _one_event(a: ev.Sighting, b: ev.Sighting, fact: dict, lexicon: ev.EventLexicon) -> bool:
    """One event but for the date: kinds that do not disagree, the same place; a round toll needs a town."""
    if ev.kinds_agree(a.kinds, b.kinds, lexicon) is False or ev.scopes_agree(a.scope, b.scope) is not True:
        return False
    low = fact["low"] or 0.0
    return ev.specific(a.scope) or low % 100 != 0
