"""Every config schema of kzlint (pydantic): the top-level `Config` and each shared section.

Rule options are not here: each rule declares its own `Options` model beside its code, and the
rules layer validates `config.rules` against them (lint.rules.registry.check_settings), so this
module imports nothing from above it. Keys are kebab-case in the files; unknown keys are errors.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

from lint.core.findings import Severity

BUILTIN_SOURCE = "<built-in rules.yaml>"


def kebab(name: str) -> str:
    return name.replace("_", "-")


class Section(BaseModel):
    """Base for config sections: kebab-case keys, unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True, alias_generator=kebab, populate_by_name=True)


class RuleSettings(Section):
    enabled: bool | None = None
    severity: Severity | None = None


class CustomRule(Section):
    """A Vale-style existence/substitution rule written in rules.yaml."""

    code: str = Field(pattern=r"^KZ9\d\d$")
    name: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    message: str
    severity: Severity = Severity.WARNING
    patterns: list[str] = []  # regular expressions (RE2 syntax: linear time)
    phrases: list[str] = []  # literal phrases, whole words, case-insensitive
    swap: dict[str, str] = {}  # phrase -> preferred replacement
    explanation: str = ""


class LanguageToolSettings(Section):
    """Where LanguageTool runs and what it is asked to check."""

    mode: Literal["auto", "local", "remote", "off"] = "auto"
    url: str = "http://localhost:8081"  # a LanguageTool HTTP server (remote and auto)
    language: str = "en-US"
    disabled_rules: list[str] = [
        "WHITESPACE_RULE",  # masked markup leaves runs of spaces
        "CONSECUTIVE_SPACES",
        "EN_QUOTES",  # typography, not grammar
        "DASH_RULE",
        "EN_UNPAIRED_QUOTES",  # quotes often span several sentences; sentences are checked alone
        "EN_UNPAIRED_BRACKETS",
        "PUNCTUATION_PARAGRAPH_END",  # headlines carry no full stop
        "ENGLISH_WORD_REPEAT_BEGINNING_RULE",  # style across sentences
    ]
    # Only these rules run (LanguageTool's `enabledOnly`; then the disabled-* lists are not sent).
    # Chosen on 1,689 BBC articles and 181 scraped pages (benchmarks/languagetool/REVIEW.md): the
    # rest mostly flag house style, British usage, titles and names. SPELLING stands for the
    # spelling rule of `language` (MORFOLOGIK_RULE_EN_US for en-US). []: LanguageTool's defaults.
    enabled_rules: list[str] = [
        "SPELLING", "A_NNS", "DT_DT", "MD_BASEFORM", "TO_NON_BASE", "ABLE_VBP", "PRP_HAVE_VB", "NON3PRS_VERB",
        "TWO_CONNECTED_MODAL_VERBS", "COMP_THAN", "AND_BUT", "THE_HOW",
    ]
    enabled_categories: list[str] = []
    disabled_categories: list[str] = []
    timeout_s: float = Field(30.0, gt=0, le=600)  # per request, in all: a server that drips bytes is cut off
    run_timeout_s: float = Field(600.0, gt=0, le=86_400)  # all requests of a run together
    connect_timeout_s: float = Field(1.0, gt=0, le=30)  # an absent server must not stall a run
    batch_chars: int = Field(12_000, ge=200, le=1_000_000)  # sentences per request, up to this many characters
    cache: bool = True  # keep results per sentence in the cache directory

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        """An http(s) URL with a host and a valid port, checked when the config is read (a
        malformed one was an internal error in the middle of a run)."""
        from urllib.parse import urlsplit

        try:
            parts = urlsplit(value)
            parts.port  # noqa: B018 (raises on a port out of range)
        except ValueError as exc:
            raise ValueError(f"not a URL ({exc})") from None
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("expected an http:// or https:// URL with a host, such as http://localhost:8081")
        return value

    @field_validator("mode", mode="before")
    @classmethod
    def _yaml_off(cls, value):
        return "off" if value is False else value  # YAML reads a bare `off` as false


