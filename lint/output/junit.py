"""`--format junit`: JUnit XML for CI systems that show test reports (GitLab, Jenkins, Azure).

One <testsuite> per file with findings, one failing <testcase> per finding (as ruff does);
a run without findings is one passing test case.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from itertools import groupby

from lint.core.escape import as_utf8
from lint.output.report import Report

_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")  # XML 1.0 Char


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", as_utf8(text))  # a file name's undecodable bytes as \xNN first


def render(report: Report) -> str:
    findings = report.findings
    root = ET.Element("testsuites", name="kzlint", tests=str(max(1, len(findings))),
                      failures=str(len(findings)), errors="0")
    if not findings:
        suite = ET.SubElement(root, "testsuite", name="kzlint", tests="1", failures="0", errors="0")
        ET.SubElement(suite, "testcase", name="no findings", classname="kzlint")
    for path, group in groupby(findings, key=lambda f: f.path):
        group = list(group)
        suite = ET.SubElement(root, "testsuite", name=_clean(path), tests=str(len(group)),
                              failures=str(len(group)), errors="0")
        for finding in group:
            case = ET.SubElement(suite, "testcase", name=f"{finding.code} {finding.name}", classname=_clean(path),
                                 file=_clean(path), line=str(finding.line))
            failure = ET.SubElement(case, "failure", message=_clean(finding.message), type=finding.severity.value)
            failure.text = _clean(f"{path}:{finding.line}:{finding.column}: {finding.message}")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
