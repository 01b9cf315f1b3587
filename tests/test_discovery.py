"""Which files a run lints: include/exclude globs, hidden paths, display paths."""

from __future__ import annotations

import fnmatch

import pytest

from lint.discovery import _matches, expand


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
    ],
)
def test_compiled_globs_agree_with_fnmatch(path, patterns):
    name = path.rsplit("/", 1)[-1]
    expected = any(fnmatch.fnmatch(path, p) or fnmatch.fnmatch(name, p) or fnmatch.fnmatch(path, "*/" + p)
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
