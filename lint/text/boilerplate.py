"""Page furniture (boilerplate) detection for scraped articles: pure functions, no engine.

A document is a list of text blocks (one paragraph / line of text each, blank lines removed).
Each block gets a few cheap features in three groups:

- repetition: in how many *other neighbourhoods* of the corpus the normalised line occurs
  (a neighbourhood is a group of documents that are copies of one another, so two copies of
  one article never make its lines look like shared furniture), and whether it repeats
  inside its own document;
- shape: length, stop-word density (jusText's stop lists, language picked per document),
  sentence punctuation, capitalised words, `|`/`•` separators, glued menu items
  ("SubscribeSign In"), digits, link density, position;
- lexicon: a short list of calls to action, one signal among the others.

A logistic model scores each block from those (stage 1); a second logistic model adds the
context (stage 2): the scores of the neighbouring blocks, and where the block stands relative
to the article body, found as the run of blocks with the highest total "prose" score (furniture
comes in runs before and after the body; a short line between two good paragraphs is content).
Weights come from `benchmarks/furniture/train.py` (lint/data/boilerplate_weights.json).

Everything here is deterministic and linear in the number of blocks.
"""

from __future__ import annotations

import hashlib
import math
import re
import string
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import chain, combinations, compress, pairwise, repeat
from operator import itemgetter, mul, not_

from lint.reference.furniture import stop_lists, weights

MAX_KEY_WORDS = 25  # only lines this short are hashed for the repetition index
SKETCH_MIN_WORDS = 12  # lines this long make a document's copy sketch
SKETCH_SIZE = 8
SKETCH_KEY_WORDS = 20  # a long line's copy key reads its first 20 words that are not names or numbers
COPY_SHARE = 0.5  # documents sharing this share of their sketch are copies of one article
ANCHOR_P1 = 0.5  # lines next to the article's best line with a stage-1 score below this are its body
LOCAL_CORPUS = 50  # a corpus of fewer documents is read by the local model (Model.for_corpus)
SITE_REPEATS = 3  # a line this many other documents hold is furniture on a page with few others (Model.min_flags)
KNOWN_CONTEXT_WORDS = 20  # lines shorter than this read the phrase lists' verdicts on their neighbours (a paragraph does not)
PAGE_REPEATS = 3  # times one page holds a line that, with the site's other pages holding it, make it a slot's label
SURE = 0.9  # ... and so is a line the model is this sure of (a clean extractor leaves a page two or three)
REPEATED_THRESHOLD = 0.5  # ... and from this probability, not the model's threshold: the sites repeat it,
REPEATED_MIN_WORDS = 4  # in a line of words (a counter's "57" or a year shares its key with every number)
# In a small corpus (the local model, which has no repetition features), such a line is furniture unless
# the line's shape is sure it is prose: a "Trending Now" list all five pages of a site repeat. Held-out
# furniture probes (rounds 2-6, one site's 5 pages at a time): +1.6 to +6.4 points of recall, no more false
# positives there nor on 35 small clean corpora, which first gain some below 0.05 (templated articles).
LOCAL_REPEATED_THRESHOLD = 0.1

# -- text helpers ----------------------------------------------------------------------------------

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(rf"[{_CJK}]|[^\W\d_{_CJK}]+(?:['’][^\W\d_]+)*|\d+(?:[.,:]\d+)*")
_ASCII_TOKEN = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)*|[0-9]+(?:[.,:][0-9]+)*")  # _TOKEN on ASCII text, faster
_DIGITS = re.compile(r"\d+")
_WORD_CHAR = re.compile(r"[^\W_]")
CLOSERS = "\"'”’»)] \t"  # what may close a line after its last word (quotes, brackets)
_TERMINAL_CHARS = frozenset(".!?。！？…:;")
_SENTENCE_CHARS = frozenset(".!?。！？…")
HEAD_CHARS = 200
_SEPARATOR = re.compile(r"\s[|•·›»/]\s|\s[|•·]|[|•·]\s|\u00a0\|")
_GLUED = re.compile(r"[a-z\u00e0-\u00ff\u0430-\u044f]{2}[A-Z\u00c0-\u00de\u0410-\u042f][a-z\u00e0-\u00ff\u0430-\u044f]")


def _ascii_table(mapping: Mapping[str, str]) -> bytes:
    """A bytes.translate table for ASCII text encoded: each character of `mapping` to its value,
    any other to a space. The ASCII shortcuts below translate bytes: bytes.translate reads a fixed
    table, where str.translate looks every new character of each text up in a dict (twice the cost)."""
    return bytes(ord(mapping.get(chr(c), " ")) for c in range(256))


# an ASCII text's letter cases ("a", "A"; anything else a space): _GLUED is "aaAa" in it, and a
# line's capitals are counted in it, by C-level calls where `re` tries a pattern at every character
_ASCII_CASES = _ascii_table({**dict.fromkeys(string.ascii_lowercase, "a"), **dict.fromkeys(string.ascii_uppercase, "A")})
_DIGIT_BYTES = string.digits.encode()

