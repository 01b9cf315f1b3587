"""On-disk cache of per-document results, keyed by path + content hash.

One SQLite file per (kzlint version, config hash) inside the cache directory, which
holds its own `.gitignore` and is always safe to delete. Payloads are JSON (never
pickle: a cache checked into a hostile repository must not run code). Any error reading
the cache is treated as a miss.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path

from lint import __version__


def content_key(path: str, data: bytes) -> str:
    return hashlib.blake2b(path.encode("utf-8", "surrogateescape") + b"\0" + data, digest_size=16).hexdigest()


class Cache:
    def __init__(self, folder: Path, config_fingerprint: str) -> None:
        self.folder = folder
        name = hashlib.blake2b(f"{__version__}\0{config_fingerprint}".encode(), digest_size=8).hexdigest()
        self.file = folder / f"results-{name}.sqlite"
        self._db: sqlite3.Connection | None = None
        self._pending: list[tuple[str, str]] = []

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is None:
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                ignore = self.folder / ".gitignore"
                if not ignore.exists():
                    ignore.write_text("# created by kzlint; safe to delete\n*\n", encoding="utf-8")
                self._db = sqlite3.connect(self.file, timeout=5)
                self._db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, payload TEXT)")
            except (OSError, sqlite3.Error):
                self._db = None
                self._reset()
        return self._db

    def _reset(self) -> None:
        """A corrupt cache file is removed so that the next write rebuilds it."""
        try:
            os.unlink(self.file)
        except OSError:
            pass

    def get_many(self, keys: list[str]) -> dict[str, object]:
        db = self._connect()
        if db is None or not keys:
            return {}
        found: dict[str, object] = {}
        try:
            for chunk_start in range(0, len(keys), 900):
                chunk = keys[chunk_start:chunk_start + 900]
                marks = ",".join("?" * len(chunk))
                for key, payload in db.execute(f"SELECT key, payload FROM results WHERE key IN ({marks})", chunk):
                    try:
                        found[key] = json.loads(payload)
                    except ValueError:
                        continue
        except sqlite3.Error:
            self.close()
            self._reset()
            return {}
        return found

    def put(self, key: str, payload: object) -> None:
        self._pending.append((key, json.dumps(payload, ensure_ascii=False, separators=(",", ":"))))

    def flush(self) -> None:
        db = self._connect()
        if db is None or not self._pending:
            self._pending.clear()
            return
        try:
            with db:
                db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?)", self._pending)
        except sqlite3.Error:
            self.close()
            self._reset()
        self._pending.clear()

    def close(self) -> None:
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
            self._db = None
