"""The one result model every rule produces and every output format renders."""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass, field
from operator import attrgetter


class Severity(str, enum.Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}
_SEVERITY_BY_VALUE = {s.value: s for s in Severity}  # a dict lookup: warm runs rebuild 100,000s of findings


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace text[start:end] with `replacement` (offsets in the normalised document text)."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True, slots=True)
class Fix:
    """A suggested change. Only `safe` fixes are applied by --fix; others are shown."""

    edits: tuple[Edit, ...]
    description: str
    safe: bool = True


@dataclass(frozen=True, slots=True)
class Location:
    """Another place a finding points to (cross-document findings name it)."""

    path: str
    line: int
    column: int = 1


@dataclass(frozen=True, slots=True)
class Finding:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    name: str
    severity: Severity
    message: str
    snippet: str = ""  # the offending text, normalised; used for baseline fingerprints
    fix: Fix | None = None
    related: tuple[Location, ...] = ()
    extra: tuple[tuple[str, str], ...] = field(default=())

    def to_dict(self) -> dict:
        data = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "message": self.message,
            "fixable": self.fix is not None and self.fix.safe,
        }
        if self.fix is not None:
            data["fix"] = {
                "description": self.fix.description,
                "safe": self.fix.safe,
                "edits": [[e.start, e.end, e.replacement] for e in self.fix.edits],
            }
        if self.related:
            data["related"] = [{"path": r.path, "line": r.line, "column": r.column} for r in self.related]
        if self.extra:
            data["extra"] = dict(self.extra)
        return data


# The order of a report: by file, position, code, message (attrgetter: C speed on 100,000s of findings).
SORT_KEY = attrgetter("path", "line", "column", "code", "message")


def drained(items: list) -> Iterator:
    """The items of `items` in order, each removed from it as it is given: what is made of them
    replaces them in memory instead of standing beside them (a 20 MB file's 250,000 findings as
    objects, records and JSON at once took ~2 KB each)."""
    items.reverse()
    while items:
        yield items.pop()


def to_record(finding: Finding) -> list:
    """Compact JSON-able form for the cache and for worker processes."""
    fix = None
    if finding.fix is not None:
        fix = [[[e.start, e.end, e.replacement] for e in finding.fix.edits], finding.fix.description, finding.fix.safe]
    return [
        finding.path, finding.line, finding.column, finding.end_line, finding.end_column, finding.code,
        finding.name, finding.severity.value, finding.message, finding.snippet, fix,
        [[r.path, r.line, r.column] for r in finding.related], [list(kv) for kv in finding.extra],
    ]


def from_record(record: list) -> Finding:
    (path, line, column, end_line, end_column, code, name, severity, message, snippet, fix, related, extra) = record
    return Finding(
        path, line, column, end_line, end_column, code, name, _SEVERITY_BY_VALUE[severity], message, snippet,
        Fix(tuple(Edit(*e) for e in fix[0]), fix[1], fix[2]) if fix else None,
        # most findings have neither: no generator for them (240,000 findings in a warm 100k run)
        tuple(Location(*r) for r in related) if related else (), tuple(tuple(kv) for kv in extra) if extra else (),
    )
