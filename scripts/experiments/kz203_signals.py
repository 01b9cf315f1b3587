"""Experiment (issue 15, phase 1): signals for machine-translation damage that KZ203 misses.

    PYTHONPATH=. python scripts/experiments/kz203_signals.py corpus ../shared/dev-corpus ../shared/dev-scraped/clean

Prints every hit of each candidate signal, then, per folder, how many documents get one.
The targets: the five machine-translation errors of seeds 002/003 that KZ203 misses today
("wearing clubs and shields", "actions that may predate the seizure", "began at nearly
doubling of prices", "celebrates Christmas on Fridays", "the classes on social media"),
with at most 2% of the clean dev-corpus documents hit.

LanguageTool 6.8 (without its 8 GB n-gram data) reports none of the five: its confusion-pair
rule needs the n-grams, and its context rule (wrongWordInContext.txt, word pairs told apart
by words nearby) has no pair for them. Signal A is that design with news pairs.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

try:
    from lint.core.document import Document
    from lint.core.reading import decode
except ImportError:  # before the restructure
    from lint.document import Document
    from lint.reading import decode

# A: a word that is the near-miss of another, told apart by the words around it (LanguageTool's
# wrongWordInContext design): written, meant, cues for the written word, cues for the meant one.
CONFUSED = [
    ("classes", "clashes", r"schools?|students?|pupils?|teach\w*|lessons?|universit\w+|courses?|colleges?|middle|working|upper|ruling|online|yoga|dance|music|art",
     r"police|protest\w*|demonstrat\w+|riot\w*|violen\w+|tear gas|troops|soldiers|security forces|killed|injured|wounded|unrest|clash\w*|fighting|rebels?|militants?"),
    ("causalities", "casualties", r"causal\w*|statistic\w*|correlation",
     r"killed|dead|deaths?|wounded|injured|attacks?|bomb\w*|war|fighting|troops|civilian"),
    ("troupes", "troops", r"theatre|theater|dance|dancers?|circus|actors?|perform\w*|stage|show",
     r"military|army|soldiers?|deploy\w*|border|withdraw\w*|armed|forces|invasion"),
]
_CONFUSED = [(re.compile(rf"\b{w}\b"), meant, re.compile(rf"\b(?:{own})\b", re.IGNORECASE), re.compile(rf"\b(?:{other})\b", re.IGNORECASE))
             for w, meant, own, other in CONFUSED]

# B: a gerund used as a noun with "of" but no article, after a preposition and "nearly":
# "began at nearly doubling of prices" (for "at the near doubling of").
_BARE_GERUND = re.compile(r"\b(?:at|on|by|after|over|with|from|to|of|in)\s+(?:nearly|almost|roughly|about|around)\s+"
                          r"([a-z]+ing)\s+of\b")

# C: clothing verbs with a thing one carries, not wears ("wearing clubs" for "wielding clubs").
_WEAR_WEAPON = re.compile(r"\b(?:wear|wears|wearing|wore|worn)\s+(?:(?:[a-z]+)\s+){0,2}?"
                          r"(clubs|sticks|batons|knives|guns|rifles|pistols|weapons|firearms|stones|rocks|bats|axes|"
                          r"machetes|swords|spears|iron bars|metal bars)\b")
_NOT_BETWEEN = re.compile(r"\b(?:and|or|with|while|out|down|away|off|thin|through|\w+ing|\w+ed)\b")

# D: a once-a-year holiday "on Fridays" (habitual plural for the one day it falls on).
_HOLIDAY_WEEKDAYS = re.compile(r"\b(?:Christmas|Easter|Ramadan|Eid|Hanukkah|Diwali|Thanksgiving|Passover|Nowruz|Navruz|"
                               r"New Year(?:'s Day)?|Independence Day)\s+on\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days\b")


def signals(doc: Document):
    prose = doc.prose
    for block in doc.blocks:
        text = prose[block.start:block.end]
        for word, meant, own, other in _CONFUSED:
            for m in word.finditer(text):
                if other.search(text) and not own.search(text):
                    yield "A", block.start + m.start(), f"“{m.group()}” where the paragraph is about {meant}"
    for m in _BARE_GERUND.finditer(prose):
        yield "B", m.start(), f"“{m.group()}”: “{m.group(1)} of” needs an article"
    for m in _WEAR_WEAPON.finditer(prose):
        between = prose[m.start():m.start(1)].split()[1:]
        if not any(_NOT_BETWEEN.fullmatch(w) for w in between):
            yield "C", m.start(), f"“{m.group()}”: one carries {m.group(1)}, one does not wear them"
    for m in _HOLIDAY_WEEKDAYS.finditer(prose):
        yield "D", m.start(), f"“{m.group()}”: a yearly holiday falls on one day, not on every such weekday"


def main(folders: list[str]) -> int:
    docs_hit: dict[str, set] = defaultdict(set)
    totals: dict[str, int] = defaultdict(int)
    for folder in folders:
        paths = sorted(p for p in Path(folder).rglob("*") if p.suffix in (".txt", ".md") and p.name != "README.md")
        for path in paths:
            totals[folder] += 1
            doc = Document(str(path), decode(path.read_bytes()).text)
            for kind, offset, why in signals(doc):
                line, column = doc.position(offset)
                print(f"{kind} {path}:{line}:{column}: {why}")
                docs_hit[folder].add(path)
    for folder in folders:
        share = 100 * len(docs_hit[folder]) / max(1, totals[folder])
        print(f"# {folder}: {len(docs_hit[folder])} of {totals[folder]} documents ({share:.2f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
