"""Group the name mentions of a corpus into spelling variants of one name (the logic of KZ502).

Input: each document's name mentions as extracted per document (one entry per spelling with its
first position and count). Output: one `Variant` per document and spelling that should be
written another way, with the spelling to write and why. Work is a group-by on
`transliteration_rules.bucket_key`, then a comparison inside each (small) bucket.

Policy:
- Only names in Latin script are compared (Cyrillic names decline: "Андрея Рудькова" is a form
  of "Андрей Рудьков", not a variant of it).
- One-word names are compared only with a spelling the config lists, or with a reference
  spelling (the world gazetteer's country names: 'Rusia' / 'Russia') that the corpus also writes.
- Inside a bucket, spellings are clustered around the most frequent one that `compare` accepts;
  a bucket can hold two names (Mohammed Atta, Mahmoud Atta), never merged.
- The spelling to write is `recommend`'s: the config's, else evidence from the world, a clear
  corpus majority, a clearly more familiar spelling in English. Without such evidence (a
  hyphen-or-space house style, a weak majority between two established spellings: Damien /
  Damian Hockney) the corpus's leaning is named but not called right (`settled` false). Spellings the config accepts (preferred, aliases, places)
  and the gazetteer's country names are never reported; nor are two names of one gazetteer place that differ by more than hyphens
  (Kiev / Kyiv: a renaming, not a variant), unless the config prefers one of them.
- Each variant spelling is reported once per document it occurs in, at its first mention; the
  recommended spelling never is. Only when nothing tells two spellings apart (no config, no
  evidence, as frequent, as common in English) is each reported, naming the other, and then
  once in a document that holds both.
- Hyphen-, space- or case-only variants (Kim Jong-un / Kim Jong Un), and the Arabic article in one
  spelling only (Bashar al-Assad / Bashar Assad), are `minor` (info level),
  unless the config lists the spelling to write (then the corpus breaks its own style).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from lint.text.transliteration_rules import (
    ARTICLE,
    MIN_SLIP_KEY,
    SEPARATOR,
    Difference,
    Spelling,
    bucket_key,
    compare,
    is_latin,
    recommend,
    slipped,
    spelling,
    words,
)


class Occurrence(NamedTuple):
    """One document's mentions of one spelling (a tuple: a corpus has a hundred thousand)."""

    path: str
    surface: str
    span: tuple[int, int, int, int]
    count: int


@dataclass(frozen=True, slots=True)
class Variant:
    occurrence: Occurrence        # where the variant is written (first mention in its document)
    preferred: str                # the spelling to write, as first written in the corpus or config
    preferred_at: Occurrence | None  # where the preferred spelling is written in the corpus, if it is
    difference: Difference
    reason: str                   # why that spelling: config, evidence, majority...
    mentions: tuple[int, int]     # (variant, preferred) mentions in the corpus
    configured: bool = False      # the preferred spelling is the config's
    settled: bool = True          # False: `preferred` is only the corpus's leaning, not the right spelling

    @property
    def minor(self) -> bool:
        """Only hyphens, spaces, case or the Arabic article differ, and the config has no say: info level."""
        return self.difference.kind in (SEPARATOR, ARTICLE) and not self.configured


