"""KZ502 name-variant: One name spelled in different ways across the corpus (romanisation variants, slips)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from functools import partial
from typing import Any

from pydantic import Field

from lint.config import load
from lint.core.document import Document
from lint.core.findings import Finding, Location, Severity
from lint.facts import claims
from lint.facts.name_variants import Reportable, Variant, find_variants
from lint.reference import gazetteer
from lint.reference.wordlists import zipf_frequency
from lint.rules.base import CorpusRule
from lint.rules.consistency.support import ConsistencyOptions, _settings
from lint.text.foreign import article_language
from lint.text.transliteration_rules import ARTICLE, SEPARATOR, bucket_key, compare, slip_keys, words


class NameOptions(ConsistencyOptions):
    # two words that differ by one letter are one name when their rapidfuzz ratio reaches this
    min_ratio: float = Field(80.0, ge=0, le=100)
    # shorter words must agree exactly once romanisation is folded (Dan/Don, Ivan/Ivon)
    min_word_length: int = Field(5, ge=1)
    # two spellings that are both established English words or names (wordfreq Zipf frequency at
    # least this) are two names, not one misspelt: Miller/Muller, Davis/Davies, Clark/Clarke
    # (unless a romanisation rule explains them in a longer name: Mohammed Atta / Muhammad Atta, or one
    # vowel of a given name differs before a rare surname: Khalid / Khaled Zadran)
    established_frequency: float = Field(2.8, ge=0)
    # a spelling nobody writes ('Sharrma') still wins when it is the corpus's house style: in this
    # many times as many documents as the known spelling (and at least 3)
    house_style_ratio: int = Field(3, ge=1)
    # severity of variants that differ only by hyphens, spaces or case (Kim Jong-un / Kim Jong Un)
    # when the config does not list the spelling to write
    minor_severity: Severity = Severity.INFO


class NameVariant(CorpusRule):
    code = "KZ502"
    name = "name-variant"
    severity = Severity.WARNING
    summary = "One name spelled in different ways across the corpus (romanisation variants, slips)."
    # advice: "write 'X' (12 mentions in the corpus against 2)", or how to choose when nothing tells them apart
    message = "'{variant}' here but '{preferred}' at {path}:{line}: one name spelled two ways; {advice}"
    messages = {
        "unlocated": "'{variant}' here: one name spelled two ways; {advice}",  # the preferred one is not in the corpus
        "minor": "'{variant}' here but '{preferred}' at {path}:{line}: only hyphens, spaces, apostrophes, accents or case differ; {advice}",
        "article": "'{variant}' here but '{preferred}' at {path}:{line}: one name with and without the Arabic article; {advice}",
    }
    explanation = (
        "Names reach English news through several romanisations: Arabic and Urdu (Mohammed / Muhammad, "
        "Gaddafi / Qadhafi, al-Qaeda / al-Qaida, Pervez / Parvez Musharraf), Russian and Ukrainian "
        "(Yeltsin / Eltsin, Zelensky / Zelenskiy), Kazakh (Kassym-Jomart / Kasym-Zhomart), Korean and "
        "Chinese syllables (Kim Jong-un / Kim Jong Un, Xi Jin-ping / Xi Jinping), the Arabic article (el-Sisi / "
        "al-Sisi); and through slips: a letter doubled, dropped, added or two swapped in a long word of a "
        "longer name (Barbara Follet / Follett, Malcom / Malcolm Glazer, Kisrty / Kirsty Williams; not a "
        "changed letter, Blair / Clair, nor a plural). Readers and search engines take different spellings for different "
        "people. Each variant is reported once per document, pointing to the spelling to write: the one in "
        "the config's `names:` (preferred, aliases, places); else, from evidence, a spelling whose words "
        "English text knows (wordfreq) or the gazetteer names over one nobody writes, even if it is the "
        "corpus majority ('Priya Sharrma' twice, 'Sharma' once) unless it is clearly the house style; "
        "else a clear corpus majority (from 3 documents and twice the other's); else a spelling at least twice "
        "as common in English. Without such evidence the finding names the corpus's leaning but does not "
        "call it right: between two established spellings a weak majority can be a repeated slip (Damien / "
        "Damian Hockney, Launderette / Laundrette: check the name). When nothing tells two spellings apart, "
        "both are reported. Variants that differ only by hyphens, spaces or case are info "
        "(`minor-severity`) and a house style, not a misspelling (Delta Air Lines / Delta Airlines), and so "
        "is the Arabic article written in one spelling only (Bashar al-Assad, AP's Bashar Assad), unless "
        "the config or the world's evidence names one ('EdinburghInternational'). A one-word name is compared only with a spelling the config lists or "
        "with a country's name in the world gazetteer that the corpus also writes ('Rusia' beside 'Russia'; "
        "never two countries such as Niger / Nigeria). Every word of a name must match, so people who share a surname are "
        "never variants; two established English surnames (Davis / Davies) are two people; renamings "
        "(Kiev / Kyiv, Astana / Nur-Sultan: names of one gazetteer place, or `names: aliases`) are not "
        "variants. Names in Cyrillic or other scripts are left alone (they decline)."
    )
    bad_example = (
        "corpus/a.txt: Libyan leader Muammar Gaddafi spoke. Muammar Gaddafi left.\n"
        "corpus/b.txt: Libyan leader Muammar Qadhafi spoke."
    )
    good_example = (
        "corpus/a.txt: Libyan leader Muammar Gaddafi spoke.\n"
        "corpus/b.txt: Libyan leader Muammar Gaddafi met Tony Blair and Cherie Blair."
    )
    Options = NameOptions
    facts_in_index = True  # one key per mention; a one-word name's key is held by thousands
    _reportable: Reportable | None = None  # built on the first question (see may_be_reported)

    def extract(self, doc: Document) -> list:
        """The document's name mentions; in an article in another language, each carries it
        (foreign.article_language): 'Rusia' is how Indonesian writes Russia, not a misspelling."""
        index, _ = _settings(self)
        names = claims.extract(doc, index, None).names
        language = article_language(doc) if names else ""
        return [[*mention, language] for mention in names] if language else names

    def fact_keys(self, mention: list) -> tuple[str]:
        """Every spelling of a name shares its key: a document's keys meet every variant of its names."""
        return (bucket_key(mention[0]),)

    def lookup_keys(self, mention: list) -> list[str]:
        """Its key and, for a name of several words, the keys one typing slip away: 'Zelenksy' in
        the file given meets 'Zelensky' in the corpus (find_variants joins such buckets)."""
        key = bucket_key(mention[0])
        return [key, *sorted(slip_keys(key))] if len(words(mention[0])) > 1 else [key]

    def may_be_reported(self, mention: list) -> bool:
        """Only a spelling that can be a variant whatever the corpus writes (see Reportable)."""
        if self._reportable is None:
            spellings, comparison = self._spellings()
            self._reportable = Reportable(**spellings, difference=partial(compare, **comparison))
        return self._reportable(mention[0])

    def check(self, facts: Mapping[str, Sequence[Any]]) -> Iterable[Finding]:
        names = self._names()
        options = self.options
        world = _Gazetteer(names)
        spellings, comparison = self._spellings()
        by_language: dict[str, dict[str, Sequence[Any]]] = defaultdict(dict)  # spellings compared within one
        for path, mentions in facts.items():
            by_language[_language(mentions)][path] = mentions
        variants = [variant for language in sorted(by_language)
                    for variant in find_variants(by_language[language], is_place=world.is_place,
                                                 same_place=world.same_place,
                                                 house_style_ratio=options.house_style_ratio,
                                                 **spellings, **comparison)]
        return [self._finding(v) for v in variants]

    def _names(self):
        return (self.config if self.config is not None else load(None)).names

    def _spellings(self) -> tuple[dict[str, list[str]], dict[str, Any]]:
        """The spellings the config and the gazetteer know, and how two spellings are compared."""
        names, options = self._names(), self.options
        aliases = [n for group in names.aliases for n in group]
        spellings = {"preferred": [*names.preferred, *aliases, *names.places], "accepted": [*aliases, *names.places],
                     "reference": list(gazetteer.country_names())}
        comparison = {"zipf": zipf_frequency, "established": options.established_frequency,
                      "min_length": options.min_word_length, "min_ratio": options.min_ratio}
        return spellings, comparison

    def _finding(self, variant: Variant) -> Finding:
        occurrence, at = variant.occurrence, variant.preferred_at
        if variant.reason.startswith("both equally frequent"):
            advice = variant.reason
        elif variant.settled:
            advice = f"write '{variant.preferred}' ({variant.reason})"
        elif variant.difference.kind in (SEPARATOR, ARTICLE):
            advice = (f"a house style, not a misspelling (the corpus has '{variant.preferred}' {variant.reason}): "
                      "list the form to use in the config's names: preferred")
        else:
            advice = (f"both are established spellings and the corpus's '{variant.preferred}' ({variant.reason}) "
                      "does not settle it: check the name and list it in the config's names: preferred")
        related = [Location(at.path, at.span[0], at.span[1])] if at is not None else []
        kind = ("article" if variant.difference.kind == ARTICLE else "minor") if variant.minor else None
        if at is None:
            kind = "unlocated"
        finding = self.report_at(occurrence.path, occurrence.span, kind, variant=occurrence.surface,
                                 preferred=variant.preferred, path=at.path if at else "", line=at.span[0] if at else 0,
                                 advice=advice, snippet=occurrence.surface, related=related,
                                 extra={"preferred": variant.preferred, "difference": variant.difference.kind})
        return replace(finding, severity=self.options.minor_severity) if variant.minor else finding


class _Gazetteer:
    """The world gazetteer with the config's places, loaded on the first question (most corpora
    ask none: only a spelling English text does not know is looked up)."""

    def __init__(self, names) -> None:
        self._names = names
        self._world = None

    @property
    def world(self):
        if self._world is None:
            self._world = gazetteer.with_config(self._names.places, self._names.aliases)
        return self._world

    def is_place(self, word: str) -> bool:
        return word in self.world

    def same_place(self, a: str, b: str) -> bool:
        found_a, found_b = self.world.lookup(a), self.world.lookup(b)
        return bool(found_a and found_b and set(found_a) & set(found_b))


def _language(mentions: Sequence[Any]) -> str:
    """The language a document's mentions carry (NameVariant.extract): "" for English."""
    first = mentions[0] if mentions else ()
    return first[7] if len(first) > 7 else ""
