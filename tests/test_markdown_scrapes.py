"""Pages saved by Markdown scrapers (html2text, markdownify, a reader service): their menus,
breadcrumbs, tag lists, related-story lists, share bars and footers are Markdown links. The
furniture model reads what a reader sees (a link's text, not its URL), and a line of nothing but
links to other pages of the page's own site is furniture by its structure; a clean article's own
links (its sources, the reports it cites) stay the article."""

from __future__ import annotations

import json

from lint.config import load
from lint.core.document import Document
from lint.engine.corpus import check_corpus
from lint.engine.document import process_text
from lint.engine.selection import build_rules
from lint.facts.sources import collect_sources
from lint.text.page_furniture import furniture_lines

CONFIG = load(None)
KZ102 = build_rules(CONFIG, select=["KZ102"])[0]

BODY = [
    "At least 157 people were killed and dozens injured after a magnitude 5.6 earthquake struck the remote "
    "Jajarkot district of western Nepal late on Friday, officials said.",
    "The quake hit at 11:47pm local time, when many people were asleep, according to the "
    "[National Earthquake Monitoring and Research Center](https://seismology.gov.np).",
    "Prime Minister Pushpa Kamal Dahal flew to the area on Saturday with a medical team, his office said.",
    '"Many houses have collapsed and people are trapped," local official Harish Chandra Sharma told reporters.',
]

# html2text's rendering of a news page: relative links to the site's own pages
HTML2TEXT = "\n\n".join([
    "[Home](/) » [News](/news) » [World](/news/world)",
    "  * [Log in](/login)\n  * [Register](/register)",
    "# Nepal earthquake kills at least 157",
    *BODY,
    "Tags: [Nepal](/tags/nepal) [Earthquake](/tags/earthquake) [Jajarkot](/tags/jajarkot)",
    "[Post](https://x.com/intent/post?url=https%3A%2F%2Fherald.example%2Fn) "
    "[Pin](https://pinterest.com/pin/create/button/?url=https%3A%2F%2Fherald.example%2Fn)",
    "### Latest News",
    "  * [Floods hit Kenya's coast](/news/world/kenya-floods)\n"
    "  * [Rescue teams reach remote villages](/news/world/rescue)\n"
    "  * [Markets fall on rate fears](/news/business/markets)",
    "[About Us](/about) | [Contact](/contact) | [Privacy Policy](/privacy) | [Terms](/terms)",
]) + "\n"

# a reader service's rendering: absolute links, the page's own URL on a labelled line
SITE = "https://www.example-news.com"
READER = "\n\n".join([
    "Title: Floods kill dozens in southern Brazil",
    f"URL Source: {SITE}/world/americas/brazil-floods-2024",
    "Markdown Content:",
    f"[![Image 1: Example News logo]({SITE}/static/logo.svg)]({SITE}/)",
    "\n".join(f"*   [{item}]({SITE}/{item.lower()})" for item in ("World", "Politics", "Business", "Climate")),
    "Floods kill dozens in southern Brazil\n=====================================",
    "At least 39 people have died and 68 are missing after days of torrential rain in the southern Brazilian "
    "state of Rio Grande do Sul, the state's civil defence agency said on Friday.",
    "Governor Eduardo Leite said the region was facing \"the worst disaster in its history\" and asked the "
    "federal government for help.",
    "More than 24,000 people have been forced from their homes, according to the civil defence agency.",
    f"[Facebook](https://www.facebook.com/sharer/sharer.php?u={SITE}/x)"
    f"[Twitter](https://twitter.com/intent/tweet?url={SITE}/x)[Email](mailto:?subject=Floods)",
    "Related\n-------",
    f"*   [Rio Grande do Sul: what we know about the floods]({SITE}/world/americas/rs-explainer)\n"
    f"*   [Climate change made Brazil's heatwave more likely]({SITE}/climate/brazil-heat)",
]) + "\n"

# an edited article in Markdown: links to the reports it cites, and a source list
CLEAN = "\n\n".join([
    "---\ntitle: Heatwave pushes European power prices to record highs\nurl: https://www.energy-desk.org/heatwave\n---",
    "# Heatwave pushes European power prices to record highs",
    "Electricity prices in France and Germany hit record highs on Tuesday as a heatwave drove up demand, "
    "[Reuters reported](https://www.reuters.com/business/energy/example).",
    "France's grid operator [RTE](https://www.rte-france.com) said demand would peak at 58 gigawatts, while "
    "[EDF](https://www.edf.fr) cut output at several plants because the river water was too warm.",
    "Germany's baseload power for next year rose to 390 euros per megawatt hour, according to the "
    "[EEX exchange](https://www.eex.com). Our [earlier report](/2022/06/gas-storage) explains why.",
    "## Sources",
    "\n".join(f"- [{name}](https://{host}/example)" for name, host in [
        ("Reuters", "www.reuters.com"), ("RTE press release", "www.rte-france.com"), ("EEX data", "www.eex.com"),
        ("Financial Times", "www.ft.com"), ("Le Monde", "www.lemonde.fr"), ("Der Spiegel", "www.spiegel.de")]),
    "## Read next",
    "\n".join(f"- [{title}]({url})" for title, url in [
        ("Wind output falls to a two-year low", "https://www.energy-desk.org/wind-low"),
        ("Why gas storage matters this winter", "/2022/06/gas-storage")]),
]) + "\n"


