"""The document model (Markdown, front matter, offsets), reading and decoding, findings, selectors, fingerprints."""
