"""The English word list the language rules and KZ502 share: wordfreq's own figures, loaded
without importing wordfreq (a fifth of a pre-commit run's start-up)."""

from __future__ import annotations

import subprocess
import sys

import wordfreq

from lint.prose_words import known_words, zipf_frequency


def test_zipf_lookup_agrees_with_wordfreq():
    everyday = ["the", "peacekeepers", "hospitalised", "davies", "muller", "blair", "tokayev", "zhanaozen", "xqzvw"]
    tricky = ["o'neill", "Smith", "café", "rock-and-roll", "2011"]  # wordfreq tokenizes these itself
    sample = list(known_words(0.0))[::4999]
    for word in everyday + tricky + sample:
        assert zipf_frequency(word) == wordfreq.zipf_frequency(word, "en"), word


def test_a_threshold_keeps_only_words_that_common():
    common = known_words(3.0)
    assert "protesters" in common and "the" in common and "peacekeepers" not in common
    assert all(wordfreq.zipf_frequency(w, "en") >= 3.0 for w in list(common)[::2999])
    assert "capturers" not in known_words(0.0)


def test_loading_the_list_does_not_import_wordfreq():
    code = "import sys; from lint import prose_words as pw; pw.warm_up(); print('wordfreq' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
