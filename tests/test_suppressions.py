"""Inline suppressions (Markdown comments, plain-text lines), KZ001, per-file-ignores and exclude."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from corpora import custom_rules_config

from lint.cli.main import main

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "corpus" / "001_a459fee10d84c351.txt"  # line 41 is a stray "undefined"

RULES = custom_rules_config()


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "rules.yaml").write_text(RULES, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def lint(capsys, *args: str) -> list[str]:
    """Findings as `line:code` strings (and the whole line for KZ001)."""
    main(["--no-cache", "--format", "json-lines", *args])
    import json

    found = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    return [f"{f['line']}:{f['code']}" for f in found]


def write(folder: Path, name: str, text: str) -> str:
    (folder / name).write_text(text, encoding="utf-8")
    return name


def test_markdown_disable_next_line_with_code_name_and_reason(project, capsys):
    name = write(project, "a.md", (
        "# Rally in the capital\n"
        "\n"
        "<!-- kzlint-disable-next-line KZ901 -- the city's name in 2019 -->\n"
        "Crowds gathered in Nur-Sultan, sources said.\n"
        "\n"
        "<!-- kzlint-disable-next-line old-capital -->\n"
        "\n"
        "Police in Nur-Sultan detained 40 people.\n"
        "Officers in Nur-Sultan said so.\n"
    ))
    assert lint(capsys, name) == ["4:KZ902", "9:KZ901"]


def test_markdown_disable_enable_range(project, capsys):
    name = write(project, "a.md", (
        "Crowds in Nur-Sultan, sources said.\n"
        "<!-- kzlint-disable KZ901, KZ902 -->\n"
        "Crowds in Nur-Sultan, sources said.\n"
        "\n"
        "More crowds in Nur-Sultan.\n"
        "<!-- kzlint-enable KZ901 -->\n"
        "Crowds in Nur-Sultan, sources said.\n"
    ))
    assert lint(capsys, name) == ["1:KZ901", "1:KZ902", "7:KZ901", "7:KZ902"]


def test_markdown_disable_file_with_and_without_codes(project, capsys):
    body = "Crowds in Nur-Sultan, sources said.\n\nPolice in Nur-Sultan said.\n"
    write(project, "some.md", body + "\n<!-- kzlint-disable-file KZ9 -->\n")
    write(project, "all.md", "<!-- kzlint-disable-file -->\n\n" + body)
    write(project, "named.md", "<!-- kzlint-disable-file vague-source -->\n\n" + body)
    assert lint(capsys, "some.md", "all.md") == []
    assert lint(capsys, "named.md") == ["3:KZ901", "5:KZ901"]


def test_plain_text_disable_next_line(project, capsys):
    name = write(project, "a.txt", (
        "Rally in the capital\n"
        "\n"
        "kzlint: disable-next-line KZ901\n"
        "Crowds gathered in Nur-Sultan on Tuesday, sources said.\n"
        "Police in Nur-Sultan detained 40 people.\n"
    ))
    assert lint(capsys, name) == ["4:KZ902", "5:KZ901"]


def test_plain_text_suppression_on_a_seed(project, capsys):
    lines = SEED.read_text(encoding="utf-8").split("\n")
    assert lines[40] == "undefined"
    shutil.copy(SEED, project / "seed.txt")
    (project / "rules.yaml").unlink()  # the built-in rule set
    before = lint(capsys, "seed.txt")
    assert "41:KZ101" in before
    lines.insert(40, "kzlint: disable-next-line stray-token")
    write(project, "seed.txt", "\n".join(lines))
    after = lint(capsys, "seed.txt")
    assert not [f for f in after if f.endswith(("KZ101", "KZ001"))]
    assert len(after) == len(before) - 1


def test_unused_suppressions_are_reported_as_kz001(project, capsys):
    name = write(project, "a.md", (
        "<!-- kzlint-disable-next-line KZ901 -->\n"
        "The mayor of Astana spoke on Monday.\n"
        "\n"
        "<!-- kzlint-disable-file KZ902 -->\n"
        "<!-- kzlint-disable -->\n"
        "Nothing to see.\n"
        "<!-- kzlint-enable -->\n"
    ))
    main(["--no-cache", "--fail-on", "info", name])
    out = capsys.readouterr().out.splitlines()
    assert out[:3] == [
        "a.md:1:1: info[KZ001] unused suppression: nothing reported here for KZ901 (next-line) (unused-suppression)",
        "a.md:4:1: info[KZ001] unused suppression: nothing reported here for KZ902 (file) (unused-suppression)",
        "a.md:5:1: info[KZ001] unused suppression: nothing reported here for all rules (range) (unused-suppression)",
    ]
    assert main(["--no-cache", name]) == 0  # info: reported, not failing by default
    capsys.readouterr()


def test_suppressions_of_rules_that_did_not_run_are_not_judged(project, capsys):
    name = write(project, "a.md", "<!-- kzlint-disable-next-line KZ902 -->\nCrowds in Astana, sources said.\n")
    assert lint(capsys, "--select", "KZ0,KZ901", name) == []
    assert lint(capsys, "--select", "KZ0,KZ9", name) == []  # used: it suppresses the KZ902 finding
    write(project, "b.md", "<!-- kzlint-disable-next-line KZ902 -->\nCrowds in Astana.\n")
    assert lint(capsys, "--select", "KZ0,KZ9", "b.md") == ["1:KZ001"]


UNKNOWN = "info[KZ001] unknown rule '{}' in suppression: no rule has this code, prefix or name (see 'kzlint rules')"
UNUSED = "info[KZ001] unused suppression: nothing reported here for {} (next-line)"


def test_unknown_codes_have_their_own_message_and_custom_rule_codes_are_known(project, capsys):
    name = write(project, "a.md", (
        "<!-- kzlint-disable-next-line KZ999 -->\n"  # no such rule: unknown, not 'unused'
        "Crowds in Astana.\n"
        "\n"
        "<!-- kzlint-disable-next-line KZ901 -->\n"  # a custom rule's code, suppressing nothing: unused
        "Crowds in Astana.\n"
        "\n"
        "<!-- kzlint-disable-next-line KZ902 -->\n"  # a custom rule's code, suppressing its finding
        "Crowds in Astana, sources said.\n"
        "\n"
        "<!-- kzlint-disable-next-line vague-source, stray-tokn -->\n"  # a custom rule's name; a typo
        "Crowds in Astana, sources said.\n"
        "\n"
        "<!-- kzlint-disable-next-line KZ901, KZ9O1 -->\n"  # the typo neither hides nor joins the unused report
        "Crowds in Astana.\n"
    ))
    main(["--no-cache", "--fail-on", "info", name])
    out = [line.removesuffix(" (unused-suppression)") for line in capsys.readouterr().out.splitlines()[:-1]]
    assert out == [
        f"a.md:1:1: {UNKNOWN.format('KZ999')}",
        f"a.md:4:1: {UNUSED.format('KZ901')}",
        f"a.md:10:1: {UNKNOWN.format('stray-tokn')}",
        f"a.md:13:1: {UNKNOWN.format('KZ9O1')}",
        f"a.md:13:1: {UNUSED.format('KZ901')}",
    ]
    (project / "plain").mkdir()  # a config without custom rules: there KZ902 is unknown
    (project / "plain" / "rules.yaml").write_text("select: [KZ0, KZ1]\n", encoding="utf-8")
    shutil.copy(project / name, project / "plain" / name)
    main(["--no-cache", "--fail-on", "info", f"plain/{name}"])
    assert f"plain/a.md:7:1: {UNKNOWN.format('KZ902')} (unused-suppression)" in capsys.readouterr().out


def test_a_misspelt_directive_is_reported_with_the_closest_real_one(project, capsys):
    """'kzlint-enabel' closes nothing: the range stays open to the end of the file (as written),
    and the typo is reported instead of passing in silence."""
    name = write(project, "a.md", (
        "<!-- kzlint-disable KZ101 -->\n"
        "The player was ranked number undefined in the world.\n"
        "<!-- kzlint-enabel KZ101 -->\n"
        "\n"
        "The striker, aged undefined, scored twice.\n"
        "\n"
        "kzlint: disable-nextline KZ101\n"
        "\n"
        "<!-- kzlint-frobnicate -->\n"
        "\n"
        "<!-- kzlint-disable-next-line KZ101 -- a real directive, used: the typos do not shift it -->\n"
        "The rate rose undefined.5% in May.\n"
    ))
    main(["--no-cache", "--fail-on", "info", "--select", "KZ0,KZ101", name])
    out = capsys.readouterr().out.splitlines()[:-1]
    assert out == [
        "a.md:3:1: info[KZ001] unknown kzlint directive 'enabel': it does nothing (did you mean 'enable'?) (unused-suppression)",
        "a.md:7:1: info[KZ001] unknown kzlint directive 'disable-nextline': it does nothing (did you mean "
        "'disable-next-line'?) (unused-suppression)",
        "a.md:9:1: info[KZ001] unknown kzlint directive 'frobnicate': it does nothing (the directives are "
        "disable-next-line, disable-line, disable-file, disable, enable) (unused-suppression)",
    ]


def test_a_cached_unknown_directive_without_its_text_is_still_reported():
    """Results come back from the cache as JSON data; a row planted without the directive's text
    is reported, not a crash."""
    from lint.engine.suppressions import apply

    (finding,) = apply([], [["unknown", 3, [], 3, 2, ""]], "a.md", report_unused=True)
    assert (finding.code, finding.line) == ("KZ001", 3) and "unknown kzlint directive ''" in finding.message


def test_kzlint_explain_shows_the_unknown_message(capsys):
    main(["explain", "KZ001"])
    out = capsys.readouterr().out
    assert "(unknown) unknown rule '{code}' in suppression" in out and "KZ1O1" in out


def test_directives_in_code_blocks_are_examples(project, capsys):
    name = write(project, "a.md", (
        "How to silence kzlint:\n"
        "\n"
        "```\n"
        "<!-- kzlint-disable-file -->\n"
        "```\n"
        "\n"
        "Crowds in Nur-Sultan.\n"
    ))
    assert lint(capsys, name) == ["7:KZ901"]


def test_per_file_ignores_and_exclude_in_rules_yaml(project, capsys):
    (project / "rules.yaml").write_text(
        RULES + 'exclude: ["drafts/*"]\nper-file-ignores:\n  "wire/*": [KZ902]\n  "*.md": [old-capital]\n',
        encoding="utf-8")
    for folder in ("drafts", "wire", "news"):
        (project / folder).mkdir()
        write(project, f"{folder}/a.txt", "Crowds in Nur-Sultan, sources said.\n")
    write(project, "news/b.md", "Crowds in Nur-Sultan, sources said.\n")
    main(["--no-cache", "."])
    out = capsys.readouterr().out
    assert "drafts/" not in out
    assert "wire/a.txt:1:11: warning[KZ901]" in out and "wire/a.txt:1:23" not in out
    assert "news/a.txt:1:11: warning[KZ901]" in out and "news/a.txt:1:23: warning[KZ902]" in out
    assert "news/b.md:1:11" not in out and "news/b.md:1:23: warning[KZ902]" in out


def test_per_file_ignores_and_exclude_in_pyproject(tmp_path, monkeypatch, capsys):
    (tmp_path / "pyproject.toml").write_text("""\