# the lookahead names the characters a link can start with: `re` then scans for them (twice as fast)
_MD_LINK = re.compile(r"(?=[\[<hw])(?:\[([^\]\n]*)\]\([^)\s]*\)|<?https?://\S+|\bwww\.\S+)")
_MD_MARK = re.compile(r"^\s*(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s*)")
_first_char = itemgetter(0)
# what _long_key drops of an ASCII line: the words with a digit (a word's shape, digits "0" and other
# characters "a", split where str.split() splits) and those with a capital initial (compress selectors)
_DIGIT_SHAPE = _ascii_table({**{chr(c): "a" for c in range(128) if not chr(c).isspace()}, **dict.fromkeys(string.digits, "0")})
_NOT_CAPITAL = bytes(0 if chr(c) in string.ascii_uppercase else 1 for c in range(256))


def words(text: str) -> list[str]:
    """Word tokens; every Chinese/Japanese character counts as one."""
    return (_ASCII_TOKEN if text.isascii() else _TOKEN).findall(text)


# an ASCII line's shape for word_count: letters "a", digits "0", the marks that may join two
# letters (') or two digits (.,:) kept, everything else a space
_ASCII_SHAPE = _ascii_table({**dict.fromkeys(string.ascii_letters, "a"), **dict.fromkeys(string.digits, "0"), "'": "'",
                             **dict.fromkeys(".,:", ".")})
_WORD_RUNS = bytes.maketrans(b"'.a0", b"  ww")  # the marks left join nothing; a word is a run of "w"


def word_count(text: str) -> int:
    """len(words(text)) without making the words: most lines of the corpus only lend their
    length and key, and on ASCII text a few C-level bytes calls take a fraction of findall's time."""
    if not text.isascii():
        return len(_TOKEN.findall(text))
    shape = text.encode().translate(_ASCII_SHAPE)
    if b"'" in shape:  # (a search for the mark alone is fast: "a" is nearly every byte)
        while b"a'a" in shape:  # "don't" is one word (twice for "rock'n'roll": replace does not overlap)
            shape = shape.replace(b"a'a", b"aa")
    if b"0" in shape:
        while b"0.0" in shape:  # "3.5" and "1,200" are one number
            shape = shape.replace(b"0.0", b"00")
        shape = shape.replace(b"a0", b"a 0").replace(b"0a", b"0 a")  # "mp3" is two tokens
    shape = shape.translate(_WORD_RUNS)
    return shape.count(b"w ") + shape.endswith(b"w")  # the runs, counted where they end (a space is rarer than "w")


def normalise(text: str) -> str:
    """The repetition key's text: NFKC, casefold, digits folded, whitespace collapsed, the
    punctuation and Markdown marks around it dropped."""
    if _may_hold_link(text):
        text = _MD_LINK.sub(lambda m: m.group(1) or "", text)
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _MD_MARK.sub("", text)
    if text.isascii():
        return _normalised_ascii(text)
    text = _DIGITS.sub("0", text)
    return " ".join(_without_edges(text).split())


# an ASCII line's bytes for its key: every digit "0", the separators str.split() splits at and
# bytes.split() would not (\x1c-\x1f) a space; and the bytes around a key's text (not letters or digits)
_KEY_BYTES = bytes.maketrans(string.digits.encode() + bytes(range(0x1C, 0x20)), b"0" * 10 + b" " * 4)
_ASCII_EDGES = bytes(c for c in range(128) if not chr(c).isalnum())


def _normalised_ascii(text: str) -> str:
    """The end of normalise for an ASCII line, in bytes (a fifth of the cost of the patterns):
    runs of digits folded to one "0", the edges stripped, the spaces collapsed."""
    data = text.encode().translate(_KEY_BYTES)
    while b"00" in data:
        data = data.replace(b"00", b"0")
    return b" ".join(data.strip(_ASCII_EDGES).split()).decode()


def _may_hold_link(text: str) -> bool:
    """Whether _MD_LINK can match: each of its forms holds "](", "http" or "www."."""
    return "](" in text or "http" in text or "www." in text


def _without_edges(text: str) -> str:
    """text from its first to its last letter or digit: the punctuation and spaces around it
    dropped by two searches from the ends (a pattern anchored at the end is tried at every character)."""
    first = _WORD_CHAR.search(text)
    if first is None:
        return ""
    last = _WORD_CHAR.search(text[::-1])
    return text[first.start():len(text) - last.start()]


def line_key(text: str, n_words: int | None = None) -> str | None:
    """A 64-bit hash of the normalised line, for lines that could be furniture (≤ 25 words)."""
    if n_words is None:
        n_words = len(words(text))
    if n_words == 0 or n_words > MAX_KEY_WORDS:
        return None
    norm = normalise(text)
    if not norm:
        return None
    return hashlib.blake2b(norm.encode("utf-8"), digest_size=8).hexdigest()


def repetition_key(text: str, n_words: int) -> str | None:
    """A line's key for the repetition index: a line that could be furniture whole (line_key), and a
    longer paragraph of wrapped text by its first line, which pages of one site repeat as they
    repeat a footer ('Follow The Gleaner on X and Instagram ...' / '@GleanerJamaica. Send us ...')."""
    if n_words > MAX_KEY_WORDS and "\n" in text:
        return line_key(text[:text.index("\n")])
    return line_key(text, n_words)


def _long_key(text: str) -> str:
    """A long line's hash of its first SKETCH_KEY_WORDS words that are not names or numbers: two
    versions of one article (a name respelt, a toll updated, a sentence added at the end of a
    paragraph) still share it."""
    kept = _kept_words(text, SKETCH_KEY_WORDS)
    return hashlib.blake2b(" ".join(kept).casefold().encode("utf-8"), digest_size=8).hexdigest()


