"""KZ401-KZ404: source links, social-only sources, domain credibility tiers, malformed URLs."""

from __future__ import annotations

import socket

import pytest
from corpora import CORPUS

from lint.config import ConfigError, load
from lint.core.document import Document
from lint.engine.selection import build_rules
from lint.facts import sources
from lint.rules import load_config

DEFAULT = load(None)


def check(text: str, codes: str = "KZ4", path: str = "news/article.md", config=None) -> list[tuple[str, int, str]]:
    doc = Document(path, text)
    return [(f.code, f.line, f.message) for rule in build_rules(config or DEFAULT, select=[codes])
            for f in rule.check(doc)]


def codes(text: str, path: str = "news/article.md", config=None) -> list[str]:
    return [code for code, _, _ in check(text, path=path, config=config)]


BODY = "Kazakhstan's president has imposed a three-week state of emergency in the oil town of Zhanaozen.\n"


# -- the seeds (issue 3, "Must show") -------------------------------------------------------------------


def test_seeds():
    found = {}
    for path in sorted(CORPUS.glob("*.txt")):
        found[path.name[:3]] = check(path.read_text(encoding="utf-8"), path=f"corpus/{path.name}")
    assert found["000"] == [], "the Wikinews page links The Telegraph in its Source section"
    assert found["001"] == [("KZ401", 55, 'source "Al Jazeera, News Agencies" is named without a link: '
                                         "add the URL of the original report")]
    assert [c for c, _, _ in found["002"]] == ["KZ401"]
    assert found["003"] == [("KZ402", 11, "the only links are social media (instagram.com, t.co): add the original report's URL")]
    assert [c for c, _, _ in found["004"]] == ["KZ401"]


# -- what counts as a source link ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "---\nsource: https://www.reuters.com/world/asia-pacific/kazakhstan-2022-01-06/\n---\n" + BODY,
        "---\nurl: https://apnews.com/article/kazakhstan-protests\n---\n" + BODY,
        "---\nsources:\n  - https://www.rferl.org/a/kazakhstan-zhanaozen/30144812.html\n  - https://tengrinews.kz/\n---\n" + BODY,
        "---\nsources:\n  - name: Reuters\n    url: https://www.reuters.com/world/\n---\n" + BODY,
        BODY + "\nSource: https://www.aljazeera.com/news/2011/12/17/security-clampdown-on-kazakh-town\n",
        BODY + "\n## Sources\n\n- [The Telegraph](http://www.telegraph.co.uk/news/worldnews/asia/kazakhstan/8961356/Ten-die.html)\n",
        BODY + "\n**Source:** [Reuters](https://www.reuters.com/world/asia-pacific/)\n",
        "Kazakhstan's president [imposed](https://www.rferl.org/a/kazakhstan-emergency/31641204.html) a state of emergency.\n",
        # what scrapers and static-site generators write: either separator, any case
        "---\ncanonical_url: https://www.reuters.com/world/asia-pacific/kazakhstan-2022-01-06/\n---\n" + BODY,
        "---\nOriginal-URL: https://apnews.com/article/kazakhstan-protests\n---\n" + BODY,
        "---\ncanonical: https://www.reuters.com/world/asia-pacific/kazakhstan-2022-01-06/\n---\n" + BODY,
        "---\npermalink: https://apnews.com/article/kazakhstan-protests\n---\n" + BODY,
        "---\nlink: https://www.rferl.org/a/kazakhstan-zhanaozen/30144812.html\n---\n" + BODY,
        "---\nog:url: https://www.rferl.org/a/kazakhstan-zhanaozen/30144812.html\n---\n" + BODY,  # Open Graph
    ],
    ids=["fm-source", "fm-url", "fm-list", "fm-name-url", "source-line", "sources-section", "bold-label", "body-link",
         "fm-canonical_url", "fm-Original-URL", "fm-canonical", "fm-permalink", "fm-link", "fm-og-url"],
)
def test_source_links_satisfy_kz401(text):
    assert codes(text) == []


def test_plain_text_source_line_with_url():
    text = "Security clampdown on Kazakh town\n\n" + BODY + "\nSource: https://www.aljazeera.com/news/2011/12/17/x\n"
    assert codes(text, path="news/article.txt") == []


def test_named_source_in_front_matter_asks_for_the_url():
    assert check("---\nsource: Reuters\n---\n" + BODY) == [
        ("KZ401", 2, 'source "Reuters" is named without a link: add the URL of the original report')]


def test_no_source_at_all_points_at_the_headline():
    assert check("Security clampdown on Kazakh town\n\n" + BODY, path="news/a.txt") == [
        ("KZ401", 1, 'no source link: add the URL of the original report, e.g. "Source: https://..."')]


