"""The `languagetool:` and `grammar:` sections of rules.yaml (KZ201's backends).

lint.config imports this module right after defining `Section` (so there is no import
cycle); everything else imports these models from lint.config.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from lint.config import Section


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
    enabled_categories: list[str] = []
    disabled_categories: list[str] = []
    timeout_s: float = Field(30.0, gt=0, le=600)  # per request, once connected
    connect_timeout_s: float = Field(1.0, gt=0, le=30)  # an absent server must not stall a run
    batch_chars: int = Field(12_000, ge=200, le=1_000_000)  # sentences per request, up to this many characters
    cache: bool = True  # keep results per sentence in the cache directory

    @field_validator("mode", mode="before")
    @classmethod
    def _yaml_off(cls, value):
        return "off" if value is False else value  # YAML reads a bare `off` as false


class GrammarSettings(Section):
    """Which engine KZ201 uses and which of its hits are noise in news text."""

    backend: Literal["languagetool", "harper", "auto"] = "languagetool"
    skip_name_spelling: bool = True  # spelling hits on capitalised words are names and transliterations
    skip_known_words: bool = True  # spelling hits on words wordfreq knows are dialect variants (centre, hospitalised)
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
