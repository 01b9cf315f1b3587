"""Patterns a user adds to rules.yaml cannot hang a run: they run on RE2, in bounded windows,
and one RE2 refuses is named once on stderr and skipped; the shipped patterns stay on `re`."""

from __future__ import annotations

import contextlib
import re
import signal
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from lint.cli.main import main
from lint.rules.artifacts.stray_token import StrayTokenOptions
from lint.text import patterns
from lint.text.patterns import PatternSet

HOSTILE_LINE = "a" * 100_000 + "!"
ARTICLE = (
    "Police fired tear gas at protesters in Almaty on Wednesday.\n\n"
    "The report, marked DRAFT-7 by the desk, was filed late.\n\n"
    f"{HOSTILE_LINE}\n\n"
    "Officials said the curfew would last until Monday.\n"
)


@contextlib.contextmanager
def deadline(seconds: int):
    """Fail instead of hanging the suite if a pattern ever runs on a backtracking engine again
    (Python's `re` checks for signals while it matches)."""
    def expire(_signum, _frame):
        raise TimeoutError(f"run still going after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def write_config(tmp_path: Path, rules: dict) -> Path:
    config = tmp_path / "rules.yaml"
    config.write_text(yaml.safe_dump({"rules": rules}, allow_unicode=True), encoding="utf-8")
    return config


def lint(capsys, tmp_path: Path, config: Path, *args: str) -> tuple[int, list[str], str, float]:
    started = time.perf_counter()
    with deadline(60):
        code = main(["--no-cache", "--config", str(config), *args])
    elapsed = time.perf_counter() - started
    out, err = capsys.readouterr()
    return code, out.splitlines(), err, elapsed


@pytest.fixture
def articles(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "articles").mkdir()
    return tmp_path / "articles"


# -- hostile patterns --------------------------------------------------------------------------


@pytest.mark.parametrize("hostile", [
    r"(a+)+$",  # exponential on a backtracking engine: seconds at 25 a's, forever at 100,000
    r"a*b|a",  # linear per search but matches at every 'a': quadratic when every search rescans the line
])
def test_a_catastrophic_user_pattern_runs_in_bounded_time_and_the_others_still_fire(capsys, tmp_path, articles,
                                                                                     hostile):
    (articles / "hostile.txt").write_text(ARTICLE, encoding="utf-8")
    config = write_config(tmp_path, {"stray-token": {"patterns": [hostile, r"DRAFT-\d+"]}})
    code, out, err, elapsed = lint(capsys, tmp_path, config, "--select", "KZ101", "articles")
    assert elapsed < 2.0, f"{hostile!r} took {elapsed:.2f} s"
    assert code == 1
    assert 'articles/hostile.txt:3:20: warning[KZ101] stray token "DRAFT-7" (template or script residue) ' \
           "(stray-token)" in out
    assert err == ""


def test_user_matches_are_capped_per_document(capsys, tmp_path, articles):
    (articles / "hostile.txt").write_text(ARTICLE, encoding="utf-8")
    config = write_config(tmp_path, {"stray-token": {"patterns": [r"a*b|a"]}})
    code, out, _err, _elapsed = lint(capsys, tmp_path, config, "--select", "KZ101", "articles")
    assert code == 1
    assert sum(line.startswith("articles/hostile.txt:") for line in out) == patterns.MAX_MATCHES


def test_the_same_pattern_on_pythons_re_would_not_finish():
    """The reason for all this: a few dozen characters already take `re` seconds."""
    started = time.perf_counter()
    assert re.search(r"(a+)+$", "a" * 20 + "!") is None
    assert time.perf_counter() - started > 0.01
    assert PatternSet("test", [], [r"(a+)+$"]).search(HOSTILE_LINE, 0, len(HOSTILE_LINE)) is None


# -- refused patterns --------------------------------------------------------------------------


def test_a_backreference_is_refused_once_with_a_notice_and_the_run_goes_on(capsys, tmp_path, articles):
    for number in range(70):  # enough documents for the worker pool: still one notice
        (articles / f"a{number:02}.txt").write_text(f"Police said the meeting {number} ended.\n", encoding="utf-8")
    (articles / "draft.txt").write_text("The report, marked DRAFT-7 by the desk, was filed late.\n",
                                        encoding="utf-8")
    config = write_config(tmp_path, {"stray-token": {"patterns": [r"\b(\w+) \1\b", r"DRAFT-\d+"]}})
    code, out, err, _elapsed = lint(capsys, tmp_path, config, "--select", "KZ101", "--jobs", "2", "articles")
    notices = err.splitlines()
    assert len(notices) == 1, err
    assert notices[0].startswith(r"kzlint: stray-token.patterns: pattern '\\b(\\w+) \\1\\b' refused (")
    assert "backreferences" in notices[0] and notices[0].endswith("skipped")
    assert code == 1
    assert out[0] == 'articles/draft.txt:1:20: warning[KZ101] stray token "DRAFT-7" (template or script residue) ' \
                     "(stray-token)"


def test_a_lookbehind_the_user_wrote_is_refused_and_nothing_is_found_with_it(capsys, tmp_path, articles):
    (articles / "a.txt").write_text("Police said the TODO list was long.\n", encoding="utf-8")
    config = write_config(tmp_path, {"markup-residue": {"patterns": [r"(?<=the )TODO"]}})
    code, out, err, _elapsed = lint(capsys, tmp_path, config, "--select", "KZ106", "articles")
    assert code == 0
    assert out == ["0 findings in 1 file (0 errors, 0 warnings, 0 infos)"]
    assert err.startswith("kzlint: markup-residue.patterns: pattern '(?<=the )TODO' refused (")


# -- user patterns at work ---------------------------------------------------------------------


def test_user_patterns_fire_in_every_list(capsys, tmp_path, articles):
    (articles / "story.txt").write_text(
        "Protests spread in Almaty\n\n"
        "Police fired tear gas at protesters on Wednesday, officials said.\n\n"
        "Follow The Herald on every platform\n\n"
        "The mayor said [herald-promo] nothing more; the clip is at vk.cc/abc123 for now.\n\n"
        "Posted on Telegram\n\n"
        "Reporters who follow the herald of every change in Almaty saw the herald-promo team leave.\n",
        encoding="utf-8",
    )
    config = write_config(tmp_path, {
        "boilerplate": {"patterns": [r"^[ \t]*follow the herald\b"]},
        "markup-residue": {"patterns": [r"\[/?herald-promo\]"]},
        "social-embed": {"inline-patterns": [r"vk\.cc/\w+"], "line-patterns": [r"^[ \t]*Posted on Telegram[ \t]*$"]},
    })
    code, out, err, _elapsed = lint(capsys, tmp_path, config, "--select", "KZ1", "articles")
    assert err == ""
    assert code == 1
    assert out == [
        'articles/story.txt:5:1: warning[KZ102] page furniture "Follow The Herald on every platform" '
        '(matches "Follow The Herald") (boilerplate) [*]',
        'articles/story.txt:7:16: warning[KZ106] HTML shortcode "[herald-promo]" in prose (markup-residue)',
        'articles/story.txt:7:60: warning[KZ108] residue of an embedded post: "vk.cc/abc123" '
        "(a link to the post's picture) (social-embed)",
        'articles/story.txt:9:1: warning[KZ108] residue of an embedded post: credit line "Posted on Telegram" '
        "(social-embed)",
        "4 findings in 1 file (0 errors, 4 warnings, 0 infos); [*] 1 fixable with --fix",
    ]


def test_shipped_patterns_kept_beside_a_user_pattern_still_run_on_re(capsys, tmp_path, articles):
    """The default `%s` pattern needs a lookbehind, which RE2 would refuse: it must stay trusted."""
    (articles / "a.txt").write_text(
        "The page said Loading %s items before the story, marked DRAFT-7, appeared.\n", encoding="utf-8"
    )
    shipped = StrayTokenOptions().patterns
    config = write_config(tmp_path, {"stray-token": {"patterns": [*shipped, r"DRAFT-\d+"]}})
    code, out, err, _elapsed = lint(capsys, tmp_path, config, "--select", "KZ101", "articles")
    assert err == ""
    assert code == 1
    assert [line.split(" warning")[0] for line in out[:-1]] == ["articles/a.txt:1:23:", "articles/a.txt:1:57:"]


# -- the windows user patterns are searched in -------------------------------------------------


PROPERTY_PATTERNS = [r"fo+", r"\bfo+\b", r"^o+", r"o+$", r"f[^\n]*?o", r"(?:fo|of)+"]


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.text(alphabet="fo ", max_size=60), max_size=8).map("\n".join),
       pattern=st.sampled_from(PROPERTY_PATTERNS))
