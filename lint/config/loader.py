"""Load rules.yaml (or [tool.kzlint]) into pydantic models, with errors that name file and line.

A user's file is merged over the built-in default (the rules.yaml shipped in this
package): mappings merge key by key, anything else (lists included) replaces the default.
"""

from __future__ import annotations

import functools
import os
import tomllib
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from lint.config.schema import BUILTIN_SOURCE, Config, kebab
from lint.core.document import NoDuplicateKeys
from lint.core.project import inside, project_root

CONFIG_NAMES = (".kzlint.yaml", "rules.yaml", "pyproject.toml")  # precedence within one folder
MAX_CONFIG_BYTES = 1_000_000


class ConfigError(Exception):
    """A config problem, already phrased as `file:line: message`."""


# -- loading -------------------------------------------------------------------------------------


def default_text() -> str:
    return resources.files("lint.config").joinpath("rules.yaml").read_text(encoding="utf-8")


def discover(start: Path) -> Path | None:
    """The closest kzlint config at or above `start` (a folder): in each folder, `.kzlint.yaml`,
    else `rules.yaml` if it is a kzlint config, else `pyproject.toml` with a [tool.kzlint] table.

    A `rules.yaml` with no kzlint setting at its top level (another tool's file: "groups:",
    "rules: - name: ...") is passed over, as is a pyproject.toml without [tool.kzlint]; one
    with at least one kzlint setting is kzlint's, and its unknown keys are errors.
    """
    start = start.resolve()
    for folder in (start, *start.parents):
        found = config_in(folder)
        if found is not None:
            return found
    return None


def config_in(folder: Path) -> Path | None:
    """The kzlint config of this one folder, if it has one (see `discover`)."""
    for name in CONFIG_NAMES:
        candidate = folder / name
        if not candidate.is_file():
            continue
        if name == "pyproject.toml":
            if _has_tool_kzlint(candidate):
                return candidate
        elif name == ".kzlint.yaml" or _is_kzlint_yaml(candidate):
            return candidate
    return None


def passed_over(start: Path) -> list[Path]:
    """The files named like a config between `start` and the config `discover` finds that are
    not kzlint's (shown by `kzlint config`, so that nobody wonders why they do not count)."""
    found = discover(start)
    skipped = []
    for folder in (start.resolve(), *start.resolve().parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate == found:
                return skipped
            if candidate.is_file():
                skipped.append(candidate)
    return skipped


def _is_kzlint_yaml(path: Path) -> bool:
    """Whether a rules.yaml is a kzlint config: anything but a mapping none of whose top-level
    keys is kzlint's (that is another tool's file: "groups: ..."). Only composed (no values built, aliases refused): a file that does
    not parse counts, so that its error is shown."""
    try:
        if path.stat().st_size > MAX_CONFIG_BYTES:
            return True
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=_SafeNoAliasLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError, RecursionError):
        return True
    if not isinstance(node, yaml.MappingNode):  # empty, a string, a list: kzlint's, and wrong (say so)
        return True
    keys = _top_level_keys()
    return any(isinstance(key, yaml.ScalarNode) and key.value in keys for key, _ in node.value)


@functools.lru_cache(maxsize=1)
def _top_level_keys() -> frozenset[str]:
    return frozenset(kebab(name) for name in Config.model_fields if name != "source")


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
    config = _validate(merge(base, user), lines, str(path))
    config._user = user
    _check_inside(config, path, lines)
    return config


def _check_inside(config: Config, path: Path, lines: dict[tuple, int]) -> None:
    """`corpus:` and `cache-dir:` must stay inside the project of the config file (its git work
    tree, else its folder): a hostile `corpus: /` made a one-file run walk the whole filesystem,
    and a `cache-dir` elsewhere had kzlint write there. (KZLINT_CACHE_DIR, set by the user, may
    point anywhere.)"""
    folder = path.resolve().parent
    project = os.path.realpath(project_root(folder, folder))
    for key, value in (("corpus", config.corpus), ("cache-dir", config.cache_dir)):
        if value and not inside(os.path.realpath(folder / value), (project,)):
            raise ConfigError(f"{path}:{_line(lines, (key,))}: {key}: {value!r} is outside the project ({project}); "
                              "kzlint reads and writes inside it only")


def _validate(data: dict, lines: dict[tuple, int], source: str) -> Config:
    """The schema check. Rule options (`rules:`) are checked by the rules layer, which knows the
    rules: lint.rules.registry.check_settings, called by every entry point before rules are built."""
    try:
        config = Config.model_validate({**data, "source": source})
    except ValidationError as exc:
        raise ConfigError(describe(exc, lines, source, ())) from None
    config._lines = lines
    return config


def locate(config: Config, loc: Iterable) -> int:
    """The line of `loc` (a key path such as ('rules', 'KZ104')) in the file `config` was loaded from."""
    return _line(config._lines, loc)


def describe(exc: ValidationError, lines: dict, source: str, prefix: tuple) -> str:
    """A pydantic error as `file:line: key: message`."""
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


def merge(base: Any, override: Any) -> Any:
    """`override` over `base`: mappings merge key by key, anything else (lists too) replaces."""
    if isinstance(base, dict) and isinstance(override, dict):
        merged = dict(base)
        for key, value in override.items():
            merged[key] = merge(base.get(key), value) if key in base else value
        return merged
    return override


class _SafeNoAliasLoader(NoDuplicateKeys, yaml.SafeLoader):
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


