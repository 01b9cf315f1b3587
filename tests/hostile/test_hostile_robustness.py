"""Issue 17, section 5: a damaged cache, very long paths, UTF-32, malformed baselines and configs,
and --stdin-filename edge cases each give a named file and a reason, never an internal error."""

from __future__ import annotations

import codecs
import glob
import os
import sqlite3
from pathlib import Path

import pytest

from black_box import kzlint

FIXABLE = "Talks resume\n\nThe talks in Nur-Sultan resumed on Monday, officials in Nur-Sultan said.\n"
HOUSE = ('custom-rules:\n  - {code: KZ990, name: house, message: "write Astana", severity: warning,'
         ' swap: {"Nur-Sultan": "Astana"}}\n'
         "languagetool: {mode: 'off'}\n")


@pytest.fixture
def folder(tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    (work / "rules.yaml").write_text(HOUSE, encoding="utf-8")
    (work / "a.txt").write_text(FIXABLE, encoding="utf-8")
    (work / "b.txt").write_text("Protests\n\nAt least 10 people were killed in Almaty, police said on Monday.\n",
                                encoding="utf-8")
    return work


# -- the cache -----------------------------------------------------------------------------------

@pytest.mark.parametrize("damage", [
    "UPDATE results SET document = '{}'",
    "UPDATE results SET document = '[1, 2]', facts = '\"x\"'",
    "UPDATE results SET facts = '{\"KZ501\": 7}'",
    "UPDATE corpus SET findings = '[1, {\"a\": 2}]'",
    "UPDATE corpus SET findings = '{}'",
    "UPDATE listings SET folders = '[]', files = '{}'",
    "UPDATE files SET size = 'big', key = NULL",
    "UPDATE notices SET text = NULL",
])
def test_a_cache_row_of_the_wrong_shape_is_a_miss(folder, tmp_path, damage):
    cache = tmp_path / "cache"
    env = {"KZLINT_CACHE_DIR": str(cache)}
    first = kzlint(".", cwd=folder, cache=True, env=env)
    assert first.code == 1 and first.findings("KZ990")
    files = glob.glob(str(cache / "results-*.sqlite"))
    assert len(files) == 1
    with sqlite3.connect(files[0]) as db:
        db.execute(damage)
    for _ in range(2):
        again = kzlint(".", cwd=folder, cache=True, env=env)
        assert (again.code, again.out) == (first.code, first.out), again.err


# -- paths and encodings ---------------------------------------------------------------------------

def _deep_folder(root: Path, length: int) -> Path:
    """A folder whose path is longer than `length` characters (made step by step: each mkdir
    stays under PATH_MAX because it is relative to the folder before)."""
    component = "d" * 200
    cwd = os.getcwd()
    os.chdir(root)
    try:
        depth = 0
        while len(str(root)) + depth * (len(component) + 1) <= length:
            os.mkdir(component)
            os.chdir(component)
            depth += 1
        with open("deep.txt", "w", encoding="utf-8") as handle:
            handle.write(FIXABLE)
    finally:
        os.chdir(cwd)
    return root.joinpath(*[component] * depth)


def test_a_path_longer_than_path_max_is_reported_not_skipped_silently(folder):
    _deep_folder(folder, os.pathconf("/", "PC_PATH_MAX") + 100)
    run = kzlint(".", cwd=folder, timeout=60)
    assert "in 0 files" not in run.out
    unreadable = [line for line in run.findings("KZ002") if line.startswith("dddd")]
    assert len(unreadable) == 1 and "too long" in unreadable[0], run.out
    assert run.code == 1


def test_utf32_be_with_a_bom_is_read_and_fixed(folder, tmp_path):
    data = codecs.BOM_UTF32_BE + FIXABLE.encode("utf-32-be")
    (folder / "a.txt").write_bytes(data)
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "rules.yaml").write_text(HOUSE, encoding="utf-8")
    (plain / "a.txt").write_text(FIXABLE, encoding="utf-8")
    assert kzlint("a.txt", cwd=folder).out == kzlint("a.txt", cwd=plain).out
    fixed = kzlint("--fix", "--select", "KZ990", "a.txt", cwd=folder)
    assert "fixed 2 findings in 1 file" in fixed.err, fixed.err
    assert (folder / "a.txt").read_bytes() == codecs.BOM_UTF32_BE + FIXABLE.replace("Nur-Sultan", "Astana").encode("utf-32-be")


# -- malformed baselines, configs and settings ------------------------------------------------------

