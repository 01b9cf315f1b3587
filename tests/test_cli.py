"""The command line as a user runs it: output formats, exit codes, selection, errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lint.cli.main import main

BAD_FRONT_MATTER = "---\ntitle: [unclosed\n---\nThe mayor spoke on Monday.\n"


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "bad.md").write_text(BAD_FRONT_MATTER, encoding="utf-8")
    (tmp_path / "articles" / "good.md").write_text("---\ntitle: Fine\n---\nThe mayor spoke.\n", encoding="utf-8")
    (tmp_path / "articles" / "notes.rst").write_text(BAD_FRONT_MATTER, encoding="utf-8")
    (tmp_path / "articles" / ".hidden.md").write_text(BAD_FRONT_MATTER, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["--no-cache", "--select", "KZ0", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_text_output_is_compiler_style_with_summary(corpus, capsys):
    code, out, err = run(capsys, "articles")
    lines = out.splitlines()
    assert lines[0].startswith("articles/bad.md:1:1: warning[KZ003] front matter is not valid YAML")
    assert lines[0].endswith("(invalid-front-matter)")
    assert lines[-1] == "1 finding in 2 files (0 errors, 1 warnings, 0 infos)"
    assert code == 1 and err == ""


def test_json_output_has_the_documented_keys(corpus, capsys):
    code, out, _ = run(capsys, "--format", "json", "articles")
    data = json.loads(out)
    assert code == 1 and len(data) == 1
    keys = {"path", "line", "column", "end_line", "end_column", "code", "name", "severity", "message"}
    assert keys <= set(data[0])
    assert data[0]["path"] == "articles/bad.md" and data[0]["severity"] == "warning"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((), 1),
        (("--fail-on", "error"), 0),
        (("--ignore", "KZ003"), 0),
        (("--ignore", "invalid-front-matter"), 0),
        (("--select", "KZ1"), 0),
    ],
)
def test_exit_codes_follow_fail_on_and_selection(corpus, capsys, args, expected):
    code = main(["--no-cache", *(("--select", "KZ0") if "--select" not in args else ()), *args, "articles"])
    capsys.readouterr()
    assert code == expected


def test_statistics_counts_per_rule(corpus, capsys):
    code, out, _ = run(capsys, "--statistics", "articles")
    assert out.strip() == "1  KZ003  invalid-front-matter (warning)"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("missing-dir",), "missing-dir: no such file or directory"),
        (("--select", "KZ777", "articles"), "unknown rule or prefix 'KZ777'"),
        (("--format", "yaml", "articles"), "invalid choice"),
        (("--config", "nope.yaml", "articles"), "--config nope.yaml: no such file"),
    ],
)
def test_usage_errors_exit_2_with_one_line(corpus, capsys, args, message):
    code = main(["--no-cache", *args])
    _, err = capsys.readouterr()
    assert code == 2
    assert err.count("\n") == 1 and message in err and "Traceback" not in err


def test_broken_config_is_exit_2_naming_file_and_line(corpus, capsys):
    (corpus / "rules.yaml").write_text("fail-on: warning\nshout: true\n", encoding="utf-8")
    code = main(["--no-cache", "articles"])
    _, err = capsys.readouterr()
    assert code == 2
    assert err.strip() == f"kzlint: error: {corpus / 'rules.yaml'}:2: shout: unknown key 'shout'"


def test_rules_and_explain_come_from_rule_metadata(capsys):
    assert main(["rules"]) == 0
    table = capsys.readouterr().out
    assert "KZ003  invalid-front-matter" in table
    assert main(["explain", "KZ003"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("KZ003 invalid-front-matter") and "Fires on:" in text and "title: [unclosed" in text
    assert main(["explain", "KZ777"]) == 2


def test_console_script_runs_on_the_sample_corpus():
    repo = Path(__file__).resolve().parents[1]
    env = {**os.environ, "NO_COLOR": "1"}
    result = subprocess.run([sys.executable, "-m", "lint", "--no-cache", "corpus/"], cwd=repo, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    last = result.stdout.splitlines()[-1]
    assert "infos)" in last and "in 5 files" in last and last.endswith("fixable with --fix")
    findings = [line for line in result.stdout.splitlines()[:-1] if line.startswith("corpus/")]
    assert findings and findings == sorted(findings, key=lambda l: (l.split(":")[0], int(l.split(":")[1]), int(l.split(":")[2])))


def test_a_run_called_in_process_leaves_the_garbage_collector_as_it_found_it(corpus, capsys):
    """The command line lints with the collector off (start-up time); a caller keeps its own."""
    import gc

    assert gc.isenabled() and gc.get_freeze_count() == 0
    thresholds = gc.get_threshold()
    run(capsys, "articles")
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0  # what the run froze while linting is the caller's to collect again
    assert gc.get_threshold() == thresholds  # a worker's young generation (collector.YOUNG_GENERATION) is not the caller's
    gc.disable()
    try:
        run(capsys, "articles")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_command_leaves_python_s_exit_nothing_to_collect(corpus):
    """`kzlint` and `python -m lint` return through console(): what the run made is frozen, so the
    full collection Python's exit makes first has nothing to walk (a fifth of a one-file run)."""
    probe = ("import gc, sys\n"
             "from lint.cli.main import console\n"
             "sys.argv = ['kzlint', '--no-cache', 'articles']\n"
             "code = console()\n"
             "print('probe', code, gc.get_freeze_count(), len(gc.get_objects()), file=sys.stderr)\n")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=corpus, check=True)
    _, code, frozen, left = result.stderr.splitlines()[-1].split()
    assert code == "1" and "front matter is not valid YAML" in result.stdout  # the run itself as before
    assert int(frozen) > 10_000 and int(left) < 100  # modules, rules, records: all frozen; no generation holds any
    # both ways of starting the command go through it
    scripts = (Path(__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8")
    assert 'kzlint = "lint.cli.main:console"' in scripts
    assert "SystemExit(console())" in (Path(__file__).parents[1] / "lint" / "__main__.py").read_text(encoding="utf-8")
