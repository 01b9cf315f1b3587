"""Pages saved by a text-mode browser (`lynx -dump`): each link's text follows its number in
brackets, and a numbered reference list at the end gives the targets. A line of nothing but
numbered links to the page's own site (a menu, a share bar) is furniture by its structure, and a
listed target is a source only where its number stands in the article."""

from __future__ import annotations

import json

from lint.config import load
from lint.core.document import Document
from lint.engine.corpus import check_corpus
from lint.engine.document import process_text
from lint.engine.selection import build_rules
from lint.facts.sources import collect_sources
from lint.text.link_numbers import numbered_links

CONFIG = load(None)
KZ102 = build_rules(CONFIG, select=["KZ102"])[0]
SITE = "https://www.dailycourier.example"

PAGE = """\
   [1]Skip to main content
   [2]The Daily Courier
     * [3]News
     * [4]Sport
     * [5]Opinion
     * [6]Business

City council approves new bus routes

   By Jane Miller | March 4, 2024

   The city council voted 7-2 on Monday to approve four new bus routes
   connecting the northern suburbs to the town centre, a plan that
   transport officials said would cut journey times by a third.

   [7]Councillor Tom Reed, who chairs the transport committee, said the
   routes would start running in September. "People have waited for this
   for ten years," he said.

   The plan will cost 4.2 million pounds, the council's budget papers
   show.

   [8]Share on Facebook [9]Share on X

References

   1. {site}/#main
   2. {site}/
   3. {site}/news
   4. {site}/sport
   5. {site}/opinion
   6. {site}/business
   7. {site}/people/tom-reed
   8. https://www.facebook.com/sharer/sharer.php?u={site}/news/bus-routes
   9. https://twitter.com/intent/tweet?url={site}/news/bus-routes
""".format(site=SITE)


def findings(text: str, path: str) -> list:
    facts = {path: json.loads(json.dumps(process_text(text, path, [KZ102], full=False)["facts"]))}
    return sorted(check_corpus([KZ102], facts), key=lambda f: (f.line, f.column))


def test_the_reference_list_gives_each_link_number_its_target():
    links = numbered_links(Document("page.txt", PAGE))
    assert links.targets[3] == f"{SITE}/news"
    assert len(links.targets) == 9
    assert PAGE[links.marks[7][0]:].startswith("[7]Councillor")


def test_a_menu_of_numbered_links_to_the_site_is_furniture():
    found = findings(PAGE, "news/bus.txt")
    flagged = {PAGE.split("\n")[f.line - 1].strip() for f in found}
    assert {"[1]Skip to main content", "[2]The Daily Courier", "* [3]News", "* [6]Business",
            "[8]Share on Facebook [9]Share on X"} <= flagged
    assert not [line for line in flagged if "Councillor" in line or "council voted" in line]
    menu = next(f for f in found if f.line == 3)
    assert "a link to another page of this site and no text of its own" in menu.message


def test_a_line_of_prose_that_opens_with_a_link_is_no_menu():
    """The article's link to the councillor's page opens a paragraph: its words are the article."""
    found = findings(PAGE, "news/bus.txt")
    assert not [f for f in found if "Councillor" in f.snippet]


def test_listed_targets_are_sources_only_where_the_article_cites_them():
    urls = [link.url for link in collect_sources(Document("page.txt", PAGE), CONFIG.sources).links]
    assert urls == [f"{SITE}/people/tom-reed"]  # cited in the article; the menu's and share bar's are not


def test_without_a_reference_list_numbers_in_brackets_are_no_links():
    """A bibliography's "[3]" or a numbered list is no browser dump: nothing is read as a link."""
    text = ("Floods hit the coast\n\nThe storm flooded 300 homes, the council said [3].\n\n"
            "References\n\n   3. Council report, 2024.\n")
    assert numbered_links(Document("a.txt", text)) is None


def test_the_list_entries_of_furniture_links_are_furniture_and_the_articles_are_not():
    found = findings(PAGE, "news/bus.txt")
    lines = PAGE.split("\n")
    entries = {lines[f.line - 1].strip(): f.message for f in found if lines[f.line - 1].strip()[:2].rstrip(".").isdigit()}
    assert set(entries) == {f"{n}. {url}" for n, url in [(1, f"{SITE}/#main"), (2, f"{SITE}/"), (3, f"{SITE}/news"),
                                                          (4, f"{SITE}/sport"), (5, f"{SITE}/opinion"),
                                                          (6, f"{SITE}/business")]} | {
        line.strip() for line in lines if "sharer" in line or "intent/tweet" in line}
    assert "list entry of a link on a furniture line (line 3)" in entries[f"3. {SITE}/news"]
