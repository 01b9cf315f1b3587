"""A newcomer's first day (issue 16): config found per file, default excludes, --quiet and
notices once, and the command-line parity items (rules --format json, --help everywhere,
unknown suppression codes, a same-line suppression, --unsafe-fixes, the fixable marker,
custom rules in `rules`/`explain`, --output-file, --statistics --format json, `kzlint config`)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lint.cli.main import main

REPO = Path(__file__).resolve().parents[1]
STRAY = "A headline\n\nundefined\n\nPolice said the square was calm.\n"
GLUED = "A headline\n\nThe mayor spoke fromAstana today, officials said.\n"


def kzlint(*args: str, cwd: Path, env: dict | None = None, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PYTHONPATH": str(REPO), "NO_COLOR": "1", **(env or {})}
    return subprocess.run([sys.executable, "-m", "lint", *args], cwd=cwd, env=environment, capture_output=True,
                          text=True, timeout=300, input=stdin.decode() if stdin is not None else None)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A corpus with its own config (only KZ1, plus KZ9 custom rules), inside a folder whose
    `rules.yaml` belongs to another tool."""
    (tmp_path / "rules.yaml").write_text("groups:\n  - name: editors\n", encoding="utf-8")
    root = tmp_path / "corpus"
    (root / "news").mkdir(parents=True)
    (root / ".kzlint.yaml").write_text(
        "select: [KZ0, KZ1, KZ9]\n"
        "custom-rules:\n"
        "  - code: KZ901\n    name: old-capital\n    message: \"write Astana, not {text}\"\n"
        "    swap: {\"Nur-Sultan\": \"Astana\"}\n", encoding="utf-8")
    (root / "news" / "a.md").write_text(STRAY, encoding="utf-8")
    (root / "README.md").write_text("# Our corpus\n\nundefined\n", encoding="utf-8")
    (root / "requirements.txt").write_text("undefined\n", encoding="utf-8")
    return root


