"""The events of one document, for its figures: the article's date, what it is about, where each
figure happened (a place scope from the gazetteer) and when — once per document.

`DocumentEvents(doc, ...)` is built lazily: an article without figures pays for nothing. For a
figure it gives the JSON-able event fields a claim carries (`claim_fields`) and answers KZ301's
questions (`settled`, `agent_is_source`, `attributed_next`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from functools import cached_property
from typing import Any

from lint.facts import events as ev

# -- places -----------------------------------------------------------------------------------------

# Several countries: a continent or ocean, "the region", "11 countries", "worldwide".
_SEVERAL_COUNTRIES = re.compile(
    r"\b(?:(?:(?:south|southern|south-east|southeast|south east|east|eastern|west|western|north|northern|"
    r"north-east|central)\s+(?:and\s+(?:south|southern|south-east|southeast|east|eastern|west|western|north|"
    r"northern)\s+)?)?(?:Asia|Africa|Europe|America|Americas)|Asian|the\s+Indian\s+Ocean|Indian\s+Ocean|the\s+"
    r"Pacific|the\s+Atlantic|the\s+Caribbean|the\s+Middle\s+East|the\s+Balkans|the\s+Sahel|across\s+the\s+region|"
    r"around\s+the\s+region|throughout\s+the\s+region|in\s+the\s+region|(?:\d+|two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve|several|a\s+dozen)\s+(?:countries|nations)|worldwide|globally|around\s+the\s+world|"
    r"across\s+the\s+globe|across\s+the\s+world)\b")
_CAPITALISED_RUN = re.compile(r"(?<![\w’'-])[A-Z][\w’'.-]*(?:\s+(?:of\s+|de\s+|del\s+|al-|el-)?[A-Z][\w’'.-]*)*")
_POSSESSIVE = re.compile(r"[’']s?$")
_PREPOSITIONS = frozenset("in at near outside around across from to of into throughout within".split())
_DEMONYM = re.compile(r"(?:an|ian|ean|ese|ish|i|ic|ch)$")
_LEADING = frozenset("""
the a an and or but in at on of for from to by with as after before since during while when where which who
this that these those it its he she they we his her their our there here then now yesterday today last
president minister prime foreign secretary mr mrs ms dr sir lord lady king queen prince princess general
police army state city province region district county north south east west northern southern eastern
western central greater upper lower new old saint st mount lake river port
""".split())
_NOT_PLACES = frozenset("""
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december god christmas easter
""".split())


class Places:
    """Place look-ups for event scopes: the world gazetteer (lint.reference.gazetteer) with the
    config's own places layered over it, or the config's places alone when it is not installed.
    `key(name)` is a path: 'KZ', 'KZ.09', 'KZ.09.zhanaozen' (country, region, town)."""

    def __init__(self, gazetteer: Any = None, chain: Callable[[str], list[str]] | None = None) -> None:
        self.gazetteer = gazetteer
        self.chain = chain  # fallback: the config gazetteer's place -> containing places

    def key(self, name: str, context: str = "") -> str | None:
        name = _POSSESSIVE.sub("", name.strip())
        if not name or name.lower() in _NOT_PLACES:
            return None
        if self.gazetteer is not None:
            found = self.gazetteer.lookup(name)
            if not found:
                return None
            if self.gazetteer.is_word(name) and context not in _PREPOSITIONS:
                return None
            place = found[0]
            if place.kind == "city" and _DEMONYM.search(name.lower()) and context == "adjective":
                return None
            return _place_key(place)
        if self.chain is not None:
            chain = self.chain(name)
            if chain:
                return ".".join(reversed([c.lower() for c in chain]))
        return None


def _place_key(place: Any) -> str:
    if place.kind == "country":
        return place.country
    if place.kind == "admin1":
        return f"{place.country}.{place.admin1}"
    return f"{place.country}.{place.admin1}.{place.name.lower()}"


def _word_before(text: str, start: int) -> str:
    match = re.search(r"([A-Za-z]+)\W*$", text[max(0, start - 20):start])
    return match.group(1).lower() if match else ""


def places_in(text: str, places: Places, last: bool = False) -> list[str]:
    """Place keys named in `text` ('*' for several countries), most specific first; with `last`,
    only the place named last (the noun a relative clause after `text` hangs on)."""
    keys: list[str] = []
    positions: list[tuple[int, str]] = []
    wide = [m.span() for m in _SEVERAL_COUNTRIES.finditer(text)]
    if wide:
        keys.append("*")
        positions.append((wide[-1][1], "*"))
    for match in _CAPITALISED_RUN.finditer(text):
        if any(a < match.end() and match.start() < b for a, b in wide):
            continue
        words = match.group().split()
        # drop leading titles and function words ("President", "The", "In"): "In Zhanaozen" -> "Zhanaozen"
        while words and words[0].lower().strip("’'") in _LEADING and len(words) > 1:
            words = words[1:]
        if not words or (len(words) == 1 and words[0].lower() in _LEADING):
            continue
        name = " ".join(words)
        after = text[match.end():match.end() + 2]
        context = _word_before(text, match.start())
        if len(words) == 1 and re.match(r" [a-z]", after) and _DEMONYM.search(words[0].lower()):
            context = "adjective"  # "American tourists", "Thai capital": a nationality, not a place
        key = places.key(name, context)
        if key is None and len(words) > 1:
            key = places.key(words[-1], context) if words[-1] not in ("Ocean", "Sea") else None
        if key is not None:
            positions.append((match.end(), key))
            if key not in keys:
                keys.append(key)
    if last and positions:
        return [max(positions)[1]]
    return _most_specific(keys)


def _most_specific(keys: list[str]) -> list[str]:
    """Several countries ('ID', 'LK') make '*'; a place and a place inside it keep the inner one first."""
    if not keys:
        return []
    countries = {k.split(".")[0] for k in keys if k != "*"}
    if len(countries) >= 2 or ("*" in keys and not countries):
        return ["*"]
    ordered = sorted((k for k in keys if k != "*"), key=lambda k: -k.count("."))
    inner = ordered[0]
    return [inner] + [k for k in ordered[1:] if inner.startswith(k + ".") or k == inner.split(".")[0]]


def scope_keys(scope: Sequence[str]) -> list[str]:
    """The keys a scope meets others by: itself and its containers below country level (a town
    meets its province; a country meets only the country)."""
    if not scope:
        return []
    first = scope[0]
    parts = first.split(".")
    return [".".join(parts[:n]) for n in range(len(parts), 1 if len(parts) > 1 else 0, -1)]


# -- one document -----------------------------------------------------------------------------------


class DocumentEvents:
    """Event context of one document (everything computed on first use)."""

    def __init__(self, doc: Any, lexicon: ev.EventLexicon | None = None, places: Places | None = None) -> None:
        self.doc = doc
        self.lexicon = lexicon or ev.EventLexicon.default()
        self.places = places or Places()

    # -- time ----------------------------------------------------------------------------------------
    @cached_property
    def date(self) -> ev.Time | None:
        doc = self.doc
        head = [doc.text[b.start:b.end] for b in doc.blocks[:4]]
        urls = [link.url for link in getattr(doc, "links", [])][:40]
        return ev.document_date(doc.front_matter, doc.path, head, urls)

    @cached_property
    def bound(self) -> ev.Time | None:
        """The latest date the article writes out: it is no older."""
        return ev.latest_date(self.doc.prose) if self.date is None else self.date

    @cached_property
    def _sentence_dates(self) -> list[list[ev.DateMention]]:
        """Dates of every sentence, 'N months later' resolved against the narrative so far."""
        out: list[list[ev.DateMention]] = []
        previous: ev.Time | None = None
        for sentence in self.doc.sentences:
            text = self.doc.prose[sentence.start:sentence.end]
            found = ev.parse_dates(text, self.date, previous) if _MAY_HAVE_DATE.search(text) else []
            out.append(found)
            for mention in found:
                if mention.time is not None and mention.time.known:
                    previous = mention.time
        return out

    def narrative_time(self, index: int) -> ev.Time | None:
        """The time the story was telling of before sentence `index`: the last date written in the
        preceding sentences (a date of the article's present, 'on Friday', ends the past)."""
        dates = self._sentence_dates
        for j in range(index - 1, max(-1, index - 6), -1):
            if dates[j]:
                last = dates[j][-1]
                if last.kind in ("weekday", "relative", "md", "dm", "holiday") and not (last.time and last.time.known):
                    return None
                return last.time if last.time is not None and last.time.known else None
        return None

    @cached_property
    def anniversary(self) -> bool:
        """The article marks the anniversary of an event at least a year old ('the 60th anniversary')."""
        doc = self.doc
        head = " ".join(doc.prose[b.start:b.end] for b in doc.blocks[:3])
        return bool(_ANNIVERSARY.search(head))

    # -- what ----------------------------------------------------------------------------------------
    @cached_property
    def kinds(self) -> list[str]:
        """The event types the article is about (for generic nouns and figures without one)."""
        title = getattr(self.doc, "title", "") or ""
        mentions = ev.event_mentions(self.doc.prose, self.lexicon)
        return ev.dominant_kinds([*mentions, *ev.event_mentions(title, self.lexicon)], self.lexicon)

    @cached_property
    def _dated_kinds(self) -> dict[str, list[ev.Time]]:
        """Event type -> dates written next to a mention of it ('the 1981 Brixton riots',
        'the Hatfield rail crash in 2000')."""
        out: dict[str, list[ev.Time]] = {}
        prose = self.doc.prose
        for sentence, dates in zip(self.doc.sentences, self._sentence_dates):
            known = [d for d in dates if d.time is not None and d.time.known and d.explicit_year]
            if not known:
                continue
            text = prose[sentence.start:sentence.end]
            for mention in ev.event_mentions(text, self.lexicon):
                near = [d for d in known if -25 <= mention.start - d.end <= 25 or -12 <= d.start - mention.end <= 12]
                for d in near:
                    out.setdefault(mention.kind, []).append(d.time)
        return out

    # -- where ---------------------------------------------------------------------------------------
    @cached_property
    def context_scope(self) -> list[str]:
        """The place the article is about: the most specific place named at least twice (the
        headline's counting double), else the headline's place."""
        doc = self.doc
        counts: Counter[str] = Counter()
        title = getattr(doc, "title", "") or ""
        for key in places_in(title, self.places):
            counts[key] += 2
        for sentence in doc.sentences:
            for key in places_in(doc.prose[sentence.start:sentence.end], self.places):
                counts[key] += 1
        if not counts:
            return []
        specific = {k: n for k, n in counts.items() if "." in k and n >= 2}
        pool = specific or {k: n for k, n in counts.items() if n >= 2}
        if not pool:
            return []
        top = max(pool.values())
        best = sorted(k for k, n in pool.items() if n == top)
        return [best[0]] if len(best) == 1 else []

    def _scope(self, sentence_text: str, event: ev.FigureEvent) -> tuple[list[str], bool]:
        start, end = event.clause
        own = places_in(sentence_text[start:end], self.places)
        if not own and re.match(r"\s*(?:,\s*)?(?:which|that|who|where|when)\b", sentence_text[start:end], re.I):
            own = places_in(sentence_text[:start], self.places, last=True)
        if not own and not event.reference:
            own = places_in(sentence_text, self.places)
        context = self.context_scope
        if not own:
            return list(context), False
        if context and own[0] != "*" and context[0].startswith(own[0] + "."):
            return [context[0], *own], True  # "in Kazakhstan" in an article about Zhanaozen
        return own, True

    # -- one figure ----------------------------------------------------------------------------------
    def figure_event(self, figure: Any) -> ev.FigureEvent:
        sentence = self.doc.sentences[figure.sentence]
        text = self.doc.prose[sentence.start:sentence.end]
        mentions = ev.event_mentions(text, self.lexicon)
        kinds = self.kinds if (not mentions or all(not m.kind for m in mentions)) else ()
        return ev.figure_event(text, figure.quantity_start - sentence.start, self.date, kinds, self.lexicon,
                               mentions, self._sentence_dates[figure.sentence])

    def claim_fields(self, figure: Any) -> dict:
        """The event fields of a claim: kinds, scope, the time of the event when its clause dates it,
        the article's date, whether it counts another, earlier event, and the sentence."""
        event = self.figure_event(figure)
        sentence = self.doc.sentences[figure.sentence]
        text = self.doc.prose[sentence.start:sentence.end]
        scope, own = self._scope(text, event)
        era = self.narrative_time(figure.sentence) if not event.dated else None
        return {
            "kinds": list(event.kinds),
            "scope": scope[:3],
            "own_scope": own,
            "era": era.to_json() if era is not None else None,
            "time": event.time.to_json() if event.dated and event.time is not None else None,
            "report": self.date.to_json() if self.date is not None else None,
            "bound": self.bound.to_json() if self.date is None and self.bound is not None else None,
            "reference": event.reference,
            "sentence": figure.sentence,
        }

    # -- KZ301 ---------------------------------------------------------------------------------------
    def settled(self, figure: Any) -> bool:
        """The figure counts a past, settled event: its clause is in the simple past and the event
        is dated (in its clause, by a dated mention of the same kind of event, or by the narrative
        before it) a year or more before the article, or to a bare year or decade; or the article
        marks an anniversary and the figure's sentence has no date of its own."""
        event = self.figure_event(figure)
        sentence = self.doc.sentences[figure.sentence]
        text = self.doc.prose[sentence.start:sentence.end]
        clause = text[event.clause[0]:event.clause[1]]
        if not ev.simple_past(clause):
            return False
        current = [d for d in self._sentence_dates[figure.sentence] if d.kind in ("weekday", "relative")]
        if current:
            return False
        candidates: list[ev.Time] = []
        if event.time is not None and event.time.known and (event.dated or event.reference):
            candidates = [event.time]
        elif event.dated:
            return False  # dated, but without a year ("on 26 December")
        else:
            for kind in event.kinds:
                candidates.extend(self._dated_kinds.get(kind, []))
            if not candidates:
                narrative = self.narrative_time(figure.sentence)
                if narrative is not None:
                    candidates = [narrative]
        if candidates:
            return all(ev.settled(t, self.date, self.bound) for t in candidates)
        return self.anniversary and not self._sentence_dates[figure.sentence]

    def agent_is_source(self, figure: Any) -> bool:
        sentences = self.doc.sentences
        sentence = sentences[figure.sentence]
        prose = self.doc.prose
        before = prose[sentence.start:figure.quantity_start]
        after = prose[figure.end:sentence.end]
        preceding = [prose[s.start:s.end] for s in sentences[max(0, figure.sentence - 2):figure.sentence]
                     if s.block == sentence.block]
        return ev.agent_is_source(figure.measure, before, after, preceding)

    def next_sentence(self, index: int) -> str | None:
        """The sentence after `index` when it opens the next paragraph (or follows in this one)."""
        sentences = self.doc.sentences
        if index + 1 >= len(sentences):
            return None
        following = sentences[index + 1]
        return self.doc.prose[following.start:following.end]


_MAY_HAVE_DATE = re.compile(r"\d|day\b|\b(?:yesterday|today|tonight|last|this|previous|earlier|ago|later|Jan|Feb|Mar|"
                            r"Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|twenties|thirties|forties|fifties|sixties|"
                            r"seventies|eighties|nineties|Halloween)", re.I)
_ANNIVERSARY = re.compile(r"\b(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
                          r"tenth|twentieth|twenty-fifth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|"
                          r"eightieth|hundredth|centenary|one-year|\w+-year)\s+anniversary\b|\banniversary\s+of\b",
                          re.I)
