"""What a document claims, in a form documents can be compared by: names, places, times, figures.

Everything here runs once per document and returns JSON-able facts (the cache stores them),
each with its own position, so the corpus rules (KZ5) compare documents without reading them
again. Figures come from `lint.facts.figures` (shared with KZ301); this module adds the event each
figure belongs to (lint.facts.event_facts): what happened (kinds of event), where (a place scope
from places.py: the clause's places, else the place the article is about) and when (dates written
in the figure's clause, else the article's date; time_expressions.py). Names come from the
capitalised runs of name_runs.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from lint.core.document import Document
from lint.facts.figures import Figure, find_figures, parse_quantity  # link labels (other articles' headlines) are skipped there
from lint.facts.name_runs import Run, capitalised_runs
from lint.facts.names import NameIndex
from lint.facts.event_facts import document_events
from lint.facts.events import EventLexicon, event_mentions
from lint.facts.places import PLACE_NOUNS, places_for
from lint.reference.wordlists import zipf_frequency
from lint.text.page_furniture import on_furniture
from lint.text.phrases import normalise
from lint.text.transliteration import skeleton, spelling, tokens
from lint.text.transliteration_rules import bucket_key

# -- names ------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Extracted:
    """Everything KZ5 needs from one document."""

    names: list[list] = field(default_factory=list)  # [surface, skeleton, line, col, end_line, end_col, count]
    claims: list[dict] = field(default_factory=list)


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
    runs_by_sentence = capitalised_runs(doc, [(link.start, link.end) for link in doc.links])
    result.names = _names(doc, index, runs_by_sentence)
    if lexicon is not None:
        result.claims = _claims(doc, index, lexicon)
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

    for sentence, runs in zip(doc.sentences, runs_by_sentence, strict=True):
        contrasted = _contrasted(doc.prose, runs) if len(runs) > 1 else ()
        for run in runs:
            words = run.name
            start, end = words[0][0], words[-1][1]
            surface = doc.prose[start:end]
            several = len(words) >= 2 or (("-" in surface or "‐" in surface) and len(tokens(surface)) >= 2)
            if start in contrasted:
                continue
            if several and surface.upper() != surface:
                add(start, end, run.key())
                if len(words) >= 3 and _opens_sentence(doc.prose, sentence.start, start) and _is_word(words[0].lower):
                    add(words[1][0], end, run.key(1))  # 'Survivor Jospin Mboyi said': maybe a role noun before a name
                for i, j, key in run.parts(index):
                    if (i, j) != (0, len(words)) and key in known:
                        add(words[i][0], words[j - 1][1], key)
            elif len(words) == 1:  # its only part is itself, and its key the word's skeleton
                key = skeleton(surface)
                if key in known or (len(surface) > 3 and run.after in PLACE_NOUNS):
                    add(start, end, key)
            else:
                for i, j, key in run.parts(index):
                    if key in known:
                        add(words[i][0], words[j - 1][1], key)
    return list(seen.values())


def _opens_sentence(prose: str, sentence_start: int, start: int) -> bool:
    """The name is the sentence's first word (after quotes or a bracket): its capital says nothing."""
    return not prose[sentence_start:start].strip(" \"“‘'([")


def _is_word(lower: str) -> bool:
    """An English word ('firefighter', 'survivor', 'villager'), not only a name ('Jospin')."""
    return zipf_frequency(lower) >= COMMON_WORD_ZIPF


COMMON_WORD_ZIPF = 2.5


CONTRAST_GAP = 40  # two spellings of one name this close in a sentence are set side by side on purpose


def _contrasted(prose: str, runs: list[Run]) -> set[int]:
    """Starts of the names a sentence sets beside another spelling of themselves ("He is Eoin Murphy,
    not Eoin Murphey", "Zelensky, also spelled Zelenskyy"): a correction or a gloss names both on
    purpose, and neither is a slip for KZ502. Only names of two words or more sharing a first or last
    word are compared (bucket_key is dear)."""
    names = [(run.name[0][0], run.name[-1][1]) for run in runs if len(run.name) >= 2]
    found: set[int] = set()
    for (start, end), (start2, end2) in pairwise(names):
        first, second = prose[start:end], prose[start2:end2]
        if first == second or not 0 <= start2 - end <= CONTRAST_GAP:
            continue
        a, b = first.split(), second.split()
        if (a[0] == b[0] or a[-1] == b[-1]) and bucket_key(spelling(first)) == bucket_key(spelling(second)):
            found.update((start, start2))
    return found


