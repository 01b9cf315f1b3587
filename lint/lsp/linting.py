"""What the language server asks of kzlint: lint one buffer against its corpus.

Built on the public facade (lint.api): the open buffer is checked with `lint_document`,
every other document of its corpus contributes its claims (computed once per file
content, kept in memory and re-read only when the file's size or mtime changes), the
corpus rules run over all claims with `check_claims`, and `finish` applies the buffer's
inline suppressions and the config's per-file-ignores. The buffer's findings are what
`kzlint FILE` would print for the same text saved there (tests/test_lsp.py checks that).

The config is the one `kzlint` would use for that file (the closest kzlint config above
it); the corpus is the config's `corpus:` folder, else the git repository holding the
file, else the config file's folder, else the file alone. Paths in findings are relative
to the config's folder (so `per-file-ignores` and `exclude` globs mean what they mean on
the command line), absolute when the file is outside it.

No pygls here: this module is tested and usable without an editor.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

from lint import api
from lint.config import Config, discover, load
from lint.core.findings import Finding
from lint.engine.discovery import display_path, expand, git_root, is_excluded


@dataclass
class Project:
    """Everything shared by the buffers that use one config file (or the built-in one)."""

    config: Config
    base: Path  # where display paths start: the config file's folder, else the file's
    corpus_root: Path | None
    config_stamp: tuple | None
    claims: dict[str, tuple[tuple, dict]] = field(default_factory=dict)  # shown -> (stat stamp, claims)
    listed: list[str] | None = None  # corpus files, listed once per project (refresh() lists again)
    warm: bool = False  # every corpus document's claims computed once


def _stamp(path: Path) -> tuple | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns)


def _stamps(config: Config) -> tuple:
    """The stamps of a config's files: its own and those it extends (an edit to any reloads it)."""
    return tuple(_stamp(Path(file)) for file in config.files)


class Linter:
    """Lints buffers; thread-safe (one lint at a time: rules keep per-run state)."""

    def __init__(self, *, config_file: str | None = None) -> None:
        self.config_file = Path(config_file).resolve() if config_file else None
        self._projects: dict[str, Project] = {}
        self._buffers: dict[str, str] = {}  # absolute path -> text of open documents
        self._lock = threading.RLock()
        self.notices: list[str] = []

    # -- buffers the editor has open: their text wins over the file on disk --------------------

    def open(self, path: str, text: str) -> None:
        with self._lock:
            self._buffers[os.path.abspath(path)] = text

    def close(self, path: str) -> None:
        with self._lock:
            self._buffers.pop(os.path.abspath(path), None)

    def refresh(self) -> None:
        """Forget the corpus listings (a file was created or deleted)."""
        with self._lock:
            for project in self._projects.values():
                project.listed = None

    # -- config and corpus ----------------------------------------------------------------------

    def project_for(self, path: Path) -> Project:
        found = self.config_file or discover(path.parent)
        key = str(found) if found else ""
        project = self._projects.get(key)
        if project is not None and project.config_stamp == _stamps(project.config):
            return project
        config = load(found)
        stamp = _stamps(config)
        base = found.parent if found else path.parent
        if config.corpus:
            root: Path | None = (base / config.corpus).resolve()
        else:
            root = git_root(path) or (base if found else None)
        project = Project(config, base, root, stamp)
        self._projects[key] = project
        return project

    def shown(self, project: Project, path: Path) -> str:
        """How findings name `path`: relative to the project's folder when below it."""
        return display_path(path, project.base)

    def absolute(self, project: Project, shown: str) -> Path:
        return Path(shown) if os.path.isabs(shown) else (project.base / shown)

    def _corpus(self, project: Project) -> list[str]:
        if project.corpus_root is None or not project.corpus_root.is_dir():
            return []
        if project.listed is None:
            config = project.config
            project.listed = expand([str(project.corpus_root)], config.include, config.excludes, project.base)
        return project.listed

    def _claims(self, project: Project, shown: str) -> dict | None:
        path = self.absolute(project, shown)
        buffer = self._buffers.get(str(path))
        if buffer is not None:  # an open document: its claims come from its latest lint
            cached = project.claims.get(shown)
            if cached is not None and cached[0] == ("buffer",):
                return cached[1]
            _, claims = api.lint_document(buffer, shown, project.config)
            project.claims[shown] = (("buffer",), claims)
            return claims
        stamp = _stamp(path)
        if stamp is None:
            project.claims.pop(shown, None)
            return None
        cached = project.claims.get(shown)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        try:
            data = path.read_bytes()
        except OSError:
            return None
        if len(data) > project.config.max_file_size:
            return None
        _, claims = api.lint_document(data, shown, project.config)
        project.claims[shown] = (stamp, claims)
        return claims

    # -- the lint -------------------------------------------------------------------------------

    def excluded(self, path: str) -> bool:
        """Whether the project's `exclude` globs leave this file out (it gets no diagnostics)."""

        with self._lock:
            project = self.project_for(Path(path).resolve())
            return is_excluded(self.shown(project, Path(path).resolve()), project.config.excludes)

    def corpus_ready(self, path: str) -> bool:
        """Whether a lint of `path` is quick: its corpus's claims were all computed once (the
        first lint in a corpus of 1,700 articles reads them all: about 7 s on one core)."""
        with self._lock:
            project = self.project_for(Path(path).resolve())
            return project.warm or not self._corpus(project)

    def lint(self, path: str, text: str, *, corpus: bool = True) -> tuple[str, list[Finding]]:
        """The findings for `text` as the content of `path`: (display path, findings on it).
        Without `corpus`, only the document's own findings (no cross-document rules)."""
        with self._lock:
            absolute = Path(path).resolve()
            self._buffers[str(absolute)] = text
            project = self.project_for(absolute)
            shown = self.shown(project, absolute)
            findings, claims = api.lint_document(text, shown, project.config)
            project.claims[shown] = (("buffer",), claims)
            if not corpus:
                report = api.finish(findings, [claims], project.config)
                return shown, [f for f in report if f.path == shown]
            everything = [claims]
            for other in self._corpus(project):
                if other != shown:
                    found = self._claims(project, other)
                    if found is not None:
                        everything.append(found)
            project.warm = True
            corpus_findings = [f for f in api.check_claims(everything, project.config) if f.path == shown]
            report = api.finish(findings + corpus_findings, [claims], project.config)
            return shown, [f for f in report if f.path == shown]
