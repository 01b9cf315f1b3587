"""Hostile configuration: Python tags, alias bombs, wrong types, unknown keys, broken YAML; and
custom-rule patterns that would backtrack forever or that RE2 refuses.

A bad config is the user's to fix: exit 2, one line on stderr, `file:line: what`, nothing on stdout.
"""

from __future__ import annotations

import pytest
from hostile_helpers import exit_code_matches, record

ARTICLE = "Protests spread\n\nPolice said on Friday that the protests in Nur-Sultan had spread.\n"

BILLION_LAUGHS = "\n".join(
    ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},"
       f"*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]" for i in range(8)]
) + "\n"

# (case id, config text, line the error must name, words the message must contain)
BAD_CONFIGS = [
    ("python object/apply", "fail-on: warning\nx: !!python/object/apply:os.system ['touch pwned']\n", 2,
     "python/object/apply"),
    ("python name", "include: !!python/name:os.system\n", 1, "python/name"),
    ("python object/new", "exclude:\n  - !!python/object/new:subprocess.Popen [['touch', 'pwned']]\n", 2,
     "python/object/new"),
    ("billion laughs", BILLION_LAUGHS, 2, "anchors and aliases are not allowed"),
    ("alias in rules", "rules:\n  base: &base {enabled: false}\n  invalid-front-matter: *base\n", 3, "aliases"),
    ("deep nesting", "x: " + "[" * 2000 + "]" * 2000 + "\n", 1, "nested too deeply"),
    ("impossible date", "fail-on: warning\nexclude: 2020-13-45\n", 2, "bad value"),
    ("5,000-digit integer", "max-file-size: 1" + "0" * 5000 + "\n", 1, "bad value"),
    ("unknown !!bool", "select: !!bool maybe\n", 1, "bad value"),
    ("broken flow list", "include: [\"*.md\",\nexclude: []\n", 3, "invalid YAML"),
    ("tab indentation", "rules:\n\tinvalid-front-matter: {}\n", 2, "invalid YAML"),
    ("NUL byte", "include: ['*.md']\x00\n", 1, "invalid YAML"),
    ("wrong type: int", "# house settings\nmax-file-size: ten\n", 2, "max-file-size"),
    ("wrong type: negative", "max-file-size: -5\n", 1, "greater than 0"),
    ("wrong type: list", "include: 5\n", 1, "valid list"),
    ("wrong type: enum", "\n\nfail-on: fatal\n", 3, "fail-on"),
    ("wrong type: rules", "rules: [1, 2]\n", 1, "rules"),
    ("wrong type: rule settings", "rules:\n  invalid-front-matter: yes\n", 2, "rules.invalid-front-matter"),
    ("wrong type: severity", "rules:\n  invalid-front-matter:\n    severity: catastrophic\n", 3, "severity"),
    ("unknown top-level key", "include: ['*.md']\n\ncolour: red\n", 3, "unknown key 'colour'"),
    ("unknown rule", "rules:\n  invalid-front-matter: {}\n  no-such-rule: {}\n", 3, "unknown rule 'no-such-rule'"),
    ("unknown rule option", "rules:\n  invalid-front-matter:\n    enabled: true\n    sharpness: 3\n", 4,
     "unknown key 'sharpness'"),
    ("unknown custom-rule key", "custom-rules:\n  - code: KZ990\n    name: house\n    message: m\n    regex: x\n", 5,
     "unknown key 'regex'"),
    ("custom rule code taken", "custom-rules:\n  - {code: KZ002, name: house, message: m}\n", 2, "KZ9"),
    ("config is a list", "- include\n- exclude\n", 1, "must be a mapping"),
    ("config is a string", "just some words\n", 1, "must be a mapping"),
]


def folder_with(tmp_path, config: str | bytes, name: str = "rules.yaml"):
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    target = tmp_path / name
    target.write_bytes(config if isinstance(config, bytes) else config.encode("utf-8"))
    return tmp_path


def assert_config_error(run, file: str, line: int, words: str) -> None:
    assert run.code == 2 and run.out == "", (run.code, run.out)
    assert run.err.count("\n") == 1, run.err
    assert run.err.startswith(f"kzlint: error: {file}:{line}: "), run.err
    assert words in run.err, run.err


@pytest.mark.parametrize(("config", "line", "words"), [c[1:] for c in BAD_CONFIGS], ids=[c[0] for c in BAD_CONFIGS])
def test_bad_config_is_one_line_naming_file_and_line(kz, tmp_path, config, line, words):
    folder = folder_with(tmp_path, config)
    run = kz("a.txt", cwd=folder)
    assert_config_error(run, str(folder / "rules.yaml"), line, words)
    assert not (folder / "pwned").exists()


