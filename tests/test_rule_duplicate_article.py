"""KZ504 duplicate-article through the real Engine, with real article text: copies and near-copies
are reported on both files naming the other; pages of one site that share their template are not;
a one-file (pre-commit) run consults only the documents that share a sketch band with it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from corpora import write_corpus as corpus
from hypothesis import given
from hypothesis import strategies as st

from lint.config import load
from lint.core.document import Document
from lint.engine.run import Engine
from lint.engine.selection import build_rules
from lint.rules.consistency.duplicate_article import (
    DuplicateArticle,
    _block_words,
    _densified,
    similarity,
    sketch,
)

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
DEV_SCRAPED = Path(__file__).resolve().parents[2] / "shared" / "dev-scraped"
SEED_A = (CORPUS / "003_3f48dabb5ccddd0b.txt").read_text(encoding="utf-8")
SEED_B = (CORPUS / "002_da26a73d37ba8e26.txt").read_text(encoding="utf-8")

# A site's template as a careless scraper keeps it: a menu, teasers of other stories, a comment
# policy, a cookie notice and a footer (several of them long enough to make 5-word phrases).
TEMPLATE_TOP = """Home
News
World
Business
Sport
Opinion
Subscribe

Most read: Kazakhstan's president orders troops to fire without warning
Most read: Internet blackout continues across the country for a fifth day
Most read: Russian-led alliance sends paratroopers to Almaty airport
"""
TEMPLATE_BOTTOM = """
Comments that are abusive, off-topic or written in capitals will not be approved by the moderator.

We use cookies to give you the best experience on our website. By continuing to browse the site you agree to our use of cookies.

More from Central Asia: Kyrgyzstan's parliament approves a new government after weeks of protests
More from Central Asia: Uzbekistan's president wins a second term with 80 percent of the vote

Copyright © 2022 Central Asia Daily. All rights reserved.
"""


def run(root: Path, paths: list[str] | None = None, cache: bool = False, config_text: str | None = None):
    config_file = None
    if config_text is not None:
        config_file = root / "rules.yaml"
        config_file.write_text(config_text, encoding="utf-8")
    config = load(config_file)
    rules = build_rules(config, select=["KZ504"])
    engine = Engine(config, rules, cwd=root, config_dir=root, jobs=1, use_cache=cache)
    return engine.run(paths or [str(root / "corpus")]).findings




def test_two_copies_of_an_article_are_reported_on_both_naming_each_other(tmp_path):
    found = run(corpus(tmp_path, a=SEED_A, b=SEED_A, c=SEED_B))
    assert [(f.path, f.line, f.related[0].path) for f in found] == [
        ("corpus/a.txt", 1, "corpus/b.txt"), ("corpus/b.txt", 1, "corpus/a.txt")]
    assert "the same article as corpus/b.txt:1 (the same text" in found[0].message
    assert dict(found[0].extra) == {"other": "corpus/b.txt", "similarity": "1.00"}


def test_a_copy_saved_with_a_menu_a_footer_and_a_paragraph_less_is_a_near_copy(tmp_path):
    paragraphs = SEED_A.split("\n")
    edited = "\n".join(paragraphs[:3] + paragraphs[4:])  # one paragraph dropped
    menu, footer = TEMPLATE_TOP.split("\n\n")[0], TEMPLATE_BOTTOM.split("\n\n")[-1]
    found = run(corpus(tmp_path, a=SEED_A, b=f"{menu}\n\n{edited}\n\n{footer}"))
    assert [f.path for f in found] == ["corpus/a.txt", "corpus/b.txt"]
    share = float(dict(found[0].extra)["similarity"])
    assert 0.8 <= share < 1.0
    assert re.search(r"a near-copy of the article at corpus/b\.txt:1 \(about \d+% of their 5-word phrases", found[0].message)


def test_a_third_copy_is_counted_in_the_message(tmp_path):
    found = run(corpus(tmp_path, a=SEED_A, b=SEED_A, c=SEED_A))
    assert len(found) == 3 and all("; 1 more copy in the corpus" in f.message for f in found)
    assert {r.path for r in found[0].related} == {"corpus/b.txt", "corpus/c.txt"}


def test_two_articles_of_one_site_sharing_the_template_are_not_copies(tmp_path):
    found = run(corpus(tmp_path, a=TEMPLATE_TOP + "\n" + SEED_A + TEMPLATE_BOTTOM,
                       b=TEMPLATE_TOP + "\n" + SEED_B + TEMPLATE_BOTTOM))
    assert found == []


def _on_site(body: list[str], page: str) -> str:
    """An article as one site's page holds it: the first and last 40 blocks of a real scraped page
    of that site (dev-scraped) around it."""
    blocks = [b for b in (DEV_SCRAPED / "docs" / page).read_text(encoding="utf-8").split("\n") if b.strip()]
    return "\n\n".join([f"# {body[0]}", *blocks[1:41], *body[1:], *blocks[-41:-1]]) + "\n"


@pytest.mark.skipif(not DEV_SCRAPED.is_dir(), reason="../shared/dev-scraped is not here")
def test_one_article_on_two_sites_is_a_copy_whatever_their_furniture(tmp_path):
    """A wire story on two sites: their furniture differs, their article does not. The page's own
    furniture (page_furniture, the local model) stays out of the sketch: with it, the two pages
    below share 81% of their sampled phrases, at the threshold's edge; without it, all."""
    body = [b for b in (DEV_SCRAPED / "clean" / "050.txt").read_text(encoding="utf-8").split("\n") if b.strip()]
    found = run(corpus(tmp_path, a=_on_site(body, "001.md"), b=_on_site(body, "104.md")))
    assert [(f.path, f.related[0].path) for f in found] == [("corpus/a.txt", "corpus/b.txt"),
                                                            ("corpus/b.txt", "corpus/a.txt")]
    assert float(dict(found[0].extra)["similarity"]) >= 0.95


