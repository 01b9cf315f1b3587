"""kzlint's language server: diagnostics as you type, quick fixes for the safe fixes.

LSP over standard input and output (pygls). Start it as `kzlint server` or
`python -m lint.lsp`; editors launch it themselves (README: VS Code, Neovim, Helix).

- textDocument/didOpen and didSave lint at once; didChange lints after a pause
  (`debounce`, 0.3 s by default: initializationOptions {"debounce": seconds}), so a burst
  of keystrokes costs one lint. A result is published only if the buffer has not changed
  since (its version is sent along).
- Cross-document rules (KZ5) compare the buffer with the rest of its corpus (see
  lint.lsp.linting); other open buffers count with their unsaved text.
- textDocument/codeAction offers each safe fix as a quick fix, and "Fix all safe kzlint
  findings" (source.fixAll.kzlint). Unsafe fixes are never offered.
- Findings of other documents (KZ501 "16 in corpus/b.md:3") are related information with
  that file's location.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path
from pygls.workspace.position_codec import ServerTextPosition, ServerTextRange

from lint import __version__
from lint.core.findings import Finding, Severity
from lint.lsp.linting import Linter

LOG = logging.getLogger("kzlint.lsp")
DEBOUNCE_S = 0.3
FIX_ALL = "source.fixAll.kzlint"
_SEVERITY = {Severity.ERROR: lsp.DiagnosticSeverity.Error, Severity.WARNING: lsp.DiagnosticSeverity.Warning,
             Severity.INFO: lsp.DiagnosticSeverity.Information}


def uri_to_path(uri: str) -> str | None:
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None  # untitled buffers and remote files are not linted
    return unquote(parsed.path)


class KzlintServer(LanguageServer):
    def __init__(self, *, config_file: str | None = None) -> None:
        super().__init__("kzlint", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental)
        self.linter = Linter(config_file=config_file)
        self.debounce = DEBOUNCE_S
        self.findings: dict[str, list[Finding]] = {}  # uri -> findings of the last published lint
        self._texts: dict[str, str] = {}  # uri -> the normalised text those findings' offsets are in
        self._pending: dict[str, asyncio.Task] = {}

    # -- linting ----------------------------------------------------------------------------------

    def schedule(self, uri: str, delay: float) -> None:
        previous = self._pending.pop(uri, None)
        if previous is not None:
            previous.cancel()
        self._pending[uri] = asyncio.ensure_future(self._lint_later(uri, delay))

    async def _lint_later(self, uri: str, delay: float) -> None:
        try:
            if delay:
                await asyncio.sleep(delay)
            await self.lint(uri)
        except asyncio.CancelledError:
            pass
        finally:
            if self._pending.get(uri) is asyncio.current_task():
                del self._pending[uri]

    async def lint(self, uri: str) -> None:
        path = uri_to_path(uri)
        if path is None:
            return
        document = self.workspace.get_text_document(uri)
        version, text = document.version, document.source
        loop = asyncio.get_running_loop()
        try:
            if await loop.run_in_executor(None, self.linter.excluded, path):
                self._publish(uri, path, version, text, [])
                return
            if not await loop.run_in_executor(None, self.linter.corpus_ready, path):
                # the first lint in a corpus reads every article's claims: show the document's
                # own findings at once, the cross-document ones when they are ready
                _, findings = await loop.run_in_executor(None, lambda: self.linter.lint(path, text, corpus=False))
                if not self._publish(uri, path, version, text, findings):
                    return
            _, findings = await loop.run_in_executor(None, self.linter.lint, path, text)
        except Exception as exc:  # a config error: say so in the editor, keep serving
            self.window_show_message(lsp.ShowMessageParams(type=lsp.MessageType.Error, message=f"kzlint: {exc}"))
            LOG.exception("lint failed")
            return
        self._publish(uri, path, version, text, findings)

    def _publish(self, uri: str, path: str, version: int | None, text: str, findings: list[Finding]) -> bool:
        """Publish unless the buffer changed since `version` was linted (the lint scheduled for
        that change publishes then). Returns whether it published."""
        current = self.workspace.get_text_document(uri)
        if current.version != version:
            return False
        self.findings[uri] = findings
        self._texts[uri] = text.replace("\r\n", "\n").replace("\r", "\n")
        diagnostics = [self.diagnostic(current, finding, path) for finding in findings]
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version))
        return True

    # -- conversions ------------------------------------------------------------------------------

    def diagnostic(self, document, finding: Finding, path: str) -> lsp.Diagnostic:
        start = ServerTextPosition(finding.line - 1, finding.column - 1)
        end = ServerTextPosition(finding.end_line - 1, max(finding.end_column - 1, 0))
        related = None
        if finding.related:
            project = self.linter.project_for(Path(path).resolve())
            related = [
                lsp.DiagnosticRelatedInformation(
                    lsp.Location(from_fs_path(str(self.linter.absolute(project, r.path))),
                                 lsp.Range(lsp.Position(r.line - 1, r.column - 1), lsp.Position(r.line - 1, r.column - 1))),
                    f"{r.path}:{r.line}:{r.column}")
                for r in finding.related
            ]
        fixable = finding.fix is not None and finding.fix.safe
        return lsp.Diagnostic(
            range=document.range_to_client_units(ServerTextRange(start, end)),
            message=f"{finding.message} ({finding.name})",
            severity=_SEVERITY[finding.severity],
            code=finding.code,
            source="kzlint",
            related_information=related,
            data={"fixable": fixable},
        )

    def text_edits(self, document, text: str, finding: Finding) -> list[lsp.TextEdit]:
        """A fix's edits (offsets into the normalised text) as LSP text edits."""
        edits = []
        for edit in finding.fix.edits:
            start = _position(text, edit.start)
            end = _position(text, edit.end)
            edits.append(lsp.TextEdit(document.range_to_client_units(ServerTextRange(start, end)), edit.replacement))
        return edits


