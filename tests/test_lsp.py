"""The language server, driven over stdio by a real LSP client (pygls's LanguageClient).

A corpus of four published articles and its own config; the user opens a fifth article
that has a stray `undefined` and a death toll the others contradict. The server must
publish KZ101 at once (with a safe quick fix), then KZ501 (naming the other article) once
it has read the corpus, the same
findings `kzlint FILE` prints for that text, offer the fix as a code action, and drop
KZ101 once the user deletes the line (incremental didChange, debounced).

Set KZLINT_LSP_TRANSCRIPT=FILE to keep the JSON-RPC messages of the session.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls")

from lsprotocol import types as lsp  # noqa: E402
from pygls.lsp.client import LanguageClient  # noqa: E402
from pygls.protocol import LanguageServerProtocol  # noqa: E402
from pygls.uris import from_fs_path  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "corpus"
NEW = "004_740e70162e583217.txt"  # "at least 16 people" where the older seeds say otherwise
CONFIG = "languagetool: {mode: off}\n"  # no LanguageTool server is tried
TIMEOUT = 120


class RecordingProtocol(LanguageServerProtocol):
    """Keeps every JSON-RPC message both ways, as sent on the wire."""

    transcript: list[tuple[str, dict]] = []

    def _send_data(self, data):
        if data:
            self.transcript.append(("client->server", json.loads(json.dumps(data, default=self._serialize_message))))
        super()._send_data(data)

    def structure_message(self, data):
        if isinstance(data, dict) and "jsonrpc" in data:  # a whole message (nested objects come here too)
            self.transcript.append(("server->client", data))
        return super().structure_message(data)


def article_text() -> str:
    lines = (SEEDS / NEW).read_text(encoding="utf-8").split("\n")
    lines.insert(3, "undefined")  # scraping residue on a line of its own (line 4)
    return "\n".join(lines)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    (root / ".kzlint.yaml").write_text(CONFIG, encoding="utf-8")
    for seed in sorted(p for p in SEEDS.iterdir() if p.suffix == ".txt" and p.name != NEW):
        shutil.copy(seed, root / seed.name)
    return root


async def session(corpus: Path, article: Path, text: str) -> dict:
    RecordingProtocol.transcript = []
    client = LanguageClient("kzlint-test", "1", protocol_cls=RecordingProtocol)
    published: list[lsp.PublishDiagnosticsParams] = []
    arrived = asyncio.Event()

    @client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: lsp.PublishDiagnosticsParams) -> None:
        published.append(params)
        arrived.set()

    async def next_diagnostics() -> lsp.PublishDiagnosticsParams:
        await asyncio.wait_for(arrived.wait(), TIMEOUT)
        arrived.clear()
        return published[-1]

    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    await client.start_io(sys.executable, "-m", "lint", "server", cwd=str(corpus.parent), env=env)
    uri = from_fs_path(str(article))
    try:
        result = await asyncio.wait_for(client.initialize_async(lsp.InitializeParams(
            capabilities=lsp.ClientCapabilities(), process_id=os.getpid(),
            root_uri=from_fs_path(str(corpus)), initialization_options={"debounce": 0.05})), TIMEOUT)
        client.initialized(lsp.InitializedParams())
        client.text_document_did_open(lsp.DidOpenTextDocumentParams(
            lsp.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text)))
        first = await next_diagnostics()  # the document's own findings, at once
        opened = await next_diagnostics()  # with the cross-document ones, once the corpus is read

        stray = next(d for d in opened.diagnostics if d.code == "KZ101")
        actions = await asyncio.wait_for(client.text_document_code_action_async(lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri), range=stray.range,
            context=lsp.CodeActionContext(diagnostics=[stray]))), TIMEOUT)

        # the user deletes the line (an incremental change), then types twice quickly
        line = stray.range.start.line
        deletion = lsp.Range(lsp.Position(line, 0), lsp.Position(line + 1, 0))
        client.text_document_did_change(lsp.DidChangeTextDocumentParams(
            lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
            [lsp.TextDocumentContentChangePartial(range=deletion, text="")]))
        client.text_document_did_change(lsp.DidChangeTextDocumentParams(
            lsp.VersionedTextDocumentIdentifier(uri=uri, version=3),
            [lsp.TextDocumentContentChangePartial(range=lsp.Range(lsp.Position(0, 0), lsp.Position(0, 0)), text="")]))
        changed = await next_diagnostics()
        await asyncio.sleep(0.3)  # nothing more comes: the first change's lint was debounced away
        await asyncio.wait_for(client.shutdown_async(None), TIMEOUT)
        client.exit(None)
    finally:
        await client.stop()
    return {"initialize": result, "first": first, "opened": opened, "actions": actions, "changed": changed,
            "published": list(published), "transcript": list(RecordingProtocol.transcript)}


def test_server_publishes_diagnostics_offers_fixes_and_follows_edits(corpus: Path):
    article = corpus / NEW
    text = article_text()
    run = asyncio.run(session(corpus, article, text))

    assert run["initialize"].server_info.name == "kzlint"
    assert run["initialize"].capabilities.code_action_provider

    first, opened = run["first"], run["opened"]
    assert first.version == opened.version == 1
    assert "KZ101" in [d.code for d in first.diagnostics]
    assert not [d.code for d in first.diagnostics if d.code.startswith("KZ5")]
    codes = [d.code for d in opened.diagnostics]
    stray = next(d for d in opened.diagnostics if d.code == "KZ101")
    assert (stray.range.start.line, stray.range.start.character) == (3, 0)
    assert stray.range.end == lsp.Position(3, len("undefined"))
    assert stray.source == "kzlint" and stray.severity == lsp.DiagnosticSeverity.Warning
    assert '"undefined"' in stray.message
    # the toll contradicts the older articles: the finding names the other file, a related location
    contradiction = next(d for d in opened.diagnostics if d.code == "KZ501")
    assert contradiction.related_information
    other = contradiction.related_information[0].location.uri
    assert other.startswith(from_fs_path(str(corpus))) and other != from_fs_path(str(article))

    # the same findings as the command line gives for that text saved there
    article.write_text(text, encoding="utf-8")
    cli = subprocess.run([sys.executable, "-m", "lint", "--no-cache", "--format", "json", "--exit-zero", NEW],
                         cwd=corpus, capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(REPO)}, check=True)
    expected = sorted((f["code"], f["line"] - 1, f["column"] - 1) for f in json.loads(cli.stdout))
    assert sorted((d.code, d.range.start.line, d.range.start.character) for d in opened.diagnostics) == expected
    article.unlink()

    fixes = [a for a in run["actions"] if a.kind == lsp.CodeActionKind.QuickFix]
    assert len(fixes) == 1 and "KZ101" in fixes[0].title
    (edit,) = fixes[0].edit.changes[from_fs_path(str(article))]
    assert (edit.range.start, edit.range.end, edit.new_text) == (lsp.Position(3, 0), lsp.Position(4, 0), "")
    assert any(a.kind == "source.fixAll.kzlint" for a in run["actions"])

    changed = run["changed"]
    assert changed.version == 3  # version 2's lint was cancelled by version 3 arriving within the debounce
    assert "KZ101" not in [d.code for d in changed.diagnostics]
    assert "KZ501" in [d.code for d in changed.diagnostics]
    assert [p.version for p in run["published"]] == [1, 1, 3]
    assert len(codes) == len(set((d.code, d.range.start.line) for d in opened.diagnostics))

    target = os.environ.get("KZLINT_LSP_TRANSCRIPT")
    if target:
        with open(target, "w", encoding="utf-8") as out:
            for direction, message in run["transcript"]:
                out.write(f"{direction}: {json.dumps(message, ensure_ascii=False)}\n")
    sent = [m.get("method") for direction, m in run["transcript"] if direction == "client->server"]
    assert sent[:3] == ["initialize", "initialized", "textDocument/didOpen"]
    received = [m.get("method") for direction, m in run["transcript"] if direction == "server->client"]
    assert received.count("textDocument/publishDiagnostics") == 3


def test_positions_are_utf16_code_units_and_fix_edits_map_through_crlf(tmp_path: Path):
    """Columns count characters in kzlint and UTF-16 code units in LSP (the default encoding);
    fix offsets are into the normalised (LF) text and must land on the same place in a CRLF buffer."""
    from pygls.workspace import TextDocument

    from lint.lsp.linting import Linter
    from lint.lsp.server import KzlintServer

    (tmp_path / ".kzlint.yaml").write_text("select: [KZ101, KZ104]\n", encoding="utf-8")
    article = tmp_path / "a.md"
    text = "Title\r\n\r\nA rally 🎉 was held, said officials fromAstana today.\r\nundefined\r\nEnd.\r\n"
    column = "A rally 🎉 was held, said officials fromAstana".index("fromAstana")
    linter = Linter()
    _, findings = linter.lint(str(article), text)
    assert [(f.code, f.line, f.column) for f in findings] == [("KZ104", 3, column + 1), ("KZ101", 4, 1)]

    server = KzlintServer()
    document = TextDocument(from_fs_path(str(article)), text)
    inline, alone = (server.diagnostic(document, f, str(article)) for f in findings)
    assert inline.range.start == lsp.Position(2, column + 1)  # UTF-16: the emoji is two code units
    assert alone.range.start == lsp.Position(3, 0) and alone.data == {"fixable": True}
    normalised = text.replace("\r\n", "\n")
    (edit,) = server.text_edits(document, normalised, findings[1])
    assert (edit.range.start, edit.range.end) == (lsp.Position(3, 0), lsp.Position(4, 0))  # the whole line, CRLF too