class GrammarSettings(Section):
    """Which engine KZ201 uses and which of its hits are noise in news text."""

    backend: Literal["languagetool", "harper", "auto"] = "languagetool"
    skip_name_spelling: bool = True  # spelling hits on capitalised words are names and transliterations
    skip_known_words: bool = True  # spelling hits on words wordfreq knows are dialect variants (centre, hospitalised)
    # likely-typos: a spelling hit is reported only when the first suggestion is one edit away and
    # no other is as close, it is not a British/American variant, and a split suggestion ("will
    # mean") has a function word in it; all: every hit the filters above leave.
    spelling: Literal["likely-typos", "all"] = "likely-typos"
    skip_quoted: bool = True  # quotations keep the speaker's words: not reported
    skip_headings: bool = True  # headlines are telegraphic ("Unilever shake up as profit slips")
    harper_dialect: Literal["american", "british", "australian", "canadian", "indian"] | None = None
    # Harper rules that were mostly wrong on 1,689 clean BBC articles (news style, names, British
    # usage, multi-paragraph quotes): the 34 noisiest, measured (see README).
    harper_disabled_lints: list[str] = [
        "LongSentences",
        "OxfordComma",
        "NumericRangeEnDash",
        "OrthographicConsistency",
        "SplitWords",
        "CompoundNouns",
        "UnclosedQuotes",
        "DisjointPrefixes",
        "UseEllipsisCharacter",
        "UpdatePlaceNames",
        "MassNouns",
        "DiscourseMarkers",
        "AnA",
        "WrongNegative",
        "MissingPreposition",
        "QuantifierNumeralConflict",
        "Excellent",
        "AvoidAndAlso",
        "TheProperNounPossessive",
        "ExpandMemoryShorthands",
        "ExpandTimeShorthands",
        "PronounVerbAgreement",
        "AppleNames",
        "Damages",
        "AvoidCurses",
        "HelloGreeting",
        "Regionalisms",
        "CondenseAllThe",
        "Spaces",
        "EllipsisLength",
        "Dashes",
        "QuiteQuiet",
        "PluralDecades",
        "OneOfTheSingular",
    ]


# -- lexicon: what an event figure is and what attributes it (KZ3, KZ5) --------------------------

QualifierKind = Literal["at-least", "more-than", "nearly", "about", "up-to", "fewer-than"]


class EventWords(Section):
    """What happened, for event identity (lint.facts.events): a closed class of event words."""

    # event type -> nouns and verbs news uses for it ("earthquake" <- quake, tremor, aftershock)
    types: dict[str, list[str]] = {}
    # family -> event types one event can be described with ("an earthquake and giant waves killed")
    families: dict[str, list[str]] = {}
    # nouns that name an event without its kind ("the tragedy"): they take the kind the article is about
    generic: list[str] = []


class Lexicon(Section):
    # canonical measure -> words that FOLLOW the number: "ten people killed", "353 injured"
    measures: dict[str, list[str]] = {}
    # canonical measure -> words that PRECEDE the number: "killed 10 people", "death toll rose to 20"
    measures_before: dict[str, list[str]] = {}
    # phrases that contain a measure word but are no measure ("fired upon" is not "fired")
    not_measures: list[str] = []
    # canonical subject -> nouns for who is counted: "police" <- "law enforcement officers"
    subjects: dict[str, list[str]] = {}
    # number words and their values; "twenty-five" and "two hundred and fifty" are composed from them
    number_words: dict[str, int] = {}
    # vague quantity -> [low, high]: "dozens" = [24, 99]
    vague_quantities: dict[str, tuple[float, float]] = {}
    # qualifier kind -> phrases; the kind decides the interval ("at least 10" = [10, inf))
    qualifiers: dict[QualifierKind, list[str]] = {}
    # relative width of "about 100" (= [90, 110]) and "nearly 400" (= [360, 400))
    approximate_margin: float = Field(0.1, ge=0, lt=1)
    # measures whose words also describe things ("Millions go missing" is money): a figure needs a person
    measures_needing_subject: list[str] = []
    # measure words that count what has been found so far ("150 bodies recovered"): a floor of the toll
    counts_so_far: list[str] = []
    # a count of participants named by a noun alone ("2,500 peacekeepers") is a figure from this size;
    # "two strikers" in a football report, "nine detainees" in a court report are not crowds
    min_crowd: float = Field(20, ge=0)
    # words that say somebody is the source of a statement
    attribution_cues: list[str] = []
    # phrases that contain a cue word without attributing anything ("per cent")
    not_cues: list[str] = []
    # class -> phrases right BEFORE a number that make it no event figure ("a city of 90,000")
    non_figures_before: dict[str, list[str]] = {}
    # class -> words right AFTER a number that make it no event figure ("20 years", "10%")
    non_figures_after: dict[str, list[str]] = {}
    # what happened: event words by type, their families, generic nouns (KZ501, KZ503, KZ301)
    events: EventWords = Field(default_factory=lambda: EventWords())


# -- names: spellings a corpus has chosen and places it knows (KZ5) ------------------------------

