"""What a document claims, in a form documents can be compared by: names, places, times, figures.

Everything here runs once per document and returns JSON-able facts (the cache stores them),
each with its own position, so the corpus rules (KZ5) compare documents without reading them
again. Figures come from `lint.facts.figures` (shared with KZ301); this module adds the event each
figure belongs to: where (places in the sentence, refined by the headline, the section heading
and the place the article is about) and when (explicit dates in the sentence, else the
document's date, resolved against it where they are relative).
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from lint.core.document import Document, Sentence
from lint.facts.figures import find_figures  # link labels (other articles' headlines) are skipped there
from lint.facts.names import NameIndex
from lint.text.transliteration import skeleton, spelling, tokens

# -- words that start or end a capitalised run without being part of a name ----------------------

_FUNCTION_WORDS = frozenset("""
a an the and or but nor so yet if as at by for from in into of off on onto out over to up with
this that these those it its he she they we i you his her their our my your there here then now
when while after before since although though because until unless whether where which who whom
whose what why how all any both each every few more most other some such no not only own same
than too very also just even still however meanwhile moreover furthermore nevertheless instead
last next first second third new according despite during about against among between through
under without within around across near outside inside behind beyond toward towards upon
yesterday today tonight tomorrow earlier later once twice never always often sometimes
watch read see view related more click follow share sign subscribe source sources photo video
""".split())
_TITLES = frozenset("""
president presidents prime minister ministers chancellor secretary mr mrs ms miss dr prof professor
sir lord lady dame king queen prince princess emperor general gen colonel col captain capt major
lieutenant lt sergeant sgt admiral senator sen governor gov mayor judge justice chairman chairwoman
chair chief deputy vice acting former ex foreign home shadow interior defence defense health
finance economy trade industry education culture transport energy attorney speaker pope archbishop
bishop rev reverend father sheikh ayatollah coach manager boss striker midfielder defender
goalkeeper keeper skipper captain champion spokesman spokeswoman spokesperson commissioner
ambassador envoy inspector superintendent constable officer detective agent director ceo
chairperson leader premier mp mep mr. mrs. dr. st saint
""".split())
_MONTHS = {name: number for number, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec")), start=1) for name in names}
_WEEKDAYS = {name: number for number, name in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
_NOT_NAMES = _FUNCTION_WORDS | _TITLES | set(_MONTHS) | set(_WEEKDAYS)
# a lower-case noun after a single capitalised word that makes it a place: "the Mangistau region"
_PLACE_NOUNS = frozenset("region province oblast district county city town village river valley".split())
_PLACE_PREPOSITIONS = frozenset("in at near outside around across".split())

# A word that starts with a capital (Latin, Latin-1, Latin Extended-A, Cyrillic; checked again in code),
# not in the middle of a word ("McDonald", "Nur-Sultan": \w is `str.isalnum()` or "_"). The capital
# comes first, so that `re` looks for it with a fast character-set scan.
_CAPITAL_WORD = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-žЀ-Я](?<![\w’'‐-].)[\w’'‐-]*")
_DIGIT = re.compile(r"\d")
# the last word of a window, matched at word starts only and without backtracking (linear time)
_WORD_BEFORE = re.compile(r"(?<![^\W\d_])([^\W\d_]++)[\s,]*+$")
_WORD_AFTER = re.compile(r" ([a-z][a-z-]*)")
_HYPHEN = re.compile(r"[‐-]")

# -- dates ------------------------------------------------------------------------------------------

_MONTH = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"((?:1[89]|20)\d{2})"
_DATE_PATTERNS = (
    ("ymd", re.compile(rf"\b{_YEAR}-(\d{{2}})-(\d{{2}})\b")),
    ("mdy", re.compile(rf"\b{_MONTH} {_DAY},? {_YEAR}\b")),
    ("dmy", re.compile(rf"\b{_DAY} (?:of )?{_MONTH},? {_YEAR}\b")),
    ("my", re.compile(rf"\b{_MONTH},? {_YEAR}\b")),
    ("md", re.compile(rf"\b{_MONTH} {_DAY}\b(?!,? \d)")),
    ("dm", re.compile(rf"\b{_DAY} (?:of )?{_MONTH}\b(?!,? \d)")),
    ("y", re.compile(rf"\b(?i:in|since|during|of|early|late|mid-?|summer|spring|autumn|winter|fall),? {_YEAR}\b(?!\s*(?:-|–|to)\s*\d)")),
    ("weekday", re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")),
    ("relative", re.compile(r"\b(yesterday|last (?:year|month)|(?:a|one|two|three|\d+) years? ago|(?:the )?previous year)\b", re.I)),
)
_PATH_DATE = re.compile(r"(?:^|/)((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?:/|$)")
_ISO_DATE = re.compile(r"\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b")
_DATELINE = re.compile(rf"^[A-Z][A-Z .’'-]{{1,40}}(?:, [A-Z][A-Za-z .]{{1,30}})?,? {_MONTH} {_DAY}(?:,? {_YEAR})?\b")
_FRONT_MATTER_DATES = ("date", "published", "published_at", "publishdate", "pubdate", "datepublished", "created")


@dataclass(frozen=True, slots=True)
class When:
    """A point in time as precisely as the text says it; `relative` marks an unresolved
    'last year' (another time than the article's, but which one is unknown)."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    relative: str | None = None

    def to_json(self) -> list:
        return [self.year, self.month, self.day, self.relative]


# -- names ------------------------------------------------------------------------------------------


# (start, end, possessive, word, lower-cased word); start == end for a breaker that ends any run
_Word = tuple[int, int, bool, str, str]


class Run:
    """A maximal run of capitalised words inside one sentence ('White House Press Secretary Jen
    Psaki') and the name in it, without titles and function words around it ('Jen Psaki').
    The words around the run are looked up only when asked for (most runs never need them)."""

    __slots__ = ("words", "name", "keys", "_text", "_start", "_end", "_before", "_after", "_parts")

    def __init__(self, text: str, words: list[_Word], name: list[_Word], sentence: Sentence) -> None:
        self.words = words
        self.name = name
        # `names.skeleton` of each name word: the skeleton of several words joined by spaces is
        # theirs joined (empty ones left out), so no part of the run is folded twice
        self.keys = [skeleton(word[3]) for word in name]
        self._text, self._start, self._end = text, sentence.start, sentence.end
        self._before: str | None = None
        self._after: str | None = None
        self._parts: list[tuple[int, int, str]] | None = None

    @property
    def after(self) -> str:
        """The lower-case word right after the run ("region"), if any."""
        if self._after is None:
            match = _WORD_AFTER.match(self._text, self.words[-1][1], self._end)
            self._after = match.group(1) if match else ""
        return self._after

    @property
    def before(self) -> str:
        """The word right before the run ("in"), lower-cased, if any."""
        if self._before is None:
            start = self.words[0][0]
            match = _WORD_BEFORE.search(self._text[max(self._start, start - 40):start])
            self._before = match.group(1).lower() if match else ""
        return self._before

    def key(self, first: int = 0, last: int | None = None) -> str:
        """The skeleton of name words [first, last)."""
        return " ".join(filter(None, self.keys[first:last]))

    def parts(self, index: NameIndex, longest: int = 4) -> list[tuple[int, int, str]]:
        """(first, last, skeleton) of the parts of up to `longest` name words whose skeleton can
        be a `names:` key (of `index`, the one of every call). A word with a skeleton part in no
        key rules out every part containing it, so most runs have none to look up."""
        if self._parts is None:
            words = index.key_parts
            known = [not key or key in words or (" " in key and all(part in words for part in key.split(" ")))
                     for key in self.keys]
            self._parts = []
            for i in range(len(known)):
                for j in range(i + 1, min(len(known), i + longest) + 1):
                    if not known[j - 1]:
                        break
                    self._parts.append((i, j, self.key(i, j)))
        return self._parts


def _capital_words(doc: Document, skip: Sequence[tuple[int, int]]) -> list[_Word]:
    """Every word of the prose that can be part of a name: it starts with a capital, has no
    digit, every hyphen part is capitalised ('Nur-Sultan', not 'Russian-led'), and it is not
    inside a URL; other capitalised words are breakers. One regex scan of the document."""
    text = doc.prose
    skip_starts, skip_ends = _merged(skip)
    words: list[_Word] = []
    for match in _CAPITAL_WORD.finditer(text):
        start = match.start()
        raw = match.group()
        if raw.isalpha():  # most words: no digit, hyphen, apostrophe or underscore to look at
            if not raw[0].isupper() or (skip_starts and _covered(skip_starts, skip_ends, start)):
                words.append((start, start, True, "", ""))
            else:
                words.append((start, start + len(raw), False, raw, raw.lower()))
            continue
        head = raw.split("_", 1)[0]
        word = head.rstrip("’'‐-")
        possessive = word.endswith(("’s", "'s")) or len(word) < len(head)
        if word.endswith(("’s", "'s")):
            word = word[:-2]
        if (not word or not word[0].isupper() or _DIGIT.search(word)
                or (("-" in word or "‐" in word) and not all(part[:1].isupper() for part in _HYPHEN.split(word)))
                or _covered(skip_starts, skip_ends, start)):
            words.append((start, start, True, "", ""))
            continue
        words.append((start, start + len(word), possessive, word, word.lower()))
    return words


def _merged(spans: Sequence[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """(starts, ends) of the union of the half-open spans, disjoint and in order, for bisect
    (testing every word against every span was quadratic)."""
    starts: list[int] = []
    ends: list[int] = []
    for a, b in sorted(span for span in spans if span[0] < span[1]):
        if ends and a <= ends[-1]:
            ends[-1] = max(ends[-1], b)
        else:
            starts.append(a)
            ends.append(b)
    return starts, ends


def _covered(starts: list[int], ends: list[int], offset: int) -> bool:
    index = bisect.bisect_right(starts, offset) - 1
    return index >= 0 and offset < ends[index]


def _name(words: list[_Word]) -> list[_Word]:
    """The words of a run without the titles before the name and function words around it:
    'White House Press Secretary Jen Psaki' -> 'Jen Psaki', 'The Hague' -> 'Hague'."""
    first, last = 0, len(words)
    for position in range(last - 1, -1, -1):
        if words[position][4] in _TITLES:
            first = position + 1
            break
    while first < last and words[first][4] in _NOT_NAMES:
        first += 1
    while last > first and words[last - 1][4] in _NOT_NAMES:
        last -= 1
    return words[first:last]


def capitalised_runs(doc: Document, skip: Sequence[tuple[int, int]] = ()) -> list[list[Run]]:
    """The runs of each sentence of the document that hold a name: capitalised words joined by
    single spaces; a possessive ('Kazakhstan's') ends a run."""
    words = _capital_words(doc, skip)
    starts = [word[0] for word in words]
    text = doc.prose
    by_sentence: list[list[Run]] = []
    for sentence in doc.sentences:
        groups: list[list[_Word]] = []
        current: list[_Word] = []
        ended = True
        for index in range(bisect.bisect_left(starts, sentence.start), bisect.bisect_left(starts, sentence.end)):
            word = words[index]
            start, end, possessive = word[0], word[1], word[2]
            if end == start:  # not name material
                if current:
                    groups.append(current)
                    current = []
                ended = True
                continue
            if current and not ended and start == current[-1][1] + 1 and text[start - 1] == " ":
                current.append(word)
            else:
                if current:
                    groups.append(current)
                current = [word]
            ended = possessive
        if current:
            groups.append(current)
        runs = []
        for group in groups:
            name = _name(group)
            if name:  # a run without a name ("The", "He said") matters to nobody
                runs.append(Run(text, group, name, sentence))
        by_sentence.append(runs)
    return by_sentence


@dataclass(slots=True)
class Extracted:
    """Everything KZ5 needs from one document."""

    names: list[list] = field(default_factory=list)  # [surface, skeleton, line, col, end_line, end_col, count]
    claims: list[dict] = field(default_factory=list)
    date: When = When()


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
    result.date = document_date(doc)
    runs_by_sentence = capitalised_runs(doc, [(link.start, link.end) for link in doc.links])
    result.names = _names(doc, index, runs_by_sentence)
    if lexicon is not None:
        result.claims = _claims(doc, index, lexicon, runs_by_sentence, result.date)
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

    for runs in runs_by_sentence:
        for run in runs:
            words = run.name
            start, end = words[0][0], words[-1][1]
            surface = doc.prose[start:end]
            several = len(words) >= 2 or (("-" in surface or "‐" in surface) and len(tokens(surface)) >= 2)
            if several and surface.upper() != surface:
                add(start, end, run.key())
                for i, j, key in run.parts(index):
                    if (i, j) != (0, len(words)) and key in known:
                        add(words[i][0], words[j - 1][1], key)
            elif len(words) == 1 and (run.key() in known or (run.after in _PLACE_NOUNS and len(surface) > 3)):
                add(start, end, run.key())
            else:
                for i, j, key in run.parts(index):
                    if key in known:
                        add(words[i][0], words[j - 1][1], key)
    return list(seen.values())


# -- places -------------------------------------------------------------------------------------


def _places_in(doc: Document, runs: list[Run], index: NameIndex, gazetteer_only: bool = False) -> list[str]:
    """Places in one sentence: gazetteer places (any romanisation) and capitalised names right
    after 'in', 'at', 'near'... ('killed in Mosul'). `gazetteer_only` keeps the gazetteer places
    only: all `_dominant_places` needs from a sentence without figures, found without reading
    the word before each run (a regex search per run, most of the work here)."""
    found: list[str] = []
    for run in runs:
        words = run.name
        matched = False
        for _, _, key in run.parts(index):
            place = index.place_by_key.get(key)
            if place:
                found.append(place)
                matched = True
        if matched or gazetteer_only and run.key() not in index.place_by_key:
            continue
        if run.before in _PLACE_PREPOSITIONS or run.before == "the" and run.after in _PLACE_NOUNS:
            surface = doc.prose[words[0][0]:words[-1][1]]
            if surface.lower() not in _NOT_NAMES:
                found.append(surface)
    return found


def _with_ancestors(places: list[str], index: NameIndex) -> list[str]:
    out: list[str] = []
    for place in places:
        for item in index.with_ancestors(place) if index.place(place) else [place]:
            if item not in out:
                out.append(item)
    return out


def _claim_places(sentence_places: list[str], context: list[str], index: NameIndex) -> list[str]:
    """Where a claim happened: the sentence's places, refined by context places inside them
    ('in Kazakhstan' + the article is about Zhanaozen -> both); the context alone when the
    sentence names no place."""
    own = _with_ancestors(sentence_places, index)
    if not own:
        return _with_ancestors(context, index)
    refined = [p for p in context if index.place(p) and set(index.with_ancestors(p)[1:]) & set(own)]
    return _with_ancestors(own + refined, index)


# -- time ---------------------------------------------------------------------------------------


def _date_or_none(year: int, month: int, day: int) -> _dt.date | None:
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


def _month(name: str) -> int:
    key = name.lower().rstrip(".")
    return _MONTHS.get(key) or _MONTHS[key[:3]]


def document_date(doc: Document) -> When:
    """The article's date: front matter, then the path (news/2011/12/16/), then a date in its
    first block, then a dateline ('ALMATY, Jan. 5 (Reuters)')."""
    for key, value in doc.front_matter.items():
        if str(key).lower().replace("-", "_") in _FRONT_MATTER_DATES:
            if isinstance(value, (_dt.date, _dt.datetime)):
                return When(value.year, value.month, value.day)
            match = _ISO_DATE.search(str(value))
            if match and _date_or_none(*map(int, match.groups())):
                return When(*map(int, match.groups()))
    match = _PATH_DATE.search(doc.path.replace("\\", "/"))
    if match and _date_or_none(*map(int, match.groups())):
        return When(*map(int, match.groups()))
    first = next((b for b in doc.blocks if b.kind in ("heading", "paragraph", "list_item")), None)
    if first is not None:
        raw = doc.text[first.start:first.end]
        for pattern in (_ISO_DATE, _PATH_DATE):
            match = pattern.search(raw)
            if match and _date_or_none(*map(int, match.groups())):
                return When(*map(int, match.groups()))
        for block in doc.blocks[:3]:
            match = _DATELINE.match(doc.prose[block.start:block.end].lstrip())
            if match:
                month, day, year = _month(match.group(1)), int(match.group(2)), match.group(3)
                return When(int(year) if year else None, month, day)
    return When()


def resolve(kind: str, groups: tuple, base: When) -> When:
    """One date expression as a When, resolved against the document's date `base`."""
    if kind == "ymd":
        return When(int(groups[0]), int(groups[1]), int(groups[2]))
    if kind == "mdy":
        return When(int(groups[2]), _month(groups[0]), int(groups[1]))
    if kind == "dmy":
        return When(int(groups[2]), _month(groups[1]), int(groups[0]))
    if kind == "my":
        return When(int(groups[1]), _month(groups[0]))
    if kind in ("md", "dm"):
        month, day = (_month(groups[0]), int(groups[1])) if kind == "md" else (_month(groups[1]), int(groups[0]))
        year = base.year
        if year is not None and base.month is not None and month > base.month + 1:
            year -= 1  # "December 30" in a January article
        return When(year, month, day)
    if kind == "y":
        return When(int(groups[0]))
    if kind == "weekday":
        if base.year and base.month and base.day:
            today = _dt.date(base.year, base.month, base.day)
            back = (today.weekday() - _WEEKDAYS[groups[0].lower()]) % 7
            day = today - _dt.timedelta(days=back)
            return When(day.year, day.month, day.day)
        return base  # "on Wednesday" is the article's own week
    phrase = groups[0].lower()
    if phrase == "yesterday":
        if base.year and base.month and base.day:
            day = _dt.date(base.year, base.month, base.day) - _dt.timedelta(days=1)
            return When(day.year, day.month, day.day)
        return base
    years = 1 if phrase.startswith(("last", "the previous", "previous", "a ", "one ")) else _small_number(phrase)
    if "month" in phrase:
        if base.year and base.month:
            month = base.month - 1 or 12
            return When(base.year - (1 if base.month == 1 else 0), month)
        return When(relative="last-month")
    if base.year:
        return When(base.year - years)
    return When(relative=f"{years}-years-ago")


def _small_number(phrase: str) -> int:
    word = phrase.split()[0]
    return {"two": 2, "three": 3}.get(word) or (int(word) if word.isdigit() else 1)


def sentence_time(text: str, offset_in_sentence: int, base: When) -> tuple[When, bool]:
    """The time of a figure: the date expression nearest to it in its sentence, else `base`;
    and whether the sentence said it."""
    best: tuple[int, When] | None = None
    taken: list[tuple[int, int]] = []
    for kind, pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            if any(a <= match.start() < b or a < match.end() <= b for a, b in taken):
                continue
            taken.append(match.span())
            distance = min(abs(match.start() - offset_in_sentence), abs(match.end() - offset_in_sentence))
            if best is None or distance < best[0]:
                best = (distance, resolve(kind, match.groups(), base))
    return (best[1], True) if best else (base, False)


# -- figure claims ------------------------------------------------------------------------------

# "eight of the detainees", "nearly 400 of them": a part of a group counted elsewhere, not a total
_PARTITIVE = re.compile(r"[\"”’]?\s+of\s+(?:the|them|those|these|whom|which|its|their)\b", re.I)
_SKIPPED_SECTIONS = re.compile(r"^(?:related|see also|read more|more on this|most (?:viewed|read)|"
                               r"related (?:stories|articles|links)|sources?|further reading|recommended)\b", re.I)


def _claims(doc: Document, index: NameIndex, lexicon: Any, runs_by_sentence: list[list[Run]],
            date: When) -> list[dict]:

    figures = [f for f in find_figures(doc, lexicon) if f.measure]
    if not figures:
        return []
    sentences = doc.sentences
    with_figures = {figure.sentence for figure in figures}
    places_by_sentence = [_places_in(doc, runs, index, gazetteer_only=number not in with_figures)
                          for number, runs in enumerate(runs_by_sentence)]
    dominant = _dominant_places(places_by_sentence, index)
    title_places = _places_of_text(doc, doc.title, index)
    section_places: dict[str, list[str]] = {doc.title: title_places}  # the headline often heads every block
    claims = []
    previous = None
    for figure in figures:
        sentence = sentences[figure.sentence]
        subject = figure.subject
        if not subject and previous is not None and previous.sentence == figure.sentence:
            subject = previous.subject  # "12 police officers were killed and 353 (officers) injured"
        previous = figure
        block = doc.blocks[sentence.block]
        if _SKIPPED_SECTIONS.match(block.section or "") and block.kind != "heading":
            continue
        if block.section not in section_places:
            section_places[block.section] = _places_of_text(doc, block.section, index)
        context = [*section_places[block.section], *title_places, *dominant]
        places = _claim_places(places_by_sentence[figure.sentence], context, index)
        partitive = bool(_PARTITIVE.match(doc.prose, figure.quantity_end))
        sentence_text = doc.prose[sentence.start:sentence.end]
        when, explicit = sentence_time(sentence_text, figure.start - sentence.start, date)
        claims.append({
            "measure": figure.measure,
            "subject": subject or "",
            "low": _finite(figure.low),
            "high": _finite(figure.high),
            "low_open": bool(figure.low_open),
            "high_open": bool(figure.high_open),
            "text": " ".join(doc.text[figure.start:figure.end].split())[:120],
            "span": _span(doc, figure.start, figure.end),
            "places": [[p, index.is_specific(p)] for p in places[:12]],
            "when": when.to_json(),
            "dated_in_sentence": explicit,
            "partitive": partitive,
        })
    return claims


def _finite(value: float | None) -> float | None:
    """Infinity is not JSON: an unbounded end is None."""
    if value is None or value == float("inf") or value == float("-inf"):
        return None
    return float(value)


def _dominant_places(per_sentence, index: NameIndex) -> list[str]:
    """The specific gazetteer place the article is about: the one it names most (at least twice)."""
    counts = Counter(p for places in per_sentence for p in places if index.place(p) and index.is_specific(p))
    if not counts:
        return []
    top = max(counts.values())
    return sorted(p for p, n in counts.items() if n == top and n >= 2)


def _places_of_text(doc: Document, text: str, index: NameIndex) -> list[str]:
    """Places named in a headline or section heading (a string, not a span of the document)."""
    if not text:
        return []
    probe = Document("headline.txt", text.replace("\n", " "), markdown=False)
    found: list[str] = []
    for runs in capitalised_runs(probe):
        for place in _places_in(probe, runs, index):
            if place not in found:
                found.append(place)
    return found
