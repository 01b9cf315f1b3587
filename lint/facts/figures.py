"""Event figures: counts of people in an event, with the interval their wording allows.

"at least 16 people" killed is a figure [16, inf) of measure `killed`, subject `people`;
"a city of 90,000", "20 years", "10%" and "3-1" are numbers but no event figures. KZ301 asks
whether each figure is attributed; the KZ5 rules compare figures across documents. Both use
`find_figures`, so what counts as a figure is decided once, from the lexicon in rules.yaml.
"""

from __future__ import annotations

import bisect
import math
import re
import weakref
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from lint.core.document import Document
from lint.reference.lexicon import Lexicon, default_lexicon
from lint.text.phrases import (
    Prefilter,
    WordStarts,
    normalise,
    phrase_pattern,
    reversed_phrase_pattern,
)

CURRENCY = "£$€¥₹₽₸"
# Words allowed between a quantity's noun and its measure: "officers have also been killed".
AUXILIARIES = (
    r"have|has|had|were|was|are|is|be|been|being|may|might|could|would|will|must|also|reportedly|allegedly|now|so\s+far|later|then|already|all|"
    r"each|still|remain|remains|remained|subsequently|eventually|initially|ultimately|in\s+total|in\s+all|altogether|"
    r"(?:said|believed|thought|feared|reported|confirmed)\s+to\s+(?:be|have\s+been)|feared|confirmed"
)
# Words allowed between a measure and the quantity that follows it: "killed a total of 12".
FILLERS = r"the|a|an|all|total|of|to|at|now|reportedly|allegedly|another|more|further|some|up"
# Words that end a noun phrase; modifiers between a quantity and its noun are never these.
STOPWORDS = (
    "and or but nor in on at to from with by for as of was were is are be been being have has had will would "
    "could should may might who which that than the a an after before during since while when where said says "
    "told not no this these those there here it its their his her they he she we"
).split()
# Words that may follow a bare measure ("10 killed in ..."); any other lowercase word after it
# makes the measure an adjective ("three injured players"), and the number no event figure.
FOLLOWERS = STOPWORDS + (
    "after near across amid following over so including among last yesterday today overnight earlier inside "
    "outside around into under then according throughout despite because within without against through "
    "toward towards about behind beside besides between beyond onto upon via per like off out up down back "
    "again too yet even just only both either overall more since until till monday tuesday wednesday thursday "
    "friday saturday sunday january february march april may june july august september october november december"
).split()
# The only modifiers allowed between a number and a bare measure: "353 other injured" (not
# "one of the many ceremonies held", where the measure belongs to another noun).
MEASURE_MODIFIERS = frozenset("other others more further additional extra confirmed reported known".split())
# A score or time ("3-1", "10:30") next to a number, after it or (read backwards) before it
SCORE_OR_TIME = r"\s*[-–:/]\s*\d"
_SCORE_OR_TIME_BEFORE = re.compile(SCORE_OR_TIME)  # on the reversed text before a number
COMPOUND_AFTER = r"-[^\W\d_]"  # "three-week", "12-year-old", "1,000-strong"
CURRENCY_BEFORE = re.compile(rf"[{CURRENCY}]\s*$")
# digits grouped in thousands ("1,200,000"), in the South Asian way ("12,00,000": lakhs, then pairs), or not
DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?|\d+(?:\.\d+)?"
# The verbs of a toll that stands right before its number, however far from it the toll's noun: "The
# death toll from Saturday's earthquake in Nepal has risen to 7,000" (`FigureFinder.toll_before`).
TOLL_VERB = (r"(?:risen|rose|rises|climbed|climbs|reached|reaches|jumped|increased|soared|grown|grew|stands|stood|"
             r"hit|passed|topped|surpassed|exceeded|crossed|crosses|revised|lowered|raised|corrected|is|was|"
             r"amounts|amounted|totals|totalled|totaled|remained|remains|"
             r"(?:gone|went|goes)(?=\s+(?:up|down)\b|\s*$))")  # "has gone up to 261" ("up to" may be the number's)
