"""On-disk cache of per-document results, keyed by path + content hash.

One SQLite file per (kzlint version, cache schema, config hash, folder identity) inside the
cache directory, which holds its own `.gitignore` and is always safe to delete; a folder
committed to git or copied from elsewhere has another identity, so its files are never read
(lint.core.cache_folder). Tables:
  results  content key -> the document's own results (JSON) and its corpus facts (JSON by rule,
           engine.corpus.pack_facts),
           kept apart so a run that needs only one does not parse the other;
  files    path -> (size, mtime, ctime, inode) and content key, like git's index: a file
           whose stat has not changed since it was hashed is not read again;
  corpus   fingerprint of every (path, content key) -> the corpus rules' findings (compressed
           JSON), so a run over an unchanged corpus does not redo the group-by;
  claims   (corpus rule, claim key) -> the documents whose facts carry that key, so a run
           over a few files consults only the documents that share a key with them (and,
           for a rule that keeps its facts in the index, their facts with that key);
  reports  a hash of a run's inputs (every file's content key, the report's options) -> the
           report it printed (compressed), its exit code and notices: a run over an unchanged
           corpus prints it again without parsing, filtering or rendering a finding.
Payloads are JSON (never pickle: a cache checked into a hostile repository must not run
code). Any error reading the cache is treated as a miss. The folder also holds the compiled
regular expressions of the last runs (lint.engine.pattern_cache, one JSON file per Python).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
import time
import zlib
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from lint import __version__
from lint.core import cache_folder
from lint.core.findings import Finding, to_record
from lint.engine.discovery import RACY_SECONDS, Listing

SCHEMA = 106  # 10: corpus findings compressed; 11: KZ202 and KZ203 tell other languages without wordfreq, and by
# paragraph and article; 12: KZ102's line facts carry the local furniture model's score; 13: places named with
# their owner ('Nepal's Jajarkot') or with their country; 14: KZ502's mentions carry a foreign article's language;
# 15: KZ502's bucket keys leave out the Arabic article and a vowel's final h; 16: the world gazetteer holds
# the cities of 5,000; 17: claims in a sentence opening on the count before it are partitive, and a span of
# years dates a claim; 18: the gazetteer's districts in place keys; 19: increments are partitive, a place's share
# is marked; 20: a name set beside another spelling of itself in a sentence is no mention;
# 21: 'N years since' dates an event; 22: KZ202 reads a quoted gloss after a dash and a translation quoted next;
# 23: religious titles and an office's abbreviation after a title are not a name's words;
# 24: a claim carries the storm its sentence names; 25: a title-case dateline with its agency is one;
# 26: an event word inside a body's name ('Emergency Operation Center') is no event;
# 27: 'fire officials' are no fire; 28: a page's body opens with its first run of three prose paragraphs;
# 29: a count out of a whole it states ('179 of the 181') is no partitive; 30: a longer name's last word that
# is an English word ('Airport') is its head noun, no place; 31: a claim carries its live-blog entry;
# 32: 'deceased', a toll that 'amounts to' or is revised 'down to'; 33: a page's headline is the first line that
# sums up its lede; 34: KZ203 reads the context of a near-miss word without the word ('causalities');
# 35: KZ202 reads no language in a URL; 36: 'A post shared by' ending a sentence is prose; 37: KZ104 finds a
# sentence glued after a figure, a bracket or a quotation; 38: a 'when' clause takes the time before it;
# 39: a claim its sentence tells is an earlier count ('Earlier this week the toll stood at'); 40: a dateline's
# day-month date and double dash ('LISBON, 4 September --'); a place the gazetteer lacks is near the dateline's;
# 41: KZ102's patterns: a picture's credit standing alone, a printed page's number; 42: a newsletter named by its brand;
# 43: KZ109 leaves short lines set out one by one (verse, an address) in a document of one-line paragraphs;
# 44: KZ106 leaves the marks of the notes an article gives ('[1]' over '[1] France completed ...'); 45: and a
# tag the prose names ('a <script> tag'); 46: KZ203 reads no handle, address or entity as words, and 'what it is is';
# 47: attribution cues 'given by', 'compiled by', 'tally', 'records show', 'count shows'; 48: 'Congo' names both
# Congos, the DRC first, and leans to the one the document names places in; 'DR Congo'; 49: a claim that sums
# several events ('after two boat accidents'); 50: a region the text calls a province, in another romanisation;
# 51: 'click here for'; 52: a dateline names a city ('WASHINGTON' the capital); 53: 'revised upward to', 'killing all
# 242', 'martyred'; 54: a count of those aboard; 55: ... is a part of the toll, no more than it; 56: a name
# opening a sentence after a common word ('Survivor Jospin Mboyi') is also a name without it; 'In Lukolela, ...' is
# a place after 'in'; '150 bodies' a toll found so far; 'killed on the ground' a part; a sentence without a place
# is where the one before it is; 57: 'since 2008' dates no story, 'a year ago today' is that day, the faithful and
# rescuers are counted, 'admitted to hospital' is no cue, a report that 'lists' a toll gives it; 58: a count the
# article denies ('not 40,000'), one it 'had put' earlier, a live blog's earlier entries; parts at the scene, in hospital;
# 59: hard-wrapped plain text is read a paragraph at a time; a wrapped paragraph's repetition key is its first line;
# 60: KZ105 reads a lone damaged letter in a word ('ErdoÄŸan'); 'Chief Adviser' is a title; 61: a toll that
# 'remained at', 'has reached' after a long subject, 'the number of victims who died', 'raising the toll ... to';
# 62: a quotation may run across a wrapped line; a wrapped line ending a sentence may end its paragraph; 63: a list
# the article's prose introduces with a colon is the article's; 64: 'including five children' is a part; 65: a
# year's total; 'deported from Iran' is passing; 'Emergency Operations Centre' is no region Centre; 66: 'a year'
# alone is no year's total; 67: 'the earlier toll of 66' is a count (KZ501: another article's 66 is superseded);
# 68: those 'receiving treatment' are a part (hospital); 69: a feared toll ('fears of hundreds dead') is no count
# 70: one vowel of a given name before a rare surname (KZ502); 71: a joiner glued to a brand (KZ104)
# 72: a floor far below an attributed toll restates nothing (KZ301)
# 73: extraction: 'death of', succumbed, martyrs, compatriots; a qualified count after a time stamp; 'and' opens a verb; diseases named after places
# 74: a count across an unnamed country, and the sentence after it, take no town (KZ501)
# 75: event words: sinks, capsizes, capsizing, shipwrecks, collides, derails
# 76: names: an office's portfolio opens no name; m/n and s/z slips; a final 'que' is q (KZ502)
# 77: a breakdown of an attributed count is covered (KZ301)
# 78: small corpora: a line 3+ other documents hold is furniture from p 0.1 (KZ102)
# 79: cues 'estimated that', 'study by'...; sheltering and camps are displaced; volunteers; an increment is a part (KZ301)
# 80: a long last line without a stop ending on a conjunction is cut (KZ107); until, despite, amid, via are prepositions
# 81: a quotation translated after its speech tag (KZ202); 82: a distance's landmark is no event place (KZ501)
# 83: a number written out is no place; 84: an unknown site's key drops its generic word
# 85: 'X claim that N died' names the claim as its speaker (KZ501)
# 86: the standfirst under the headline is the article (KZ102)
# 87: a count of "others" adds to the one before it (partitive)
# 88: two counts of one measure joined by "and" in a sentence are a breakdown (KZ501)
# 89: a noun for people after a figure is no verb of it (figures)
# 90: a first paragraph under a front-matter title is the lede, not a restated headline (KZ501)
# 91: KZ102 reads a rights notice with its holder before the year, and a comment or byline time stamp line
# 92: KZ502: a doubled letter beside names English does not write every day is one name
# 93: KZ501 compares a toll of workers with one of people
# 94: the names before "hospitals" are no places (KZ501)
# 95: a longer second syllable that is no English word is name material (Lee Jae-myung)
# 96: KZ502 buckets a hyphenated syllable without its silent final h
# 97: KZ104 finds lowercase words glued to a joiner and a title glued to a name
# 98: a call to action the site repeats is furniture inside the article (KZ102)
# 99: a plain-text table of cells with figures is no unit of the furniture model
# 100: a label the page repeats at its ad slots and the site on other pages is furniture (KZ102)
# 101: KZ102 reads a relative time stamp after a name and a separator
# 102: the phrase lists' verdicts are the context of short lines (KZ102)
# 103: a toll counting the attackers spans the victims alone; a count beside another group is a breakdown (KZ501)
# 104: an owner named inside a run tells its country; a loose reading abroad yields to it
# 105: KZ502: a romanised family name beside two rare given names is one name
# 106: KZ102 rights-notice and time-stamp patterns without bounded repeats
FLUSH_EVERY = 2000  # pending rows written in batches: bounded memory on a cold run
SCAN_ABOVE = 5000  # more keys than this are read with a table scan, not looked up one by one
SLICE = 1 << 20  # characters of a long report encoded at a time: never a second copy of it whole
CLAIMS_INDEX = "CREATE INDEX IF NOT EXISTS claims_by_claim ON claims (rule, claim)"  # see Cache._index_claims


def content_key(path: str, data: bytes) -> str:
    return hashlib.blake2b(path.encode("utf-8", "surrogateescape") + b"\0" + data, digest_size=16).hexdigest()


def stat_signature(st: os.stat_result) -> tuple[int, int, int, int]:
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def corpus_fingerprint(keys: Iterable[tuple[str, str]]) -> str:
    """One hash for a whole corpus state: sorted (path, content key) pairs."""
    digest = hashlib.blake2b(digest_size=16)
    for path, key in sorted(keys):
        digest.update(f"{path}\0{key}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def dumps(payload: object) -> str:
    """Compact JSON, as json.dumps(payload, ensure_ascii=False, separators=(",", ":")) writes it,
    through one encoder: json.dumps builds a new encoder per call with these options (a third of
    the time of the million small records a cold run of 100,000 documents writes)."""
    return _ENCODE(payload)


_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _fast_loads():
    """orjson's loads when it is installed (3-4x faster on a warm run's 100k rows), else json's."""
    try:
        import orjson
    except ImportError:
        return json.loads

    def loads(text: str):
        try:
            return orjson.loads(text)
        except orjson.JSONDecodeError:  # NaN / Infinity, which json writes and orjson refuses
            return json.loads(text)

    return loads