class Names(Section):
    """The `names:` section of rules.yaml: spellings a corpus has chosen and places it knows."""

    # spellings to prefer; a variant of one of these is reported pointing to it
    preferred: list[str] = []
    # groups of names for one thing (known renamings): each accepted as written, never a variant
    aliases: list[list[str]] = []
    # gazetteer: place -> the place that contains it (null for a country); variants by key
    places: dict[str, str | None] = {}

    _index: Any = PrivateAttr(default=None)  # the NameIndex built from these settings (lint.facts.names.name_index)


# -- sources: what a source link is and how domains are rated (KZ4) -----------------------------

class Sources(Section):
    """`sources:` in rules.yaml: what a source link is, and how domains are rated."""

    # front-matter keys whose values (a URL or a list of URLs) are the article's sources
    front_matter_keys: list[str] = []
    # labels of a line or heading that introduces sources ("Source:", "## Sources")
    section_labels: list[str] = []
    # headings whose links point elsewhere and are no evidence ("Related", "Read more")
    non_source_sections: list[str] = []
    # domains (and their subdomains) of social media: a link there is no source of its own
    social_domains: list[str] = []
    # tier -> {domain: reason}; domains are registrable domains (bbc.co.uk) or hosts (news.example.com)
    tiers: dict[str, dict[str, str]] = {}
    # tiers KZ403 reports
    report_tiers: list[str] = []
    # domains never reported, whatever their tier
    allow: list[str] = []
    # domain -> reason: always reported
    deny: dict[str, str] = {}

    @model_validator(mode="after")
    def _known_tiers(self) -> "Sources":
        unknown = [tier for tier in self.report_tiers if tier not in self.tiers]
        if unknown:
            raise ValueError(f"report-tiers names unknown tier '{unknown[0]}' (tiers: {', '.join(self.tiers)})")
        return self


class Config(Section):
    extend: str | None = None  # another config file (relative to this one) whose settings this one's are merged over
    include: list[str] = ["*.md", "*.markdown", "*.txt"]
    exclude: list[str] = []  # the built-in rules.yaml lists files that are not articles (README, LICENSE...)
    extend_exclude: list[str] = []  # more globs, added to `exclude` (which keeps its defaults)
    corpus: str | None = None
    fail_on: Severity = Severity.WARNING
    max_file_size: int = Field(20_000_000, gt=0)  # 20 MB: 25-50 s of CPU, 0.7-1.1 GB (benchmarks/README.md)
    # Read a symbolic link whose target is outside the project (README, "Symbolic links"); never for writes.
    follow_outside_links: bool = False
    cache_dir: str = ".kzlint_cache"
    select: list[str] = []
    extend_select: list[str] = []
    ignore: list[str] = []
    per_file_ignores: dict[str, list[str]] = {}
    rules: dict[str, dict[str, Any]] = {}
    custom_rules: list[CustomRule] = []

    # Shared settings that several rules read (the code that reads each is named beside it).
    lexicon: Lexicon = Field(default_factory=lambda: Lexicon())  # lint/reference/lexicon.py, lint/facts: event measures, attribution cues, quantities (KZ3, KZ5)
    sources: Sources = Field(default_factory=lambda: Sources())  # lint/rules/sources: domain tiers, social domains (KZ4)
    names: Names = Field(default_factory=lambda: Names())  # lint/facts/names.py: preferred spellings, renamings, gazetteer (KZ5)
    languagetool: LanguageToolSettings = LanguageToolSettings()  # lint/backends: LanguageTool backend (KZ201)
    grammar: GrammarSettings = GrammarSettings()  # lint/backends: grammar backend choice (KZ201)

    source: str = Field("<built-in>", exclude=True)  # where it was loaded from
    # key path -> (file, line) of the file that set it: `source` or a file it extends (errors, `kzlint config`)
    _origins: dict[tuple, tuple[str, int]] = PrivateAttr(default_factory=dict)
    _user: dict = PrivateAttr(default_factory=dict)  # the settings the files gave, before the merge over the defaults
    _files: tuple[str, ...] = PrivateAttr(default=())  # `source` and the files it extends, in that order

    @property
    def excludes(self) -> list[str]:
        """Every exclude glob: `exclude` (the defaults unless replaced) and `extend-exclude`."""
        return [*self.exclude, *self.extend_exclude]

    @property
    def files(self) -> tuple[str, ...]:
        """The config files read: `source`, then the file it extends, and so on (none: built-in)."""
        return self._files

    @property
    def from_file(self) -> bool:
        """Whether a config file (not the built-in default) was loaded."""
        return self.source != BUILTIN_SOURCE

    def rule_settings(self, code: str, name: str) -> dict[str, Any]:
        """The `rules:` settings of one rule, given by code and by name (the name's win)."""
        return {**self.rules.get(code, {}), **self.rules.get(name, {})}