# -- figure claims ------------------------------------------------------------------------------

# "eight of the detainees", "nearly 400 of them": a part of a group counted elsewhere, not a total;
# not "179 of the 181 people on board", "90 of its 200 residents": a toll out of a whole it states
_PARTITIVE = re.compile(r"[\"”’]?\s+of\s+(?:them|those|these|whom|which|(?:the|its|their)\b(?!\s+\d))\b", re.I)
# a sentence that opens on the count before it: "Among them, 24 people died in Wajima, 29 in Suzu",
# "Of the dead, 323 were Egyptians", "Among the dead were 658 Egyptians"
_SUBSET_OPENING = re.compile(r"\s*(?:among|of)\s+(?:them|those|these|the\s+(?:dead|victims|injured|wounded|"
                             r"casualties|missing|bodies|fatalities|deceased))\b", re.I)
# a count of some of those the figure before it counts: "killed at least 50 people, including five children"
_SUBSET_BEFORE = re.compile(r"\b(?:including|among\s+them|of\s+whom)\s+$", re.I)
# "four more deaths", "12 new cases": an increment on a count, never a toll of its own
_INCREMENT = re.compile(r"\s+(?:more|additional|further|new)\b", re.I)
# "... eight men were killed at the bar. Three others died": more of the measure just counted (but
# "34 Britons died, with 220 others missing" counts a measure of its own)
_OTHERS = re.compile(r"\s+others\b", re.I)
# "In Kerr County alone, 43 people were killed": a place's share of a wider toll
_ALONE = re.compile(r"\balone\b", re.I)
# "193 people were killed after two boat accidents", "in separate attacks": a sum over events
# (not "a series of landslides": one disaster's)
_EVENT_COUNT = re.compile(r"\b(?:two|three|four|five|six|seven|eight|nine|ten|separate)\s+"
                          r"(?:(?!(?:in|of|by|on|at|and|or|were|was|people|more)\b)[\w-]+\s+)?([a-z]+?)(?:e?s)\b", re.I)


# "... in road accidents in the country in the last solar year", "so far this year", "each year": a year's total
# (not "a year ago", "a year after the quake")
_YEAR_TOTAL = re.compile(r"\b(?:in|over|during)\s+the\s+(?:last|past|previous)\s+(?:(?:solar|calendar|financial|fiscal)\s+)?"
                         r"year\b|\bso\s+far\s+this\s+year\b|\bsince\s+the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+year\b"
                         r"|\b(?:each|every|per)\s+year\b", re.I)


def _several_events(sentence: str, lexicon: EventLexicon) -> bool:
    """The sentence counts over several events: a number of them, their word in the plural."""
    for match in _EVENT_COUNT.finditer(sentence):
        stem = match.group(1)
        if any(event_mentions(word, lexicon) for word in (stem, stem + "e")):
            return True
    return False


# where a part of a toll was counted, named right after its figure: those aboard a crash's plane and those
# on the ground, those who died at the scene and those in hospital (the kind of part, by its group)
_PART_OF_TOLL = re.compile(
    r"\b(?:(?P<aboard>on\s+board|aboard|onboard)|(?P<ground>on\s+the\s+ground)|(?P<scene>at\s+the\s+scene|on\s+the\s+spot)"
    r"|(?P<hospital>(?:being\s+)?treated\s+(?:at|in)\b|are\s+being\s+treated|in\s+hospitals?\b|"
    r"(?:receiving|under|undergoing)\s+treatment\b|"
    r"on\s+(?:the|their)\s+way\s+to\s+(?:the\s+)?hospital))", re.I)
# "Earlier this week the toll stood at 2,056", "Officials initially said 12 died": a count the
# article itself tells is superseded, an earlier snapshot, not one it stands by
_EARLIER_COUNT = re.compile(r"\b(?:earlier|previously|initially|originally|at first|"
                            r"had\s+(?:put|reported|given|announced|confirmed|counted|recorded|estimated|said|stood))\b", re.I)
