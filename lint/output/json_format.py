"""`--format json`: one JSON array of findings; document metadata rides along per finding's file."""

from __future__ import annotations

import json

from lint.output.report import Report


def render(report: Report) -> str:
    return json.dumps([f.to_dict() for f in report.findings], ensure_ascii=False, indent=2) + "\n"
