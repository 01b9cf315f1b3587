"""KZ5 consistency rules through the real Engine, with real files: figures that contradict each
other, names spelled two ways, pre-commit runs on one file, and the extraction cache."""

from __future__ import annotations

import math
import sqlite3
from pathlib import Path

import pytest
import yaml
from corpora import copy_sample_corpus
from corpora import write_corpus as corpus

import lint.facts.claims as consistency
from lint.config import load
from lint.config.loader import merge
from lint.core.findings import Severity
from lint.engine.run import Engine
from lint.engine.selection import build_rules
from lint.rules.consistency.figure_contradiction import Claim, describe, disjoint

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
SAMPLE_CONFIG = CORPUS / ".kzlint.yaml"  # the sample corpus's names and places (Central Asia)


def run(root: Path, paths: list[str] | None = None, config_text: str | None = None, cache: bool = False):
    """Run the KZ5 rules with the sample corpus's config, and `config_text` over it."""
    data = yaml.safe_load(SAMPLE_CONFIG.read_text(encoding="utf-8"))
    if config_text is not None:
        data = merge(data, yaml.safe_load(config_text))
    config_file = root / "rules.yaml"
    config_file.write_text(yaml.safe_dump(data), encoding="utf-8")
    config = load(config_file)
    rules = build_rules(config, select=["KZ5"])
    engine = Engine(config, rules, cwd=root, config_dir=root, jobs=1, use_cache=cache)
    return engine.run(paths or [str(root / "corpus")]).findings




def by_code(findings, code):
    return [f for f in findings if f.code == code]


# -- interval arithmetic -----------------------------------------------------------------------


def claim(low, high, low_open=False, high_open=False) -> Claim:
    return Claim("a.txt", "killed", "people", low, high, low_open, high_open, "", (1, 1, 1, 2))


@pytest.mark.parametrize("a, b, expected", [
    (claim(10, 10), claim(16, math.inf), True),  # exactly 10 vs at least 16
    (claim(10, math.inf), claim(16, math.inf), False),  # at least 10 vs at least 16: both can hold
    (claim(100, math.inf, True, True), claim(100, 100), True),  # more than 100 vs 100
    (claim(100, math.inf), claim(100, 100), False),  # at least 100 vs 100
    (claim(360, 400, False, True), claim(400, 400), True),  # nearly 400 vs 400
    (claim(90, 110), claim(110, 110), False),  # about 100 vs 110
    (claim(24, 99), claim(12, 12), True),  # dozens vs 12
    (claim(0, 50, False, True), claim(50, math.inf), True),  # fewer than 50 vs at least 50
])
def test_disjoint_intervals(a, b, expected):
    assert disjoint(a, b) is expected and disjoint(b, a) is expected


@pytest.mark.parametrize("interval, words", [
    (claim(10, math.inf), "at least 10"), (claim(100, math.inf, True, True), "more than 100"),
    (claim(360, 400, False, True), "360 to under 400"), (claim(1000, 1000), "1,000"),
    (claim(0, 50), "up to 50"), (claim(0, 50, False, True), "fewer than 50"),
])
def test_intervals_are_described_in_words(interval, words):
    assert describe(interval) == words


# -- every qualifier, end to end -------------------------------------------------------------------


@pytest.mark.parametrize("phrase, low, high, low_open, high_open", [
    ("At least 10 people were killed", 10, None, False, True),
    ("More than 100 people were killed", 100, None, True, True),
    ("Nearly 400 people were killed", 360, 400, False, True),
    ("About 100 people were killed", 90, 110, False, False),
    ("Dozens of people were killed", 24, 99, False, False),
    ("Hundreds of people were killed", 200, 999, False, False),
    ("Thousands of people were killed", 2000, 9999, False, False),
    ("Tens of thousands of people were killed", 20000, 99999, False, False),
    ("Twelve people were killed", 12, 12, False, False),
    ("Up to 50 people were killed", 0, 50, False, False),
    ("Fewer than 50 people were killed", 0, 50, False, True),
])
def test_every_qualifier_becomes_an_interval_in_the_facts(phrase, low, high, low_open, high_open):
    rule = build_rules(load(SAMPLE_CONFIG), select=["KZ501"])[0]
    from lint.core.document import Document

    facts = rule.extract(Document("a.txt", f"Headline\n\n{phrase} in Zhanaozen in December 2011.\n"))
    assert [(f["low"], f["high"], f["low_open"], f["high_open"]) for f in facts] == [(low, high, low_open, high_open)]


