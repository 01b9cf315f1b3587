"""Attribution rules (KZ3): a count of dead, injured or arrested needs somebody who says so."""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Iterator
from itertools import accumulate

from lint.config import load
from lint.core.document import Document
from lint.core.findings import Finding
from lint.facts.event_facts import document_events
from lint.facts.claims import part_of_a_count
from lint.facts.events import EventLexicon, points_back
from lint.facts.figures import AUXILIARIES, Figure, find_figures
from lint.facts.figures import warm_up as figures_warm_up
from lint.facts.sources import collect_sources, is_social
from lint.reference.lexicon import Lexicon
from lint.rules.base import DocumentRule, KebabOptions
from lint.text.page_furniture import on_furniture
from lint.text.phrases import PhraseMatcher

# A quotation inside one paragraph: curly quotes (an unclosed one runs to the paragraph's end, the
# convention for a quote that continues in the next paragraph) or straight double quotes.
_QUOTATION = re.compile(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)")
_TRAILING_AUXILIARIES = re.compile(rf"(?:\s+(?:{AUXILIARIES}))+\s*$", re.I)
_OPENS_WITH_QUOTE = re.compile(r"\s*[“\"]")


class UnattributedFigure(DocumentRule):
    code = "KZ301"
    name = "unattributed-figure"
    summary = "A count of people killed, injured, arrested, protesting... that nobody is said to give."
    message = 'figure "{figure}" has no attribution: say who gives this count of {counts}'
    messages = {
        # figures: '"16", "20"'; more: " and 2 more" beyond three
        "several": "figures {figures} and {last}{more} have no attribution: say who gives these counts ({counts})",
    }
    explanation = (
        "Casualty and crowd figures are the most contested facts in conflict reporting, and the first to "
        "be revised. A figure is attributed when an attribution cue (said, told, according to, reported, "
        "citing, statement, ... listed in `lexicon.attribution-cues`) stands in its sentence or an adjacent "
        "sentence of the same paragraph, or when it sits in a quotation whose paragraph (or the paragraph "
        "before, for a quote that continues) names the speaker, or in a transcript's turn: the paragraphs "
        "from a speaker's label to the next, where two labels or more each open two paragraphs or more "
        "('COMMISSIONER MORROW:' and 'REPORTER:', 'Q:' and 'A:'). A figure that restates one attributed "
        "elsewhere in the article (an unattributed \"at least 10 killed\" when a quoted official says "
        "\"Ten people were killed\") is covered by that attribution, but a floor far below it (\"at least 17\" "
        "in one city under the attributed \"at least 150\" nationwide) is a count of its own; a part told as one "
        "(\"Three of the deaths\", \"Of the dead, ...\") of an attributed count before it is covered. Headlines and a Wikinews-style "
        "one-paragraph summary count as attributed to the article's source link when it has one "
        "(setting `summary-attributed-to-source`). Dates, ages, money, percentages, scores, distances, "
        "populations and durations are not event figures. An editor leaves three more kinds alone: a toll of "
        "a past, settled event told in the simple past (dated a year or more before the article, or to a bare "
        "year or decade: 'Mitch killed about 10,000 people in 1998', 'the 1981 riots', or in an article "
        "marking an anniversary), while a fresh toll of a developing story ('are feared dead', 'has risen "
        "to') still needs its source; a count of arrests, detentions or evacuations whose actor is the "
        "authority that made them ('Chinese authorities arrested 224 people', 'were arrested by police'); "
        "and a lede whose next sentence, opening the next paragraph, points back at it and names a source "
        "('Those arrested are accused ..., investigators claim')."
    )
    bad_example = "Twelve law enforcement officers have also been killed with 353 other injured."
    good_example = "The Home Ministry said 2,000 people had been arrested."

    class Options(KebabOptions):
        # Headings and a one-paragraph summary count as attributed to the document's source link.
        summary_attributed_to_source: bool = True
        # A figure entailed by an attributed figure of the same measure in the document is attributed.
        restatements_count: bool = True
        # Fewest words inside quotation marks that make a quotation (not a scare-quoted word).
        min_quotation_words: int = 3
        # Measures one restatement can cross: "Dozens held" restates "28 people have been arrested".
        same_measures: list[list[str]] = [["arrested", "detained"]]
        # A toll of a past, settled event (dated a year or more before the article, or to a bare
        # year or decade, told in the simple past) is history, not a claim to attribute.
        settled_history: bool = True
        # A count of arrests, detentions or evacuations whose actor is the authority that made them
        # ("Chinese authorities arrested 224 people") is sourced by its own sentence.
        agent_as_source: bool = True
        # A lede attributed by the next sentence that points back at it ("Twenty-eight people have been
        # arrested ..." / "Those arrested are accused ..., investigators claim").
        next_sentence_attributes: bool = True

    def prepare(self) -> list[str]:
        lexicon = (self.config if self.config is not None else _default_config()).lexicon
        figures_warm_up(lexicon)
        _cue_matchers(lexicon)
        return []

    def check(self, doc: Document) -> Iterator[Finding]:
        config = self.config if self.config is not None else _default_config()
        # a figure on a furniture line (another story's teaser, a menu) is not the article's claim
        figures = [f for f in find_figures(doc, config.lexicon) if not on_furniture(doc, f.start)]
        if not figures:
            return
        cues = _CueIndex(doc, config.lexicon)
        quotations = _Quotations(doc)
        covered: set[int] | None = None  # found when a figure first needs it (most have a cue nearby)
        attributed = []
        for figure in figures:
            ok = cues.near_sentence(doc, figure.sentence)
            if not ok:
                if covered is None:
                    covered = self._covered_blocks(doc, config.sources) | spoken_blocks(doc)
                ok = (doc.sentences[figure.sentence].block in covered
                      or self._quoted_and_attributed(doc, figure, cues, quotations))
            attributed.append(ok)
        if any(not ok for ok in attributed):
            attributed = self._exempt(doc, figures, attributed, cues, config.lexicon)
        if self.options.restatements_count:
            restated = _Restated([f for f, ok in zip(figures, attributed) if ok], self.options.same_measures)
            attributed = [ok or restated(f, part_of_a_count(doc, f)) for f, ok in zip(figures, attributed)]
        by_sentence: dict[int, list[Figure]] = {}
        for figure, ok in zip(figures, attributed):
            if not ok:
                by_sentence.setdefault(figure.sentence, []).append(figure)
        for group in by_sentence.values():
            yield self._report(doc, group)

    def _exempt(self, doc: Document, figures: list[Figure], attributed: list[bool], cues: "_CueIndex",
                lexicon: Lexicon) -> list[bool]:
        """Unattributed figures an editor leaves alone: settled history, a count whose actor is its
        source, a lede the next sentence attributes (lint.facts.event_facts)."""
        options = self.options
        events = document_events(doc, EventLexicon.of(lexicon.events))
        out = []
        for figure, ok in zip(figures, attributed):
            if not ok:
                ok = (options.settled_history and events.settled(figure)
                      or options.agent_as_source and events.agent_is_source(figure)
                      or options.next_sentence_attributes and self._next_sentence_attributes(doc, figure, cues))
            out.append(bool(ok))
        return out

    @staticmethod
    def _next_sentence_attributes(doc: Document, figure: Figure, cues: "_CueIndex") -> bool:
        """The sentence after the figure's, opening the next paragraph, points back at it and names
        a source ("They have been released on bail but police say ...")."""
        sentences = doc.sentences
        index = figure.sentence + 1
        if index >= len(sentences) or sentences[index].block == sentences[figure.sentence].block:
            return False  # inside one paragraph the adjacent-sentence rule has decided
        following = sentences[index]
        return points_back(doc.prose[following.start:following.end]) and cues.in_span(following.start, following.end)

    def _report(self, doc: Document, group: list[Figure]) -> Finding:
        quoted = [f'"{short_text(doc, f)}"' for f in group[:3]]
        counts = "; ".join(dict.fromkeys(_counts(f) for f in group))
        start, end = group[0].start, max(f.end for f in group)
        if len(group) == 1:
            return self.report(doc, start, end, figure=short_text(doc, group[0]), counts=counts)
        more = f" and {len(group) - 3} more" if len(group) > 3 else ""
        return self.report(doc, start, end, "several", figures=", ".join(quoted[:-1]), last=quoted[-1], more=more,
                           counts=counts)

    def _covered_blocks(self, doc: Document, settings) -> set[int]:
        """Blocks attributed to the document's source link: headings and a one-paragraph summary."""
        if not self.options.summary_attributed_to_source:
            return set()
        if not any(not is_social(link.url, settings) for link in collect_sources(doc, settings).web_links()):
            return set()
        labels = {label.lower() for label in (*settings.section_labels, *settings.non_source_sections)}
        covered = {i for i, block in doc.prose_blocks if block.kind == "heading"}
        body = [i for i, block in doc.prose_blocks
                if block.kind == "paragraph" and block.section.lower().strip(" :") not in labels]
        if len(body) == 1:
            covered.add(body[0])
        return covered

    def _quoted_and_attributed(self, doc: Document, figure: Figure, cues: "_CueIndex",
                               quotations: "_Quotations") -> bool:
        """The figure is inside a quotation whose speaker is named in its paragraph or the one before."""
        block_index = doc.sentences[figure.sentence].block
        block = doc.blocks[block_index]
        quote = quotations.around(block_index, figure.quantity_start)
        if quote is None or quote[2] < self.options.min_quotation_words:
            return False
        if cues.in_span(block.start, block.end):
            return True
        previous = _previous_prose_block(doc, block_index)
        return bool(previous is not None and _OPENS_WITH_QUOTE.match(doc.prose, block.start, block.end)
                    and cues.in_span(previous.start, previous.end))


