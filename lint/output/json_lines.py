"""`--format json-lines`: one JSON object per finding per line (the `--format json` objects),
for streaming into `jq`, log shippers and databases."""

from __future__ import annotations

import json

from lint.core.escape import json_as_utf8
from lint.output.report import Report


def render(report: Report) -> str:
    return json_as_utf8("".join(json.dumps(f.to_dict(), ensure_ascii=False) + "\n" for f in report.findings))