# -- KZ501 figure-contradiction ----------------------------------------------------------------------


def test_disjoint_tolls_warn_at_each_claim_naming_the_other(tmp_path):
    root = corpus(tmp_path,
                  a="Zhanaozen clashes\n\nTen people were killed in Zhanaozen on 16 December 2011.\n",
                  b="Zhanaozen anniversary\n\nPolice in Zhanaozen in December 2011 fatally shot at least 16 people.\n")
    found = by_code(run(root), "KZ501")
    assert [(f.path, f.line, f.severity) for f in found] == [
        ("corpus/a.txt", 3, Severity.WARNING), ("corpus/b.txt", 3, Severity.WARNING)]
    assert "'fatally shot at least 16 people'" in found[0].message and "corpus/b.txt:3" in found[0].message
    assert "'Ten people were killed'" in found[1].message and "corpus/a.txt:3" in found[1].message
    assert [(r.path, r.line) for r in found[0].related] == [("corpus/b.txt", 3)]
    assert "Zhanaozen, 2011-12" in found[0].message


def test_far_apart_lower_bounds_are_a_revised_toll_with_configurable_severity(tmp_path):
    root = corpus(tmp_path,
                  a="Clashes\n\nAt least ten people have died in Zhanaozen on 16 December 2011.\n",
                  b="Later\n\nPolice in Zhanaozen in December 2011 fatally shot at least 16 people.\n")
    found = by_code(run(root), "KZ501")
    # undated articles: the lower floor is the stale one; the message names both
    assert [(f.path, f.severity) for f in found] == [("corpus/a.txt", Severity.INFO)]
    assert "at least 10" in found[0].message and "at least 16" in found[0].message
    assert "one toll must be stale" in found[0].message
    raised = by_code(run(root, config_text="rules:\n  figure-contradiction:\n    revision-severity: warning\n"), "KZ501")
    assert {f.severity for f in raised} == {Severity.WARNING}


def test_close_or_overlapping_figures_are_quiet(tmp_path):
    root = corpus(tmp_path,
                  a="Clashes\n\nAt least 10 people were killed in Zhanaozen on 16 December 2011.\n",
                  b="Clashes\n\nAt least 12 people were killed in Zhanaozen in December 2011.\n")
    assert by_code(run(root), "KZ501") == []


def test_same_place_in_another_year_is_another_event(tmp_path):
    root = corpus(tmp_path,
                  a="Clashes\n\nTen people were killed in Zhanaozen in December 2011.\n",
                  b="Clashes\n\nAt least 40 people were killed in Zhanaozen in January 2022.\n")
    assert by_code(run(root), "KZ501") == []


def test_another_place_the_same_month_is_another_event(tmp_path):
    root = corpus(tmp_path,
                  a="Clashes\n\nTen people were killed in Zhanaozen in January 2022.\n",
                  b="Clashes\n\nAt least 40 people were killed in Almaty in January 2022.\n")
    assert by_code(run(root), "KZ501") == []


def test_undated_articles_join_the_only_dated_event_at_a_specific_place(tmp_path):
    root = corpus(tmp_path,
                  a="Clampdown\n\nAt least 10 people were killed in Zhanaozen, officials said.\n",
                  b="Anniversary\n\nPolice in Zhanaozen in December 2011 fatally shot at least 16 people.\n",
                  c="Other\n\nDozens of people were killed in Kazakhstan, officials said.\n")
    found = by_code(run(root), "KZ501")
    assert sorted(f.path for f in found) == ["corpus/a.txt"]  # the lower floor; a country is not specific


def test_two_undated_articles_are_never_compared(tmp_path):
    root = corpus(tmp_path,
                  a="Crash\n\nThree people were killed in Leeds, police said.\n",
                  b="Fire\n\nTwenty people were killed in Leeds, police said.\n")
    assert by_code(run(root), "KZ501") == []


def test_counts_of_different_subjects_do_not_contradict(tmp_path):
    root = corpus(tmp_path, a=("Unrest\n\nOfficials said 12 police officers were killed in Almaty on 6 January 2022.\n\n"
                               "Dozens of people were killed in Almaty on 6 January 2022.\n"))
    assert by_code(run(root), "KZ501") == []


