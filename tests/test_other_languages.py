"""Other languages' common words (lint/reference/other_languages.py): wordfreq's lists when the
`lang` extra is installed, else the stop words kzlint ships, ranked as Zipf's law ranks them."""

from __future__ import annotations

import pytest

from lint.reference import other_languages
from lint.reference.other_languages import likeliest_language


@pytest.mark.parametrize(("language", "code"), [("german", "de"), ("italian", "it"), ("indonesian", "id"),
                                                ("portuguese", "pt"), ("norwegian", "nb")])
def test_the_shipped_stop_words_are_ranked_as_wordfreq_measures_them(language, code):
    """The shipped list's n-th word is given Zipf 7.7 - log10(n): within half a Zipf unit of what
    wordfreq (a test dependency) measures, for most of the 150 words of each language."""
    from wordfreq import zipf_frequency

    estimated = other_languages._stop_words(code)
    assert len(estimated) >= 140 and other_languages._stop_words(language) == estimated
    close = [word for word, zipf in estimated.items() if abs(zipf_frequency(word, code) - zipf) <= 0.5]
    assert len(close) >= 0.75 * len(estimated), sorted(set(estimated) - set(close))[:20]


def test_a_language_without_a_shipped_list_has_no_words():
    assert other_languages._stop_words("klingon") == {}


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Si tratta di una tradizione consolidatasi negli anni Sessanta in tutta la regione.", "italian"),
        ("La policía detuvo a más de cien personas en la ciudad el jueves por la noche.", "spanish"),
        ("Mereka keluar dari kota itu pada hari Jumat dan polisi menahan lebih dari seratus orang.", "indonesian"),
        ("The police detained more than a hundred people in the city centre on Thursday night.", None),
    ],
)
def test_the_likeliest_language_is_the_one_most_words_lean_to(sentence, language):
    found = likeliest_language(sentence.replace(".", "").split(), other_languages.LATIN_LANGUAGES)
    assert (found[0] if found else None) == language
