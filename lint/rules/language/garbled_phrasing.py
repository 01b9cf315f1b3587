"""KZ203: sentences damaged by machine translation, OCR or scraping, found offline.

Each signal is a fact an editor can check in the sentence itself, and the message names it:
a word English does not have, a word twice in a row, an article before a word that cannot
follow one, a sentence with no subject, a paragraph that stops mid-clause. Thresholds were
set on 1,689 clean BBC articles (see README): one rare word alone is not enough.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from functools import cached_property, lru_cache
from itertools import compress, islice
from operator import eq

from pydantic import Field

from lint.config import Section
from lint.core.document import Document
from lint.core.findings import Finding, Severity
from lint.reference import wordlists
from lint.rules.base import DocumentRule, Options
from lint.text import quotes
from lint.text import words as pw
from lint.text.foreign import in_other_language
from lint.text.page_furniture import on_furniture
from lint.text.phrases import literal_alternation

_ARTICLES = frozenset(pw.ARTICLES)
_ARTICLE_PAIR = re.compile(rf"(?<![\w'’-])(the|a|an)\s+({'|'.join(sorted(pw.NOT_AFTER_ARTICLE))})(?![\w'’-])")
_REPEAT = re.compile(r"(?<![\w'’-])([a-z]+)\s+(\1)(?![\w'’-])")
_NOT_PROSE_WORD = re.compile(r"[@.&#/_]")  # the character before a word that is no prose word
# "What it is is a war", "All I know is is ...": a clause ending on "is" and the verb after it
_WHAT_IT_IS = re.compile(r"\b(?:what|all|the (?:thing|problem|point|question|truth|reason))\s+(?:\w+\s+){0,3}$", re.I)
_SUBJECTLESS = re.compile(r"(?:But|And|Yet)[ \t]+(?:have|has|had|was|were)[ \t]")
_SUBJECTLESS_HEADS = tuple(f"{a} {b}" for a in ("But", "And", "Yet") for b in ("ha", "w"))  # cheap pre-check
_AGENT_SUFFIXES = ("ers", "er")


class GarbledOptions(Options):
    model_config = Section.model_config  # kebab-case keys in rules.yaml

    # Words that may come twice: "had had", "that that", "very very", "placed in in the past".
    allowed_repeats: list[str] = ["had", "that", "very", "really", "no", "yes", "so", "bye", "ha", "do", "well",
                                  "far", "many", "more", "now", "again", "this", "knock", "tut", "blah", "in", "on"]
    repeated_words: bool = True
    article_pairs: bool = True  # "the of", "a the"
    subjectless: bool = True  # "But have since grown ..."
    stops_mid_clause: bool = True  # a paragraph that ends on "the", "of", "when" ...
    coined_words: bool = True  # an unknown agent noun built on a known word ("capturers" from "capture")
    min_base_zipf: float = Field(3.0, ge=0, le=8)  # how common that known word must be
    unknown_words_per_sentence: int = Field(2, ge=1)  # other unknown lowercase words that make a sentence garbled
    # Words of the corpus's region or trade that English dictionaries lack ("akimat", "oblast"): never unknown.
    known_words: list[str] = []
    # Machine-translation slips in fluent English (issue 15; LanguageTool without its n-gram data
    # finds none of them). A word that is the near-miss of another, told apart by the paragraph
    # around it, as LanguageTool's wrongWordInContext rule does: [written, meant, words that go with
    # the written word, words that go with the meant one] (regex alternatives, case-insensitive).
    confused_words: list[tuple[str, str, str, str]] = [
        ("classes", "clashes",
         (r"schools?|students?|pupils?|teach\w*|lessons?|universit\w+|courses?|colleges?|middle|working|upper|"
          r"ruling|online|yoga|dance|music|art"),
         (r"police|protest\w*|demonstrat\w+|riot\w*|violen\w+|tear gas|troops|soldiers|security forces|killed|"
          r"injured|wounded|unrest|clash\w*|fighting|rebels?|militants?")),
        ("causalities", "casualties", r"causal\w*|statistic\w*|correlation",
         r"killed|dead|deaths?|wounded|injured|attacks?|bomb\w*|war|fighting|troops|civilians?"),
        ("troupes", "troops", r"theatre|theater|dance|dancers?|circus|actors?|perform\w*|stage|show",
         r"military|army|soldiers?|deploy\w*|border|withdraw\w*|armed|forces|invasion"),
    ]
    # Things one carries, not wears: "wearing clubs and shields" (for "wielding").
    carried_not_worn: list[str] = ["clubs", "sticks", "batons", "knives", "guns", "rifles", "pistols", "weapons",
                                   "firearms", "stones", "rocks", "bats", "axes", "machetes", "swords", "spears"]
    # Once a year, so never "on Fridays": "celebrates Christmas on Fridays" (for "on Friday").
    yearly_holidays: list[str] = ["Christmas", "Easter", "Ramadan", "Eid", "Hanukkah", "Diwali", "Thanksgiving",
                                  "Passover", "Nowruz", "Navruz", "New Year", "New Year's Day", "Independence Day"]
    bare_gerund_of: bool = True  # "began at nearly doubling of prices": a gerund with "of" needs an article


class GarbledPhrasing(DocumentRule):
    code = "KZ203"
    name = "garbled-phrasing"
    severity = Severity.WARNING
    summary = "A sentence damaged by machine translation, OCR or scraping."
    message = "garbled phrasing: {reasons}"
    explanation = (
        "Articles that went through machine translation and back, OCR, or a careless scraper carry "
        "sentences no editor would write: coined words ('capturers' for 'occupiers'), a word twice in a "
        "row, an article before a preposition, a sentence without a subject, a paragraph that stops "
        "on 'the'; and fluent-looking slips: a near-miss word its paragraph contradicts ('the classes on "
        "social media' in a story about clashes), things carried said to be worn ('wearing clubs'), "
        "'at nearly doubling of', a yearly holiday 'on Fridays'. Each finding names the signal it saw. "
        "The signals work offline (wordfreq's word lists; LanguageTool without its n-gram data finds "
        "none of these) and were calibrated so that clean news text stays quiet; a wrong meaning in "
        "good grammar ('predate' for 'presage') still needs an editor. A sentence in another "
        "language is KZ202's, not garbled English."
    )
    bad_example = "He rejected suggestions that the soldiers would act as capturers rather than peacekeepers."
    good_example = "He rejected as absolute folly suggestions that the soldiers would act as occupiers."
    Options = GarbledOptions

    def prepare(self) -> list[str]:
        wordlists.warm_up()
        return []

    @cached_property
    def _known_words(self) -> frozenset[str]:
        return frozenset(word.lower() for word in self.options.known_words)

    def check(self, doc: Document) -> Iterator[Finding]:
        reasons: dict[int, list[tuple[int, int, str]]] = defaultdict(list)  # sentence index -> signals
        for start, end, reason in self._signals(doc):
            if not quotes.in_quotes(doc, start, end) and not on_furniture(doc, start):  # a menu is not prose
                reasons[quotes.sentence_at(doc, start)].append((start, end, reason))
        for index in sorted(reasons):
            if in_other_language(doc, index):  # untranslated text is KZ202's: none of this is English
                continue
            found = sorted(set(reasons[index]))
            yield self.report(doc, found[0][0], found[0][1], reasons="; ".join(r[2] for r in found),
                              extra={"signals": str(len(found))})

    def _signals(self, doc: Document) -> Iterator[tuple[int, int, str]]:
        """Each signal is found cheaply in the token list, then confirmed in the prose."""
        options, prose, text = self.options, doc.prose, doc.text
        words = pw.tokens(doc)
        if options.repeated_words:
            allowed = set(options.allowed_repeats)
            doubled = {w for w in compress(words, map(eq, words, islice(words, 1, None))) if w.isalpha() and w.islower()}
            if doubled - allowed:
                for m in _REPEAT.finditer(prose):
                    if m.group(1) not in allowed and not text[m.end(1):m.start(2)].strip() \
                            and not (m.group(1) == "is" and _WHAT_IT_IS.search(prose, max(0, m.start() - 40), m.start())):
                        yield m.start(), m.end(), f"repeated word “{m.group()}”"
        if options.article_pairs and not pw.NOT_AFTER_ARTICLE.isdisjoint(
                compress(islice(words, 1, None), map(_ARTICLES.__contains__, words))):
            for m in _ARTICLE_PAIR.finditer(prose):
                if m.group(1) != m.group(2) and not text[m.end(1):m.start(2)].strip():
                    yield m.start(), m.end(), f"“{m.group(2)}” cannot follow “{m.group(1)}”"
        yield from self._unknown_words(doc)
        yield from self._mistranslation(doc)
        if options.subjectless and any(head in prose for head in _SUBJECTLESS_HEADS):
            yield from _subjectless(doc)
        if options.stops_mid_clause:
            yield from _paragraph_stops(doc)

    def _unknown_words(self, doc: Document) -> Iterator[tuple[int, int, str]]:
        """Lowercase words English does not use: a coined agent noun alone, other unknowns in numbers."""
        known = self._known_words
        unknown = {w for w in pw.unknown_words(doc) if len(w) > 2 and w.isalpha() and w.isascii() and w not in known
                   and not _is_inflection(w) and not _is_compound(w)}
        if not unknown:
            return
        others: dict[int, list[re.Match]] = defaultdict(list)
        prose = doc.prose
        for m in _lower_words(unknown, len(prose)).finditer(prose):
            word = m.group()
            if word not in unknown or _NOT_PROSE_WORD.match(prose, max(0, m.start() - 1)) \
                    or prose[m.end():m.end() + 1] in (".", ";") and prose[m.end() + 1:m.end() + 2].isalpha():
                continue  # a handle's, a domain's or an entity's letters: "@sarahmwangi.bsky.social", "&ldquo;"
            base = _agent_base(word, self.options.min_base_zipf) if self.options.coined_words else None
            if base:
                yield m.start(), m.end(), f"“{word}” is not an English word (coined from “{base}”)"
            elif not quotes.in_quotes(doc, m.start(), m.end()):
                others[quotes.sentence_at(doc, m.start())].append(m)
        for matches in others.values():  # per sentence
            distinct = list(dict.fromkeys(m.group() for m in matches))
            if len(distinct) >= self.options.unknown_words_per_sentence:
                listed = ", ".join(f"“{w}”" for w in distinct)
                yield matches[0].start(), matches[-1].end(), f"{listed} are not English words"


    def _mistranslation(self, doc: Document) -> Iterator[tuple[int, int, str]]:
        """Fluent-looking slips of machine translation (calibrated on seeds 002/003; none on the
        1,870 clean dev documents): see GarbledOptions."""
        prose, options = doc.prose, self.options
        confused, carried, holidays = _patterns(tuple(map(tuple, options.confused_words)),
                                                tuple(options.carried_not_worn), tuple(options.yearly_holidays))
        for word, meant, own, other in confused:
            if word.pattern[2:-2] not in prose:
                continue
            for block in doc.blocks:
                text = prose[block.start:block.end]
                about_other = None  # what the paragraph is about: read once, not once per use of the word
                for m in word.finditer(text):
                    if about_other is None:
                        # the written word itself is no context of its own ("causal\w*" holds "causalities")
                        about_other = bool(other.search(text)) and not own.search(word.sub(" ", text))
                    if about_other:
                        yield (block.start + m.start(), block.start + m.end(),
                               f"“{m.group()}” where the paragraph is about {meant}")
        if options.bare_gerund_of and ("nearly " in prose or "almost " in prose or "roughly " in prose):
            for m in _BARE_GERUND.finditer(prose):
                yield m.start(), m.end(), f"“{m.group()}”: “{m.group(1)} of” needs an article"
        if carried and ("wear" in prose or "wore" in prose or "worn" in prose):
            for m in carried.finditer(prose):
                between = prose[m.start():m.start(1)].split()[1:]
                if not any(_NOT_BETWEEN.fullmatch(w) for w in between):
                    yield m.start(), m.end(), f"“{m.group()}”: {m.group(1)} are carried, not worn"
        if holidays and "days" in prose:
            for m in holidays.finditer(prose):
                yield m.start(), m.end(), f"“{m.group()}”: a yearly holiday falls on one day, not every {m.group(1)}day"


def _lower_words(words: set[str], length: int) -> re.Pattern[str]:
    """What finds the uses of these lowercase words in a prose of `length` characters: `LOWER_WORD`
    (any such word), narrowed to them when they are few and the prose is long (a megabyte), so that
    `re` skips the other words (2 million in 20 MB) in C; compiling it would cost an article more."""
    if len(words) > 50 or length < 1_000_000:
        return pw.LOWER_WORD
    return re.compile(rf"(?<![\w'’-])(?:{literal_alternation(words)})(?![\w'’-])")


_BARE_GERUND = re.compile(r"\b(?:at|on|by|after|over|with|from|to|of|in)\s+(?:nearly|almost|roughly|about|around)\s+"
                          r"([a-z]+ing)\s+of\b")
_NOT_BETWEEN = re.compile(r"and|or|with|while|out|down|away|off|thin|through|\w+ing|\w+ed")


@lru_cache(maxsize=8)
def _patterns(confused: tuple, carried: tuple, holidays: tuple):
    words = [(re.compile(rf"\b{re.escape(w)}\b"), meant, re.compile(rf"\b(?:{own})\b", re.IGNORECASE),
              re.compile(rf"\b(?:{other})\b", re.IGNORECASE)) for w, meant, own, other in confused]
    worn = re.compile(r"\b(?:wear|wears|wearing|wore|worn)\s+(?:[a-z]+\s+){0,2}?(" +
                      "|".join(map(re.escape, carried)) + r")\b") if carried else None
    yearly = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(holidays, key=len, reverse=True))) +
                        r")\s+on\s+(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days\b") if holidays else None
    return words, worn, yearly


def _is_inflection(word: str) -> bool:
    """A regular plural, past, -ing or -ly form of a word English has ("capitalisations")."""
    for suffix, replacements in (("ies", ("y",)), ("es", ("", "e")), ("s", ("",)), ("ied", ("y",)),
                                 ("ed", ("", "e")), ("ing", ("", "e")), ("ly", ("", "le"))):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            if any(wordlists.is_known(stem + r, 2.0) for r in replacements):
                return True
    return False


# No English word (known at Zipf 3, or an inflection of one known at Zipf 2: 18 and 22 letters at
# most) is longer: the halves of a compound are looked up only where both could be words (a 400 KB
# run of letters was 200,000 lookups of slices of it: quadratic).
_LONGEST_PART = 40


def _is_compound(word: str) -> bool:
    """Two English words written as one ("beermaker", "phonecam"): a coinage, not damage."""
    for cut in range(max(3, len(word) - _LONGEST_PART), min(len(word) - 2, _LONGEST_PART + 1)):
        if wordlists.is_known(word[:cut], 3.0) and (wordlists.is_known(word[cut:], 3.0) or _is_inflection(word[cut:])):
            return True
    return False


def _agent_base(word: str, min_zipf: float) -> str | None:
    """The known word an unknown agent noun was built on: "capturers" -> "capture"."""
    for suffix in _AGENT_SUFFIXES:
        if not word.endswith(suffix) or len(word) < len(suffix) + 4:
            continue
        stem = word[: -len(suffix)]
        candidates = [stem, stem + "e"]
        if stem[-1] == stem[-2]:
            candidates.append(stem[:-1])  # "dialler" -> "dial"
        for base in candidates:
            if wordlists.is_known(base, min_zipf):
                return base
    return None


def _subjectless(doc: Document) -> Iterator[tuple[int, int, str]]:
    """Sentences that start "But have ...": the subject was lost in translation."""
    prose = doc.prose
    for sentence in doc.sentences:
        if _SUBJECTLESS.match(prose, sentence.start) and not prose[sentence.start:sentence.end].rstrip().endswith("?"):
            head = " ".join(prose[sentence.start:sentence.end].split()[:2])
            yield sentence.start, sentence.start + len(head), f"no subject (“{head} …”)"


def _paragraph_stops(doc: Document) -> Iterator[tuple[int, int, str]]:
    """Paragraphs that end on a word needing more after it ("... contact Sergeant McDonald on")."""
    prose = doc.prose
    for block in doc.blocks:
        if block.kind != "paragraph":
            continue
        end = block.start + len(prose[block.start:block.end].rstrip())
        last = prose[max(block.start, end - 20):end].rsplit(None, 1)[-1:]
        if last and last[0].isalpha() and last[0].lower() in pw.FUNCTION_WORDS:
            start = end - len(last[0])
            yield start, end, f"the paragraph stops mid-clause at “{last[0]}”"