def test_a_heading_and_the_next_line_of_one_article(tmp_path):
    root = corpus(tmp_path, a=("Unrest in Almaty\n\nProtesters clashed with police in Almaty.\n"
                               "More than 100 protesters injured\n"
                               "More than 1,000 people have also been injured in the protests, the ministry said.\n"))
    found = by_code(run(root), "KZ501")
    assert [(f.line, f.severity) for f in found] == [(4, Severity.INFO), (5, Severity.INFO)]
    assert "corpus/a.txt:5" in found[0].message and "corpus/a.txt:4" in found[1].message


def test_parts_of_a_group_are_not_totals(tmp_path):
    root = corpus(tmp_path, a=("Detainees\n\nNine detainees are held in Belmarsh. Seven of the detainees "
                               "were held in Belmarsh for three years.\n"))
    assert by_code(run(root), "KZ501") == []


# -- KZ502 name-variant ---------------------------------------------------------------------------------


def test_equally_frequent_spellings_are_both_reported_naming_each_other(tmp_path):
    root = corpus(tmp_path,
                  a="Unrest\n\nPolice spokesman Saltanat Azirbek said order was restored.\n",
                  b="Unrest\n\nPolice spokesman Sultanat Azirbek told Khabar-24.\n")
    found = by_code(run(root), "KZ502")
    assert [(f.path, f.line, f.column) for f in found] == [("corpus/a.txt", 3, 18), ("corpus/b.txt", 3, 18)]
    assert "'Sultanat Azirbek' at corpus/b.txt:3" in found[0].message
    assert [(r.path, r.line) for r in found[1].related] == [("corpus/a.txt", 3)]


def test_a_correction_that_sets_both_spellings_side_by_side_is_no_variant(tmp_path):
    # a newspaper's corrections column (written for this test): the wrong spelling is quoted on purpose
    root = corpus(tmp_path,
                  a="Corrections\n\nA report on Monday misspelled the name of the Kilkenny goalkeeper. He is Eoin "
                    "Murphy, not Eoin Murphey.\n",
                  b="Hurling\n\nKilkenny goalkeeper Eoin Murphy saved two penalties.\n")
    assert by_code(run(root), "KZ502") == []
    (tmp_path / "slip").mkdir()
    root = corpus(tmp_path / "slip",
                  a="Corrections\n\nHe is Eoin Murphy, not Eoin Murphey.\n",
                  b="Hurling\n\nKilkenny goalkeeper Eoin Murphy saved two penalties.\n",
                  c="Hurling\n\nKilkenny goalkeeper Eoin Murphey saved a penalty.\n")
    assert [(f.path, f.line) for f in by_code(run(root), "KZ502")] == [("corpus/c.txt", 3)]


def test_the_configured_spelling_wins_and_only_the_variant_is_reported(tmp_path):
    root = corpus(tmp_path,
                  a="Visit\n\nPresident Kasym-Zhomart Tokayev will visit Beijing. Kasym-Zhomart Tokayev said.\n",
                  b="Unrest\n\nPresident Kassym-Jomart Tokayev asked for help.\n")
    found = by_code(run(root), "KZ502")
    assert [(f.path, f.line) for f in found] == [("corpus/a.txt", 3)]
    assert "write 'Kassym-Jomart Tokayev'" in found[0].message and "corpus/b.txt:3" in found[0].message


def test_three_spellings_of_one_region(tmp_path):
    root = corpus(tmp_path,
                  a="Riots\n\nThe 2011 Mangystau riots were tried in court.\n",
                  b="Strike\n\nWorkers in the Mangistau region have been striking.\n",
                  c="Rally\n\nThe governor of the Manghystau region met protesters.\n")
    found = by_code(run(root), "KZ502")
    assert [(f.path, f.snippet) for f in found] == [("corpus/b.txt", "Mangistau"), ("corpus/c.txt", "Manghystau")]
    assert all("corpus/a.txt:3" in f.message for f in found)


def test_the_most_frequent_spelling_is_preferred_without_configuration(tmp_path):
    root = corpus(tmp_path,
                  a="Film\n\nKeira Knightley stars. Keira Knightley smiled.\n",
                  b="Film\n\nKeira Knightly arrived.\n")
    found = by_code(run(root), "KZ502")
    assert [(f.path, f.snippet) for f in found] == [("corpus/b.txt", "Keira Knightly")]
    assert "2 mentions in the corpus against 1" in found[0].message


