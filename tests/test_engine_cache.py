"""Speed without wrong answers: the stat index, the corpus-findings cache and the partial
(claim-keyed) corpus check give the findings of a full, uncached run."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

import lint.engine.run as engine
import lint.engine.workers as workers
from lint.config import load
from lint.core.findings import Location, Severity
from lint.engine.run import Engine
from lint.rules.base import CorpusRule

HEADLINES = ["Floods close roads in {c}", "Strike halts trains in {c}", "Budget vote delayed in {c}",
             "Fire destroys market in {c}", "Mayor resigns in {c}"]
CITIES = ["Almaty", "Aktau", "Atyrau", "Shymkent", "Taraz", "Oral", "Semey", "Kostanay", "Pavlodar", "Turkestan",
          "Bishkek", "Osh", "Tashkent", "Baku", "Tbilisi", "Yerevan", "Minsk", "Riga", "Vilnius", "Tallinn"]


class SharedHeadline(CorpusRule):
    """Two articles with the same headline (a real group-by over one claim key per document).

    Not registered (its code is set after the class body), so other tests never see it.
    """

    name = "shared-headline"
    severity = Severity.INFO
    summary = message = explanation = bad_example = good_example = "test rule"

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[int] = []  # how many documents each check call was given

    def extract(self, doc):
        return [[doc.title.lower(), 1]] if doc.title else []

    def fact_keys(self, fact):
        return [fact[0]]  # the headline

    def check(self, facts):
        self.seen.append(len(facts))
        by_headline: dict[str, list[tuple[str, int]]] = {}
        for path, items in facts.items():
            for headline, line in items:
                by_headline.setdefault(headline, []).append((path, line))
        for headline, places in by_headline.items():
            for path, line in places:
                others = [Location(p, n) for p, n in places if p != path]
                if others:
                    yield self.finding_at(path, (line, 1, line, 2), f"headline '{headline}' also in {others[0].path}",
                                          related=others)


SharedHeadline.code = "KZ599"


def write_corpus(root: Path, count: int = 120) -> list[Path]:
    files = []
    for i in range(count):
        path = root / "news" / f"{i // 40:02d}" / f"article-{i:03d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        headline = HEADLINES[i % 5].format(c=CITIES[i // 5 % 20])  # 100 headlines: pairs share one
        path.write_text(f"{headline}\n\nOfficials said on Monday that {i + 3} people were evacuated.\n", encoding="utf-8")
        files.append(path)
    for path in files:  # old enough that the stat index trusts them (not "racy")
        os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns - 10 * 10**9))
    return files


def run(root: Path, cache: Path | None, paths: list[str], rule: SharedHeadline | None = None):
    config = load(None).model_copy(update={"corpus": "news", "cache_dir": str(cache) if cache else ".cache"})
    rule = rule or SharedHeadline()
    result = Engine(config, [rule], cwd=root, config_dir=root, jobs=2, use_cache=cache is not None).run(paths)
    return [f.to_dict() for f in result.findings], rule


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.delenv("KZLINT_CACHE_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path, write_corpus(tmp_path)


@pytest.fixture
def reads(monkeypatch):
    """The files the engine reads from disk, in order."""
    seen: list[str] = []
    original = engine.read_bytes

    def spy(path, limit):
        seen.append(Path(path).as_posix())
        return original(path, limit)

    monkeypatch.setattr(engine, "read_bytes", spy)  # the main process (hashing, fixes)
    monkeypatch.setattr(workers, "read_bytes", spy)  # a worker reading the document it lints
    return seen


def test_a_warm_run_reads_nothing_and_reuses_the_corpus_findings(corpus, reads):
    root, files = corpus
    cache = root / "cache"
    cold, _ = run(root, cache, ["news"])
    assert cold == run(root, None, ["news"])[0] and len(cold) == 40  # 20 headlines in 2 articles, 80 unique
    reads.clear()
    warm, rule = run(root, cache, ["news"])
    assert warm == cold
    assert reads == [] and rule.seen == []


def test_a_changed_file_is_read_again_and_an_unchanged_one_is_not(corpus, reads):
    root, files = corpus
    cache = root / "cache"
    run(root, cache, ["news"])
    files[7].write_text("Floods close roads in Almaty\n\nA new story.\n", encoding="utf-8")
    reads.clear()
    findings, _ = run(root, cache, ["news"])
    assert {Path(r).name for r in reads} == {files[7].name}  # hashed, then linted
    assert findings == run(root, None, ["news"])[0]
    assert any(f["path"] == "news/00/article-007.txt" for f in findings)


def test_one_file_given_consults_only_documents_sharing_its_claim_keys(corpus):
    root, files = corpus
    cache = root / "cache"
    run(root, cache, ["news"])
    files[3].write_text("Floods close roads in Almaty\n\nA revised story.\n", encoding="utf-8")  # now 3 share it
    given = ["news/00/article-003.txt"]
    partial, rule = run(root, cache, given)
    assert rule.seen == [3]  # the file given and the two that share its headline, not all 120
    full, _ = run(root, None, given)
    assert partial == full
    assert sorted(r["path"] for f in partial for r in f["related"]) == ["news/00/article-000.txt", "news/02/article-100.txt"]


def test_a_related_file_changed_behind_the_index_is_read_again(corpus):
    root, files = corpus
    cache = root / "cache"
    run(root, cache, ["news"])
    files[100].write_text("Strike halts trains in Aktau\n\nRewritten.\n", encoding="utf-8")  # no longer a twin of 000
    partial, _ = run(root, cache, ["news/00/article-000.txt"])
    assert partial == run(root, None, ["news/00/article-000.txt"])[0] == []


class IndexedHeadline(SharedHeadline):
    """SharedHeadline keeping its facts in the claim index (CorpusRule.facts_in_index)."""

    facts_in_index = True


def _loaded(patch: pytest.MonkeyPatch) -> list[str]:
    """The documents whose records a run loads (from the cache or by linting them)."""
    seen: list[str] = []
    original = Engine._load

    def spy(self, keys, targets, facts_for, errors, timings):
        seen.extend(sorted(set(targets) | set(facts_for)))
        return original(self, keys, targets, facts_for, errors, timings)

    patch.setattr(Engine, "_load", spy)
    return seen


def test_a_rule_with_facts_in_the_index_reads_related_facts_from_it_not_their_documents(corpus, monkeypatch):
    root, files = corpus
    cache = root / "cache"
    run(root, cache, ["news"], IndexedHeadline())
    files[3].write_text("Floods close roads in Almaty\n\nA revised story.\n", encoding="utf-8")
    given = ["news/00/article-003.txt"]
    with monkeypatch.context() as patch:
        loaded = _loaded(patch)
        partial, rule = run(root, cache, given, IndexedHeadline())
    assert rule.seen == [3]
    assert loaded == given  # the two twins' headlines came from the index
    assert partial == run(root, None, given, IndexedHeadline())[0]
    assert sorted(r["path"] for f in partial for r in f["related"]) == ["news/00/article-000.txt", "news/02/article-100.txt"]


def test_a_related_file_changed_behind_an_index_holding_its_facts_is_read_again(corpus, monkeypatch):
    root, files = corpus
    cache = root / "cache"
    run(root, cache, ["news"], IndexedHeadline())
    files[100].write_text("Strike halts trains in Aktau\n\nRewritten.\n", encoding="utf-8")  # no longer a twin of 000
    with monkeypatch.context() as patch:
        loaded = _loaded(patch)
        partial, _ = run(root, cache, ["news/00/article-000.txt"], IndexedHeadline())
    assert "news/02/article-100.txt" in loaded  # its indexed facts are of an older version
    assert partial == run(root, None, ["news/00/article-000.txt"], IndexedHeadline())[0] == []


def test_indexed_facts_that_do_not_parse_are_a_miss(corpus):
    import sqlite3

    root, files = corpus
    cache = root / "cache"
    run(root, cache, ["news"], IndexedHeadline())
    (database,) = cache.glob("results-*.sqlite")
    with sqlite3.connect(database) as db:
        db.execute("UPDATE claims SET facts = '[[\"not a position\", 1]]'")
    given = ["news/00/article-000.txt"]
    assert run(root, cache, given, IndexedHeadline())[0] == run(root, None, given, IndexedHeadline())[0] != []


def test_each_rule_reads_its_own_part_of_a_documents_cached_facts():
    from lint.engine.corpus import CorruptCache, pack_facts, rule_facts

    facts = {"KZ501": [{"text": "Ten people\u0000 were killed", "low": 10.0}], "KZ502": [["Muammar Gaddafi", "", 3]],
             "KZ504": []}
    packed = pack_facts(facts)
    assert [rule_facts(packed, code) for code in ("KZ501", "KZ502", "KZ504", "KZ503")] == [*facts.values(), []]
    assert rule_facts("", "KZ501") == []  # a document without facts
    for corrupt in ('{"KZ501": []}', "\0KZ501\0[1,", "\0KZ501\0{}"):
        with pytest.raises(CorruptCache):
            rule_facts(corrupt, "KZ501")


def _age_folders(root: Path) -> None:
    for folder in [root, *root.rglob("*")]:
        if folder.is_dir():
            stat = folder.stat()
            os.utime(folder, ns=(stat.st_atime_ns, stat.st_mtime_ns - 10 * 10**9))


def test_a_file_replaced_since_the_last_walk_is_seen_by_a_one_file_run(corpus):
    root, files = corpus
    _age_folders(root / "news")
    cache = root / "cache"
    run(root, cache, ["news"])
    # rewritten as git checkout or an editor's atomic save does it: a new file renamed over the old
    replacement = files[50].with_name("article-050.new")
    replacement.write_text("Floods close roads in Almaty\n\nNow a twin of 000.\n", encoding="utf-8")
    os.replace(replacement, files[50])
    partial, rule = run(root, cache, ["news/00/article-000.txt"])
    assert partial == run(root, None, ["news/00/article-000.txt"])[0]
    assert {r["path"] for f in partial for r in f["related"]} == {"news/01/article-050.txt", "news/02/article-100.txt"}
    assert rule.seen == [3]


def test_which_files_the_index_never_saw_is_read_once_while_it_holds_the_same_paths(corpus, monkeypatch):
    """A one-file run asks which corpus files the stat index has never seen (they may relate to
    the file given); the answer is kept while the index has as many rows (rows are only added
    or replaced), so the next one-file run does not read the index's 120 (100,000) paths."""
    from lint.engine.cache import Cache

    root, files = corpus
    _age_folders(root / "news")
    cache = root / "cache"
    run(root, cache, ["news"])
    readings = []
    original = Cache._indexed_paths
    monkeypatch.setattr(Cache, "_indexed_paths", lambda self: readings.append(1) or original(self))
    given = ["news/00/article-000.txt"]
    first, _ = run(root, cache, given)
    second, _ = run(root, cache, given)
    assert len(readings) == 1 and first == second == run(root, None, given)[0]
    # a new article in a new folder, with the headline of the file given: never seen, related
    (root / "news" / "09").mkdir()
    (root / "news" / "09" / "article-900.txt").write_text("Floods close roads in Almaty\n\nA third copy.\n",
                                                          encoding="utf-8")
    third, rule = run(root, cache, given)
    assert len(readings) == 2 and third == run(root, None, given)[0]
    assert "news/09/article-900.txt" in {r["path"] for f in third for r in f["related"]}


