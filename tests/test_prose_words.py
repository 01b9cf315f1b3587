"""The English word list the language rules and KZ502 share: wordfreq's own figures, loaded
without importing wordfreq (a fifth of a pre-commit run's start-up)."""

from __future__ import annotations

import subprocess
import sys

import wordfreq

from lint.reference import wordlists
from lint.reference.wordlists import known_words, zipf_frequency


def test_zipf_lookup_agrees_with_wordfreq():
    everyday = ["the", "peacekeepers", "hospitalised", "davies", "muller", "blair", "tokayev", "zhanaozen", "xqzvw"]
    # not one plain lowercase word: split and combined as wordfreq does (numbers are never looked up)
    tricky = ["o'neill", "Smith", "café", "rock-and-roll", "Kazakhstan’s", "New York", "", "xqzvw-the"]
    # words of letters (what kzlint looks up); numbers, emoji and abbreviations with dots are
    # approximated (wordfreq estimates digits and keeps "k.c" whole; kzlint never asks for them)
    sample = [w for w in list(known_words(0.0))[::499] if w.replace("'", "").isalpha()]
    for word in everyday + tricky + sample:
        assert zipf_frequency(word) == wordfreq.zipf_frequency(word, "en"), word


def test_a_threshold_keeps_only_words_that_common():
    common = known_words(3.0)
    assert "protesters" in common and "the" in common and "peacekeepers" not in common
    assert all(wordfreq.zipf_frequency(w, "en") >= 3.0 for w in list(common)[::2999])
    assert "capturers" not in known_words(0.0)


def test_loading_the_list_does_not_import_wordfreq():
    code = "import sys; from lint.reference import wordlists; wordlists.warm_up(); print('wordfreq' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_bisection_gives_the_tables_answers():
    # A run that does not fork looks words up by bisection in the shipped index until the tables pay.
    words = ["the", "peacekeepers", "hospitalised", "capturers", "tokayev", "xqzvw", "aaa", "zzzz", "",
             "café", "naïve", "zürich", "\udcff", "日本"]  # not ASCII: the index compares UTF-8 bytes
    words += list(known_words(0.0))[::997] + list(known_words(3.0))[::301]
    for min_zipf in (0.0, 2.0, 3.0):
        table = known_words(min_zipf)
        for word in words:
            assert wordlists._bisect(word, min_zipf) == table.get(word), (word, min_zipf)


def test_tables_are_built_before_a_fork_and_only_then():
    code = (
        "import os, sys; from lint.reference import wordlists; wordlists.warm_up(); before = len(wordlists._TABLES)\n"
        "known = wordlists.is_known('peacekeepers') and not wordlists.is_known('capturers')\n"
        "pid = os.fork()\n"
        "if pid == 0: os._exit(0)\n"
        "os.waitpid(pid, 0); print(before, len(wordlists._TABLES), known)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["0", "3", "True"]


def test_a_threshold_table_is_built_after_many_lookups():
    # by bisection first, then by the table built at lookup 151: the same answers throughout
    code = (
        "from lint.reference import wordlists\n"
        "answers = [wordlists.is_known(w, 2.0) for w in ['peacekeepers', 'capturers'] * 100]\n"
        "print(sorted(wordlists._TABLES), set(answers[::2]), set(answers[1::2]))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[2.0] {True} {False}"
