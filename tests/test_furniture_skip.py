"""Furniture is not the article: the prose rules (KZ301, KZ201-KZ203, the claims of KZ5) skip the
lines lint.text.page_furniture.furniture_lines calls furniture (menus, share bars, teasers of
other stories), and still read the same sentence when it is in the article body."""

from __future__ import annotations

from lint.backends.match import Match
from lint.config import load
from lint.core.document import Document
from lint.engine.selection import build_rules
from lint.facts.claims import extract
from lint.facts.names import name_index
from lint.text.page_furniture import furniture_lines

CONFIG = load(None)
TEASER = "Twelve people killed in bus crash in Kenya"
# (the menu line right before the body is the model's hard call: "Sign in" there stays a KZ203 finding)
MENU = ["Skip to content", "Sign in", "Home", "News", "Africa", "World", "Business", "Sport", "Opinion", "Subscribe"]
SHARE = ["Share this article", "Facebook", "Twitter", "WhatsApp"]
TEASERS = ["Most read", "Floods cut off villages in northern Ghana", "Central bank holds rates as inflation eases",
           TEASER, "Opposition leader returns from exile", "Watch: Lions spotted in Nairobi suburb"]
FOOTER = ["About us", "Contact us", "Advertise with us", "Privacy Policy", "Terms of Use", "© 2019 The Daily Courier"]
BODY = ["Police in Uganda fired tear gas at hundreds of traders who had blocked roads in central Kampala on "
        "Monday to protest against a new tax on mobile money, witnesses said.",
        "The finance ministry said the levy of one percent on every transfer would raise money for roads and "
        "schools, and that it would not be withdrawn.",
        "Traders' groups say the tax falls hardest on the poor, who use mobile money in place of bank accounts, "
        "and have called for a second day of protests on Tuesday."]


def page(body: list[str], teasers: list[str] = TEASERS, menu: list[str] = MENU) -> str:
    """A scraped page: title, menu, the article, a share bar, a "Most read" teaser list, a footer."""
    return "\n\n".join(["# Uganda traders protest mobile money tax", *menu, *body, *SHARE, *teasers, *FOOTER]) + "\n"


def check(code: str, text: str) -> list:
    rule = build_rules(CONFIG, select=[code])[0]
    return list(rule.check(Document("news/page.md", text)))


def line_of(text: str, needle: str) -> int:
    return text[:text.index(needle)].count("\n") + 1


def test_a_teaser_of_another_story_is_not_an_unattributed_figure():
    text = page(BODY)
    assert line_of(text, TEASER) in furniture_lines(Document("news/page.md", text))
    assert check("KZ301", text) == []


def test_the_same_sentence_in_the_article_body_is_reported():
    sentence = (f"{TEASER}, the third deadly accident on the Nairobi-Mombasa highway this month, as traders "
                "travelled to the capital.")
    text = page(BODY[:1] + [sentence] + BODY[1:], teasers=[t for t in TEASERS if t != TEASER])
    findings = check("KZ301", text)
    assert [(f.code, f.line) for f in findings] == [("KZ301", line_of(text, sentence))]
    assert "Twelve people killed" in findings[0].message


def test_a_teaser_figure_is_not_a_claim_for_kz5():
    index = name_index(CONFIG.names)
    teaser = extract(Document("news/page.md", page(BODY)), index, CONFIG.lexicon)
    assert not any("Twelve" in claim["text"] for claim in teaser.claims)
    sentence = f"{TEASER}, the third deadly accident on the highway this month, police said."
    body = extract(Document("news/page.md", page(BODY[:1] + [sentence] + BODY[1:], TEASERS[:3])), index,
                   CONFIG.lexicon)
    assert [claim["text"] for claim in body.claims if "Twelve" in claim["text"]] == ["Twelve people killed"]


def test_a_menu_line_that_stops_mid_clause_is_not_garbled_prose():
    """Real furniture from dev-scraped (docs/122.md): a comment widget's "Soha Ellaithy commented on"."""
    widget = ["Recent comments", "Soha Ellaithy commented on", "Experiments in GiveWell communication",
              "Mark Stevens commented on", "Why charities should publish their costs"]
    text = page(BODY, teasers=TEASERS + widget)
    assert check("KZ203", text) == []
    stopped = BODY[1].replace(", and that it would not be withdrawn.", ", the ministry said on")
    findings = check("KZ203", page([BODY[0], stopped, BODY[2]], teasers=TEASERS + widget))
    assert [f.line for f in findings] == [line_of(page([BODY[0], stopped, BODY[2]]), stopped)]
    assert "stops mid-clause" in findings[0].message


def test_a_language_menu_is_not_untranslated_text():
    """The edition switcher of dev-scraped docs/001.md: "中文 (Chinese)", "日本語 (Japanese)"."""
    menu = MENU[:8] + ["English", "中文 (Chinese)", "日本語 (Japanese)", "Español"] + MENU[8:]
    text = page(BODY, menu=menu)
    assert check("KZ202", text) == []
    quoted = BODY[2] + " Полиция задержала более ста человек на площади."
    findings = check("KZ202", page(BODY[:2] + [quoted], menu=menu))
    assert [f.line for f in findings] == [line_of(page(BODY[:2] + [quoted], menu=menu), quoted)]


def test_grammar_matches_on_furniture_lines_are_dropped():
    class Backend:
        name = "LanguageTool"

        def check(self, doc):
            return [Match(doc.text.index(word), len(word), "agreement", "AGREEMENT", "GRAMMAR")
                    for word in ("holds", "fired")]

    text = page(BODY)
    rule = build_rules(CONFIG, select=["KZ201"])[0]
    rule._backend = Backend()
    findings = list(rule.check(Document("news/page.md", text)))
    assert [f.line for f in findings] == [line_of(text, "fired")]  # "holds" is in a teaser
