"""What the subcommands share: the argument parser that fails with one line, code lists, the
config for the working directory."""

from __future__ import annotations

import argparse
from pathlib import Path

from lint.config import discover, load
from lint.engine.discovery import UsageError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, exit 2, like every other usage error
        raise UsageError(message)


def split(values: list[str] | None) -> list[str]:
    return [part for value in values or [] for part in value.replace(",", " ").split()]


def load_config(path: str | None, cwd: Path):
    """The config to use and the folder its relative paths start from (--config, else the
    closest kzlint config above `cwd`)."""
    if path:
        file = Path(path)
        if not file.is_file():
            raise UsageError(f"--config {path}: no such file")
        return load(file), file.resolve().parent
    found = discover(cwd)
    return load(found), (found.parent if found else cwd)
