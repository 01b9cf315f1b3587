"""A world gazetteer: countries, first-level regions, districts and cities of 5,000 people or more.

The data is GeoNames (CC BY 4.0; see lint/data/gazetteer/README.md), built once by
tools/build_gazetteer.py into a compact msgpack index shipped with kzlint. It is read on the
first look-up, never at import (`kzlint --version` does not pay for it): about 60 ms and 12 MB, once per
process.

    >>> [p.country for p in lookup("Kiev")]           # an alternate name of Kyiv
    ['UA', ...]
    >>> default().ancestors(lookup("Lahaina")[0])  # city -> district -> region -> country
    [Place('Maui County', 'district', 'US', 'HI', ...), Place('Hawaii', 'admin1', 'US', ...), Place('United States', ...)]

Names are matched by `fold_key`: case, accents, apostrophes, full stops and the choice between
a hyphen and a space do not matter ("Nur-Sultan" = "Nur Sultan", "Kraków" = "Krakow",
"St. Louis" = "Saint Louis"). A key that is also an English word in lower case ("Reading",
"Bath", "Split", "Nice", "Of", "Police") is marked: `is_word` tells the caller to want
context (a preposition before it, its region or country after it) before taking it for a place.

User places and aliases (config) are layered over the built-in data with `with_user`; the
built-in data holds no region's private list.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from array import array
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "gazetteer" / "places.msgpack"
# English short names of countries that GeoNames and ISO lack ("UK", "USA", "UAE", "DRC", "Burma"):
# from CLDR and i18n-iso-countries by tools/build_country_names.py
COUNTRY_NAMES = DATA.with_name("country_names.json")
KINDS = ("country", "admin1", "city", "district")  # by the index's kind codes 0-3

_SPECIAL = str.maketrans({"ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "ß": "ss", "ł": "l", "Ł": "l", "đ": "d",
                          "Đ": "d", "ı": "i", "œ": "oe", "Œ": "oe", "þ": "th", "ð": "d", "ʻ": "", "ʼ": "",
                          "’": "", "‘": "", "'": "", "`": "", "´": "", ".": "", "‐": " ", "‑": " ", "–": " ",
                          "—": " ", "-": " ", ",": " ", "ə": "a", "Ə": "a"})
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1 << 16)
def fold_key(name: str) -> str:
    """The look-up key of a place name: lower case, no accents, no apostrophes or full stops,
    hyphens as spaces, 'st'/'ste' as 'saint'/'sainte'. 'St. Louis' -> 'saint louis'."""
    text = name.translate(_SPECIAL)
    if not text.isascii():
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    words = _SPACES.sub(" ", text.lower()).strip().split(" ")
    words = ["saint" if w == "st" else "sainte" if w == "ste" else w for w in words]
    return " ".join(words)


_LOOSE = (("dzh", "j"), ("zh", "j"), ("dj", "j"), ("kh", "h"), ("gh", "g"), ("q", "k"), ("w", "v"), ("y", "i"),
          (" oblysy", ""), (" oblast", ""), (" region", ""), (" province", ""))
_DOUBLE = re.compile(r"(.)\1+")


def loose_key(name: str) -> str:
    """`fold_key` with common romanisation differences folded too ('Mangghystau' = 'Mangystau'):
    used only to match a user's places to the shipped ones, never for text."""
    text = fold_key(name)
    for before, after in _LOOSE:
        text = text.replace(before, after)
    return _DOUBLE.sub(r"\1", text)


@dataclass(frozen=True, slots=True)
class Place:
    """One place. `admin1` is GeoNames' first-level region code inside `country` (ISO 3166 alpha-2);
    `admin2` the folded name of the district (GeoNames' second level: a county, a district) a
    district is or a town lies in, "" when unknown; `geonameid` is 0 for a region or district
    (their GeoNames ids are not shipped) or a user's place."""

    name: str
    kind: str  # "country" | "admin1" | "district" | "city"
    country: str
    admin1: str
    population: int
    geonameid: int
    admin2: str = ""

    def __repr__(self) -> str:
        return f"Place({self.name!r}, {self.kind!r}, {self.country!r}, {self.admin1!r}, {self.population})"

    @property
    def specific(self) -> bool:
        """Inside a country (a region or a town): specific enough to name one event."""
        return self.kind != "country"