def test_a_file_edited_in_place_in_an_unchanged_folder_waits_for_a_full_run(corpus):
    """The documented trade-off of a one-file run: a file rewritten in place (its folder's
    mtime unchanged) is not stat-checked unless it shares a claim key with the file given."""
    root, files = corpus
    _age_folders(root / "news")
    cache = root / "cache"
    run(root, cache, ["news"])
    with open(files[51], "w", encoding="utf-8") as article:  # truncate and write: same inode, same folder
        article.write("Floods close roads in Almaty\n\nNow a twin of 000.\n")
    partial, _ = run(root, cache, ["news/00/article-000.txt"])
    full, _ = run(root, cache, ["news"])
    assert "news/01/article-051.txt" not in {r["path"] for f in partial for r in f["related"]}
    assert "news/01/article-051.txt" in {f["path"] for f in full}
    assert run(root, cache, ["news/00/article-000.txt"])[0] == [f for f in full if f["path"] == "news/00/article-000.txt"]


def test_a_corrupt_cache_file_is_ignored_and_rebuilt(corpus, reads):
    root, files = corpus
    cache = root / "cache"
    expected, _ = run(root, cache, ["news"])
    for database in cache.glob("results-*.sqlite"):
        database.write_bytes(b"this is not a database" * 100)
    for leftover in list(cache.glob("results-*.sqlite-*")):
        leftover.unlink()
    assert run(root, cache, ["news"])[0] == expected
    reads.clear()
    assert run(root, cache, ["news"])[0] == expected
    assert reads == []  # rebuilt by the run that found it corrupt


