"""The events of one document, for its figures: the article's date, what it is about, where each
figure happened (a place scope from the gazetteer) and when — once per document.

`DocumentEvents(doc, ...)` is built lazily: an article without figures pays for nothing. For a
figure it gives the JSON-able event fields a claim carries (`claim_fields`) and answers KZ301's
questions (`settled`, `agent_is_source`, `attributed_next`).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import cached_property
from typing import Any

from lint.core.document import front_matter_key
from lint.facts import events as ev
from lint.facts.places import Places, places_in
from lint.facts.time_expressions import BYLINE_BLOCKS

# a time of day opening a paragraph: a live blog's entry ("10:40 KST", "9.15am", "14:02 GMT")
_ENTRY_TIME = re.compile(r"\W{0,4}(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?(?![\w:.]\d)")
_ENTRY_CLOCK = re.compile(r"\W{0,4}([01]?\d|2[0-3])[:.]([0-5]\d)(?:\s*([ap])\.?m\b)?", re.I)  # its hour, minute, am/pm
_STORM_WORDS = ("urricane", "yphoon", "yclone", "torm")
# "Typhoon Marce", "severe tropical storm Kristine" (not "the storm Friday")
_NAMED_STORM = re.compile(r"\b(?i:(?:super\s+)?(?:hurricane|typhoon|cyclone|(?:tropical\s+|winter\s+)?storm))\s+"
                          r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
                          r"May|June|July|August|September|October|November|December)\b)([A-Z][a-z]{2,})\b")
from lint.text.own_site import article_url_keys

# -- one document -----------------------------------------------------------------------------------

# What an article is about (its events, its place, the dates its event words carry) is read from
# its first CONTEXT_CHARS characters: the whole of any article (the longest of the dev, scraped and
# benchmark corpora has 102,000). A file of megabytes is no one article: reading all of it for its
# context took 4 of the 32 s of a 20 MB file of figures, for a context that is no truer.
CONTEXT_CHARS = 200_000


class DocumentEvents:
    """Event context of one document (everything computed on first use)."""

    def __init__(self, doc: Any, lexicon: ev.EventLexicon | None = None, places: Places | None = None) -> None:
        self.doc = doc
        self.lexicon = lexicon or ev.EventLexicon.default()
        self.places = places or Places()
        self.names: dict[str, str] = {}  # place key -> the name as the article writes it
        self._sure_countries: frozenset[str] | None = None  # see _countries

    # -- live blogs ------------------------------------------------------------------------------------
    @cached_property
    def entries(self) -> list[int]:
        """The blocks that open a live blog's timed entries ('**10:40 KST** Twenty-eight people ...'):
        two or more paragraphs opening on a time of day; none in an ordinary article."""
        doc = self.doc
        if doc.prose.count(":") < 2:
            return []
        found = [i for i, block in enumerate(doc.blocks)
                 if block.kind in ("paragraph", "heading", "list_item") and _ENTRY_TIME.match(doc.prose, block.start, block.end)]
        return found if len(found) >= 2 else []

    def entry(self, figure: Any) -> int:
        """The live-blog entry a figure is told in (the index of its time-stamped block), or -1."""
        entries = self.entries
        if not entries:
            return -1
        block = self.doc.sentences[figure.sentence].block
        position = bisect.bisect_right(entries, block) - 1
        return entries[position] if position >= 0 else -1

    def entry_minute(self, entry: int) -> int | None:
        """The minute of the day a live-blog entry (a block index of `entries`) is stamped with."""
        block = self.doc.blocks[entry]
        match = _ENTRY_CLOCK.match(self.doc.prose, block.start, block.end)
        if match is None:
            return None
        hour, minute, half = int(match.group(1)), int(match.group(2)), (match.group(3) or "").lower()
        if half and hour <= 12:
            hour = hour % 12 + (12 if half == "p" else 0)
        return hour * 60 + minute

    # -- named storms ---------------------------------------------------------------------------------
    @cached_property
    def storms(self) -> re.Pattern | None:
        """The storms the article names ('Hurricane Milton', 'Typhoon Haiyan'), as a pattern of their
        bare names ('Helene killed at least 225'): two storms are two events, whatever their place."""
        prose = self.doc.prose
        if not any(word in prose for word in _STORM_WORDS):
            return None
        names = sorted({m.group(1) for m in _NAMED_STORM.finditer(prose)})
        return re.compile(r"\b(?:%s)\b" % "|".join(names)) if names else None

    def storm(self, figure: Any) -> str:
        """The storm named last before the figure in its sentence (else first after it), or ""."""
        if self.storms is None:
            return ""
        sentence = self.doc.sentences[figure.sentence]
        named = [(m.start(), m.group()) for m in self.storms.finditer(self.doc.prose, sentence.start, sentence.end)]
        before = [name for start, name in named if start < figure.start]
        return before[-1] if before else named[0][1] if named else ""

    # -- time ----------------------------------------------------------------------------------------
    @cached_property
    def date(self) -> ev.Time | None:
        doc = self.doc
        head = [doc.text[b.start:b.end] for b in doc.blocks[:4]]
        found = ev.document_date(doc.front_matter, doc.path, head, self._source_urls())
        if found is None and len(doc.blocks) > 1:  # a scraped page: its byline, by the headline
            blocks = [doc.text[b.start:b.end] for b in doc.blocks[:BYLINE_BLOCKS]]
            title = (doc.front_matter or {}).get("title")
            found = ev.byline_date(title if isinstance(title, str) else blocks[0], blocks)
        return found

    def _source_urls(self) -> list[str]:
        """The article's own URLs: front-matter url/source values and links on a 'Source:' line or
        under a 'Source(s)' heading (not related-story links, which carry other articles' dates)."""
        doc = self.doc
        urls = [str(v) for k, v in (doc.front_matter or {}).items()
                if front_matter_key(k) in article_url_keys() and isinstance(v, str)]
        text = doc.text
        links = getattr(doc, "links", [])
        # where each line and each '#' line starts, once: text.rfind per link is quadratic on one long line
        line_starts = getattr(doc, "line_starts", None)
        if line_starts is None:
            line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        headings = [m.start() for m in re.finditer("\n#", text)] if links and "\n#" in text else []
        for link in links:
            line_start = line_starts[bisect.bisect_right(line_starts, link.start) - 1]  # text.rfind("\n", 0, start) + 1
            found = bisect.bisect_right(headings, link.start - 2) - 1  # text.rfind("\n#", 0, start)
            heading = headings[found] if found >= 0 else -1
            section = text[heading + 1:text.find("\n", heading + 1)] if heading >= 0 else ""
            if _SOURCE_LABEL.match(text, line_start) or _SOURCE_HEADING.match(section):
                urls.append(link.url)
        return urls[:10]

    @cached_property
    def bound(self) -> ev.Time | None:
        """The latest date the article writes out: it is no older."""
        return ev.latest_date(self.doc.prose) if self.date is None else self.date

    def dates(self, index: int) -> list[ev.DateMention]:
        """The dates of sentence `index` (parsed on first use): 'N months later' is resolved against
        the last date written in the few sentences before it."""
        cache = self._dates
        found = cache.get(index)
        if found is None:
            sentence = self.doc.sentences[index]
            text = self.doc.prose[sentence.start:sentence.end]
            found = ev.parse_dates(text, self.date) if _MAY_HAVE_DATE.search(text) else []
            if any(m.kind == "shift" for m in found):
                previous = self._last_date_before(index)
                found = ev.parse_dates(text, self.date, previous) if previous is not None else found
            filed = dateline(text) if found else None
            if filed is not None:  # "GAZA, Oct 18 (Reuters) -": the day the report was filed
                found = [m for m in found if m.start >= filed.end()]
            cache[index] = found
        return found

    @cached_property
    def _dates(self) -> dict[int, list[ev.DateMention]]:
        return {}

    def _last_date_before(self, index: int) -> ev.Time | None:
        for j in range(index - 1, max(-1, index - 4), -1):
            known = [m.time for m in self.dates(j) if m.time is not None and m.time.known and m.kind != "shift"]
            if known:
                return known[-1]
        return None

    def narrative_time(self, index: int) -> ev.Time | None:
        """The time the story was telling of before sentence `index`: the last date written in the
        preceding sentences (a date of the article's present, 'on Friday', ends the past)."""
        for j in range(index - 1, max(-1, index - 6), -1):
            dates = self.dates(j)
            if dates:
                last = dates[-1]
                if last.kind in ("weekday", "relative", "md", "dm", "holiday") and not (last.time and last.time.known):
                    return None
                start = self.doc.sentences[j].start
                if _SINCE.search(self.doc.prose, max(start, start + last.start - 48), start + last.start):
                    return None  # "has played for the team since its first season in 2008": a span up to now
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
        """The event types the article is about (for generic nouns and figures without one), from
        its opening (CONTEXT_CHARS)."""
        title = getattr(self.doc, "title", "") or ""
        mentions = ev.event_mentions(self.doc.prose[:CONTEXT_CHARS], self.lexicon)
        return ev.dominant_kinds([*mentions, *ev.event_mentions(title, self.lexicon)], self.lexicon)

    @cached_property
    def _dated_kinds(self) -> dict[str, list[ev.Time]]:
        """Event type -> dates written next to a mention of it ('the 1981 Brixton riots',
        'the Hatfield rail crash in 2000') in the article's opening (CONTEXT_CHARS)."""
        out: dict[str, list[ev.Time]] = {}
        prose = self.doc.prose
        for index, sentence in enumerate(self.doc.sentences):
            if sentence.start >= CONTEXT_CHARS:
                break
            text = prose[sentence.start:sentence.end]
            if not _YEAR_OR_ERA.search(text):
                continue
            known = [d for d in self.dates(index) if d.time is not None and d.time.known and d.explicit_year]
            if not known:
                continue
            for mention in ev.event_mentions(text, self.lexicon):
                near = [d for d in known if -25 <= mention.start - d.end <= 25 or -12 <= d.start - mention.end <= 12]
                for d in near:
                    out.setdefault(mention.kind, []).append(d.time)
        return out

    # -- where ---------------------------------------------------------------------------------------
    def _countries(self) -> frozenset[str]:
        """The countries the article's headline and opening name without doubt (asked for only
        when a place's name lies in several countries and its own text names none)."""
        if self._sure_countries is None:
            doc = self.doc
            opening = doc.prose[:CONTEXT_CHARS]
            self._sure_countries = self.places.sure_countries(f"{getattr(doc, 'title', '') or ''}\n{opening}")
        return self._sure_countries

    @cached_property
    def context_scope(self) -> list[str]:
        """The place the article is about: the most specific place named at least twice in its
        opening (CONTEXT_CHARS; the headline's counting double, a dateline not at all), else the
        headline's place."""
        doc = self.doc
        counts: Counter[str] = Counter()
        title = getattr(doc, "title", "") or ""
        for key in places_in(title, self.places, names=self.names, countries=self._countries):
            counts[key] += 2
        for block in doc.blocks:  # a paragraph at a time: the wide words and ambiguous names see their context
            if block.start >= CONTEXT_CHARS:
                break
            if block.kind in ("paragraph", "list_item", "heading"):
                text = doc.prose[block.start:block.end]
                filed = dateline(text)  # where the report was filed
                for key in places_in(text[filed.end():] if filed else text, self.places, names=self.names,
                                     every=True, countries=self._countries):
                    counts[key] += 1
        if not counts:
            return []
        specific = {k: n for k, n in counts.items() if ev.specific([k]) and n >= 2}
        pool = specific or {k: n for k, n in counts.items() if n >= 2}
        if not pool:
            return []
        top = max(pool.values())
        best = sorted(k for k, n in pool.items() if n == top)
        return [best[0]] if len(best) == 1 else []

    def _sentence(self, index: int) -> dict:
        """Whole-sentence work shared by every figure of sentence `index` (text, event mentions,
        clauses, places): computed once, so that a sentence of thousands of figures stays linear."""
        found = self._sentence_cache.get(index)
        if found is None:
            sentence = self.doc.sentences[index]
            text = self.doc.prose[sentence.start:sentence.end]
            found = self._sentence_cache[index] = {"text": text, "mentions": ev.event_mentions(text, self.lexicon)}
        return found

    @cached_property
    def _sentence_cache(self) -> dict[int, dict]:
        return {}

    def _scope(self, sentence_text: str, event: ev.FigureEvent, memo: dict | None = None,
               index: int = -1) -> tuple[list[str], bool]:
        start, end = event.clause
        names = self.names
        memo = {} if memo is None else memo
        opening = dateline(sentence_text)
        if opening is not None:  # "ISLAMABAD: The death toll ... across Pakistan": where the report was filed
            start = max(start, opening.end())
            sentence_text = " " * opening.end() + sentence_text[opening.end():]
        key = ("own", start, end)
        own = memo.get(key)
        if own is None:
            own = memo[key] = self._places_named(sentence_text[start:end])
        own = list(own)
        if not own and re.match(r"\s*(?:,\s*)?(?:which|that|who|where|when)\b", sentence_text[start:end], re.I):
            key = ("last", start)
            last = memo.get(key)
            if last is None:
                last = memo[key] = places_in(sentence_text[:start], self.places, last=True, names=names)
            own = list(last)
        if not own and not event.reference:
            whole = memo.get("whole")
            if whole is None:
                whole = memo["whole"] = self._places_named(sentence_text)
            own = list(whole)
        if opening is not None and all(key.startswith("~") for key in own) and not _NATIONWIDE.search(sentence_text):
            # nothing else named, or only places the gazetteer does not hold ("in Itaewon" under "SEOUL"):
            # the event is where the report was filed, or near it
            key = ("dateline",)
            filed = memo.get(key)
            if filed is None:
                place = opening.group("place").title()
                region = places_in(opening.group("region") or "", self.places, names=names)
                city = self.places.city_key(place, region)  # a dateline names a city ("WASHINGTON")
                if city is not None:
                    names.setdefault(city, self.places.canonical.get(city, place))
                filed = memo[key] = ([city] if city is not None else places_in(place, self.places, names=names)) \
                    or region  # a town the gazetteer does not hold: its region ("LAHAINA, Hawaii (AP) —")
            own = [*own, *(key for key in filed if key not in own)]
        if not own:
            region = _REGION.search(sentence_text, start, end)
            if region:  # "340 had been killed in the opposition-held northwest": a part of somewhere, unnamed
                key = "~" + " ".join(region.group("region").lower().split())
                names.setdefault(key, region.group("region"))
                return [key], True
            before = self._places_before(index) if not event.reference else []
            if before:  # "... capsized near Songa in Basankusu territory. At least 86 people died": there
                return before, False
            context = self.context_scope
            if _NATIONAL.search(sentence_text) or self._national_before(index):
                # "the national death toll from the rains had risen to 169" in a story on Nairobi: Kenya's;
                # in a story on a place the gazetteer does not hold, the country the opening names, else none
                country = next((k.split(".")[0] for k in context if k != "*" and not k.startswith("~")), None)
                if country is None and len(self._countries()) == 1:
                    country = next(iter(self._countries()))
                if country is not None:
                    names.setdefault(country, self.places.canonical.get(country, country))
                    return [country], False
                return [], False  # the whole country, unnamed: not the article's town
            return list(context), False
        if own[0] != "*" and "." not in own[0] and not own[0].startswith("~") \
                and not _ACROSS.search(sentence_text):  # a country: the article may say where in it
            context = self.context_scope
            if context and context[0].startswith(own[0] + "."):
                return [context[0], *own], True  # "in Kazakhstan" in an article about Zhanaozen
        return own, True

    def _places_before(self, index: int) -> list[str]:
        """The places the sentence before sentence `index` names, when both are in one paragraph: a
        sentence that names no place tells what happened where the one before it did."""
        sentences = self.doc.sentences
        if index < 1 or sentences[index - 1].block != sentences[index].block:
            return []
        memo = self._sentence(index - 1)
        places = memo.setdefault("places", {})
        whole = places.get("whole")
        if whole is None:
            whole = places["whole"] = self._places_named(memo["text"])
        return list(whole)

    def _national_before(self, index: int) -> bool:
        """The sentence before, in the same paragraph, counts the whole country ("Across the country,
        the rains have claimed 179 lives. A total of 125 persons have been injured"): so does this one."""
        sentences = self.doc.sentences
        return (index >= 1 and sentences[index - 1].block == sentences[index].block
                and bool(_NATIONAL.search(self._sentence(index - 1)["text"])))

    def _places_named(self, text: str) -> list[str]:
        """The places `text` names as where something happened: a place only passed through or compared
        with (a range "from the Atlas Mountains to Marrakech", a destination "trying to reach Italy", a
        comparison "surpassing California's 2018 Camp Fire") counts only when the text names no other."""
        if "ospital" in text or "linic" in text or "edical" in text:
            text = _HOSPITAL_NAMES.sub(_blank, text)
        masked = _PASSING.sub(_blank, text)
        found = places_in(masked, self.places, names=self.names, countries=self._countries)
        return found if found or masked == text else places_in(text, self.places, names=self.names,
                                                               countries=self._countries)

    # -- one figure ----------------------------------------------------------------------------------
    def figure_event(self, figure: Any) -> ev.FigureEvent:
        sentence = self.doc.sentences[figure.sentence]
        memo = self._sentence(figure.sentence)
        text, mentions = memo["text"], memo["mentions"]
        if "kinds" not in memo:
            memo["kinds"] = self.kinds if (not mentions or all(not m.kind for m in mentions)) else ()
        parts = memo.get("clauses")
        if parts is None:
            parts = memo["clauses"] = ev.clauses(text)
        return ev.figure_event(text, figure.quantity_start - sentence.start, self.date, memo["kinds"], self.lexicon,
                               mentions, self.dates(figure.sentence), parts, memo.setdefault("figure", {}))

    def claim_fields(self, figure: Any) -> dict:
        """The event fields of a claim: kinds, scope, the time of the event when its clause dates it,
        the article's date, whether it counts another, earlier event, and the sentence."""
        event = self.figure_event(figure)
        sentence = self.doc.sentences[figure.sentence]
        memo = self._sentence(figure.sentence)
        scope, own = self._scope(memo["text"], event, memo.setdefault("places", {}), figure.sentence)
        era = self.narrative_time(figure.sentence) if not event.dated else None
        prose = self.doc.prose
        projection = bool(_PROJECTION.search(prose, max(sentence.start, figure.start - 16), figure.end))
        storm, entry = self.storm(figure), self.entry(figure)
        return {
            **({"storm": storm} if storm else {}),
            **({"entry": entry} if entry >= 0 else {}),
            "projection": projection,
            "kinds": list(event.kinds),
            "scope": scope[:3],
            "place": (self.places.canonical.get(scope[0]) or self.names.get(scope[0], "")) if scope else "",
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
        memo = self._sentence(figure.sentence).setdefault("simple_past", {})
        past = memo.get(event.clause)
        if past is None:
            text = self._sentence(figure.sentence)["text"]
            past = memo[event.clause] = ev.simple_past(text[event.clause[0]:event.clause[1]])
        if not past:
            return False
        first, last = event.clause  # "... killed thousands, and its effects are still felt today": not the toll's
        current = [d for d in self.dates(figure.sentence) if d.kind in ("weekday", "relative") and first <= d.start < last]
        if current:
            return False
        candidates: list[ev.Time] = []
        if event.time is not None and event.time.known and event.reference and not event.dated:
            # "introduced in 2002 following a fire that killed 25": 2002 bounds the fire, it does not date it
            return self.date is None and self.bound is not None and self.bound.known and \
                self.bound.lo - event.time.hi >= ev.SETTLED_AFTER_DAYS or \
                self.date is not None and self.date.lo - event.time.hi >= ev.SETTLED_AFTER_DAYS
        if event.time is not None and event.time.known and event.dated:
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
            if self.date is None and any(t.precision in ("year", "years", "decade", "century") for t in candidates):
                return True  # "the Hatfield rail crash in 2000": a bare year dates the past
            return all(ev.settled(t, self.date, self.bound) for t in candidates)
        # an anniversary: its event, when the sentence is undated or dated only by how long after
        # something it is ('One year after the fires')
        return self.anniversary and all(d.kind == "shift" and d.time is None for d in self.dates(figure.sentence))

    def agent_is_source(self, figure: Any) -> bool:
        if figure.measure not in ev.AGENT_MEASURES:
            return False  # before slicing the sentence around the figure: once per figure
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


def document_events(doc: Any, lexicon: ev.EventLexicon | None = None, places: Places | None = None) -> DocumentEvents:
    """The event context of `doc`, one per document and lexicon (KZ301 and the claims share it)."""
    cache = doc.__dict__.setdefault("_event_context", {})
    key = (id(lexicon), id(places))
    found = cache.get(key)
    if found is None:
        found = cache[key] = DocumentEvents(doc, lexicon, places)
    return found


_SOURCE_LABEL = re.compile(r"[\s>*\-\d.]*(?:source|sources|original source|via)\b", re.I)
_SOURCE_HEADING = re.compile(r"#+\s*(?:source|sources|original source)\b", re.I)
_YEAR_OR_ERA = re.compile(r"(?:1[89]|20)\d\d|ties\b|century", re.I)
# A wire dateline: the place the report was filed from in capitals, maybe its region, a date and the
# agency, then a colon or a dash ("ISLAMABAD:", "KYIV, Ukraine (AP) -", "LONDON, Jan 3 (Reuters) -",
# "LISBON, 4 September --").
_DATELINE = re.compile(r"(?P<place>[A-Z][A-Z.'’-]+(?:[ ][A-Z][A-Z.'’-]+){0,3})(?:,[ ](?P<region>[A-Z][\w.]+(?:[ ][A-Z][\w.]+){0,2}))?"
                       r"(?:[ ]\([^()]{1,40}\))?"  # the agency before the date: "ILORIN (Channels TV) June 13, 2023 -"
                       r"(?:,?[ ](?:[A-Z][a-z]{2,8}\.?[ ]\d{1,2}(?:,[ ]\d{4})?|\d{1,2}[ ][A-Z][a-z]{2,8}\.?(?:[ ]\d{4})?))?"
                       r"[ ]*(?:\([^()]{1,40}\))?[ ]*(?::|[-–—]{1,2})[ ]+")  # "LISBON, 4 September --"
# ... or, in title case, with the date and the agency in brackets that make it one without a dash
# ("Taipei, April 3 (CNA) Nine people were killed ...": Focus Taiwan's style)
_TITLE_DATELINE = re.compile(r"(?P<place>[A-Z][a-z.'’-]+(?:[ ][A-Z][a-z.'’-]+){0,2})(?:,[ ](?P<region>[A-Z][\w.]+(?:[ ][A-Z][\w.]+){0,2}))?"
                             r",[ ][A-Z][a-z]{2,8}\.?[ ]\d{1,2}(?:,[ ]\d{4})?[ ]\([A-Z][^()]{0,39}\)(?:[ ]*[:\-–—])?[ ]+")


def dateline(text: str) -> re.Match | None:
    """The wire dateline a paragraph opens with, if any (_DATELINE, _TITLE_DATELINE)."""
    if not text[:1].isupper():
        return None
    return _DATELINE.match(text) or _TITLE_DATELINE.match(text)


# a part of a country described, not named: "in government-held areas", "in the opposition-held northwest",
# "in the north of the country", "in rebel-controlled territory"
_REGION = re.compile(r"\bin\s+(?:the\s+)?(?P<region>(?:[a-z]+-(?:held|controlled|run)\s+)?(?:(?:far\s+)?(?:north|south|east|west|"
                     r"north-?east|north-?west|south-?east|south-?west)(?:ern)?(?:\s+(?:region|regions|part|parts|areas?))?"
                     r"|[a-z]+-(?:held|controlled|run)\s+(?:areas?|territory|territories|regions?|parts?|zones?)))\b")
# places named in passing: a range, a destination or an origin, a comparison with another event
_NAME_AFTER = r"(?:[a-z'’-]+\s+){0,5}?[A-Z][\w'’.-]*(?:['’]s)?(?:\s+[A-Z0-9][\w'’.-]*){0,3}"
_PASSING = re.compile(
    rf"\bfrom\s[^,.;:]{{1,60}}?\sto\s{_NAME_AFTER}"
    rf"|\b(?:to\s+reach|bound\s+for|head(?:ed|ing)\s+(?:for|to)|en\s+route\s+to|on\s+(?:its|their|the)\s+way\s+to|"
    rf"(?:set\s+(?:off|sail)|departed|fled|sailed|deported|expelled|repatriated|returned|returning)\s+from)\s{_NAME_AFTER}"
    rf"|\b(?:surpassing|exceeding|overtaking|than|compared\s+(?:with|to))\s{_NAME_AFTER}"
    # a distance from a landmark: "near Nawabshah, about 275 km north of Karachi"
    rf"|\b\d[\d,.]*\s*(?:km|kilometres|kilometers|miles|mi)\s+(?:\(\d[^)]{{0,20}}\)\s+)?"
    rf"(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+of|from|outside)\s{_NAME_AFTER}")


# the names of hospitals: "taken to the Roosevelt and San Juan de Dios hospitals", "at the Aga Khan hospital"
# (a hospital named after a man is no town of his name; "in Broadmoor hospital" is named after its place)
_HOSPITAL_NAMES = re.compile(r"(?<=\bthe\s)(?:[A-Z][\w'’.-]*(?:\s+(?:de|del|la|los|of|and|y|[A-Z][\w'’.-]*))*\s+)"
                             r"(?=(?:hospitals?|clinics?|medical\s+cent(?:re|er)s?)\b)")


def _blank(match: re.Match) -> str:
    return " " * len(match.group())


# a country named as a whole: "the death toll from floods across Pakistan", not the province the article is about
_ACROSS = re.compile(r"\b(?:across|throughout|all\s+over)\s+(?:the\s+)?[A-Z]")
_NATIONWIDE = re.compile(r"\b(?:(?:across|throughout|all\s+over)\s+the\s+(?:country|nation)|nationwide|countrywide|"
                         r"nationally)\b", re.I)
# a count of the whole country where the clause names no place: "the national death toll", "nationwide"
_NATIONAL = re.compile(rf"\b(?:national|the\s+country['’]s)\s+(?:death\s+|casualty\s+)?toll\b|{_NATIONWIDE.pattern}", re.I)
# a figure of the future or of a condition ("45 million children will die", "could kill 10,000") is no toll,
# nor one feared ("fears of hundreds dead", "fears that 40 died")
_PROJECTION = re.compile(r"\b(?:will|would|could|may|might|shall|expected\s+to|likely\s+to|set\s+to|risk(?:s|ing)?)"
                         r"\s+(?:\w+\s+){0,2}?(?:die|kill|be\s+killed|lose|be\s+injured|be\s+displaced|be\s+"
                         r"evacuated|be\s+arrested|perish|face)\b|\bfears?\s+(?:of|that)\s", re.I)
# a date that starts a span lasting up to the present: no time the story is telling of
_SINCE = re.compile(r"\bsince\b[^,.;:]*$", re.I)
_MAY_HAVE_DATE = re.compile(r"\d|day\b|\b(?:yesterday|today|tonight|last|this|previous|earlier|ago|later|Jan|Feb|Mar|"
                            r"Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|twenties|thirties|forties|fifties|sixties|"
                            r"seventies|eighties|nineties|Halloween|century)", re.I)
_ANNIVERSARY = re.compile(r"\b(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
                          r"tenth|twentieth|twenty-fifth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|"
                          r"eightieth|hundredth|centenary|one-year|\w+-year)\s+anniversary\b|\banniversary\s+of\b"
                          r"|\b(?:a|one|two|three|four|five|six|seven|eight|nine|ten|twenty|\d+)\s+years?\s+"
                          r"(?:ago\s+today|on\b(?!\s+\w+day)|after\s+the\b|since\s+the\b)",  # "One year after the fires ..."
                          re.I)
