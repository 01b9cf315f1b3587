"""KZ203 garbled-phrasing: each offline signal fires on real damaged sentences and stays quiet
on the clean sentences that look most like them."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.config import load
from lint.core.document import Document
from lint.core.reading import decode
from lint.engine.selection import build_rules

REPO = Path(__file__).resolve().parents[1]


def rule(tmp_path: Path | None = None, yaml_text: str = ""):
    config = None
    if tmp_path is not None:
        config = tmp_path / "rules.yaml"
        config.write_text(yaml_text, encoding="utf-8")
    (found,) = build_rules(load(config), select=["KZ203"])
    assert found.prepare() == []
    return found


def findings(text: str, checker=None) -> list:
    return list((checker or rule()).check(Document("article.txt", "Headline of the story\n\n" + text + "\n")))


@pytest.mark.parametrize(
    ("sentence", "where", "reason"),
    [
        # The AP article after machine translation (seed 002) and the WTX article (seed 003).
        ("He rejected suggestions of “absolute folly” that the soldiers would act as capturers rather than peacekeepers.",
         "capturers", "“capturers” is not an English word (coined from “capture”)"),
        ("In the former Soviet nation, thousands took to the streets. But have since grown to include other grievances.",
         "But have", "no subject (“But have …”)"),
        # Real slips from the BBC dev corpus.
        ("Another staple of the the firm's business, the sale of ingredients for drugs, also performed poorly.",
         "the the", "repeated word “the the”"),
        ("Michael Owen revelled in his return to the to the Real Madrid starting line-up.", "the to",
         "“to” cannot follow “the”"),
        ("Before CSOs were set up, they argued in a the study, agencies rarely linked together.", "a the",
         "“the” cannot follow “a”"),
        ("The spokeswoman said the leave had been agreed by officials, and asked anyone who spots Ferguson "
         "to contact Sergeant Keith McDonald on", "on",
         "the paragraph stops mid-clause at “on”"),
        ("The appelas were redifining the discisions of the artisic panel.", "redifining",
         "“redifining”, “discisions”, “artisic” are not English words"),
        # a near-miss whose own context words ("causal...") would match the slip itself
        ("Many causalities were reported among civilians after shells hit houses near the front.", "causalities",
         "“causalities” where the paragraph is about casualties"),
    ],
)
def test_damaged_sentences_fire_with_their_reason(sentence, where, reason):
    (finding,) = findings(sentence)
    assert reason in finding.message
    assert finding.line == 3 and finding.column == sentence.rindex(where) + 1


@pytest.mark.parametrize(
    "sentence",
    [
        "He rejected as absolute folly suggestions that the soldiers would act as occupiers.",
        "It said 90% of employees at its outsourcing operations had had to be replaced.",
        "We will only win if the will is there, and that that matters is clear.",
        "He wrote the musical Spend Spend Spend with Steve Brown.",  # a title, capitalised
        "Koh Phi Phi was hit hard; the law lord Lord Bingham said so.",
        "It is not easy to perform in the situation we have been placed in in the past year.",
        "She screamed “no no no” and left the stage.",  # quoted speech
        "Beermakers and phonecams were on show, with rechargeable batteries.",  # compounds, inflections
        "The capitalisations of the biggest firms rose by about 3% in the third quarter.",
        "Analysts expect the figure to be revised. And was it a surprise?",  # a question
        "Exports rose by 14%, while imports gained by 13%. In 2003, the economy expanded by 1.3%",
        "The firm has 4,000 staff in Nur-Sultan, Khabar-24 said, citing UzenMunaiGas.",
        "Her paper on competing causalities in the war drew on statistics from the civilian registry.",
        # a handle, an e-mail address, an entity's letters and "what it is is" (probe round 4, dev-scraped)
        "Ecologist Sarah Mwangi posts as @sarahmwangi.bsky.social and answers at jdadmin@jeongdongtheater.org.",
        "Marks &ldquo;quoted&rdquo; text.",
        "What it is is a war on the grid, an engineer said.",
    ],
)
def test_clean_sentences_stay_quiet(sentence):
    assert findings(sentence) == []


def test_a_paragraph_ending_on_a_function_word_before_the_next_paragraph():
    text = ("In the absence of injured British number one Carl Myerscough, the men's shot put title "
            "at the indoor championships in Sheffield went to\n\nJohn Smith.")
    (finding,) = findings(text)
    assert finding.line == 3 and "stops mid-clause at “to”" in finding.message


def test_hard_wrapped_text_whose_next_line_opens_on_a_capital_is_not_cut_off():
    """A report wrapped at 72 characters (written for this test): 'of' ends a line because 'South'
    did not fit, not because the paragraph stops there; the same text with a blank line does stop."""
    wrapped = ("Hundreds of tractors converged on the ring roads around Paris on Monday\n"
               "morning, as French farmers resumed protests against the trade agreement\n"
               "that the European Union is negotiating with the Mercosur countries of\n"
               "South America.\n\n"
               "For almost three years, the region of nearly 6 million people had lived\n"
               "with what the Catalan Water Agency described as the worst drought since\n"
               "records began, and farmers had been among the hardest hit by the cuts.")
    assert findings(wrapped) == []
    assert findings(wrapped.replace("countries of\n", "countries of\n\n"))


def test_one_finding_per_sentence_lists_every_signal():
    text = "The the officials said a of the capturers left."
    (finding,) = findings(text)
    assert finding.column == text.index("a of") + 1
    assert "repeated word “The the”" not in finding.message  # capitalised: a title or a name, not judged
    assert "“of” cannot follow “a”" in finding.message and "capturers" in finding.message
    assert dict(finding.extra)["signals"] == "2"


def test_signals_can_be_switched_off(tmp_path):
    checker = rule(tmp_path, "rules:\n  garbled-phrasing:\n    repeated-words: false\n    coined-words: false\n")
    assert findings("Another staple of the the firm's business also performed poorly.", checker) == []
    assert findings("The soldiers would act as capturers rather than peacekeepers.", checker) == []


def test_seed_findings():
    found = {}
    for path in sorted((REPO / "corpus").glob("*.txt")):
        doc = Document(path.name, path.read_text(encoding="utf-8"))
        found[path.name[:3]] = [(f.line, f.snippet) for f in rule().check(doc)]
    # The five machine-translation slips of seeds 002/003 (issue 15), all but "may predate the seizure".
    assert found == {"000": [], "001": [],
                     "002": [(21, "wearing clubs"), (23, "at nearly doubling of"), (39, "capturers"),
                             (49, "Christmas on Fridays")],
                     "003": [(14, "But have"), (15, "classes")], "004": []}


def test_dev_corpus_calibration(dev_corpus):
    """Measured: 22 of 1,689 clean BBC articles (1.3%) get a finding, 21 of them for real slips in
    the BBC text (doubled words, "a the study", paragraphs cut where the scraper dropped italics)
    and one false positive ("rechargers"); this guards that level."""
    checker = rule()
    flagged = {}
    files = sorted(dev_corpus.glob("*/*.txt"))
    for path in files:
        doc = Document(str(path), decode(path.read_bytes()).text)
        for finding in checker.check(doc):
            flagged.setdefault(path.relative_to(dev_corpus).as_posix(), []).append(finding.message)
    assert len(flagged) <= 0.015 * len(files), flagged
    coined = [m for messages in flagged.values() for m in messages if "coined from" in m]
    assert len(coined) <= 2, coined


def test_an_article_in_another_language_is_not_garbled_english():
    """A German article's short sentences hold too few common words to tell alone; their paragraph
    or the article does (it was one KZ203 finding a sentence), and Indonesian doubles words on
    purpose ("amat amat")."""
    german = ("Die elektronische Patientenakte wird seit Jahren intensiv diskutiert. Sie soll medizinische Daten "
              "einheitlich speichern und den Ärzten jederzeit zur Verfügung stellen.\n\n"
              "Kritiker bemängeln fehlende Standards. Datenschutz bleibt umstritten.\n\n"
              "Trotzdem investieren Kliniken weiter in dezentrale, gesamtheitliche Lösungen.")
    indonesian = ("Dari sekedar kritik yang santun, hingga penghinaan yang amat amat keji terhadap para sahabat. "
                  "Mereka keluar dari kota itu pada hari Jumat dan polisi menahan lebih dari seratus orang.")
    assert findings(german) == []
    assert findings(indonesian) == []


def test_a_garbled_english_sentence_beside_a_foreign_quote_still_fires():
    text = ("The appelas were redifining the discisions of the artisic panel, officials said on Friday.\n\n"
            "The mayor later told reporters that the panel would meet again next week.")
    (finding,) = findings(text)
    assert "“redifining”, “discisions”, “artisic” are not English words" in finding.message


def test_words_of_the_corpus_region_can_be_made_known(tmp_path):
    """Region knowledge lives in the corpus's config: Kazakh administrative words that English news
    keeps untranslated are unknown to English word lists until the corpus lists them."""
    text = ("Regional news\n\nThe regional akimat said the schools would reopen on Monday, and the local "
            "maslikhat approved the budget for the coming year.\n")
    assert [f.message for f in findings(text)] == ["garbled phrasing: “akimat”, “maslikhat” are not English words"]
    known = rule(tmp_path, "rules:\n  garbled-phrasing:\n    known-words: [akimat, Maslikhat]\n")
    assert findings(text, known) == []
