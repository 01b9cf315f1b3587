"""`--format json`: one JSON array of findings; document metadata rides along per finding's file."""

from __future__ import annotations

import json

from lint.core.escape import json_as_utf8
from lint.output.report import Report


def render(report: Report) -> str:
    # valid UTF-8 whatever the file names: their undecodable bytes are written \xNN (lint.core.escape)
    return json_as_utf8(json.dumps([f.to_dict() for f in report.findings], ensure_ascii=False, indent=2)) + "\n"