def _kept_words(text: str, wanted: int) -> list[str]:
    """The first `wanted` words (between spaces) of text that neither start with a capital nor hold
    a digit. This runs on the longest paragraphs of every document, so only a head of the line is
    read (ten characters a word wanted: enough for most prose), doubled until it holds enough (its
    last word may be cut, so it is not counted). The words are dropped in C (map, compress): an
    ASCII head's by bytes translates of their shapes and of their initials, other heads' by str methods."""
    size = 10 * wanted
    while True:
        whole = size >= len(text)
        head = text if whole else text[:size]
        words = head.split()
        if not head.isascii():
            kept = list(compress(words, map(not_, map(str.isupper, map(_first_char, words)))))
            if any(map(str.isdigit, head)):  # str.isdigit: also "²" and "①", which \d is not
                kept = [w for w in kept if not any(map(str.isdigit, w))]
        else:
            if _digit_count(head):  # its words' shapes ("a" or "0" a character) are alphabetic without a digit
                words = list(compress(words, map(bytes.isalpha, head.encode().translate(_DIGIT_SHAPE).split())))
            kept = list(compress(words, "".join(map(_first_char, words)).encode().translate(_NOT_CAPITAL)))
        if whole or len(kept) > wanted:
            return kept[:wanted]
        size *= 2


def sketch(texts: Sequence[str], sizes: Sequence[int] | None = None) -> tuple[str, ...]:
    """Hashes of a document's longest lines (its article's paragraphs), the longest line's first, the
    others sorted: two copies or versions of one article share most of them, two pages of one site
    (same menus and teasers, different articles) do not. `sizes`: the lines' word counts."""
    if sizes is None:
        sizes = [len(words(t)) for t in texts]
    longest = sorted(((n, i) for i, n in enumerate(sizes) if n >= SKETCH_MIN_WORDS), key=lambda x: (-x[0], x[1]))
    keys = list(dict.fromkeys(_long_key(texts[i]) for _, i in longest[:SKETCH_SIZE]))
    return tuple(keys[:1] + sorted(keys[1:]))


# -- stop words ------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def stopwords() -> tuple[dict[str, tuple[int, ...]], tuple[str, ...]]:
    """word -> indexes of the languages whose stop list has it; and the language names."""
    index: dict[str, list[int]] = defaultdict(list)
    names: list[str] = []
    for name, listed in stop_lists():
        for word in listed:
            index[word].append(len(names))
        names.append(name)
    return {w: tuple(v) for w, v in index.items()}, tuple(names)


# 3 characters or more (a third one is there): "a", "in", "de" are in too many lists to tell languages apart
_THIRD_CHAR = itemgetter(slice(2, 3))


def pick_language(token_lists: Iterable[list[str]]) -> tuple[str | None, frozenset[str]]:
    """The language whose stop words cover most tokens of the document (as jusText asks the user
    to choose); None when no list covers a tenth of them (e.g. Japanese, Chinese)."""
    index, names = stopwords()
    found: Counter[int] = Counter()
    total = 0
    for tokens in token_lists:
        counted = list(compress(tokens, map(_THIRD_CHAR, tokens)))
        total += len(counted)
        found.update(chain.from_iterable(filter(None, map(index.get, map(str.lower, counted)))))
        if total > 100:
            break
    if not names or total == 0:
        return None, frozenset()
    counts = list(map(found.get, range(len(names)), repeat(0)))  # (found[i] would call Counter.__missing__)
    best = max(range(len(counts)), key=counts.__getitem__)  # the first of equals, as sorted by name
    hits = counts[best]
    if hits == 0 or hits < 0.1 * total:
        return None, frozenset()
    return names[best], _stop_set(best)


@lru_cache(maxsize=8)
def _stop_set(language: int) -> frozenset[str]:
    index, _ = stopwords()
    return frozenset(w for w, langs in index.items() if language in langs)


# -- call-to-action lexicon (one signal among many) ------------------------------------------------

LEXICON = (
    "subscribe", "subscription", "sign up", "sign in", "log in", "login", "register", "newsletter",
    "cookie", "cookies", "privacy", "terms of use", "terms of service", "terms and conditions",
    "all rights reserved", "copyright", "advertisement", "advertise", "sponsored", "share", "tweet",
    "follow us", "read more", "read also", "see also", "related", "recommended", "most read",
    "most popular", "trending", "comments", "comment", "reply", "load more", "show more", "click here",
    "download", "app", "podcast", "podcasts", "newsletters", "contact us", "about us", "skip to",
    "back to top", "menu", "search", "home", "watch", "video", "photos", "gallery", "next", "previous",
    "more from", "you may also like", "don't miss", "sign up for", "get the", "join", "donate", "support",
    # the same calls in the other languages most news is scraped in (structure does the rest)
    "leia mais", "leia também", "saiba mais", "assine", "lee más", "leer más", "lea también", "suscríbete",
    "lire aussi", "lire la suite", "en savoir plus", "abonnez-vous", "weiterlesen", "mehr lesen",
    "lesen sie auch", "abonnieren", "leggi anche", "leggi di più", "abbonati", "lees meer", "lees ook",
    "читайте также", "подробнее", "подписаться", "читать далее", "baca juga", "selengkapnya", "berlangganan",
    "devamını oku", "关注我们", "相关新闻", "関連記事", "もっと見る", "続きを読む", "더보기", "관련기사", "구독",
)
_LEXICON = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in sorted(LEXICON, key=len, reverse=True))
                      + r")(?!\w)", re.IGNORECASE)