@pytest.mark.parametrize("first, second", [
    ("Tony Blair", "Cherie Blair"),  # a surname shared by two people
    ("David Davis", "David Davies"),  # both established surnames: two people
    ("Dan Brown", "Don Brown"),
    ("Astana", "Nur-Sultan"),  # a renaming
    ("Karaganda", "Qaraghandy"),  # listed as aliases: both accepted as written
])
def test_non_variants_are_quiet(tmp_path, first, second):
    root = corpus(tmp_path, a=f"News\n\nThe talks in {first} went on. {first} spoke.\n",
                  b=f"News\n\nThe talks in {second} went on.\n")
    assert by_code(run(root), "KZ502") == []


def test_renamings_are_configurable_aliases(tmp_path):
    root = corpus(tmp_path, a="News\n\nThe singer Aigerim Tazhi performed.\n",
                  b="News\n\nThe singer Aigerim Tazhy performed.\n")
    assert len(by_code(run(root), "KZ502")) == 2
    quiet = run(root, config_text="names:\n  aliases: [[Aigerim Tazhi, Aigerim Tazhy]]\n")
    assert by_code(quiet, "KZ502") == []


# -- KZ503 date-contradiction ----------------------------------------------------------------------------


def test_the_same_toll_dated_to_another_year_is_a_date_contradiction(tmp_path):
    root = corpus(tmp_path,
                  a="Anniversary\n\nPolice in Zhanaozen in December 2011 fatally shot at least 16 people.\n",
                  b="Anniversary\n\nPolice in Zhanaozen in December 2012 fatally shot at least 16 people.\n")
    found = by_code(run(root), "KZ503")
    assert [(f.path, f.line) for f in found] == [("corpus/a.txt", 3), ("corpus/b.txt", 3)]
    assert "2011-12" in found[0].message and "2012-12 at corpus/b.txt:3" in found[0].message


def test_the_same_toll_with_agreeing_or_unwritten_dates_is_quiet(tmp_path):
    root = corpus(tmp_path,
                  a="Anniversary\n\nPolice in Zhanaozen in December 2011 fatally shot at least 16 people.\n",
                  b="Anniversary\n\nIn 2011 police in Zhanaozen fatally shot at least 16 people.\n",
                  c="Rally\n\nPolice in Zhanaozen fatally shot at least 16 people, activists recalled.\n")
    assert by_code(run(root), "KZ503") == []


# -- the seeds, and pre-commit ----------------------------------------------------------------------------


def _seed_corpus(tmp_path: Path) -> Path:
    copy_sample_corpus(tmp_path / "corpus")
    return tmp_path


def test_seed_findings(tmp_path):
    found = run(_seed_corpus(tmp_path))
    seen = {(f.code, f.path[7:10], f.line, f.severity.value, tuple((r.path[7:10], r.line) for r in f.related))
            for f in found}
    expected = {
        ("KZ501", "000", 3, "info", (("004", 15),)),  # at least 10 vs at least 16 (Zhanaozen, Dec 2011)
        ("KZ501", "001", 3, "info", (("004", 15),)),
        ("KZ501", "001", 27, "warning", (("004", 15),)),  # exactly ten vs at least 16
        ("KZ501", "003", 6, "info", (("003", 7),)),  # more than 100 vs more than 1,000 injured
        ("KZ501", "003", 7, "info", (("003", 6),)),
        ("KZ502", "002", 17, "warning", (("003", 2),)),  # Sultanat / Saltanat Azirbek
        ("KZ502", "003", 2, "warning", (("002", 17),)),
        ("KZ502", "004", 3, "warning", (("002", 27),)),  # Kasym-Zhomart / Kassym-Jomart
        ("KZ502", "001", 31, "warning", (("000", 16),)),  # Mangistau / Mangystau
        ("KZ502", "004", 13, "warning", (("000", 16),)),  # Manghystau / Mangystau
        ("KZ502", "003", 19, "warning", (("002", 11),)),  # Nur Sultan / Nur-Sultan
    }
    assert expected <= seen


def test_a_single_file_is_checked_against_the_whole_corpus(tmp_path):
    root = _seed_corpus(tmp_path)
    found = run(root, [str(root / "corpus" / "004_740e70162e583217.txt")], config_text="corpus: corpus\n")
    assert {f.path for f in found} == {"corpus/004_740e70162e583217.txt"}
    assert {(f.code, f.line) for f in found} >= {("KZ501", 15), ("KZ502", 3), ("KZ502", 13)}
    assert any(r.path.startswith("corpus/001_") for f in found for r in f.related)