class Gazetteer:
    """Look-ups over the shipped index, optionally with a user's places and aliases on top."""

    def __init__(self, places: Sequence[Sequence], keys: Mapping[str, int | list[int]],
                 word_keys: Iterable[str] = ()) -> None:
        self._rows = places
        self._keys = keys
        self._word_keys = frozenset(word_keys)
        self._made: dict[int, Place] = {}
        self._extra: dict[str, list[Place]] = {}  # user keys, looked up before the shipped ones
        self._parents: dict[Place, Place | None] = {}  # user containment
        # the index's containers by code, as row numbers (a Place is made on first use: most never are)
        self._countries: dict[str, int] | None = None
        self._regions: dict[tuple[str, str], int] | None = None
        self._districts: dict[tuple[str, str, str], int] = {}

    # -- look-ups ---------------------------------------------------------------------------------
    def lookup(self, name: str) -> list[Place]:
        """Every place called `name` (its name or an alternate), user places first, then countries,
        then by population."""
        key = fold_key(name)
        found = list(self._extra.get(key, ()))
        value = self._keys.get(key)
        if value is not None:
            for index in (value,) if isinstance(value, int) else value:
                place = self._place(index)
                if place not in found:
                    found.append(place)
        return found

    def best(self, name: str) -> Place | None:
        """The place a bare mention most likely means: a user's place, a country, else the most
        populous (a city and its own region share a name: 'Almaty' the city, not the province)."""
        found = self.lookup(name)
        return found[0] if found else None

    def __contains__(self, name: str) -> bool:
        key = fold_key(name)
        return key in self._extra or key in self._keys

    def is_word(self, name: str) -> bool:
        """Is `name` also an English word in lower case ('Reading', 'Split', 'Nice')? Then a
        capitalised mention is a place only with context. A user's place never is."""
        key = fold_key(name)
        return key in self._word_keys and key not in self._extra

    def country(self, code: str) -> Place | None:
        if self._countries is None:
            self._index_containers()
        index = self._countries.get(code)
        return None if index is None else self._place(index)

    def region(self, country: str, code: str) -> Place | None:
        if self._regions is None:
            self._index_containers()
        index = self._regions.get((country, code))
        return None if index is None else self._place(index)

    def parent(self, place: Place) -> Place | None:
        """The district of a city (else its region), the region of a district, the country of a
        region, None for a country."""
        if place in self._parents:
            return self._parents[place]
        if place.kind == "city" and place.admin2:
            if self._regions is None:
                self._index_containers()
            district = self._districts.get((place.country, place.admin1, place.admin2))
            if district is not None:
                return self._place(district)
        if place.kind in ("city", "district") and place.admin1:
            region = self.region(place.country, place.admin1)
            if region is not None:
                return region
        if place.kind != "country":
            return self.country(place.country)
        return None

    def ancestors(self, place: Place) -> list[Place]:
        """The places containing `place`, nearest first: Zhanaozen -> [Mangghystau, Kazakhstan]."""
        chain: list[Place] = []
        current = self.parent(place)
        while current is not None and current not in chain and current != place:
            chain.append(current)
            current = self.parent(current)
        return chain

    def contains(self, outer: Place, inner: Place) -> bool:
        """Is `inner` inside `outer` (or the same place)?"""
        return inner == outer or outer in self.ancestors(inner)

    # -- user data --------------------------------------------------------------------------------
    def with_user(self, places: Mapping[str, str | None] | None = None,
                  aliases: Iterable[Sequence[str]] = ()) -> Gazetteer:
        """A copy with a user's places (name -> the place containing it, None for a country) and
        alias groups (names of one place: renamings, local spellings). A user place that the
        shipped data knows inside the same parent is that place; else it is added (a region when
        its parent is a country, a town otherwise)."""
        copy = Gazetteer(self._rows, self._keys, self._word_keys)
        copy._made = self._made
        copy._extra = {key: list(value) for key, value in self._extra.items()}
        copy._parents = dict(self._parents)
        pending = dict(places or {})
        resolved: dict[str, Place] = {}
        for _ in range(len(pending) + 1):  # parents before children, whatever the order given
            progress = False
            for name, parent_name in list(pending.items()):
                parent = None
                if parent_name:
                    parent = resolved.get(parent_name) or copy._resolve(parent_name)
                    if parent is None and parent_name in pending:
                        continue
                resolved[name] = copy._add_user_place(name, parent)
                del pending[name]
                progress = True
            if not progress:
                break
        for name, parent_name in pending.items():  # a cycle: add without a parent
            resolved[name] = copy._add_user_place(name, None)
        for group in aliases:
            target = next((resolved.get(n) or copy.best(n) for n in group if resolved.get(n) or copy.best(n)), None)
            if target is None:
                continue
            for name in group:
                bucket = copy._extra.setdefault(fold_key(name), [])
                if target not in bucket:
                    bucket.insert(0, target)
        return copy

    def _resolve(self, name: str) -> Place | None:
        return self.best(name)

    def _add_country_names(self, names: Mapping[str, Sequence[str]]) -> None:
        """Each country's other English names (code -> names), looked up before the shipped keys:
        "Palestine" is the country before a town in Texas."""
        for code, written in names.items():
            country = self.country(code)
            if country is None:
                continue
            for name in written:
                bucket = self._extra.setdefault(fold_key(name), [])
                if country not in bucket:
                    bucket.append(country)
                    # a name two countries share, the more populous first: "Congo" is the DRC in news,
                    # unless the document's other places lean it to Brazzaville's (lint.facts.places)
                    bucket.sort(key=lambda place: -place.population)

    def _add_user_place(self, name: str, parent: Place | None) -> Place:
        """A user's place: the shipped place of that name inside `parent` (or, for a region of a
        country, one whose name differs only by romanisation: 'Mangystau' = 'Mangghystau'), or
        the shipped place of that name in the parent's country (the user's parent then wins:
        'Zhanaozen: Mangystau'), else a new place."""
        found = self.lookup(name)
        place = None
        if parent is None:
            place = next((p for p in found if p.kind == "country"), None)
        else:
            place = next((p for p in found if p != parent and self.contains(parent, p)), None)
            if place is None and parent.kind == "country":
                loose = loose_key(name)
                if self._regions is None:
                    self._index_containers()
                place = next((self._place(r) for (cc, _), r in self._regions.items()
                              if cc == parent.country and loose_key(self._rows[r][0]) == loose), None)
            if place is None:
                place = next((p for p in found if p != parent and p.country == parent.country and p.kind != "country"),
                             None)
                if place is not None:
                    self._parents[place] = parent
        if place is None:
            if parent is None:
                place = Place(name, "country", name, "", 0, 0)
            else:
                # a region of the user's own gets its folded name as code, so towns inside it have one
                kind = "admin1" if parent.kind == "country" else "city"
                admin1 = fold_key(name) if kind == "admin1" else parent.admin1
                place = Place(name, kind, parent.country, admin1, 0, 0)
            self._parents[place] = parent
        bucket = self._extra.setdefault(fold_key(name), [])
        if place not in bucket:
            bucket.insert(0, place)
        return place

    # -- internals --------------------------------------------------------------------------------
    def containers(self) -> list[Place]:
        """Every region and district: what a name the text calls a province or a district may be."""
        if self._countries is None:
            self._index_containers()
        return [self._place(index) for index in (*self._regions.values(), *self._districts.values())]

    def _place(self, index: int) -> Place:
        place = self._made.get(index)
        if place is None:
            name, kind, country, admin1, population, geonameid, admin2 = self._rows[index]
            place = self._made[index] = Place(name, KINDS[kind], country, admin1, population, geonameid, admin2)
        return place

    def _index_containers(self) -> None:
        countries: dict[str, int] = {}
        regions: dict[tuple[str, str], int] = {}
        for index, row in enumerate(self._rows):
            if row[1] == 0:
                countries[row[2]] = index
            elif row[1] == 1:
                regions[(row[2], row[3])] = index
            elif row[1] == 3:
                self._districts[(row[2], row[3], row[6])] = index
            else:
                break  # cities come last in the index
        self._countries, self._regions = countries, regions