def _ascii_form(word: str) -> str | None:
    """How the word is spelt in an ASCII line that matches it with case ignored ("devamını" ->
    "devamini": `re` matches "ı" to "I"), lower-cased; None if no ASCII line can."""
    out = []
    for char in word:
        form = next((other for other in (char, char.upper(), char.lower()) if other.isascii()), None)
        if form is None:
            return None
        out.append(form.lower())
    return "".join(out)


# the first words of the calls to action as an ASCII line spells them (encoded), and the words of
# such a line: its letters lower-cased, digits and "_" (what \w is in ASCII), split at anything else
_LEXICON_FIRST_WORDS = frozenset(word.encode() for word in filter(None, (_ascii_form(re.match(r"\w+", p).group())
                                                                         for p in LEXICON)))
_ASCII_WORD_CHARS = _ascii_table({c: c.lower() for c in string.ascii_letters + string.digits + "_"})


def has_call_to_action(head: str) -> bool:
    """Whether a line's head holds a call to action (_LEXICON). An ASCII head is searched only
    when one of its words starts a call to action: a set lookup, where the pattern is tried at
    every character (thirty microseconds a line)."""
    if head.isascii() and _LEXICON_FIRST_WORDS.isdisjoint(head.encode().translate(_ASCII_WORD_CHARS).split()):
        return False
    return _LEXICON.search(head) is not None


def _digit_count(text: str) -> int:
    """How many digits (what \\d matches) the text holds; an ASCII text's are counted by deleting them."""
    if text.isascii():
        return len(text) - len(text.encode().translate(None, _DIGIT_BYTES))
    return sum(map(len, _DIGITS.findall(text)))


# -- features --------------------------------------------------------------------------------------

GROUPS = {
    "repetition": ("rep", "rep1", "rep3", "intra"),
    "shape": ("words", "w1", "w2_3", "w4_7", "w8_15", "stop", "nolang", "term", "sentence", "caps", "sep",
              "glued", "digits", "link", "colon", "pos", "edge"),
    "lexicon": ("lex", "lex_short"),
}
FEATURES1 = tuple(name for group in ("repetition", "shape", "lexicon") for name in GROUPS[group])
FEATURES2 = ("own", "ctx1", "ctx3", "in_body", "body_dist", "before", "after", "sandwich", "run", "doc_p1",
             "doc_short", "words", "prose")


@dataclass(slots=True)
class Block:
    text: str
    tokens: list[str]
    n: int  # words
    key: str | None


@dataclass(slots=True)
class Verdict:
    """One block's outcome: the probability that it is furniture, and what spoke for it."""

    furniture: bool
    probability: float
    reasons: list[str] = field(default_factory=list)


def line_sizes(texts: Sequence[str]) -> list[int]:
    """Each line's word count as blocks_of makes it, without its tokens."""
    return [word_count(text) if len(text) <= 2 * HEAD_CHARS else _estimated_size(word_count(text[:HEAD_CHARS]), text)
            for text in texts]


def _estimated_size(head_words: int, text: str) -> int:
    """A long line's word count from that of its first HEAD_CHARS characters."""
    return max(MAX_KEY_WORDS + 1, round(head_words * len(text) / HEAD_CHARS))


def blocks_of(texts: Sequence[str]) -> list[Block]:
    """Each line's tokens and word count; a long line (a paragraph of prose) is tokenised on its
    first HEAD_CHARS characters only and its length estimated from there, which is all the
    features need of it (it is long) and keeps the cost per article flat."""
    out = []
    for text in texts:
        if len(text) <= 2 * HEAD_CHARS:
            tokens = words(text)
            n = len(tokens)
        else:
            tokens = words(text[:HEAD_CHARS])
            n = _estimated_size(len(tokens), text)
        out.append(Block(text, tokens, n, repetition_key(text, n)))
    return out


def local_features(blocks: Sequence[Block], repeats: Sequence[int], stop: frozenset[str],
                   has_language: bool) -> list[list[float]]:
    """Stage-1 features of each block (in FEATURES1 order)."""
    total = len(blocks)
    keys = Counter(b.key for b in blocks if b.key)
    rows = []
    for i, (block, rep) in enumerate(zip(blocks, repeats)):
        text, n = block.text, block.n
        stripped = text.strip()
        head = stripped[:HEAD_CHARS]  # separators, glued items and calls to action: at a line's start
        tokens = block.tokens
        caps = _capitalised_share(tokens)
        stops = _stop_count(tokens, stop) / len(tokens) if (tokens and has_language) else 0.0
        chars = len(stripped) or 1
        digits = _digit_count(stripped) / chars
        linked = sum(len(m.group(0)) for m in _MD_LINK.finditer(stripped)) / chars if _may_hold_link(stripped) else 0.0
        lex = 1.0 if n <= MAX_KEY_WORDS and has_call_to_action(head) else 0.0
        tail = stripped.rstrip(CLOSERS)
        last = tail[-1:] if tail else ""
        rows.append([
            math.log1p(min(rep, 50)), 1.0 if rep >= 1 else 0.0, 1.0 if rep >= 3 else 0.0,
            1.0 if block.key and keys[block.key] > 1 else 0.0,
            math.log1p(n), 1.0 if n <= 1 else 0.0, 1.0 if 2 <= n <= 3 else 0.0, 1.0 if 4 <= n <= 7 else 0.0,
            1.0 if 8 <= n <= 15 else 0.0,
            stops, 0.0 if has_language else 1.0,
            1.0 if last in _TERMINAL_CHARS else 0.0, 1.0 if last in _SENTENCE_CHARS else 0.0,
            caps, 1.0 if _has_separator(head) else 0.0,
            1.0 if _has_glued_words(head) else 0.0, digits, linked,
            1.0 if stripped.endswith(":") else 0.0,
            i / max(1, total - 1), min(i, total - 1 - i) / max(1, total),
            lex, lex if n <= 4 else 0.0,
        ])
    return rows


