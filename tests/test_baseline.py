"""Baselines: --write-baseline records today's findings, --baseline reports only new ones,
keyed on rule + file + normalised text so that moving a paragraph resurrects nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from corpora import copy_sample_corpus, custom_rules_config

from lint.cli.main import main
from lint.core.findings import Finding, Severity
from lint.engine.baseline import fingerprint, normalised_text

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "corpus"

RULES = custom_rules_config()
FIRST = "Thousands gathered in Nur-Sultan on Tuesday, sources said."
SECOND = "Police detained 40 people in Zhanaozen, according to reports."
THIRD = "The governor resigned on Wednesday evening."


def article(*paragraphs: str) -> str:
    return "Protests spread to the capital\n\n" + "\n\n".join(paragraphs) + "\n"


def lint(capsys, *args: str) -> tuple[int, list[str], str]:
    code = main(["--no-cache", "--format", "json-lines", *args])
    captured = capsys.readouterr()
    return code, [f"{json.loads(l)['line']}:{json.loads(l)['code']}" for l in captured.out.splitlines()], captured.err


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "rules.yaml").write_text(RULES, encoding="utf-8")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(article(FIRST, SECOND, THIRD), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_baseline_round_trip(project, capsys):
    code, found, _ = lint(capsys, ".")
    assert (code, found) == (1, ["3:KZ901", "3:KZ902", "5:KZ902"])
    code, found, err = lint(capsys, "--write-baseline", "kzlint-baseline.json", ".")
    assert (code, found) == (0, [])
    assert "wrote 3 findings to kzlint-baseline.json" in err
    recorded = json.loads((project / "kzlint-baseline.json").read_text(encoding="utf-8"))
    assert [(e["path"], e["code"], e["text"]) for e in recorded["findings"]] == [
        ("news/a.txt", "KZ901", "Nur-Sultan"),
        ("news/a.txt", "KZ902", "according to reports"),
        ("news/a.txt", "KZ902", "sources said"),
    ]
    code, found, err = lint(capsys, "--baseline", "kzlint-baseline.json", ".")
    assert (code, found) == (0, [])
    assert "3 findings known to the baseline not shown" in err


def test_moving_paragraphs_resurrects_nothing_but_new_text_is_reported(project, capsys):
    lint(capsys, "--write-baseline", "base.json", ".")
    moved = article(THIRD, "A new opening paragraph.", SECOND, FIRST)
    (project / "news" / "a.txt").write_text(moved, encoding="utf-8")
    assert lint(capsys, "--baseline", "base.json", ".")[:2] == (0, [])
    # a second copy of a known defect is new, and so is a new defect
    (project / "news" / "a.txt").write_text(article(THIRD, SECOND, FIRST, "Crowds in Nur-Sultan cheered."), encoding="utf-8")
    code, found, _ = lint(capsys, "--baseline", "base.json", ".")
    assert (code, found) == (1, ["9:KZ901"])


def test_the_same_text_in_another_file_is_new(project, capsys):
    lint(capsys, "--write-baseline", "base.json", ".")
    (project / "news" / "b.txt").write_text(article(FIRST), encoding="utf-8")
    code, found, _ = lint(capsys, "--baseline", "base.json", ".")
    assert (code, found) == (1, ["3:KZ901", "3:KZ902"])


def test_baseline_paths_do_not_depend_on_the_working_directory(project, capsys, monkeypatch):
    lint(capsys, "--write-baseline", "base.json", "news")
    monkeypatch.chdir(project / "news")
    code, found, _ = lint(capsys, "--config", "../rules.yaml", "--baseline", "../base.json", ".")
    assert (code, found) == (0, [])


@pytest.mark.parametrize("content, message", [
    (None, "no such baseline file"),
    ("{not json", "cannot read baseline"),
    ('{"findings": []}', "not a kzlint baseline"),
    ('{"format": "kzlint-baseline", "version": 99, "findings": []}', "baseline version 99 is not supported"),
])
def test_a_bad_baseline_is_a_usage_error(project, capsys, content, message):
    if content is not None:
        (project / "base.json").write_text(content, encoding="utf-8")
    assert main(["--no-cache", "--baseline", "base.json", "."]) == 2
    assert message in capsys.readouterr().err


def test_fingerprint_ignores_position_and_whitespace_but_not_rule_file_or_text():
    def finding(line: int, snippet: str, code: str = "KZ901", path: str = "a.md") -> Finding:
        return Finding(path, line, 3, line, 9, code, "old-capital", Severity.WARNING, "m", snippet=snippet)

    base = fingerprint(finding(3, "Nur-Sultan  city"))
    assert fingerprint(finding(40, "Nur-Sultan\ncity")) == base
    assert fingerprint(finding(3, "Nur-Sultan city", code="KZ902")) != base
    assert fingerprint(finding(3, "Nur-Sultan city", path="b.md")) != base
    assert fingerprint(finding(3, "Astana city")) != base
    corpus = Finding("a.md", 4, 1, 4, 9, "KZ501", "figure-contradiction", Severity.WARNING,
                     "10 dead here but 16 dead at b.md:12")
    assert normalised_text(corpus) == "10 dead here but 16 dead at b.md"


def test_baseline_on_the_seeds_survives_moving_paragraphs(tmp_path, monkeypatch, capsys):
    corpus = tmp_path / "corpus"
    copy_sample_corpus(corpus)
    monkeypatch.chdir(tmp_path)
    main(["--no-cache", "--write-baseline", "base.json", "corpus"])
    assert "wrote" in capsys.readouterr().err
    seed = corpus / "002_da26a73d37ba8e26.txt"
    paragraphs = seed.read_text(encoding="utf-8").split("\n\n")
    assert len(paragraphs) > 6
    paragraphs[2], paragraphs[5] = paragraphs[5], paragraphs[2]  # an editor reorders two paragraphs
    seed.write_text("\n\n".join(paragraphs), encoding="utf-8")
    assert main(["--no-cache", "corpus"]) == 1  # the findings are all still there ...
    capsys.readouterr()
    assert main(["--no-cache", "--baseline", "base.json", "corpus"]) == 0  # ... and all known
    assert capsys.readouterr().out.startswith("0 findings")
