"""The command line: argument parsing and the lint run (main.py, groups.py: one run per config),
`kzlint rules` / `explain` / `server` (commands.py), `kzlint config` (settings.py), notices,
the progress bar."""

from lint.cli.main import main

__all__ = ["main"]