def test_short_notices_are_not_compared(tmp_path):
    notice = "The office is closed on Monday for the public holiday. We will reopen on Tuesday at nine.\n"
    assert run(corpus(tmp_path, a=notice, b=notice)) == []


def test_the_similarity_threshold_is_an_option(tmp_path):
    shorter = "\n".join(SEED_A.split("\n")[:-7])  # the last 7 paragraphs cut: about 66% in common
    root = corpus(tmp_path, a=SEED_A, b=shorter)
    assert run(root) == []
    assert len(run(root, config_text="rules:\n  duplicate-article:\n    min-similarity: 0.6\n")) == 2


def test_the_sketch_ignores_case_and_punctuation():
    a = sketch(Document("a.txt", SEED_A))
    b = sketch(Document("b.txt", SEED_A.replace("Kazakhstan", "KAZAKHSTAN").replace(", ", " ").replace("“", '"')))
    assert a == b and similarity(a[0], b[0]) == 1.0
    assert similarity(a[0], sketch(Document("c.txt", SEED_B))[0]) < 0.1


_PIECES = ["word", "Word", "WORD", "i", "İ", "Σ", "ΟΔΟΣ", "é", " ", "  ", "\n", "\t", "\u00a0", ",", ".", "'", "’", "“",
           "”", "—", "…", "_", "-", "3", "x1"]


@given(st.lists(st.sampled_from(_PIECES), max_size=30), st.integers(1, 12))
def test_block_words_are_the_lower_cased_words_without_punctuation(pieces, piece):
    """An ASCII stretch is lower-cased and stripped in one bytes pass, another through str.lower:
    the same words either way, and however the block is cut into pieces."""
    text = "".join(pieces)
    plain = text.lower().encode()
    for mark in "’‘“”«»–—…\u00a0":
        plain = plain.replace(mark.encode(), b" ")
    expected = plain.translate(None, re.sub("_", "", __import__("string").punctuation).encode()).split()
    assert _block_words(text, 0, len(text)) == expected
    assert _block_words(text, 0, len(text), piece) == expected


# -- a one-file (pre-commit) run ------------------------------------------------------------------


@pytest.fixture
def checked(monkeypatch):
    """The documents whose facts KZ504's check saw (a spy around the real check)."""
    seen: list[set[str]] = []
    real = DuplicateArticle.check

    def spy(self, facts):
        seen.append({path for path, items in facts.items() if items})
        return real(self, facts)

    monkeypatch.setattr(DuplicateArticle, "check", spy)
    return seen


def test_a_single_file_is_checked_against_the_documents_that_share_a_band(tmp_path, checked):
    others = {f"s{p.name[:3]}": p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))}
    root = corpus(tmp_path, a=SEED_A, copy=SEED_A, **others)
    run(root, cache=True, config_text="corpus: corpus\n")  # fills the cache and its claim-key index
    checked.clear()
    found = run(root, [str(root / "corpus" / "a.txt")], cache=True, config_text="corpus: corpus\n")
    assert [(f.path, f.related[0].path) for f in found] == [("corpus/a.txt", "corpus/copy.txt")]
    # the seed this copy was made from is a copy too; the four other seeds were never loaded
    assert checked == [{"corpus/a.txt", "corpus/copy.txt", "corpus/s003.txt"}]


# -- real data ---------------------------------------------------------------------------------------


def test_pages_of_one_site_in_dev_scraped_are_not_copies():
    """55 of its sites have two pages: same menus, teasers and footers, different articles."""
    if not DEV_SCRAPED.is_dir():
        pytest.skip("../shared/dev-scraped is absent")
    rule = DuplicateArticle()
    facts = {str(p): rule.extract(Document(str(p), p.read_text(encoding="utf-8")))
             for p in sorted((DEV_SCRAPED / "docs").glob("*.md"))}
    assert list(rule.check(facts)) == []


def test_the_bbc_dataset_duplicates_are_found(dev_corpus):
    rule = DuplicateArticle()
    facts = {str(p.relative_to(dev_corpus)): rule.extract(Document(str(p), p.read_text(encoding="utf-8", errors="replace")))
             for p in sorted(dev_corpus.glob("*/*.txt"))}
    found = {f.path: dict(f.extra) for f in rule.check(facts)}
    assert found["tech/339.txt"]["other"] == "tech/042.txt"  # an exact copy
    assert found["entertainment/079.txt"]["other"] == "entertainment/331.txt"  # one sentence differs
    assert "politics/312.txt" not in found  # a later story on the talks of politics/311 (Jaccard 0.65)
    assert 180 <= len(found) <= 190  # 93 pairs, every one read: see the rule's commit message


def test_an_empty_bin_borrows_the_next_filled_one_shifted_by_the_distance():
    """Densification: bins 1..62 are empty; each borrows from bin 63 (wrapping: bin 63 from bin 0)."""
    first, last = 5, (63 << 26) | 7
    values = [int(_densified([first, last])[4 * b:4 * b + 4], 16) for b in range(64)]
    assert values[0] == 5 and values[63] == 7
    assert values[1:63] == [(7 + (63 - b) * 0x9E37) & 0xFFFF for b in range(1, 63)]
