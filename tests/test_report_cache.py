"""A run over unchanged files prints the report an earlier run with the same options stored
(lint.engine.cache, table `reports`), and never a stale one: any edit, option or baseline
that changes the report makes a new one."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

import lint.engine.run as engine
from lint.cli.main import main

SEEDS = Path(__file__).resolve().parents[1] / "corpus"
CONFIG = 'languagetool:\n  mode: "off"\ncache-dir: .kzlint-cache\n'


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    shutil.copytree(SEEDS, tmp_path / "news", ignore=shutil.ignore_patterns(".kzlint*"))  # this config, not theirs
    (tmp_path / ".kzlint.yaml").write_text(CONFIG, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KZLINT_CACHE_DIR")  # the config's cache folder, looked into below
    return tmp_path


def lint(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def stored_reports(root: Path) -> int:
    (file,) = (root / ".kzlint-cache").glob("results-*.sqlite")
    with sqlite3.connect(file) as db:
        return db.execute("SELECT count(*) FROM reports").fetchone()[0]


def test_an_unchanged_corpus_prints_the_stored_report_without_filtering_a_finding(corpus, capsys, monkeypatch):
    first = lint(capsys, "news")
    assert first[0] == 1 and "warning[KZ" in first[1] and stored_reports(corpus) == 1
    monkeypatch.setattr(engine, "finish", lambda *args, **kwargs: pytest.fail("the findings were filtered again"))
    assert lint(capsys, "news") == first


def test_an_edited_file_is_linted_again(corpus, capsys):
    before = lint(capsys, "news")[1]
    article = corpus / "news" / "000_74d40f555e2d2cf7.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\nTwelve officers were killed.\n", encoding="utf-8")
    after = lint(capsys, "news")[1]
    assert 'figure "Twelve officers ... killed" has no attribution' in after
    assert "Twelve officers" not in before


def test_each_format_and_exit_option_has_its_own_report(corpus, capsys):
    text = lint(capsys, "news")
    as_json = lint(capsys, "--format", "json", "news")
    assert as_json[1].lstrip().startswith("[") and as_json[1] != text[1]
    assert lint(capsys, "--exit-zero", "news")[0] == 0
    assert lint(capsys, "--statistics", "news")[1] != text[1]
    assert lint(capsys, "news") == text


def test_a_changed_baseline_changes_the_report_and_its_notice_is_said_again(corpus, capsys):
    lint(capsys, "--write-baseline", "known.json", "news")
    empty = lint(capsys, "--baseline", "known.json", "news")
    assert empty[0] == 0 and "known to the baseline not shown" in empty[2]
    assert lint(capsys, "--baseline", "known.json", "news") == empty  # stored, notice and all
    known = json.loads((corpus / "known.json").read_text(encoding="utf-8"))
    forgotten = next(entry for entry in known["findings"] if entry["code"] != "KZ001")
    known["findings"].remove(forgotten)
    (corpus / "known.json").write_text(json.dumps(known), encoding="utf-8")
    code, out, _ = lint(capsys, "--baseline", "known.json", "news")
    assert code == 1 and f"[{forgotten['code']}]" in out


def test_runs_that_fix_or_read_git_history_store_no_report(corpus, capsys):
    lint(capsys, "--diff", "news")
    lint(capsys, "--no-cache", "news")
    assert stored_reports(corpus) == 0
    lint(capsys, "-o", "report.txt", "news")
    assert stored_reports(corpus) == 1
    assert lint(capsys, "-o", "report.txt", "news")[1] == ""  # the report went to the file, again
    assert "warning[KZ" in (corpus / "report.txt").read_text(encoding="utf-8")


def test_a_timed_run_makes_its_report_afresh_and_stores_it_for_the_next(corpus, capsys, monkeypatch):
    filtered = []
    finish = engine.finish
    monkeypatch.setattr(engine, "finish", lambda *args, **kwargs: filtered.append(1) or finish(*args, **kwargs))
    monkeypatch.setenv("KZLINT_TIMING", "1")
    timed = lint(capsys, "news")
    assert "KZ501" in timed[2] and stored_reports(corpus) == 1 and len(filtered) == 1  # the rules' times
    assert lint(capsys, "news")[:2] == timed[:2] and len(filtered) == 2  # timed again: made afresh
    monkeypatch.delenv("KZLINT_TIMING")
    assert lint(capsys, "news")[:2] == timed[:2] and len(filtered) == 2  # the stored report