class _Rows:
    """The place table as columns (built lazily into `Place`s by `Gazetteer._place`)."""

    __slots__ = ("admin1", "admin2", "countries", "geonameid", "kinds", "names", "population")

    def __init__(self, payload: dict) -> None:
        self.names = payload["names"].split("\n")
        self.kinds = payload["kinds"]
        shared: dict[str, str] = {}  # 'US', 'ENG': one object per distinct code, not per place
        self.countries, self.admin1, self.admin2 = ([*map(shared.setdefault, codes, codes)] for codes in (
            payload["countries"].split("\n"), payload["admin1"].split("\n"), payload["admin2"].split("\n")))
        self.population = _ints(payload["population"], "q")
        self.geonameid = _ints(payload["geonameid"], "q")

    def __len__(self) -> int:
        return len(self.names)

    def __getitem__(self, index: int) -> tuple:
        return (self.names[index], self.kinds[index], self.countries[index], self.admin1[index],
                self.population[index], self.geonameid[index], self.admin2[index])


def _ints(data: bytes, code: str) -> array:
    values = array(code)
    values.frombytes(data)
    if sys.byteorder == "big":
        values.byteswap()
    return values


class _Keys(Mapping):
    """key -> a place index or a list of them, over the packed arrays: a binary search that slices
    the one sorted string of keys (no per-key objects: ~2 MB in a process, not ~10 MB)."""

    def __init__(self, payload: dict) -> None:
        self._text = payload["keys"]
        self._offsets = _ints(payload["key_offsets"], "I")
        self._targets = _ints(payload["targets"], "i")
        self._multi = _ints(payload["multi"], "i")
        self._size = len(self._offsets) - 1

    def _key(self, position: int) -> str:
        return self._text[self._offsets[position]:self._offsets[position + 1] - 1]

    def _find(self, key: str) -> int:
        low, high = 0, self._size
        text, offsets = self._text, self._offsets
        while low < high:
            middle = (low + high) // 2
            if text[offsets[middle]:offsets[middle + 1] - 1] < key:
                low = middle + 1
            else:
                high = middle
        return low if low < self._size and self._key(low) == key else -1

    def __getitem__(self, key: str) -> int | list[int]:
        position = self._find(key)
        if position < 0:
            raise KeyError(key)
        target = self._targets[position]
        if target >= 0:
            return target
        offset = -target - 1
        return list(self._multi[offset + 1: offset + 1 + self._multi[offset]])

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key) -> bool:
        return isinstance(key, str) and self._find(key) >= 0

    def __iter__(self):
        return (self._key(position) for position in range(self._size))

    def __len__(self) -> int:
        return self._size


