"""`kzlint config [PATH]` (and `kzlint --show-settings`): the configuration in effect for a path
and where each value comes from, like Vale's `ls-config` and ruff's `--show-settings`.

Every setting is shown as a dotted key with its value and its origin: `file:line` when the
config file found for PATH sets it, or a file it extends (`extend:`; each file is merged over the
one it extends and the last over the built-in defaults: a mapping key by key, anything else
whole), else "built-in default". A rule's options are shown one by
one, with the default its Options model gives when the config leaves it unset. Files named like a config that
were passed over on the way up (another tool's rules.yaml) are listed too.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from lint.cli.common import Parser
from lint.config import BUILTIN_SOURCE, Config, discover, load
from lint.config.loader import passed_over, where
from lint.engine.discovery import UsageError
from lint.rules.registry import all_rules

LONG = 100  # text output shortens values longer than this (JSON shows everything)


def config_command(args: list[str]) -> int:
    parser = Parser(prog="kzlint config", description="Show the configuration that applies to PATH (default: .) "
                     "and where each value comes from: the closest kzlint config above PATH, merged over the "
                     "built-in defaults.")
    parser.add_argument("path", nargs="?", default=".", help="a file or folder (default: .)")
    parser.add_argument("--config", metavar="FILE", help="show this config file instead of the one found")
    parser.add_argument("--format", choices=["text", "json"], default="text")
    options = parser.parse_args(args)
    print(show_settings(Path(options.path), options.config, fmt=options.format), end="")
    return 0


def resolved(target: Path, config_file: str | None) -> tuple[Path | None, Config, list[Path]]:
    """(config file or None, the merged config, config-named files passed over) for `target`."""
    if config_file:
        file = Path(config_file)
        if not file.is_file():
            raise UsageError(f"--config {config_file}: no such file")
        return file.resolve(), load(file), []
    start = target if target.is_dir() else target.parent
    found = discover(start)
    return found, load(found), passed_over(start)


def settings(config: Config) -> list[tuple[str, Any, str]]:
    """(dotted key, value, origin) of every setting, in the schema's order."""
    data = config.model_dump(mode="json", by_alias=True, exclude={"source"})
    data["rules"] = with_option_defaults(data.get("rules", {}))
    user = getattr(config, "_user", {}) or {}
    rows: list[tuple[str, Any, str]] = []

    def walk(value: Any, path: tuple, given: Any) -> None:
        if isinstance(value, dict) and value and isinstance(given, dict):
            for key, item in value.items():
                walk(item, path + (key,), given.get(key, _ABSENT))
            return
        if isinstance(value, dict) and value and given is _ABSENT:
            for key, item in value.items():
                walk(item, path + (key,), _ABSENT)
            return
        origin = BUILTIN_SOURCE if given is _ABSENT else where(config, path)
        rows.append((".".join(str(p) for p in path), value, origin))

    for key, value in data.items():
        walk(value, (key,), user.get(key, _ABSENT) if isinstance(user, dict) else _ABSENT)
    return rows


def with_option_defaults(rules: dict[str, Any]) -> dict[str, Any]:
    """`rules:` with every built-in rule's options filled in from its defaults (what the rule
    runs with), the config's own values over them; a key the config names (code or name) keeps it."""
    by_key = {key: rule for code, rule in all_rules().items() for key in (code, rule.name)}
    out = {}
    for key, given in rules.items():
        rule = by_key.get(key)
        if rule is None or not isinstance(given, dict):
            out[key] = given
            continue
        defaults = json.loads(json.dumps(rule.option_defaults(), default=str))  # as JSON shows them
        out[key] = {**defaults, **given}
    return out


class _Absent:
    def __repr__(self) -> str:
        return "absent"


_ABSENT = _Absent()


def show_settings(target: Path, config_file: str | None, fmt: str = "text") -> str:
    found, config, skipped = resolved(target, config_file)
    rows = settings(config)
    if fmt == "json":
        return json.dumps({
            "path": str(target),
            "config-file": str(found) if found else None,
            "extends": list(config.files[1:]),
            "passed-over": [str(p) for p in skipped],
            "settings": [{"key": key, "value": value, "origin": origin} for key, value, origin in rows],
        }, indent=2, ensure_ascii=False) + "\n"
    out = [f"# kzlint configuration for {target}",
           f"# config file: {found}" if found else "# config file: none found above it: built-in defaults",
           *(f"#   which extends {file}" for file in config.files[1:]),
           "# precedence: --config FILE; else the closest folder at or above the path holding .kzlint.yaml,",
           "#   rules.yaml (a kzlint one) or pyproject.toml [tool.kzlint], in that order; merged over the defaults"]
    out += [f"# passed over (not a kzlint config): {p}" for p in skipped]
    width = max((len(key) for key, _, _ in rows), default=0)
    for key, value, origin in rows:
        shown = json.dumps(value, ensure_ascii=False)
        if len(shown) > LONG:
            count = f" ({len(value)} items)" if isinstance(value, (list, dict)) else ""
            shown = shown[:LONG - 1] + "…" + count
        out.append(f"{key.ljust(width)} = {shown}    # {origin}")
    return "\n".join(out) + "\n"