# "has gone up to 261", "has been revised up to 148": the toll's verb takes "up to", which is then no
# bound of the number
_GONE_UP = re.compile(r"\b(?:gone|went|goes|revised|raised|moved)\s*$", re.I)
# a toll's verb that says the count is past its number: "the death toll passed 11,000", "crossed 1,100"
_PASSED = re.compile(r"\b(?:passed|passes|topped|tops|surpassed|surpasses|exceeded|exceeds|crossed|crosses|"
                     r"past|above|over|beyond)\s*$", re.I)
_TOLL_AUXILIARIES = r"(?:(?:has|had|have|been|was|were|is|now|officially|already|since|reportedly)\s+)*"
TOLL_VERBS = rf"{_TOLL_AUXILIARIES}{TOLL_VERB}(?:\s+(?:down|up|upwards?|downwards?))?(?:\s+(?:to|at|above|past|over|beyond))?"
# ... and those of a toll that changed, which may stand further from its noun ("The death toll from
# Tuesday's stampede at a religious event in Hathras, Uttar Pradesh, has risen to 121"): a toll that
# "is" or "was" a number ten words on is too far to be read as one ("the toll road ... is 40 km").
TOLL_CHANGES = (rf"{_TOLL_AUXILIARIES}(?:risen|rose|rises|climbed|climbs|jumped|increased|soared|grown|grew|passed|reached|reaches|"
                r"topped|surpassed|exceeded|crossed|crosses|revised|lowered|raised|corrected|"
                r"(?:gone|went|goes)(?=\s+(?:up|down)\b))(?:\s+(?:down|up|upwards?|downwards?))?"
                r"(?:\s+(?:to|above|past|over|beyond))?")
# A disaster that "claimed 4,000 lives" or "cost 30 lives": `lives` is who is counted, the verb the measure
# (lives alone are no toll: "could save 10,000 lives a year").
LIVES_TAKEN = re.compile(
    r"(?P<m>\b(?:claim(?:ed|s|ing)?|cost(?:s|ing)?|took|tak(?:e|es|en|ing)|lost|los(?:e|es|ing)))"
    r"(?:\s+(?:an|estimated))*\s+$", re.I)
YEAR = re.compile(r"1[89]\d\d|20\d\d|2100")
_OWNERS = r"(?:the|its|their|his|her|our|those|these)"  # "51 of the 71", "90 of its 200"
_WORD_PAIR = re.compile(r"\w\w")
# normalise() of the words a match found: few distinct ones, looked up once per figure each
_word_key = lru_cache(maxsize=4096)(normalise)


@dataclass(frozen=True, slots=True)
class Figure:
    start: int  # offsets in doc.text of the figure phrase (quantity through measure word)
    end: int
    quantity_start: int  # offsets of the number phrase ("at least 16", "dozens")
    quantity_end: int
    text: str  # phrase as written, whitespace-folded
    low: float  # interval bounds (math.inf allowed)
    high: float
    low_open: bool
    high_open: bool
    measure: str  # canonical measure from the lexicon: killed | injured | arrested | protesters | ...
    subject: str  # who is counted, canonical: people | police | protesters | ... ("" unknown)
    sentence: int  # index into doc.sentences
    measure_start: int  # offsets of the measure words ("killed"; the noun for "100 protesters")
    measure_end: int

    def within(self, other: "Figure") -> bool:
        """True when every value this figure allows is allowed by `other` (this one entails it)."""
        return _interval_within((self.low, self.high, self.low_open, self.high_open),
                                (other.low, other.high, other.low_open, other.high_open))


def _interval_within(inner: tuple, outer: tuple) -> bool:
    low, high, low_open, high_open = inner
    o_low, o_high, o_low_open, o_high_open = outer
    low_ok = low > o_low or (low == o_low and (low_open or not o_low_open))
    high_ok = high < o_high or (high == o_high and (high_open or not o_high_open))
    return low_ok and high_ok


