"""The command line: argument parsing (main.py), `kzlint rules` / `explain` (commands.py), the progress bar."""

from lint.cli.main import main

__all__ = ["main"]
