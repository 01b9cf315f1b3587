"""KZ504 duplicate-article: the same article saved twice in the corpus (exact or near copy).

Each document is summarised by a MinHash sketch of its 5-word phrases (one-permutation
hashing with densification: one CRC-32 per phrase, 32 bins, no numpy, deterministic across
processes and runs). The sketch's 10 bands of 3 bins are the document's claim keys: two
documents are compared only when they share a band, so the check is a group-by (never all
pairs) and a one-file pre-commit run loads only the few documents that share a band with it.

Only phrases inside one prose block count: a menu, a share bar or a byline (blocks of fewer
than 5 words) adds none, so two pages of one site, whose templates share their furniture
but not their article, stay apart.
"""

from __future__ import annotations

import string
import struct
import zlib
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from itertools import compress
from operator import itemgetter
from typing import Any

from pydantic import Field

from lint.core.document import Document
from lint.core.findings import Finding, Location, Severity
from lint.rules.base import CorpusRule, KebabOptions
from lint.text.page_furniture import furniture_lines

SHINGLE = 5  # words per phrase
BINS = 64  # sketch size: the similarity estimate's standard error is about 0.05 at 0.8
BAND = 3  # bins per band (claim key)
BANDS = 10  # bands of the first 30 bins: two documents of similarity 0.8 share one with probability
# 0.9992, of 0.7 with 0.985, of 0.6 with 0.91 (1 - (1 - s**3)**10): below that, pairs are missed
_BIN_BITS = 26  # a CRC-32 is split into its bin (top 6 bits) and its rank (26 bits) ...
_KEPT = 0xFFFF  # ... of which the lowest 16 bits are kept (b-bit MinHash: chance agreement 1 in 65,536)
_HEX = 4  # hex digits per bin in the stored sketch
_ASCII_PUNCTUATION = string.punctuation.replace("_", "").encode()
_MARKS = [mark.encode() for mark in "’‘“”«»–—…\u00a0"]  # punctuation outside ASCII, as UTF-8
_ASCII_LOWER = bytes.maketrans(string.ascii_uppercase.encode(), string.ascii_lowercase.encode())
# a phrase starts at a word of 5 bytes or more: one whose fifth byte is there (a slice of one byte or
# none is a cached object, and one C call a word where len and a comparison take two)
_FIFTH_BYTE = itemgetter(slice(4, 5))
_SHIFTS = [slice(i, None) for i in range(SHINGLE)]  # the words from each of a phrase's positions on
_BIN_STARTS = [b << _BIN_BITS for b in range(BINS + 1)]
_AS_HEX = struct.Struct(f">{BINS}H")  # the bins' 16-bit values, big-endian: _HEX hex digits each


class DuplicateArticleOptions(KebabOptions):
    # documents with fewer distinct sampled 5-word phrases than this (about 75 words of paragraph
    # text) are not compared: short notices and menus-only pages are alike without being copies
    min_phrases: int = Field(30, ge=1)
    # estimated share of 5-word phrases two documents have in common (Jaccard) to be reported
    min_similarity: float = Field(0.8, gt=0, le=1)
    # documents sharing a band are all compared when there are at most this many; in a larger
    # group (hundreds of variants of one page) each is compared with the next few, so the check
    # stays linear in the number of documents
    max_group: int = Field(8, ge=2)


def sketch(doc: Document) -> tuple[str, int, str]:
    """(sketch as hex, number of distinct sampled phrases, digest of all the words) of a document.

    A phrase is 5 words of one prose block, lower-cased, punctuation dropped, that starts with a
    word of at least 5 letters (bytes): the sample depends on the words only, so two copies agree
    on it, and it skips 55% of the hashing (phrases starting "the", "said", "in" ...)."""
    hashes: set[int] = set()  # hashed block by block: a list of every phrase of 20 MB is 200 MB
    digest = 0
    prose = doc.prose
    furniture = furniture_lines(doc)  # a page's own furniture is not its article: two sites' copies differ there
    for _, block in doc.prose_blocks:
        words = _block_words(prose, block.start, block.end)
        digest = zlib.crc32(b" ".join(words) + b"\n", digest)
        if len(words) >= SHINGLE and not (furniture and doc.position(block.start)[0] in furniture):
            starts = compress(zip(*map(words.__getitem__, _SHIFTS)), map(_FIFTH_BYTE, words))
            hashes.update(map(zlib.crc32, map(b" ".join, starts)))
    return _densified(sorted(hashes)), len(hashes), f"{digest:08x}"


def _block_words(prose: str, start: int, end: int, piece: int = 1 << 20) -> list[bytes]:
    """The words of prose[start:end], lower-cased, as UTF-8, punctuation dropped. A block of more
    than a megabyte is read a piece at a time, cut at a space (no word, mark or final sigma spans
    one): lower() of a 20 MB paragraph takes 12 bytes per character while it runs."""
    words: list[bytes] = []
    while start < end:
        stop = end if end - start <= piece else prose.find(" ", start + piece, end)
        stop = end if stop < 0 else stop
        chunk = prose[start:stop]
        if chunk.isascii():  # lower-cased and stripped of punctuation in one pass
            text = chunk.encode().translate(_ASCII_LOWER, _ASCII_PUNCTUATION)
        else:
            text = chunk.lower().encode()
            for mark in _MARKS:
                if mark in text:
                    text = text.replace(mark, b" ")
            text = text.translate(None, _ASCII_PUNCTUATION)
        words += text.split()
        start = stop
    return words


