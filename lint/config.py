"""Load rules.yaml (or [tool.kzlint]) into pydantic models, with errors that name file and line.

A user's file is merged over the built-in default (the rules.yaml shipped in this
package): mappings merge key by key, anything else (lists included) replaces the default.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from lint.findings import Severity
from lint.rules import Rule, all_rules

CONFIG_NAMES = ("rules.yaml", ".kzlint.yaml")
BUILTIN_SOURCE = "<built-in rules.yaml>"
MAX_CONFIG_BYTES = 1_000_000


class ConfigError(Exception):
    """A config problem, already phrased as `file:line: message`."""


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class Section(BaseModel):
    """Base for config sections: kebab-case keys, unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True, alias_generator=_kebab, populate_by_name=True)


class RuleSettings(Section):
    enabled: bool | None = None
    severity: Severity | None = None


class CustomRule(Section):
    """A Vale-style existence/substitution rule written in rules.yaml."""

    code: str = Field(pattern=r"^KZ9\d\d$")
    name: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    message: str
    severity: Severity = Severity.WARNING
    patterns: list[str] = []  # regular expressions (RE2 syntax: linear time)
    phrases: list[str] = []  # literal phrases, whole words, case-insensitive
    swap: dict[str, str] = {}  # phrase -> preferred replacement
    explanation: str = ""


# Imported here, after Section, because it subclasses Section (no import cycle).
from lint.language_settings import GrammarSettings, LanguageToolSettings  # noqa: E402


class Config(Section):
    include: list[str] = ["*.md", "*.markdown", "*.txt"]
    exclude: list[str] = []
    corpus: str | None = None
    fail_on: Severity = Severity.WARNING
    max_file_size: int = Field(5_000_000, gt=0)
    cache_dir: str = ".kzlint_cache"
    select: list[str] = []
    extend_select: list[str] = []
    ignore: list[str] = []
    per_file_ignores: dict[str, list[str]] = {}
    rules: dict[str, dict[str, Any]] = {}
    custom_rules: list[CustomRule] = []

    # Shared settings that several rules read (each owned by the module named beside it).
    lexicon: lint.lexicon.Lexicon = Field(default_factory=lambda: lint.lexicon.Lexicon())  # lint/lexicon.py: event measures, attribution cues, quantities (KZ3, KZ5)
    sources: lint.rules.sources.Sources = Field(default_factory=lambda: lint.rules.sources.Sources())  # lint/rules/sources.py: domain tiers, social domains (KZ4)
    names: lint.names.Names = Field(default_factory=lambda: lint.names.Names())  # lint/names.py: preferred spellings, renamings, gazetteer (KZ5)
    languagetool: LanguageToolSettings = LanguageToolSettings()  # lint/language_settings.py: LanguageTool backend (KZ201)
    grammar: GrammarSettings = GrammarSettings()  # lint/language_settings.py: grammar backend choice (KZ201)

    source: str = Field("<built-in>", exclude=True)  # where it was loaded from

    @property
    def from_file(self) -> bool:
        """Whether a config file (not the built-in default) was loaded."""
        return self.source != BUILTIN_SOURCE

    def rule_settings(self, rule: type[Rule]) -> dict[str, Any]:
        return {**self.rules.get(rule.code, {}), **self.rules.get(rule.name, {})}


# -- loading -------------------------------------------------------------------------------------


def default_text() -> str:
    return resources.files("lint").joinpath("rules.yaml").read_text(encoding="utf-8")


def discover(start: Path) -> Path | None:
    """The nearest rules.yaml, .kzlint.yaml or pyproject.toml with [tool.kzlint], upward from start."""
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            if (folder / name).is_file():
                return folder / name
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _has_tool_kzlint(pyproject):
            return pyproject
    return None


