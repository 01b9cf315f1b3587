"""Research ratings of news domains (Lin et al. 2023) shipped for KZ403."""

import socket

import pytest

from lint.reference import domains


@pytest.fixture(scope="module")
def ratings():
    return domains.default()


def test_all_rows_are_shipped(ratings):
    assert len(ratings) == 11520
    assert ratings.scores["reuters.com"] == 1.0
    assert 0.0 <= min(ratings.scores.values()) and max(ratings.scores.values()) <= 1.0


@pytest.mark.parametrize("host, domain, low, high", [
    ("www.rt.com", "rt.com", 0.28, 0.30),                                   # www. and registrable domain
    ("news.bbc.co.uk", "bbc.co.uk", 0.70, 0.73),                            # a two-part public suffix
    ("economictimes.indiatimes.com", "economictimes.indiatimes.com", 0.2, 0.23),  # the host's own rating first
    ("m.timesofindia.indiatimes.com", "timesofindia.indiatimes.com", 0.72, 0.74),  # then its nearest rated parent
    ("INFOWARS.COM.", "infowars.com", 0.0, 0.06),
])
def test_host_then_parents_then_registrable_domain(ratings, host, domain, low, high):
    rating = ratings.rating(host)
    assert rating.domain == domain and low <= rating.score <= high


def test_unrated_and_empty_hosts(ratings):
    assert ratings.rating("example.com") is None
    assert ratings.rating("") is None
    assert ratings.rating("com") is None


def test_no_walk_above_the_registrable_domain(ratings):
    # "co.uk" is a public suffix, never a rated domain of its own
    assert ratings.rating("unknown-paper.co.uk") is None


def test_percentile_matches_the_published_distribution(ratings):
    assert 14 <= ratings.rating("rt.com").percentile <= 18    # README: 17% of rows below 0.3
    assert ratings.rating("reuters.com").percentile > 99


def test_offline(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    domains.registrable_domain.cache_clear()
    domains._extractor.cache_clear()
    assert domains.registrable_domain("a.b.example.co.uk") == "example.co.uk"


def test_citation_is_shipped_with_the_data():
    citation = (domains.DATA.parent / "CITATION.md").read_text(encoding="utf-8")
    assert "10.1093/pnasnexus/pgad286" in citation and "10.1093/pnasnexus/pgad286" in domains.CITATION