def _densified(hashes: list[int]) -> str:
    """The minimum of each bin (hashes sorted: a bisection per bin), its lowest 16 bits kept; an
    empty bin borrows the value of the next filled one, shifted by the distance (Shrivastava and
    Li's densification), so two copies of a short text still agree bin for bin."""
    if not hashes:
        return ""
    bounds = [bisect_left(hashes, start) for start in _BIN_STARTS]
    values = [hashes[at] & _KEPT if at < after else None for at, after in zip(bounds, bounds[1:])]
    if None in values:  # a few bins of most documents: only they are walked
        around = values + values  # the next filled bin may be past the last one
        for b, value in enumerate(values):
            if value is None:
                distance = 1
                while around[b + distance] is None:
                    distance += 1
                values[b] = (around[b + distance] + distance * 0x9E37) & _KEPT  # type: ignore[operator]
    return _AS_HEX.pack(*values).hex()  # 4 hex digits per bin


def similarity(a: str, b: str) -> float:
    """Estimated Jaccard similarity of two sketches: the share of bins that agree."""
    return _agreeing(_as_int(a), _as_int(b)) / BINS


_LANE_LOWEST_BITS = int("0001" * BINS, 16)


def _as_int(sketch_hex: str) -> int:
    return int(sketch_hex, 16)


def _agreeing(a: int, b: int) -> int:
    """How many of the 16-bit bins of two sketches (as integers) are equal, bit-parallel: a bin
    differs when any bit of the XOR is set, which the shifts gather into the bin's lowest bit."""
    x = a ^ b
    x |= x >> 1
    x |= x >> 2
    x |= x >> 4
    x |= x >> 8
    return BINS - (x & _LANE_LOWEST_BITS).bit_count()


def _candidates(groups: Iterable[list[int]], max_group: int) -> set[tuple[int, int]]:
    """Pairs of documents to compare: every pair of a small group; in a larger one each member
    with the next two (so a group of n costs 2n, and near-identical variants still meet)."""
    pairs: set[tuple[int, int]] = set()
    done: set[tuple[int, ...]] = set()
    for members in groups:
        if len(members) < 2:
            continue
        if len(members) == 2:
            pairs.add((members[0], members[1]))
            continue
        shape = tuple(members)
        if shape in done:  # variants of one text share many bands with the same members
            continue
        done.add(shape)
        if len(members) <= max_group:
            pairs.update((a, b) for i, a in enumerate(members) for b in members[i + 1:])
        else:
            pairs.update(zip(members, members[1:]))
            pairs.update(zip(members, members[2:]))
    return pairs


def band_keys(sketch_hex: str) -> list[str]:
    width = BAND * _HEX
    return [f"{n}:{sketch_hex[n * width:(n + 1) * width]}" for n in range(BANDS)]