loads = _fast_loads()


def _insert(db: sqlite3.Connection, sql: str, rows: list[tuple]) -> None:
    """Insert rows; a row SQLite cannot store (a file name that is not UTF-8) is left uncached."""
    try:
        db.executemany(sql, rows)
    except UnicodeEncodeError:
        for row in rows:
            try:
                db.execute(sql, row)
            except UnicodeEncodeError:
                continue


def _has_json_each(db: sqlite3.Connection) -> bool:
    """Whether this SQLite has its JSON functions (built in since 3.38, and in most builds before)."""
    try:
        db.execute("SELECT value FROM json_each('[]')").fetchall()
    except sqlite3.OperationalError:
        return False
    return True


def _only(values: Iterable, kind: type) -> bool:
    """Whether every value is exactly of this type (a listing's 100,000 names: one C-level pass)."""
    return set(map(type, values)) <= {kind}


def _storable(text: str) -> bool:
    """Whether SQLite can hold this text: a file name that is not UTF-8 never is in the cache."""
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class Cache:
    def __init__(self, folder: Path, config_fingerprint: str) -> None:
        self.folder = folder
        self._config_fingerprint = config_fingerprint
        self.file: Path | None = None  # named after the folder's identity when first connected
        self._db: sqlite3.Connection | None = None
        self._json_each = False  # whether the connected SQLite has json_each (asked once per connection)
        self._pending: list[tuple[str, str | None, str]] = []
        self._pending_files: list[tuple] = []
        self._pending_claims: list[tuple[str, str, str, str, str | None]] = []
        self._pending_claim_lists: list[tuple[str, str, str, str]] = []  # (rule, path, key, JSON list of claims)

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is None:
            try:
                identity = cache_folder.identity(self.folder, create=True)
                name = f"{__version__}\0{SCHEMA}\0{self._config_fingerprint}\0{identity}"
                self.file = self.folder / f"results-{hashlib.blake2b(name.encode(), digest_size=8).hexdigest()}.sqlite"
                for suffix in ("", "-wal", "-shm", "-journal"):  # SQLite would open a planted link's target
                    if os.path.islink(f"{self.file}{suffix}"):
                        os.unlink(f"{self.file}{suffix}")
                db = sqlite3.connect(self.file, timeout=5)
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=OFF")  # no fsync: a cache lost in a crash is rebuilt
                db.executescript(
                    "CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, document TEXT, facts TEXT);"
                    "CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, size INT, mtime INT, ctime INT,"
                    " inode INT, key TEXT);"
                    "CREATE TABLE IF NOT EXISTS corpus (fingerprint TEXT PRIMARY KEY, findings BLOB);"
                    # appended, not kept unique (a rare duplicate is harmless): half the cost of a
                    # keyed insert, for the million rows a cold run of 100,000 documents writes
                    "CREATE TABLE IF NOT EXISTS claims (rule TEXT, claim TEXT, path TEXT, key TEXT, facts TEXT);"
                    "CREATE TABLE IF NOT EXISTS listings (root TEXT PRIMARY KEY, folders TEXT, files TEXT);"
                    "CREATE TABLE IF NOT EXISTS filtered (key TEXT PRIMARY KEY, files TEXT);"
                    "CREATE TABLE IF NOT EXISTS unindexed (key TEXT PRIMARY KEY, files TEXT);"
                    "CREATE TABLE IF NOT EXISTS notices (line INT PRIMARY KEY, text TEXT);"
                    "CREATE TABLE IF NOT EXISTS reports (key TEXT PRIMARY KEY, exit INT, notices TEXT, report BLOB);"
                )
                self._db = db
                self._json_each = _has_json_each(db)
                self._forget_old()
            except (OSError, sqlite3.Error):
                self._db = None
                self._reset()
        return self._db

    def _forget_old(self, keep: int = 3) -> None:
        """Delete all but the few newest cache files: each config change starts a new one."""
        try:
            files = sorted(self.folder.glob("results-*.sqlite"), key=lambda f: f.stat().st_mtime, reverse=True)
            for old in files[keep:]:
                if old != self.file:
                    for suffix in ("", "-wal", "-shm"):
                        Path(f"{old}{suffix}").unlink(missing_ok=True)
        except OSError:  # another kzlint run is tidying up too
            pass

    def _reset(self) -> None:
        """A corrupt cache file is removed so that the next write rebuilds it."""
        if self.file is None:  # the folder could not be made: there is no file
            return
        for suffix in ("", "-wal", "-shm"):
            try:
                os.unlink(f"{self.file}{suffix}")
            except OSError:
                pass

    def _query(self, sql: str, keys: list[str], *leading: str) -> Iterable[tuple]:
        """Rows of `sql` for `keys` (bound to its {marks}), in chunks SQLite accepts."""
        db = self._connect()
        keys = [k for k in keys if _storable(k)]
        if db is None or not keys:
            return
        try:
            for start in range(0, len(keys), 900):
                chunk = keys[start:start + 900]
                yield from db.execute(sql.format(marks=",".join("?" * len(chunk))), (*leading, *chunk)).fetchall()
        except sqlite3.Error:
            self.close()
            self._reset()

    # -- per-document results ----------------------------------------------------------------
    def get_many(self, keys: list[str], *, document: bool = True,
                 facts: bool = True) -> dict[str, tuple[str | None, str | None]]:
        """(document JSON, facts JSON) of the cached keys, as text: parsed where used, so a run
        holding 100,000 of them does not hold them as objects. A part not asked for, or never
        stored (a document checked only for its facts), is None."""
        columns = ", ".join(c if wanted else "NULL" for c, wanted in (("document", document), ("facts", facts)))
        if len(keys) > SCAN_ABOVE and len(keys) * 4 > self._rows():  # one pass: 6x faster than 100,000 lookups,
            # but 5x slower than 6,000 lookups in 100,000 rows (a pre-commit run's related documents)
            wanted = set(keys)
            return {row[0]: row[1:] for row in self._all(f"SELECT key, {columns} FROM results") if row[0] in wanted}
        return {row[0]: row[1:] for row in self._query(f"SELECT key, {columns} FROM results WHERE key IN ({{marks}})", keys)}

    def _rows(self) -> int:
        """About how many documents are stored (the largest rowid: rows are rarely deleted)."""
        rows = self._all("SELECT max(rowid) FROM results")
        return rows[0][0] if rows and isinstance(rows[0][0], int) else 0

    def has_results(self) -> bool:
        """Whether any document's results are stored (a new cache has none to find by content)."""
        return bool(self._all("SELECT 1 FROM results LIMIT 1"))

    def put_json(self, key: str, document: str | None, facts: str) -> None:
        """Store a record already serialised (by a worker process) as its two JSON parts; a
        document part of None keeps the one already stored."""
        self._pending.append((key, document, facts))
        if len(self._pending) >= FLUSH_EVERY:
            self.flush()

    def discard(self) -> None:
        """Delete this cache file (found unreadable): the next write starts a new one."""
        self.close()
        self._reset()
        for rows in (self._pending, self._pending_files, self._pending_claims, self._pending_claim_lists):
            rows.clear()

    # -- the stat index ----------------------------------------------------------------------
    def files(self, paths: list[str] | None = None) -> dict[str, tuple[tuple[int, int, int, int], str]]:
        """path -> (stat signature, content key) as recorded by earlier runs: of every file, or
        of `paths` only."""
        # a row of the wrong types is a miss, left out by SQLite (100,000 rows checked in Python: 0.2 s)
        select = ("SELECT path, size, mtime, ctime, inode, key FROM files WHERE typeof(key) = 'text' AND typeof(size)"
                  " = 'integer' AND typeof(mtime) = 'integer' AND typeof(ctime) = 'integer' AND typeof(inode) = 'integer'")
        rows = self._all(select) if paths is None else self._query(select + " AND path IN ({marks})", paths)
        return {row[0]: (row[1:5], row[5]) for row in rows}

    def unindexed(self, paths: list[str]) -> list[str]:
        """Those of `paths` the stat index has no row for (a partial run reads them: they may
        relate to the files given). Kept for the same paths while the index has as many rows:
        a row is only ever added (a path never seen) or replaced (a path seen again), so the
        same count is the same paths; reading every path of a 100,000-file index took a
        pre-commit run 35 ms, counting them 2 ms."""
        rows = self._all("SELECT count(*) FROM files")
        count = rows[0][0] if rows else None
        digest = hashlib.blake2b(f"{count}\0".encode(), digest_size=16)
        digest.update("\0".join(paths).encode("utf-8", "surrogateescape"))
        key = digest.hexdigest()
        found = self._path_list("unindexed", key) if isinstance(count, int) else None
        if found is None:
            indexed = self._indexed_paths()
            found = [path for path in paths if path not in indexed]
            if isinstance(count, int):
                self._put_newest("unindexed", key, dumps(found), keep=4)
        return found

    def _indexed_paths(self) -> set[str]:
        """Every path in the stat index, as one text from SQLite (paths hold no NUL): a row per
        path cost 30 ms at 100,000 files."""
        rows = self._all("SELECT group_concat(path, char(0)) FROM files WHERE typeof(path) = 'text'")
        joined = rows[0][0] if rows else None
        return set(joined.split("\0")) if isinstance(joined, str) else set()

    def _all(self, sql: str) -> list[tuple]:
        db = self._connect()
        if db is None:
            return []
        try:
            return db.execute(sql).fetchall()
        except sqlite3.Error:
            self.close()
            self._reset()
            return []

    def put_file(self, path: str, signature: tuple[int, int, int, int], key: str) -> None:
        """Remember a file's content key, unless it was modified too recently to trust its mtime."""
        if time.time_ns() - signature[1] > RACY_SECONDS * 1e9:
            self._pending_files.append((path, *signature, key))

    # -- claim keys ---------------------------------------------------------------------------
    def put_claims(self, rule: str, claims: Iterable[tuple[str, str | None]], path: str, key: str) -> None:
        """A document version's claim keys, each with its facts for that key or None (claim_rows).
        The keys without facts go as one JSON list, which SQLite expands into rows (json_each):
        a cold run of 10,000 documents writes 290,000 of them, and a row each from Python costs
        three times as much. A key SQLite cannot store is left out: no lookup could name it."""
        claims = list(claims)
        bare = [claim for claim, facts in claims if facts is None and _storable(claim)]
        if bare:
            self._pending_claim_lists.append((rule, path, key, dumps(bare)))
        self._pending_claims.extend((rule, claim, path, key, facts) for claim, facts in claims if facts is not None)

    def _index_claims(self) -> None:
        """Index the claims by (rule, claim) once they are written: a cold run of 10,000
        documents appends 290,000 rows, and building the index after them costs half of
        keeping it up to date row by row (then later runs update it row by row). Also done in
        close()."""
        db = self._connect()
        if db is None:
            return
        try:
            db.execute(CLAIMS_INDEX)
        except sqlite3.Error:
            self.close()
            self._reset()

    @contextmanager
    def claims_indexed_meanwhile(self) -> Iterator[None]:
        """Write what is pending, then build the claim index on a connection of its own, in a
        thread, while the caller works without the cache (the corpus check). SQLite builds it
        without holding Python's lock, on the core the workers have left: 3.6 s of a cold run
        at 100,000 documents that the end of the run waited for. A failure leaves it to close()."""
        self.flush()
        file = self.file if self._db is not None else None

        def build() -> None:
            try:
                with closing(sqlite3.connect(file, timeout=5)) as db:
                    db.execute("PRAGMA synchronous=OFF")
                    db.execute(CLAIMS_INDEX)
            except sqlite3.Error:
                pass

        thread = threading.Thread(target=build, name="kzlint-claims-index") if file is not None else None
        if thread is not None:
            thread.start()
        try:
            yield
        finally:
            if thread is not None:
                thread.join()

    def holders(self, rule: str, claims: list[str]) -> set[tuple[str, str]]:
        """(path, content key) of every document version recorded with one of these claim keys."""
        self._index_claims()
        return {(path, key) for path, key in self._query("SELECT path, key FROM claims WHERE rule = ? AND claim IN ({marks})",
                                                         claims, rule) if isinstance(path, str) and isinstance(key, str)}

    def indexed_facts(self, rule: str, claims: list[str]) -> list[tuple[str, str, str]]:
        """(path, content key, facts JSON) of every document version recorded with one of these
        claim keys by a rule that keeps its facts in the index."""
        self._index_claims()
        return [row for row in self._query("SELECT path, key, facts FROM claims WHERE rule = ? AND claim IN ({marks})",
                                           claims, rule) if all(isinstance(value, str) for value in row)]

    def holder_sample(self, rule: str, claims: list[str], cap: int) -> dict[str, list[str]]:
        """claim -> up to `cap` paths recorded with it (one indexed query per claim): what a rule
        that only counts a claim's holders needs, however many documents hold it."""
        self._index_claims()
        db = self._connect()
        out: dict[str, list[str]] = {}
        if db is None:
            return out
        try:
            for claim in claims:
                if _storable(claim):
                    out[claim] = [path for (path,) in db.execute(
                        "SELECT DISTINCT path FROM claims WHERE rule = ? AND claim = ? LIMIT ?", (rule, claim, cap))]
        except sqlite3.Error:
            self.close()
            self._reset()
        return out

    # -- notices ------------------------------------------------------------------------------
    def notices(self) -> list[str]:
        """What the rules' prepare() said in the run that filled this cache ("KZ201 skipped")."""
        return [text for _, text in sorted(self._all("SELECT line, text FROM notices"), key=lambda row: str(row[0]))
                if isinstance(text, str)]

    def put_notices(self, notices: list[str]) -> None:
        db = self._connect()
        if db is None:
            return
        try:
            with db:
                db.execute("DELETE FROM notices")
                db.executemany("INSERT INTO notices VALUES (?, ?)", list(enumerate(notices)))
        except sqlite3.Error:
            self.close()
            self._reset()

    # -- folder listings ---------------------------------------------------------------------
    def listing(self, root: str) -> Listing | None:
        """The last walk of this folder (lint.engine.discovery.Listing), if any."""
        for folders, files in self._query("SELECT folders, files FROM listings WHERE root IN ({marks})", [root]):
            try:
                folders, files = loads(folders), loads(files)
            except (ValueError, TypeError, RecursionError):
                return None
            if (isinstance(folders, dict) and isinstance(files, list) and _only(files, str)
                    and _only(folders.values(), int)):
                return Listing(folders, files)
            return None  # the wrong shape: a miss, the folder is walked again
        return None

    def put_listing(self, root: str, listing: Listing) -> None:
        db = self._connect()
        if db is None:
            return
        try:
            with db:
                db.execute("INSERT OR REPLACE INTO listings VALUES (?, ?, ?)",
                           (root, dumps(listing.folders), dumps(listing.files)))
        except UnicodeEncodeError:  # a name that is not UTF-8: this folder is walked in full each time
            pass
        except sqlite3.Error:
            self.close()
            self._reset()

    def filtered(self, key: str) -> list[str] | None:
        """The files include/exclude leave out of a listing, stored under a hash of the globs and
        of the listing (discovery._filtered)."""
        return self._path_list("filtered", key)

    def _path_list(self, table: str, key: str) -> list[str] | None:
        """The list of paths stored under `key` in `table` (None: none, or not a list of texts)."""
        for (payload,) in self._query(f"SELECT files FROM {table} WHERE key IN ({{marks}})", [key]):
            try:
                files = loads(payload)
            except (ValueError, TypeError, RecursionError):
                return None
            return files if isinstance(files, list) and _only(files, str) else None
        return None

    def put_filtered(self, key: str, files: list[str]) -> None:
        """Keep the files left out of a listing (a few lists: one per root and set of globs in use)."""
        self._put_newest("filtered", key, dumps(files), keep=4)

    # -- corpus findings ---------------------------------------------------------------------
    def get_corpus(self, fingerprint: str) -> list | None:
        for (payload,) in self._query("SELECT findings FROM corpus WHERE fingerprint IN ({marks})", [fingerprint]):
            try:
                found = loads(zlib.decompress(payload).decode("utf-8", "surrogatepass"))
            except (zlib.error, ValueError, TypeError, RecursionError):
                return None
            return found if isinstance(found, list) else None
        return None

    def put_corpus(self, fingerprint: str, findings: list[Finding]) -> None:
        """Keep the corpus findings of this corpus state and of the few before it (a branch
        switched back and forth, a file edited and restored): a JSON list of records, compressed
        one record at a time, so that neither the records nor their text are ever whole in
        memory (120,000 findings at 100,000 documents: 64 MB of JSON, 8 MB compressed)."""
        packer = zlib.compressobj(1)
        chunks = [packer.compress(b"[")]
        for number, finding in enumerate(findings):
            record = f"{',' if number else ''}{dumps(to_record(finding))}"
            chunks.append(packer.compress(record.encode("utf-8", "surrogatepass")))
        chunks.append(packer.compress(b"]") + packer.flush())
        self._put_newest("corpus", fingerprint, b"".join(chunks), keep=3)

    # -- reports ------------------------------------------------------------------------------
    def get_report(self, key: str) -> tuple[str, int, list[str]] | None:
        """(report text, exit code, notices) of a run with these inputs (see Engine.report_options)."""
        for exit_code, notices, report in self._query("SELECT exit, notices, report FROM reports WHERE key IN ({marks})",
                                                      [key]):
            try:
                text = zlib.decompress(report).decode("utf-8", "surrogatepass")
                notices = loads(notices)
            except (zlib.error, TypeError, ValueError, RecursionError):
                return None
            if type(exit_code) is int and isinstance(notices, list) and all(isinstance(n, str) for n in notices):
                return text, exit_code, notices
            return None
        return None

    def put_report(self, key: str, text: str, exit_code: int, notices: list[str]) -> None:
        """Keep this report and the two before it (another format, a file edited and restored)."""
        packer = zlib.compressobj(1)  # 49 MB of text for 100k articles: 6 MB, compressed a slice at a time
        report = [packer.compress(text[start:start + SLICE].encode("utf-8", "surrogatepass"))
                  for start in range(0, len(text), SLICE)]
        self._put_newest("reports", key, exit_code, dumps(notices), b"".join([*report, packer.flush()]), keep=3)

    def _put_newest(self, table: str, key: str, *values: object, keep: int) -> None:
        """Store a (key, values...) row in `table` and drop all but the `keep` newest; a row SQLite
        cannot store (a file name that is not UTF-8) is simply not kept."""
        db = self._connect()
        if db is None:
            return
        try:
            with db:
                db.execute(f"INSERT OR REPLACE INTO {table} VALUES (?{', ?' * len(values)})", (key, *values))
                db.execute(f"DELETE FROM {table} WHERE rowid NOT IN (SELECT rowid FROM {table} ORDER BY rowid DESC LIMIT ?)",
                           (keep,))
        except UnicodeEncodeError:
            pass
        except sqlite3.Error:
            self.close()
            self._reset()

    # -- writing -----------------------------------------------------------------------------
    def flush(self) -> None:
        db = self._connect()
        batches = (("INSERT INTO results VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET"
                    " document = coalesce(excluded.document, document), facts = excluded.facts", self._pending),
                   ("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?)", self._pending_files),
                   ("INSERT INTO claims VALUES (?, ?, ?, ?, ?)", self._pending_claims),
                   ("INSERT INTO claims SELECT ?, value, ?, ?, NULL FROM json_each(?)", self._pending_claim_lists))
        try:
            if db is not None and self._pending_claim_lists and not self._json_each:  # an SQLite without JSON
                self._pending_claims.extend((rule, claim, path, key, None) for rule, path, key, claims
                                            in self._pending_claim_lists for claim in loads(claims))
                self._pending_claim_lists.clear()
            if db is not None:
                with db:
                    for sql, rows in batches:
                        _insert(db, sql, rows)
        except sqlite3.Error:
            self.close()
            self._reset()
        for _, rows in batches:
            rows.clear()

    def close(self) -> None:
        if self._db is not None:
            try:
                self._db.execute(CLAIMS_INDEX)
            except sqlite3.Error:
                pass  # a broken cache file: the next run that opens it finds it unreadable and rebuilds it
            try:
                self._db.close()
            except sqlite3.Error:
                pass
            self._db = None
