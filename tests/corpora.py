"""Paths to the sample corpus and the shared corpora, for tests (import as `from corpora import ...`)."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
SHARED = REPO.parent / "shared"
DEV_CORPUS = SHARED / "dev-corpus"
SEEDS = SHARED / "seeds"
SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"