def findings(text: str, path: str) -> list:
    facts = {path: json.loads(json.dumps(process_text(text, path, [KZ102], full=False)["facts"]))}
    return sorted(check_corpus([KZ102], facts), key=lambda f: (f.line, f.column))


def lines_of(text: str, found) -> set[str]:
    lines = text.split("\n")
    return {lines[f.line - 1].strip() for f in found}


def test_a_menu_of_links_is_read_by_its_words_not_its_urls():
    """The reader page's menu is four links to its own site: the model reads "World", "Politics",
    ... (one-word lines before the body), not four URLs."""
    doc = Document("page.md", READER)
    lines = READER.split("\n")
    menu = {n for n, line in enumerate(lines, 1) if line.startswith("*   [") and "/world/" not in line
            and "/climate/brazil" not in line}
    assert menu <= furniture_lines(doc)
    body = {n for n, line in enumerate(lines, 1) if "civil defence agency" in line or "Governor" in line}
    assert not body & furniture_lines(doc)


def test_lines_of_site_links_are_furniture_by_their_structure():
    found = findings(HTML2TEXT, "news/nepal.md")
    flagged = lines_of(HTML2TEXT, found)
    for needle in ("[Home](/)", "[Log in]", "[Register]", "Tags:", "### Latest News", "[Floods hit", "[About Us]"):
        assert any(needle in line for line in flagged), needle
    assert not any(sentence[:40] in line for sentence in BODY for line in flagged)
    tags = next(f for f in found if "Tags" in f.message)
    assert "3 links to other pages of this site" in tags.message
    share = next(f for f in found if f.snippet.startswith("Post"))
    assert "2 share buttons and no text of its own" in share.message
    heading = next(f for f in found if "Latest News" in f.message)
    assert "the heading of a list of links" in heading.message


def test_share_buttons_and_the_pages_own_absolute_links_are_site_links():
    found = findings(READER, "news/brazil.md")
    messages = {f.line: f.message for f in found}
    lines = READER.split("\n")
    related = [n for n, line in enumerate(lines, 1) if "rs-explainer" in line or "brazil-heat" in line]
    assert all(n in messages for n in related)
    assert "a navigation section of 2 links" in messages[related[0] - 3]  # the setext heading over them
    menu = [n for n, line in enumerate(lines, 1) if line.startswith("*   [") and n < related[0]]
    assert all("a link to another page of this site and no text of its own" in messages[n] for n in menu)
    assert not any("URL Source" in message for message in messages.values())  # the page's own URL
    share = next(n for n, line in enumerate(lines, 1) if "sharer" in line)
    assert share in messages


def test_a_clean_articles_links_and_source_list_are_the_article():
    found = findings(CLEAN, "news/heatwave.md")
    flagged = lines_of(CLEAN, found)
    assert not any("reuters" in line or "Reuters" in line for line in flagged)
    assert not any(line.startswith("- [") and "energy-desk" not in line and "/2022/" not in line for line in flagged)
    # ... but its own "read next" list links to its own site (front matter `url`), relative or not
    assert {"- [Wind output falls to a two-year low](https://www.energy-desk.org/wind-low)",
            "- [Why gas storage matters this winter](/2022/06/gas-storage)"} <= flagged


def test_a_lone_link_to_the_site_is_no_menu():
    text = ("### [2011-12-16](/news/2011/12/16/index.md)\n\n# At least 10 die in clashes in Zhanaozen\n\n"
            "At least ten people have died in fighting between police and demonstrators in a western oil town "
            "in Kazakhstan, the prosecutor's office said.\n\nSource: https://www.telegraph.co.uk/news/1\n")
    assert findings(text, "news/a.md") == []


def test_menu_and_share_links_are_no_sources():
    """KZ4 reads the article's links: a menu's, a share bar's and a related list's are the page's."""
    report = collect_sources(Document("news/brazil.md", READER), CONFIG.sources)
    urls = [link.url for link in report.links]
    assert f"{SITE}/world/americas/brazil-floods-2024" in urls  # the page's own URL, on its labelled line
    assert not [url for url in urls if "/world" == url[len(SITE):] or "sharer" in url or "rs-explainer" in url]