def test_related_links_are_no_evidence():
    text = BODY + "\n### Related:\n\n1. [Unrest spreads](https://en.wikinews.org/wiki/Unrest_in_Zhanaozen_spreads)\n"
    assert codes(text) == ["KZ401"]


def test_a_web_address_written_without_its_scheme_in_the_body_is_a_source():
    text = BODY + "\nThe report is published at www.who.int/news/item/12-09-2023-zhanaozen, the agency said.\n"
    assert codes(text, path="news/article.txt") == []
    assert sources.collect_sources(Document("news/article.txt", text), DEFAULT.sources).links[0].url == \
        "www.who.int/news/item/12-09-2023-zhanaozen"
    # an e-mail address or a word after "www" is no address
    assert codes(BODY + "\nWrite to press@www.example.org or see www. later.\n", path="news/article.txt") == ["KZ401"]


@pytest.mark.parametrize("reference", [
    "Reference: Smith J et al. JAMA. 2023;330(4):1-9. doi:10.1001/jama.2023.11313",  # in a source line
    "The study (DOI: 10.1038/s41586-020-2649-2) was peer reviewed.",                 # in the body
])
def test_a_doi_is_a_source_at_its_doi_org_address(reference):
    text = BODY + "\n" + reference + "\n"
    assert codes(text, path="news/article.txt") == []
    (link,) = sources.collect_sources(Document("news/article.txt", text), DEFAULT.sources).links
    assert link.url.startswith("https://doi.org/10.") and text[link.start:link.end] == link.url[len("https://doi.org/"):]
    # a doi.org address written out is a link as written, its span the whole address
    text = BODY + "\nSource: https://doi.org/10.1001/jama.2023.11313\n"
    (link,) = sources.collect_sources(Document("news/article.txt", text), DEFAULT.sources).links
    assert text[link.start:link.end] == link.url == "https://doi.org/10.1001/jama.2023.11313"
    # a number shaped like a DOI's prefix, not named as a DOI, is none
    assert codes(BODY + "\nA sample of 10.1001/2 was taken.\n", path="news/article.txt") == ["KZ401"]


def test_a_web_address_without_its_scheme_is_judged_by_its_host():
    assert codes(BODY + "\nThe video is at www.facebook.com/watch/?v=12345.\n", path="news/a.txt") == ["KZ402"]
    declared = codes(BODY + "\nSource: www.rt.com/russia/545721-kazakhstan-protests/\n")
    assert sorted(declared) == ["KZ403", "KZ404"]  # rated, and asked for its scheme


def test_relative_links_are_no_sources():
    assert codes(BODY + "\nSee [the earlier report](/news/2011/12/16/index.md).\n") == ["KZ401"]


# -- KZ402 social-only --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["https://x.com/wtx_EU_news/status/1478", "https://twitter.com/a/status/1", "https://t.co/RpdUVcyjwe",
     "https://www.instagram.com/p/CYY8HF-IIwL/", "https://www.facebook.com/story", "https://www.tiktok.com/@a/video/1",
     "https://t.me/channel/42", "https://www.youtube.com/watch?v=abc", "https://youtu.be/abc", "https://vk.com/wall1_2"],
)
def test_social_domains(url):
    assert codes(f"{BODY}\nSource: {url}\n") == ["KZ402"]


def test_a_social_link_beside_a_real_source_is_fine():
    text = BODY + "\nhttps://www.instagram.com/p/CYY8HF-IIwL/\n\nSource: https://www.rferl.org/a/kazakhstan/31641204.html\n"
    assert codes(text) == []


# -- KZ403 credibility tiers ----------------------------------------------------------------------------


def test_state_controlled_outlet_is_reported_with_tier_and_reason():
    found = check(BODY + "\nSource: https://www.rt.com/russia/545721-kazakhstan-protests/\n")
    assert found == [("KZ403", 3, 'source rt.com is rated "caution": Russian state-controlled broadcaster (RT); '
                                  "check claims against independent sources")]


def test_subdomains_are_rated_by_their_registrable_domain():
    assert codes(BODY + "\nSource: https://arabic.rt.com/world/1\n") == ["KZ403"]
    assert codes(BODY + "\nSource: https://news.bbc.co.uk/2/hi/asia-pacific/1.stm\n") == []


def test_an_archived_or_cached_copy_is_rated_as_its_original():
    """The Wayback Machine's copy of a page and Google's AMP cache serve the original's text."""
    archived = "https://web.archive.org/web/20220106093000/https://www.rt.com/russia/545721-kazakhstan-protests/"
    assert codes(f"{BODY}\nSource: {archived}\n") == ["KZ403"]
    assert codes(f"{BODY}\nSource: https://web.archive.org/web/2022id_/https://twitter.com/a/status/1\n") == ["KZ402"]
    cached = "https://www-rferl-org.cdn.ampproject.org/c/s/www.rferl.org/a/kazakhstan/31641204.html"
    assert codes(f"{BODY}\nSource: {cached}\n") == []


