"""`extend: PATH`: a config inherits another config file's settings, its own merged over them
(mappings key by key, anything else whole), chains allowed; a cycle or a missing file is a config
error naming the file and line; `kzlint config` shows each inherited value with its own file:line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lint.cli.main import main
from lint.config import ConfigError, load
from lint.rules import load_config

REPO = Path(__file__).resolve().parents[1]

PARENT = """\
fail-on: error
extend-exclude: ["drafts/*", "tmp/*"]
rules:
  glued-words:
    enabled: false
languagetool:
  mode: off
  language: en-GB
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def parent(tmp_path: Path) -> Path:
    return write(tmp_path / ".kzlint.yaml", PARENT)


def test_a_child_inherits_its_parent_and_overrides_one_option(parent: Path):
    child = write(parent.parent / "archive" / ".kzlint.yaml", "extend: ../.kzlint.yaml\nfail-on: info\n")
    config = load_config(child)
    assert config.fail_on.value == "info"  # its own
    assert config.extend_exclude == ["drafts/*", "tmp/*"]  # the parent's
    assert config.languagetool.mode == "off" and config.languagetool.language == "en-GB"
    assert config.rule_settings("KZ104", "glued-words") == {"enabled": False}
    assert config.files == (str(child), str(parent))
    assert load(parent).files == (str(parent),)  # the parent alone is what it was


def test_a_list_is_replaced_whole(parent: Path):
    child = write(parent.parent / "archive" / ".kzlint.yaml", "extend: ../.kzlint.yaml\nextend-exclude: ['old/*']\n")
    assert load(child).extend_exclude == ["old/*"]


def test_a_mapping_is_merged_key_by_key(parent: Path):
    child = write(parent.parent / "archive" / ".kzlint.yaml", (
        "extend: ../.kzlint.yaml\n"
        "languagetool:\n  language: en-US\n"
        "rules:\n  glued-words:\n    min-word-zipf: 4.0\n  stray-token:\n    severity: error\n"))
    config = load_config(child)
    assert (config.languagetool.mode, config.languagetool.language) == ("off", "en-US")
    assert config.rule_settings("KZ104", "glued-words") == {"enabled": False, "min-word-zipf": 4.0}
    assert config.rule_settings("KZ101", "stray-token") == {"severity": "error"}


def test_a_chain_of_two_with_a_pyproject_at_the_top(tmp_path: Path):
    write(tmp_path / "pyproject.toml", "[project]\nname = 'news'\n\n[tool.kzlint]\nmax-file-size = 1000\n"
          "fail-on = 'error'\nignore = ['KZ2']\n")
    middle = write(tmp_path / "desk" / ".kzlint.yaml", "extend: ../pyproject.toml\nfail-on: info\nselect: [KZ1, KZ2]\n")
    child = write(tmp_path / "desk" / "sport" / "rules.yaml", "extend: ../.kzlint.yaml\nselect: [KZ1]\n")
    config = load(child)
    assert (config.max_file_size, config.fail_on.value, config.ignore, config.select) == (1000, "info", ["KZ2"], ["KZ1"])
    assert config.files == (str(child), str(middle), str(tmp_path / "pyproject.toml"))


@pytest.mark.parametrize("target", ["../.kzlint.yaml", ".kzlint.yaml"])  # a cycle of two, and a file naming itself
def test_a_cycle_is_a_config_error_naming_file_and_line(parent: Path, target: str):
    write(parent, "fail-on: error\nextend: archive/.kzlint.yaml\n")
    child = write(parent.parent / "archive" / ".kzlint.yaml", f"# the archive\nextend: {target}\n")
    with pytest.raises(ConfigError) as error:
        load(child)
    message = str(error.value)
    assert "\n" not in message and "makes a cycle" in message
    assert message.startswith(f"{parent}:2: extend:" if target.startswith("..") else f"{child}:2: extend:")


def test_a_missing_file_is_a_config_error_naming_file_and_line(tmp_path: Path):
    child = write(tmp_path / ".kzlint.yaml", "fail-on: info\nextend: shared/kzlint.yaml\n")
    with pytest.raises(ConfigError) as error:
        load(child)
    assert str(error.value) == f"{child}:2: extend: no such config file: {tmp_path / 'shared' / 'kzlint.yaml'}"
    write(child, "extend: [a.yaml]\n")
    with pytest.raises(ConfigError, match=r":1: extend: expected the path of a config file"):
        load(child)


