"""KZ502 name-variant: One name spelled in different ways across the corpus (transliteration variants)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from pydantic import Field

from lint.core.document import Document
from lint.core.findings import Finding, Location, Severity
from lint.facts import claims
from lint.reference.wordlists import zipf_frequency
from lint.rules.base import CorpusRule
from lint.rules.consistency.support import ConsistencyOptions, _settings
from lint.text.transliteration import differing_words, fold, same_name, spelling, tokens


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
    # advice: "write 'X' (12 mentions in the corpus against 2)", or how to choose when they are equal
    message = "'{variant}' here but '{preferred}' at {path}:{line}: one name spelled two ways; {advice}"
    messages = {"unlocated": "'{variant}' here: one name spelled two ways; {advice}"}  # the preferred one is not in the corpus
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
        return claims.extract(doc, index, None).names

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
            if why:
                advice = f"write '{shown}' ({why})"
            elif counts[target] > counts[variant]:
                advice = f"write '{shown}' ({counts[target]} mentions in the corpus against {counts[variant]})"
            elif variant not in targets:
                advice = f"write '{shown}' (as frequent here, and the more common spelling in English)"
            else:
                advice = "both equally frequent: pick one and list it in rules.yaml names: preferred"
            for path, surface, span, count in spellings[variant]:
                yield self.report_at(path, span, None if related else "unlocated", variant=surface, preferred=shown,
                                     path=related[0].path if related else "", line=related[0].line if related else 0,
                                     advice=advice, snippet=surface, related=related, extra={"preferred": shown})

    def _same(self, variant: str, target: str) -> bool:
        if not same_name(variant, target, min_ratio=self.options.min_ratio, min_length=self.options.min_word_length):
            return False
        threshold = self.options.established_frequency
        for a, b in differing_words(variant, target):
            if min(zipf_frequency(a), zipf_frequency(b)) >= threshold:
                return False
        return True
