"""lint/reference/public_suffixes.py reads tldextract's snapshot itself: it must answer as
tldextract does (the registrable domains KZ402/KZ403 report and rate by)."""

import re

import pytest

from lint.reference.public_suffixes import PublicSuffixes, snapshot_rules

tldextract = pytest.importorskip("tldextract")

EDGE_CASES = [
    "", ".", "..", "localhost", "127.0.0.1", "999.1.1.1", "[::1]", "[::1]:80", "http://[2001:db8::1]/x", "[foo.com]",
    "user:pw@host.co.uk:8080", "//bbc.co.uk/x", "ftp://a.b.com", "http://bbc.co.uk?q=1", "http://bbc.co.uk#f",
    "mailto:x@bbc.co.uk", "BBC.CO.UK", " bbc.co.uk ", "example.com.", "ex\u3002com", "x\uff0ey\uff61co.uk", "a..com",
    ".com", "com", "ck", "www.ck", "a.www.ck", "foo.ck", "a.foo.ck", "city.kawasaki.jp", "a.city.kawasaki.jp",
    "a.b.kawasaki.jp", "xn--.com", "xn--80ak6aa92e.com", "a.xn--p1ai", "a.рф", "a.blogspot.com", "a.github.io",
    "news.bbc.co.uk", "i.telegraph.co.uk", "www.abcnews.com.co", "tengrinews.kz", "economictimes.indiatimes.com",
]


@pytest.fixture(scope="module")
def both():
    ours = PublicSuffixes(snapshot_rules())
    theirs = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)
    return ours.registrable, lambda host: theirs(host).top_domain_under_public_suffix


def test_edge_cases_agree_with_tldextract(both):
    ours, theirs = both
    assert [ours(h) for h in EDGE_CASES] == [theirs(h) for h in EDGE_CASES]


def test_every_rule_of_the_list_agrees_with_tldextract(both):
    """Each rule (public and private sections) under a few prefixes: wildcards, exceptions, punycode."""
    ours, theirs = both
    rules = snapshot_rules()
    private = [r for r in re.findall(r"^([.*!]*\w\S*)", _snapshot_text(), re.MULTILINE) if r not in set(rules)]
    hosts = [prefix + rule.lstrip("!").replace("*", "foo")
             for rule in rules[::3] + private[::7] for prefix in ("", "x.", "a.B.", "xn--bcher-kva.")]
    assert [ours(h) for h in hosts] == [theirs(h) for h in hosts]


def _snapshot_text() -> str:
    import importlib.util
    from pathlib import Path

    folder = Path(importlib.util.find_spec("tldextract").submodule_search_locations[0])
    return (folder / ".tld_set_snapshot").read_text(encoding="utf-8")