def test_an_extend_error_on_the_command_line_is_one_line_and_exit_2(tmp_path: Path):
    write(tmp_path / ".kzlint.yaml", "extend: .kzlint.yaml\n")
    write(tmp_path / "a.md", "A headline\n\nPolice said the square was calm.\n")
    done = subprocess.run([sys.executable, "-m", "lint", "--no-cache", "a.md"], check=False, cwd=tmp_path, capture_output=True,
                          text=True, timeout=300, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0 and "Traceback" not in done.stderr
    assert f"{tmp_path / '.kzlint.yaml'}:1: extend: '.kzlint.yaml' makes a cycle" in done.stderr


def test_errors_in_an_extended_file_name_that_file_and_its_line(parent: Path):
    child = write(parent.parent / "archive" / ".kzlint.yaml", "extend: ../.kzlint.yaml\nfail-on: info\n")
    write(parent, PARENT.replace("  glued-words:\n    enabled: false\n", "  glued-words:\n    colour: red\n"))
    with pytest.raises(ConfigError) as error:
        load_config(child)
    assert str(error.value) == f"{parent}:5: rules.glued-words.colour: unknown key 'colour'"
    write(parent, PARENT + "frobnicate: 3\n")
    with pytest.raises(ConfigError) as error:
        load_config(child)
    assert str(error.value) == f"{parent}:9: frobnicate: unknown key 'frobnicate'"


def test_relative_paths_stay_relative_to_the_file_that_sets_them(tmp_path: Path):
    (tmp_path / ".git").mkdir()  # one project for both files
    write(tmp_path / ".kzlint.yaml", "corpus: articles\n")
    child = write(tmp_path / "desk" / ".kzlint.yaml", "extend: ../.kzlint.yaml\n")
    config = load(child)
    assert (child.parent / config.corpus).resolve() == (tmp_path / "articles").resolve()
    assert config.cache_dir == ".kzlint_cache"  # the built-in default: beside the config in use


def test_kzlint_config_shows_inherited_values_with_their_origin(parent: Path, capsys, monkeypatch):
    write(parent.parent / "archive" / ".kzlint.yaml", "extend: ../.kzlint.yaml\nlanguagetool:\n  language: en-US\n")
    monkeypatch.chdir(parent.parent / "archive")
    assert main(["config", "--format", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    child = parent.parent / "archive" / ".kzlint.yaml"
    assert shown["config-file"] == str(child) and shown["extends"] == [str(parent)]
    origins = {s["key"]: s["origin"] for s in shown["settings"]}
    assert origins["fail-on"] == f"{parent}:1"
    assert origins["extend-exclude"] == f"{parent}:2"
    assert origins["rules.glued-words.enabled"] == f"{parent}:5"
    assert origins["rules.glued-words.min-word-zipf"] == "<built-in rules.yaml>"
    assert origins["languagetool.mode"] == f"{parent}:7"
    assert origins["languagetool.language"] == f"{child}:3"
    assert origins["extend"] == f"{child}:1"
    assert main(["config"]) == 0
    text = capsys.readouterr().out
    assert f"#   which extends {parent}" in text
    assert f"# {child}:3" in text


def test_a_nested_config_that_extends_lints_its_folder_with_both(tmp_path: Path, capsys, monkeypatch):
    write(tmp_path / ".kzlint.yaml", "select: [KZ1]\nrules:\n  stray-token:\n    severity: error\n")
    write(tmp_path / "archive" / ".kzlint.yaml", "extend: ../.kzlint.yaml\nignore: [KZ104]\n")
    text = "A headline\n\nundefined\n\nThe mayor spoke fromAstana today, officials said.\n"
    write(tmp_path / "a.md", text)
    write(tmp_path / "archive" / "b.md", text)
    monkeypatch.chdir(tmp_path)
    main(["--no-cache", "--format", "json", "."])
    found = sorted((f["path"], f["code"], f["severity"]) for f in json.loads(capsys.readouterr().out))
    assert found == [("a.md", "KZ101", "error"), ("a.md", "KZ104", "warning"), ("archive/b.md", "KZ101", "error")]


def test_the_language_server_reloads_when_an_extended_file_changes(parent: Path):
    from lint.lsp.linting import Linter

    write(parent.parent / "archive" / ".kzlint.yaml", "extend: ../.kzlint.yaml\n")
    article = write(parent.parent / "archive" / "a.md", "A headline\n\nPolice said the square was calm.\n")
    linter = Linter()
    assert linter.project_for(article).config.fail_on.value == "error"
    time.sleep(0.01)
    write(parent, PARENT.replace("fail-on: error", "fail-on: info  # changed"))
    assert linter.project_for(article).config.fail_on.value == "info"


@pytest.mark.parametrize(("target", "expected"), [
    ("sub", ": extend: not a file: "),
    ('"a\\0b"', ": extend: cannot read 'a\\x00b': embedded null byte"),
    ("loop.yaml", ": extend: cannot read 'loop.yaml': "),  # a symbolic link to itself
    ("c1.yaml", ": extend: more than 32 files extend one another"),
])
def test_a_bad_extend_path_is_a_config_error_not_a_crash(tmp_path: Path, target: str, expected: str):
    (tmp_path / "sub").mkdir()
    (tmp_path / "loop.yaml").symlink_to("loop.yaml")
    for i in range(1, 40):
        write(tmp_path / f"c{i}.yaml", f"extend: c{i + 1}.yaml\n")
    child = write(tmp_path / ".kzlint.yaml", f"extend: {target}\n")
    with pytest.raises(ConfigError) as error:
        load(child)
    assert expected in str(error.value) and "\n" not in str(error.value)
