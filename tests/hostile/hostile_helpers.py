"""What every hostile case checks: the run ended politely, its exit code means something; and
a record of what each measured case cost (printed by conftest at the end of the run)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "corpus"
MEASURED: list[tuple[str, float, int | None, int, str]] = []  # (case, seconds, peak KB, exit code, outcome)

# A config with a custom substitution rule: its findings sit at positions we know, whatever
# other rules exist, so line/column checks do not depend on other engineers' rules.
HOUSE_RULE = """\
custom-rules:
  - code: KZ990
    name: house-capital
    message: "write Astana, not {text}"
    severity: warning
    swap: {"Nur-Sultan": "Astana"}
"""


@dataclass
class Run:
    code: int
    out: str
    err: str
    seconds: float
    peak_kb: int | None = None

    def lines(self) -> list[str]:
        return self.out.splitlines()

    def findings(self, code: str | None = None) -> list[str]:
        """Finding lines (not the summary), optionally only those of one rule code."""
        found = [line for line in self.lines() if "[KZ" in line and ": " in line]
        return [line for line in found if code is None or f"[{code}]" in line]


def assert_polite(run: Run) -> None:
    """No traceback, no internal error, and an exit code that means something."""
    assert "Traceback" not in run.err, run.err
    assert "internal error" not in run.err, run.err
    assert "KZ000" not in run.out, run.out  # a rule crashed on a document
    assert run.code in (0, 1, 2), run.code


def exit_code_matches(run: Run) -> None:
    """0/1 by the findings: 1 exactly when a finding of warning or error severity was printed."""
    failing = [line for line in run.findings() if ": warning[" in line or ": error[" in line]
    assert run.code == (1 if failing else 0), (run.code, run.out)


def record(case: str, run: Run, outcome: str) -> None:
    MEASURED.append((case, run.seconds, run.peak_kb, run.code, outcome))


def run_batch(driver: Path, cases: list[dict], work: Path, timeout: float) -> dict[str, dict]:
    """Run `cases` in one child process (`python DRIVER CASES.json RESULTS.jsonl`, with this
    checkout first on the path) within one time limit; {case name: its JSON result}. A batch
    that runs over fails the test, naming the case that was running."""
    (work / "cases.json").write_text(json.dumps(cases), encoding="utf-8")
    results = work / "results.jsonl"
    env = {**os.environ, "KZLINT_CACHE_DIR": str(work / "cache"),
           "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    child = subprocess.Popen([sys.executable, str(driver), str(work / "cases.json"), str(results)], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        _, stderr = child.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        started = [json.loads(line) for line in results.read_text().splitlines()] if results.exists() else []
        running = [r["started"] for r in started if "started" in r][-1:] or ["?"]
        pytest.fail(f"kzlint did not finish case {running[0]!r} within the batch limit of {timeout} s")
    assert child.returncode == 0, stderr.decode("utf-8", "replace")
    items = (json.loads(line) for line in results.read_text(encoding="utf-8").splitlines())
    return {item["name"]: item for item in items if "name" in item}