def test_the_corpus_config_is_used_from_anywhere(corpus: Path, tmp_path: Path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = kzlint("--no-cache", "--format", "json", str(corpus), cwd=elsewhere)
    assert result.returncode == 1, result.stderr
    findings = json.loads(result.stdout)
    assert {f["code"] for f in findings} == {"KZ101"}  # the corpus's select:, not the defaults (no KZ401)
    assert [Path(f["path"]).name for f in findings] == ["a.md"]  # README.md and requirements.txt: not articles
    assert "groups" not in result.stderr  # the parent folder's rules.yaml is another tool's: passed over


def test_cd_tmp_and_lint_the_corpus(corpus: Path):
    result = kzlint("--no-cache", str(corpus), cwd=Path("/tmp"))
    assert result.returncode == 1, result.stderr
    assert "KZ401" not in result.stdout and "warning[KZ101]" in result.stdout


def test_a_subfolder_with_its_own_config_uses_it(corpus: Path):
    archive = corpus / "archive"
    archive.mkdir()
    # a config of its own replaces the corpus's (no merging of the two, as in ruff without `extend`)
    (archive / ".kzlint.yaml").write_text(
        "select: [KZ9]\ncustom-rules:\n  - code: KZ901\n    name: old-capital\n    message: \"write Astana, not {text}\"\n"
        "    swap: {\"Nur-Sultan\": \"Astana\"}\n", encoding="utf-8")
    (archive / "old.md").write_text(STRAY + "\nThe mayor of Nur-Sultan spoke.\n", encoding="utf-8")
    findings = json.loads(kzlint("--no-cache", "--format", "json", ".", cwd=corpus).stdout)
    by_file = {(f["path"], f["code"]) for f in findings}
    assert by_file == {("news/a.md", "KZ101"), ("archive/old.md", "KZ901")}


def test_a_kzlint_rules_yaml_with_a_typo_is_still_an_error(tmp_path: Path):
    (tmp_path / "rules.yaml").write_text("select: [KZ1]\nexlude: [drafts/*]\n", encoding="utf-8")
    (tmp_path / "a.md").write_text(STRAY, encoding="utf-8")
    result = kzlint("--no-cache", ".", cwd=tmp_path)
    assert result.returncode == 2 and "unknown key 'exlude'" in result.stderr


def test_default_excludes_are_configurable(corpus: Path):
    config = corpus / ".kzlint.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "extend-exclude: [\"news/*\"]\n", encoding="utf-8")
    assert kzlint("--no-cache", ".", cwd=corpus).returncode == 0
    config.write_text("select: [KZ1]\nexclude: []\n", encoding="utf-8")
    linted = kzlint("--no-cache", "--format", "json", ".", cwd=corpus)
    assert {f["path"] for f in json.loads(linted.stdout)} == {"README.md", "news/a.md", "requirements.txt"}
    named = kzlint("--no-cache", "README.md", cwd=corpus.parent)  # named on the command line: default excludes hold
    assert "README.md" not in named.stdout


def test_kzlint_config_shows_values_and_their_origin(corpus: Path, capsys, monkeypatch):
    monkeypatch.chdir(corpus / "news")
    assert main(["config", "--format", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["config-file"] == str(corpus / ".kzlint.yaml")
    assert shown["passed-over"] == []
    settings = {s["key"]: s for s in shown["settings"]}
    assert settings["select"]["value"] == ["KZ0", "KZ1", "KZ9"]
    assert settings["select"]["origin"] == f"{corpus / '.kzlint.yaml'}:1"
    assert settings["fail-on"]["origin"] == "<built-in rules.yaml>"
    # each rule's options one by one, with the defaults it runs with (not `rules.boilerplate = {}`)
    assert settings["rules.boilerplate.max-words"] == {"key": "rules.boilerplate.max-words", "value": 25,
                                                        "origin": "<built-in rules.yaml>"}
    assert "rules.boilerplate" not in settings
    assert main(["config", str(corpus.parent)]) == 0
    text = capsys.readouterr().out
    assert f"passed over (not a kzlint config): {corpus.parent / 'rules.yaml'}" in text
    assert main(["--show-settings", str(corpus / "news" / "a.md")]) == 0
    assert "select" in capsys.readouterr().out


def test_quiet_and_notices_once(corpus: Path):
    (corpus / ".kzlint.yaml").write_text("extend-select: [KZ201]\nlanguagetool: {mode: remote, url: "
                                         "\"http://127.0.0.1:9\"}\n", encoding="utf-8")
    loud = kzlint("--no-cache", ".", cwd=corpus)
    assert loud.stderr.count("KZ201") == 1  # once per run
    assert kzlint("--no-cache", "-q", ".", cwd=corpus).stderr == ""
    hook = {"PRE_COMMIT": "1", "KZLINT_CACHE_DIR": str(corpus.parent / "cache")}
    first = kzlint("news/a.md", cwd=corpus, env=hook)
    again = kzlint("news/a.md", cwd=corpus, env=hook)
    assert "KZ201" in first.stderr and again.stderr == ""  # a hook repeats nothing that did not change
    assert again.stdout == first.stdout


def test_rules_json_help_and_custom_rules(corpus: Path, capsys, monkeypatch):
    monkeypatch.chdir(corpus)
    assert main(["rules", "--format", "json"]) == 0
    rules = {r["code"]: r for r in json.loads(capsys.readouterr().out)}
    assert rules["KZ101"]["fixable"] is True and rules["KZ101"]["family"] == "artifacts"
    assert rules["KZ901"] == {"code": "KZ901", "name": "old-capital", "family": "custom", "severity": "warning",
                              "default": True, "fixable": True, "summary": "write Astana, not {text}"}
    assert main(["explain", "old-capital"]) == 0
    assert "KZ901 old-capital" in capsys.readouterr().out
    for command in (["rules"], ["explain"], ["config"], ["server"], []):
        with pytest.raises(SystemExit) as done:
            main([*command, "--help"])
        assert done.value.code == 0
        assert "usage: kzlint" in capsys.readouterr().out


def test_fixable_marker_unsafe_fixes_output_file_and_statistics(tmp_path: Path):
    (tmp_path / ".kzlint.yaml").write_text("select: [KZ1]\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("A headline\n\nundefined\n\nPolice said the square was\ncalm on Tuesday.\n", encoding="utf-8")
    text = kzlint("--no-cache", "a.txt", cwd=tmp_path).stdout
    assert "(stray-token) [*]" in text and "(broken-line)\n" in text  # KZ109's fix is unsafe: no marker
    assert text.rstrip().endswith("[*] 1 fixable with --fix")

    out = tmp_path / "report.json"
    assert kzlint("--no-cache", "--format", "json", "--output-file", str(out), "a.txt", cwd=tmp_path).stdout == ""
    assert {f["code"] for f in json.loads(out.read_text(encoding="utf-8"))} == {"KZ101", "KZ109"}
    stats = json.loads(kzlint("--no-cache", "--statistics", "--format", "json", "a.txt", cwd=tmp_path).stdout)
    assert {s["code"]: (s["count"], s["fixable"]) for s in stats} == {"KZ101": (1, 1), "KZ109": (1, 0)}

    kzlint("--no-cache", "--fix", "a.txt", cwd=tmp_path)
    assert "undefined" not in article.read_text(encoding="utf-8")
    assert "was\ncalm" in article.read_text(encoding="utf-8")  # the unsafe fix waits for --unsafe-fixes
    kzlint("--no-cache", "--fix", "--unsafe-fixes", "a.txt", cwd=tmp_path)
    assert "was calm" in article.read_text(encoding="utf-8")


def test_suppressions_same_line_and_unknown_codes(tmp_path: Path):
    (tmp_path / ".kzlint.yaml").write_text("select: [KZ0, KZ104]\n", encoding="utf-8")
    (tmp_path / "a.md").write_text(
        "A headline\n\nThe mayor spoke fromAstana today. <!-- kzlint-disable-line KZ104 -- a quote -->\n\n"
        "Police came fromAlmaty. <!-- kzlint-disable-line KZ1O4 -->\n", encoding="utf-8")
    findings = json.loads(kzlint("--no-cache", "--format", "json", "a.md", cwd=tmp_path).stdout)
    assert [(f["line"], f["code"]) for f in findings] == [(5, "KZ001"), (5, "KZ104")]
    assert "unknown rule 'KZ1O4'" in findings[0]["message"]


def test_server_without_pygls_names_the_extra(tmp_path: Path):
    blocked = "import sys; sys.modules['pygls'] = None; from lint.cli.main import main; sys.exit(main(sys.argv[1:]))"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    helped = subprocess.run([sys.executable, "-c", blocked, "server", "--help"], capture_output=True, text=True,
                            env=env, cwd=tmp_path, timeout=120)
    assert helped.returncode == 0 and "usage: kzlint server" in helped.stdout
    refused = subprocess.run([sys.executable, "-c", blocked, "server"], capture_output=True, text=True, env=env,
                             cwd=tmp_path, timeout=120, stdin=subprocess.DEVNULL)
    assert refused.returncode == 2
    assert refused.stderr == "kzlint: error: kzlint server needs pygls: pip install 'kzlint[lsp]'\n"


def test_the_core_install_runs_without_the_extras_and_names_them(tmp_path: Path):
    """lingua (KZ202's Latin-script languages) and pyphen (KZ204) are extras: without them the
    rest runs, other scripts are still reported, and one notice names each extra."""
    (tmp_path / ".kzlint.yaml").write_text("select: [KZ202, KZ204]\nlanguagetool: {mode: off}\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("A headline\n\nPolice detained dozens of protesters in Almaty on Thursday, "
                                    "officials said. Полиция задержала более ста человек в центре города.\n",
                                    encoding="utf-8")
    blocked = ("import sys; sys.modules['lingua'] = None; sys.modules['pyphen'] = None\n"
               "from lint.cli.main import main; sys.exit(main(sys.argv[1:]))")
    run = subprocess.run([sys.executable, "-c", blocked, "--no-cache", "a.txt"], capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(REPO)}, cwd=tmp_path, timeout=300)
    assert run.returncode == 1, run.stderr
    assert "warning[KZ202] untranslated Cyrillic text" in run.stdout
    assert "pip install 'kzlint[lang]'" in run.stderr and "pip install 'kzlint[readability]'" in run.stderr
    assert run.stderr.count("\n") == 2


def test_the_core_install_tells_other_languages_by_the_common_words_it_ships(tmp_path: Path):
    """Without wordfreq and lingua (the `lang` extra), the stop words kzlint ships tell another
    language: a German sentence in an English article is KZ202's, named by its words, and a
    German article is not English full of unknown words (KZ203 reported one sentence in two)."""
    (tmp_path / ".kzlint.yaml").write_text("select: [KZ202, KZ203]\nlanguagetool: {mode: off}\n", encoding="utf-8")
    (tmp_path / "mixed.txt").write_text(
        "Protests in Almaty\n\nPolice detained dozens of protesters in Almaty on Thursday, officials said. "
        "The protesters had gathered in the main square to demand lower fuel prices.\n\n"
        "Die meisten Demonstranten wurden nach wenigen Stunden wieder freigelassen, sagte ein Sprecher der Polizei.\n",
        encoding="utf-8")
    (tmp_path / "german.txt").write_text(
        "Elektronische Patientenakte\n\n"
        "Die elektronische Patientenakte wird seit Jahren intensiv diskutiert. Sie soll medizinische Daten "
        "einheitlich speichern und den Ärzten jederzeit zur Verfügung stellen.\n\n"
        "Kritiker bemängeln fehlende Standards. Datenschutz bleibt umstritten.\n\n"
        "Trotzdem investieren Kliniken weiter in dezentrale, gesamtheitliche Lösungen.\n", encoding="utf-8")
    blocked = ("import sys; sys.modules['lingua'] = None; sys.modules['wordfreq'] = None\n"
               "from lint.cli.main import main; sys.exit(main(sys.argv[1:]))")
    run = subprocess.run([sys.executable, "-c", blocked, "--no-cache", "-q", "."], capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(REPO)}, cwd=tmp_path, timeout=300)
    assert run.returncode == 1, run.stderr
    assert run.stdout.splitlines()[:-1] == [
        "mixed.txt:5:1: warning[KZ202] sentence not in English (common German words: “wurden”, “nach”, “wieder”): "
        "“Die meisten Demonstranten wurden nach wenigen Stunden wiede…” (untranslated)"], run.stdout
