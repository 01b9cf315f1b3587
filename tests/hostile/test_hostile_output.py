"""Issue 17, section 4: output that a hostile article controls.

Article text, file names, config messages and LanguageTool messages reach the terminal. Control
characters in them (ESC/CSI/OSC sequences, NUL, BEL, newlines) are shown escaped, as git and ruff
do, so that an article cannot retitle the terminal, clear it, move the cursor over its own
findings or forge a finding line. JSON and SARIF stay valid UTF-8 whatever the file names.
"""

from __future__ import annotations

import json
import os
import re
import threading

import pytest

from black_box import kzlint

# A custom rule whose message quotes the matched text, control characters included.
QUOTING = ('custom-rules:\n  - {code: KZ990, name: house, message: "write Astana, not {text}", severity: warning,'
           " patterns: ['Nur[^ ]*Sultan']}\n")
RAW_CONTROL = re.compile(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]")  # C0 but tab and newline, DEL, C1


def test_control_characters_from_articles_and_file_names_are_escaped_in_text_output(tmp_path):
    (tmp_path / "rules.yaml").write_text(QUOTING, encoding="utf-8")
    hostile = ("Talks\n\nThey met in Nur\x1b]0;pwned\x07\x1b[2J\x1b[1A\x1b[2K\u009b31m-Sultan on Monday.\n")
    (tmp_path / "a.txt").write_text(hostile, encoding="utf-8")
    name = "b\x1b[2J\x07.txt"
    (tmp_path / name).write_text("Talks\n\nThey met in Nur-Sultan.\n", encoding="utf-8")
    for args in ([], ["--color", "always"], ["--statistics"]):
        run = kzlint(*args, ".", cwd=tmp_path)
        assert not RAW_CONTROL.search(run.out_bytes.replace(b"\x1b[", b"").replace(b"\x1b]", b"")
                                      if args == ["--color", "always"] else run.out_bytes), run.out_bytes
        assert not RAW_CONTROL.search(run.err_bytes), run.err_bytes
    run = kzlint(".", cwd=tmp_path)
    assert b"\x1b" not in run.out_bytes and b"\x07" not in run.out_bytes
    found = run.findings("KZ990")
    assert len(found) == 2, run.out
    assert "\\x1b]0;pwned\\x07\\x1b[2J" in found[0] and found[0].startswith("a.txt:3:13: warning[KZ990]"), found
    assert found[1].startswith("b\\x1b[2J\\x07.txt:3:13: warning[KZ990]"), found
    colored = kzlint("--color", "always", ".", cwd=tmp_path)  # kzlint's own colours, and nothing else
    assert b"]0;pwned" not in colored.out_bytes.replace(b"\\x1b]0;pwned", b"")
    assert b"\x1b[2J" not in colored.out_bytes and b"\x07" not in colored.out_bytes


def test_a_newline_in_a_file_name_cannot_forge_a_finding_line(tmp_path):
    (tmp_path / "rules.yaml").write_text(QUOTING, encoding="utf-8")
    name = "x.txt\nforged.txt:1:1: error[KZ101] forged finding (stray-token)\ny.txt"
    (tmp_path / name).write_text("Talks\n\nThey met in Nur-Sultan.\n", encoding="utf-8")
    run = kzlint("--select", "KZ990", ".", cwd=tmp_path)
    lines = run.out.splitlines()
    assert len(lines) == 2 and lines[-1].startswith("1 finding in 1 file"), run.out
    assert lines[0].startswith("x.txt\\nforged.txt:1:1: error[KZ101] forged finding (stray-token)\\ny.txt:3:13: "), run.out
    assert not any(line.startswith("forged.txt") for line in lines)


def test_a_newline_in_a_config_message_stays_on_one_line(tmp_path):
    (tmp_path / "rules.yaml").write_text('"colour\\nforged.txt:1:1: error[KZ101] x": red\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Talks\n\nThey met.\n", encoding="utf-8")
    run = kzlint("--config", "rules.yaml", "a.txt", cwd=tmp_path)
    assert run.code == 2 and run.out == ""
    assert run.err.count("\n") == 1 and "unknown key" in run.err and "\\n" in run.err, run.err


class FakeLanguageTool:
    """A LanguageTool server on 127.0.0.1 whose every match carries a hostile message."""

    MESSAGE = "Possible typo\x1b]0;pwned\x07\x1b[2J"

    def __init__(self) -> None:
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        message = self.MESSAGE

        class Handler(BaseHTTPRequestHandler):
            def _send(self, payload) -> None:
                body = json.dumps(payload).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):  # noqa: N802 (http.server's name)
                self._send([{"name": "English", "code": "en", "longCode": "en-US"}])

            def do_POST(self):  # noqa: N802
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                self._send({"matches": [{"message": message, "offset": 0, "length": 4, "replacements": [],
                                         "rule": {"id": "HOSTILE", "category": {"id": "GRAMMAR"}}}]})

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def test_control_characters_in_a_languagetool_message_are_escaped(tmp_path):
    server = FakeLanguageTool()
    try:
        (tmp_path / "rules.yaml").write_text(
            "languagetool: {mode: remote, url: 'http://127.0.0.1:%d', cache: false}\n"
            "grammar: {backend: languagetool}\n" % server.port, encoding="utf-8")
        (tmp_path / "a.txt").write_text("Talks resumed on Monday in the capital.\n", encoding="utf-8")
        run = kzlint("--select", "KZ201", "a.txt", cwd=tmp_path, timeout=60)
    finally:
        server.close()
    found = run.findings("KZ201")
    assert found and "Possible typo\\x1b]0;pwned\\x07\\x1b[2J" in found[0], (run.out, run.err)
    assert b"\x1b" not in run.out_bytes and b"\x07" not in run.out_bytes


@pytest.mark.parametrize("fmt", ["sarif", "json", "json-lines", "junit", "github", "text"])
@pytest.mark.parametrize("stdout", ["strict", "surrogateescape"])
def test_a_file_name_that_is_not_utf8_keeps_every_format_valid_utf8(tmp_path, fmt, stdout):
    (tmp_path / "rules.yaml").write_text(QUOTING, encoding="utf-8")
    name = os.fsdecode(b"caf\xe9\xff.txt")
    (tmp_path / name).write_text("Talks\n\nThey met in Nur-Sultan.\n", encoding="utf-8")
    run = kzlint("--select", "KZ990", "--format", fmt, ".", cwd=tmp_path, env={"PYTHONIOENCODING": f"utf-8:{stdout}"})
    assert run.code == 1, (run.code, run.err)
    text = run.out_bytes.decode("utf-8")  # strict: raises on a raw 0xE9 or 0xFF
    assert any(name in text for name in ("caf\\xe9\\xff.txt", "caf\\\\xe9\\\\xff.txt", "caf%E9%FF.txt")), text
    if fmt == "sarif":
        data = json.loads(text)
        uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in data["runs"][0]["results"]]
        assert uris == ["caf%E9%FF.txt"], uris
    elif fmt == "json":
        assert [f["path"] for f in json.loads(text)] == ["caf\\xe9\\xff.txt"]
    elif fmt == "json-lines":
        assert [json.loads(line)["path"] for line in text.splitlines()] == ["caf\\xe9\\xff.txt"]
