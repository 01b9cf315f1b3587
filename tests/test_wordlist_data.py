"""The English word list kzlint ships (lint/data/wordfreq/): intact, attributed, and the same
list wordfreq itself reads (checked where wordfreq is installed: the `test` extra has it)."""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
from pathlib import Path

import msgpack
import pytest

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
