"""Vale, the reference prose linter, side by side with kzlint (issue 18).

Vale is built from the Go module proxy into the benchmark's work dir, never installed for users:

    go install github.com/vale-cli/vale/v3/cmd/vale@v3.22.0

(the module moved from github.com/errata-ai/vale to github.com/vale-cli/vale; v3.22.0 is the
newest release whose dependencies the proxy serves on this machine: v3.24 to v3.26 need a
cascadia pseudo-version it refuses.) Its style, `KZ`, is generated here from kzlint's own KZ1
phrase defaults, one Vale rule per kzlint artifact rule: existence rules for the phrase,
line, prefix, tag and token lists, and for the patterns Go's regexp2 reads the same way,
plus Vale's repetition check for duplicated words. It is the comparable part: Vale has no
furniture model, no corpus rules, no claims or sources, so it checks far less than kzlint.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

VALE_MODULE = "github.com/vale-cli/vale/v3/cmd/vale"
VALE_VERSION = "v3.22.0"


def vale_command(workdir: Path) -> list[str] | None:
    """The pinned Vale binary under workdir, built with `go install` on first use; None when impossible."""
    binary = workdir / "vale-bin" / "vale"
    if not binary.exists():
        if shutil.which("go") is None:
            print("skipping Vale: no Go toolchain on PATH", flush=True)
            return None
        print(f"building Vale {VALE_VERSION} with go install into {binary.parent} ...", flush=True)
        env = {**os.environ, "GOBIN": str(binary.parent)}
        built = subprocess.run(["go", "install", f"{VALE_MODULE}@{VALE_VERSION}"], env=env,
                               capture_output=True, text=True, timeout=1800)
        if built.returncode != 0 or not binary.exists():
            print(f"skipping Vale: go install failed:\n{built.stderr[-1500:]}", flush=True)
            return None
    return [str(binary)]


def _literal(phrase: str) -> str:
    """A phrase as a Vale token: regex-escaped, a space matching any run of blanks."""
    return r"\s+".join(re.escape(word) for word in phrase.split())


def _go_compatible(pattern: str) -> bool:
    """Patterns regexp2 reads like Python's re (no named groups, no \\Z, no inline flags mid-pattern)."""
    return not re.search(r"\(\?P<|\\Z|\\A|\(\?[aiLmsux]+\)", pattern)


def _unanchored(pattern: str) -> str:
    """A line pattern as a token found anywhere: without its anchors and without the optional group it
    opens with ("[ \\t]*(?:a poster's label)?" before a time stamp), which an unanchored search makes
    redundant (X?Y matches where Y does) and a backtracking engine (Vale's regexp2) would try at every
    character of a line: the same lines, found in linear time."""
    pattern = pattern.lstrip("^").rstrip("$")
    while True:
        lead = re.match(r"(?:\[ \\t\]\*)?\(\?:", pattern)
        if lead is None:
            return pattern
        depth, at = 0, lead.end() - 3
        for at in range(lead.end() - 3, len(pattern)):
            if pattern[at] == "\\":
                continue
            depth += {"(": 1, ")": -1}.get(pattern[at], 0) if pattern[at - 1:at] != "\\" else 0
            if depth == 0:
                break
        if pattern[at + 1:at + 2] != "?":
            return pattern
        pattern = pattern[at + 2:]


def kzlint_phrase_rules() -> dict[str, dict]:
    """One Vale rule per kzlint KZ1 rule, from the rules' default options (the same lists kzlint uses)."""
    from lint.rules.registry import all_rules

    options = {rule.name: rule.option_defaults() for code, rule in all_rules().items() if code.startswith("KZ1")}
    stray, furniture = options["stray-token"], options["boilerplate"]
    glued, markup, filler, embeds = options["glued-words"], options["markup-residue"], options["filler"], options["social-embed"]
    fill = re.escape(filler["characters"])
    return {
        "StrayToken": {"tokens": [_literal(t) for t in stray["lines"]] +
                       [p for p in stray["patterns"] if _go_compatible(p)]},
        "Boilerplate": {"tokens": [_literal(t) for t in furniture["lines"] + furniture["phrases"]] +
                        [_literal(p) + r"\s*:" for p in furniture["prefixes"]] +
                        [_unanchored(p) for p in furniture["patterns"] if _go_compatible(p)]},
        "GluedWords": {"tokens": [rf"\b{re.escape(word)}[A-Z][a-z]+" for word in glued["joiners"]], "ignorecase": False},
        "MarkupResidue": {"tokens": [rf"</?{re.escape(tag)}\b[^>]*>" for tag in markup["tags"]] +
                          [p for p in markup["patterns"] if _go_compatible(p)]},
        "Mojibake": {"tokens": [r"Ã[\x80-\xbf¡-¿]", r"â€[™œ˜”“]", r"Â[ ¡-¿]", "\ufffd"], "ignorecase": False},
        "Filler": {"tokens": [rf"[{fill}]{{{filler['min-length']},}}"]},
        "SocialEmbed": {"tokens": [p for p in embeds["inline-patterns"] + embeds["line-patterns"] if _go_compatible(p)],
                        "ignorecase": False},
    }


def write_style(workdir: Path) -> tuple[Path, int, int]:
    """The .vale.ini and KZ style for the benchmark; (ini path, rules, tokens)."""
    root = workdir / "vale-style"
    shutil.rmtree(root, ignore_errors=True)
    style = root / "styles" / "KZ"
    style.mkdir(parents=True)
    rules = kzlint_phrase_rules()
    tokens = 0
    for name, rule in rules.items():
        lines = ["extends: existence", f"message: \"{name}: '%s'\"", "level: warning",
                 f"ignorecase: {'false' if rule.get('ignorecase') is False else 'true'}", "nonword: true", "tokens:"]
        lines += [f"  - '{token.replace(chr(39), chr(39) * 2)}'" for token in rule["tokens"]]
        (style / f"{name}.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        tokens += len(rule["tokens"])
    (style / "Repetition.yml").write_text(
        "extends: repetition\nmessage: \"'%s' is repeated\"\nlevel: warning\nalpha: true\ntokens:\n  - '[^\\s]+'\n",
        encoding="utf-8")
    ini = root / ".vale.ini"
    ini.write_text(f"StylesPath = {root / 'styles'}\nMinAlertLevel = suggestion\n\n"
                   "[*.{md,txt}]\nBasedOnStyles = KZ\n", encoding="utf-8")
    return ini, len(rules) + 1, tokens + 1
