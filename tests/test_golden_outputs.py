"""Golden outputs: kzlint on the sample corpus in every report format, compared byte for byte
with tests/golden/ (see tests/golden/README.md; regenerate with UPDATE_GOLDEN=1)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
GOLDEN = REPO / "tests" / "golden"
FORMATS = {"text": "txt", "json": "json", "sarif": "sarif", "github": "txt", "junit": "xml"}
# KZ201 depends on whether a LanguageTool server answers: left out, so the output is the same everywhere.
ARGS = ["--no-cache", "--exit-zero", "--ignore", "KZ201", "corpus"]


def golden_file(fmt: str) -> Path:
    return GOLDEN / f"corpus.{fmt}.{FORMATS[fmt]}"


def normalise(fmt: str, output: str) -> str:
    """What may differ between two correct runs: kzlint's own version number (SARIF)."""
    if fmt == "sarif":
        output = re.sub(r'("(?:semanticVersion|version)": )"(?!2\.1\.0")[^"]*"', r'\1"<kzlint version>"', output)
    return output


def run(fmt: str, tmp_path: Path) -> str:
    env = {**os.environ, "PYTHONPATH": str(REPO), "KZLINT_CACHE_DIR": str(tmp_path / "cache"),
           "LTP_PATH": str(tmp_path / "no-languagetool"), "NO_COLOR": "1"}
    result = subprocess.run([sys.executable, "-m", "lint", "--format", fmt, *ARGS], cwd=REPO, env=env,
                            capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert result.returncode == 0, result.stderr
    return normalise(fmt, result.stdout)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_output_matches_golden_file(fmt: str, tmp_path: Path):
    output = run(fmt, tmp_path)
    golden = golden_file(fmt)
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(output, encoding="utf-8", newline="\n")
        return
    assert golden.is_file(), f"{golden.name} is missing: run UPDATE_GOLDEN=1 python -m pytest {Path(__file__).name}"
    expected = golden.read_text(encoding="utf-8")
    if output != expected:
        old, new = expected.splitlines(), output.splitlines()
        first = next((i for i, (a, b) in enumerate(zip(old, new)) if a != b), min(len(old), len(new)))
        pytest.fail(f"{fmt} output differs from {golden.relative_to(REPO)} at line {first + 1}:\n"
                    f"  golden: {old[first] if first < len(old) else '(end)'}\n"
                    f"  now:    {new[first] if first < len(new) else '(end)'}\n"
                    f"If the change is intended, regenerate: UPDATE_GOLDEN=1 python -m pytest tests/{Path(__file__).name}")


def test_golden_files_agree_with_each_other():
    """The five files are one run: the same findings, whichever format shows them."""
    if os.environ.get("UPDATE_GOLDEN"):
        pytest.skip("regenerating")
    findings = json.loads(golden_file("json").read_text(encoding="utf-8"))
    sarif = json.loads(golden_file("sarif").read_text(encoding="utf-8"))
    text = golden_file("text").read_text(encoding="utf-8")
    github = golden_file("github").read_text(encoding="utf-8")
    junit = golden_file("junit").read_text(encoding="utf-8")
    assert findings, "the sample corpus has findings"
    assert len(sarif["runs"][0]["results"]) == len(findings)
    assert sum(1 for line in github.splitlines() if line.startswith("::")) == len(findings)
    assert junit.count("<testcase ") == len(findings)
    for f in findings:
        assert f"{f['path']}:{f['line']}:{f['column']}: " in text


def test_golden_sarif_is_schema_valid():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((REPO / "tests" / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    log = json.loads(golden_file("sarif").read_text(encoding="utf-8"))
    errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(log), key=str)
    assert not errors, errors[0]