def test_a_cached_record_that_does_not_parse_is_dropped_with_its_cache_file(corpus):
    import sqlite3

    root, files = corpus
    cache = root / "cache"
    expected, _ = run(root, cache, ["news"])
    files[5].write_text("Floods close roads in Almaty\n\nChanged, so the corpus check runs again.\n", encoding="utf-8")
    expected, _ = run(root, None, ["news"])
    (database,) = cache.glob("results-*.sqlite")
    with sqlite3.connect(database) as db:
        db.execute("UPDATE results SET document = '{\"findings\": [', facts = 'not json'")
    assert run(root, cache, ["news"])[0] == expected
    assert run(root, cache, ["news"])[0] == expected  # from the rebuilt cache


def test_a_file_name_that_is_not_utf8_is_linted_with_the_cache_on(tmp_path, monkeypatch):
    monkeypatch.delenv("KZLINT_CACHE_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "news"
    folder.mkdir()
    name = os.fsdecode(b"caf\xe9.txt")  # a Latin-1 name on a UTF-8 file system
    (folder / name).write_text("Floods close roads in Almaty\n\nMore later.\n", encoding="utf-8")
    (folder / "other.txt").write_text("Floods close roads in Almaty\n\nAgain.\n", encoding="utf-8")
    first, _ = run(tmp_path, tmp_path / "cache", ["news"])
    second, _ = run(tmp_path, tmp_path / "cache", ["news"])
    assert first == second == run(tmp_path, None, ["news"])[0]
    assert {f["path"] for f in first} == {f"news/{name}", "news/other.txt"}


def _one_rule_runs(root: Path, news: Path, code: str):
    """A function that runs one real rule over `paths` (the corpus: `news`, its files aged so
    the stat index trusts them) and gives its findings and how many documents each check saw."""
    from lint.engine.selection import build_rules

    for path in news.iterdir():
        os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns - 10 * 10**9))
    config = load(None).model_copy(update={"corpus": "news", "cache_dir": str(root / "cache")})

    def findings(paths, *, cache=True):
        rules = build_rules(config, select=[code])
        checked: list[int] = []
        original = rules[0].check
        rules[0].check = lambda facts: (checked.append(len(facts)), original(facts))[1]
        result = Engine(config, rules, cwd=root, config_dir=root, jobs=1, use_cache=cache).run(paths)
        return [f.to_dict() for f in result.findings], checked

    return findings