def _capitalised_share(tokens: Sequence[str]) -> float:
    """The share of the tokens starting with a cased letter that start with a capital. On ASCII
    initials a letter is cased; other letters are cased when their two cases differ (not "ª")."""
    initials = "".join(map(_first_char, tokens))
    if initials.isascii():
        cases = initials.encode().translate(_ASCII_CASES)
        capitals = cases.count(b"A")
        cased = capitals + cases.count(b"a")
    else:
        cased_initials = [c for c in initials if c.lower() != c.upper()]
        capitals, cased = sum(map(str.isupper, cased_initials)), len(cased_initials)
    return capitals / cased if cased else 0.0


def _stop_count(tokens: Sequence[str], stop: frozenset[str]) -> int:
    """How many tokens are stop words once lower-cased; ASCII tokens are lower-cased in one call
    (they hold no space: joined and split again, they are the same tokens)."""
    joined = " ".join(tokens)
    lowered = joined.lower().split() if joined.isascii() else map(str.lower, tokens)
    return sum(map(stop.__contains__, lowered))


def _has_separator(head: str) -> bool:
    """_SEPARATOR in a line's head; an ASCII head without "|" or "/" cannot hold one."""
    if head.isascii() and "|" not in head and "/" not in head:
        return False
    return _SEPARATOR.search(head) is not None


def _has_glued_words(head: str) -> bool:
    """_GLUED in a line's head ("HomeWorldSport"): on an ASCII head, two lower-case letters, a
    capital and a lower-case letter in a row."""
    if head.isascii():
        return b"aaAa" in head.encode().translate(_ASCII_CASES)
    return _GLUED.search(head) is not None


def _sigmoid(x: float) -> float:
    if x < -30:
        return 0.0
    if x > 30:
        return 1.0
    return 1.0 / (1.0 + math.exp(-x))


def _dot(weights: Sequence[float], row: Sequence[float], bias: float) -> float:
    return bias + sum(map(mul, weights, row))


def body_span(p1: Sequence[float], blocks: Sequence[Block]) -> tuple[int, int]:
    """The run of blocks with the highest total prose score (max-subarray over
    (0.5 - p) * log(1 + words)): the article body. (-1, -1) when nothing looks like prose."""
    best, best_span = 0.0, (-1, -1)
    running, start = 0.0, 0
    for i, (p, block) in enumerate(zip(p1, blocks)):
        score = (0.5 - p) * math.log1p(block.n)
        if running <= 0:
            running, start = score, i
        else:
            running += score
        if running > best:
            best, best_span = running, (start, i)
    return best_span


def context_features(p1: Sequence[float], blocks: Sequence[Block]) -> list[list[float]]:
    """Stage-2 features (FEATURES2 order) from the stage-1 probabilities of the neighbours."""
    total = len(blocks)
    first, last = body_span(p1, blocks)
    good = [p < 0.5 and b.n >= 8 for p, b in zip(p1, blocks)]
    short_run = [0] * total  # length of the run of short (≤ 5 words) blocks this one is in
    i = 0
    while i < total:
        if blocks[i].n <= 5:
            j = i
            while j < total and blocks[j].n <= 5:
                j += 1
            for k in range(i, j):
                short_run[k] = j - i
            i = j
        else:
            i += 1
    doc_p1 = sum(p1) / total if total else 0.0
    doc_short = sum(1 for b in blocks if b.n <= 5) / total if total else 0.0
    rows = []
    for i, p in enumerate(p1):
        near = [p1[j] for j in (i - 1, i + 1) if 0 <= j < total]
        wide = p1[max(0, i - 3):i] + p1[i + 1:i + 4]
        ctx1 = sum(near) / len(near) if near else 0.5
        ctx3 = sum(wide) / len(wide) if wide else 0.5
        if first < 0:
            inside, dist, before, after = 0.0, math.log1p(total), 0.0, 0.0
        else:
            inside = 1.0 if first <= i <= last else 0.0
            gap = first - i if i < first else i - last if i > last else 0
            dist, before, after = math.log1p(gap), 1.0 if i < first else 0.0, 1.0 if i > last else 0.0
        prev_good = any(good[max(0, i - 2):i])
        next_good = any(good[i + 1:i + 3])
        rows.append([_logit(p), ctx1, ctx3, inside, dist, before, after,
                     1.0 if prev_good and next_good else 0.0, math.log1p(short_run[i]), doc_p1, doc_short,
                     math.log1p(blocks[i].n), 1.0 if p < 0.2 and blocks[i].n >= 10 else 0.0])
    return rows


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