def test_windows_find_what_one_search_of_the_whole_text_finds(text, pattern):
    """With tiny windows, long lines are cut into many overlapping pieces and many lines share one
    piece: matches up to WINDOW characters long must be exactly those of a single search (re, multi-line)."""
    expected = [m.span() for m in re.finditer(pattern, text, re.M) if m.end() > m.start()]
    assume(all(end - start <= 8 for start, end in expected))
    original = patterns.WINDOW
    patterns.WINDOW = 8
    try:
        found = [m.span() for m in PatternSet("test", [], [pattern], re.M).finditer(text)]
    finally:
        patterns.WINDOW = original
    assert len(found) < patterns.MAX_MATCHES
    assert found == expected


def test_user_and_shipped_matches_merge_like_one_alternation():
    text = "Take {{ name }} and TODO, then {{TODO}} again."
    merged = PatternSet("test", [r"\{\{[^{}\n]{1,80}\}\}"], [r"TODO"])
    assert [m.group() for m in merged.finditer(text)] == ["{{ name }}", "TODO", "{{TODO}}"]
    assert merged.search(text, 11, len(text)).group() == "TODO"


ANCHORED_PATTERNS = [r"^o+", r"^o*", r"^[ \t]*f+o?$", r"^(?:fo|of)", r"^[|(]o\|(?:f)", r"\Ao", r"^o|f"]
FLOATING_PATTERNS = [r"fo+", r"\bof\b", r"(?<!f)o{2}", r"o+$", r"(?:^o|f)", r"o*"]


