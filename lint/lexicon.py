"""The shared word lists of kzlint: what an event figure is and what attributes it.

The lists live in rules.yaml (`lexicon:`) so a corpus maintainer can extend them; this module
is their schema. KZ301 (attribution) and the KZ5 consistency rules read the same model
through `config.lexicon`, so a measure added once is counted and compared everywhere.
"""

from __future__ import annotations

from functools import cache
from typing import Literal

from pydantic import Field

from lint.config import Section

QualifierKind = Literal["at-least", "more-than", "nearly", "about", "up-to", "fewer-than"]


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


@cache
def default_lexicon() -> Lexicon:
    """The lexicon of the built-in rules.yaml (for callers that have no Config at hand)."""
    from lint.config import load

    return load(None).lexicon