@dataclass(frozen=True)
class Model:
    features1: tuple[str, ...]
    w1: tuple[float, ...]
    b1: float
    features2: tuple[str, ...]
    w2: tuple[float, ...]
    b2: float
    threshold: float
    min_flags: int = 1  # a document with fewer furniture blocks than this has none (clean articles)
    local: Model | None = None  # the model without repetition, for pages the corpus says little about

    @classmethod
    def from_dict(cls, data: Mapping) -> Model:
        local = data.get("local")
        return cls(tuple(data["features1"]), tuple(data["w1"]), float(data["b1"]), tuple(data["features2"]),
                   tuple(data["w2"]), float(data["b2"]), float(data["threshold"]),
                   int(data.get("min_flags", 1)), cls.from_dict(local) if local else None)

    @property
    def fewest_flags(self) -> int:
        """The fewest furniture lines a page can have under this model or its local one."""
        return min(self.min_flags, self.local.min_flags) if self.local is not None else self.min_flags

    @property
    def is_local(self) -> bool:
        """Whether this model reads a page without the corpus (no repetition feature)."""
        return not set(REPEAT_FEATURES) & set(self.features1)

    def for_corpus(self, documents: int) -> Model:
        """The model that reads the pages of a corpus of this many documents: the local one
        (shape and lexicon only) below LOCAL_CORPUS, where repetition says little (a page linted
        alone, a small repository); else this one. A model fitted with repetition reads 'repeated
        nowhere' as 'article', which holds in a large corpus and misleads in a small one."""
        return self.local if self.local is not None and documents < LOCAL_CORPUS else self

    def weights1(self) -> list[float]:
        """Stage-1 weights in FEATURES1 order (features the model does not use weigh 0)."""
        return self._weights[0]

    def weights2(self) -> list[float]:
        return self._weights[1]

    @cached_property
    def _weights(self) -> tuple[list[float], list[float]]:
        given1, given2 = dict(zip(self.features1, self.w1)), dict(zip(self.features2, self.w2))
        return [given1.get(name, 0.0) for name in FEATURES1], [given2.get(name, 0.0) for name in FEATURES2]


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> Model:
    return Model.from_dict(weights(path))


def score(texts: Sequence[str], repeats: Sequence[int] | Callable[[str | None], int], model: Model | None = None,
          *, blocks: Sequence[Block] | None = None, language: tuple[str | None, frozenset[str]] | None = None,
          ) -> tuple[list[float], list[list[float]], list[list[float]]]:
    """Furniture probability of every block, with both stages' feature rows."""
    model = model or load_model()
    blocks = list(blocks) if blocks is not None else blocks_of(texts)
    if callable(repeats):
        repeats = [repeats(b.key) if b.key else 0 for b in blocks]
    if language is None:
        language = pick_language(b.tokens for b in blocks if b.n >= 6)
    lang, stop = language
    x1 = local_features(blocks, repeats, stop, lang is not None)
    w1, w2 = model.weights1(), model.weights2()
    p1 = [_sigmoid(_dot(w1, row, model.b1)) for row in x1]
    x2 = context_features(p1, blocks)
    p2 = [_sigmoid(_dot(w2, row, model.b2)) for row in x2]
    return p2, x1, x2


REPEAT_FEATURES = ("rep", "rep1", "rep3")  # the features that need the corpus; the rest are local
_LOCAL_FEATURES = [i for i, name in enumerate(FEATURES1) if name not in REPEAT_FEATURES]
_local_values = itemgetter(*_LOCAL_FEATURES)
_SHAPE_FEATURES = tuple(map(FEATURES1.index, ("term", "sep", "glued", "link", "lex")))  # what LineFact keeps

# shape flags kept per block for the reasons of a finding
SHORT, SEPARATORS, GLUED, LINKS = 1, 2, 4, 8


@dataclass(frozen=True, slots=True)
class LineFact:
    """What one block contributes, computed from its document alone (small, cacheable)."""

    key: str | None  # repetition key (None: too long or empty)
    base: float  # stage-1 logit without the corpus features
    n: int  # words
    shape: int  # SHORT | SEPARATORS | GLUED | LINKS
    cta: str  # the call to action the line holds, or ""
    local_base: float = 0.0  # the local model's stage-1 logit (Model.for_corpus)
    calls: bool = False  # the line opens with its call to action ("Subscribe now"; not "... next month")


_MARKS = " \t>*_#-–—•·|[(\"'“‘"  # what may stand before a line's opening word: quote and list marks, emphasis


def repeat_features(rep: int) -> list[float]:
    return [math.log1p(min(rep, 50)), 1.0 if rep >= 1 else 0.0, 1.0 if rep >= 3 else 0.0]


def line_facts(texts: Sequence[str], model: Model | None = None) -> list[LineFact]:
    """Per-document half of the classifier: every block's local score and its repetition key."""
    model = model or load_model()
    sizes = line_sizes(texts)
    if not can_have_furniture(sizes, model):  # keys for the corpus index only: no tokens needed
        return [LineFact(repetition_key(text, n), 0.0, n, 0, "") for text, n in zip(texts, sizes)]
    blocks = blocks_of(texts)
    lang, stop = pick_language(b.tokens for b in blocks if b.n >= 6)
    rows = local_features(blocks, [0] * len(blocks), stop, lang is not None)
    local_weights = [model.weights1()[i] for i in _LOCAL_FEATURES]
    local = model.local or model
    local_model_weights = [local.weights1()[i] for i in _LOCAL_FEATURES]
    term, sep, glued, link, lex = _SHAPE_FEATURES
    out = []
    for block, row in zip(blocks, rows):
        shape = ((SHORT if block.n <= 5 and not row[term] else 0) | (SEPARATORS if row[sep] else 0)
                 | (GLUED if row[glued] else 0) | (LINKS if row[link] > 0.5 else 0))
        match = _LEXICON.search(block.text) if row[lex] else None
        values = _local_values(row)
        base = model.b1 + sum(map(mul, local_weights, values))
        local_base = local.b1 + sum(map(mul, local_model_weights, values))
        out.append(LineFact(block.key, round(base, 4), block.n, shape, match.group(0) if match else "",
                            round(local_base, 4), match is not None and not block.text[:match.start()].strip(_MARKS)))
    return out