def find_figures(doc: Document, lexicon: Lexicon | None = None) -> list[Figure]:
    """Event figures in prose, in text order (computed once per document and lexicon)."""
    lexicon = lexicon or default_lexicon()
    per_doc = _DOC_CACHE.setdefault(doc, {})
    key = id(lexicon)
    if key not in per_doc:
        per_doc[key] = _finder(lexicon).find(doc)
    return per_doc[key]


def parse_quantity(text: str, lexicon: Lexicon | None = None) -> tuple[float, float, bool, bool] | None:
    """(low, high, low_open, high_open) of a number phrase such as "at least 10" or "dozens"."""
    finder = _finder(lexicon or default_lexicon())
    match = finder.quantity.fullmatch(" ".join(text.split()))
    return finder.interval(match) if match else None


_DOC_CACHE: "weakref.WeakKeyDictionary[Document, dict[int, list[Figure]]]" = weakref.WeakKeyDictionary()
_FINDERS: dict[int, tuple[Lexicon, "FigureFinder"]] = {}


def warm_up(lexicon: Lexicon) -> None:
    """Compile the lexicon's patterns now, from a rule's prepare(): workers forked after it share
    them instead of compiling them once each (0.05 s apiece)."""
    _finder(lexicon)


def _finder(lexicon: Lexicon) -> "FigureFinder":
    entry = _FINDERS.get(id(lexicon))
    if entry is None or entry[0] is not lexicon:
        entry = _FINDERS[id(lexicon)] = (lexicon, FigureFinder(lexicon))
    return entry[1]