@functools.lru_cache(maxsize=1)
def _builtin() -> dict:
    """The shipped rules.yaml as data: known to be valid, so parsed by libyaml when it is there
    (8x faster than the line-tracking parser users' files need: start-up time of every run)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(default_text(), Loader=loader)


def load(path: Path | None) -> Config:
    """Load the config at `path` (None: the built-in default) merged over the default."""
    base = _builtin()
    if path is None:
        return _validate(base, {}, BUILTIN_SOURCE)
    try:
        size = path.stat().st_size
        if size > MAX_CONFIG_BYTES:
            raise ConfigError(f"{path}:1: config file too large ({size:,} bytes; limit {MAX_CONFIG_BYTES:,})")
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ConfigError(f"{path}:1: config file is not valid UTF-8") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror or exc}") from None
    if path.suffix == ".toml":
        user, lines = _parse_toml(text, str(path))
    else:
        user, lines = _parse_yaml(text, str(path))
    if not isinstance(user, dict):
        raise ConfigError(f"{path}:1: config must be a mapping of settings, not {type(user).__name__}")
    return _validate(_merge(base, user), lines, str(path))


def _validate(data: dict, lines: dict[tuple, int], source: str) -> Config:
    try:
        config = Config.model_validate({**data, "source": source})
    except ValidationError as exc:
        raise ConfigError(_describe(exc, lines, source, ())) from None
    known = all_rules()
    by_name = {rule.name: rule for rule in known.values()}
    for key, settings in config.rules.items():
        rule = known.get(key) or by_name.get(key)
        if rule is None:
            raise ConfigError(f"{source}:{_line(lines, ('rules', key))}: rules: unknown rule '{key}'")
        _rule_options(rule, settings, lines, source, key)
    customs = {c.code for c in config.custom_rules}
    if clash := customs & set(known):
        raise ConfigError(f"{source}:{_line(lines, ('custom-rules',))}: custom rule code {sorted(clash)[0]} is taken")
    return config


def _rule_options(rule: type[Rule], settings: Any, lines: dict, source: str, key: str):
    if not isinstance(settings, dict):
        raise ConfigError(f"{source}:{_line(lines, ('rules', key))}: rules.{key}: expected a mapping")
    generic = {k: v for k, v in settings.items() if k in ("enabled", "severity")}
    specific = {k: v for k, v in settings.items() if k not in generic}
    try:
        RuleSettings.model_validate(generic)
        return rule.Options.model_validate(specific)
    except ValidationError as exc:
        raise ConfigError(_describe(exc, lines, source, ("rules", key))) from None


def rule_options(config: Config, rule: type[Rule]):
    """The validated Options and configured severity/enabled state for one rule."""
    merged = config.rule_settings(rule)
    settings = RuleSettings.model_validate({k: v for k, v in merged.items() if k in ("enabled", "severity")})
    options = rule.Options.model_validate({k: v for k, v in merged.items() if k not in ("enabled", "severity")})
    return options, settings


def _describe(exc: ValidationError, lines: dict, source: str, prefix: tuple) -> str:
    error = exc.errors()[0]
    loc = prefix + tuple(error["loc"])
    key = ".".join(str(part) for part in loc if part != "source") or "(top level)"
    message = error["msg"]
    if error["type"] == "extra_forbidden":
        message = f"unknown key '{loc[-1]}'"
    return f"{source}:{_line(lines, loc)}: {key}: {message}"


def _line(lines: dict[tuple, int], loc: Iterable) -> int:
    loc = tuple(loc)
    while loc:
        for variant in (loc, tuple(str(p).replace("_", "-") if isinstance(p, str) else p for p in loc)):
            if variant in lines:
                return lines[variant]
        loc = loc[:-1]
    return 1


def _merge(base: Any, override: Any) -> Any:
    if isinstance(base, dict) and isinstance(override, dict):
        merged = dict(base)
        for key, value in override.items():
            merged[key] = _merge(base.get(key), value) if key in base else value
        return merged
    return override


class _SafeNoAliasLoader(yaml.SafeLoader):
    """Safe YAML (no Python tags) that also refuses anchors and aliases (no expansion bombs)."""

    def compose_node(self, parent, index):  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise yaml.MarkedYAMLError(None, None, "anchors and aliases are not allowed in kzlint config", mark)
        return super().compose_node(parent, index)

    def construct_object(self, node, deep=False):  # type: ignore[override]
        try:
            return super().construct_object(node, deep)
        except (ValueError, LookupError, TypeError, ArithmeticError) as exc:  # a scalar PyYAML cannot convert: 2020-13-45
            raise yaml.MarkedYAMLError(None, None, f"bad value ({exc})", node.start_mark) from None


def _parse_yaml(text: str, source: str) -> tuple[Any, dict[tuple, int]]:
    loader = None
    try:  # parsed once: the node tree gives line numbers, the same tree gives the data
        loader = _SafeNoAliasLoader(text)  # checks every character: may raise already
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise ConfigError(f"{source}:{line}: invalid YAML: {exc.problem or exc.context}") from None
    except yaml.reader.ReaderError as exc:  # a control character: not marked, but its position is known
        line = text.count("\n", 0, max(0, exc.position)) + 1
        raise ConfigError(f"{source}:{line}: invalid YAML: unacceptable character #x{exc.character:04x}") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{source}:1: invalid YAML: {' '.join(str(exc).split())}") from None
    except RecursionError:
        raise ConfigError(f"{source}:1: invalid YAML: nested too deeply") from None
    finally:
        if loader is not None:
            loader.dispose()
    lines: dict[tuple, int] = {}
    if node is not None:
        _record_lines(node, (), lines)
    return (data if data is not None else {}), lines


def _record_lines(node: yaml.Node, path: tuple, lines: dict[tuple, int]) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = path + (key.value,)
            lines[child] = key.start_mark.line + 1
            _record_lines(value, child, lines)
            lines[child] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(item, path + (index,), lines)


def _has_tool_kzlint(path: Path) -> bool:
    try:
        return "kzlint" in tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False


def _parse_toml(text: str, source: str) -> tuple[Any, dict[tuple, int]]:
    try:
        data = tomllib.loads(text).get("tool", {}).get("kzlint", {})
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{source}:{getattr(exc, 'lineno', 1) or 1}: invalid TOML: {exc}") from None
    line = next((i for i, raw in enumerate(text.splitlines(), 1) if raw.strip() == "[tool.kzlint]"), 1)
    return data, {(): line}



# Section models that subclass Section, imported last and named by dotted path above, so that
# importing either module first works (pydantic resolves the annotations on first use).
import lint.lexicon  # noqa: E402
import lint.rules.sources  # noqa: E402
import lint.names  # noqa: E402
