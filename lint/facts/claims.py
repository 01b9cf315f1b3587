"""What a document claims, in a form documents can be compared by: names, places, times, figures.

Everything here runs once per document and returns JSON-able facts (the cache stores them),
each with its own position, so the corpus rules (KZ5) compare documents without reading them
again. Figures come from `lint.facts.figures` (shared with KZ301); this module adds the event each
figure belongs to: where (places in the sentence, refined by the headline, the section heading
and the place the article is about) and when (explicit dates in the sentence, else the
document's date, resolved against it where they are relative). The parts live beside it:
name runs (name_runs.py), places (places.py), dates and times (time_expressions.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lint.core.document import Document
from lint.facts.figures import find_figures  # link labels (other articles' headlines) are skipped there
from lint.facts.name_runs import Run, capitalised_runs
from lint.facts.names import NameIndex
from lint.facts.places import PLACE_NOUNS, claim_places, dominant_places, places_in, places_of_text
from lint.facts.time_expressions import When, document_date, nearest_date, sentence_dates
from lint.text.transliteration import spelling, tokens

# -- names ------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Extracted:
    """Everything KZ5 needs from one document."""

    names: list[list] = field(default_factory=list)  # [surface, skeleton, line, col, end_line, end_col, count]
    claims: list[dict] = field(default_factory=list)
    date: When = When()


def _span(doc: Document, start: int, end: int) -> list[int]:
    line, column = doc.position(start)
    end_line, end_column = doc.position(end)
    return [line, column, end_line, end_column]


def extract(doc: Document, index: NameIndex, lexicon: Any) -> Extracted:
    """Names, dated and placed figure claims of one document (memoised on the document)."""
    cached = doc.__dict__.get("_kz5_extracted")
    if cached is not None:
        return cached
    result = Extracted()
    result.date = document_date(doc)
    runs_by_sentence = capitalised_runs(doc, [(link.start, link.end) for link in doc.links])
    result.names = _names(doc, index, runs_by_sentence)
    if lexicon is not None:
        result.claims = _claims(doc, index, lexicon, runs_by_sentence, result.date)
    doc.__dict__["_kz5_extracted"] = result
    return result


def _names(doc: Document, index: NameIndex, runs_by_sentence: list[list[Run]]) -> list[list]:
    """Name mentions, one entry per spelling with its first position and count.

    Multi-word names (hyphens count: 'Nur-Sultan') are kept as written; a single word is kept
    when the `names:` settings know its key (a place or a preferred spelling) or a place noun
    follows it ('the Mangistau region').
    """
    seen: dict[str, list] = {}
    known = index.preferred_by_key

    def add(start: int, end: int, key: str) -> None:
        surface = doc.prose[start:end]
        written = spelling(surface)
        if written in seen:
            seen[written][-1] += 1
        else:
            seen[written] = [surface, key, *_span(doc, start, end), 1]

    for runs in runs_by_sentence:
        for run in runs:
            words = run.name
            start, end = words[0][0], words[-1][1]
            surface = doc.prose[start:end]
            several = len(words) >= 2 or (("-" in surface or "‐" in surface) and len(tokens(surface)) >= 2)
            if several and surface.upper() != surface:
                add(start, end, run.key())
                for i, j, key in run.parts(index):
                    if (i, j) != (0, len(words)) and key in known:
                        add(words[i][0], words[j - 1][1], key)
            elif len(words) == 1 and (run.key() in known or (run.after in PLACE_NOUNS and len(surface) > 3)):
                add(start, end, run.key())
            else:
                for i, j, key in run.parts(index):
                    if key in known:
                        add(words[i][0], words[j - 1][1], key)
    return list(seen.values())


# -- figure claims ------------------------------------------------------------------------------

# "eight of the detainees", "nearly 400 of them": a part of a group counted elsewhere, not a total
_PARTITIVE = re.compile(r"[\"”’]?\s+of\s+(?:the|them|those|these|whom|which|its|their)\b", re.I)
_SKIPPED_SECTIONS = re.compile(r"^(?:related|see also|read more|more on this|most (?:viewed|read)|"
                               r"related (?:stories|articles|links)|sources?|further reading|recommended)\b", re.I)


def _claims(doc: Document, index: NameIndex, lexicon: Any, runs_by_sentence: list[list[Run]],
            date: When) -> list[dict]:

    figures = [f for f in find_figures(doc, lexicon) if f.measure]
    if not figures:
        return []
    sentences = doc.sentences
    with_figures = {figure.sentence for figure in figures}
    places_by_sentence = [places_in(doc, runs, index, gazetteer_only=number not in with_figures)
                          for number, runs in enumerate(runs_by_sentence)]
    dominant = dominant_places(places_by_sentence, index)
    title_places = places_of_text(doc, doc.title, index)
    section_places: dict[str, list[str]] = {doc.title: title_places}  # the headline often heads every block
    claims = []
    previous = None
    sentence_seen, places, dates, starts = -1, [], [], []
    for figure in figures:
        sentence = sentences[figure.sentence]
        subject = figure.subject
        if not subject and previous is not None and previous.sentence == figure.sentence:
            subject = previous.subject  # "12 police officers were killed and 353 (officers) injured"
        previous = figure
        block = doc.blocks[sentence.block]
        if _SKIPPED_SECTIONS.match(block.section or "") and block.kind != "heading":
            continue
        if block.section not in section_places:
            section_places[block.section] = places_of_text(doc, block.section, index)
        context = [*section_places[block.section], *title_places, *dominant]
        if figure.sentence != sentence_seen:  # a sentence may hold thousands of figures: once each
            sentence_seen = figure.sentence
            places = claim_places(places_by_sentence[figure.sentence], context, index)
            dates = sentence_dates(doc.prose[sentence.start:sentence.end])
            starts = [start for start, *_ in dates]
        partitive = bool(_PARTITIVE.match(doc.prose, figure.quantity_end))
        when, explicit = nearest_date(dates, starts, figure.start - sentence.start, date)
        claims.append({
            "measure": figure.measure,
            "subject": subject or "",
            "low": _finite(figure.low),
            "high": _finite(figure.high),
            "low_open": bool(figure.low_open),
            "high_open": bool(figure.high_open),
            "text": " ".join(doc.text[figure.start:figure.end].split())[:120],
            "span": _span(doc, figure.start, figure.end),
            "places": [[p, index.is_specific(p)] for p in places[:12]],
            "when": when.to_json(),
            "dated_in_sentence": explicit,
            "partitive": partitive,
        })
    return claims


def _finite(value: float | None) -> float | None:
    """Infinity is not JSON: an unbounded end is None."""
    if value is None or value == float("inf") or value == float("-inf"):
        return None
    return float(value)