class FigureFinder:
    """The lexicon compiled into a handful of regular expressions (built once per lexicon)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.measure_of = {normalise(w): m for m, words in lexicon.measures.items() for w in words}
        self.before_measure_of = {normalise(w): m for m, words in lexicon.measures_before.items() for w in words}
        self.subject_of = {normalise(w): s for s, words in lexicon.subjects.items() for w in words}
        self.number_of = {normalise(w): v for w, v in lexicon.number_words.items()}
        self.vague_of = {normalise(w): tuple(v) for w, v in lexicon.vague_quantities.items()}
        self.qualifier_of = {normalise(w): kind for kind, words in lexicon.qualifiers.items() for w in words}
        self.so_far = {normalise(w) for w in lexicon.counts_so_far}

        scales = [w for w, v in self.number_of.items() if v >= 100 or w == "dozen"]
        number_word = phrase_pattern(self.number_of)
        scale = phrase_pattern(scales)
        joiner = r"(?:(?<=hundred)|(?<=thousand)|(?<=million))\s+and\s+|[\s\-]+"
        words_number = rf"(?:a[\s\-]+(?={scale}))?{number_word}(?:(?:{joiner}){number_word})*"
        digits_number = rf"(?:{DIGITS})(?:[\s\-]+{scale})?"
        number = rf"{phrase_pattern(self.vague_of)}|{digits_number}|{words_number}"
        self.quantity = re.compile(
            rf"(?<![\w{CURRENCY}.,\-])(?:between\s+(?P<from>{digits_number}|{words_number})\s+and\s+"
            rf"|(?P<qual>{phrase_pattern(self.qualifier_of)})\s+)?(?P<num>{number})(?![\w%])",
            re.I,
        )
        heads = phrase_pattern({**self.measure_of, **self.subject_of})
        stop = "|".join(STOPWORDS)
        # "90 of its 200 residents were killed": 200 is the whole the count is taken from
        self.part_of = re.compile(rf"(?:{number})\s+of\s+(?:{_OWNERS}\s+)?$", re.I)
        self.head = re.compile(
            rf"[\"”’]?(?:\s+of(?:\s+{_OWNERS})?)?"
            rf"(?:\s+(?P<pron>them|whom|those|these)(?![\w])"
            rf"|(?P<mods>(?:\s+(?!(?:{stop})(?![\w]))[^\s,.;:!?()\[\]\"“”]+){{0,3}}?)\s+(?P<head>{heads}))",
            re.I,
        )
        # "were killed", "have been arrested", "were ambushed and killed"
        chain = rf"(?:\s+(?:{AUXILIARIES}))*?(?:\s+[a-z]+ed,?\s+and)?\s+(?P<m>{phrase_pattern(self.measure_of)})"
        self.after = re.compile(chain, re.I)
        # "Twenty-eight people, including a Briton, have been arrested": a parenthetical may follow a noun
        # (not a bare number: in "Mr Mousa, 28, a hotel receptionist, was arrested" 28 is an age)
        # ... or a place: "Some 150,000 people across the region are feared to be dead", "20 people in Kabul were killed"
        # (not a verb of its own after "and": "infected 58 people in Rwanda and killed 11 of them")
        self.after_noun = re.compile(
            rf"(?:\s*,[^,.;:!?()\"“”]{{1,60}},|\s+(?:in|across|throughout|near|outside|inside|around|on|aboard|and|or)"
            rf"(?:\s+(?!(?:{AUXILIARIES})\b)[\w’'-]+){{1,4}}?(?<!\sand)(?<!\sor)"
            rf"(?=\s+(?:{AUXILIARIES})\b|\s+{phrase_pattern(self.measure_of)}))?"
            rf"{chain}", re.I)
        # A toll ("the death toll", "the number of people injured") up to ten words before its verb
        # ("... has risen to 7,000"), or eighteen before a verb of change, no clause end between; or
        # "at" right after it ("put the number of dead at 57").
        self.toll_before = re.compile(
            rf"(?P<toll>\b(?:death|casualty|fatality)\s+toll|\bthe\s+(?:(?!death\b|casualty\b|fatality\b)[a-z-]+\s+)?toll|\bthe\s+number\s+(?:of\s+)?"
            rf"(?:{phrase_pattern(self.subject_of)}\s+(?:(?:who|that)\s+(?:have\s+|has\s+|had\s+)?)?)?"
            rf"(?P<m>{phrase_pattern(self.measure_of)}))\b"
            rf"(?:(?:\s+[^\s.;:!?\d][^\s.;:!?]*){{0,10}}?\s+{TOLL_VERBS}"
            rf"|(?:\s+[^\s.;:!?\d][^\s.;:!?]*){{11,18}}?\s+{TOLL_CHANGES}|\s+at|\s+(?:down|up)\s+to)\s*$", re.I)
        # "..., raising the toll of the crash to 27", "bringing the death toll to 40": the toll after its verb
        self.toll_raised = re.compile(
            r"(?P<toll>\b(?:rais|bring|tak|push|lift)(?:ing|es|ed|e|s)\s+the\s+(?:death\s+|overall\s+)?toll)\b"
            r"(?:\s+[^\s.;:!?\d][^\s.;:!?]*){0,6}?\s+to\s*$", re.I)
        self.before = re.compile(
            rf"(?P<m>{phrase_pattern(self.before_measure_of)})(?:\s+(?:{FILLERS}))*\s+$", re.I)
        self.not_measure = re.compile(phrase_pattern(lexicon.not_measures), re.I)
        # Every figure has a measure word in its sentence (or lives taken): one pass finds the
        # sentences worth reading.
        self.any_measure = Prefilter([*self.measure_of, *self.before_measure_of, "lives", "toll"])
        # Where a quantity may begin: `quantity` is tried there only, not at every offset of a sentence.
        self.quantity_starts = WordStarts(["between", "a", *self.qualifier_of, *self.vague_of, *self.number_of])
        followers = "|".join(FOLLOWERS)
        self.bad_follower = re.compile(rf"\s+(?!(?:{followers})(?![\w]))(?P<w>[^\W\d_][\w’'-]*)(?<!ly)(?![\w’'-])", re.I)
        # what makes a number no figure: a phrase (or a score or time) right before it, read backwards
        # from the number, and one right after it
        before_words = [w for ws in lexicon.non_figures_before.values() for w in ws]
        self.non_figure_before = re.compile(rf"\s*\.?{reversed_phrase_pattern(before_words)}", re.I)
        after_words = [w for ws in lexicon.non_figures_after.values() for w in ws if w != "%"]
        self.non_figure_after = re.compile(
            rf"{SCORE_OR_TIME}|{COMPOUND_AFTER}|[\s\-]*(?:%|{phrase_pattern(after_words)})", re.I)

    # -- intervals ---------------------------------------------------------------------------
    def interval(self, match: re.Match) -> tuple[float, float, bool, bool] | None:
        number = _word_key(match.group("num").strip("\"”’"))
        if number in self.vague_of:
            low, high = self.vague_of[number]
        else:
            value = self.value(number)
            if value is None:
                return None
            low = high = value
        if match.group("from"):  # "between 1.1 and 1.5 million": the scale of the second applies to both
            first = self.value(_word_key(match.group("from")))
            if first is None or first > high:
                return None
            if first < low and re.fullmatch(r"[\d.,]+", match.group("from")):
                first *= self.scale_of(number)
            return float(min(first, low)), float(high), False, False
        qualifier = self.qualifier_of.get(_word_key(match.group("qual") or ""))
        margin = self.lexicon.approximate_margin
        if qualifier == "at-least":
            return low, math.inf, False, True
        if qualifier == "more-than":
            return low, math.inf, True, True
        if qualifier == "nearly":
            return round(low * (1 - margin), 6), float(high), False, True
        if qualifier == "about":
            return round(low * (1 - margin), 6), round(high * (1 + margin), 6), False, False
        if qualifier == "up-to":
            return 0.0, high, False, False
        if qualifier == "fewer-than":
            return 0.0, high, False, True
        return float(low), float(high), False, False

    def scale_of(self, number: str) -> float:
        """1,000,000 for "1.5 million", 1 for "1,500"."""
        words = number.split()
        return float(self.number_of.get(words[-1], 1)) if len(words) > 1 else 1.0

    def value(self, number: str) -> float | None:
        """The value of "1,000", "1.5 million", "twenty five" or "two hundred and fifty"."""
        words = number.replace(",", "").split()
        if words and re.fullmatch(r"\d+(?:\.\d+)?", words[0]):
            value = float(words[0])
            for word in words[1:]:
                value *= self.number_of.get(word, 1)
            return value
        total = current = 0.0
        for word in words:
            if word in ("and",):
                continue
            if word == "a":
                current = current or 1
                continue
            amount = self.number_of.get(word)
            if amount is None:
                return None
            if word == "dozen":
                current = (current or 1) * 12
            elif amount == 100:
                current = (current or 1) * 100
            elif amount >= 1000:
                total += (current or 1) * amount
                current = 0
            else:
                current += amount
        return total + current

    # -- finding -----------------------------------------------------------------------------
    def find(self, doc: Document) -> list[Figure]:
        prose = doc.prose
        sentences = doc.sentences
        candidates = self.any_measure.hit_sections(prose, [s.start for s in sentences])
        if not candidates:
            return []
        labels = sorted(_link_label_spans(doc))
        label_starts = [a for a, _ in labels]
        label_reach = list(accumulate((b for _, b in labels), max))  # bisect, not a scan per number
        spans = self.quantity_starts.spans(prose)
        span_ends = [end for _, end in spans]
        figures: list[Figure] = []
        for index in candidates:
            if index < 0:
                continue
            sentence = sentences[index]
            previous: tuple[Figure, bool] | None = None  # last figure, and whether its measure came before it
            for match in self._quantities(prose, spans, bisect.bisect_left(span_ends, sentence.start), sentence):
                at = bisect.bisect_right(label_starts, match.start()) - 1
                if at >= 0 and match.start() < label_reach[at]:
                    continue
                found = self._figure(doc, match, index, sentence.start, sentence.end, previous)
                if found is not None:
                    figures.append(found[0])
                    previous = found
        return figures

    def _quantities(self, prose: str, spans: list[tuple[int, int]], first: int, sentence):
        """`quantity.finditer(prose, sentence.start, sentence.end)`, tried only in the spans where a
        quantity may begin (`quantity_starts`), from the first span that reaches the sentence."""
        s_start, s_end = sentence.start, sentence.end
        if s_start < s_end < len(prose) and _WORD_PAIR.match(prose, s_end - 1):
            yield from self.quantity.finditer(prose, s_start, s_end)  # cut mid-word: its end ends a word
            return
        resume = s_start
        for at in range(first, len(spans)):
            start, end = spans[at]
            if start >= s_end:
                return
            for offset in range(max(start, resume), min(end, s_end - 1) + 1):
                if offset >= resume:
                    match = self.quantity.match(prose, offset, s_end)
                    if match:
                        yield match
                        resume = match.end()

    def _figure(self, doc, match, index, s_start, s_end, previous) -> tuple[Figure, bool] | None:
        """The figure this quantity starts, and whether its measure stands before the number."""
        prose = doc.prose
        q_start, q_end = match.span()
        if self._is_non_figure(prose, match.start("num"), q_start, q_end, s_start):
            return None
        head = self.head.match(prose, q_end, s_end)
        if head and head.group("head") and self._blocked(prose, head.start("head"), head.end("head")):
            head = None
        word = _word_key(head.group("head")) if head and head.group("head") else ""
        subject = self.subject_of.get(word, "")
        head_measure = self.measure_of.get(word, "")
        if YEAR.fullmatch(match.group("num")) and not (subject and not head.group("mods").strip()):
            return None  # "in 2011", "clashes in 2018 killed": a year, unless who is counted follows at once
        if head_measure and not subject:
            if not set(head.group("mods").lower().split()) <= MEASURE_MODIFIERS:
                return None  # "one of the many ceremonies held": the measure belongs to another noun
            if " " not in word and self._adjective_use(prose, head.end(), s_end):
                return None  # "three injured players", "two imprisoned Iranian bloggers"
        end = head.end() if head else q_end
        measure, span, before = "", (0, 0), None
        if not (head_measure and not subject):  # "Dozens killed" needs no verb after it
            after = (self.after_noun if subject else self.after).match(prose, end, s_end)
            # a noun for people is no verb of this figure: "shot dead 23 protesters in Nairobi ... as demonstrators"
            if after and not self._blocked(prose, after.start("m"), after.end("m")) \
                    and _word_key(after.group("m")) not in self.subject_of:
                measure, span, end = self.measure_of[_word_key(after.group("m"))], after.span("m"), after.end()
        if not measure and not (head_measure and not subject):
            before = self.before.search(prose, max(s_start, q_start - 80), q_start)
            bare = not head and not self._adjective_use(prose, q_end, s_end)
            if before and not self._blocked(prose, before.start("m"), before.end("m")) and (head or bare):
                measure, span = self.before_measure_of[_word_key(before.group("m"))], before.span("m")
            else:
                before = None
        if not measure and word == "lives":
            before = LIVES_TAKEN.search(prose, max(s_start, q_start - 40), q_start)
            if before:
                measure, span = "killed", before.span("m")
        toll_start = None
        if not measure and not (head_measure and not subject) and (head is None or subject):
            toll = (self.toll_before.search(prose, max(s_start, q_start - 200), q_start)
                    or self.toll_raised.search(prose, max(s_start, q_start - 120), q_start))
            if toll:  # "The death toll from Saturday's earthquake has risen to 7,000"
                named = toll.groupdict().get("m")  # "the number of people injured"; a toll alone counts the dead
                measure = self.measure_of[_word_key(named)] if named else "killed"
                span, toll_start = toll.span("toll"), toll.start("toll")
        if not measure and head_measure:
            measure, span = head_measure, head.span("head")
        inherited = False
        if not measure and previous and previous[1] and (subject or not head):
            if re.fullmatch(r"\s*,?\s*(?:and|or|as well as|plus|including)?\s*", prose[previous[0].end:q_start]):
                measure, span, inherited = previous[0].measure, (previous[0].measure_start, previous[0].measure_end), True
        interval = self.interval(match) if measure else None
        if interval is None or not self._plausible(interval, match, measure, subject, span, head):
            return None
        if toll_start is not None and not match.group("qual") and _PASSED.search(prose, toll_start, q_start):
            interval = (interval[0], math.inf, True, True)  # "the death toll passed 11,000": more than 11,000
        if toll_start is not None and match.group("qual") and _GONE_UP.search(prose, toll_start, q_start):
            interval = (interval[1], interval[1], False, False)  # "the toll has gone up to 261": 261
        if word in self.so_far and span == head.span("head"):
            interval = (interval[0], math.inf, interval[2], True)  # "150 bodies recovered": at least 150 dead
        if self.part_of.search(prose, max(s_start, q_start - 40), q_start) and not (
                head and span[0] >= head.end() and not prose[head.end():span[0]].strip()):
            return None  # the whole of "90 of its 200 residents were killed" (not "3 of the 20 people arrested")
        start = before.start("m") if before else toll_start if toll_start is not None else q_start
        text = " ".join(doc.text[start:end].split())
        figure = Figure(start, end, q_start, q_end, text, *interval, measure, subject, index, *span)
        return figure, bool(before) or toll_start is not None or inherited

    def _plausible(self, interval, match, measure: str, subject: str, span, head) -> bool:
        """Counts that read as event figures: "one" needs a noun ("one person"), a measure that also
        fits things needs a person ("Millions go missing" is money), and a bare noun of participants
        ("two strikers", "nine detainees") needs a crowd."""
        if not subject and measure in self.lexicon.measures_needing_subject:
            return False
        if interval == (1.0, 1.0, False, False) and not subject:
            return False
        noun_only = bool(head and head.group("head") and span == head.span("head") and subject)
        return not noun_only or interval[0] >= self.lexicon.min_crowd

    def _is_non_figure(self, prose: str, num_start: int, q_start: int, q_end: int, s_start: int) -> bool:
        """Dates, ages, money, percentages, scores, distances, populations, durations, ranks."""
        before = prose[max(s_start, q_start - 40):q_start][::-1]
        if num_start == q_start and _SCORE_OR_TIME_BEFORE.match(before):
            return True  # "3-2", "16:45"; not "16:45 - At least 45 people", a time stamp before a qualified count
        if self.non_figure_before.match(before):
            return True
        if CURRENCY_BEFORE.search(prose, max(s_start, num_start - 3), num_start):
            return True
        return bool(self.non_figure_after.match(prose[q_end:q_end + 40]))

    def _blocked(self, prose: str, start: int, end: int) -> bool:
        """The measure at [start, end) is the start of a phrase that means something else."""
        blocked = self.not_measure.match(prose, start)
        return bool(blocked and blocked.end() > end)

    def _adjective_use(self, prose: str, end: int, s_end: int) -> bool:
        follower = self.bad_follower.match(prose, end, s_end)
        if not follower:
            return False
        word = follower.group("w")
        return _word_key(word) not in self.subject_of and (word[0].islower() or _word_key(word) not in FOLLOWERS)


def _link_label_spans(doc: Document) -> list[tuple[int, int]]:
    """Spans of Markdown link labels: "[one person is shot dead](/news/...)" titles another article."""
    spans = []
    for link in doc.links:
        if link.label != link.url and link.label:
            label_end = doc.text.rfind("]", 0, link.start)
            if label_end >= len(link.label):
                spans.append((label_end - len(link.label), label_end))
    return spans