class DuplicateArticle(CorpusRule):
    code = "KZ504"
    name = "duplicate-article"
    severity = Severity.WARNING
    summary = "The same article saved twice in the corpus, exactly or nearly (another URL, another version)."
    message = ("a near-copy of the article at {other} (about {share}% of their 5-word phrases are shared)"
               "{more}: delete one, or keep both with a suppression")
    messages = {
        "identical": ("the same article as {other} (the same text once case and punctuation are ignored)"
                      "{more}: delete one, or keep both with a suppression"),
    }
    explanation = (
        "A scraper that reaches one story under two URLs (a tracking parameter, an AMP page, a print "
        "view), or saves a page again after an update, puts the same article in the corpus twice. The "
        "copies count twice in every statistic, leak between training and test sets, and make their "
        "own sentences look like furniture that repeats across pages. Each document is summarised by a "
        "MinHash sketch of its 5-word phrases inside paragraphs (menus, bylines and share bars have "
        "fewer than 5 words and add none, so two pages of one site that share their template are not "
        "copies); documents that share a band of the sketch are compared, and a pair whose estimated "
        "share of phrases in common (Jaccard) reaches `min-similarity` is reported on both, each naming "
        "the other (the most similar first, and how many more copies there are). Documents with fewer "
        "than `min-phrases` phrases are not compared. The estimate is approximate (about ±0.05 at 0.8); "
        "identical text (after case and punctuation) is said so. A copy saved with a different, heavy "
        "page template can fall under the threshold: the template's long lines count as phrases too. "
        "Delete one copy, or keep both on purpose with a suppression."
    )
    bad_example = (  # the article, and the same article saved again from its print view, edited a little
        "corpus/a.txt: “Dozens” of Kazakhstan protesters have been killed in violent clashes with the police forces on Wednesday night as protestors tried to seize administrative buildings in Kazakhstan, according to the police statement.\n"
        "corpus/a.txt: “Last night, extremist forces tried to storm administrative buildings, the Almaty city police department, as well as local departments and police stations,” police spokesman Saltanat Azirbek said to local news agencies.\n"
        "corpus/a.txt: The police used heavy-handed strategies in an attempt to quash the protests. With police using live rounds, stun grenades, tear gas and water cannons to disperse protesters in the southeastern city on Tuesday night despite the president ordering a curfew.\n"
        "corpus/a-print.txt: Home | World | Asia | Print this page\n"
        "corpus/a-print.txt: “Dozens” of Kazakhstan protesters have been killed in violent clashes with the police forces late on Wednesday as protestors tried to seize administrative buildings in Kazakhstan, according to the police statement.\n"
        "corpus/a-print.txt: “Last night, extremist forces tried to storm administrative buildings, the Almaty city police department, as well as local departments and police stations,” police spokesman Saltanat Azirbek said to local news agencies.\n"
        "corpus/a-print.txt: The police used heavy-handed strategies in an attempt to quash the protests. With police using live rounds, stun grenades, tear gas and water cannons to disperse protesters in the southeastern city on Tuesday night despite the president ordering a curfew."
    )
    good_example = (  # two articles on the same events: the same names and places, not the same text
        "corpus/a.txt: “Dozens” of Kazakhstan protesters have been killed in violent clashes with the police forces on Wednesday night as protestors tried to seize administrative buildings in Kazakhstan, according to the police statement.\n"
        "corpus/a.txt: “Last night, extremist forces tried to storm administrative buildings, the Almaty city police department, as well as local departments and police stations,” police spokesman Saltanat Azirbek said to local news agencies.\n"
        "corpus/a.txt: The police used heavy-handed strategies in an attempt to quash the protests. With police using live rounds, stun grenades, tear gas and water cannons to disperse protesters in the southeastern city on Tuesday night despite the president ordering a curfew.\n"
        "corpus/b.txt: MOSCOW (AP) – Security forces in Kazakhstan killed dozens of demonstrators and 12 police officers in an explosion of violence that saw protesters storm government buildings and set them on fire, officials said on Thursday.\n"
        "corpus/b.txt: Protesters again took to the streets on Thursday, a day after they stormed the presidential residence and the office of the mayor in the country’s largest city, Almaty, despite a strong backlash from the authorities.\n"
        "corpus/b.txt: Police were outside, including in the Nur-Sultan capital, which was reported to be calm, and a Russian-led force of peacekeepers was on the way."
    )
    Options = DuplicateArticleOptions

    def extract(self, doc: Document) -> list:
        sketch_hex, phrases, digest = sketch(doc)
        if phrases < self.options.min_phrases:
            return []
        return [[sketch_hex, phrases, digest, list(_first_line_span(doc))]]

    def fact_keys(self, fact: list) -> list[str]:
        return band_keys(fact[0])

    def check(self, facts: Mapping[str, Sequence[Any]]) -> Iterable[Finding]:
        documents = [(path, fact) for path in sorted(facts) for fact in facts[path]]
        groups: dict[str, list[int]] = defaultdict(list)
        for number, (_, fact) in enumerate(documents):
            for key in band_keys(fact[0]):
                groups[key].append(number)
        sketches = [_as_int(fact[0]) for _, fact in documents]
        matches: dict[int, list[tuple[float, bool, int]]] = defaultdict(list)
        for a, b in sorted(_candidates(groups.values(), self.options.max_group)):
            (_, fa), (_, fb) = documents[a], documents[b]
            identical = fa[2] == fb[2] and fa[1] == fb[1]
            share = 1.0 if identical else _agreeing(sketches[a], sketches[b]) / BINS
            if share >= self.options.min_similarity:
                matches[a].append((share, identical, b))
                matches[b].append((share, identical, a))
        return [self._finding(documents, number, matches[number]) for number in sorted(matches)]

    def _finding(self, documents: list, number: int, found: list[tuple[float, bool, int]]) -> Finding:
        path, fact = documents[number]
        found.sort(key=lambda m: (-m[0], not m[1], documents[m[2]][0]))
        share, identical, other = found[0]
        other_path, other_fact = documents[other]
        more = f"; {len(found) - 1} more cop{'y' if len(found) == 2 else 'ies'} in the corpus" if len(found) > 1 else ""
        related = [Location(documents[o][0], documents[o][1][3][0], documents[o][1][3][1]) for _, _, o in found[:10]]
        return self.report_at(path, tuple(fact[3]), "identical" if identical else None, snippet=other_path,
                              related=related, extra={"other": other_path, "similarity": f"{share:.2f}"},
                              other=f"{other_path}:{other_fact[3][0]}", share=round(share * 100), more=more)


def _first_line_span(doc: Document) -> tuple[int, int, int, int]:
    """Where the finding stands: the first line of the first prose block (the headline)."""
    blocks = doc.prose_blocks
    if not blocks:
        return 1, 1, 1, 1
    block = blocks[0][1]
    line, column = doc.position(block.start)
    text = doc.text[block.start:block.end].split("\n", 1)[0].rstrip()
    return line, column, line, column + max(1, len(text))
