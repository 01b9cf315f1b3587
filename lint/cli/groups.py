"""Config per file: which config lints which path, and one engine run per config.

Like ruff and Vale, kzlint uses for each file the closest kzlint config above it
(lint.config.discover), not the one above the working directory: `cd /tmp && kzlint
~/corpus` uses ~/corpus's config. `--config FILE` uses one file for everything.

Each path given is planned with the config found from it (a folder: from the folder; a
file: from its folder). A folder whose subfolders hold configs of their own is split: each
such subfolder is linted with its own config, and the rest with the folder's (the subfolders
are excluded from it). Paths sharing a config are one engine run, so cross-document rules
compare the files of one config's corpus; the reports of all runs are merged in the usual
order.
"""

from __future__ import annotations

import argparse
import glob
import os
from dataclasses import dataclass, field
from pathlib import Path

from lint.cli.common import split
from lint.cli.progress import progress_bar
from lint.config import CONFIG_NAMES, Config, discover, load
from lint.config.loader import config_in
from lint.core.findings import SORT_KEY, Finding, Severity
from lint.engine.discovery import UsageError, display_path
from lint.engine import pattern_cache
from lint.engine.run import Engine, cache_folder
from lint.engine.selection import build_rules


@dataclass
class Group:
    config_file: Path | None  # None: the built-in configuration
    paths: list[str] = field(default_factory=list)  # as given (folders and files)
    carve_out: list[str] = field(default_factory=list)  # subfolders with a config of their own
    stdin: dict[str, bytes] = field(default_factory=dict)  # display path -> bytes (--stdin-filename)


def plan(paths: list[str], stdin_filename: str | None, stdin: bytes | None, config_file: str | None,
         cwd: Path) -> list[Group]:
    """The runs to make: paths grouped by the config that applies to them."""
    if config_file:
        file = Path(config_file)
        if not file.is_file():
            raise UsageError(f"--config {config_file}: no such file")
        group = Group(file, list(paths))  # as given: errors name it so
        if stdin_filename:
            group.stdin[display_path(stdin_filename, cwd)] = stdin or b""
        return [group]
    groups: dict[str, Group] = {}

    def group_for(found: Path | None) -> Group:
        key = str(found) if found else ""
        if key not in groups:
            groups[key] = Group(found)
        return groups[key]

    for raw in paths:
        path = Path(raw)
        folder = path if path.is_dir() else path.parent
        found = discover(cwd / folder)
        group_for(found).paths.append(raw)
        if path.is_dir():
            enclosing = [(path.resolve(), found)]  # (folder, its config), outermost first
            for nested in _nested_configs(path):
                folder = nested.parent
                outer = next(config for top, config in reversed(enclosing) if folder.is_relative_to(top))
                group_for(outer).carve_out.append(display_path(folder, cwd))
                group_for(nested).paths.append(display_path(folder, cwd))
                enclosing.append((folder, nested))
    if stdin_filename:
        found = discover(cwd / Path(stdin_filename).parent)
        group_for(found).stdin[display_path(stdin_filename, cwd)] = stdin or b""
    return list(groups.values())


def _nested_configs(root: Path) -> list[Path]:
    """Configs in the subfolders of `root` (not hidden ones), outermost first."""
    found = []
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith(".") and d != "node_modules")
        if folder != str(root) and any(name in files for name in CONFIG_NAMES):
            config = config_in(Path(folder))
            if config is not None:
                found.append(config.resolve())
    return found


@dataclass
class Run:
    findings: list[Finding]
    files: int
    rules: list
    metadata: dict[str, dict]
    timings: dict[str, float]
    engines: list  # (group, engine) pairs, for --fix
    configs: dict[str, Config]  # display path -> its config (for fail-on)
    stdin: dict[str, bytes] = field(default_factory=dict)
    report: tuple[str, int, list[str]] | None = None  # (text, exit code, notices) stored by an earlier run

    def store_report(self, text: str, exit_code: int, notices: list[str]) -> None:
        """Keep the report of a run whose inputs name one (see Engine.report_options)."""
        for _group, engine in self.engines:
            if engine.report_key is not None and engine.cache is not None:
                engine.cache.put_report(engine.report_key, text, exit_code, notices)
                engine.cache.close()

    def fail_on(self, path: str) -> Severity:
        config = self.configs.get(path)
        return config.fail_on if config is not None else min((c.fail_on for c in self.configs.values()),
                                                             key=lambda s: s.rank, default=Severity.WARNING)

    def stdin_bytes(self) -> bytes:
        return next(iter(self.stdin.values()), b"")


def run_groups(groups: list[Group], args: argparse.Namespace, cwd: Path, notices, *,
               stdin: dict[str, bytes] | None = None, report_options: str | None = None,
               reuse_report: bool = True) -> Run:
    """Each group's engine run, merged. With `report_options` and one group, a report stored for
    the same options and inputs comes back as `Run.report` instead of findings (unless not
    `reuse_report`: the report is then made afresh, and stored)."""
    findings: list[Finding] = []
    files = 0
    rules_by_code: dict[str, object] = {}
    metadata: dict[str, dict] = {}
    timings: dict[str, float] = {}
    engines = []
    configs: dict[str, Config] = {}
    new_stdin: dict[str, bytes] = {}
    for group in groups:
        config = load(group.config_file)  # read on each run: a process may lint again after an edit
        if group.carve_out:
            escaped = [glob.escape(folder) + "/*" for folder in group.carve_out]
            config = config.model_copy(update={"extend_exclude": [*config.extend_exclude, *escaped]})
        config_dir = group.config_file.resolve().parent if group.config_file else cwd
        if not args.no_cache:  # before the rules' modules compile their patterns
            pattern_cache.preload(cache_folder(config, config_dir))
        rules = build_rules(config, split(args.select), split(args.extend_select), split(args.ignore))
        engine = Engine(config, rules, cwd=cwd, config_dir=config_dir, jobs=args.jobs, use_cache=not args.no_cache)
        if not args.quiet:
            engine.progress = progress_bar()
        engine.stdin = dict(group.stdin)
        if stdin:
            engine.stdin.update({k: v for k, v in stdin.items() if k in group.stdin})
        if not group.paths and not engine.stdin:
            continue
        if len(groups) == 1:
            engine.report_options = report_options
            engine.reuse_report = reuse_report
        result = engine.run(group.paths)
        if engine.cache is not None:
            pattern_cache.save(engine.cache.folder)
        if result.report is not None:
            notices.extend(result.notices, engine=engine)
            return Run([], result.files, [], {}, {}, [(group, engine)], {}, report=result.report)
        notices.extend(result.notices, engine=engine)
        findings.extend(result.findings)
        files += result.files
        for rule in rules:
            rules_by_code.setdefault(rule.code, rule)
        metadata.update(result.metadata)
        for code, seconds in result.timings.items():
            timings[code] = timings.get(code, 0.0) + seconds
        for finding in result.findings:
            configs.setdefault(finding.path, config)
        for path in engine.stdin:
            configs.setdefault(path, config)
        new_stdin.update(engine.stdin)
        engines.append((group, engine))
    if len(groups) > 1:
        findings.sort(key=SORT_KEY)
    rules = [rules_by_code[code] for code in sorted(rules_by_code)]
    return Run(findings, files, rules, metadata, timings, engines, configs, new_stdin)
