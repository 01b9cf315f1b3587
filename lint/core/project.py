"""The project a run works in, and whether a path lies inside it.

kzlint never writes outside the project, and reads a symbolic link that leads out of it only when
`follow-outside-links` says so (README, "Symbolic links"): pre-commit runs kzlint on whatever a
contributor pushes, so a planted `x.txt -> /etc/passwd` or a link at a temporary file's name is
the attack.
"""

from __future__ import annotations

import os
from pathlib import Path


def project_root(cwd: Path, config_dir: Path | None = None) -> Path:
    """The git work tree holding `cwd` (found by its `.git`, without a subprocess), else the folder
    of the config file in use, else `cwd`."""
    start = Path(os.path.abspath(cwd))
    for folder in (start, *start.parents):
        if os.path.lexists(folder / ".git"):
            return folder
    return Path(os.path.abspath(config_dir)) if config_dir is not None else start


def inside(real: str, roots: tuple[str, ...]) -> bool:
    """Whether the real path `real` is one of `roots` (real paths) or below one."""
    return any(real == root or real.startswith(root.rstrip(os.sep) + os.sep) for root in roots)
