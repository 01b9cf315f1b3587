"""Fixture articles under tests/data/ with their expected findings written next to the offending
line (see tests/data/README.md): every rule's must-fire and must-not-fire lines, checked through
the command line exactly as a user runs it."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from functools import cache, lru_cache
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data"
REPO = DATA.parents[1]
# `<!-- expect: KZ104:7:22 KZ104:7:40 -->` (Markdown) or `#: KZ301:5:1` (plain text), alone on a line.
EXPECT_LINE = re.compile(rb"^[ \t]*(?:<!--[ \t]*expect:(?P<md>[^>]*?)-->|#:(?P<txt>.*?))[ \t]*\r?$")
EXPECTATION = re.compile(r"^(KZ\d{3}):(\d+):(\d+)$")
SINGLE_SELECT = ["--select", "KZ0,KZ1,KZ2,KZ3,KZ4", "--extend-select", "KZ204"]
NO_FIXTURE = {"KZ000": "no input makes a correct rule crash"}


def code_of(name: str) -> str:
    return name[:5]


def single_fixtures() -> list[Path]:
    return sorted(p for p in DATA.iterdir() if p.is_file() and re.match(r"KZ\d{3}", p.name))


def corpus_cases() -> list[Path]:
    return sorted(p for p in DATA.iterdir() if p.is_dir() and re.match(r"KZ\d{3}", p.name))


def expectations(path: Path, shown: str) -> set[tuple[str, str, int, int]]:
    """(path as kzlint shows it, code, line, column) for every expectation in the file."""
    found = set()
    for raw in path.read_bytes().split(b"\n"):
        m = EXPECT_LINE.match(raw)
        if not m:
            continue
        for item in (m.group("md") if m.group("md") is not None else m.group("txt")).decode().split():
            parsed = EXPECTATION.match(item)
            assert parsed, f"{path.name}: cannot read expectation {item!r} (write CODE:LINE:COLUMN)"
            found.add((shown, parsed.group(1), int(parsed.group(2)), int(parsed.group(3))))
    return found


def blank_copy(source: Path, target: Path) -> None:
    """`source` with every expectation line emptied (same line count, same offsets elsewhere)."""
    lines = source.read_bytes().split(b"\n")
    target.write_bytes(b"\n".join(b"" if EXPECT_LINE.match(line) else line for line in lines))


def run_cli(cwd: Path, args: list[str], config: str) -> list[dict]:
    config_file = cwd / ".fixture-config.yaml"
    config_file.write_text(config, encoding="utf-8")
    env = {**os.environ, "KZLINT_CACHE_DIR": str(cwd / ".cache"), "PYTHONPATH": str(REPO)}
    result = subprocess.run([sys.executable, "-m", "lint", "--config", str(config_file), "--no-cache",
                             "--format", "json", "--exit-zero", "--jobs", "1", *args],
                            cwd=cwd, capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout or "[]")


def languagetool_config() -> str:
    url = os.environ.get("KZLINT_LANGUAGETOOL_URL")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("CI is set but KZLINT_LANGUAGETOOL_URL is not: the LanguageTool server did not start")
        pytest.skip("set KZLINT_LANGUAGETOOL_URL to a LanguageTool server (ci/languagetool/start.sh)")
    return f"languagetool: {{mode: remote, url: '{url}'}}\n"


def render(found: set[tuple[str, str, int, int]]) -> str:
    return "\n".join(f"  {path}: {code}:{line}:{column}" for path, code, line, column in sorted(found)) or "  (none)"


def compare(expected: set, actual: set, family: str) -> None:
    actual = {f for f in actual if f[1].startswith(family)}
    missing, extra = expected - actual, actual - expected
    assert not missing and not extra, (f"\nexpected but not reported:\n{render(missing)}"
                                       f"\nreported but not expected:\n{render(extra)}")


@cache
def _single_results(tmp: str, with_languagetool: bool) -> tuple:
    folder = Path(tmp)
    folder.mkdir(parents=True, exist_ok=True)
    names = [p for p in single_fixtures() if code_of(p.name) == "KZ201"] if with_languagetool else \
        [p for p in single_fixtures() if code_of(p.name) != "KZ201"]
    for path in names:
        blank_copy(path, folder / path.name)
    if with_languagetool:
        args, config = ["--select", "KZ2"], languagetool_config()
    else:
        args, config = [*SINGLE_SELECT, "--ignore", "KZ201"], "languagetool: {mode: off}\n"
    findings = run_cli(folder, [*args, *(p.name for p in names)], config)
    return tuple((f["path"], f["code"], f["line"], f["column"]) for f in findings)


@pytest.fixture(scope="session")
def fixture_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fixtures")


@pytest.mark.parametrize("fixture", single_fixtures(), ids=lambda p: p.name)
def test_single_article_fixture(fixture: Path, fixture_dir: Path):
    code = code_of(fixture.name)
    with_languagetool = code == "KZ201"
    folder = fixture_dir / ("languagetool" if with_languagetool else "offline")
    if with_languagetool:
        languagetool_config()  # skips (locally) or fails (CI) before any work
    actual = {f for f in _single_results(str(folder), with_languagetool) if f[0] == fixture.name}
    expected = expectations(fixture, fixture.name)
    assert expected or "quiet" in fixture.name, f"{fixture.name} expects nothing (name it *-quiet* if that is meant)"
    compare(expected, actual, code[:3])


@pytest.mark.parametrize("case", corpus_cases(), ids=lambda p: p.name)
def test_corpus_case(case: Path, tmp_path: Path):
    target = tmp_path / case.name
    target.mkdir()
    expected = set()
    for path in sorted(case.iterdir()):
        if path.name == ".kzlint.yaml":
            continue
        blank_copy(path, target / path.name)
        expected |= expectations(path, f"{case.name}/{path.name}")
    config = (case / ".kzlint.yaml").read_text(encoding="utf-8") if (case / ".kzlint.yaml").is_file() else ""
    actual = {(f["path"], f["code"], f["line"], f["column"])
              for f in run_cli(tmp_path, ["--select", "KZ5", case.name], config + "languagetool: {mode: off}\n")}
    assert expected or "quiet" in case.name, f"{case.name} expects nothing (name it *-quiet* if that is meant)"
    compare(expected, actual, code_of(case.name)[:3])


def test_every_rule_has_a_fixture():
    listing = subprocess.run([sys.executable, "-m", "lint", "rules"], capture_output=True, text=True, cwd=REPO,
                             env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=120).stdout
    codes = set(re.findall(r"^(KZ\d{3})\s", listing, re.MULTILINE))
    assert len(codes) > 20, listing
    covered = {code_of(p.name) for p in [*single_fixtures(), *corpus_cases()]}
    missing = sorted(codes - covered - set(NO_FIXTURE))
    assert not missing, f"rules without a fixture in tests/data: {', '.join(missing)}"


def test_expectation_lines_are_blanked_not_removed(tmp_path: Path):
    source = tmp_path / "KZ999.txt"
    source.write_bytes(b"Headline\n\nA line.\n#: KZ999:3:1\nAnother line.\n<!-- expect: KZ999:5:2 -->\n")
    blank_copy(source, tmp_path / "copy.txt")
    assert (tmp_path / "copy.txt").read_bytes() == b"Headline\n\nA line.\n\nAnother line.\n\n"
    assert expectations(source, "x") == {("x", "KZ999", 3, 1), ("x", "KZ999", 5, 2)}