# a number the article denies: "212 arrests, not 40,000", "police did not arrest 40,000 people"
_DENIED = re.compile(r"(?:,\s*not|\b(?:did|do|does|has|have|had)\s+not\s+(?:kill|arrest|injure|detain|evacuate)\w*)"
                     r"\s+(\d{1,3}(?:,\d{3})+|\d+)\b(?![.,]\d)")
# "Seven people died at the bowling alley ... and eight men were killed at the bar": two counts of one
# measure joined in one sentence are the parts of a toll (not two sources' counts: "said", "while";
# nor a revision: "rose from 7 to 8")
_JOINED_PARTS = re.compile(r"\band\b", re.I)
_NOT_PARTS = re.compile(r"\b(?:said|says|told|according|reported|put|puts|while|whereas|but|from|to|up|down|"
                        r"rose|risen|raised|revised|not|or)\b", re.I)
# "The 58 passengers and four crew died": the count of one group of those the verb counts, the others named beside it
_ANOTHER_GROUP = re.compile(r"\band\s+(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                            r"[a-z]+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a\s+dozen|dozens)\b)", re.I)
# "left 26 people dead, including the five attackers": a toll the attackers are counted in (others count
# the victims only): the words after "including" and the number are read against the attackers' nouns
_INCLUDING = re.compile(r",?\s*including\s+(?:the\s+)?(?P<n>[\w-]+)\s+(?P<who>[a-z]+(?:\s+[a-z]+)?)\b", re.I)
_SKIPPED_SECTIONS = re.compile(r"^(?:related|see also|read more|more on this|most (?:viewed|read)|"
                               r"related (?:stories|articles|links)|sources?|further reading|recommended)\b", re.I)


# The figure claims one document gives the corpus rules: the first 2,000. A news article has a few
# (at most 7 in the 2,870 documents of the dev, scraped and benchmark corpora); a file of 20 MB of
# figures has 500,000, each takes ~3 KB in memory wherever claims are held (1.5 GB), and the claims
# of one file are compared pairwise: 2,000 instead of 5,000 take 5.6 s off the CPU time of 10 MB of prose.
MAX_CLAIMS = 2000


def _claims(doc: Document, index: NameIndex, lexicon: Any) -> list[dict]:
    figures = [f for f in find_figures(doc, lexicon) if f.measure]
    if figures:  # a teaser of another story (a furniture line) is not this article's claim
        figures = [f for f in figures if not on_furniture(doc, f.start)]
    if not figures:
        return []
    del figures[MAX_CLAIMS:]  # see MAX_CLAIMS
    lexicon_events = EventLexicon.of(lexicon.events)
    events = document_events(doc, lexicon_events, places_for(index))
    sentences = doc.sentences
    so_far = {normalise(word) for word in lexicon.counts_so_far}
    attackers = {normalise(word) for word in lexicon.subjects.get("attackers", ())}
    claims = []
    previous = None
    for figure in figures:
        sentence = sentences[figure.sentence]
        subject = figure.subject
        if not subject and previous is not None and previous.sentence == figure.sentence:
            subject = previous.subject  # "12 police officers were killed and 353 (officers) injured"
        joined = _joined_part(doc.prose, previous, figure)
        more_of_the_same = previous is not None and previous.measure == figure.measure \
            and bool(_OTHERS.match(doc.prose, figure.quantity_end))
        previous = figure
        block = doc.blocks[sentence.block]
        if _SKIPPED_SECTIONS.match(block.section or "") and block.kind != "heading":
            continue
        claims.append({
            "measure": figure.measure,
            "subject": subject or "",
            "low": _finite(figure.low),
            "high": _finite(figure.high),
            "low_open": bool(figure.low_open),
            "high_open": bool(figure.high_open),
            "text": " ".join(doc.text[figure.start:figure.end].split())[:120],
            "span": _span(doc, figure.start, figure.end),
            "partitive": more_of_the_same or part_of_a_count(doc, figure),
            **events.claim_fields(figure),  # what, where, when: kinds, scope, place, time, report ...
        })
        if _ALONE.search(doc.prose, sentence.start, sentence.end):
            claims[-1]["share"] = True
        if _EARLIER_COUNT.search(doc.prose, sentence.start, figure.start):
            claims[-1]["earlier"] = True
        if _several_events(doc.prose[sentence.start:sentence.end], lexicon_events):
            claims[-1]["events"] = True
        if _YEAR_TOTAL.search(doc.prose, sentence.start, sentence.end):
            claims[-1]["period"] = True  # a year's total of many events: no toll of one
        # a part of the toll, more may come on top: "all 260 people on board" (the ground's dead), "150 bodies recovered"
        if normalise(doc.prose[figure.measure_start:figure.measure_end]) in so_far:
            claims[-1]["subtotal"] = "found"
        elif part := _PART_OF_TOLL.search(doc.prose, figure.quantity_end, min(figure.end + 40, sentence.end)):
            claims[-1]["subtotal"] = part.lastgroup
        if joined:
            for claim in claims[-2:]:
                claim.setdefault("subtotal", "breakdown")
        elif figure.measure_start > figure.quantity_end and _ANOTHER_GROUP.search(
                doc.prose, figure.quantity_end, figure.measure_start):
            claims[-1].setdefault("subtotal", "breakdown")
        if attackers and (counted := _attackers_counted(doc.prose, figure, sentence.end, attackers, lexicon)):
            claims[-1]["low"] = max(0.0, claims[-1]["low"] - counted)  # the victims alone, or all the dead
    _superseded_entries(claims, events)
    denied = {float(number.replace(",", "")) for number in _DENIED.findall(doc.prose)} if "not " in doc.prose else ()
    for claim in claims:
        if claim["low"] in denied and claim["low"] == claim["high"]:
            claim["denied"] = True  # "The police reported 212 arrests, not 40,000": 40,000 is refuted, not claimed
    return claims


