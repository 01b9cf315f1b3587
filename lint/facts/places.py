"""Where an event happened, as a key figures can be compared by: the places a text names, resolved in
the world gazetteer (lint.reference.gazetteer, GeoNames) with the config's own `names.places` over
it (or in those places alone if the shipped index cannot be read).

A key is a path 'KZ', 'KZ.09', 'KZ.09.zhanaozen' (country, region, town), with the town's district
when the gazetteer knows it ('US.HI.maui county.lahaina'); '*' is several countries
(a continent, an ocean, "the region", "11 countries", two countries in one clause); '~zhetybai' a
name the gazetteer does not know, written after 'in', 'at', 'near' ('killed in Zhetybai').
Nationality adjectives ('American tourists', 'the Thai capital') are no places.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from typing import Any

from lint.reference import gazetteer as world
from lint.reference.wordlists import zipf_frequency
from lint.text.transliteration import skeleton

# a lower-case noun after a single capitalised word that makes it a place: "the Mangistau region"
PLACE_NOUNS = frozenset("region province oblast district county city town village river valley".split())

# Several countries: a continent or ocean, "the region", "11 countries", "worldwide".
_SEVERAL_COUNTRIES = re.compile(
    r"\b(?:(?:(?:south|southern|south-east|southeast|south east|east|eastern|west|western|north|northern|"
    r"north-east|central)\s+(?:and\s+(?:south|southern|south-east|southeast|east|eastern|west|western|north|"
    r"northern)\s+)?)?(?:Asia|(?<!South\s)Africa|Europe|(?<!States\sof\s)America|Americas)|Asian|the\s+Indian\s+Ocean|Indian\s+Ocean|the\s+"
    r"Pacific|the\s+Atlantic|the\s+Caribbean|the\s+Middle\s+East|the\s+Balkans|the\s+Sahel|across\s+the\s+region|"
    r"around\s+the\s+region|throughout\s+the\s+region|in\s+the\s+region|(?:\d+|two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve|several|a\s+dozen|both)\s+(?:countries|nations)|worldwide|globally|around\s+the\s+world|"
    r"across\s+the\s+globe|across\s+the\s+world)\b")
_WIDE_HINTS = ("asia", "africa", "europe", "america", "ocean", "pacific", "atlantic", "caribbean", "middle east",
               "balkans", "sahel", "region", "countries", "nations", "world", "glob")
# a capital not inside a word, and the capitalised words after it; the capital comes first, so that
# `re` looks for it with a fast character-set scan
# (the small words inside names: "Isle of Man", "Rio de Janeiro", "Rio Grande do Sul")
_CAPITALISED_RUN = re.compile(r"[A-Z](?<![\w’'-].)[\w’'.-]*(?:\s+(?:(?:of|de|del|do|da|dos|das|di|du|des|della)\s+|al-|el-)?"
                              r"[A-Z][\w’'.-]*)*")
_POSSESSIVE = re.compile(r"[’']s?$")
_POSSESSIVE_ENDS = ("'", "’", "'s", "’s")  # the endings _POSSESSIVE removes from a name (no newline in one)
_PREPOSITIONS = frozenset("in at near outside around across from to of into throughout within".split())
_DEMONYM = re.compile(r"(?:an|ian|ean|ese|ish|i|ic|ch)$")
# Leading words that may be part of a place's name ("New York", "South Africa", "West Bank", "Port
# Moresby") or only describe it ("west London", "northern Nigeria"): the name is read with them first.
_QUALIFIERS = frozenset("""
state city province region district county north south east west northern southern eastern western central
greater upper lower new old saint st mount lake river port
""".split())
# Leading words a place name is read without: titles and function words, and the qualifiers.
_LEADING = _QUALIFIERS | frozenset("""
the a an and or but in at on of for from to by with as after before since during while when where which who
this that these those it its he she they we his her their our there here then now yesterday today last
president minister prime foreign secretary mr mrs ms dr sir lord lady king queen prince princess general
police army
""".split())
_FUNCTION_WORDS = _LEADING - _QUALIFIERS
_NOT_PLACES = frozenset("""
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december god christmas easter
""".split())


# a number written out, as a sentence opens on one ("Forty-two people were killed"): a gazetteer has
# places of that name, the sentence means the number
_NUMBER_NAME = re.compile(
    r"(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)"
    r"[\s-]*)+", re.I)


class Leaning(frozenset):
    """Countries a document names, preferred among the places of an ambiguous name without ruling
    out places elsewhere ('Noto' in a report on Japan is Japan's; 'Kabul' in one on U2 is Kabul), and
    only for a place of half the people of the name's first one or more (LEANING_RATIO): comparable places."""


LEANING_RATIO = 2


class Places:
    """Place look-ups for event scopes: the world gazetteer (lint.reference.gazetteer) with the
    config's own places layered over it, or the config's places alone when it is not installed.
    `key(name)` is a path: 'KZ', 'KZ.09', 'KZ.09.zhanaozen' (country, region, town)."""

    def __init__(self, gazetteer: Any = None, chain: Callable[[str], list[str]] | None = None) -> None:
        self.gazetteer = gazetteer
        self.chain = chain  # fallback: the config gazetteer's place -> containing places
        self.canonical: dict[str, str] = {}  # key -> the place's own name ('Zhanaozen', 'Aceh')

        self._found: dict[str, list] = {}  # name -> gazetteer places (names repeat across articles)
        self._containers: dict[str, list] | None = None  # country -> its regions and districts (region_like)
        self._skeletons: dict[str, list] = {}  # country -> (place, the skeletons of its names)

    def lookup(self, name: str) -> list:
        found = self._found.get(name)
        if found is None:
            found = self.gazetteer.lookup(name) if self.gazetteer is not None else []
            if len(self._found) > 200_000:
                self._found.clear()
            self._found[name] = found
        return found

    def sure_countries(self, text: str, runs: list[re.Match] | None = None) -> frozenset[str]:
        """Countries `text` names without doubt: a country, or a name all of whose places lie in one.
        `runs`: its capitalised runs, when the caller has them (a scan of 20 MB is saved)."""
        sure: set[str] = set()
        is_word = self.gazetteer.is_word if self.gazetteer is not None else (lambda name: False)
        for match in _CAPITALISED_RUN.finditer(text) if runs is None else runs:
            name = _bare(match.group())
            found = self.lookup(name)
            if not found and _INNER_OWNER.search(name):  # "Odisha's Balasore": a place and its owner agree
                owner, place = _INNER_OWNER.split(name, 1)
                shared_countries = {p.country for p in self.lookup(owner)} & {p.country for p in self.lookup(place)}
                if len(shared_countries) == 1:
                    sure.update(shared_countries)
                continue
            if found and found[0].kind != "country" and is_word(name) \
                    and _word_before(text, match.start()) not in _PREPOSITIONS:
                continue  # a word, a person or a small town's name ('Amini said'), as key() reads it
            shared = len(found) > 1 and found[1].kind == "country"  # "Congo": two countries' name
            if found and (found[0].kind == "country" and not shared or len({p.country for p in found}) == 1):
                sure.add(found[0].country)
        return frozenset(sure)

    def key(self, name: str, context: str = "", prefer: frozenset[str] = frozenset()) -> str | None:
        """The key of the place `name` most likely means: a candidate in a country of `prefer` (the
        countries the text names without doubt) when there is one; None when every candidate lies
        outside them ('Mina' beside 'Mecca' is no town of North Dakota), unless `prefer` is only the
        document's Leaning."""
        name = _bare(name.strip())
        if not name or name.lower() in _NOT_PLACES or _NUMBER_NAME.fullmatch(name):
            return None
        if self.gazetteer is not None:
            found = self.lookup(name)
            if not found:
                return None
            if self.gazetteer.is_word(name) and context not in _PREPOSITIONS:
                return None
            if isinstance(prefer, Leaning):
                inside = [p for p in found if p.country in prefer]
                if inside and (inside[0].population * LEANING_RATIO >= found[0].population
                               or inside[0].kind == found[0].kind == "country"):
                    # not a town of 42,000 over Dhaka, nor Odessa, Texas, over Odesa; but of two countries
                    # of one name ("Congo"), the one the document names places in
                    found = inside
            elif prefer:
                found = [p for p in found if p.country in prefer]
                if not found:
                    return None
            place = found[0]
            if place.kind in ("city", "district") and _DEMONYM.search(name.lower()) and context == "adjective":
                return None
            key = _place_key(place)
            self.canonical.setdefault(key, place.name)
            return key
        if self.chain is not None:
            chain = self.chain(name)
            if chain:
                key = ".".join(reversed([c.lower() for c in chain]))
                self.canonical.setdefault(key, chain[0])
                return key
        return None

    def city_key(self, name: str, within: Sequence[str] = ()) -> str | None:
        """The key of the most populous city called `name` (inside one of the `within` keys, when
        given): a wire dateline names the city the report was filed from, so "WASHINGTON" is the
        capital, not the state, and "PARIS, Texas" is not France's."""
        if self.gazetteer is None:
            return None
        for place in self.lookup(_bare(name.strip())):
            if place.kind == "city":
                key = _place_key(place)
                if not within or any(key == w or key.startswith(w + ".") for w in within):
                    self.canonical.setdefault(key, place.name)
                    return key
        return None

    def region_like(self, name: str, countries: frozenset[str]) -> str | None:
        """The region or district the text calls `name` province or district in another romanisation
        ("Kunar province" for GeoNames' 'Konar'): the one place of the same consonant skeleton
        (lint.text.transliteration) in the countries the text names. Only a name the text itself
        calls a region, in a country it names, is read this loosely: a bare word never is."""
        if self.gazetteer is None or len(name) < 4 or not countries:
            return None
        by_country = self._containers
        if by_country is None:
            by_country = self._containers = {}
            for place in self.gazetteer.containers():
                by_country.setdefault(place.country, []).append(place)
        wanted = skeleton(name)
        found = []
        for country in sorted(countries):
            skeletons = self._skeletons.get(country)
            if skeletons is None:  # each place's name with and without its generic word ("Sylhet Division")
                skeletons = self._skeletons[country] = [
                    (place, {skeleton(place.name), skeleton(_without_generic(place.name))})
                    for place in by_country.get(country, ())]
            found += [place for place, forms in skeletons if wanted in forms]
        if not found or len({place.country for place in found}) > 1:
            return None
        place = max(found, key=lambda p: p.population)
        key = _place_key(place)
        self.canonical.setdefault(key, place.name)
        return key


def _without_generic(name: str, generic: frozenset[str] | None = None) -> str:
    """The name without the generic word it may end on (`generic`, else the administrative ones):
    'Kwara State' -> 'Kwara'; 'Shahid Rajaee Port' and 'Shahid Rajaee' are one site."""
    words = name.split()
    return " ".join(words[:-1]) if len(words) > 1 and words[-1].lower() in (generic or _ADMINISTRATIVE) else name


_PLACES: dict[int, tuple[Any, Places]] = {}


def places_for(index: Any) -> Places:
    """Place look-ups for a config's name index: the world gazetteer (lint.reference.gazetteer)
    with the config's `names.places` over it, else those places alone (one object per index)."""
    found = _PLACES.get(id(index))
    if found is not None and found[0] is index:
        return found[1]
    try:
        gazetteer = world.with_config(dict(getattr(index, "parent", {}) or {}), ())
    except (OSError, RuntimeError):  # no readable shipped index: the config's places alone
        gazetteer = None

    def chain(name: str) -> list[str]:
        place = index.place(name) if index is not None else None
        return index.with_ancestors(place) if place else []

    places = Places(gazetteer, chain)
    _PLACES[id(index)] = (index, places)
    return places


def _place_key(place: Any) -> str:
    """'US', 'US.HI', 'US.HI.maui county' (a district), 'US.HI.maui county.lahaina' (a town in it)."""
    if place.kind == "country":
        return place.country
    if place.kind == "admin1":
        return f"{place.country}.{place.admin1}"
    if place.kind == "district":
        return f"{place.country}.{place.admin1}.{place.admin2}"
    if getattr(place, "admin2", ""):
        return f"{place.country}.{place.admin1}.{place.admin2}.{place.name.lower()}"
    return f"{place.country}.{place.admin1}.{place.name.lower()}"


def _bare(name: str) -> str:
    """The name without a possessive ending: 'Kazakhstan's' -> 'Kazakhstan'."""
    return _POSSESSIVE.sub("", name) if name.endswith(_POSSESSIVE_ENDS) else name


# the last word of a window read backwards: what `re.search(r"([A-Za-z]+)\W*$", window)` finds, without
# trying every start in the window
_WORD_BEFORE_REVERSED = re.compile(r"\W*([A-Za-z]+)")


def _word_before(text: str, start: int) -> str:
    """The word before `start`, past an article after a preposition ('in' for "in the West Bank";
    not 'of': "the State of the Union" names no town called Union)."""
    window = text[max(0, start - 24):start][::-1]
    match = _WORD_BEFORE_REVERSED.match(window)
    if match and match.group(1).lower() == "eht":  # "the", reversed
        before = _WORD_BEFORE_REVERSED.match(window, match.end())
        if before and before.group(1)[::-1].lower() in _PREPOSITIONS - {"of"}:
            match = before
    return match.group(1)[::-1].lower() if match else ""


def _has_wide_hint(text: str, step: int = 65536) -> bool:
    """Whether text.lower() holds one of _WIDE_HINTS, lowering a piece at a time: lower() of a
    paragraph of 20 MB takes 4x its size while it runs. The pieces overlap by a hint's length, so
    a hint across two of them is found (lower() maps each character on its own but for Greek
    final sigma, which makes no ASCII letter)."""
    if len(text) <= step:
        lower = text.lower()
        return any(hint in lower for hint in _WIDE_HINTS)
    overlap = max(map(len, _WIDE_HINTS)) - 1
    for at in range(0, len(text), step):
        piece = text[at:at + step + overlap].lower()
        if any(hint in piece for hint in _WIDE_HINTS):
            return True
    return False


_INNER_OWNER = re.compile(r"['’]s\s+")


def _overlaps(spans: list[tuple[int, int]], ends: list[int], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of `spans` (sorted, not overlapping; `ends` their ends): a
    bisection, not a scan (a paragraph of 20 MB has thousands of spans and of names)."""
    i = bisect.bisect_right(ends, start)
    return i < len(spans) and spans[i][0] < end


def _names_several_countries(runs: list[re.Match], places: Places) -> bool:
    """Whether one of the capitalised runs names places in several countries (each run looked up once)."""
    seen: set[str] = set()
    for match in runs:
        run = match.group()
        if run not in seen:
            seen.add(run)
            words = run.split()
            while len(words) > 1 and words[0].lower().strip("’'") in _FUNCTION_WORDS:
                words = words[1:]  # "In Noto" is read as "Noto" (_resolve; a qualifier may be the name's: "New York")
            if len({p.country for p in places.lookup(_bare(" ".join(words)))}) > 1:
                return True
    return False


def places_in(text: str, places: Places, last: bool = False, names: dict[str, str] | None = None,
              every: bool = False, countries: Callable[[], frozenset[str]] | None = None) -> list[str]:
    """Place keys named in `text` ('*' for several countries), most specific first; with `last`,
    only the place named last (the noun a relative clause after `text` hangs on). A capitalised
    name the gazetteer does not know counts after 'in', 'at', 'near' ('killed in Zhetybai'): its key
    is '~zhetybai'. `names` collects key -> the name as written. `countries`: the countries the
    whole document names without doubt, asked for when a name lies in several and `text` itself
    names none of them ('Noto' in a paragraph of a report on Japan's earthquake is not in Sicily)."""
    keys: list[str] = []
    positions: list[tuple[int, str]] = []
    wide = [m.span() for m in _SEVERAL_COUNTRIES.finditer(text)] if _has_wide_hint(text) else []
    if wide:
        keys.append("*")
        positions.append((wide[-1][1], "*"))
        if names is not None:
            names.setdefault("*", "several countries")
    runs = list(_CAPITALISED_RUN.finditer(text))
    wide_ends = [b for _, b in wide]
    prefer: frozenset[str] = frozenset()
    if places.gazetteer is not None and _names_several_countries(runs, places):
        prefer = places.sure_countries(text, runs)  # some name lies in several countries: the text decides
        if not prefer and countries is not None:
            prefer = Leaning(countries())  # ... else the document leans, ruling out no place
    resolved: dict[tuple[str, str, str], tuple[str | None, str]] = {}  # a name read again in the same context
    sure: list[frozenset[str]] = []

    def named_countries() -> frozenset[str]:
        """The countries the text, else the document, names without doubt (asked for rarely: once)."""
        if not sure:
            sure.append(places.sure_countries(text, runs) or (countries() if countries is not None else frozenset()))
        return sure[0]

    read: list[list] = []  # [start, end, key, name as written, context] of each place named
    for match in runs:
        if wide and _overlaps(wide, wide_ends, match.start(), match.end()):
            continue
        run, after = match.group(), text[match.end():match.end() + 8]
        context = _word_before(text, match.start())
        found = resolved.get((run, after, context))
        if found is None:
            found = resolved[(run, after, context)] = _resolve(run, after, context, places, prefer, named_countries)
        key, name = found
        if key is not None:
            read.append([match.start(), match.end(), key, name, context])
    _qualified(text, read, places)
    for _start, end, key, name, _context in read:
        if names is not None:
            names.setdefault(key, name)
        positions.append((end, key))
        if key not in keys:
            keys.append(key)
    if last and positions:
        return [max(positions)[1]]
    if every:
        return [key for _, key in positions]
    scope = _most_specific(keys)
    if scope == ["*"] and names is not None:
        names.setdefault("*", "several countries")  # "in Turkey and Syria"
    return scope


def _qualified(text: str, read: list[list], places: Places) -> None:
    """A place qualified by its region after a comma ("Atlanta, Georgia", "London, Ontario") is
    one place: where the two readings lie in different countries, the region is read in the
    place's country, or the place in the region's, whichever makes one contain the other (not
    Atlanta and the country Georgia: "several countries")."""
    for before, after in zip(read, read[1:]):
        first, second = before[2], after[2]
        if text[before[1]:after[0]] != ", " or "*" in (first, second) or "~" in (first[0], second[0]):
            continue
        if first.split(".")[0] == second.split(".")[0]:
            continue
        region = places.key(after[3], ",", frozenset({first.split(".")[0]}))
        if region is not None and first.startswith(region + "."):
            after[2] = region
            continue
        place = places.key(before[3], before[4], frozenset({second.split(".")[0]}))
        if place is not None and place.startswith(second + "."):
            before[2] = place


def _resolve(run: str, after: str, context: str, places: Places, prefer: frozenset[str],
             countries: Callable[[], frozenset[str]] | None = None) -> tuple[str | None, str]:
    """(the place key, the name as written) of a capitalised run, from the run, the few characters
    after it and the word before it (see places_in): (None, "") when it names no place. `countries`:
    the countries the text or its document names, asked for when a region's name is read loosely
    (Places.region_like)."""
    words = run.split()

    def loose_countries() -> frozenset[str]:
        return prefer or (countries() if countries is not None else frozenset())

    # drop leading titles and function words ("President", "The", "In"): "In Zhanaozen" -> "Zhanaozen";
    # a qualifier only when the name with it is no place ("New York", "South Africa"; "west London")
    key = None
    while words and words[0].lower().strip("’'") in _LEADING and len(words) > 1:
        if words[0].lower().strip("’'") in _QUALIFIERS:
            key = places.key(" ".join(words).rstrip("."), context, prefer)
            if key is not None:
                break
        if words[0].lower() in _LOCATIVE:
            context = words[0].lower()  # "In Lukolela, officials said": the run opens a sentence with 'In'
        words = words[1:]
    if not words or (len(words) == 1 and words[0].lower() in _LEADING):
        return None, ""
    name = " ".join(words).rstrip(".")
    if key is not None:
        return key, _bare(name)
    letters = name.replace(".", "")
    if len(letters) <= 3 and letters.isupper() and context not in _PREPOSITIONS:
        return None, ""  # "US officials", "the UK government", "US$25,000": an abbreviation as a modifier
    if _DISEASE_AFTER.match(after):
        return None, ""  # "Marburg virus", "Lassa fever", "Rift Valley fever": a disease named after a place
    if len(words) == 1 and _DEMONYM_ADJECTIVE.match(after) and _DEMONYM.search(words[0].lower()):
        context = "adjective"  # "American tourists", "Thai capital": a nationality, not a place
    key = places.key(name, context, prefer)
    if key is None and len(words) > 1:
        owned = _owned_place(words, context, places, prefer)
        if owned is not None:
            return owned
        if words[-1].lower().rstrip(".") in _ADMINISTRATIVE:  # "Kwara State", "Ishikawa Prefecture": the region's own name
            key = places.key(" ".join(words[:-1]), "in", prefer)
            if key is None and context in _LOCATIVE and words[-1].lower().rstrip(".") in _LOOSE_REGIONS:
                key = places.region_like(" ".join(words[:-1]), loose_countries())
            if key is not None:
                return key, _bare(name)
        # the place a longer name ends with, after 'in', 'at', 'near' ("in Northern Kajiado"), not after
        # a verb, a title or 'of' ("Chief Secretary Pradeep Jena said", "the death of Mahsa Amini")
        if context in _LOCATIVE and not _head_noun(words[-1], places):
            key = places.key(words[-1], context, prefer)
            if key is not None and countries is not None and (sure := countries()) and key.split(".")[0] not in sure:
                key = None  # "near Bahanaga Bazar station in Odisha's Balasore district": no town in Kyrgyzstan
    if key is None and context in _LOCATIVE and _ADMINISTRATIVE_AFTER.match(after):  # "in Kunar province": 'Konar'
        key = places.region_like(name, loose_countries())
    if key is None and context in _LOCATIVE and not _POSSESSIVE.search(run) and name.lower() not in _NOT_PLACES \
            and not (_DEMONYM.search(name.lower()) and _DEMONYM_ADJECTIVE.match(after)):
        key = "~" + _without_generic(_bare(name), _SITE_WORDS).lower()
    return key, (_bare(name) if key is not None else "")


_LOCATIVE = frozenset("in at near outside off".split())


def _head_noun(word: str, places: Places) -> bool:
    """Whether the last word of a longer name is its head noun, an English word ('Muan International
    Airport', 'Indian Ocean'), not a place it lies in ('in Northern Kajiado')."""
    return (places.gazetteer is not None and places.gazetteer.is_word(word) or word in ("Ocean", "Sea")
            or zipf_frequency(word.lower()) >= HEAD_NOUN_ZIPF)  # 'Emergency Operations Centre': no region 'Centre'


HEAD_NOUN_ZIPF = 4.0  # a word this common in English ('centre', 'hall', 'market') heads a longer name
# the generic word after a region's name, capitalised as part of it
_ADMINISTRATIVE = frozenset("state province prefecture region district county governorate oblast municipality "
                            "department division".split())
# generic words after a site's name, written with it in capitals or not
_SITE_WORDS = _ADMINISTRATIVE | frozenset("port airport station stadium market mine dam bridge hotel mall camp "
                                          "village town city island".split())
# the generic words after which a region's name is read loosely (Places.region_like), and the lower-case
# ones as far as the few characters after a run show them ("Kunar provinc")
_LOOSE_REGIONS = frozenset("province district region prefecture governorate oblast".split())
_ADMINISTRATIVE_AFTER = re.compile(r"[ ](?:provi|distr|regio|prefe|gover|oblas)")


def _owned_place(words: list[str], context: str, places: Places, prefer: frozenset[str]) -> tuple[str, str] | None:
    """A place named with its country or region as owner ('Nepal's Jajarkot', 'Japan's Noto'):
    the place looked up inside the owner's country, else the owner itself (the gazetteer does not
    know every district); None when no word before the last is the possessive of a country or
    first-level region ('Martha's Vineyard' is a name of its own)."""
    for i, word in enumerate(words[:-1]):
        if not word.endswith(_POSSESSIVE_ENDS):
            continue
        owner_name = _bare(" ".join(words[:i + 1]))
        owner = places.key(owner_name, "in", prefer)  # 'Turkey's' is a country's, not a bird's
        if owner is None or owner.startswith("~") or owner.count(".") > 1:
            return None
        country = frozenset({owner.split(".")[0]})
        rest = words[i + 1:]
        if len(rest) > 1 and rest[-1].lower().rstrip(".") in _ADMINISTRATIVE:
            rest = rest[:-1]  # "Nigeria's Niger State"
        for candidate in dict.fromkeys((" ".join(rest), rest[-1])):
            inner = places.key(candidate, context, country)
            if inner is not None:
                return inner, candidate
        return owner, owner_name
    return None
# "in American custody": an adjective before a noun (not before a preposition: "in Zhetybai on Saturday")
_DISEASE_AFTER = re.compile(r" (?:virus|fever|flu|disease|variant|strain)\b", re.I)
_DEMONYM_ADJECTIVE = re.compile(r" (?!(?:on|in|at|of|to|for|from|by|with|and|or|near|after|before|since|"
                                r"during|when|where|which|who|that|is|was|were|has|had)\b)[a-z]")


def _most_specific(keys: list[str]) -> list[str]:
    """Several countries ('ID', 'LK') make '*'; a place and a place inside it keep the inner one first;
    a place the gazetteer does not know, named with one country it does ('in Zhetybai, Kazakhstan'),
    comes first, then that country's places."""
    if not keys:
        return []
    unknown = [k for k in keys if k.startswith("~")]
    known = [k for k in keys if k != "*" and not k.startswith("~")]
    if unknown and known and "*" not in keys and len({k.split(".")[0] for k in known}) == 1:
        return [unknown[0], *_most_specific(known)]
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
    if first.startswith("~") and len(scope) > 1 and "." in scope[1]:
        return [first, *scope_keys(scope[1:])]  # "Grenfell Tower in London" meets London (events.scopes_agree)
    parts = first.split(".")
    return [".".join(parts[:n]) for n in range(len(parts), 1 if len(parts) > 1 else 0, -1)]
