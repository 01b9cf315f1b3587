"""Load rules.yaml (or [tool.kzlint]) into pydantic models, with errors that name file and line.

A user's file is merged over the built-in default (the rules.yaml shipped in this
package): mappings merge key by key, anything else (lists included) replaces the default.
A file may `extend: PATH` another config file (relative to itself; chains allowed, like ruff's
`extend`): its own settings are merged over that file's in the same way, and every key keeps
the file and line that set it (`where`: errors and `kzlint config` name the right file).
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
MAX_EXTEND_DEPTH = 32  # files in one `extend` chain (a generated chain of thousands must not recurse)
PATH_KEYS = ("corpus", "cache-dir", "cache_dir")  # relative to the file that sets them

Origins = dict[tuple, tuple[str, int]]  # key path -> (file, line) of the file that set it


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
    """Load the config at `path` (None: the built-in default), and the files it extends, merged
    over the default."""
    base = _builtin()
    if path is None:
        return _validate(base, {}, BUILTIN_SOURCE)
    user, origins, files = _read_chain(path, ())
    config = _validate(merge(base, user), origins, str(path))
    config._user = user
    config._files = files
    _check_inside(config, path)
    return config


def _read(path: Path) -> tuple[dict, dict[tuple, int]]:
    """One config file's own settings and the line of each key path."""
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
    return user, lines


def _read_chain(path: Path, chain: tuple[Path, ...]) -> tuple[dict, Origins, tuple[str, ...]]:
    """The settings of `path` merged over those of the file it extends (and so on up the chain),
    the origin of every key, and the files read (`path` first). `chain`: the files that extend it."""
    user, lines = _read(path)
    source = str(path)
    origins = {loc: (source, line) for loc, line in lines.items()}
    target = user.get("extend")
    if target is None:
        return user, origins, (source,)
    at = f"{source}:{lines.get(('extend',), 1)}: extend"
    if not isinstance(target, str) or not target.strip():
        raise ConfigError(f"{at}: expected the path of a config file, not {target!r}")
    parent = Path(os.path.normpath(path.parent / os.path.expanduser(target)))
    try:
        chain, real = (*chain, path.resolve()), parent.resolve()
        exists, is_file = parent.exists(), parent.is_file()
    except (OSError, RuntimeError, ValueError) as exc:  # a symlink loop, a NUL in the name
        raise ConfigError(f"{at}: cannot read {target!r}: {exc}") from None
    if real in chain:
        loop = [str(p) for p in chain[chain.index(real):]] + [str(real)]
        raise ConfigError(f"{at}: {target!r} makes a cycle: {' -> '.join(loop)}")
    if len(chain) >= MAX_EXTEND_DEPTH:
        raise ConfigError(f"{at}: more than {MAX_EXTEND_DEPTH} files extend one another")
    if not is_file:
        raise ConfigError(f"{at}: {'not a file' if exists else 'no such config file'}: {parent}")
    base, base_origins, files = _read_chain(parent, chain)
    base = _rebased(base, parent.parent, path.parent)
    kept = {loc: origin for loc, origin in base_origins.items() if not _replaces(user, loc)}
    return merge(base, user), {**kept, **origins}, (source, *files)


def _rebased(data: dict, origin: Path, folder: Path) -> dict:
    """`corpus:` and `cache-dir:` of an extended file, which are relative to that file, made
    relative to the file that extends it (as tsconfig and ruff resolve an extended file's paths)."""
    moved = {key: os.path.relpath(origin.resolve() / value, folder.resolve())
             for key in PATH_KEYS if isinstance(value := data.get(key), str) and value and not os.path.isabs(value)}
    return {**data, **moved} if moved else data


def _replaces(user: dict, loc: tuple) -> bool:
    """Whether a file's own settings `user` replace the value at key path `loc` of the file it
    extends (set it, or set a value that is no mapping above it): its origin is then the file's."""
    node: Any = user
    for part in loc:
        if not isinstance(node, dict):
            return True
        if part not in node:
            return False
        node = node[part]
    return True


def _check_inside(config: Config, path: Path) -> None:
    """`corpus:` and `cache-dir:` must stay inside the project of the config file that sets them
    (its git work tree, else its folder): a hostile `corpus: /` made a one-file run walk the whole
    filesystem, and a `cache-dir` elsewhere had kzlint write there. (KZLINT_CACHE_DIR, set by the
    user, may point anywhere.) Values are relative to `path` (an extended file's are rebased)."""
    folder = path.resolve().parent
    for key, value in (("corpus", config.corpus), ("cache-dir", config.cache_dir)):
        origin = next((config._origins[loc][0] for loc in ((key,), (key.replace("-", "_"),)) if loc in config._origins),
                      str(path))
        home = Path(origin).resolve().parent
        project = os.path.realpath(project_root(home, home))
        if value and not inside(os.path.realpath(folder / value), (project,)):
            raise ConfigError(f"{where(config, (key,))}: {key}: {value!r} is outside the project ({project}); "
                              "kzlint reads and writes inside it only")


def _validate(data: dict, origins: Origins, source: str) -> Config:
    """The schema check. Rule options (`rules:`) are checked by the rules layer, which knows the
    rules: lint.rules.registry.check_settings, called by every entry point before rules are built."""
    try:
        config = Config.model_validate({**data, "source": source})
    except ValidationError as exc:
        raise ConfigError(describe(exc, origins, source, ())) from None
    config._origins = origins
    return config


def where(config: Config, loc: Iterable) -> str:
    """`file:line` of `loc` (a key path such as ('rules', 'KZ104')): in the file that set it (the
    config's own file or one it extends), else of the closest key above it that is set."""
    return _where(config._origins, config.source, loc)


def describe(exc: ValidationError, origins: Origins, source: str, prefix: tuple) -> str:
    """A pydantic error as `file:line: key: message`."""
    error = exc.errors()[0]
    loc = prefix + tuple(error["loc"])
    key = ".".join(str(part) for part in loc if part != "source") or "(top level)"
    message = error["msg"]
    if error["type"] == "extra_forbidden":
        message = f"unknown key '{loc[-1]}'"
    return f"{_where(origins, source, loc)}: {key}: {message}"


def _where(origins: Origins, source: str, loc: Iterable) -> str:
    loc = tuple(loc)
    while loc:
        for variant in (loc, tuple(str(p).replace("_", "-") if isinstance(p, str) else p for p in loc)):
            if variant in origins:
                file, line = origins[variant]
                return f"{file}:{line}"
        loc = loc[:-1]
    file, line = origins.get((), (source, 1))
    return f"{file}:{line}"


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


