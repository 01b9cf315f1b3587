"""The README tells the truth: its rule table is the registry's, its Quick start is what CI runs."""

from __future__ import annotations

import re
from pathlib import Path

from lint.cli.commands import markdown_table

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


def test_rule_table_matches_registry():
    table = re.search(r"<!-- rules-table:start -->\n(.*?)<!-- rules-table:end -->", README, re.S)
    assert table, "README lacks the rules-table markers"
    assert table.group(1) == markdown_table(), "README rule table is stale: run `kzlint rules --format markdown`"


def test_quick_start_is_two_commands_and_ci_runs_the_second():
    block = re.search(r"^## Quick start\n.*?```\w*\n(.*?)```", README, re.S | re.M)
    assert block
    commands = [line for line in block.group(1).splitlines() if line.strip() and not line.startswith("#")]
    assert len(commands) == 2
    assert "kzlint corpus/" in commands[0]
    ci_lines = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert commands[1].strip() in ci_lines
