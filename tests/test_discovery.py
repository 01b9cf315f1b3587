"""Which files a run lints: include/exclude globs, hidden paths, display paths."""

from __future__ import annotations

import builtins
import fnmatch
import json
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.engine.discovery import Listing, _matches, expand, walk_folders


@pytest.mark.parametrize(
    ("path", "patterns"),
    [
        ("news/2011/a.md", ["*.md"]),
        ("a.txt", ["*.md", "*.txt"]),
        ("archive/old/a.txt", ["archive/*"]),
        ("corpus/archive/a.txt", ["archive/*"]),
        ("notes.rst", ["*.md"]),
        ("drafts/a.md", ["published/*"]),
        ("x/Draft [1].md", ["*[1].md", "*.txt"]),
        ("a.TXT", ["*.txt"]),
        ("news/a.txt.bak", ["*.txt"]),
    ],
)
def test_compiled_globs_agree_with_fnmatch(path, patterns):
    name = path.rsplit("/", 1)[-1]
    expected = any(fnmatch.fnmatch(path, p) or fnmatch.fnmatch(name, p) or fnmatch.fnmatch(path, "*/" + p)
                   for p in patterns)
    assert _matches(path, patterns) == expected


PATH_PIECES = st.text(alphabet="abR/.*?-[]!", max_size=14)


@settings(max_examples=3000, deadline=None)
@given(path=PATH_PIECES, patterns=st.lists(st.text(alphabet="abR/.*?-[]!", min_size=1, max_size=6), min_size=1, max_size=4))
def test_globs_agree_with_fnmatch_on_any_path(path, patterns):
    """The matcher tries each glob only where it can begin (after a slash, at a letter it starts
    with): for any path and globs it agrees with the definition, fnmatch on the whole path, on
    the file name or on `*/glob`."""
    name = path.rsplit("/", 1)[-1]
    expected = any(fnmatch.fnmatchcase(path, p) or fnmatch.fnmatchcase(name, p) or fnmatch.fnmatchcase(path, "*/" + p)
                   for p in patterns)
    assert _matches(path, patterns) == expected


def test_expand_walks_includes_and_skips_hidden_and_excluded(tmp_path):
    for name in ("a/x.md", "a/.hidden/y.md", "a/.z.md", "b/keep.txt", "b/notes.rst", "archive/old.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Text.\n", encoding="utf-8")
    found = expand([str(tmp_path)], ["*.md", "*.txt"], ["archive/*"], tmp_path)
    assert found == ["a/x.md", "b/keep.txt"]
    assert expand([str(tmp_path / "b")], ["*.txt"], [], tmp_path.parent) == [f"{tmp_path.name}/b/keep.txt"]
    assert expand([str(tmp_path / "b" / "notes.rst")], ["*.md"], [], tmp_path) == ["b/notes.rst"]


def _age(folder):
    """Make every folder look older than the racy window, as a corpus at rest is."""
    for path in [folder, *folder.rglob("*")]:
        if path.is_dir():
            stat = path.stat()
            os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns - 10 * 10**9))