def _position(text: str, offset: int) -> ServerTextPosition:
    line = text.count("\n", 0, offset)
    start = text.rfind("\n", 0, offset) + 1
    return ServerTextPosition(line, offset - start)


def _overlaps(a: lsp.Range, b: lsp.Range) -> bool:
    def key(p: lsp.Position) -> tuple[int, int]:
        return p.line, p.character

    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


def build(config_file: str | None = None) -> KzlintServer:
    server = KzlintServer(config_file=config_file)

    @server.feature(lsp.INITIALIZE)
    def initialize(ls: KzlintServer, params: lsp.InitializeParams) -> None:
        options = params.initialization_options or {}
        if isinstance(options, dict) and isinstance(options.get("debounce"), (int, float)):
            ls.debounce = max(0.0, float(options["debounce"]))

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: KzlintServer, params: lsp.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: KzlintServer, params: lsp.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: KzlintServer, params: lsp.DidSaveTextDocumentParams) -> None:
        ls.linter.refresh()  # a save may be a new file of the corpus
        ls.schedule(params.text_document.uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: KzlintServer, params: lsp.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        pending = ls._pending.pop(uri, None)
        if pending is not None:
            pending.cancel()
        path = uri_to_path(uri)
        if path is not None:
            ls.linter.close(path)
        ls.findings.pop(uri, None)
        ls._texts.pop(uri, None)
        ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched(ls: KzlintServer, params: lsp.DidChangeWatchedFilesParams) -> None:
        ls.linter.refresh()

    @server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION,
                    lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix, FIX_ALL]))
    def code_action(ls: KzlintServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        uri = params.text_document.uri
        findings, text = ls.findings.get(uri, []), ls._texts.get(uri)
        if text is None:
            return []
        document = ls.workspace.get_text_document(uri)
        if document.source.replace("\r\n", "\n").replace("\r", "\n") != text:
            return []  # the findings are for an older text: their offsets no longer hold
        only = params.context.only
        actions: list[lsp.CodeAction] = []
        fixable = [f for f in findings if f.fix is not None and f.fix.safe]
        if only is None or lsp.CodeActionKind.QuickFix in only:
            for finding in fixable:
                diagnostic = ls.diagnostic(document, finding, uri_to_path(uri) or "")
                if not _overlaps(diagnostic.range, params.range):
                    continue
                actions.append(lsp.CodeAction(
                    title=f"kzlint: {finding.fix.description} ({finding.code})",
                    kind=lsp.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic],
                    is_preferred=True,
                    edit=lsp.WorkspaceEdit(changes={uri: ls.text_edits(document, text, finding)}),
                ))
        if fixable and (only is None or any(FIX_ALL.startswith(kind) for kind in only)):
            edits: list[lsp.TextEdit] = []
            taken: list[tuple[int, int]] = []
            for finding in fixable:  # one pass of non-overlapping fixes, as --fix's first round
                spans = [(e.start, e.end) for e in finding.fix.edits]
                if any(s < t_end and t_start < e or (s == e and t_start <= s <= t_end)
                       for s, e in spans for t_start, t_end in taken):
                    continue
                taken.extend(spans)
                edits.extend(ls.text_edits(document, text, finding))
            actions.append(lsp.CodeAction(title="kzlint: fix all safe findings", kind=FIX_ALL,
                                          edit=lsp.WorkspaceEdit(changes={uri: edits})))
        return actions

    return server


def serve(config_file: str | None = None, log_file: str | None = None) -> int:
    """Serve over standard input and output until the client says exit."""
    if log_file:
        logging.basicConfig(filename=log_file, level=logging.DEBUG)
    build(config_file).start_io()
    return 0


def main(argv: list[str] | None = None) -> int:
    """`python -m lint.lsp [--config FILE] [--log-file FILE]`: what `kzlint server` runs."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m lint.lsp", description="kzlint's language server "
                                     "(LSP over standard input and output); `kzlint server` is the same.")
    parser.add_argument("--config", metavar="FILE", help="use this config for every file")
    parser.add_argument("--log-file", metavar="FILE", help="write the server's log here")
    options = parser.parse_args(argv)
    return serve(options.config, options.log_file)


if __name__ == "__main__":
    sys.exit(main())
