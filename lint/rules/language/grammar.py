"""KZ201: grammar and spelling through LanguageTool (or Harper, offline), when one is available.

`prepare()` picks the backend once per run in the main process and says in one notice when
there is none; worker processes inherit the choice (fork) or redo it quietly (spawn).
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterator
from pathlib import Path

from lint.backends import harper as harper_backend
from lint.backends import languagetool as lt
from lint.config import GrammarSettings, LanguageToolSettings
from lint.core.document import Document
from lint.core.findings import Edit, Finding, Fix, Severity
from lint.reference import wordlists
from lint.rules.base import DocumentRule
from lint.text import quotes
from lint.text.foreign import in_other_language
from lint.text.page_furniture import on_furniture
from lint.text.words import FUNCTION_WORDS

_HELP = "(README, 'Grammar checking'; `languagetool: {mode: off}` silences this)"


class LanguageToolBackend:
    name = "LanguageTool"

    def __init__(self, client: lt.Client, cache: lt.SentenceCache | None) -> None:
        self.client, self.cache = client, cache
        self.failure = ""  # once a request fails, the rest of the run does not wait on the server again

    def check(self, doc: Document) -> list[lt.Match]:
        if self.failure:
            raise lt.Unavailable(self.failure)
        sentences = [s for s in doc.sentences if any(ch.isalpha() for ch in doc.prose[s.start:s.end])]
        texts = [doc.prose[s.start:s.end] for s in sentences]
        try:
            per_sentence = lt.check_sentences(self.client, texts, self.cache)
        except lt.Unavailable as exc:
            self.failure = str(exc)
            raise
        return [m.shifted(s.start) for s, matches in zip(sentences, per_sentence) for m in matches]


class HarperBackend:
    name = "Harper"

    def __init__(self, settings: GrammarSettings, language: str) -> None:
        self.settings, self.language = settings, language
        harper_backend.linter(settings, language)  # build it now: fails here, not per document

    def check(self, doc: Document) -> list[lt.Match]:
        return harper_backend.check(doc.prose, self.settings, self.language)


_UNDECIDED = object()
_CHOSEN: dict[str, tuple[object | None, str]] = {}  # settings -> (backend, why not), per process


def choose_backend(grammar: GrammarSettings, languagetool: LanguageToolSettings, cache_dir: Path | None):
    """(backend or None, reason when None) for these settings; decided once per process."""
    key = grammar.model_dump_json() + languagetool.model_dump_json() + str(cache_dir)
    if key not in _CHOSEN:
        _CHOSEN[key] = _choose(grammar, languagetool, cache_dir)
    return _CHOSEN[key]


def _choose(grammar: GrammarSettings, languagetool: LanguageToolSettings, cache_dir: Path | None):
    reasons = []
    if grammar.backend in ("languagetool", "auto"):
        try:
            client = lt.connect(languagetool)
            cache = lt.SentenceCache(cache_dir, languagetool) if languagetool.cache and cache_dir else None
            return LanguageToolBackend(client, cache), ""
        except lt.Unavailable as exc:
            reasons.append(str(exc))
    if grammar.backend in ("harper", "auto"):
        try:
            return HarperBackend(grammar, languagetool.language), ""
        except lt.Unavailable as exc:
            reasons.append(str(exc))
    return None, "; ".join(reasons)


class Grammar(DocumentRule):
    code = "KZ201"
    name = "grammar"
    severity = Severity.WARNING
    summary = "Grammar and spelling problems found by LanguageTool (or Harper); skipped when neither is available."
    # text: the backend's message; suggestions: " (suggestions: “a”, “b”)" or ""; backend: LanguageTool or Harper
    message = "“{flagged}”: {text}{suggestions} [{backend} {rule}]"
    messages = {
        "unflagged": "{text}{suggestions} [{backend} {rule}]",  # the match covers only spaces
        "unavailable": "grammar not checked: {reason}",
    }
    explanation = (
        "Machine-translated and hastily edited copy carries agreement errors, wrong word forms and "
        "misspellings. KZ201 sends each sentence (markup masked) to LanguageTool, a server you run "
        "(Docker, or ci/languagetool/start.sh with Maven) or the install language-tool-python keeps "
        "(Java 17+); kzlint never downloads it. Each match is reported at its line and column with "
        "LanguageTool's message and rule id, its first suggestion as an unsafe fix. Only the rules in "
        "`languagetool.enabled-rules` run: on 1,689 BBC articles LanguageTool's defaults flagged 97% of "
        "them for house style, British usage, names and titles, the tuned set 2.9%, nine findings in ten "
        "real (benchmarks/languagetool/REVIEW.md). Spelling is reported only for likely typos, and "
        "nothing in headlines or quotations. Results are cached per sentence. Without LanguageTool the "
        "rule is skipped with one notice (`languagetool: {mode: off}` silences it; `grammar: backend: "
        "harper` uses the offline Harper checker)."
    )
    bad_example = "Such a move would triggered more protests, officials said."
    good_example = "Such a move would trigger more protests, officials said."
    _backend: object = _UNDECIDED

    def _settings(self) -> tuple[GrammarSettings, LanguageToolSettings, Path | None]:
        if self.config is None:
            return GrammarSettings(), LanguageToolSettings(), None
        cache_dir = Path(os.environ.get("KZLINT_CACHE_DIR") or self.config.cache_dir)
        return self.config.grammar, self.config.languagetool, cache_dir

    def cache_token(self) -> str:
        """Which backends could answer: cached results from a run without LanguageTool must not be
        served once it is installed or started. A refused connection costs microseconds."""
        grammar, languagetool, _ = self._settings()
        if grammar.backend == "languagetool" and languagetool.mode == "off":
            return "off"
        parts = [grammar.backend, languagetool.mode]
        if grammar.backend in ("languagetool", "auto"):
            if languagetool.mode in ("remote", "auto"):
                parts.append("server" if lt.server_reachable(languagetool.url, languagetool.connect_timeout_s) else "-")
            if languagetool.mode in ("local", "auto"):
                parts.append("install" if lt.local_install() else "-")
        if grammar.backend in ("harper", "auto"):
            parts.append("harper" if importlib.util.find_spec("harper") else "-")
        return ",".join(parts)

    def prepare(self) -> list[str]:
        grammar, languagetool, cache_dir = self._settings()
        if grammar.backend == "languagetool" and languagetool.mode == "off":
            return []  # switched off on purpose: nothing to say
        backend, reason = choose_backend(grammar, languagetool, cache_dir)
        if backend is None:
            return [f"KZ201 grammar skipped: {reason} {_HELP}"]
        if grammar.skip_known_words:
            wordlists.warm_up()
        return []

    def check(self, doc: Document) -> Iterator[Finding]:
        if self._backend is _UNDECIDED:  # once per process: forked workers inherit prepare()'s choice
            grammar, languagetool, cache_dir = self._settings()
            self._backend = choose_backend(grammar, languagetool, cache_dir)[0]
        backend = self._backend
        if backend is None:
            return
        grammar = self._settings()[0]
        try:
            matches = backend.check(doc)
        except lt.Unavailable as exc:
            yield self.report(doc, 0, 0, "unavailable", reason=exc, extra={"backend": backend.name})
            return
        for match in matches:
            start, end = match.offset, match.offset + match.length
            if not keep(doc, start, end, match, grammar) or on_furniture(doc, start):  # a menu is not prose
                continue
            yield self._finding(doc, start, end, match, backend.name)

    def _finding(self, doc: Document, start: int, end: int, match: lt.Match, backend: str) -> Finding:
        flagged = doc.text[start:end]
        suggestions = ", ".join(f"“{r}”" for r in match.replacements)
        fix = None
        if match.replacements:
            fix = Fix((Edit(start, end, match.replacements[0]),), f"replace with “{match.replacements[0]}”", safe=False)
        return self.report(doc, start, end, None if flagged.strip() else "unflagged", flagged=flagged,
                           text=match.message, suggestions=f" (suggestions: {suggestions})" if suggestions else "",
                           backend=backend, rule=match.rule_id, fix=fix,
                           extra={"backend": backend, "rule": match.rule_id, "category": match.category})


def keep(doc: Document, start: int, end: int, match: lt.Match, grammar: GrammarSettings) -> bool:
    """Whether a match is worth reporting: in prose outside headlines and quotations, and, for
    spelling, a likely typo rather than a name, a dialect spelling or a coinage (REVIEW.md)."""
    if start < 0 or end > len(doc.text) or doc.text[start:end] != doc.prose[start:end]:
        return False  # touches masked markup (a link target, code, a list marker)
    if grammar.skip_quoted and quotes.in_quotes(doc, start, end):
        return False
    index = quotes.sentence_at(doc, start)
    if in_other_language(doc, index):
        return False  # untranslated text is KZ202's: its "misspellings" are another language's words
    if match.issue_type != "misspelling" and match.category not in ("TYPOS", "Spelling"):
        words = doc.text[start:end].lower().split()
        if len(words) == 2 and words[0] == words[1] and not ("REPEAT" in match.rule_id or "REPETITION" in match.rule_id):
            return False  # "the the" seen as two determiners (DT_DT): a repeated word, KZ203's finding
        return not (grammar.skip_headings and _in_heading(doc, start))  # a typo in a headline is still one
    word = doc.text[start:end]
    if grammar.skip_name_spelling and _is_name_like(word):
        return False
    before = doc.text[max(0, start - 1):start]
    if before in ("#", "@") or "&" in word:
        return False  # hashtags, handles, and "caf&" (encoding damage is KZ105's)
    lowered = word.lower().replace("’", "'")
    if grammar.skip_known_words and (wordlists.is_known(lowered) or
                                     ("-" in lowered and all(wordlists.is_known(p) for p in lowered.split("-") if p))):
        return False  # centre, hospitalised; sweet-natured, wi-fi
    return grammar.spelling == "all" or likely_typo(lowered, match.replacements)


# British and American spellings of one word: not typos ("diallers"/"dialers", "vapourware").
_DIALECT_PAIRS = (("our", "or"), ("ise", "ize"), ("isa", "iza"), ("yse", "yze"), ("ll", "l"), ("tre", "ter"),
                  ("ae", "e"), ("oe", "e"), ("ce", "se"), ("ogue", "og"), ("mme", "m"))


def likely_typo(word: str, suggestions: tuple[str, ...]) -> bool:
    """A misspelling an editor would fix, not a coinage or a variant: the first suggestion is one
    edit away (a typo or a lost space: "sucessor", "willmean") and the second is not as close
    (then the word is merely rare), no suggestion is the word in the other dialect, and a split
    suggestion has a function word in it ("will mean", not "car making" for "carmaking")."""
    from rapidfuzz.distance import DamerauLevenshtein

    if not suggestions:
        return False
    lowered = [s.lower() for s in suggestions]
    if any(word.replace(a, b) == s or s.replace(a, b) == word for s in lowered for a, b in _DIALECT_PAIRS):
        return False
    if DamerauLevenshtein.distance(word, lowered[0]) > 1:
        return False
    if len(lowered) > 1 and " " not in lowered[1] and DamerauLevenshtein.distance(word, lowered[1]) <= 1:
        return False
    parts = lowered[0].split()
    if len(parts) > 1 and FUNCTION_WORDS.isdisjoint(parts):
        return False
    return all(wordlists.is_known(part, 3.0) for part in parts)


def _in_heading(doc: Document, offset: int) -> bool:
    return any(b.kind == "heading" and b.start <= offset < b.end for b in doc.blocks)


def _is_name_like(word: str) -> bool:
    """Names, transliterations, acronyms and brands: capitalised, with digits, or "iPhone"-style.

    "fromSergey" is not: a lowercase English word glued to a name is a real defect.
    """
    if not word[:1].islower() or any(ch.isdigit() for ch in word):
        return True
    head = next((i for i, ch in enumerate(word) if ch.isupper()), len(word))
    return 0 < head < len(word) and head <= 1