@cache
def default() -> Gazetteer:
    """The shipped gazetteer, read once per process on first use (about 60 ms, ~12 MB)."""
    import msgpack

    payload = msgpack.unpackb(DATA.read_bytes(), raw=False)
    if payload.get("format") != 4:
        raise RuntimeError(f"{DATA}: unknown gazetteer format {payload.get('format')!r}; rebuild it with "
                           "tools/build_gazetteer.py")
    gazetteer = Gazetteer(_Rows(payload), _Keys(payload), payload["word_keys"].split("\n"))
    gazetteer._add_country_names(json.loads(COUNTRY_NAMES.read_text(encoding="utf-8")))
    return gazetteer


def with_config(places: Mapping[str, str | None] | None, aliases: Iterable[Sequence[str]] = ()) -> Gazetteer:
    """The shipped gazetteer with a config's `names: places:` and `aliases:` on top, built once per
    distinct pair (a config's sections are fixed for a run)."""
    return _layered(tuple((places or {}).items()), tuple(tuple(group) for group in aliases))


@lru_cache(maxsize=8)
def _layered(places: tuple, aliases: tuple) -> Gazetteer:
    if not places and not aliases:
        return default()
    return default().with_user(dict(places), aliases)


@cache
def country_names() -> tuple[str, ...]:
    """The shipped countries' own names ('Russia', 'China', 'United Kingdom'), in index order;
    empty when the index is not installed. Reads the index (`default`) on the first call."""
    try:
        rows = default()._rows
    except (OSError, RuntimeError, ImportError):
        return ()
    country = KINDS.index("country")
    return tuple(rows.names[i] for i in range(len(rows)) if rows.kinds[i] == country)


def lookup(name: str) -> list[Place]:
    """Places called `name` in the shipped gazetteer (see `Gazetteer.lookup`)."""
    return default().lookup(name)
