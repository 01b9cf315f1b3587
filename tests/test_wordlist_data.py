"""The English word list kzlint ships (lint/data/wordfreq/): intact, attributed, the same list
wordfreq itself reads (checked where wordfreq is installed: the `test` extra has it), and the
index kzlint reads is the one tools/build_word_index.py makes from it."""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
from pathlib import Path

import msgpack
import pytest

from lint.reference import wordlists

DATA = Path(__file__).resolve().parents[1] / "lint" / "data" / "wordfreq"
SHA256 = "dffae8066b78dce0a6667cf5f58e567054f902674667090a7ac8a8a44628b05c"  # wordfreq 3.1.1's large_en


def test_the_list_is_wordfreqs_file_byte_for_byte():
    data = (DATA / "large_en.msgpack.gz").read_bytes()
    assert hashlib.sha256(data).hexdigest() == SHA256
    spec = importlib.util.find_spec("wordfreq")
    if spec is None:
        pytest.skip("wordfreq is not installed")
    original = Path(spec.submodule_search_locations[0]) / "data" / "large_en.msgpack.gz"
    if hashlib.sha256(original.read_bytes()).hexdigest() != SHA256:
        pytest.skip("another wordfreq release is installed")
    assert original.read_bytes() == data


def test_the_list_is_a_cbpack_with_sorted_buckets():
    with gzip.open(DATA / "large_en.msgpack.gz", "rb") as packed:
        header, *buckets = msgpack.unpack(packed, raw=False)
    assert header == {"format": "cB", "version": 1}
    assert all(bucket == sorted(bucket) for bucket in buckets)
    assert "the" in buckets[int(round((9 - 7.73) * 100))]  # Zipf 7.73
    assert sum(map(len, buckets)) > 300_000


def test_the_licence_and_attributions_ship_with_it():
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    for needed in ("CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/", "SUBTLEX", "OpenSubtitles",
                   "Google Books Ngram", "Robyn Speer", SHA256):
        assert needed in readme, needed
    assert "Apache License" in (DATA / "LICENSE-wordfreq-code.txt").read_text(encoding="utf-8")


def test_the_index_kzlint_reads_is_built_from_the_list():
    spec = importlib.util.spec_from_file_location("build_word_index", DATA.parents[2] / "tools" / "build_word_index.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    assert (DATA / "large_en.index").read_bytes() == tool.build(DATA / "large_en.msgpack.gz")
    with gzip.open(DATA / "large_en.msgpack.gz", "rb") as packed:
        _, *buckets = msgpack.unpack(packed, raw=False)
    index = wordlists._index()
    assert [index.bucket_words(number) for number in range(len(buckets))] == buckets
    assert wordlists.known_words(0.0) == {word: round(9 - number / 100, 2)
                                          for number, bucket in enumerate(buckets) for word in bucket}


@pytest.mark.parametrize("damage", [lambda data: b"", lambda data: b"KZWORDS2" + data[8:],
                                    lambda data: data[:-1], lambda data: data[:20]])
def test_a_damaged_index_is_a_clear_error(tmp_path, monkeypatch, damage):
    folder = tmp_path / "lint" / "data" / "wordfreq"
    folder.mkdir(parents=True)
    (folder / "large_en.index").write_bytes(damage((DATA / "large_en.index").read_bytes()))
    monkeypatch.setattr(wordlists, "resources", type("R", (), {"files": staticmethod(lambda package: tmp_path / package)}))
    wordlists._index.cache_clear()
    try:
        with pytest.raises(wordlists.WordListError, match="reinstall kzlint"):
            wordlists._index()
    finally:
        wordlists._index.cache_clear()


def test_a_word_s_frequency_is_the_full_table_s_without_building_it():
    """wordlists.frequency answers as known_words(0.0) does, for known, rare and unknown words
    (looked up first, by bisection, as a run's first few words are; then from the table)."""
    words = ("the", "police", "peacekeepers", "über", "zhanaozen", "qwxzv", "don't", "")
    found = [wordlists.frequency(word) for word in words]
    table = wordlists.known_words(0.0)
    assert found == [table.get(word, 0.0) for word in words]
    assert found[0] > 7 and found[5] == 0.0
    assert [wordlists.frequency(word) for word in words] == found