@pytest.mark.parametrize("code", ["KZ501", "KZ502", "KZ503"])
def test_kz5_rules_on_one_file_match_a_full_run_and_skip_unrelated_documents(code, tmp_path, monkeypatch):
    """Each real corpus rule alone (its own claim keys): the five seeds and 61 BBC articles, then
    a new article with a contradicting toll, a misdated one and a name variant, given alone (what
    pre-commit does)."""
    from corpora import DEV_CORPUS, SEEDS

    if not DEV_CORPUS.is_dir():
        pytest.skip("the shared dev corpus is not here")
    monkeypatch.delenv("KZLINT_CACHE_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    news = tmp_path / "news"
    news.mkdir()
    sources = sorted(SEEDS.glob("*.txt")) + sorted(DEV_CORPUS.glob("*/*.txt"))[::28]
    for source in sources:
        (news / f"{source.parent.name}-{source.name}").write_bytes(source.read_bytes())
    findings = _one_rule_runs(tmp_path, news, code)
    findings(["news"])
    article = news / "zz-new.txt"
    article.write_text("Zhanaozen remembers\n\nTen people were killed in Zhanaozen in December 2011, "
                       "and President Kasym-Zhomart Tokayev later met the families. Officials said at least 16 "
                       "people were killed in Zhanaozen in December 2012.\n", encoding="utf-8")
    partial, checked = findings(["news/zz-new.txt"])
    full, checked_full = findings(["news/zz-new.txt"], cache=False)
    assert partial == full
    assert code in {f["code"] for f in partial}
    assert {r["path"] for f in partial for r in f["related"]} & {f"news/seeds-{s.name}" for s in SEEDS.glob("*.txt")}
    assert max(checked) < len(sources) // 4 < min(checked_full)  # only the documents sharing a claim key


def test_a_name_every_article_writes_does_not_relate_a_one_file_run_to_them(tmp_path, monkeypatch):
    """KZ502 on one file: 'Iraq' (a country's own name) and 'Labour' (one word, nothing to be a
    variant of) are in every article, so only 'Muammar Qadhafi' is looked up; the findings are a
    full run's."""
    monkeypatch.delenv("KZLINT_CACHE_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    news = tmp_path / "news"
    news.mkdir()
    for i in range(40):
        leader = "Muammar Gaddafi" if i == 7 else f"Minister {CITIES[i % 20]} Harcourt"
        (news / f"a{i:02d}.txt").write_text(f"Talks in {CITIES[i % 20]}\n\nLabour said {leader} would visit "
                                            f"Iraq on Monday. Labour and Iraq agreed.\n", encoding="utf-8")
    findings = _one_rule_runs(tmp_path, news, "KZ502")
    findings(["news"])
    (news / "zz.txt").write_text("Labour in Iraq\n\nLabour said Muammar Qadhafi would visit Iraq.\n", encoding="utf-8")
    partial, checked = findings(["news/zz.txt"])
    assert checked == [2]  # the file given and the one that writes 'Muammar Gaddafi'
    assert partial == findings(["news/zz.txt"], cache=False)[0]
    assert [(f["code"], f["related"][0]["path"]) for f in partial] == [("KZ502", "news/a07.txt")]


def test_a_run_answered_from_the_cache_repeats_the_notices_of_the_run_that_filled_it(corpus):
    from lint.engine.selection import build_rules

    root, files = corpus
    config = load(None).model_copy(update={"corpus": "news", "cache_dir": str(root / "cache")})
    languagetool = config.languagetool.model_copy(update={"mode": "remote", "url": "http://127.0.0.1:9",
                                                          "connect_timeout_s": 0.2})
    config = config.model_copy(update={"languagetool": languagetool})

    def notices():
        rules = build_rules(config, select=["KZ201"])
        return Engine(config, rules, cwd=root, config_dir=root, jobs=1).run(["news"]).notices

    first = notices()
    assert len(first) == 1 and first[0].startswith("KZ201 grammar skipped")  # nothing answers on port 9
    assert notices() == first  # every document from the cache: prepare() did not run, the notice stands


def test_a_runs_only_document_is_used_as_linted_and_cached_as_json(tmp_path, monkeypatch, reads):
    """Linted alone in the main process, a document's record is used as made (not its JSON parsed
    again); the cache still gets its JSON: a warm run gives the same findings without reading it."""
    from lint.api import rules_for

    monkeypatch.delenv("KZLINT_CACHE_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    article = tmp_path / "news" / "a.txt"
    article.parent.mkdir()
    paragraph = "The ministry said on Monday that 12 people were hurt in the storm in the north of the country."
    article.write_text(f"Storm hits the north\n\n{paragraph}\n\n{paragraph}\n\nRead more: undefined\n", encoding="utf-8")
    os.utime(article, ns=(article.stat().st_atime_ns, article.stat().st_mtime_ns - 10 * 10**9))
    config = load(None).model_copy(update={"corpus": "news", "cache_dir": str(tmp_path / "cache")})

    def lint(use_cache: bool) -> list[dict]:
        engine_ = Engine(config, rules_for(config), cwd=tmp_path, config_dir=tmp_path, jobs=1, use_cache=use_cache)
        return [f.to_dict() for f in engine_.run(["news/a.txt"]).findings]

    cold = lint(True)
    assert {f["code"] for f in cold} >= {"KZ101", "KZ103"}
    assert cold == lint(False)
    reads.clear()
    assert lint(True) == cold and reads == []


@pytest.mark.parametrize("json_functions", [True, False])
def test_claim_keys_stored_as_one_list_per_document_are_found_one_by_one(tmp_path, monkeypatch, json_functions):
    """Keys without facts go to SQLite as one JSON list per document (expanded by json_each, or
    row by row where SQLite has no JSON functions); keys with facts go row by row. Every key is
    found by its holders, a key with a quote or a non-ASCII letter too, and a key SQLite cannot
    store (a lone surrogate) is left out without losing the document's other keys."""
    import lint.engine.cache as cache_module

    monkeypatch.setattr(cache_module, "_has_json_each", lambda db: json_functions)
    cache = cache_module.Cache(tmp_path / "cache", "fingerprint")
    cache.put_claims("KZ504", [("0:abc", None), ('1:"quoted"', None), ("2:Tokaýew", None), ("3:\udcff", None)],
                     "a.txt", "key-a")
    cache.put_claims("KZ504", [("0:abc", None)], "b.txt", "key-b")
    cache.put_claims("KZ503", [("tokayev", '[[0,["Tokayev"]]]')], "a.txt", "key-a")
    cache.flush()
    assert cache.holders("KZ504", ["0:abc"]) == {("a.txt", "key-a"), ("b.txt", "key-b")}
    assert cache.holders("KZ504", ['1:"quoted"', "2:Tokaýew"]) == {("a.txt", "key-a")}
    assert cache.holders("KZ503", ["0:abc"]) == set()
    assert cache.indexed_facts("KZ503", ["tokayev"]) == [("a.txt", "key-a", '[[0,["Tokayev"]]]')]
    rows = sqlite3.connect(cache.file).execute("SELECT rule, claim, path FROM claims ORDER BY rule, claim, path").fetchall()
    cache.close()
    assert rows == [("KZ503", "tokayev", "a.txt"), ("KZ504", "0:abc", "a.txt"), ("KZ504", "0:abc", "b.txt"),
                    ("KZ504", '1:"quoted"', "a.txt"), ("KZ504", "2:Tokaýew", "a.txt")]


def test_the_claim_index_is_built_while_the_corpus_is_checked(tmp_path):
    """A cold run writes its claims, then checks the corpus: the index on them is built on a
    second connection meanwhile, with the claims written first, so that closing the cache has
    nothing left to build; the main connection keeps working after it."""
    import lint.engine.cache as cache_module

    cache = cache_module.Cache(tmp_path / "cache", "fingerprint")
    cache.put_claims("KZ504", [(f"0:{n}", None) for n in range(5000)], "a.txt", "key-a")
    with cache.claims_indexed_meanwhile():
        pass  # the corpus check
    indexes = sqlite3.connect(cache.file).execute("SELECT name FROM sqlite_master WHERE type = 'index'").fetchall()
    assert ("claims_by_claim",) in indexes
    assert cache.holders("KZ504", ["0:4999"]) == {("a.txt", "key-a")}  # written before the index was built
    cache.close()


def test_this_sqlite_has_its_json_functions():
    """The fast path of put_claims is the one CI takes."""
    import lint.engine.cache as cache_module

    assert cache_module._has_json_each(sqlite3.connect(":memory:"))
