"""Readers of the data the furniture model ships (lint/data): jusText's stop-word lists (first
150 words per language, BSD 2-Clause, LICENSE-justext.txt; other_languages.py reads them too) and
the model's trained weights (boilerplate_weights.json, written by benchmarks/furniture/train.py)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


@lru_cache(maxsize=1)
def stop_lists() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(language, its stop words) for every language of lint/data/stopwords.txt."""
    path = DATA / "stopwords.txt"
    out = []
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#") and "\t" in line:
                name, _, listed = line.partition("\t")
                out.append((name, tuple(listed.split())))
    return tuple(out)


@lru_cache(maxsize=4)
def weights(path: str | None = None) -> dict:
    """The furniture model's weights (a JSON object)."""
    file = Path(path) if path else DATA / "boilerplate_weights.json"
    return json.loads(file.read_text(encoding="utf-8"))