[project]
name = "newsroom"

[tool.kzlint]
select = ["KZ0", "KZ9"]
exclude = ["drafts/*"]
fail-on = "info"

[tool.kzlint.per-file-ignores]
"wire/*" = ["vague-source"]

[[tool.kzlint.custom-rules]]
code = "KZ902"
name = "vague-source"
message = "name the source instead of {text}"
phrases = ["sources said"]
""", encoding="utf-8")
    desk = tmp_path / "desk"
    for folder in ("drafts", "wire", "news"):
        (desk / folder).mkdir(parents=True)
        write(desk, f"{folder}/a.txt", "Crowds in the capital, sources said.\n")
    monkeypatch.chdir(desk)  # the config is discovered upward from here
    code = main(["--no-cache", "."])
    out = capsys.readouterr().out
    assert code == 1
    assert out.splitlines()[:-1] == [
        'news/a.txt:1:24: warning[KZ902] name the source instead of sources said ("sources said") (vague-source)'
    ]


# -- the typed entries -------------------------------------------------------------------------


def test_directives_are_typed_entries_that_survive_a_json_round_trip():
    import json

    from lint.api import finish, lint_document
    from lint.core.document import Document
    from lint.engine.suppressions import Suppression, apply, parse, records

    text = ("Intro line.\n<!-- kzlint-disable KZ104 -->\nfromSergey said\n<!-- kzlint-enable KZ104 -->\n"
            "<!-- kzlint-disable-next-line KZ301 -- quoted -->\n\nLast line.\n")
    doc = Document("a.md", text)
    entries = parse(doc)
    assert [(e.kind, e.line, e.codes, e.first, e.last) for e in entries] == [
        ("range", 2, ["KZ104"], 2, 4), ("next-line", 5, ["KZ301"], 7, 7)]
    assert entries[1].text == "<!-- kzlint-disable-next-line KZ301 -- quoted -->"
    stored = json.loads(json.dumps(records(doc)))
    assert stored == records(doc) and [Suppression(*entry) for entry in stored] == entries
    findings, claims = lint_document(text, "a.md")
    assert json.loads(json.dumps(claims)) == claims
    kept = finish(findings, [json.loads(json.dumps(claims))])
    assert [(f.code, f.line) for f in kept if f.code in ("KZ001", "KZ104")] == [("KZ001", 5)]  # range used, next-line not
    assert apply(findings, entries, "a.md", report_unused=True) == apply(findings, stored, "a.md", report_unused=True)
    old_cache_entry = ["file", 1, [], 1, 7]  # written before entries carried their text
    assert apply([], [old_cache_entry], "a.md", report_unused=True)[0].snippet == "file all rules"
