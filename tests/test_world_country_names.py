"""Country names come from the world gazetteer, not from the built-in `names: places` (issue 14):
KZ502 still reports a misspelt country beside the real one in a corpus without any config, and
never two different real countries."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.config import load
from lint.engine.run import Engine
from lint.engine.selection import build_rules
from lint.facts.name_variants import find_variants

REPO = Path(__file__).resolve().parent.parent


def kz502(tmp_path: Path, **files: str):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in files.items():
        (folder / f"{name}.txt").write_text(f"News\n\n{text}\n", encoding="utf-8")
    config = load(None)  # the built-in defaults only: no corpus config anywhere
    engine = Engine(config, build_rules(config, select=["KZ502"]), cwd=tmp_path, config_dir=tmp_path, jobs=1,
                    use_cache=False)
    return [f for f in engine.run([str(folder)]).findings if f.code == "KZ502"]


def test_builtin_defaults_list_no_places():
    names = load(None).names
    assert names.places == {}
    assert names.preferred == [] and names.aliases == []


def test_the_sample_corpus_lists_its_own_countries():
    places = load(REPO / "corpus" / ".kzlint.yaml").names.places
    assert places["Kazakhstan"] is None and places["Mangystau"] == "Kazakhstan"


@pytest.mark.parametrize("written, misspelt", [
    ("Russia", "Rusia"),
    ("Philippines", "Phillipines"),
    ("Kyrgyzstan", "Kirgizstan"),
])
def test_misspelt_country_beside_the_real_one_is_reported(tmp_path, written, misspelt):
    found = kz502(tmp_path,
                  a=f"Officials in {written} said the talks would resume. {written} has sent a delegation.",
                  b=f"A delegation from {misspelt} arrived in the capital on Monday.")
    assert [(f.path, f.line) for f in found] == [("corpus/b.txt", 3)]
    message = found[0].message
    assert f"'{misspelt}' here but '{written}' at corpus/a.txt:3" in message
    assert f"write '{written}' (the country's name in the world gazetteer)" in message


@pytest.mark.parametrize("first, second", [
    ("Niger", "Nigeria"),       # one spelling key, two countries
    ("Ghana", "Guinea"),
    ("Oman", "Yemen"),
    ("Austria", "Australia"),
    ("Slovakia", "Slovenia"),
    ("Iran", "Iraq"),
])
def test_two_real_countries_are_not_variants(tmp_path, first, second):
    found = kz502(tmp_path,
                  a=f"Ministers from {first} met on Monday. {first} signed the treaty.",
                  b=f"Ministers from {second} met on Tuesday. {second} signed it too.")
    assert found == []


def test_a_country_spelt_as_another_language_spells_it_is_no_variant(tmp_path):
    """'Rusia' in an Indonesian article is Indonesian, not a slip (dev-scraped's Indonesian pages
    beside English ones); spellings are compared within one language."""
    found = kz502(tmp_path,
                  a="Officials in Russia said the talks would resume. Russia has sent a delegation.",
                  b=("Delegasi dari Rusia tiba di ibu kota pada hari Senin. Pemerintah mengatakan bahwa "
                     "pembicaraan dengan Rusia akan dilanjutkan setelah pemilihan umum bulan depan."),
                  c="A delegation from Rusia arrived in the capital on Monday.")
    assert [(f.path, f.line) for f in found] == [("corpus/c.txt", 3)]


def test_the_language_of_an_article_by_its_words():
    from lint.core.document import Document
    from lint.text.foreign import article_language

    indonesian = ("Berita\n\nDelegasi dari Rusia tiba di ibu kota pada hari Senin. Pemerintah mengatakan bahwa "
                  "pembicaraan akan dilanjutkan setelah pemilihan umum bulan depan.\n")
    english = "News\n\nA delegation from Russia arrived in the capital on Monday, and the talks resumed.\n"
    assert article_language(Document("id.txt", indonesian)) == "indonesian"
    assert article_language(Document("en.txt", english)) == ""


def test_a_lone_misspelling_without_the_real_spelling_is_left_alone(tmp_path):
    """One-word names are compared only with a spelling the corpus writes (or the config lists)."""
    assert kz502(tmp_path, a="A delegation from Rusia arrived.", b="The talks resumed on Monday.") == []


def test_a_slip_between_two_written_countries_of_one_key_has_no_reference_to_point_to():
    mentions = {"a": [["Niger", "ngr", 1, 0, 1, 5, 1]], "b": [["Nigeria", "ngr", 1, 0, 1, 7, 1]],
                "c": [["Nigerria", "ngr", 1, 0, 1, 8, 1]]}
    assert find_variants(mentions, reference=["Niger", "Nigeria"]) == []
    only = find_variants({"a": [["Nigeria", "ngr", 1, 0, 1, 7, 2]], "c": [["Nigerria", "ngr", 1, 0, 1, 8, 1]]},
                         reference=["Niger", "Nigeria"])
    assert [(v.occurrence.surface, v.preferred) for v in only] == [("Nigerria", "Nigeria")]


def test_the_config_spelling_wins_over_the_gazetteer():
    mentions = {"a": [["Kirghizia", "krgz", 1, 0, 1, 9, 1]], "b": [["Kyrgyzstan", "krgz", 1, 0, 1, 10, 1]]}
    found = find_variants(mentions, preferred=["Kirghizia"], reference=["Kyrgyzstan"])
    assert all(v.preferred == "Kirghizia" for v in found)


def test_a_hyphenated_product_name_is_no_variant_of_a_country(tmp_path):
    """dev-scraped/docs: Samsung's 'S-Pen' shares a spelling key with 'Spain'."""
    assert kz502(tmp_path, a="Spain beat Italy on Monday. Fans in Spain celebrated.",
                 b="The Galaxy Note ships with an S-Pen stylus.") == []
