"""What a run keeps of its findings: inline suppressions (and unused ones, KZ001), per-file-ignores,
the rules selected, the files asked about; sorted."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from lint.config import Config
from lint.core.findings import SORT_KEY, Finding
from lint.core.selectors import matches
from lint.engine import suppressions
from lint.engine.discovery import is_excluded
from lint.rules import Rule, all_rules
from lint.rules.engine.rule_crash import RuleCrash
from lint.rules.engine.unreadable import Unreadable


def finish(findings: Iterable[Finding], suppressions_by_path: dict[str, list | None], rules: list[Rule],
           config: Config, targets: Iterable[str] = ()) -> list[Finding]:
    """The findings to report: selected codes, inline suppressions (and unused ones, KZ001),
    per-file-ignores, sorted. `targets` are files with a record but maybe no finding."""
    selected = {r.code for r in rules} | {Unreadable.code, RuleCrash.code}
    ignored = _file_ignores(config)
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        if finding.code in selected and not (ignored and ignored(finding)):
            by_path[finding.path].append(finding)
    kept: list[Finding] = []
    report_unused = "KZ001" in selected
    active = [(r.code, r.name) for r in rules]
    known = _known_rules(config)
    for path in sorted(by_path.keys() | {p for p in targets if p in suppressions_by_path}):
        kept.extend(suppressions.apply(by_path.get(path, []), suppressions_by_path.get(path), path,
                                       report_unused=report_unused, active=active, known=known))
    if ignored is not None:  # and the unused-suppression findings
        kept = [f for f in kept if not ignored(f)]
    kept.sort(key=SORT_KEY)
    return kept


def _known_rules(config: Config) -> list[tuple[str, str]]:
    """(code, name) of every rule there is: the built-in ones and the config's custom rules."""
    return [(r.code, r.name) for r in all_rules().values()] + [(r.code, r.name) for r in config.custom_rules]


def _file_ignores(config: Config) -> Callable[[Finding], bool] | None:
    """A predicate: is this finding silenced by `per-file-ignores`? None when nothing is."""
    if not config.per_file_ignores:
        return None

    def ignored(finding: Finding) -> bool:
        for pattern, codes in config.per_file_ignores.items():
            if is_excluded(finding.path, [pattern]) and any(matches(c, finding) for c in codes):
                return True
        return False

    return ignored
