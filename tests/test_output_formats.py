"""Output formats (SARIF, GitHub, JSON lines, JUnit) and run behaviour (--jobs, progress, stdin)."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from corpora import custom_rules_config

from lint.cli.main import main
from lint.config import load
from lint.core.findings import Finding, Location, Severity
from lint.engine.selection import build_rules
from lint.output import Report, github, junit, sarif

REPO = Path(__file__).resolve().parents[1]
SCHEMA = REPO / "tests" / "schemas" / "sarif-schema-2.1.0.json"  # vendored (tests/schemas/README.md)
SEEDS = REPO / "corpus"

RULES = custom_rules_config(vague_source_severity="info")
ARTICLE = (
    "Protests spread to the capital\n"
    "\n"
    "Thousands gathered in Nur-Sultan on Tuesday, sources said.\n"
    "Police detained 40 people in Zhanaozen, according to reports from the city.\n"
)


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    (tmp_path / "rules.yaml").write_text(RULES, encoding="utf-8")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "rally.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "news" / "emoji 🙂.md").write_text("# Рейтинг 🙂 Nur-Sultan\n\nA quiet day in Nur-Sultan.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def schema_validator():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft7Validator(schema)


# -- SARIF -------------------------------------------------------------------------------------


def test_sarif_is_schema_valid_and_carries_rule_metadata(corpus, capsys):
    code, out, _ = run(["--no-cache", "--format", "sarif", "."], capsys)
    assert code == 1
    log = json.loads(out)
    errors = sorted(schema_validator().iter_errors(log), key=str)
    assert not errors, errors[0]
    run_ = log["runs"][0]
    assert run_["columnKind"] == "unicodeCodePoints"
    driver = run_["tool"]["driver"]
    assert driver["name"] == "kzlint" and driver["version"] and driver["informationUri"].startswith("https://")
    for rule in driver["rules"]:
        assert {"id", "name", "shortDescription", "fullDescription", "help", "defaultConfiguration"} <= rule.keys()
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    by_id = {rule["id"]: rule for rule in driver["rules"]}
    assert by_id["KZ902"]["defaultConfiguration"]["level"] == "note"
    assert by_id["KZ901"]["shortDescription"]["text"] == "write Astana, not {text}"
    results = run_["results"]
    assert [r["ruleId"] for r in results] == ["KZ901", "KZ901", "KZ901", "KZ902", "KZ902"]
    for result in results:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
    first = results[0]
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "news/emoji%20%F0%9F%99%82.md"
    # "# Рейтинг 🙂 Nur-Sultan": code points, not UTF-16 units (the emoji would count twice) or bytes
    assert location["region"] == {"startLine": 1, "startColumn": 13, "endLine": 1, "endColumn": 23}
    vague = [r for r in results if r["ruleId"] == "KZ902"]
    assert [r["level"] for r in vague] == ["note", "note"]
    assert vague[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 3


def test_sarif_related_locations_for_cross_document_findings():
    finding = Finding("a/one.md", 4, 7, 4, 12, "KZ501", "figure-contradiction", Severity.WARNING,
                      "10 dead here, 16 dead in a/two.md:9", snippet="10 dead",
                      related=(Location("a/two.md", 9, 3),))
    log = sarif.document(Report([finding], 2, []))
    errors = list(schema_validator().iter_errors(log))
    assert not errors, errors[0]
    related = log["runs"][0]["results"][0]["relatedLocations"]
    assert related[0]["physicalLocation"]["artifactLocation"]["uri"] == "a/two.md"
    assert related[0]["physicalLocation"]["region"] == {"startLine": 9, "startColumn": 3}
    assert "a/two.md:9" in related[0]["message"]["text"]


def test_sarif_fingerprints_survive_unrelated_edits(corpus, capsys):
    def fingerprints() -> tuple[list[int], list[str]]:
        log = json.loads(run(["--no-cache", "--format", "sarif", "news/rally.txt"], capsys)[1])
        results = log["runs"][0]["results"]
        lines = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results]
        return lines, sorted(r["partialFingerprints"]["kzlint/v1"] for r in results)

    lines_before, before = fingerprints()
    edited = ARTICLE.replace("\n\n", "\n\nAn opening paragraph added by an editor.\n\nAnd another one.\n\n", 1)
    (corpus / "news" / "rally.txt").write_text(edited, encoding="utf-8")
    lines_after, after = fingerprints()
    assert lines_after == [line + 4 for line in lines_before]
    assert after == before
    assert len(set(before)) == len(before)


def test_sarif_on_the_seed_corpus_is_valid_and_matches_json(capsys, monkeypatch):
    monkeypatch.chdir(REPO)
    _, out, _ = run(["--no-cache", "--format", "sarif", "corpus"], capsys)
    log = json.loads(out)
    errors = list(schema_validator().iter_errors(log))
    assert not errors, errors[0]
    _, as_json, _ = run(["--no-cache", "--format", "json", "corpus"], capsys)
    findings = json.loads(as_json)
    results = log["runs"][0]["results"]
    assert [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in results] == \
        [(f["code"], f["line"]) for f in findings]
    assert len({json.dumps(r["partialFingerprints"]) for r in results}) == len(results)


# -- GitHub workflow commands ------------------------------------------------------------------

COMMAND = re.compile(r"^::(error|warning|notice) ((?:[A-Za-z]+=[^,:]*)(?:,[A-Za-z]+=[^,:]*)*)::(.*)$")


def unescape(text: str) -> str:
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def parse_command(line: str) -> tuple[str, dict[str, str], str]:
    match = COMMAND.match(line)
    assert match, line
    properties = dict(item.split("=", 1) for item in match.group(2).split(","))
    return match.group(1), {k: unescape(v) for k, v in properties.items()}, unescape(match.group(3))


def test_github_commands_parse(corpus, capsys):
    code, out, _ = run(["--no-cache", "--format", "github", "."], capsys)
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 5
    level, properties, message = parse_command(lines[0])
    assert (level, properties["file"], properties["line"], properties["col"]) == ("warning", "news/emoji 🙂.md", "1", "13")
    assert properties["title"] == "KZ901 old-capital"
    assert message == 'write Astana, not Nur-Sultan ("Nur-Sultan")'
    assert parse_command(lines[-1])[0] == "notice"


def test_github_escaping_round_trips():
    message = "100% of 3 reports: \"a, b\"\nsecond line\r"
    finding = Finding("dir,with:odd%/a.md", 2, 5, 3, 1, "KZ101", "stray-token", Severity.ERROR, message)
    line = github.line(finding)
    assert "\n" not in line and "\r" not in line
    level, properties, parsed = parse_command(line)
    assert level == "error"
    assert properties["file"] == "dir,with:odd%/a.md"
    assert parsed == message
    assert "col" not in properties and properties["endLine"] == "3"  # multi-line: GitHub ignores columns


# -- JSON lines and JUnit ------------------------------------------------------------------------


def test_json_lines_match_json(corpus, capsys):
    _, lines, _ = run(["--no-cache", "--format", "json-lines", "."], capsys)
    _, whole, _ = run(["--no-cache", "--format", "json", "."], capsys)
    assert [json.loads(line) for line in lines.splitlines()] == json.loads(whole)
    assert len(lines.splitlines()) == 5


def test_junit_parses_with_one_failure_per_finding(corpus, capsys):
    _, out, _ = run(["--no-cache", "--format", "junit", "."], capsys)
    root = ET.fromstring(out.encode("utf-8"))
    assert root.tag == "testsuites" and root.get("failures") == "5"
    suites = {suite.get("name"): suite for suite in root}
    assert set(suites) == {"news/emoji 🙂.md", "news/rally.txt"}
    cases = suites["news/rally.txt"].findall("testcase")
    assert [c.get("line") for c in cases] == ["3", "3", "4"]
    assert cases[1].find("failure").get("message") == 'name the source instead of sources said ("sources said")'


def test_junit_survives_control_characters_and_no_findings():
    finding = Finding("a.md", 1, 1, 1, 2, "KZ101", "stray-token", Severity.WARNING, "stray \x0b token \x00 here")
    root = ET.fromstring(junit.render(Report([finding], 1, [])))
    assert root.find("testsuite/testcase/failure").get("message") == "stray \ufffd token \ufffd here"
    empty = ET.fromstring(junit.render(Report([], 3, [])))
    assert empty.get("failures") == "0" and empty.find("testsuite/testcase").get("name") == "no findings"


# -- runs ----------------------------------------------------------------------------------------


def many_articles(folder: Path, count: int) -> None:
    (folder / "rules.yaml").write_text(RULES, encoding="utf-8")
    for i in range(count):
        sub = folder / f"desk{i % 7}"
        sub.mkdir(exist_ok=True)
        body = ARTICLE if i % 3 else ARTICLE.replace("Nur-Sultan", "Astana")
        (sub / f"story{i:03d}.txt").write_text(f"Story {i}\n\n" + body * (1 + i % 4), encoding="utf-8")


def kzlint(*args: str, cwd: Path, **kwargs) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "GITHUB_ACTIONS")}
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **kwargs}
    streams.pop("env", None)
    return subprocess.run([sys.executable, "-m", "lint", *args], cwd=cwd, env={**env, **kwargs.get("env", {})},
                          **streams)


def test_jobs_do_not_change_output(tmp_path):
    many_articles(tmp_path, 90)  # above the engine's parallel threshold (64)
    for fmt in ("text", "sarif"):
        serial = kzlint("--no-cache", "--jobs", "1", "--format", fmt, ".", cwd=tmp_path)
        parallel = kzlint("--no-cache", "--jobs", "2", "--format", fmt, ".", cwd=tmp_path)
        assert serial.returncode == parallel.returncode == 1, serial.stderr
        assert serial.stdout == parallel.stdout
        assert serial.stdout.count(b"KZ901") > 90


DEV_CORPUS = REPO.parent / "shared" / "dev-corpus"


def test_jobs_do_not_change_output_with_the_default_rules(tmp_path):
    """Every built-in rule, corpus rules included, on the seeds plus 80 real articles."""
    if not DEV_CORPUS.is_dir():
        pytest.skip(f"{DEV_CORPUS} is absent")
    for seed in SEEDS.glob("*.txt"):
        (tmp_path / seed.name).write_bytes(seed.read_bytes())
    for article in sorted(DEV_CORPUS.rglob("*.txt"))[:80]:
        (tmp_path / f"{article.parent.name}-{article.name}").write_bytes(article.read_bytes())
    outputs = [kzlint("--no-cache", "--jobs", jobs, "--format", "sarif", ".", cwd=tmp_path) for jobs in ("1", "2")]
    assert outputs[0].returncode == outputs[1].returncode == 1, outputs[0].stderr
    assert outputs[0].stdout == outputs[1].stdout
    assert len(json.loads(outputs[0].stdout)["runs"][0]["results"]) > 20


def test_progress_bar_only_on_a_terminal(tmp_path):
    many_articles(tmp_path, 320)
    piped = kzlint("--no-cache", "--jobs", "2", ".", cwd=tmp_path)
    assert piped.stderr == b""
    leader, follower = pty.openpty()
    try:
        on_tty = kzlint("--no-cache", "--jobs", "2", ".", cwd=tmp_path, stderr=follower, env={"TERM": "xterm"})
        os.close(follower)
        drawn = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            drawn += chunk
    finally:
        os.close(leader)
    assert on_tty.returncode == 1
    assert re.search(rb"linting +\d+/320 \[", drawn), drawn[:200]
    assert drawn.endswith(b"\r\x1b[K")  # erased: the findings on stdout are not interleaved with it
    in_ci = kzlint("--no-cache", ".", cwd=tmp_path, stderr=subprocess.PIPE, env={"CI": "true"})
    assert in_ci.stderr == b""


def test_stdin_filename_lints_standard_input(corpus):
    text = "A headline\n\nThe mayor of Nur-Sultan spoke.\n".encode()
    result = kzlint("--no-cache", "--stdin-filename", "news/new.txt", cwd=corpus, input=text)
    assert result.returncode == 1
    assert result.stdout.decode().splitlines()[0] == (
        'news/new.txt:3:14: warning[KZ901] write Astana, not Nur-Sultan ("Nur-Sultan") (old-capital) [*]')
    assert not (corpus / "news" / "new.txt").exists()
    # the buffer wins over the file on disk of the same name
    unsaved = kzlint("--no-cache", "--stdin-filename", "news/rally.txt", cwd=corpus, input=b"All calm in Astana.\n")
    assert unsaved.returncode == 0 and b"0 findings in 1 file" in unsaved.stdout


def test_rules_table_says_which_rules_fix(capsys):
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    header, *rows = out.splitlines()
    assert header.split()[:6] == ["CODE", "NAME", "FAMILY", "SEVERITY", "DEFAULT", "FIX"]
    fix_column = header.index("FIX")
    by_code = {row.split()[0]: row[fix_column:fix_column + 3] for row in rows}
    assert by_code["KZ101"] == "yes" and by_code["KZ301"].strip() == ""


def test_renderers_are_registered():
    from lint.output import renderers

    assert {"sarif", "github", "json-lines", "junit"} <= set(renderers())
    config = load(None)
    assert build_rules(config)  # the default set builds