def test_emphasis_marks_are_not_prose():
    doc = Document("a.md", "**Read more:** [Brazil's president visits](/news/lula) and _Context: Floods_ "
                           "in snake_case and 2*3*4\n")
    assert doc.prose.split() == ["Read", "more:", "Brazil's", "president", "visits", "and", "Context:",
                                 "Floods", "in", "snake_case", "and", "2*3*4"]
    assert [f.code for f in findings("# Floods\n\n" + "\n\n".join(BODY) + "\n\n**Read more:** "
                                     "[Brazil's president visits flood-hit region](/news/lula)\n", "a.md")] == ["KZ102"]


def test_a_linked_image_is_not_prose():
    doc = Document("a.md", f"[![Image 1: Example News logo]({SITE}/logo.svg)]({SITE}/)\n\nText.\n")
    assert doc.prose.split() == ["Text."]


def test_a_page_that_does_not_name_its_site_is_read_by_where_its_lines_of_links_lead():
    page = READER.replace(f"URL Source: {SITE}/world/americas/brazil-floods-2024\n\n", "")
    found = findings(page, "news/brazil.md")
    lines = page.split("\n")
    menu = [n for n, line in enumerate(lines, 1) if line.startswith("*   [") and "/world/" not in line
            and "/climate/brazil" not in line]
    assert all(any(f.line == n and "a link to another page of this site" in f.message for f in found) for n in menu)


def test_three_links_to_one_outlet_are_no_site():
    """A list of further reading from one outlet, under no heading, is the article's own choice."""
    text = CLEAN.split("## Sources")[0].replace("url: https://www.energy-desk.org/heatwave\n", "") + "\n".join(
        f"- [{title}](https://www.reuters.com/{slug})" for title, slug in [
            ("Europe's heatwave explained", "a"), ("Why rivers limit nuclear power", "b"), ("Power prices, a timeline", "c")])
    text += "\n"
    assert [f for f in findings(text, "news/heatwave.md") if "this site" in f.message] == []


def test_a_results_table_in_plain_text_is_its_content():
    """Super Rugby results in a plain-text article (probe round 8): rows of "|"-separated cells with
    scores, without Markdown's delimiter row, are a table, not a menu."""
    rows = ["Home | Score | Away", "Crusaders | 38-19 | Brumbies", "Hurricanes | 24-27 | Chiefs",
            "Reds | 31-20 | Moana Pasifika", "Fijian Drua | 29-26 | Western Force"]
    text = "\n\n".join(["Crusaders stay top after win over Brumbies", *BODY[:3], "Round 9 results", "\n".join(rows),
                        "The Crusaders play the Highlanders in Dunedin next Saturday.", *BODY[3:],
                        "About | Contact | Privacy | Terms"]) + "\n"
    lines = text.split("\n")
    assert not {lines[f.line - 1] for f in findings(text, "sport/rugby.txt")} & set(rows)


def test_the_title_over_a_breadcrumb_heads_no_menu():
    """html2text's page of a Hong Kong daily (written for this test): the level-1 heading is the
    title; the breadcrumb of two links under it is furniture, the title is not its heading."""
    site = "https://www.daily.example"
    text = f"---\nurl: {site}/news/hong-kong/article/3258\n---\n" + "\n\n".join([
        "# Hong Kong to extend Tuesday lunch-hour tram trial as ridership climbs",
        f"[Hong Kong]({site}/news/hong-kong)/[Transport]({site}/news/hong-kong/transport)",
        *BODY]) + "\n"
    found = findings(text, "news/tram.md")
    assert [f.line for f in found] == [6]


def test_an_articles_table_is_its_content():
    """A league's results and table in an edited Markdown article (written for this test): rows of
    short cells separated by "|" are shaped like a menu, but a table with a delimiter row is content."""
    text = "\n\n".join([
        "# Northern League: Saturday's results and table",
        "Harwick Town claimed top spot with a 3-1 win at Eastfield, while leaders Corby Rovers were held at home.",
        "## Results",
        "| Home | Score | Away |\n|---|---|---|\n| Corby Rovers | 1-1 | Millport |\n| Eastfield | 1-3 | Harwick Town |\n"
        "| Stanton | 0-2 | Belford United |\n| Ashby | 2-2 | Kelso Athletic |",
        "## Table",
        "| Pos | Team | P | Pts |\n|---|---|---|---|\n| 1 | Harwick Town | 24 | 52 |\n| 2 | Corby Rovers | 24 | 51 |",
        'Harwick manager Sean Doyle said: "We have done nothing yet. There are ten games left."',
        "Next Saturday: Harwick Town v Corby Rovers, Millport v Stanton, Belford United v Ashby."]) + "\n"
    assert findings(text, "sport/league.md") == []
    assert furniture_lines(Document("sport/league.md", text)) == frozenset()
