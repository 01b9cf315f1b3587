"""Which places a sentence, a paragraph or a document is about: gazetteer places (with their
ancestors) and capitalised names after "in"/"at"."""

from __future__ import annotations

from collections import Counter

from lint.core.document import Document
from lint.facts.name_runs import NOT_NAMES, Run, capitalised_runs
from lint.facts.names import NameIndex

# a lower-case noun after a single capitalised word that makes it a place: "the Mangistau region"
PLACE_NOUNS = frozenset("region province oblast district county city town village river valley".split())


PLACE_PREPOSITIONS = frozenset("in at near outside around across".split())


def places_in(doc: Document, runs: list[Run], index: NameIndex, gazetteer_only: bool = False) -> list[str]:
    """Places in one sentence: gazetteer places (any romanisation) and capitalised names right
    after 'in', 'at', 'near'... ('killed in Mosul'). `gazetteer_only` keeps the gazetteer places
    only: all `dominant_places` needs from a sentence without figures, found without reading
    the word before each run (a regex search per run, most of the work here)."""
    found: list[str] = []
    for run in runs:
        words = run.name
        matched = False
        for _, _, key in run.parts(index):
            place = index.place_by_key.get(key)
            if place:
                found.append(place)
                matched = True
        if matched or gazetteer_only and run.key() not in index.place_by_key:
            continue
        if run.before in PLACE_PREPOSITIONS or run.before == "the" and run.after in PLACE_NOUNS:
            surface = doc.prose[words[0][0]:words[-1][1]]
            if surface.lower() not in NOT_NAMES:
                found.append(surface)
    return found


def with_ancestors(places: list[str], index: NameIndex) -> list[str]:
    out: dict[str, None] = {}  # ordered, and a set: linear in the places of a long sentence
    for place in dict.fromkeys(places):
        for item in index.with_ancestors(place) if index.place(place) else [place]:
            out.setdefault(item)
    return list(out)


def claim_places(sentence_places: list[str], context: list[str], index: NameIndex) -> list[str]:
    """Where a claim happened: the sentence's places, refined by context places inside them
    ('in Kazakhstan' + the article is about Zhanaozen -> both); the context alone when the
    sentence names no place."""
    own = with_ancestors(sentence_places, index)
    if not own:
        return with_ancestors(context, index)
    owned = set(own)
    refined = [p for p in context if index.place(p) and not owned.isdisjoint(index.with_ancestors(p)[1:])]
    return with_ancestors(own + refined, index)


def dominant_places(per_sentence, index: NameIndex) -> list[str]:
    """The specific gazetteer place the article is about: the one it names most (at least twice)."""
    counts = Counter(p for places in per_sentence for p in places if index.place(p) and index.is_specific(p))
    if not counts:
        return []
    top = max(counts.values())
    return sorted(p for p, n in counts.items() if n == top and n >= 2)


def places_of_text(doc: Document, text: str, index: NameIndex) -> list[str]:
    """Places named in a headline or section heading (a string, not a span of the document)."""
    if not text:
        return []
    probe = Document("headline.txt", text.replace("\n", " "), markdown=False)
    found: list[str] = []
    for runs in capitalised_runs(probe):
        for place in places_in(probe, runs, index):
            if place not in found:
                found.append(place)
    return found