def test_a_walk_reads_only_the_folders_changed_since_the_last_one(tmp_path, monkeypatch):
    for name in ("2011/12/a.txt", "2011/12/b.txt", "2022/01/c.txt", "2022/02/d.txt", ".git/x.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    _age(tmp_path)
    first = walk_folders(tmp_path, None)
    assert first.files == ["2011/12/a.txt", "2011/12/b.txt", "2022/01/c.txt", "2022/02/d.txt"]

    scanned: list[str] = []
    real_scandir = os.scandir
    monkeypatch.setattr(os, "scandir", lambda path: (scanned.append(str(path)), real_scandir(path))[1])
    assert walk_folders(tmp_path, first) is first and scanned == []  # nothing changed: no folder read

    (tmp_path / "2011/12/b.txt").unlink()
    (tmp_path / "2022/01/e.txt").write_text("new", encoding="utf-8")
    (tmp_path / "2023/05").mkdir(parents=True)
    (tmp_path / "2023/05/f.txt").write_text("new", encoding="utf-8")
    (tmp_path / "2022/02/d.txt").write_text("edited in place", encoding="utf-8")  # its folder is unchanged
    second = walk_folders(tmp_path, first)
    assert second.files == ["2011/12/a.txt", "2022/01/c.txt", "2022/01/e.txt", "2022/02/d.txt", "2023/05/f.txt"]
    assert {os.path.relpath(p, tmp_path) for p in scanned} == {"2011/12", "2022/01", ".", "2023", "2023/05"}
    assert second.files == walk_folders(tmp_path, None).files
    assert second.folders["2022/01"] == -1  # just modified: read again next time, whatever its mtime


def test_a_removed_folder_and_everything_below_it_leave_the_listing(tmp_path):
    for name in ("keep/a.txt", "gone/deep/b.txt", "gone/c.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    _age(tmp_path)
    first = walk_folders(tmp_path, None)
    for name in ("gone/deep/b.txt", "gone/c.txt"):
        (tmp_path / name).unlink()
    (tmp_path / "gone/deep").rmdir()
    (tmp_path / "gone").rmdir()
    assert walk_folders(tmp_path, first) == Listing(walk_folders(tmp_path, None).folders, ["keep/a.txt"])


def test_expand_with_a_listing_store_sees_new_files_and_keeps_the_listing(tmp_path, monkeypatch):
    class Store(dict):
        def listing(self, root):
            return self.get(root)

        def put_listing(self, root, listing):
            self[root] = listing

    monkeypatch.chdir(tmp_path)
    (tmp_path / "news").mkdir()
    (tmp_path / "news/a.txt").write_text("x", encoding="utf-8")
    _age(tmp_path)
    store = Store()
    assert expand(["news"], ["*.txt"], [], tmp_path, store) == ["news/a.txt"]
    assert list(store) == [str(tmp_path / "news")]
    (tmp_path / "news/b.txt").write_text("x", encoding="utf-8")
    assert expand(["news"], ["*.txt"], [], tmp_path, store) == ["news/a.txt", "news/b.txt"]


def test_the_cache_keeps_the_filtered_listing_and_never_serves_a_stale_one(tmp_path, monkeypatch):
    """The include/exclude filtering of an unchanged listing is stored (as the files it leaves
    out) under a hash of the globs and of the whole list: the second run reads it back; a new
    file or other globs filter again."""
    from lint.engine.cache import Cache

    monkeypatch.chdir(tmp_path)
    for name in ("news/a.txt", "news/README.txt", "news/old/LICENSE.md", "news/b.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    _age(tmp_path)
    cache = Cache(tmp_path / "cache", "test")
    include, exclude = ["*.txt", "*.md"], ["README*", "LICENSE*"]
    assert expand(["news"], include, exclude, tmp_path, cache) == ["news/a.txt", "news/b.md"]
    stored = cache._all("SELECT files FROM filtered")
    assert [json.loads(files) for (files,) in stored] == [["news/README.txt", "news/old/LICENSE.md"]]
    # what the next run reads
    cache._connect().execute("UPDATE filtered SET files = ?", (json.dumps(["news/README.txt", "news/b.md"]),))
    assert expand(["news"], include, exclude, tmp_path, cache) == ["news/a.txt", "news/old/LICENSE.md"]
    assert expand(["news"], include, ["LICENSE*"], tmp_path, cache) == ["news/README.txt", "news/a.txt", "news/b.md"]
    (tmp_path / "news/c.txt").write_text("x", encoding="utf-8")
    assert expand(["news"], include, exclude, tmp_path, cache) == ["news/a.txt", "news/b.md", "news/c.txt"]


def test_a_corpus_folder_git_tracks_as_it_is_needs_no_set_of_tracked_files(tmp_path, monkeypatch):
    """When git's list of a folder's tracked files is the walk's own list (a corpus folder with
    every article committed), nothing in it is ignored: no set of 100,000 names is built. A
    file git does not track makes the lists differ, and is asked about as before."""
    import subprocess

    monkeypatch.chdir(tmp_path)

    def git(*arguments):
        subprocess.run(["git", *arguments], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    (tmp_path / ".gitignore").write_text("*.bak.md\n", encoding="utf-8")
    for name in ("news/a.md", "news/b.bak.md", "news/2024/c.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    git("add", "-f", "news")
    from lint.engine import discovery

    built = []  # the sets discovery builds, from what
    monkeypatch.setattr(discovery, "set", lambda *args: built.append(args) or builtins.set(*args), raising=False)
    assert expand(["news"], ["*.md"], [], tmp_path) == ["news/2024/c.md", "news/a.md", "news/b.bak.md"]
    assert not [args for args in built if args and isinstance(args[0], list) and "a.md" in args[0]]
    (tmp_path / "news/d.bak.md").write_text("x", encoding="utf-8")  # untracked, ignored
    (tmp_path / "news/e.md").write_text("x", encoding="utf-8")  # untracked, not ignored
    assert expand(["news"], ["*.md"], [], tmp_path) == ["news/2024/c.md", "news/a.md", "news/b.bak.md", "news/e.md"]


def test_in_a_git_work_tree_ignored_files_are_skipped_unless_tracked(tmp_path, monkeypatch):
    import subprocess

    monkeypatch.chdir(tmp_path)

    def git(*arguments):
        subprocess.run(["git", *arguments], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    (tmp_path / ".gitignore").write_text("drafts/\n*.bak.md\n", encoding="utf-8")
    for name in ("news/a.md", "news/b.md", "drafts/c.md", "news/d.bak.md", "news/kept.bak.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    git("add", "news/a.md")
    git("add", "-f", "news/kept.bak.md")  # tracked although its name is ignored
    assert expand(["."], ["*.md"], [], tmp_path) == ["news/a.md", "news/b.md", "news/kept.bak.md"]
    (tmp_path / "news/a.md").unlink()  # deleted but still in git's index: not listed
    assert expand(["news"], ["*.md"], [], tmp_path) == ["news/b.md", "news/kept.bak.md"]
