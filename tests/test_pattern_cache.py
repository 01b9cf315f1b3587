"""Compiled patterns kept in the cache folder (lint.engine.pattern_cache): a second process
compiles none of the stored ones, gets patterns equal to what `re` builds, ignores a damaged
file, rewrites nothing when nothing is new (nor for a library's pattern made anew in each
process); and a pattern built from a set is the same text in every process (else no run would
find it stored)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lint.core import cache_folder
from lint.engine import pattern_cache

SEEDS = Path(__file__).resolve().parents[1] / "corpus"
ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(not pattern_cache.SUPPORTED, reason="CPython 3.11-3.13 only")

# a run of the CLI in a fresh interpreter that counts the patterns `re` compiles itself (each
# compilation parses the pattern first)
COUNTING_RUN = """
import json, re, sys
from re import _parser
compiled = []
original = _parser.parse
def counting(pattern, flags=0):
    compiled.append([pattern, int(flags)])
    return original(pattern, flags)
_parser.parse = counting
from lint.cli.main import main
code = main(sys.argv[2:])
json.dump({"code": code, "compiled": [c for c in compiled if isinstance(c[0], str)]}, open(sys.argv[1], "w"))
"""


@pytest.fixture
def project(tmp_path, monkeypatch):
    shutil.copytree(SEEDS, tmp_path / "news", ignore=shutil.ignore_patterns(".kzlint*"))
    (tmp_path / ".kzlint.yaml").write_text('languagetool:\n  mode: "off"\n', encoding="utf-8")
    monkeypatch.setenv("KZLINT_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path


def counted_run(project: Path, *args: str) -> tuple[dict, bytes]:
    report = project / "counted.json"
    result = subprocess.run([sys.executable, "-c", COUNTING_RUN, str(report), *args], cwd=project,
                            capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=300)
    assert result.returncode == 0, result.stderr
    return json.loads(report.read_text()), result.stdout


def compiled(run: dict) -> set[tuple[str, int]]:
    return {tuple(pattern_and_flags) for pattern_and_flags in run["compiled"]}


def stored(project: Path) -> list:
    return json.loads(pattern_cache._file(project / "cache").read_text(encoding="ascii"))


def test_a_second_run_compiles_none_of_the_stored_patterns_and_reports_the_same(project):
    first, first_report = counted_run(project, "--color", "never", "news")
    entries = stored(project)
    kept = {(entry[0], entry[1]) for entry in entries}  # (pattern, flags): re's cache key
    assert len(entries) > 100 and len(compiled(first) & kept) > 100
    (project / "news" / "000_74d40f555e2d2cf7.txt").write_text("At least 12 people were killed.\n", encoding="utf-8")
    second, second_report = counted_run(project, "--color", "never", "news")  # linted again: every rule runs
    assert second["code"] == first["code"] == 1
    assert not compiled(second) & kept, "stored patterns were compiled again"
    assert b"news/000_74d40f555e2d2cf7.txt:1:1" in second_report
    third, third_report = counted_run(project, "--no-cache", "--color", "never", "news")  # nothing stored is read
    assert compiled(third) & kept and third_report == second_report


def test_each_stored_program_makes_the_pattern_re_compiles(project):
    counted_run(project, "news")
    entries = stored(project)
    assert pattern_cache._compiler.compile is pattern_cache._COMPILE  # CPython's own, not the recording one
    re.purge()
    for pattern, flags, final_flags, program, groups, groupindex, indexgroup in entries:
        made = pattern_cache._sre.compile(pattern, final_flags, program, groups, groupindex, tuple(indexgroup))
        assert made == re.compile(pattern, flags), pattern[:80]


def test_nothing_is_rewritten_when_nothing_is_new(project):
    counted_run(project, "news")
    path = pattern_cache._file(project / "cache")
    before = (path.read_bytes(), path.stat().st_mtime_ns, path.stat().st_ino)
    counted_run(project, "news")
    assert (path.read_bytes(), path.stat().st_mtime_ns, path.stat().st_ino) == before


def test_a_pattern_only_a_library_made_anew_does_not_rewrite_the_file(project):
    """markdown-it-py joins a frozenset of characters into a pattern, in an order that follows the
    process's hash seed: a run that parses Markdown again (a file changed) compiles a pattern no
    run stored. It alone must not rewrite the file (it was, on every pre-commit run)."""
    def seeded_run(seed: str) -> dict:
        report = project / "counted.json"
        subprocess.run([sys.executable, "-c", COUNTING_RUN, str(report), "news"], cwd=project, capture_output=True,
                       env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": seed}, timeout=300, check=False)
        return json.loads(report.read_text())

    seeded_run("1")
    path = pattern_cache._file(project / "cache")
    before = (path.read_bytes(), path.stat().st_mtime_ns, path.stat().st_ino)
    kept = {(entry[0], entry[1]) for entry in stored(project)}
    # a list item: Markdown that markdown-it parses (headings and paragraphs alone do not need it)
    (project / "news" / "000_74d40f555e2d2cf7.txt").write_text("# News\n\n- At least 12 people were *killed*.\n",
                                                              encoding="utf-8")
    second = seeded_run("2")
    classes = {pattern for pattern, _ in kept if pattern.startswith("[") and pattern.endswith("]")}
    reordered = [pattern for pattern, _ in compiled(second) - kept
                 if any(sorted(pattern) == sorted(other) for other in classes)]
    assert reordered, "the second run compiled no stored character class in another order"
    assert (path.read_bytes(), path.stat().st_mtime_ns, path.stat().st_ino) == before


@pytest.mark.parametrize("content", [b"not json", b"{}", b'[["abc", 0, 0, [999999], 0, {}, []], 7, ["x"]]',
                                     b'[[1, 2, 3, 4, 5, 6, 7]]', b"\xff\xfe"])
def test_a_damaged_file_is_ignored(tmp_path, content, monkeypatch):
    cache_folder.identity(tmp_path, create=True)  # a folder kzlint made
    pattern_cache._file(tmp_path).write_bytes(content)
    monkeypatch.setattr(pattern_cache._compiler, "compile", pattern_cache._COMPILE)  # preload's recording: undone after
    re.purge()
    pattern_cache.preload(tmp_path)  # no exception, nothing wrong put in re's cache
    assert re.compile("abc").fullmatch("abc") and not re.compile("abc").match("abd")
    re.purge()


def test_a_pattern_built_from_a_set_is_the_same_text_in_every_process():
    script = ("from lint.text.phrases import phrase_alternation, literal_alternation\n"
              "words = {'killed', 'injured', 'wounded', 'missing', 'arrested', 'dead', 'hurt', 'died'}\n"
              "print(phrase_alternation(words) + literal_alternation(words))")
    texts = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                            env={**os.environ, "PYTHONHASHSEED": str(seed), "PYTHONPATH": str(ROOT)}).stdout
             for seed in (1, 2, 3, 4)}
    assert len(texts) == 1
