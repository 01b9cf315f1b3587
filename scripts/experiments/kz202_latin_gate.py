"""Experiment (issue 15, phase 1): why a German or French sentence in English prose is not KZ202.

    PYTHONPATH=. python scripts/experiments/kz202_latin_gate.py tests/data/KZ202.txt ../shared/dev-corpus

KZ202 asks lingua only about sentences whose *lowercase* words are mostly not common English.
German capitalises its nouns, so the lowercase words of a German sentence are its function
words ("hat", "am", "in", "der"), which English wordfreq also knows: the gate lets it through
as English. French shares "police", "plus", "de", "la", "a". The fix tried here: a word counts
as English only when it is at least as common in English as in each other configured Latin-script
language (wordfreq has German, French, Spanish, Turkish ...), and capitalised words count when
another language knows them and English does not (German nouns), never names unknown to all.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

from wordfreq import zipf_frequency

try:
    from lint.core.document import Document
    from lint.core.reading import decode
except ImportError:
    from lint.document import Document
    from lint.reading import decode

OTHERS = ("de", "fr", "es", "tr", "it", "pt", "nl")
WORD = __import__("re").compile(r"(?<![\w'’‘ʻ-])[^\W\d_]+(?:['’‘ʻ-][^\W\d_]+)*")


@lru_cache(maxsize=100_000)
def leaning(word: str) -> str:
    """'en', 'other' or '' (unknown to all, or no clear lean) for one word."""
    lower = word.lower()
    en = zipf_frequency(lower, "en")
    other = max(zipf_frequency(lower, code) for code in OTHERS)
    if word[0].isupper():  # a name, unless only another language knows it (German nouns)
        return "other" if other >= 3.0 and en < 2.0 else ""
    if en >= 3.0 and en + 0.5 >= other:
        return "en"
    if other >= 3.0 and other > en + 1.0:
        return "other"
    return ""


def gate(text: str) -> tuple[int, int]:
    votes = [leaning(w) for w in WORD.findall(text)]
    return votes.count("en"), votes.count("other")


def main(paths: list[str]) -> int:
    from lingua import Language, LanguageDetectorBuilder

    detector = LanguageDetectorBuilder.from_languages(
        Language.ENGLISH, Language.GERMAN, Language.FRENCH, Language.SPANISH, Language.RUSSIAN, Language.KAZAKH,
        Language.TURKISH, Language.AZERBAIJANI).with_low_accuracy_mode().build()
    files = []
    for p in map(Path, paths):
        files += [p] if p.is_file() else sorted(q for q in p.rglob("*.txt"))
    passed = reported = 0
    for path in files:
        doc = Document(str(path), decode(path.read_bytes()).text)
        for s in doc.sentences:
            text = doc.prose[s.start:s.end]
            en, other = gate(text)
            if other < 3 or other <= en:
                continue
            passed += 1
            values = detector.compute_language_confidence_values(text)
            best = values[0]
            if best.language != Language.ENGLISH and best.value >= 0.8:
                reported += 1
                print(f"{path}:{doc.position(s.start)[0]}: {best.language.name} {best.value:.2f} "
                      f"(en {en}, other {other}) {text[:90]!r}")
    print(f"# {len(files)} files: {passed} sentences past the gate, {reported} reported")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
