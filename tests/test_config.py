"""Config: discovery, merging over the default, and errors that name the file and the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.config import ConfigError, default_text, discover, load
from lint.engine.selection import build_rules
from lint.rules import load_config

REPO = Path(__file__).resolve().parents[1]


def test_top_level_rules_yaml_is_the_shipped_default():
    assert (REPO / "rules.yaml").read_text(encoding="utf-8") == default_text()


def test_builtin_default_loads_and_enables_rules():
    config = load(None)
    assert config.fail_on.value == "warning"
    assert "KZ003" in {rule.code for rule in build_rules(config)}


def _write(tmp_path: Path, text: str, name: str = "rules.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fail-on: warning\nfrobnicate: 3\n", ":2: frobnicate: unknown key 'frobnicate'"),
        ("include: ['*.md']\nmax-file-size: lots\n", ":2: max-file-size:"),
        ("rules:\n  invalid-front-matter:\n    severity: loud\n", ":3: rules.invalid-front-matter.severity:"),
        ("rules:\n  KZ999:\n    enabled: false\n", ":2: rules: unknown rule 'KZ999'"),
        ("rules:\n  invalid-front-matter:\n    colour: red\n", ":3: rules.invalid-front-matter.colour: unknown key 'colour'"),
        ("a: &x [1, 2]\nb: *x\n", ":2: invalid YAML: anchors and aliases are not allowed"),
        ("x: !!python/object/apply:os.system ['true']\n", ":1: invalid YAML"),
        ("fail-on: [unclosed\n", "invalid YAML"),
        ("- just\n- a list\n", ":1: config must be a mapping"),
    ],
)
def test_config_errors_name_file_key_and_line(tmp_path, text, expected):
    path = _write(tmp_path, text)
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert str(error.value).startswith(str(path))
    assert expected in str(error.value)


def test_user_config_merges_over_default(tmp_path):
    config = load(_write(tmp_path, "fail-on: error\nrules:\n  invalid-front-matter:\n    severity: info\n"))
    assert config.fail_on.value == "error"
    assert config.include == ["*.md", "*.markdown", "*.txt"]
    rule = next(r for r in build_rules(config) if r.code == "KZ003")
    assert rule.level.value == "info"


def test_discovery_walks_upward_and_reads_pyproject(tmp_path):
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    assert discover(nested) is None
    _write(tmp_path, "[tool.kzlint]\nfail-on = 'info'\n", "pyproject.toml")
    assert discover(nested) == tmp_path / "pyproject.toml"
    assert load(tmp_path / "pyproject.toml").fail_on.value == "info"
    _write(tmp_path / "a", "fail-on: error\n", ".kzlint.yaml")
    assert discover(nested) == tmp_path / "a" / ".kzlint.yaml"


def test_pyproject_errors_are_reported(tmp_path):
    path = _write(tmp_path, "[tool.kzlint]\nfail-on = 'loud'\n", "pyproject.toml")
    with pytest.raises(ConfigError, match="fail-on"):
        load(path)


def test_a_second_run_in_one_process_reads_the_edited_config(tmp_path, monkeypatch, capsys):
    """An editor integration or a script calls main() again after the user edits rules.yaml."""
    from lint.cli.main import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("The player was ranked number undefined in the world.\n", encoding="utf-8")
    (tmp_path / "rules.yaml").write_text("select: [KZ101]\nlanguagetool:\n  mode: \"off\"\n", encoding="utf-8")
    main(["--no-cache", "--exit-zero", "a.md"])
    assert "KZ101" in capsys.readouterr().out
    (tmp_path / "rules.yaml").write_text("select: [KZ401]\nlanguagetool:\n  mode: \"off\"\n", encoding="utf-8")
    main(["--no-cache", "--exit-zero", "a.md"])
    out = capsys.readouterr().out
    assert "KZ101" not in out and "KZ401" in out
