"""KZ502's grouping (lint/facts/name_variants.py) over name mentions as the extraction stores them."""

from lint.facts.name_variants import find_variants
from lint.reference.wordlists import zipf_frequency


def mention(surface, line=3, count=1):
    return [surface, "", line, 1, line, 1 + len(surface), count]


def report(mentions, **options):
    found = find_variants(mentions, zipf=zipf_frequency, **options)
    return sorted((v.occurrence.path, v.occurrence.surface, v.preferred, v.minor) for v in found)


def test_each_variant_once_per_document_and_never_the_recommended_spelling():
    found = report({
        "a.txt": [mention("Muammar Gaddafi", count=3)],
        "b.txt": [mention("Muammar Qadhafi"), mention("Muammar Gaddafi", line=5)],
        "c.txt": [mention("Muammar Qadhafi", count=2)],
        "d.txt": [mention("Muammar Gaddafi")],
    })
    assert found == [("b.txt", "Muammar Qadhafi", "Muammar Gaddafi", False),
                     ("c.txt", "Muammar Qadhafi", "Muammar Gaddafi", False)]


def test_a_repeated_typo_is_not_recommended():
    found = report({"a.txt": [mention("Priya Sharrma")], "b.txt": [mention("Priya Sharrma")],
                    "c.txt": [mention("Priya Sharma")]})
    assert found == [("a.txt", "Priya Sharrma", "Priya Sharma", False), ("b.txt", "Priya Sharrma", "Priya Sharma", False)]


def test_hyphen_only_variants_are_minor_unless_the_config_prefers_one():
    mentions = {"a.txt": [mention("Kim Jong-un", count=2)], "b.txt": [mention("Kim Jong Un")]}
    assert report(mentions) == [("b.txt", "Kim Jong Un", "Kim Jong-un", True)]
    assert report(mentions, preferred=["Kim Jong Un"]) == [("a.txt", "Kim Jong-un", "Kim Jong Un", False)]


def test_two_names_in_one_bucket_stay_apart():
    found = report({"a.txt": [mention("Mohammed Atta", count=3), mention("Mahmoud Atta")],
                    "b.txt": [mention("Muhammad Atta")], "c.txt": [mention("Mahmoud Atta")]})
    assert found == [("b.txt", "Muhammad Atta", "Mohammed Atta", False)]


def test_a_tie_reports_both_once_each():
    found = report({"a.txt": [mention("Saltanat Azirbek")], "b.txt": [mention("Sultanat Azirbek")]})
    assert found == [("a.txt", "Saltanat Azirbek", "Sultanat Azirbek", False),
                     ("b.txt", "Sultanat Azirbek", "Saltanat Azirbek", False)]


def test_a_tie_inside_one_document_is_reported_once_there():
    found = report({"a.txt": [mention("Imam Syafi'i"), mention("Imam Syafi’ie", line=9)]})
    assert len(found) == 1


def test_renamings_and_config_aliases_are_not_variants():
    same_place = lambda a, b: {a, b} == {"Kiev Oblast", "Kyiv Oblast"}
    assert report({"a.txt": [mention("Kiev Oblast")], "b.txt": [mention("Kyiv Oblast")]}, same_place=same_place) == []
    mentions = {"a.txt": [mention("Aigerim Tazhi")], "b.txt": [mention("Aigerim Tazhy")]}
    assert len(report(mentions)) == 2
    assert report(mentions, accepted=["Aigerim Tazhi", "Aigerim Tazhy"]) == []


def test_one_word_names_need_a_configured_spelling():
    mentions = {"a.txt": [mention("Mangystau", count=2)], "b.txt": [mention("Mangistau")],
                "c.txt": [mention("Manghystau")]}
    assert report(mentions) == []
    # 'The Rise and Fall of Little Voice' and the footballer John Arne Riise
    assert report({"a.txt": [mention("Rise")], "b.txt": [mention("Riise", count=5)]}) == []
    assert [f[:3] for f in report(mentions, preferred=["Mangystau"])] == [
        ("b.txt", "Mangistau", "Mangystau"), ("c.txt", "Manghystau", "Mangystau")]


def test_a_one_word_spelling_neither_heads_nor_joins_a_longer_name():
    """'Alqaeda' (one word, the most mentions) once swallowed the cluster of 'Al Qaeda' / 'Al
    Qaida', which then went unreported; a one-word name is compared only with a target."""
    found = report({"a.txt": [mention("Alqaeda", count=5)], "b.txt": [mention("Al Qaeda", count=2)],
                    "c.txt": [mention("Al Qaeda")], "d.txt": [mention("Al Qaida")]})
    assert [f[:3] for f in found] == [("d.txt", "Al Qaida", "Al Qaeda")]


def test_only_a_spelling_that_can_be_a_variant_is_reportable():
    from lint.facts.name_variants import Reportable
    from lint.text.transliteration_rules import compare

    reportable = Reportable(preferred=["Mangystau"], reference=["Iraq", "Russia", "Niger", "Nigeria"],
                            difference=lambda a, b: compare(a, b, zipf=zipf_frequency))
    assert [name for name in ["Iraq", "Labour", "Brown", "Андрей Рудьков", "Rusia", "Irak", "Mangistau",
                              "Muammar Qadhafi", "Gordon Brown"] if reportable(name)] == [
        "Rusia", "Irak", "Mangistau", "Muammar Qadhafi", "Gordon Brown"]


def test_cyrillic_declensions_are_not_variants():
    assert report({"a.txt": [mention("Андрей Рудьков"), mention("Андрея Рудькова", line=5)]}) == []