def find_variants(
    mentions_by_path: Mapping[str, Sequence[Sequence]],
    *,
    zipf: Callable[[str], float] = lambda word: 0.0,
    is_place: Callable[[str], bool] = lambda word: False,
    same_place: Callable[[str, str], bool] = lambda a, b: False,
    preferred: Iterable[str] = (),
    accepted: Iterable[str] = (),
    reference: Iterable[str] = (),
    established: float = 2.8,
    min_length: int = 5,
    min_ratio: float = 80.0,
    max_spellings: int = 50,
    house_style_ratio: int = 3,
) -> list[Variant]:
    """The variants to report. `mentions_by_path`: path -> [surface, key, line, col, end_line,
    end_col, count] lists; `preferred`: spellings the config prefers; `accepted`: spellings it
    accepts as written; `reference`: spellings known without config (the world gazetteer's
    countries), accepted as written and the spelling to write for a variant of one, but only when
    the corpus writes that spelling and no other reference spelling of its bucket (the config's
    spellings come first); `is_place(word)`: a
    gazetteer name; `same_place(a, b)`: two names of one gazetteer place."""
    paths = sorted(mentions_by_path)
    spelling_of: dict[str, str | None] = {}  # surface -> its spelling, None when not Latin (asked once per surface)
    for path in paths:
        for mention in mentions_by_path[path]:
            surface = mention[0]
            if surface not in spelling_of:
                spelling_of[surface] = spelling(surface) if is_latin(surface) else None
    configured, reference_by_key, accepted_set = _known(preferred, accepted, reference)
    buckets: dict[str, list[str]] = defaultdict(list)
    for written in sorted({written for written in spelling_of.values() if written is not None}):
        buckets[bucket_key(written)].append(written)
    keys_of = _join_slips(buckets, min_length)  # bucket -> the keys it holds (more than one: joined by a slip)
    reportable: dict[str, tuple[str | None, str]] = {}  # bucket -> (target, reason), in bucket order
    for key in sorted(buckets):
        members = buckets[key]
        target, reason = next((configured[k] for k in keys_of.get(key, (key,)) if k in configured), None), _CONFIGURED
        if target is None and key in reference_by_key:
            # the one reference spelling the corpus writes; none when it writes two (Niger, Nigeria)
            written = [n for n in reference_by_key[key] if spelling(n) in members]
            if len(written) == 1:
                target, reason = written[0], _REFERENCE
        if (1 if target else 2) <= len(members) <= max_spellings:
            reportable[key] = target, reason
    # the mentions of spellings that can be reported, or named as the spelling to write: most
    # names are the only spelling of their bucket (750,000 mentions at 100,000 articles)
    wanted = {m for key in reportable for m in buckets[key]}
    wanted.update(spelling(target) for target, _ in reportable.values() if target is not None)
    by_spelling: dict[str, list[Occurrence]] = defaultdict(list)
    for path in paths:
        for mention in mentions_by_path[path]:
            written = spelling_of[mention[0]]
            if written in wanted:
                by_spelling[written].append(Occurrence(path, mention[0], tuple(mention[2:6]), int(mention[6])))

    def difference(a: str, b: str) -> Difference | None:
        return compare(a, b, zipf=zipf, established=established, min_length=min_length, min_ratio=min_ratio)

    found: list[Variant] = []
    for key, (target, reason) in reportable.items():
        members = buckets[key]
        stats = {m: Spelling(by_spelling[m][0].surface, sum(o.count for o in by_spelling[m]),
                             len({o.path for o in by_spelling[m]})) for m in members}
        for cluster in _clusters(members, stats, difference, spelling(target) if target else None,
                                 word_for_word=reason == _REFERENCE):
            found.extend(_cluster_variants(cluster, stats, by_spelling, target, accepted_set, difference,
                                           zipf, is_place, same_place, house_style_ratio, reason))
    return found


def _join_slips(buckets: dict[str, list[str]], min_length: int) -> dict[str, tuple[str, ...]]:
    """Join, in place, buckets whose names differ by a typing slip that moves a consonant (Xi
    Jinping / Xi Jingping, Volodymyr Zelensky / Zelenksy: `bucket_key` differs, so they never met).
    Buckets meet through the keys one consonant shorter than theirs (a deletion neighbourhood: an
    added, dropped or swapped consonant leaves one in common) and are joined when two of their
    names are `slipped`. Returns the joined buckets' original keys; the joined bucket keeps the
    smallest key."""
    by_shorter: dict[str, list[str]] = defaultdict(list)
    for key, members in buckets.items():
        if len(key) >= MIN_SLIP_KEY and any(_SEVERAL_WORDS.search(m) for m in members):
            for shorter in {key, *(key[:i] + key[i + 1:] for i in range(len(key)))}:
                by_shorter[shorter].append(key)
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        while parent.get(key, key) != key:
            key = parent[key]
        return key

    for keys in by_shorter.values():  # the components do not depend on the order: each is headed by its smallest key
        if len(keys) < 2:
            continue
        for i, first in enumerate(keys):
            for second in keys[i + 1:]:
                a, b = root(first), root(second)
                if a != b and any(slipped(x, y, min_length) for x in buckets[first] for y in buckets[second]):
                    parent[max(a, b)] = min(a, b)
    joined: dict[str, list[str]] = defaultdict(list)
    for key in parent:
        joined[root(key)].append(key)
    keys_of: dict[str, tuple[str, ...]] = {}
    for head, others in joined.items():
        for key in others:
            buckets[head].extend(buckets.pop(key))
        buckets[head].sort()
        keys_of[head] = (head, *sorted(others))
    return keys_of


_SEVERAL_WORDS = re.compile(r"\S[\s\-‐‑–—]+\S")  # a spelling of more than one word (see `words`)


def _known(preferred: Iterable[str], accepted: Iterable[str],
           reference: Iterable[str]) -> tuple[dict[str, str], dict[str, list[str]], set[str]]:
    """The configured spelling of each bucket, the reference spellings of each bucket, and every
    spelling accepted as written."""
    preferred, reference = list(preferred), list(reference)
    configured: dict[str, str] = {}
    for name in preferred:
        configured.setdefault(bucket_key(name), name)
    reference_by_key: dict[str, list[str]] = defaultdict(list)
    for name in reference:
        reference_by_key[bucket_key(name)].append(name)
    return configured, reference_by_key, {spelling(n) for n in (*accepted, *preferred, *reference)}


