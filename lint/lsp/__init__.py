"""kzlint's language server (LSP over stdio, pygls): `kzlint server` or `python -m lint.lsp`."""
