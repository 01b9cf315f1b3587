"""KZ202: text left in another language or script than the article's.

Two checks, both cheap on the common case: runs of another script (Cyrillic, CJK, Arabic...)
are found with one pattern, skipped entirely for ASCII documents; Latin-script sentences in
another language are first spotted by how few of their lowercase words are common English,
and only those few sentences go to lingua (a detector built for the configured languages
only, once per process). Without lingua (the core install), a sentence is reported when its
common words are another language's (lint/reference/other_languages.py), with those words as
the reason. Names, glosses in parentheses, short or translated quotations and allow-listed terms
are left alone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, count, islice

from pydantic import Field, field_validator

from lint.config import Section
from lint.core.document import Document
from lint.core.findings import Finding, Severity
from lint.reference import wordlists
from lint.reference.other_languages import LATIN_LANGUAGES, leaning, likeliest_language
from lint.rules.base import DocumentRule, Options
from lint.text import quotes
from lint.text import words as pw
from lint.text.page_furniture import furniture_lines

# Letters of scripts other than Latin (Greek, Cyrillic, Armenian, Hebrew, Arabic, Indic, Thai,
# Georgian, Hangul, kana, CJK ideographs, Arabic presentation forms).
_OTHER_SCRIPT = (r"\u0370-\u03FF\u0400-\u052F\u0530-\u058F\u0590-\u05FF\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF"
                 r"\u0900-\u0DFF\u0E00-\u0E7F\u10A0-\u10FF\u1100-\u11FF\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF"
                 r"\uAC00-\uD7AF\uF900-\uFAFF\uFB50-\uFDFF\uFE70-\uFEFF")
_GAP = r" \t\-–—,.;:!?'’\"«»„“”()0-9\u3000-\u303F\uFF01-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65"  # incl. CJK punctuation
_OTHER_LETTER = re.compile(f"[{_OTHER_SCRIPT}]")
_LETTERS = re.compile(r"[^\W\d_]+")


# The patterns below are compiled on first use: re builds a map of every code point in
# _OTHER_SCRIPT for each (3 ms apiece, a pre-commit run's worth), and most documents have none.
@lru_cache(maxsize=1)
def _runs() -> re.Pattern:
    return re.compile(rf"(?<![^\W\d_])[{_OTHER_SCRIPT}]+(?:[{_GAP}]+[{_OTHER_SCRIPT}]+)*(?![^\W\d_])")


@lru_cache(maxsize=1)
def _other_letters() -> re.Pattern:
    return re.compile(f"[{_OTHER_SCRIPT}]+")


@lru_cache(maxsize=1)
def _run_words() -> re.Pattern:
    return re.compile(rf"[{_OTHER_SCRIPT}]+(?:[-'’][{_OTHER_SCRIPT}]+)*")


_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)  # a link's words are a path's, in no language
_LATIN_WORD = re.compile(r"(?<![\w'’‘ʻ-])[^\W\d_]+(?:['’‘ʻ-][^\W\d_]+)*")
_SCRIPT_NAMES = {"HIRAGANA": "Japanese", "KATAKANA": "Japanese", "CJK": "Chinese/Japanese", "HANGUL": "Korean"}
_ISO = {"en": "english", "de": "german", "fr": "french", "es": "spanish", "ru": "russian", "kk": "kazakh",
        "tr": "turkish", "uz": "uzbek", "uk": "ukrainian", "it": "italian", "pt": "portuguese", "nl": "dutch",
        "pl": "polish", "zh": "chinese", "ar": "arabic", "fa": "persian", "ky": "kyrgyz", "az": "azerbaijani"}
_NON_LATIN_LANGUAGES = {"russian": "CYRILLIC", "kazakh": "CYRILLIC", "ukrainian": "CYRILLIC", "kyrgyz": "CYRILLIC",
                        "belarusian": "CYRILLIC", "bulgarian": "CYRILLIC", "mongolian": "CYRILLIC",
                        "chinese": "CJK", "japanese": "CJK", "korean": "HANGUL", "arabic": "ARABIC",
                        "persian": "ARABIC", "greek": "GREEK", "hebrew": "HEBREW"}


# a gloss after a quotation: its closing mark, then "(" or a dash and the translation (capitalised, or
# quoted: '"Wir werden uns wehren" — "we will resist"')
_GLOSS_AFTER = re.compile(r"[\s\"'”’»“«]{0,3}(?:\(|[-–—:]\s*(?:[\"“«‘'][^\W\d_]|[A-Z]))")


# ... or after the speech tag that closes its sentence: '"Nos están cobrando lo que no debemos," he wrote.
# (They are charging us what we do not owe.)'
_GLOSS_AFTER_TAG = re.compile(r"[\"'”’»]?,?\s+(?:[\w’'.-]+\s+){1,4}?[a-z]+[.!]?\s*\(")


class UntranslatedOptions(Options):
    model_config = Section.model_config  # kebab-case keys in rules.yaml

    # Languages lingua may answer with (its names): the Latin-script ones kzlint has word lists for
    # (LATIN_LANGUAGES: a language left out is named as its nearest neighbour, Italian as Spanish,
    # Indonesian as Turkish), Russian, and Azerbaijani (lingua 2.1 has no Uzbek: it reads as
    # Turkish or Azerbaijani).
    languages: list[str] = ["english", *LATIN_LANGUAGES, "russian", "azerbaijani"]
    min_confidence: float = Field(0.8, ge=0, le=1)  # lingua's confidence in the other language
    min_words: int = Field(5, ge=2)  # lowercase words a Latin-script sentence needs before it is judged
    max_english_share: float = Field(0.5, ge=0, le=1)  # share of them that are common English, at most
    min_letters: int = Field(3, ge=1)  # letters of another script that make a run worth reporting
    name_words: int = Field(3, ge=0)  # a capitalised run of up to this many words is a name
    allow: list[str] = []  # terms never reported (case-insensitive), e.g. "Nur Otan"

    @field_validator("languages")
    @classmethod
    def _known_languages(cls, value: list[str]) -> list[str]:
        names = _lingua_languages()
        unknown = [v for v in value if v.lower() not in names] if names else []  # unchecked without lingua
        if unknown:
            raise ValueError(f"lingua does not know {', '.join(unknown)} (it knows e.g. {', '.join(sorted(names)[:6])}...)")
        if "english" not in [v.lower() for v in value]:
            raise ValueError("must include english")
        return [v.lower() for v in value]


class Untranslated(DocumentRule):
    code = "KZ202"
    name = "untranslated"
    severity = Severity.WARNING
    summary = "Text in another language or script than the article's (Cyrillic in English prose, a German sentence)."
    message = "untranslated {script} text{guess}: “{text}”"  # guess: ", Russian" when lingua is sure enough
    messages = {"sentence": "sentence not in {language} (lingua: {other} {confidence}): “{text}”",
                "quote": "quotation not in {language} and not translated (lingua: {other} {confidence}): “{text}”",
                # without lingua; words: "“di”, “una”, “negli”", the sentence's words common in {other}
                "words": "sentence not in {language} (common {other} words: {words}): “{text}”",
                "quote-words": "quotation not in {language} and not translated (common {other} words: {words}): “{text}”"}
    explanation = (
        "Half-translated articles keep sentences of the source language: a Russian quote pasted "
        "untranslated, a Kazakh caption, a German paragraph from a wire feed. The article's language "
        "comes from front matter `language:` (else English unless most of it reads otherwise). Runs of "
        "another script are reported, and Latin-script sentences whose words are mostly not English "
        "are confirmed with lingua before they are reported (`kzlint[lang]`); without lingua, a "
        "sentence is reported when its common words are another language's, and the message shows "
        "them. Names (capitalised runs of a few words), glosses in parentheses (also a sentence whose next "
        "sentence, in parentheses, translates it), quotations in another "
        "script of up to `name-words` words (a slogan), Latin-script quotations of fewer than `min-words` "
        "lowercase words, quotations followed by their translation (in parentheses or after a dash, also after "
        "the speech tag that closes the sentence: '\"...,\" he wrote. (They are ...)'), and "
        "the rule's `allow` list are not reported; a longer quotation in another language left without a "
        "translation is."
    )
    bad_example = ("Police detained dozens of protesters in Almaty on Thursday, officials said, and the city "
                   "centre was calm by the evening. Полиция задержала более ста человек.")
    good_example = "The capital, Nur-Sultan (Нұр-Сұлтан), was calm, Khabar-24 reported; UzenMunaiGas staff struck."
    Options = UntranslatedOptions

    def prepare(self) -> list[str]:
        wordlists.warm_up()
        if not lingua_available():
            return [LINGUA_MISSING]
        return []

    def cache_token(self) -> str:
        return "lingua" if lingua_available() else "no-lingua"

    def check(self, doc: Document) -> Iterator[Finding]:
        for finding in self._check(doc):
            if finding.line not in furniture_lines(doc):  # a menu in the site's language is not the article
                yield finding

    def _check(self, doc: Document) -> Iterator[Finding]:
        allow = [a.lower() for a in self.options.allow]
        other = _OTHER_LETTER.search(doc.prose) if not doc.prose.isascii() else None
        declared, script = self._language(doc, other)
        if other:
            yield from self._other_script_runs(doc, script, allow)
        if script != "LATIN":
            return
        if not lingua_available():  # the core install: the sentences' common words tell
            yield from self._by_common_words(doc, declared, allow)
            return
        if declared is None:  # English, unless the article turns out to be in another language
            if not _has_foreign_stretch(doc):
                return
            candidates = list(self._candidates(doc, allow, english_gate=True))
            language = "english"
            if candidates and 2 * len(candidates) >= self._judged:  # most of it reads as another language: which?
                detected = _detector(tuple(self.options.languages)).detect_language_of(doc.prose)
                language = detected.name.lower() if detected else "english"
        elif declared in self.options.languages:
            language = declared
            candidates = list(self._candidates(doc, allow, english_gate=declared == "english"))
        else:
            return
        yield from self._other_language(doc, candidates, language)
        if language == "english":
            yield from self._other_language(doc, list(self._quotations(doc, allow)), language, "quote")

    # -- the article's language --------------------------------------------------------------
    def _language(self, doc: Document, first_other: re.Match | None) -> tuple[str | None, str]:
        """(declared language or None, script) of the article, from front matter or its letters."""
        declared = doc.front_matter.get("language") or doc.front_matter.get("lang")
        if isinstance(declared, str) and declared.strip():
            name = declared.strip().lower()
            name = _ISO.get(name.split("-")[0].split("_")[0], name)
            return name, _NON_LATIN_LANGUAGES.get(name, "LATIN")
        if first_other:
            other = sum(map(len, _other_letters().findall(doc.prose)))
            if other * 2 > sum(map(len, _LETTERS.findall(doc.prose))):
                return "", _script(first_other.group())  # mostly another script: not an English article
        return None, "LATIN"

    # -- runs of another script ----------------------------------------------------------------
    def _other_script_runs(self, doc: Document, script: str, allow: list[str]) -> Iterator[Finding]:
        prose = doc.prose
        for m in _runs().finditer(prose):
            run = m.group()
            start, end = m.start(), m.start() + len(run)
            run_script = _script(run[0])
            if run_script == script or sum(ch.isalpha() for ch in run) < self.options.min_letters:
                continue
            if run.lower() in allow or self._is_name(prose, start, end, run):
                continue
            if quotes.in_quotes(doc, start, end) and not self._untranslated_quote(prose, end, run):
                continue
            label = _SCRIPT_NAMES.get(run_script, run_script.title())
            language = self._guess(run, run_script)
            yield self.report(doc, start, end, script=label, guess=language, text=_clip(run), extra={"script": label})

    def _untranslated_quote(self, prose: str, end: int, run: str) -> bool:
        """A quotation in another script is the speaker's words when short (a slogan, a term: up to
        `name-words` words) or glossed after it; a longer one left without a gloss is untranslated."""
        if len(_run_words().findall(run)) <= self.options.name_words:
            return False
        return not _GLOSS_AFTER.match(prose, end)

    def _is_name(self, prose: str, start: int, end: int, run: str) -> bool:
        words = _run_words().findall(run)
        if len(words) > self.options.name_words:
            return False
        glossed = prose[:start].rstrip().endswith("(") and prose[end:].lstrip().startswith(")")
        capitalised = all(w[0].isupper() for w in words)
        return glossed or capitalised

    def _guess(self, run: str, run_script: str) -> str:
        candidates = [name for name in self.options.languages if _NON_LATIN_LANGUAGES.get(name) == run_script]
        if len(_run_words().findall(run)) < 2 or not candidates:
            return ""
        if len(candidates) == 1:
            return f", {candidates[0].title()}"
        if not lingua_available():
            return ""
        values = _detector(tuple(candidates)).compute_language_confidence_values(run)
        best = values[0] if values else None
        return f", {best.language.name.title()}" if best and best.value >= self.options.min_confidence else ""

    # -- Latin-script sentences in another language --------------------------------------------
    def _candidates(self, doc: Document, allow: list[str], english_gate: bool):
        """(sentence, its text with quotations blanked) worth asking lingua about."""
        common = wordlists.known_words(3.0)
        self._judged = 0
        sentences = doc.sentences
        for index, sentence in enumerate(sentences):
            if _glossed_next(doc, index):
                continue
            text = doc.prose[sentence.start:sentence.end]
            spans = quotes.quoted_spans(text)
            if "/" in text:
                spans = sorted([*spans, *(m.span() for m in _URL.finditer(text))])
            text = _blank(text, spans)
            lowered = text.lower()
            if any(term in lowered for term in allow):
                continue
            latin = [w for w in _LATIN_WORD.findall(text) if _latin(w)]
            words = [w for w in latin if w[0].islower()]
            if len(words) < self.options.min_words:
                continue
            self._judged += 1
            if english_gate and self._reads_as_english(latin, words, common):
                continue
            yield sentence, text

    def _reads_as_english(self, latin: list[str], words: list[str], common) -> bool:
        """More than `max-english-share` of the lowercase words are common English, and the words
        that lean do not lean to another configured language."""
        return sum(w in common for w in words) / len(words) > self.options.max_english_share \
            and not self._leans_foreign(latin)

    def _leans_foreign(self, latin: list[str]) -> bool:
        """Whether most of the words (a sentence's Latin-script words) that lean one way lean to
        another configured language: the second look a German sentence needs (its lowercase words,
        "hat am in der", are also English words; its nouns are capitalised) and a French one
        ("police", "plus", "de")."""
        others = tuple(name for name in self.options.languages if name != "english")
        english, other = leaning(latin, others)
        return other >= 3 and english <= self.options.max_english_share * (english + other)

    def _by_common_words(self, doc: Document, declared: str | None, allow: list[str]) -> Iterator[Finding]:
        """Without lingua: in an English article, each sentence whose words read as one other
        language (other_languages.likeliest_language, over the configured languages and the
        Latin-script ones kzlint has word lists for), reported with the words that tell. An article
        mostly in another language is that language's: which one, lingua would tell."""
        if declared not in (None, "english") or not _has_foreign_stretch(doc):
            return
        candidates = list(self._candidates(doc, allow, english_gate=True))
        if candidates and declared is None and 2 * len(candidates) >= self._judged:
            return
        others = tuple(dict.fromkeys([*(name for name in self.options.languages if name != "english"), *LATIN_LANGUAGES]))
        for variant, found_in in (("words", candidates), ("quote-words", self._quotations(doc, allow))):
            for span, text in found_in:
                found = likeliest_language([w for w in _LATIN_WORD.findall(text) if _latin(w)], others)
                if found is None:
                    continue
                other, words = found[0].title(), ", ".join(f"“{word}”" for word in found[1][:3])
                yield self.report(doc, span.start, span.end, variant, language="English", other=other, words=words,
                                  text=_clip(doc.prose[span.start:span.end]), extra={"language": other})

    def _other_language(self, doc: Document, candidates: list, language: str,
                        variant: str = "sentence") -> Iterator[Finding]:
        detector = _detector(tuple(self.options.languages))
        for span, text in candidates:
            values = detector.compute_language_confidence_values(text)
            best = values[0] if values else None
            if best is None or best.language.name.lower() == language or best.value < self.options.min_confidence:
                continue
            other = best.language.name.title()
            yield self.report(doc, span.start, span.end, variant, language=language.title(), other=other,
                              confidence=f"{best.value:.2f}", text=_clip(doc.prose[span.start:span.end]),
                              extra={"language": other})

    def _quotations(self, doc: Document, allow: list[str]) -> Iterator[tuple[_Span, str]]:
        """(span, text) of the quotations in Latin script worth asking lingua about: `min-words`
        lowercase words or more, mostly not common English, and no translation after them (a gloss
        in parentheses or after a dash, as `_GLOSS_AFTER` reads it). A speaker's words in another
        language left untranslated are the article's gap, as an untranslated sentence is."""
        common = wordlists.known_words(3.0)
        prose = doc.prose
        for _, block in doc.prose_blocks:
            text = prose[block.start:block.end]
            spans = list(quotes.quoted_spans(text, block.start))
            for number, (start, end) in enumerate(spans):
                inner = prose[start + 1:end - 1]
                if _GLOSS_AFTER.match(prose, end) or any(term in inner.lower() for term in allow) \
                        or _GLOSS_AFTER_TAG.match(prose, end):
                    continue
                latin = [w for w in _LATIN_WORD.findall(inner) if _latin(w)]
                words = [w for w in latin if w[0].islower()]
                if len(words) < self.options.min_words or len(latin) < len(_LATIN_WORD.findall(inner)):
                    continue  # short, or in another script (_other_script_runs)
                if self._reads_as_english(latin, words, common) or self._translated_next(prose, spans[number + 1:], latin, common):
                    continue
                yield _Span(start + 1, end - 1), inner

    def _translated_next(self, prose: str, following: list[tuple[int, int]], latin: list[str], common) -> bool:
        """The paragraph's next quotation is the translation: English, about as long ('"Hawke's Bay
        mein na pani hai, na rozgar," said Shabana Bibi. "There is no water and no work in Hawke's Bay."')."""
        if not following:
            return False
        start, end = following[0]
        other = [w for w in _LATIN_WORD.findall(prose[start + 1:end - 1]) if _latin(w)]
        lower = [w for w in other if w[0].islower()]
        return bool(lower) and len(latin) / 2 <= len(other) <= len(latin) * 1.8 \
            and self._reads_as_english(other, lower, common)


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int


def _glossed_next(doc: Document, index: int) -> bool:
    """The sentence after sentence `index`, in its paragraph, is its translation in parentheses:
    "Ar dheis Dé go raibh a anam. (May his soul be at God's right hand.)"."""
    sentences = doc.sentences
    if index + 1 >= len(sentences) or sentences[index + 1].block != sentences[index].block:
        return False
    following = sentences[index + 1]
    return doc.prose[following.start:following.end].lstrip().startswith("(")


def _has_foreign_stretch(doc: Document) -> bool:
    """Whether some six lowercase words in a row include three that are not common English: the
    cheap test (C-speed set lookups) that keeps ordinary English articles from the sentence check."""
    lowercase = pw.lowercase_tokens(doc)
    lowercase = list(compress(lowercase, map(str.isalpha, lowercase)))
    rare = set(lowercase).difference(wordlists.known_words(3.0))  # each distinct word looked up once
    uncommon = list(compress(count(), map(rare.__contains__, lowercase)))
    return any(later - first < 6 for first, later in zip(uncommon, islice(uncommon, 2, None)))


LINGUA_MISSING = ("KZ202 untranslated: without lingua, sentences in other Latin-script languages are found by their "
                  "common words only: pip install 'kzlint[lang]' to confirm and name them with lingua")


@lru_cache(maxsize=1)
def lingua_available() -> bool:
    """Whether lingua (the `lang` extra, 96 MB of language models) is installed; not imported here."""
    import importlib.util

    try:
        return importlib.util.find_spec("lingua") is not None
    except (ImportError, ValueError):  # blocked or broken: as good as absent
        return False


@lru_cache(maxsize=1)
def _lingua_languages() -> frozenset[str]:
    """lingua's language names, lower case (empty without lingua)."""
    if not lingua_available():
        return frozenset()
    from lingua import Language

    return frozenset(language.name.lower() for language in Language.all())


@lru_cache(maxsize=8)
def _detector(languages: tuple[str, ...]):
    """A lingua detector for these languages only (low-accuracy mode: small models, fast)."""
    from lingua import Language, LanguageDetectorBuilder

    chosen = [Language.from_str(name) for name in languages]
    if len(chosen) == 1:
        chosen.append(Language.ENGLISH if chosen[0] != Language.ENGLISH else Language.GERMAN)
    return LanguageDetectorBuilder.from_languages(*chosen).with_low_accuracy_mode().build()


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "UNKNOWN")
    return name.split()[0]


def _blank(text: str, spans) -> str:
    """`text` with the spans (sorted, as quoted_spans gives them) blanked out, in one pass: a
    sentence of thousands of quotations was copied once per quotation."""
    pieces, position = [], 0
    for a, b in spans:
        a = max(a, position)
        if b <= a:
            continue
        pieces += (text[position:a], " " * (b - a))
        position = b
    pieces.append(text[position:])
    return "".join(pieces)


def _latin(word: str) -> bool:
    return word.isascii() or not _NOT_LATIN.search(word)  # isascii: no pattern call for most words


_NOT_LATIN = re.compile(r"[^\u0000-\u024F\u1E00-\u1EFF'’‘ʻ-]")  # Latin letters (with extensions), apostrophes


def _clip(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
