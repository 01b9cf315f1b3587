"""Paths to the sample corpus and the shared corpora, for tests (import as `from corpora import ...`)."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
SHARED = REPO.parent / "shared"
DEV_CORPUS = SHARED / "dev-corpus"
SEEDS = SHARED / "seeds"
SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"


def custom_rules_config(vague_source_severity: str = "warning") -> str:
    """A rules.yaml with two custom rules (one fixable), shared by the format, suppression,
    baseline and fix tests: KZ901 swaps Nur-Sultan for Astana, KZ902 flags vague sourcing."""
    return f"""\
select: [KZ0, KZ9]
custom-rules:
  - code: KZ901
    name: old-capital
    message: "write Astana, not {{text}}"
    swap: {{"Nur-Sultan": "Astana"}}
  - code: KZ902
    name: vague-source
    message: "name the source instead of {{text}}"
    severity: {vague_source_severity}
    phrases: ["sources said", "according to reports"]
"""