def can_have_furniture(sizes: Sequence[int], model: Model) -> bool:
    """Whether a document of lines this long can have furniture at all: its first line (the title)
    and its best line of 8+ words (the article) never are, and a document with fewer than
    `min_flags` furniture lines (of the model or its local one) has none. A short clean article
    skips the model's work."""
    open_lines = len(sizes) - 1 - (1 if any(n >= 8 for n in sizes[1:]) else 0)
    return open_lines >= model.fewest_flags


def classify_facts(facts: Sequence[LineFact], repeats: Sequence[int], model: Model | None = None,
                   *, protect: Iterable[int] = (), known: Sequence[int] = ()) -> list[Verdict]:
    """Corpus half: add the repetition counts (a local model has none: Model.for_corpus), then the
    context stage, then the threshold. The facts come from line_facts with the model pair."""
    model = model or load_model()
    if not can_have_furniture([f.n for f in facts], model):
        return [Verdict(False, 0.0) for _ in facts]
    if model.is_local:
        p1 = [_sigmoid(f.local_base) for f in facts]
    else:
        w1 = dict(zip(FEATURES1, model.weights1()))
        wr = [w1[name] for name in REPEAT_FEATURES]
        p1 = [_sigmoid(f.base + sum(map(mul, wr, repeat_features(rep)))) for f, rep in zip(facts, repeats)]
    sized = [_Sized(f.n) for f in facts]
    x2 = context_features(p1, sized)
    w2 = model.weights2()
    p2 = [_sigmoid(_dot(w2, row, model.b2)) for row in x2]
    if known:  # lines the phrase lists call furniture: the context of their short neighbours says so too
        told = list(p1)
        for i in known:
            told[i] = max(told[i], SURE)
        for i, row in enumerate(context_features(told, sized)):
            if facts[i].n < KNOWN_CONTEXT_WORDS:
                p2[i] = _sigmoid(_dot(w2, row, model.b2))
    protect = set(protect)
    protected = protect | body_anchor(p2, [f.n for f in facts], p1)
    repeated = LOCAL_REPEATED_THRESHOLD if model.is_local else REPEATED_THRESHOLD
    chosen = {i for i, p in enumerate(p2) if i not in protected
              and (p >= model.threshold or p >= repeated and repeats[i] >= SITE_REPEATS
                   and facts[i].n >= REPEATED_MIN_WORDS)}
    # a line opening with a call to action that the site repeats on other pages, even inside the article
    # ("Subscribe now" in a paywall box between two paragraphs): no article's sentence, nor a call to its reader
    chosen |= {i for i, (fact, rep) in enumerate(zip(facts, repeats, strict=True))
               if fact.calls and rep >= SITE_REPEATS} - protect
    # ... and so is a line the page repeats between its paragraphs that the site repeats on other pages
    # ("Article content", "Story continues below" at every ad slot)
    own = Counter(fact.key for fact in facts)
    chosen |= {i for i, (fact, rep) in enumerate(zip(facts, repeats, strict=True))
               if rep >= SITE_REPEATS and fact.n >= 2 and own[fact.key] >= PAGE_REPEATS} - protect  # "57": every number's key
    if len(chosen) < model.min_flags:  # a page with a few odd lines is an article, unless the site repeats them
        chosen = {i for i in chosen if repeats[i] >= SITE_REPEATS or p2[i] >= SURE}
    verdicts = []
    for i, (fact, p, row2) in enumerate(zip(facts, p2, x2)):
        if i in chosen:
            verdicts.append(Verdict(True, p, _reasons(fact, repeats[i], dict(zip(FEATURES2, row2)))))
        else:
            verdicts.append(Verdict(False, p))
    return verdicts


def body_anchor(p2: Sequence[float], sizes: Sequence[int], p1: Sequence[float] | None = None) -> set[int]:
    """A page has an article: its most prose-like line of 8+ words is never furniture, nor (given
    the stage-1 scores) the lines around it that the line features alone call content."""
    candidates = [(p, i) for i, (p, n) in enumerate(zip(p2, sizes)) if n >= 8 and i > 0]  # 0: the title
    if not candidates:
        return set()
    best = min(candidates)[1]
    anchor = {best}
    if p1 is not None:
        for step in (-1, 1):
            j = best + step
            while 0 <= j < len(p1) and p1[j] < ANCHOR_P1:
                anchor.add(j)
                j += step
    return anchor


@dataclass(slots=True)
class _Sized:
    n: int


def classify(texts: Sequence[str], repeats: Sequence[int] | Callable[[str | None], int],
             model: Model | None = None, *, protect: Iterable[int] = ()) -> list[Verdict]:
    """Furniture or not, for every block, with the signals that spoke for it in words."""
    model = model or load_model()
    facts = line_facts(texts, model)
    if callable(repeats):
        repeats = [repeats(f.key) if f.key else 0 for f in facts]
    return classify_facts(facts, repeats, model, protect=protect)