class Reportable:
    """Whether a spelling can be reported as a variant whatever the rest of the corpus writes (the
    policy above): Latin, not accepted as written, and either a name of several words or one word
    with a configured spelling in its bucket or a one-word reference spelling it is a variant of.
    A partial run looks up the keys of these spellings only: 'Iraq' or 'Labour' in the file given
    need not meet the 10,000 other articles that write them."""

    def __init__(self, *, preferred: Iterable[str] = (), accepted: Iterable[str] = (), reference: Iterable[str] = (),
                 difference: Callable[[str, str], Difference | None]) -> None:
        self._configured, references, self._accepted = _known(preferred, accepted, reference)
        self._one_word_references = {key: [spelling(n) for n in names if len(words(n)) == 1]
                                     for key, names in references.items()}
        self._difference = difference

    def __call__(self, surface: str) -> bool:
        if not is_latin(surface):
            return False
        written = spelling(surface)
        if written in self._accepted:
            return False
        if len(words(written)) > 1:
            return True
        key = bucket_key(written)
        return key in self._configured or any(self._difference(name, written) is not None
                                              for name in self._one_word_references.get(key, ()))


_CONFIGURED = "the spelling listed in the config's names:"
_REFERENCE = "the country's name in the world gazetteer"


def _clusters(members: list[str], stats: Mapping[str, Spelling], difference, target: str | None,
              word_for_word: bool = False) -> list[list[str]]:
    """Spellings grouped around heads (the configured spelling, then the most mentioned): each
    joins the first head it is a variant of. `word_for_word`: the target is a reference spelling
    (a country), joined only by spellings of as many words ('Rusia', not 'S-Pen' for 'Spain')."""
    order = sorted(members, key=lambda m: (-stats[m].mentions, m))
    heads: list[list[str]] = [[target]] if target else []
    for member in order:
        if target and member == target:
            continue
        one_word = len(words(member)) == 1
        for cluster in heads:
            if word_for_word and cluster[0] == target and len(words(member)) != len(words(target)):
                continue
            if cluster[0] != target and one_word != (len(words(cluster[0])) == 1):
                continue
            if difference(cluster[0], member) is not None:
                cluster.append(member)
                break
        else:
            heads.append([member])
    # one-word names are compared only with the target (a configured or reference spelling): a
    # single capitalised word has no second word to confirm it ('Rise' in a film title, 'Riise'
    # the footballer); so a one-word spelling never joins a longer name's cluster nor heads one
    return [c for c in heads if len(c) > 1 and (c[0] == target or len(words(c[0])) > 1)]


def _cluster_variants(cluster, stats, by_spelling, target, accepted, difference, zipf, is_place,
                      same_place, house_style_ratio, target_reason: str = _CONFIGURED) -> Iterable[Variant]:
    present = {m: stats[m] for m in cluster if m in stats}
    tie, settled = False, True
    configured = target is not None and target_reason == _CONFIGURED
    if target is not None:
        chosen, reason = spelling(target), target_reason
    else:
        if len(present) < 2:
            return
        recommendation = recommend(present, zipf=zipf, is_place=is_place, max_majority=house_style_ratio)
        chosen, reason, tie = recommendation.spelling, recommendation.reason, recommendation.tie
        settled = recommendation.settled
    reported: set[tuple[str, frozenset]] = set()  # (path, the two spellings): one finding per document and pair
    for member in sorted(present, key=lambda m: (m != chosen, m)):
        if member in accepted or (member == chosen and not tie):
            continue
        # in a tie every spelling is reported, naming the first other spelling
        other = chosen if member != chosen else next(m for m in sorted(present) if m != chosen)
        other_text = target if (target is not None and other == chosen) else present[other].text
        diff = difference(other_text, present[member].text)
        if diff is None:
            continue
        if not configured and diff.kind != SEPARATOR and same_place(other_text, present[member].text):
            continue  # two names of one place (a renaming, an exonym): not a misspelling
        other_at = by_spelling[other][0] if other in by_spelling else None
        other_mentions = present[other].mentions if other in present else 0
        for occurrence in by_spelling[member]:
            if (occurrence.path, frozenset((member, other))) in reported:
                continue  # both spellings of a tie in one document: one finding there
            reported.add((occurrence.path, frozenset((member, other))))
            yield Variant(occurrence, other_text, other_at, diff, reason, (present[member].mentions, other_mentions),
                          configured=configured, settled=settled)
