"""Registrable domains ("bbc.co.uk" for "news.bbc.co.uk") from the Public Suffix List snapshot that
tldextract ships, read directly: importing tldextract imports requests and filelock (0.1-0.5 s
per process, paid again by every worker), only to read this one file.

`registrable(host)` returns what `tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None,
fallback_to_snapshot=True)(host).top_domain_under_public_suffix` returns (the ICANN section of
the list, private domains not counted), and its steps follow tldextract 5's: the lenient host
parse, the trie walk over reversed labels with `*` and `!` rules, punycode labels decoded with
idna. tests/test_public_suffixes.py checks both agree on the corpus hosts and the list's own
rules. Nothing is downloaded.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from urllib.parse import scheme_chars

_SNAPSHOT = ".tld_set_snapshot"  # in tldextract's package folder
_PRIVATE_SECTION = "// ===BEGIN PRIVATE DOMAINS==="
_RULE = re.compile(r"^(?P<suffix>[.*!]*\w[\S]*)", re.UNICODE | re.MULTILINE)  # tldextract's PUBLIC_SUFFIX_RE
_SCHEME_CHARS = frozenset(scheme_chars)


class _Node:
    __slots__ = ("end", "matches")

    def __init__(self) -> None:
        self.matches: dict[str, _Node] = {}
        self.end = False


class PublicSuffixes:
    def __init__(self, rules: list[str]) -> None:
        """`rules`: the list's public suffixes as written ("co.uk", "*.ck", "!www.ck")."""
        self.root = _Node()
        for rule in set(rules):
            node = self.root
            for label in reversed(rule.split(".")):
                node = node.matches.setdefault(label, _Node())
            node.end = True

    def registrable(self, url: str) -> str:
        """The domain right under the public suffix, with it ("" when there is none)."""
        labels = _lenient_host(url).replace("\u3002", ".").replace("\uff0e", ".").replace("\uff61", ".").split(".")
        at = self._suffix_index(labels)
        if at is None:  # no known suffix (an IP address, "localhost", "[::1]")
            return ""
        domain, suffix = labels[at - 1] if at > 0 else "", ".".join(labels[at:])
        return f"{domain}.{suffix}" if domain and suffix else ""

    def _suffix_index(self, labels: list[str]) -> int | None:
        """Index of the first label of the public suffix (tldextract's `suffix_index`)."""
        node = self.root
        suffix_at = at = len(labels)
        for label in reversed(labels):
            decoded = _decoded(label)
            child = node.matches.get(decoded)
            if child is not None:
                at -= 1
                node = child
                if node.end:
                    suffix_at = at
                continue
            if "*" in node.matches:
                return at if "!" + decoded in node.matches else at - 1
            break
        return None if suffix_at == len(labels) else suffix_at


def _decoded(label: str) -> str:
    lowered = label.lower()
    if lowered.startswith("xn--"):
        import idna  # only for punycode labels

        try:
            return idna.decode(lowered)
        except (UnicodeError, IndexError):
            pass
    return lowered


def _lenient_host(url: str) -> str:
    """The host of a URL-like string, case kept (tldextract's `lenient_netloc`)."""
    slashes = url.find("//")
    if slashes == 0:
        url = url[2:]
    elif slashes >= 2 and url[slashes - 1] == ":" and not set(url[:slashes - 1]) - _SCHEME_CHARS:
        url = url[slashes + 2:]
    authority = url.partition("/")[0].partition("?")[0].partition("#")[0]
    host = authority.rpartition("@")[-1]
    if host and host[0] == "[":
        bracketed = host.partition("]")
        if bracketed[1] == "]":
            return f"{bracketed[0]}]"
    return host.partition(":")[0].strip().rstrip(".\u3002\uff0e\uff61")


def snapshot_rules() -> list[str]:
    """The public (ICANN) rules of the snapshot tldextract ships."""
    spec = importlib.util.find_spec("tldextract")  # finds the folder, imports nothing
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("tldextract's public suffix list is missing: reinstall kzlint (it depends on tldextract)")
    text = (Path(spec.submodule_search_locations[0]) / _SNAPSHOT).read_text(encoding="utf-8")
    public = text.partition(_PRIVATE_SECTION)[0]
    return [m.group("suffix") for m in _RULE.finditer(public)]