def test_body_evidence_is_rated_too():
    text = "Protesters, [Sputnik reported](https://sputniknews.com/20220105/kazakhstan.html), stormed the mayor's office.\n"
    assert codes(text) == ["KZ403"]


def test_tiers_allow_deny_are_the_users(tmp_path):
    text = BODY + "\nSource: https://www.rt.com/russia/545721/\n\nSee also https://tengrinews.kz/kazakhstan_news/1/\n"
    (tmp_path / "rules.yaml").write_text(
        "sources:\n  allow: [rt.com]\n  deny:\n    tengrinews.kz: not approved by the desk\n", encoding="utf-8")
    assert check(text, config=load(tmp_path / "rules.yaml")) == [
        ("KZ403", 5, 'source tengrinews.kz is rated "deny": not approved by the desk')]


def test_a_user_tier_can_be_reported(tmp_path):
    (tmp_path / "rules.yaml").write_text(
        "sources:\n  tiers:\n    unreliable:\n      wtxnews.com: publishes unverified social media claims\n", encoding="utf-8")
    assert codes(BODY + "\nSource: https://wtxnews.com/kazakhstan\n", config=load(tmp_path / "rules.yaml")) == ["KZ403"]


def test_report_tiers_must_name_a_tier(tmp_path):
    (tmp_path / "rules.yaml").write_text("sources:\n  report-tiers: [dubious]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"rules.yaml:\d+: sources.*dubious"):
        load_config(tmp_path / "rules.yaml")


def test_the_starter_list_is_documented_as_the_users_to_edit():
    from lint.config import default_text

    text = default_text()
    section = text[text.index("\nsources:"):]
    assert "STARTER LIST" in section and "yours" in section


def test_registrable_domains_never_touch_the_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    sources._extractor.cache_clear()
    sources.registrable_domain.cache_clear()
    assert sources.registrable_domain("i.telegraph.co.uk") == "telegraph.co.uk"
    assert sources.registrable_domain("news.bbc.co.uk") == "bbc.co.uk"
    assert sources.registrable_domain("www.abcnews.com.co") == "abcnews.com.co"
    assert sources.registrable_domain("tengrinews.kz") == "tengrinews.kz"


# -- KZ404 malformed URLs -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        ("[Reuters](https://www.reuters.com/world/kazakhstan protests)", "contains spaces"),
        ("htps://www.reuters.com/world/", 'uses the "htps:" scheme'),
        ("ftp://files.example.org/report.pdf", 'uses the "ftp:" scheme'),
        ("[Reuters](javascript:alert(1))", 'uses the "javascript:" scheme'),
        ("www.reuters.com/world/asia-pacific/", "has no scheme"),
        ("http://www.reuters.com:99999/world/", "does not parse"),
        ("[Image](/news/2011/12/16/kaz.jpg)", "has no scheme"),
        ("https://localhost/report", "has no valid host name"),
    ],
)
def test_malformed_source_urls(source, problem):
    found = check(f"{BODY}\nSource: {source}\n")
    assert [c for c, _, _ in found] == ["KZ404"], found
    assert problem in found[0][2]


def test_front_matter_url_with_a_space():
    found = check("---\nsource: https://www.reuters.com/world/kazakhstan protests\n---\n" + BODY)
    assert [(c, line) for c, line, _ in found] == [("KZ404", 2)]


def test_good_source_urls_are_not_malformed():
    assert codes(BODY + "\nSource: [AP](https://apnews.com/article/kazakhstan-protests \"AP News\")\n") == []


# -- the dev corpus: KZ401 everywhere by design, nothing else --------------------------------------------


def test_dev_corpus_has_no_source_and_nothing_else(dev_corpus):
    rules = build_rules(DEFAULT, select=["KZ4"])
    paths = sorted(dev_corpus.rglob("*.txt"))[:400]
    found = {f.code for p in paths for r in rules
             for f in r.check(Document(str(p), p.read_text(encoding="utf-8", errors="replace")))}
    assert found == {"KZ401"}


def test_an_image_is_shown_not_cited():
    """A Markdown image's source (a CDN's photo) is no source link: the article still has none."""
    text = ("# Floods in Kenya\n\n![Flooded street in Nairobi](https://cdn.example-images.com/2024/04/flood.jpg)\n\n"
            "Heavy rains have killed at least 38 people in Kenya, the interior ministry said on Monday.\n")
    assert codes(text, "news/a.md") == ["KZ401"]