def _reasons(fact: LineFact, rep: int, f2: Mapping[str, float]) -> list[str]:
    """The signals behind a verdict, in words: repetition, call to action, shape, context."""
    reasons = []
    if rep >= 1:
        reasons.append(f"repeated in {rep} other document{'s' if rep != 1 else ''}")
    if fact.cta:
        reasons.append(f'call to action "{fact.cta}"')
    shape = []
    if fact.shape & SHORT:
        shape.append(f"{fact.n}-word line without sentence punctuation")
    if fact.shape & SEPARATORS:
        shape.append("menu separators")
    if fact.shape & GLUED:
        shape.append("glued menu items")
    if fact.shape & LINKS:
        shape.append("mostly links")
    if shape:
        reasons.append(", ".join(shape))
    if f2["before"] or f2["after"]:
        where = "before" if f2["before"] else "after"
        run = round(math.expm1(f2["run"]))
        reasons.append(f"{where} the article body" + (f" in a run of {run} short lines" if run >= 3 else ""))
    elif f2["ctx1"] > 0.5:
        reasons.append("between furniture lines")
    return reasons


# -- the corpus index ------------------------------------------------------------------------------


class RepetitionIndex:
    """Which documents hold which short lines, counted per neighbourhood (documents that are
    copies of each other count once); lines every document of a uniform corpus shares at the
    same place as a Markdown heading or label ("### Sources:") are format, not furniture."""

    def __init__(self, docs: Mapping[str, tuple[Iterable[str], Sequence[str]]], *, format_share: float = 0.9,
                 format_min_docs: int = 3, format_keys: Iterable[str] = ()) -> None:
        """docs: path -> (line keys, copy sketch)."""
        self.paths = sorted(docs)
        self.group = _copy_groups({p: docs[p][1] for p in self.paths})
        self.holders: dict[str, list[str]] = defaultdict(list)
        for path in self.paths:
            for key in set(docs[path][0]):
                self.holders[key].append(path)
        groups = len(set(self.group.values()))
        self._neighbourhoods: dict[str, dict[str, str]] = {}
        self.format: set[str] = set()
        if groups >= format_min_docs:
            for key in format_keys:
                if len(self.neighbourhoods(key)) >= format_share * groups:
                    self.format.add(key)

    def neighbourhoods(self, key: str) -> dict[str, str]:
        """{neighbourhood: its first document} of the documents holding the line, in path order:
        once per line, not once per holder (a menu line on 5,000 pages would take 25 million steps)."""
        found = self._neighbourhoods.get(key)
        if found is None:
            found = {}
            for holder in self.holders.get(key, ()):
                found.setdefault(self.group.get(holder, holder), holder)
            self._neighbourhoods[key] = found
        return found

    def count(self, path: str, key: str | None) -> tuple[int, str | None]:
        """Other neighbourhoods holding the line, and one example path."""
        if not key or key in self.format:
            return 0, None
        own = self.group.get(path, path)
        others = self.neighbourhoods(key)
        example = next((first for group, first in others.items() if group != own), None)
        return len(others) - (own in others), example


def _copy_groups(sketches: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """Union-find over documents sharing at least COPY_SHARE of their sketch. Documents whose whole
    sketch is the same (at least half full: long lines of their own) are copies however many there
    are (an agency story that 60 sites republished); a value more than 50 documents hold pairs up
    one document of each different sketch, unless there are more than 50 of those: then it is a
    line on every page (furniture), not a sign of a copy."""
    parent = {p: p for p in sketches}

    def find(p: str) -> str:
        while parent[p] != p:
            parent[p] = parent[parent[p]]
            p = parent[p]
        return p

    by_value: dict[str, list[str]] = defaultdict(list)
    for path, values in sketches.items():
        for v in values:
            by_value[v].append(path)
    shared: Counter[tuple[str, str]] = Counter()
    for holders in by_value.values():
        if len(holders) > 50:  # only the different sketches of its holders are paired up (the first of each)
            first_of: dict[tuple[str, ...], str] = {}
            for holder in holders:
                first_of.setdefault(tuple(sketches[holder]), holder)
            holders = list(first_of.values())  # in the holders' order: a pair is counted under one key
            if len(holders) > 50:  # a line on every page is furniture, not a copy
                continue
        shared.update(combinations(holders, 2))
    pairs = [pair for pair, n in shared.items() if _copies(sketches[pair[0]], sketches[pair[1]], n)]
    same: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for path, values in sketches.items():
        if len(values) >= SKETCH_SIZE // 2:
            same[tuple(values)].append(path)
    pairs.extend(pair for holders in same.values() for pair in pairwise(holders))
    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {p: find(p) for p in sketches}


def _copies(a: Sequence[str], b: Sequence[str], shared: int) -> bool:
    """Whether two documents sharing `shared` sketch values are copies of one article: they share
    COPY_SHARE of their sketch and the longest line of one of them (the lead of the article; pages
    of one site with short articles share as many long lines of furniture, a promo and a
    copyright notice, but not their leads)."""
    smaller = min(len(a), len(b))
    if smaller == 1:
        return shared == 1 and len(a) == len(b)
    return bool(smaller) and shared >= max(2, COPY_SHARE * smaller) and (a[0] in b or b[0] in a)