def test_python_tags_and_alias_bombs_are_refused_quickly(kz, tmp_path):
    for name, config in (("python tag", BAD_CONFIGS[0][1]), ("billion laughs", BILLION_LAUGHS)):
        folder = folder_with(tmp_path / name.replace(" ", "-"), config)
        run = kz("a.txt", cwd=folder)
        record(f"config: {name}", run, "exit 2, file:line")
        assert run.seconds < 2 and run.code == 2


def test_config_given_with_an_explicit_flag(kz, tmp_path):
    folder = folder_with(tmp_path, "colour: red\n", name="house.yaml")
    (folder / "rules.yaml").write_text("custom-rules: []\n", encoding="utf-8")
    assert_config_error(kz("--config", "house.yaml", "a.txt", cwd=folder), "house.yaml", 1, "unknown key 'colour'")
    missing = kz("--config", "nowhere.yaml", "a.txt", cwd=folder)
    assert missing.code == 2 and missing.err == "kzlint: error: --config nowhere.yaml: no such file\n"
    directory = kz("--config", ".", "a.txt", cwd=folder)
    assert directory.code == 2 and directory.err.count("\n") == 1


def test_config_too_large_or_not_utf8(kz, tmp_path):
    big = folder_with(tmp_path / "big", "exclude: []\n" + "# padding\n" * 200_000)
    run = kz("a.txt", cwd=big)
    assert_config_error(run, str(big / "rules.yaml"), 1, "too large")
    latin = folder_with(tmp_path / "latin", "# Café\nexclude: []\n".encode("latin-1"))
    assert_config_error(kz("a.txt", cwd=latin), str(latin / "rules.yaml"), 1, "not valid UTF-8")


def test_pyproject_with_a_wrong_type(kz, tmp_path):
    folder = folder_with(tmp_path, '[project]\nname = "news"\n\n[tool.kzlint]\nmax-file-size = "big"\n',
                         name="pyproject.toml")
    run = kz("a.txt", cwd=folder)
    assert run.code == 2 and run.out == "" and run.err.count("\n") == 1
    assert run.err.startswith(f"kzlint: error: {folder / 'pyproject.toml'}:") and "max-file-size" in run.err


@pytest.mark.parametrize("config", ["\ufeffexclude: []\n", "exclude: []\r\nfail-on: error\r\n", "", "# only a comment\n"],
                         ids=["utf-8 bom", "crlf", "empty", "comment only"])
def test_harmless_config_oddities_are_accepted(kz, tmp_path, config):
    run = kz("a.txt", cwd=folder_with(tmp_path, config))
    assert "error" not in run.err
    if "fail-on: error" in config:
        assert run.code == (1 if [f for f in run.findings() if ": error[" in f] else 0)
    else:
        exit_code_matches(run)


# -- custom-rule patterns -----------------------------------------------------------------------

CUSTOM = """\
custom-rules:
  - code: KZ990
    name: runaway
    message: "pattern {text}"
    severity: warning
    patterns:
      - '(a+)+$'
      - '(x+x+)+y'
      - '(\\w+)\\s\\1'
      - '(?<=in )Nur'
      - 'a{1001}'
      - '[unclosed'
      - 'Nur-Sult(an|on)'
"""


def test_backtracking_patterns_run_in_linear_time_and_refused_ones_are_named(kz_process, tmp_path):
    text = "Headline\n\n" + "a" * 200_000 + "!\n\n" + "x" * 100_000 + "\n\nThe talks in Nur-Sultan went on.\n"
    folder = folder_with(tmp_path, CUSTOM)
    (folder / "a.txt").write_text(text, encoding="utf-8")
    run = kz_process("--select", "KZ990", "a.txt", cwd=folder, timeout=60)
    record("config: (a+)+$ and (x+x+)+y on 300 KB", run, "linear (RE2); 4 patterns refused")
    assert run.findings() == ['a.txt:7:14: warning[KZ990] pattern Nur-Sultan ("Nur-Sultan") (runaway)'], run.out
    refused = [line for line in run.err.splitlines() if "refused" in line]
    assert len(refused) == 4, run.err
    for pattern in ("(\\\\w+)\\\\s\\\\1", "(?<=in )Nur", "a{1001}", "[unclosed"):
        assert [line for line in refused if pattern in line], (pattern, refused)
    assert all(line.startswith("kzlint: custom rule KZ990: pattern ") for line in refused)
    assert run.seconds < 15 and run.code == 1


def test_ten_thousand_phrases_compile_or_are_refused_without_a_crash(kz, tmp_path):
    phrases = ", ".join(f'"phrase number {i}"' for i in range(10_000))
    config = f"custom-rules:\n  - code: KZ990\n    name: many\n    message: m\n    phrases: [{phrases}, \"Nur-Sultan\"]\n"
    folder = folder_with(tmp_path, config)
    run = kz("--select", "KZ990", "a.txt", cwd=folder)
    record("config: custom rule with 10,000 phrases", run, "compiled" if run.findings() else "refused, named")
    assert run.findings() == ['a.txt:3:44: warning[KZ990] m ("Nur-Sultan") (many)'] or "refused" in run.err
