"""Build lint/data/wordfreq/large_en.index, the form of wordfreq's English list kzlint reads.

    python tools/build_word_index.py        # after large_en.msgpack.gz changes

wordfreq's own file (large_en.msgpack.gz, shipped unmodified beside it) is 1.5 MB of gzip around
a msgpack list of 321,000 strings: reading it takes 50 ms, most of it making a Python string of
every word, which a pre-commit run checking one file pays for a handful of look-ups. The index
holds the same words and frequencies as bytes a run reads whole (a few milliseconds) and looks
into without decoding them all (lint/reference/wordlists.py):

    magic  b"KZWORDS1"
    counts uint32 little-endian: words, buckets
    starts uint32[buckets + 1]: the first word of each bucket (bucket i: Zipf 9 - i/100)
    ends   uint32[words]: where each word ends in `text`
    sorted uint32[words]: the words' numbers in the order of their UTF-8 bytes (= of the strings)
    text   the words, UTF-8, in bucket order, each followed by a newline

tests/test_wordlist_data.py checks that the shipped index is what this script makes.
"""

from __future__ import annotations

import gzip
import struct
import sys
from array import array
from pathlib import Path

import msgpack

DATA = Path(__file__).resolve().parents[1] / "lint" / "data" / "wordfreq"
MAGIC = b"KZWORDS1"


def build(source: Path) -> bytes:
    """The index of a cBpack word list (wordfreq.read_cBpack documents the format)."""
    with gzip.open(source, "rb") as packed:
        header, *buckets = msgpack.unpack(packed, raw=False)
    if header != {"format": "cB", "version": 1}:
        raise SystemExit(f"{source}: not a cBpack file")
    words = [word.encode("utf-8") for bucket in buckets for word in bucket]
    if len(set(words)) != len(words) or any(b"\n" in word for word in words):
        raise SystemExit(f"{source}: a word twice or with a newline; the index assumes neither")
    starts, ends, position = array("I", [0]), array("I"), 0
    for bucket in buckets:
        starts.append(starts[-1] + len(bucket))
    for word in words:
        position += len(word) + 1
        ends.append(position - 1)
    order = array("I", sorted(range(len(words)), key=words.__getitem__))
    for part in (starts, ends, order):
        if sys.byteorder != "little":
            part.byteswap()
    return b"".join([MAGIC, struct.pack("<II", len(words), len(buckets)), starts.tobytes(), ends.tobytes(),
                     order.tobytes(), b"".join(word + b"\n" for word in words)])


def main() -> int:
    target = DATA / "large_en.index"
    target.write_bytes(build(DATA / "large_en.msgpack.gz"))
    print(f"wrote {target} ({target.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
