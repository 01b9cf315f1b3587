"""Word lists are defined once (lint/text/words.py, lint/text/quotes.py, the sources section of
rules.yaml); every other list is a named selection from a base list, checked here."""

from __future__ import annotations

import re

import pytest

from lint.config import load
from lint.core.document import Document
from lint.engine.selection import build_rules
from lint.facts import name_runs
from lint.rules.artifacts.broken_line import BrokenLineOptions
from lint.rules.artifacts.filler import FillerOptions
from lint.rules.artifacts.glued_words import GluedWordsOptions
from lint.rules.artifacts.social_embed import SocialEmbed
from lint.text import quotes, words


def test_a_specialisation_only_picks_from_its_base_list():
    assert words.words_from(words.FUNCTION_WORDS, "the of and") == ("the", "of", "and")
    with pytest.raises(ValueError, match="not in the base list: said"):
        words.words_from(words.FUNCTION_WORDS, "the said")


@pytest.mark.parametrize(("specialisation", "extras"), [
    (words.OPEN_WORDS, set()),
    (words.LINE_OPEN_WORDS, {"her"}),
    (words.GLUE_JOINERS, {"after", "before", "said", "says", "told", "her", "not", "also"}),
    (words.NOT_AFTER_ARTICLE, set()),
])
def test_each_function_word_list_is_the_base_list_plus_its_documented_extras(specialisation, extras):
    assert set(specialisation) - words.FUNCTION_WORDS == extras
    assert len(set(specialisation)) == len(tuple(specialisation))  # no word twice


def test_the_rules_take_their_word_lists_from_lint_text_words():
    assert GluedWordsOptions().joiners == list(words.GLUE_JOINERS)
    assert BrokenLineOptions().open_words == list(words.LINE_OPEN_WORDS)
    assert FillerOptions().open_words == list(words.OPEN_WORDS)
    assert words.FUNCTION_WORDS - words.AUXILIARIES <= name_runs.NOT_NAMES
    assert {"may", "sept", "jan", "monday"} <= name_runs.NOT_NAMES


def test_months_and_their_numbers():
    assert words.MONTH_NUMBERS["sept"] == words.MONTH_NUMBERS["sep"] == words.MONTH_NUMBERS["september"] == 9
    assert words.MONTH_NUMBERS["may"] == 5 and "ma" not in words.MONTH_NUMBERS
    assert len(set(words.MONTH_NUMBERS.values())) == 12
    assert words.MONTH_ABBREVIATION_ALTERNATION.split("|") == [m[:3].title() for m in words.MONTHS]


def test_social_embed_reads_the_one_list_of_social_domains(tmp_path):
    config = load(None)
    rule = SocialEmbed(config=config)
    for domain in config.sources.social_domains:
        assert rule._bare_url.fullmatch(f"https://{domain}/post/1"), domain
    text = "Police dispersed the crowd.\n\nhttps://www.reddit.com/r/news/comments/abc\n\nThe square was calm.\n"
    (finding,) = rule.check(Document("a.txt", text))
    assert finding.line == 3
    (tmp_path / "rules.yaml").write_text("rules:\n  social-embed:\n    domains: [x.com]\n", encoding="utf-8")
    (own,) = build_rules(load(tmp_path / "rules.yaml"), select=["KZ108"])
    assert list(own.check(Document("a.txt", text))) == []


@pytest.mark.parametrize(("text", "quoted"), [
    ('He said "ten people died" there.', ['"ten people died"']),
    ("He said “ten people died” there.", ["“ten people died”"]),
    ("«Десять» and „zehn“", ["«Десять»", "„zehn“"]),
    ("the officers’ ‘view’ is", ["‘view’"]),
])
def test_one_definition_of_a_quotation(text, quoted):
    assert [m.group() for m in quotes.QUOTATION.finditer(text)] == quoted
    assert [text[a:b] for a, b in quotes.quoted_spans(text)] == quoted


def test_the_paragraph_variant_runs_an_unclosed_quote_to_the_end():
    assert quotes.QUOTATION_IN_PARAGRAPH.findall("He said: “Ten people died, and") == ["“Ten people died, and"]
    assert quotes.QUOTE_MARK.search("a «quoted» line") and not quotes.QUOTE_MARK.search("Read more")
    assert re.fullmatch(r"\[.*\]", quotes.QUOTE_MARK.pattern)


def test_the_month_lists_written_as_data_are_the_base_list():
    """The lexicon (rules.yaml, user-editable data) and the sentence splitter (lint/core, below the
    text layer) keep their own copies of the months; the built-in copies must be the base list."""
    from lint.core.sentences import _ABBREVIATIONS

    abbreviations = [name for name in words.MONTH_NUMBERS if name not in words.MONTHS]
    lexicon = load(None).lexicon
    assert lexicon.non_figures_before["date"] == [*words.MONTHS, *abbreviations]
    # after a number, "may" is mostly the verb ("10 may have died"): left out on purpose
    assert lexicon.non_figures_after["date"] == [m for m in (*words.MONTHS, *abbreviations) if m != "may"]
    assert set(abbreviations) <= _ABBREVIATIONS
