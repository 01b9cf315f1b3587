"""LanguageTool for KZ201: find a server without waiting on one, send sentences in batches,
map each match back to its sentence, and remember results per sentence.

Nothing here downloads. `remote` talks to a server the user runs; `local` starts the
LanguageTool that language-tool-python keeps on disk, and only when it is already there
(the one-time download is the user's step, see README). A missing server costs one
refused connection, bounded by `connect-timeout-s`.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import threading
import time
from bisect import bisect_right
from pathlib import Path
import urllib.error
import urllib.parse
import urllib.request
from urllib.parse import urlsplit

from lint.backends.match import Match, Unavailable
from lint.config import LanguageToolSettings
from lint.core import cache_folder, process

SEPARATOR = "\n\n"  # between sentences of a batch: LanguageTool reads each as its own paragraph
MIN_JAVA = 17


# -- the /v2/check response -------------------------------------------------------------------


def parse_response(payload: dict, text: str, max_replacements: int = 3) -> list[Match]:
    """Matches of a LanguageTool /v2/check response for `text`.

    LanguageTool counts offsets in UTF-16 code units (it is Java); Python strings count code
    points, so every character outside the Basic Multilingual Plane (emoji, some CJK) before
    a match shifts it by one.
    """
    wide = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
    wide_utf16 = [i + n for n, i in enumerate(wide)]  # their UTF-16 offsets
    matches = []
    for raw in payload.get("matches", []):
        start16 = int(raw["offset"])
        end16 = start16 + int(raw["length"])
        start = start16 - bisect_right(wide_utf16, start16 - 1)
        end = end16 - bisect_right(wide_utf16, end16 - 1)
        rule = raw.get("rule", {})
        replacements = tuple(r["value"] for r in raw.get("replacements", [])[:max_replacements] if r.get("value"))
        matches.append(Match(start, end - start, " ".join(str(raw.get("message", "")).split()),
                             str(rule.get("id", "")), str(rule.get("category", {}).get("id", "")),
                             str(rule.get("issueType", "")), replacements))
    return matches


# -- batching ---------------------------------------------------------------------------------


def batches(sentences: list[str], limit: int) -> list[list[int]]:
    """Indexes of `sentences` grouped so that each group, joined by SEPARATOR, stays under `limit`
    characters (a longer sentence goes alone)."""
    groups: list[list[int]] = []
    size = 0
    for index, sentence in enumerate(sentences):
        cost = len(sentence) + len(SEPARATOR)
        if not groups or size + cost > limit:
            groups.append([])
            size = 0
        groups[-1].append(index)
        size += cost
    return groups


def split_matches(matches: list[Match], lengths: list[int]) -> list[list[Match]]:
    """Matches of a joined batch, given back per sentence with sentence-relative offsets.

    A match that runs across a separator belongs to no sentence and is dropped.
    """
    starts = []
    position = 0
    for length in lengths:
        starts.append(position)
        position += length + len(SEPARATOR)
    per_sentence: list[list[Match]] = [[] for _ in lengths]
    for match in matches:
        index = bisect_right(starts, match.offset) - 1
        if index < 0:
            continue
        relative = match.shifted(-starts[index])
        if relative.offset + relative.length <= lengths[index]:
            per_sentence[index].append(relative)
    return per_sentence


# -- talking to a server ----------------------------------------------------------------------


class Client:
    """A LanguageTool HTTP server at `base_url` (the part before /v2/).

    Every request has a total deadline (`timeout-s`), not a timeout per read: a server that
    sends one byte every few seconds never trips a read timeout. All the requests of a run share
    one budget (`run-timeout-s`), counted from when the client was made; forked workers inherit
    it (the monotonic clock is the same in every process)."""

    def __init__(self, base_url: str, settings: LanguageToolSettings) -> None:
        self.base_url = base_url.rstrip("/")
        self.settings = settings
        self.run_deadline = time.monotonic() + settings.run_timeout_s

    def _request(self, path: str, data: dict | None, timeout: float):
        """`_fetch` within `timeout` seconds in all and within the run's budget (`run-timeout-s`,
        counted from when this client was made; forked workers inherit it): a socket timeout
        bounds each read only, and a server that sends one byte every few seconds never trips it.
        The request runs in a helper thread; past the deadline the run goes on without it."""
        left = self.run_deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError(f"LanguageTool time for this run is spent (languagetool.run-timeout-s: "
                               f"{self.settings.run_timeout_s:g} s)")
        seconds = min(timeout + self.settings.connect_timeout_s, left)
        outcome: dict = {}

        def run() -> None:
            try:
                outcome["value"] = self._fetch(path, data, timeout)
            except BaseException as exc:  # handed to the caller's thread
                outcome["error"] = exc

        worker = threading.Thread(target=run, name="kzlint-languagetool", daemon=True)
        worker.start()
        worker.join(seconds)
        if worker.is_alive():
            raise TimeoutError(f"no complete answer within {seconds:g} s")
        if "error" in outcome:
            raise outcome["error"]
        return outcome["value"]

    def _fetch(self, path: str, data: dict | None, timeout: float):
        """One HTTP request with the standard library (no requests: kzlint needs nothing more);
        the JSON answer. Each call opens its own connection, so forked workers share none."""
        body = urllib.parse.urlencode(data).encode("utf-8") if data is not None else None
        request = urllib.request.Request(f"{self.base_url}{path}", data=body,
                                         headers={"Accept": "application/json", "User-Agent": "kzlint"})
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (the configured server)
            return json.loads(response.read().decode("utf-8"))

    def probe(self) -> None:
        """Raise Unavailable unless the server answers /v2/languages, quickly.

        A plain TCP connect comes first: when nothing listens (the usual case without
        LanguageTool) the run pays one refused connection.
        """
        parsed = urlsplit(self.base_url)
        try:
            port = parsed.port or (443 if parsed.scheme == "https" else 80)
            socket.create_connection((parsed.hostname or "localhost", port), self.settings.connect_timeout_s).close()
        except ValueError as exc:
            raise Unavailable(f"languagetool.url {self.base_url!r} is not a URL ({exc})") from None
        except OSError:
            raise Unavailable(f"no LanguageTool server answers at {self.base_url}") from None
        try:
            self._request("/v2/languages", None, max(self.settings.connect_timeout_s, min(self.settings.timeout_s, 10)))
        except (TimeoutError, socket.timeout):
            raise Unavailable(f"the LanguageTool server at {self.base_url} timed out") from None
        except urllib.error.HTTPError as exc:
            raise Unavailable(f"{self.base_url} is not a LanguageTool server ({_short(exc)})") from None
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, (TimeoutError, socket.timeout)):
                raise Unavailable(f"the LanguageTool server at {self.base_url} timed out") from None
            raise Unavailable(f"no LanguageTool server answers at {self.base_url}") from None
        except (OSError, ValueError) as exc:
            raise Unavailable(f"{self.base_url} is not a LanguageTool server ({_short(exc)})") from None

    def check(self, text: str) -> list[Match]:
        """Matches in `text` (one request). Raises Unavailable when the request fails."""
        settings = self.settings
        data = {"language": settings.language, "text": text}
        if settings.enabled_rules:  # only these (LanguageTool refuses disabled-* lists with enabledOnly)
            data["enabledOnly"] = "true"
            data["enabledRules"] = ",".join(rule_ids(settings.enabled_rules, settings.language))
            if settings.enabled_categories:
                data["enabledCategories"] = ",".join(settings.enabled_categories)
        else:
            for key, values in (("disabledRules", settings.disabled_rules),
                                ("enabledCategories", settings.enabled_categories),
                                ("disabledCategories", settings.disabled_categories)):
                if values:
                    data[key] = ",".join(values)
        try:
            return parse_response(self._request("/v2/check", data, settings.timeout_s), text)
        except (OSError, ValueError, KeyError, TypeError) as exc:  # URLError, HTTPError and timeouts are OSErrors
            raise Unavailable(f"LanguageTool request to {self.base_url} failed ({_short(exc)})") from None


def rule_ids(names: list[str], language: str) -> list[str]:
    """LanguageTool rule ids, with SPELLING replaced by the spelling rule of `language`
    (MORFOLOGIK_RULE_EN_US for en-US, MORFOLOGIK_RULE_EN_GB for en-GB ...)."""
    variant = language.upper().replace("_", "-").replace("-", "_")
    spelling = f"MORFOLOGIK_RULE_{variant}" if "_" in variant else f"MORFOLOGIK_RULE_{variant}_US"
    return [spelling if name == "SPELLING" else name for name in names]


def _short(exc: Exception) -> str:
    return " ".join(str(exc).split())[:160] or type(exc).__name__


# -- the install language-tool-python manages ---------------------------------------------------


def local_install() -> Path | None:
    """The newest LanguageTool that language-tool-python has downloaded, without creating
    or downloading anything (same folders it uses: $LTP_JAR_DIR_PATH, $LTP_PATH, ~/.cache)."""
    jar_dir = os.environ.get("LTP_JAR_DIR_PATH")
    if jar_dir:
        return Path(jar_dir) if Path(jar_dir).is_dir() else None
    folder = Path(os.environ.get("LTP_PATH") or Path.home() / ".cache" / "language_tool_python")
    if not folder.is_dir():
        return None
    installs = [p for p in folder.glob("LanguageTool-*")
                if (p / "languagetool-server.jar").is_file() or (p / "languagetool.jar").is_file()]
    return max(installs, key=lambda p: _version_key(p.name), default=None)


def _version_key(name: str) -> tuple:
    return tuple(int(part) for part in re.findall(r"\d+", name))


def java_major_version() -> int | None:
    java = shutil.which("java")
    if not java:
        return None
    try:
        output = process.run([java, "-version"], timeout=10).stderr.decode("utf-8", "replace")
    except (OSError, subprocess.SubprocessError):
        return None
    match = re.search(r'version "(\d+)(?:\.(\d+))?', output)
    if not match:
        return None
    major = int(match.group(1))
    return int(match.group(2) or 0) if major == 1 else major  # "1.8" is Java 8


_LOCAL_SERVER = None  # kept alive for the run; language-tool-python stops it at exit


def start_local(settings: LanguageToolSettings) -> str:
    """Start the installed LanguageTool through language-tool-python; return its base URL."""
    global _LOCAL_SERVER
    install = local_install()
    if install is None:
        import importlib.util

        if importlib.util.find_spec("language_tool_python") is None:
            raise Unavailable("no local LanguageTool (language-tool-python is not installed)")
        raise Unavailable("no local LanguageTool install")
    java = java_major_version()
    if java is None or java < MIN_JAVA:
        found = "no java on PATH" if java is None else f"found Java {java}"
        raise Unavailable(f"LanguageTool needs Java {MIN_JAVA}+ ({found})")
    if _LOCAL_SERVER is None:
        try:
            import language_tool_python
        except ImportError:
            raise Unavailable("a local LanguageTool is started by language-tool-python: "
                              "pip install 'kzlint[languagetool]'") from None

        version = install.name.removeprefix("LanguageTool-")
        try:
            _LOCAL_SERVER = language_tool_python.LanguageTool(settings.language, language_tool_download_version=version)
        except Exception as exc:  # the library raises several types; none may stop a lint run
            raise Unavailable(f"the local LanguageTool server did not start ({_short(exc)})") from None
    return _LOCAL_SERVER.url.rstrip("/").removesuffix("/v2")


# -- choosing a server ------------------------------------------------------------------------

RUNNING_URL_ENV = "KZLINT_LANGUAGETOOL_RUNNING"  # a server this run started, for worker processes


def server_reachable(url: str, timeout: float) -> bool:
    """Whether something accepts TCP connections at the URL's host and port (no request sent)."""
    parts = urlsplit(url)
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        with socket.create_connection((parts.hostname or "localhost", port), timeout=min(timeout, 0.5)):
            return True
    except (OSError, ValueError):
        return False