class _Quotations:
    """The quotations of each paragraph (start, end, words), found once per paragraph: a long
    paragraph holds thousands of figures, and each looked for its quotation in all of it."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._by_block: dict[int, tuple[list[int], list[tuple[int, int, int]]]] = {}

    def around(self, block_index: int, offset: int) -> tuple[int, int, int] | None:
        """The quotation of this block holding document offset `offset`, if any."""
        found = self._by_block.get(block_index)
        if found is None:
            block = self.doc.blocks[block_index]
            text = self.doc.prose[block.start:block.end]
            spans = [(block.start + m.start(), block.start + m.end(), len(m.group().split()))
                     for m in _QUOTATION.finditer(text)]
            found = self._by_block[block_index] = ([span[0] for span in spans], spans)
        starts, spans = found
        i = bisect.bisect_right(starts, offset) - 1
        return spans[i] if i >= 0 and offset < spans[i][1] else None


# a speaker's label opening a paragraph of a transcript or interview: "COMMISSIONER MORROW:", "Q:",
# "Mayor Okafor:" (capitalised words, at most four)
_SPEAKER_LABEL = re.compile(r"(?:[A-Z][A-Za-z.'’-]*(?: [A-Z][A-Za-z.'’-]*){0,3}):[ \t]")


def spoken_blocks(doc: Document) -> set[int]:
    """Paragraphs a transcript gives to a named speaker: from a label that opens two paragraphs
    or more ("COMMISSIONER MORROW: ... I can confirm that two people were injured") to the next
    label or heading, where two speakers take turns (Q: and A:, a reporter and an official). A
    label used once is a kicker or a note ("UPDATE: ..."); one label alone repeated is a list of
    teasers ("Featured: ..."), and labels on furniture lines are none."""
    labels: dict[int, str] = {}
    for index, block in doc.prose_blocks:
        if block.kind == "paragraph":
            match = _SPEAKER_LABEL.match(doc.prose, block.start, block.end)
            if match and not on_furniture(doc, block.start):
                labels[index] = match.group().rstrip(": \t").casefold()
    repeated = {label for label, uses in Counter(labels.values()).items() if uses >= 2}
    if len(repeated) < 2:
        return set()
    spoken, speaker = set(), None
    for index, block in doc.prose_blocks:
        if block.kind == "heading":
            speaker = None
        elif index in labels:
            speaker = labels[index] if labels[index] in repeated else None
        if speaker is not None and block.kind == "paragraph":
            spoken.add(index)
    return spoken


def short_text(doc: Document, figure: Figure) -> str:
    """The figure as the message quotes it: "Twelve law enforcement officers ... killed"."""
    if figure.measure_start >= figure.quantity_end and figure.measure_start > figure.start:
        left = doc.text[figure.start:figure.measure_start]
        trimmed = _TRAILING_AUXILIARIES.sub("", left)
        if trimmed.rstrip() != left.rstrip() and trimmed.strip():
            measure = doc.text[figure.measure_start:figure.measure_end]
            return " ".join(f"{trimmed} ... {measure}".split())
    return figure.text


def _counts(figure: Figure) -> str:
    """What the figure counts: "troops killed", "people arrested"; a measure that is a plural noun
    of its own ("protesters", "casualties") alone ("people protesters" was the message)."""
    if figure.subject and figure.subject != figure.measure and not figure.measure.endswith("s"):
        return f"{figure.subject} {figure.measure}"
    return figure.measure


# a floor restates a source's count when that count is under this many times the floor ("more than 100"
# for 140); further up it is a count of its own (KZ501's revision ratio: floors this far apart differ)
RESTATED_FLOOR_RATIO = 1.5


class _Restated:
    """Whether an unattributed figure restates one of the attributed `sources` (`_restates`),
    decided once per measure, subject and interval: a file of 20 MB repeats its figures thousands
    of times, and comparing each with every source was quadratic (49 s of 134)."""

    def __init__(self, sources: list[Figure], families: list[list[str]]) -> None:
        self.sources, self.families = sources, families
        self._verdicts: dict[tuple, bool] = {}

    def __call__(self, figure: Figure, part: bool = False) -> bool:
        key = (figure.measure, figure.subject, figure.low, figure.high, figure.low_open, figure.high_open, part,
               figure.start if part else 0)
        verdict = self._verdicts.get(key)
        if verdict is None:  # not a source itself: the sources are the attributed figures
            verdict = self._verdicts[key] = any(_restates(figure, s, self.families, part) for s in self.sources)
        return verdict


def _restates(figure: Figure, source: Figure, families: list[list[str]] = (), part: bool = False) -> bool:
    """`figure` says no more than attributed `source` does: same measure (or one of a family:
    held / arrested) and who, a wider interval; or, told as a part of a count before it ("Three of
    the deaths") or an addition to it ("13 more bodies"), no more than the source counts. A floor
    far below the source's ("at least 17 protesters were killed in Chittagong" under "at least 150
    killed" nationwide) is another count, a part or another event, not the source's toll said loosely."""
    if figure is source:
        return False
    if figure.measure != source.measure and not any(
            figure.measure in family and source.measure in family for family in families):
        return False
    if part and source.start < figure.start and figure.low <= source.low:
        return True  # a breakdown of the attributed count before it, or what it added
    if figure.high == math.inf and source.low > RESTATED_FLOOR_RATIO * figure.low:
        return False
    generic = ("", "people")
    same_subject = figure.subject == source.subject or figure.subject in generic or source.subject in generic
    # a loose range ("dozens", "thousands") restates a count it overlaps and starts near ("at least 25"; not
    # "some 150,000 across the region" for "more than 30,000" in one of its countries)
    loose = figure.low < figure.high < math.inf and not (figure.low_open or figure.high_open) \
        and source.low <= figure.high and figure.low <= min(source.high, RESTATED_FLOOR_RATIO * source.low)
    return same_subject and (source.within(figure) or loose)


def _previous_prose_block(doc: Document, index: int):
    for i in range(index - 1, -1, -1):
        if doc.blocks[i].kind in ("paragraph", "list_item", "heading"):
            return doc.blocks[i]
    return None


class _CueIndex:
    """Offsets of attribution cues in a document's prose, found once."""

    def __init__(self, doc: Document, lexicon: Lexicon) -> None:
        cue, not_cue = _cue_matchers(lexicon)
        found = cue.spans(doc.prose)
        blocked = sorted(not_cue.spans(doc.prose)) if found else []  # no cue: nothing to rule out
        starts = [a for a, _ in blocked]
        reach = list(accumulate((b for _, b in blocked), max))  # the furthest end of the spans so far
        self.offsets = []
        for start, _ in found:  # a cue inside a not-cue span is not a cue
            i = bisect.bisect_right(starts, start) - 1
            if i < 0 or reach[i] <= start:
                self.offsets.append(start)

    def in_span(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.offsets, start)
        return i < len(self.offsets) and self.offsets[i] < end

    def near_sentence(self, doc: Document, index: int) -> bool:
        """A cue stands in sentence `index` or in an adjacent sentence of the same paragraph."""
        sentences = doc.sentences
        block = sentences[index].block
        return any(
            0 <= j < len(sentences) and sentences[j].block == block and self.in_span(sentences[j].start, sentences[j].end)
            for j in (index, index - 1, index + 1)
        )


_CUES: dict[int, tuple[Lexicon, PhraseMatcher, PhraseMatcher]] = {}


def _cue_matchers(lexicon: Lexicon) -> tuple[PhraseMatcher, PhraseMatcher]:
    entry = _CUES.get(id(lexicon))
    if entry is None or entry[0] is not lexicon:
        entry = _CUES[id(lexicon)] = (lexicon, PhraseMatcher(lexicon.attribution_cues), PhraseMatcher(lexicon.not_cues))
    return entry[1], entry[2]


def _default_config():
    """The built-in configuration, for a rule built without one (as in a quick script)."""
    return load(None)