# -- the cache ------------------------------------------------------------------------------------------------


@pytest.fixture
def extractions(monkeypatch):
    """Which documents were really extracted (a spy around the real extraction)."""
    seen: list[str] = []
    real = consistency.extract

    def spy(doc, index, lexicon):
        seen.append(doc.path)
        return real(doc, index, lexicon)

    monkeypatch.setattr(consistency, "extract", spy)
    return seen


def test_an_unchanged_file_is_not_extracted_again_and_a_changed_one_is(tmp_path, extractions):
    root = corpus(tmp_path,
                  a="Clashes\n\nTen people were killed in Zhanaozen on 16 December 2011.\n",
                  b="Anniversary\n\nPolice in Zhanaozen in December 2011 fatally shot at least 16 people.\n")
    first = run(root, cache=True)
    assert set(extractions) == {"corpus/a.txt", "corpus/b.txt"}
    extractions.clear()
    assert run(root, cache=True) == first and extractions == []
    (root / "corpus" / "b.txt").write_text(
        "Anniversary\n\nPolice in Zhanaozen in December 2011 fatally shot ten people.\n", encoding="utf-8")
    assert by_code(run(root, cache=True), "KZ501") == []
    assert set(extractions) == {"corpus/b.txt"}


def test_a_corrupt_cache_file_is_ignored_and_rebuilt(tmp_path, extractions):
    root = corpus(tmp_path,
                  a="Unrest\n\nPolice spokesman Saltanat Azirbek said order was restored.\n",
                  b="Unrest\n\nPolice spokesman Sultanat Azirbek told Khabar-24.\n")
    first = run(root, cache=True)
    cache_files = list(Path(__import__("os").environ["KZLINT_CACHE_DIR"]).glob("results-*.sqlite"))
    assert len(cache_files) == 1
    cache_files[0].write_bytes(b"this is not a database" * 100)
    extractions.clear()
    assert run(root, cache=True) == first
    assert set(extractions) == {"corpus/a.txt", "corpus/b.txt"}
    extractions.clear()
    assert run(root, cache=True) == first and extractions == []  # rebuilt: a hit again
    with sqlite3.connect(cache_files[0]) as db:
        assert db.execute("SELECT count(*) FROM results").fetchone()[0] == 2


# -- the dev corpus ---------------------------------------------------------------------------------------------


def test_clean_bbc_articles_raise_only_the_stale_tsunami_tolls(dev_corpus):
    """The 1,689 BBC articles: the three region-wide tsunami tolls that later articles revised
    ('at least 23,000', 'at least 25,000', 'at least 38,000' against 150,000; tests/data/events
    labels them), at info level, and nothing else."""
    config = load(SAMPLE_CONFIG)
    rules = build_rules(config, select=["KZ501", "KZ503"])
    found = Engine(config, rules, cwd=dev_corpus.parent, jobs=2, use_cache=False).run([str(dev_corpus)]).findings
    found = [f for f in found if f.code in ("KZ501", "KZ503")]
    assert sorted((f.code, f.path.split("/", 1)[1], f.line, f.severity) for f in found) == [
        ("KZ501", "business/345.txt", 5, Severity.INFO),
        ("KZ501", "business/346.txt", 3, Severity.INFO),
        ("KZ501", "business/353.txt", 5, Severity.INFO),
    ]
    assert all("150,000" in f.message and "stale" in f.message for f in found)


@pytest.mark.parametrize("low, high, low_open, high_open, plain, inside", [
    (34.2, 38 * 1.1, False, False, "35 to 41", "between 35 and 41"),  # "some 38": whole people
    (14.4, 16.0, False, True, "15", "15"),  # "nearly 16"
    (4.5, 5.0, False, True, "4.5 to under 5", "at least 4.5 but under 5"),  # "nearly 5" holds no whole number
    (24.0, 99.0, False, False, "24 to 99", "between 24 and 99"),  # "dozens"
    (10.0, math.inf, False, False, "at least 10", "at least 10"),
])
def test_a_toll_in_words(low, high, low_open, high_open, plain, inside):
    from lint.rules.consistency.figure_contradiction import Claim, describe

    claim = Claim("a.md", "killed", "people", low, high, low_open, high_open, "", (1, 1, 1, 1))
    assert (describe(claim), describe(claim, inside=True)) == (plain, inside)