def connect(settings: LanguageToolSettings) -> Client:
    """A client for the server the settings ask for; Unavailable (with every reason) otherwise."""
    if settings.mode == "off":
        raise Unavailable("languagetool.mode is off")
    running = os.environ.get(RUNNING_URL_ENV)
    if running and settings.mode in ("local", "auto"):
        return Client(running, settings)
    reasons = []
    if settings.mode in ("remote", "auto"):
        client = Client(settings.url, settings)
        try:
            client.probe()
            return client
        except Unavailable as exc:
            reasons.append(str(exc))
    if settings.mode in ("local", "auto"):
        try:
            url = start_local(settings)
            os.environ[RUNNING_URL_ENV] = url
            return Client(url, settings)
        except Unavailable as exc:
            reasons.append(str(exc))
    raise Unavailable("; ".join(reasons))


# -- results per sentence ---------------------------------------------------------------------


class SentenceCache:
    """LanguageTool results per sentence (JSON in SQLite), keyed by the sentence and the settings.

    A re-run, or an edit elsewhere in the article, asks the server only about new sentences.
    Any error is a miss: the cache is always safe to delete.
    """

    def __init__(self, folder: Path, settings: LanguageToolSettings) -> None:
        self.folder = folder
        fingerprint = json.dumps(settings.model_dump(mode="json", exclude={"mode", "url", "timeout_s",
                                                                            "run_timeout_s", "connect_timeout_s",
                                                                            "batch_chars", "cache"}), sort_keys=True)
        self._salt = hashlib.blake2b(fingerprint.encode(), digest_size=8).hexdigest()
        self._db: sqlite3.Connection | None = None
        self._pid = 0

    def key(self, sentence: str) -> str:
        return hashlib.blake2b(f"{self._salt}\0{sentence}".encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is None or self._pid != os.getpid():  # never use a parent process's connection
            self._db, self._pid = None, os.getpid()
            try:
                # named after the folder's identity: answers committed or copied in are never read
                identity = cache_folder.identity(self.folder, create=True)
                self._db = sqlite3.connect(self.folder / f"languagetool-sentences-{identity}.sqlite", timeout=10)
                self._db.execute("CREATE TABLE IF NOT EXISTS sentences (key TEXT PRIMARY KEY, matches TEXT)")
            except (OSError, sqlite3.Error):
                self._db = None
        return self._db

    def get_many(self, keys: list[str]) -> dict[str, list[Match]]:
        db = self._connect()
        found: dict[str, list[Match]] = {}
        if db is None:
            return found
        try:
            for start in range(0, len(keys), 900):
                chunk = keys[start:start + 900]
                rows = db.execute(f"SELECT key, matches FROM sentences WHERE key IN ({','.join('?' * len(chunk))})", chunk)
                for key, payload in rows:
                    found[key] = [Match.from_json(m) for m in json.loads(payload)]
        except (sqlite3.Error, ValueError, TypeError):
            return {}
        return found

    def put_many(self, items: dict[str, list[Match]]) -> None:
        db = self._connect()
        if db is None or not items:
            return
        rows = [(key, json.dumps([m.to_json() for m in matches], ensure_ascii=False)) for key, matches in items.items()]
        try:
            with db:
                db.executemany("INSERT OR REPLACE INTO sentences VALUES (?, ?)", rows)
        except sqlite3.Error:
            pass


def check_sentences(client: Client, sentences: list[str], cache: SentenceCache | None) -> list[list[Match]]:
    """Matches per sentence (offsets relative to each sentence), from the cache or the server."""
    keys = [cache.key(s) for s in sentences] if cache else []
    known = cache.get_many(sorted(set(keys))) if cache else {}
    results: list[list[Match] | None] = [known.get(k) for k in keys] if cache else [None] * len(sentences)
    todo = [i for i, r in enumerate(results) if r is None]
    fresh: dict[str, list[Match]] = {}
    todo_texts = [sentences[i] for i in todo]
    for group in batches(todo_texts, client.settings.batch_chars):
        texts = [todo_texts[g] for g in group]
        found = split_matches(client.check(SEPARATOR.join(texts)), [len(t) for t in texts])
        for g, matches in zip(group, found):
            index = todo[g]
            results[index] = matches
            if cache:
                fresh[keys[index]] = matches
    if cache:
        cache.put_many(fresh)
    return [r or [] for r in results]
