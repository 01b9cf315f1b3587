"""Derive lint/data/stopwords.txt from the stop-word lists the `justext` package ships
(BSD 2-Clause, Jan Pomikálek and Michal Belica; licence copied to lint/data/LICENSE-justext.txt).

Each list is ordered by frequency; we keep the first TOP words of each language, which is
what a stop-word density needs (the frequent function words), in a file of ~200 KB instead
of 2.5 MB.  Run:  pip install justext && python benchmarks/furniture/make_stopwords.py
"""
from __future__ import annotations

import importlib.util
import unicodedata
from pathlib import Path

TOP = 150
SKIP = {"Simple_English"}  # a copy of English's list that would tie with it
HERE = Path(__file__).resolve().parent
OUT = HERE.parent.parent / "lint" / "data" / "stopwords.txt"


def main() -> None:
    spec = importlib.util.find_spec("justext")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("pip install justext first")
    folder = Path(next(iter(spec.submodule_search_locations))) / "stoplists"
    header = (f"# Stop words per language: the first {TOP} of each jusText stop list (BSD 2-Clause, see "
              "LICENSE-justext.txt). Format: Language<TAB>space-separated words.")
    lines = [header]
    for path in sorted(folder.glob("*.txt")):
        if path.stem in SKIP:
            continue
        words = []
        seen = set()
        for raw in path.read_text(encoding="utf-8").splitlines():
            word = unicodedata.normalize("NFKC", raw.strip()).casefold()
            if word and " " not in word and word not in seen:
                seen.add(word)
                words.append(word)
            if len(words) >= TOP:
                break
        if words:
            lines.append(f"{path.stem}\t{' '.join(words)}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes, {len(lines) - 1} languages)")


if __name__ == "__main__":
    main()