BASELINES = {
    "count 1e999": '{"format": "kzlint-baseline", "version": 1, "findings": [{"fingerprint": "ab", "count": 1e999}]}',
    "count NaN": '{"format": "kzlint-baseline", "version": 1, "findings": [{"fingerprint": "ab", "count": NaN}]}',
    "count 1e300": '{"format": "kzlint-baseline", "version": 1, "findings": [{"fingerprint": "ab", "count": 1e300}]}',
    "count -5": '{"format": "kzlint-baseline", "version": 1, "findings": [{"fingerprint": "ab", "count": -5}]}',
    "nested 100k": '{"format": "kzlint-baseline", "version": 1, "findings": ' + "[" * 100_000 + "]" * 100_000 + "}",
    "entry is a list": '{"format": "kzlint-baseline", "version": 1, "findings": [[1, 2]]}',
    "not UTF-8": b'{"format": "kzlint-baseline", "version": 1, "findings": [], "x": "\xff"}',
}


@pytest.mark.parametrize("name", sorted(BASELINES))
def test_a_malformed_baseline_is_one_line_naming_the_file(folder, name):
    content = BASELINES[name]
    (folder / "base.json").write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    run = kzlint("--baseline", "base.json", ".", cwd=folder, timeout=30)
    assert run.code == 2 and run.out == "", (run.code, run.out)
    assert run.err.count("\n") == 1 and run.err.startswith("kzlint: error: base.json"), run.err


def test_write_baseline_into_a_missing_folder_is_one_line_naming_the_file(folder):
    run = kzlint("--write-baseline", "missingdir/x.json", ".", cwd=folder)
    assert run.code == 2 and run.err.count("\n") == 1, run.err
    assert run.err.startswith("kzlint: error: missingdir/x.json") or "missingdir/x.json:" in run.err, run.err


@pytest.mark.parametrize("url", ["http://[::1", "http://host:99999", "ftp://example.org", "http://"])
def test_a_malformed_languagetool_url_is_a_config_error_or_a_notice(folder, url):
    (folder / "rules.yaml").write_text(HOUSE.replace("languagetool: {mode: 'off'}\n", "") + f"languagetool: {{mode: remote, url: '{url}'}}\n"
                                       "grammar: {backend: languagetool}\n", encoding="utf-8")
    run = kzlint(".", cwd=folder, timeout=30)
    if run.code == 2:
        assert run.err.count("\n") == 1 and "languagetool.url" in run.err, run.err
    else:
        assert run.findings("KZ990") and "languagetool" in run.err.lower(), run.err


@pytest.mark.parametrize(("config", "line"), [
    ("fail-on: warning\nexclude: []\nfail-on: error\n", 3),
    ("rules:\n  KZ101: {severity: info}\n  KZ101: {enabled: false}\n", 3),
    ("custom-rules:\n  - code: KZ990\n    name: a\n    message: m\n    name: b\n", 5),
])
def test_duplicate_yaml_keys_are_an_error_naming_the_line(folder, config, line):
    (folder / "rules.yaml").write_text(config, encoding="utf-8")
    run = kzlint("a.txt", cwd=folder)
    assert run.code == 2 and run.out == "" and run.err.count("\n") == 1, run.err
    assert run.err.startswith(f"kzlint: error: {folder / 'rules.yaml'}:{line}: ") and "duplicate" in run.err, run.err


def test_duplicate_keys_in_front_matter_are_a_finding(folder):
    (folder / "c.md").write_text("---\ntitle: One\ntitle: Two\n---\nThe talks resumed on Monday.\n", encoding="utf-8")
    run = kzlint("c.md", cwd=folder)
    found = run.findings("KZ003")
    assert len(found) == 1 and "duplicate" in found[0], run.out


# -- --stdin-filename -------------------------------------------------------------------------------

def test_stdin_filename_of_a_new_file_outside_git_without_config(tmp_path):
    (tmp_path / "empty").mkdir()
    run = kzlint("--stdin-filename", "new.md", cwd=tmp_path / "empty", stdin=FIXABLE.encode("utf-8"),
                 env={"HOME": str(tmp_path)})
    assert run.code in (0, 1) and "in 1 file" in run.out, (run.code, run.out, run.err)


def test_stdin_filename_of_a_new_file_in_a_new_folder(folder):
    run = kzlint("--stdin-filename", "drafts/new.txt", cwd=folder, stdin=FIXABLE.encode("utf-8"))
    assert run.code == 1 and run.findings("KZ990")[0].startswith("drafts/new.txt:3:"), (run.out, run.err)


@pytest.mark.parametrize("name", ["", ".", "/", "sub/"])
def test_stdin_filename_that_names_no_file_is_a_usage_error(folder, name):
    (folder / "sub").mkdir()
    run = kzlint("--stdin-filename", name, cwd=folder, stdin=FIXABLE.encode("utf-8"))
    assert run.code == 2 and run.err.count("\n") == 1 and "--stdin-filename" in run.err, (run.code, run.out, run.err)
