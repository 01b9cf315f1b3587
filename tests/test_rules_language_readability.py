"""KZ204 readability: textstat's Flesch–Kincaid per sentence and per article, thresholds from
rules.yaml, and the article's grade as document metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.config import load
from lint.core.document import Document
from lint.engine.document import process_text
from lint.engine.selection import build_rules
from lint.rules.language import readability as readability

REPO = Path(__file__).resolve().parents[1]

# A reader's comment quoted in a BBC article (dev corpus politics/290), 80 words in one sentence.
RUN_ON = (
    "I accept that the intentions of these policies are to make Britain a safer place but I cannot think of "
    "a single example from history where doing this sort of thing has ever made any difference - in Northern "
    "Ireland internment certainly didn't achieve anything - the bombings didn't stop, and it could be argued "
    "that all it achieved was to just supply the IRA with yet more angry and resentful republicans willing to "
    "take up arms against the British."
)


def rule(tmp_path: Path | None = None, yaml_text: str = ""):
    config = None
    if tmp_path is not None:
        config = tmp_path / "rules.yaml"
        config.write_text(yaml_text, encoding="utf-8")
    (found,) = build_rules(load(config), select=["KZ204"])
    assert found.prepare() == []
    return found


def test_syllables_and_grade_agree_with_textstat():
    textstat = pytest.importorskip("textstat")
    import wordfreq

    words = wordfreq.top_n_list("en", 3000) + ["peacekeepers", "demonstrators", "Kazakhstan’s", "don't",
                                                 "co-operate", "independence", "Almaty", "Nur-Sultan", "2,000"]
    assert [readability.syllables(w) for w in words] == [textstat.syllable_count(w) for w in words]
    sentence = "Security forces killed dozens of demonstrators in an explosion of violence across the country"
    words = sentence.split()
    ours = readability.flesch_kincaid_grade(len(words), 1, sum(map(readability.syllables, words)))
    assert ours == textstat.flesch_kincaid_grade(sentence)


def test_a_run_on_sentence_is_reported_with_its_length_and_grade():
    text = "Internment debate\n\nReaders wrote in. " + RUN_ON + "\n"
    (finding,) = rule().check(Document("a.txt", text))
    assert (finding.line, finding.column) == (3, len("Readers wrote in. ") + 1)
    assert finding.message.startswith("sentence of 78 words (Flesch–Kincaid grade 3")
    assert finding.severity.value == "info"


def test_news_prose_is_quiet():
    seed = (REPO / "corpus" / "002_da26a73d37ba8e26.txt").read_text(encoding="utf-8")
    assert list(rule().check(Document("002.txt", seed))) == []


def test_thresholds_come_from_rules_yaml(tmp_path):
    strict = rule(tmp_path, "rules:\n  readability:\n    max-sentence-words: 25\n")
    seed = (REPO / "corpus" / "002_da26a73d37ba8e26.txt").read_text(encoding="utf-8")
    lines = [f.line for f in strict.check(Document("002.txt", seed))]
    assert 21 in lines and 3 in lines  # the 41- and 33-word sentences


def test_a_hard_article_gets_one_document_finding(tmp_path):
    legal = ("Terms\n\n" + " ".join(
        ["Notwithstanding the aforementioned considerations, the indemnification obligations "
         "hereinafter enumerated shall constitute the exclusive remedy available."] * 12) + "\n")
    findings = list(rule().check(Document("a.txt", legal)))
    document = [f for f in findings if "the article reads at" in f.message]
    assert len(document) == 1 and (document[0].line, document[0].column) == (1, 1)


def test_grade_is_document_metadata():
    seed = (REPO / "corpus" / "002_da26a73d37ba8e26.txt").read_text(encoding="utf-8")
    record = process_text(seed, "002.txt", [rule()])
    grade = record["metadata"]["readability"]
    assert 8 < grade["flesch_kincaid_grade"] < 13 and grade["sentences"] >= 30 and grade["words"] > 600
