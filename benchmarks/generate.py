"""Generate a benchmark corpus of N articles from the BBC dev corpus, outside the repository.

Each article is a dev-corpus article with its people renamed, its numbers and years
changed, a dated path (`news/YYYY/MM/DD/...`), and often an event sentence ("At least 12
people were killed in Zhanaozen on Friday, police said.") about one of N/4 shared events,
so that corpus rules (figure contradictions, name variants) have real groups to compare;
about one in ten articles gets a scraping or sourcing defect like those in the seeds.
Output is a pure function of (source corpus, N, seed): the same call writes the same bytes.

    python benchmarks/generate.py 10000 /tmp/kzlint-bench/corpus-10000
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import shutil
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import yaml

GENERATOR_VERSION = 1
DEV_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "dev-corpus"

FIRST_NAMES = (
    "Michael David Tony John Robert Paul Mark Mike Gordon Andy Alan Charles Peter Martin Richard Tim Steve "
    "Andrew Bill Simon Chris Stephen Roger James Jonathan Jason Matt Jack Kevin Sarah Anna Maria Helen Emma "
    "Claire Laura Rachel Olga Irina Aigerim Dana Aliya Asel Nurlan Yerlan Daniyar Bolat Serik Marat Timur "
    "Ruslan Arman Azamat Dmitry Sergey Ivan Alexei Nikolai Li Wei Chen Ahmed Omar Fatima Layla Carlos Lucia "
    "Pierre Claude Hans Greta Piotr Agnieszka Kwame Amara Kenji Yuki Priya Ravi Sanjay Tomas Ines"
).split()
SURNAMES = (
    "Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans Walker White "
    "Roberts Green Hall Wood Jackson Clarke Patel Khan Lewis Harris Martin Cooper King Lee Baker Hughes "
    "Nurpeisov Abenov Seitkali Zhumabayev Kassymov Omarov Iskakov Tulegenov Bekov Sadykov Akhmetov Ermekov "
    "Ivanov Petrov Sokolov Volkov Kuznetsov Popov Novak Kowalski Dubois Moreau Rossi Ferrari Garcia Lopez "
    "Silva Santos Mueller Schmidt Fischer Weber Tanaka Suzuki Sato Kim Park Nguyen Tran Singh Sharma Okafor "
    "Mensah Haddad Nasser Cohen Levi Andersen Larsen Berg Lindqvist"
).split()
# Real transliteration variants (KZ502 should pair them): (usual spelling, variant).
VARIANT_NAMES = (
    ("Kassym-Jomart Tokayev", "Kasym-Zhomart Tokayev"), ("Saltanat Azirbek", "Sultanat Azirbek"),
    ("Nursultan Nazarbayev", "Nursultan Nazarbaev"), ("Yerlan Karin", "Erlan Karin"),
    ("Askhat Daulbayev", "Askhat Daulbaev"), ("Serikbai Turymov", "Serikbay Turymov"),
)
PLACES = (
    "Zhanaozen Almaty Aktau Atyrau Shymkent Taraz Karaganda Pavlodar Semey Kyzylorda Aktobe Oral Kostanay "
    "Petropavl Turkestan Bishkek Osh Tashkent Samarkand Dushanbe Ashgabat Baku Tbilisi Yerevan Kyiv Kharkiv "
    "Odesa Minsk Vilnius Riga Tallinn Warsaw Krakow Prague Brno Vienna Graz Budapest Bucharest Sofia Varna "
    "Belgrade Zagreb Sarajevo Skopje Tirana Athens Thessaloniki Istanbul Ankara Izmir Beirut Amman Cairo "
    "Alexandria Tunis Algiers Rabat Casablanca Lagos Abuja Accra Dakar Nairobi Mombasa Kampala Kigali "
    "Khartoum Addis Ababa Johannesburg Durban Harare Lusaka Luanda Kinshasa Karachi Lahore Peshawar Quetta "
    "Kabul Kandahar Herat Tehran Mashhad Tabriz Baghdad Basra Mosul Erbil Aleppo Homs Damascus Sanaa Aden "
    "Dhaka Chittagong Kolkata Mumbai Chennai Colombo Kathmandu Yangon Mandalay Bangkok Manila Jakarta "
    "Surabaya Hanoi Caracas Bogota Lima Quito Santiago Asuncion Montevideo Tegucigalpa Managua"
).split()
PLACE_VARIANTS = (("Mangystau", "Mangistau"), ("Mangystau", "Manghystau"), ("Nur-Sultan", "Nur Sultan"))
MEASURES = ("killed", "injured", "arrested", "detained", "hospitalised")
QUALIFIERS = ("at least", "more than", "about", "nearly", "", "some", "up to")
ATTRIBUTIONS = ("police said", "the health ministry said", "officials said", "according to the interior ministry",
                "a spokesman for the regional governor told reporters", "local media reported")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
DEFECTS = (
    "Advertisement",
    "Read more: Protests spread across the region as prices rise",
    "Share this article on Facebook Twitter WhatsApp",
    "Click here to subscribe to our newsletter",
    "Watch: Officials brief reporters amid the unrest",
    "https://www.instagram.com/p/CYY8HF-IIwL/",
    "Whats happening in the region right now!",
    "Sources said dozens more were arrested overnight.",
    "Related: https://example-news.com/world/article.html?utm_source=twitter&utm_medium=social",
    "The minister said the protesters were \u00e2\u0080\u009cterrorists\u00e2\u0080\u009d and donâ€™t deserve sympathy.",
)
FIRST_NAME_SET = frozenset(FIRST_NAMES) | frozenset(
    "Michael David Tony John Robert Paul Mark Mike Gordon Andy Alan Charles Peter Martin Richard Tim Steve".split())
_PERSON = re.compile(r"\b(" + "|".join(sorted(FIRST_NAME_SET, key=len, reverse=True)) + r") ([A-Z][a-z]{2,})\b")
_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\w])")
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-2]\d)\b")


def load_sources(folder: Path = DEV_CORPUS) -> list[tuple[str, str]]:
    """(category, text) for every dev-corpus article, in a fixed order."""
    sources = []
    for path in sorted(folder.rglob("*.txt")):
        sources.append((path.parent.name, path.read_bytes().decode("utf-8", "replace")))
    if not sources:
        raise SystemExit(f"no articles in {folder}")
    return sources


def event(index: int, seed: int) -> dict:
    """Event `index` of the corpus: where, when, what was counted, and the true toll."""
    rng = random.Random(f"event:{seed}:{index}")
    day = dt.date(2004, 1, 1) + dt.timedelta(days=rng.randrange(21 * 365))
    return {"place": rng.choice(PLACES), "date": day, "measure": rng.choice(MEASURES),
            "toll": rng.choice((3, 5, 8, 10, 12, 16, 20, 25, 40, 60, 100, 150, 300, 1000))}


def _vary_number(match: re.Match, rng: random.Random) -> str:
    digits, decimals = match.group(1), match.group(2)
    if _YEAR.fullmatch(digits) and not decimals:
        return digits  # years are handled with the date
    value = int(digits.replace(",", ""))
    value = max(1, round(value * rng.uniform(0.6, 1.6))) if value > 2 else value
    text = f"{value:,}" if "," in digits else str(value)
    if decimals:
        text += "." + "".join(rng.choice("0123456789") for _ in decimals)
    return text


def article(index: int, count: int, seed: int, sources: list[tuple[str, str]]) -> tuple[str, str]:
    """The relative path and text of article `index` of a `count`-article corpus."""
    rng = random.Random(f"article:{seed}:{index}")
    category, text = sources[index % len(sources)]
    text = text.replace("\r\n", "\n")

    names: dict[str, str] = {}

    def rename(match: re.Match) -> str:
        full = match.group(0)
        if full not in names:
            if rng.random() < 0.04:
                usual, variant = rng.choice(VARIANT_NAMES)
                names[full] = variant if rng.random() < 0.3 else usual
            else:
                names[full] = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
        return names[full]

    text = _PERSON.sub(rename, text)
    for old, new in names.items():  # later surname-only mentions follow the new name
        text = re.sub(rf"\b{re.escape(old.split()[-1])}\b", new.split()[-1], text)
    text = _NUMBER.sub(lambda m: _vary_number(m, rng), text)

    has_event = rng.random() < 0.6
    if has_event:
        fact = event(rng.randrange(max(1, count // 4)), seed)
        day = fact["date"] + dt.timedelta(days=rng.choice((0, 0, 1)))
    else:
        day = dt.date(2004, 1, 1) + dt.timedelta(days=rng.randrange(21 * 365))
    shift = day.year - 2005
    text = _YEAR.sub(lambda m: str(min(day.year, int(m.group(1)) + shift)), text)

    lines = text.rstrip("\n").split("\n")
    paragraphs = [i for i, line in enumerate(lines) if len(line) > 80]
    if has_event:
        toll = fact["toll"]
        if rng.random() < 0.15:  # a contradicting report
            toll = toll * rng.choice((2, 3, 10)) + rng.randrange(1, 9)
        qualifier = rng.choice(QUALIFIERS)
        place = fact["place"]
        if rng.random() < 0.05:
            place = rng.choice(PLACE_VARIANTS)[rng.random() < 0.5]
        weekday = WEEKDAYS[fact["date"].weekday()]
        sentence = (f"{qualifier.capitalize() + ' ' if qualifier else ''}{toll} people were {fact['measure']} "
                    f"in {place} on {weekday}, {rng.choice(ATTRIBUTIONS)}.")
        where = rng.choice(paragraphs) if paragraphs else len(lines) - 1
        lines[where] = lines[where] + " " + (sentence if qualifier else sentence[0].upper() + sentence[1:])
    if rng.random() < 0.1:
        where = rng.randrange(2, max(3, len(lines)))
        lines.insert(where, rng.choice(DEFECTS))
    body = "\n".join(lines) + "\n"

    stem = f"{category}-{index:06d}"
    folder = f"news/{day:%Y/%m/%d}"
    if rng.random() < 0.2:  # some Markdown articles with front matter, like a static-site corpus
        title, _, rest = body.partition("\n")
        front = yaml.safe_dump({"title": title.strip(), "date": day.isoformat(), "source": "BBC News"},
                               sort_keys=False, allow_unicode=True, width=1000)
        body = f"---\n{front}---\n\n# {title.strip()}\n{rest}"
        return f"{folder}/{stem}.md", body
    return f"{folder}/{stem}.txt", body


def _write_range(args: tuple[int, int, int, int, str]) -> int:
    start, stop, count, seed, out = args
    sources = load_sources()
    written = 0
    for index in range(start, stop):
        relative, body = article(index, count, seed, sources)
        path = os.path.join(out, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        data = body.encode("utf-8")
        with open(path, "wb") as handle:
            handle.write(data)
        written += len(data)
    return written


def generate(count: int, out: Path, seed: int = 1, jobs: int | None = None) -> dict:
    """Write the corpus into `out` (reused when a previous call made the same one); returns its stamp."""
    stamp_file = out.parent / f"{out.name}.stamp.json"
    wanted = {"generator": GENERATOR_VERSION, "count": count, "seed": seed}
    if out.is_dir() and stamp_file.is_file():
        stamp = json.loads(stamp_file.read_text())
        if {k: stamp.get(k) for k in wanted} == wanted:
            return stamp
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    jobs = jobs or os.cpu_count() or 1
    step = max(1, -(-count // (jobs * 8)))
    ranges = [(s, min(count, s + step), count, seed, str(out)) for s in range(0, count, step)]
    if count < 2000 or jobs == 1:
        sizes = [_write_range(r) for r in ranges]
    else:
        with ProcessPoolExecutor(jobs) as pool:
            sizes = list(pool.map(_write_range, ranges))
    stamp = {**wanted, "bytes": sum(sizes), "articles": count}
    stamp_file.write_text(json.dumps(stamp))
    return stamp


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    stamp = generate(args.count, args.out.resolve(), args.seed)
    print(f"{stamp['articles']:,} articles, {stamp['bytes'] / 1e6:.1f} MB in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