@settings(max_examples=400, deadline=None)
@given(text=st.lists(st.text(alphabet="fo \t", max_size=12), max_size=6).map("\n".join),
       chosen=st.lists(st.sampled_from(ANCHORED_PATTERNS + FLOATING_PATTERNS), min_size=1, max_size=4),
       flags=st.sampled_from([re.M, re.M | re.I, 0]), data=st.data())
def test_shipped_patterns_are_searched_as_one_alternation_finds_them(text, chosen, flags, data):
    """search() tries the patterns that open with ^ only at line starts, the others first: the match
    (place, text and which alternative) is the one the whole alternation's `search` returns."""
    pos = data.draw(st.integers(0, len(text)))
    endpos = data.draw(st.integers(pos, len(text)))
    whole = re.compile("|".join(f"(?:{p})" for p in chosen), flags).search(text, pos, endpos)
    found = PatternSet("test", chosen, [], flags).search(text, pos, endpos)
    assert (found and (found.span(), found.lastindex, found.re.pattern)) == \
        (whole and (whole.span(), whole.lastindex, whole.re.pattern))


def test_only_patterns_opening_with_a_line_anchor_in_every_branch_are_tried_at_line_starts():
    assert [patterns._line_anchored(p, re.M) for p in ANCHORED_PATTERNS[:-1]] == [True] * 6
    assert [patterns._line_anchored(p, re.M) for p in [*FLOATING_PATTERNS, ANCHORED_PATTERNS[-1], "(?m"]] == \
        [False] * 8
    # a "]" first in a set is one of its characters: the "|" after it is still inside the set
    assert patterns._line_anchored(r"^[]|]o", re.M) and patterns._line_anchored(r"^[^]|]o", re.M)
    assert not patterns._line_anchored(r"^[]]o|f", re.M)
    split = PatternSet("test", [r"^[ \t]*Read more:", r"\bsubscribe\b"], [], re.I | re.M)
    assert split._anchored.pattern == r"(?:^[ \t]*Read more:)" and split._floating.pattern == r"(?:\bsubscribe\b)"
    assert split.search("Text.\nREAD MORE: x subscribe", 0, 27).group() == "READ MORE:"
