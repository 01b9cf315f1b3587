"""KZ104 glued-words: A missing space between words (fromSergey, killed.Police) or before a URL (countryhttps://)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.core.document import Document
from lint.core.findings import Edit, Finding, Fix, Severity
from lint.reference.wordlists import zipf_frequency
from lint.rules.artifacts.support import ArtifactOptions, block_of, compile_or_none, in_link, quote
from lint.rules.base import DocumentRule
from lint.text.phrases import phrase_alternation
from lint.text import words as text_words
from lint.text.words import GLUE_JOINERS

_LOWER_WORD = re.compile(r"\b[^\W\d_A-Z]+\b")
NEIGHBOURHOOD = 60  # characters each side of a glued word where another unknown word makes it a foreign phrase
UNKNOWN_SHARE = 0.15  # of a text's lowercase words unknown to English: more, and it is written in another language
# joining words that glue to a word in a scraped text and that English does not write as a prefix
# ('in', 'on', 'over', 'a': 'inaction', 'onstage') or a suffix ('an', 'or', 'at': 'veteran', 'actor')
_JOINERS_BEFORE = ("the", "of", "from", "and", "but", "said", "says", "told", "was", "were", "has", "have",
                   "had", "been", "when", "where", "which", "that", "this", "their", "its", "not", "an")
_JOINERS_AFTER = ("the", "of", "from", "in", "on", "and", "but", "said", "says", "told", "was", "were", "has",
                  "have", "had", "been", "when", "where", "which", "that", "this", "their", "not", "with", "for")


class GluedWordsOptions(ArtifactOptions):
    joiners: list[str] = list(GLUE_JOINERS)  # function words and a few more (lint/text/words.py)
    allow: list[str] = ["toString", "inDesign", "onClick", "onLoad", "isNaN"]
    # a person's title glued to the capitalised name after it ("PresidentJoe Biden", "Prime MinisterMariano")
    titles: list[str] = ["President", "Minister", "Chancellor", "Secretary", "Governor", "Senator", "Mayor", "Judge",
                         "Sheikh", "Ambassador", "Commissioner", "Chairman", "Spokesman", "Spokeswoman"]
    # Any other lowercase word of 3+ letters glued to a capitalised one ("sevenChampions") fires when it is
    # this common in English (wordfreq Zipf) and the two together are no word English knows
    min_word_zipf: float = 3.0
    # a capitalised word and a full stop before a capital are a sentence's end ("Monday.Officials")
    # unless the word is one of these abbreviations, or shorter than 4 letters ("Mr.Smith", "St.Petersburg")
    abbreviations: list[str] = ["Capt", "Prof", "Corp", "Dept", "Univ", "Bros", "Blvd", "Sgt", "Gen", "Col", "Gov",
                                "Sen", "Rep", "Rev", "Inc", "Ltd"]
    # a site's name, not two sentences: "Booking.Com", "Ask.Fm"
    domain_endings: list[str] = ["com", "net", "org", "info", "biz", "gov", "edu", "co", "uk", "io", "tv", "fm", "me",
                                 "ru", "kz", "de", "fr"]


class GluedWords(DocumentRule):
    code = "KZ104"
    name = "glued-words"
    severity = Severity.WARNING
    summary = "A missing space between words (fromSergey, killed.Police) or before a URL (countryhttps://)."
    message = 'missing space {where} in "{token}"'
    explanation = (
        "When a scraper drops the markup between two pieces of text it often drops the space "
        "too: a link's label glues onto the word before it (\"articles fromSergey\"), a URL onto "
        "the end of a sentence (\"countryhttps://t.co/…\"), a sentence onto the one before it "
        "(\"dangerous.The\", \"Monday.Officials\"). A lowercase word followed by a capitalised word fires "
        "when the first is a joining word (`joiners`: from, of, at, the, …) or any English word at least "
        "`min-word-zipf` common (\"sevenChampions\", \"greetPresident\") and the two together are no word "
        "English knows. Brand names are not glued words, and the signal is general, not a list: they "
        "start in capitals (PlayStation, YouTube, McLeish), have a prefix of one or two letters (iPod, "
        "eBay), or are single words wordfreq knows (easyJet); a joining word glued to such a brand still fires "
        "(\"withGovTech\", \"theiPhone\"; not \"inkJet\", a word); names in `allow` never fire. A person's title "
        "in `titles` glued to a name fires (\"PresidentJoe Biden\"), and so does a lowercase word English does "
        "not have that is a joining word and a common word glued (\"governmentsaid\", \"reportersin\", "
        "\"aninvestigation\"), unless the joiner's letters are an English prefix or suffix there (\"underreported\", "
        "\"veteran\") or other unknown words stand around it (a phrase in another language). A capitalised "
        "word ends a sentence unless it is shorter than 4 letters or in `abbreviations` (Mr.Smith, "
        "One.Tel, St.Petersburg), and \"Booking.Com\" is a site (`domain-endings`). Hashtags, @handles, "
        "e-mail addresses and URLs themselves are skipped. --fix inserts the space."
    )
    bad_example = "View more articles fromSergey Kwan"
    good_example = "Omirbek Isabayev, one of the striking oil workers from UzenMunaiGas, spoke on YouTube."
    fixable = True
    Options = GluedWordsOptions

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        joiners = phrase_alternation(self.options.joiners)
        # the joiner, then a capitalised word or a brand of its own: inner capitals (withGovTech, viaLinkedIn)
        # or a one-letter prefix (theiPhone, onmParivahan)
        self._camel = compile_or_none(rf"(?:{joiners})(?=[a-z]?[A-Z][a-z]+(?:[A-Z][a-z]*)*(?![\w(]))" if joiners else "")
        self._allowed = frozenset(self.options.allow)
        self._titles = frozenset(self.options.titles)
        self._abbreviations = frozenset(self.options.abbreviations)
        self._domain_endings = frozenset(e.lower() for e in self.options.domain_endings)

    # Cheap scans first (a lower-case letter meeting a capital, a URL scheme); the exact shape is
    # then checked at the few places they find. The capital comes first in the pattern, so that `re`
    # looks for it with a fast character-set scan (lower-case letters are everywhere).
    _CASE_CHANGE = re.compile(r"[A-Z](?:(?<=[a-z][A-Z])|(?<=[a-z][.!?][A-Z])|(?<=[\d%)\]\"”’][.!?][A-Z])"
                              r"|(?<=[a-z][.!?][\"”’][A-Z]))")
    _URL_START = re.compile(r"https?://|www\.|pic\.twitter\.com/")
    _SENTENCE = re.compile(r"(?:[A-Z]?[a-z]{2,}|[a-z])[.!?](?=[A-Z][a-z]+(?![\w.@/(]))")
    _CAPITALISED = re.compile(r"[A-Z][a-z]+(?![\w(])")
    _SENTENCE_WORD = re.compile(r"[A-Z][a-z]+(?![\w.@/(])")
    _WORD_BEFORE = frozenset("#@/.&'’-_")

    def check(self, doc: Document) -> Iterator[Finding]:
        prose = doc.prose
        for match in self._CASE_CHANGE.finditer(prose):
            capital = match.start()
            if prose[capital - 1] in "\"”’" or prose[capital - 1] in ".!?" and not "a" <= prose[capital - 2] <= "z":
                # a sentence that ends on a figure, a bracket or a quotation, glued to the next: "in
                # 2026.Germany's", "4.5%.Analysts", "(AFP).Police", 'leave."The'
                start, _ = _token(prose, capital, capital)
                if self._SENTENCE_WORD.match(prose, capital) and not any(mark in prose[start:capital] for mark in "/@#"):
                    yield from self._report(doc, start, capital, "after the end of a sentence")
                continue
            after_stop = not "a" <= prose[capital - 1] <= "z"  # "killed.Police"
            left = capital - 2 if after_stop else capital - 1
            while left > 0 and prose[left - 1].isalpha() and prose[left - 1].islower():
                left -= 1
            if after_stop and left > 0 and prose[left - 1].isupper():  # "Monday.Officials"
                left -= 1
                if capital - 1 - left < 4 or prose[left:capital - 1] in self._abbreviations:
                    continue  # "Mr.Smith", "St.Petersburg", "One.Tel": a title or a name's own dot
            if left > 0 and (prose[left - 1].isalnum() or prose[left - 1] in self._WORD_BEFORE):
                if not after_stop and self._titled(prose, left - 1, capital):
                    yield from self._report(doc, left - 1, capital, "after a title")
                continue  # CamelCase (UzenMunaiGas, McDonald), a hashtag, a handle, a path
            if after_stop:
                glued = None if self._is_domain(prose, capital) else self._SENTENCE.match(prose, left)
                kind = "after the end of a sentence"
            else:
                glued = self._camel.match(prose, left) if self._camel else None
                if glued is None and self._two_words(prose, left, capital):
                    yield from self._report(doc, left, capital, "between words")
                    continue
                kind = "between words"
            if glued is not None and glued.end() == capital - 1 and not after_stop \
                    and zipf_frequency(prose[left:capital]) < self.options.min_word_zipf:
                yield from self._report(doc, left, glued.end(), kind)  # "theiPhone", not "inkJet"
                continue
            if glued is None or glued.end() != capital:
                continue
            yield from self._report(doc, left, glued.end(), kind)
        yield from self._lowercase_glue(doc)
        if "http" in prose or "www." in prose or "pic.twitter.com" in prose:
            for match in self._URL_START.finditer(prose):
                if match.start() > 0 and prose[match.start() - 1].isalpha():
                    start = match.start() - 1
                    while start > 0 and not prose[start - 1].isspace():
                        start -= 1
                    yield from self._report(doc, start, match.start(), "before a URL")

    def _titled(self, prose: str, start: int, capital: int) -> bool:
        """"PresidentJoe Biden": a title from `titles` that opens the token, glued to a capitalised word."""
        return (prose[start:capital] in self._titles and (start == 0 or not prose[start - 1].isalnum())
                and self._CAPITALISED.match(prose, capital) is not None)

    def _lowercase_glue(self, doc: Document) -> Iterator[Finding]:
        """"governmentsaid", "reportersin", "aninvestigation": a word English does not have that is a
        common word (`min-word-zipf`) and a joining word glued together, the joiner where it is no
        prefix or suffix of English words ("underreported", "veteran" are words)."""
        unknown = text_words.unknown_words(doc)
        if len(unknown) > max(3, UNKNOWN_SHARE * len(set(text_words.lowercase_tokens(doc)))):
            return  # a text in another language: its words are no English words glued
        glued = {}
        for word in unknown:
            if len(word) >= 6 and word.isascii() and word.isalpha():
                split = self._lowercase_split(word)
                if split:
                    glued[word] = split
        if not glued:
            return
        prose = doc.prose
        foreign = unknown - glued.keys()
        for match in re.finditer(rf"(?<![\w@#/.&'’-])(?:{'|'.join(sorted(glued))})(?![\w@/])", prose):
            around = _LOWER_WORD.findall(prose, max(0, match.start() - NEIGHBOURHOOD), match.end() + NEIGHBOURHOOD)
            if not foreign.intersection(around):  # among other unknown words: a phrase in another language
                yield from self._report(doc, match.start(), match.start() + glued[match.group()], "between words")

    def _lowercase_split(self, word: str) -> int | None:
        """Where `word` is a joining word and a common word glued, if it is (see _lowercase_glue)."""
        least = self.options.min_word_zipf
        for joiner in _JOINERS_BEFORE:
            if word.startswith(joiner) and len(word) - len(joiner) >= 4 and zipf_frequency(word[len(joiner):]) >= least:
                return len(joiner)
        for joiner in _JOINERS_AFTER:
            if word.endswith(joiner) and len(word) - len(joiner) >= 4 and zipf_frequency(word[:-len(joiner)]) >= least:
                return len(word) - len(joiner)
        return None

    def _two_words(self, prose: str, left: int, capital: int) -> bool:
        """"sevenChampions", "greetPresident": a common English word of 3+ letters, then a capitalised
        word ending the token, and the two together no word English knows (easyjet, playstation are)."""
        head = prose[left:capital]
        right = self._CAPITALISED.match(prose, capital)
        if right is None or len(head) < 3 or not head.isascii() or zipf_frequency(head) < self.options.min_word_zipf:
            return False
        return zipf_frequency((head + right.group()).lower()) == 0

    def _is_domain(self, prose: str, capital: int) -> bool:
        """"Booking.Com", "Ask.Fm": a site's name, not two sentences."""
        end = capital + 1
        while end < len(prose) and prose[end].isalpha():
            end += 1
        return prose[capital:end].lower() in self._domain_endings

    def _report(self, doc: Document, start: int, split: int, kind: str) -> Iterator[Finding]:
        prose = doc.prose
        _, end = _token(prose, split, split)
        token = prose[start:end]
        if token.strip("\"'“”‘’()[],;:") in self._allowed or "@" in token:
            return
        if in_link(doc, start, split) or block_of(doc, start) is None:
            return
        yield self.report(
            doc, start, min(end, split + 12), where=kind, token=quote(token, 40),
            fix=Fix((Edit(split, split, " "),), f'insert a space: "{quote(prose[start:split], 30)} '
                                               f'{quote(prose[split:end], 30)}"'),
        )


def _token(text: str, start: int, end: int) -> tuple[int, int]:
    """The whitespace-delimited token around text[start:end]."""
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end