def _attackers_counted(prose: str, figure: Figure, end: int, attackers: set[str], lexicon: Any) -> float:
    """How many attackers a toll says it counts ("26 people dead, including the five attackers"), or 0."""
    found = _INCLUDING.match(prose, figure.end, end)
    if found is None or not any(normalise(found.group("who")).startswith(noun) for noun in attackers):
        return 0.0
    quantity = parse_quantity(found.group("n"), lexicon)
    return quantity[0] if quantity and quantity[0] == quantity[1] else 0.0


def _joined_part(prose: str, previous: Figure | None, figure: Figure) -> bool:
    """The figure and the one before it count one measure in one sentence, joined by "and": parts of a toll."""
    if previous is None or previous.sentence != figure.sentence or previous.measure != figure.measure:
        return False
    between = prose[previous.end:figure.quantity_start]
    return bool(_JOINED_PARTS.search(between)) and not _NOT_PARTS.search(between)


def part_of_a_count(doc: Document, figure: Figure) -> bool:
    """The figure counts some of those a count before it counts: "Three of the deaths", "Of the dead,
    323 were Egyptians", "killed at least 50 people, including five children", or adds to it: "13
    more bodies"."""
    start = doc.sentences[figure.sentence].start
    return bool(_PARTITIVE.match(doc.prose, figure.quantity_end)
                or _INCREMENT.match(doc.prose, figure.quantity_end)
                or _SUBSET_OPENING.match(doc.prose, start, figure.start)
                or _SUBSET_BEFORE.search(doc.prose, max(start, figure.start - 24), figure.start))


def _superseded_entries(claims: list[dict], events: Any) -> None:
    """In a live blog, a count told in an entry stamped earlier than another entry's count of the same
    measure is an earlier snapshot (the blog updated it): not the toll the blog stands by."""
    minute_of: dict[int, int | None] = {}
    for claim in claims:
        entry = claim.get("entry", -1)
        if entry >= 0 and entry not in minute_of:
            minute_of[entry] = events.entry_minute(entry)
    latest: dict[str, int] = {}
    for claim in claims:
        minute = minute_of.get(claim.get("entry", -1))
        if minute is not None:
            latest[claim["measure"]] = max(latest.get(claim["measure"], minute), minute)
    for claim in claims:
        minute = minute_of.get(claim.get("entry", -1))
        if minute is not None and minute < latest[claim["measure"]]:
            claim["earlier"] = True


def _finite(value: float | None) -> float | None:
    """Infinity is not JSON: an unbounded end is None."""
    if value is None or value == float("inf") or value == float("-inf"):
        return None
    return float(value)


