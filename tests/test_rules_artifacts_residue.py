"""Scraping residue that the artifact rules (KZ101, KZ103, KZ104, KZ106, KZ107) missed before
issue 13, each with real text that must fire and real text that must not: script values where a
number or a name belongs, glued words of any kind, raw HTML blocks in Markdown, wiki markup,
ellipsis and underscore lines, teasers cut off mid-word, and repeated runs of text."""

from __future__ import annotations

import pytest

from lint.config import load
from lint.core.document import Document
from lint.engine.selection import build_rules

RULES = {rule.code: rule for rule in build_rules(load(None), select=["KZ1"])}


def check(code: str, text: str, path: str = "article.txt"):
    return list(RULES[code].check(Document(path, text)))


def messages(code: str, text: str, path: str = "article.txt") -> list[str]:
    return [f.message for f in check(code, text, path)]


# -- KZ101: undefined / null / NaN where a number or a name belongs -----------------------------


@pytest.mark.parametrize("text, token", [
    ("Djokovic, ranked number undefined in the world, lost in straight sets.", "undefined"),
    ("The undefined-year-old striker signed a three-year contract on Monday.", "undefined"),
    ("Kazakhstan won 3-undefined against Tajikistan in Almaty.", "undefined"),
    ("Inflation rose undefined.5% in December, the central bank said.", "undefined"),
    ("Turnout was undefined% according to the election commission.", "undefined"),
    ("Tickets cost £undefined and sold out within an hour.", "undefined"),
    ("The striker, aged undefined, joined from Shakhtar Donetsk.", "undefined"),
    ("The oil price fell to $null a barrel on Friday.", "null"),
    ("Chelsea beat Arsenal null-2 at Stamford Bridge.", "null"),
    ("Posted by undefined on 12 May 2019", "undefined"),
    ("Coach Stanimir undefined said the team was ready.", "undefined"),
    ("Page undefined of 12", "undefined"),
])
def test_a_script_value_in_a_number_or_name_slot_fires(text, token):
    found = check("KZ101", text)
    assert len(found) == 1 and f'"{token}"' in found[0].message
    assert "where a number should be" in found[0].message or "where a name should be" in found[0].message


@pytest.mark.parametrize("text", [
    "The border between the two countries remains undefined.",
    "The contract was declared null and void by the court.",
    "Scientists rejected the null hypothesis after the second trial.",
    "An undefined number of protesters were detained overnight.",
    "The results were null, the commission said on 12 May.",
    "JavaScript returns undefined when a variable has no value.",
    "Kazakhstan drew nil-nil with Serbia; they won 2-nil in March.",
    "The election was declared null in 2019, and 40% of voters stayed home.",
    "The ruling left the status of 3 million tenants undefined, lawyers said.",
    "It is undefined behaviour in C to read past the end of an array.",
    "A number of questions remain undefined.",
])
def test_english_that_uses_the_words_stays_silent(text):
    assert check("KZ101", text) == []


# -- KZ104: glued words in general -------------------------------------------------------------


@pytest.mark.parametrize("text, token", [
    ("Chelsea have won sevenChampions League matches in a row.", "sevenChampions"),
    ("The vote came whileCambridge University was on holiday.", "whileCambridge"),
    ("The former ministerLord Heseltine said the plan would fail.", "ministerLord"),
    ("Crowds gathered to greetPresident Tokayev at the airport.", "greetPresident"),
    ("Most laptops in the ministry are runningWindows 10.", "runningWindows"),
    ("The strike began on Monday.Officials said 40 people were detained.", "Monday.Officials"),
    ("The two sides agreed.The deal will be signed on Friday.", "agreed.The"),
    ("It should have been Joy Division.Those guys have shaped modern music.", "Division.Those"),
    # a sentence ending on a figure, a bracket or a quotation (the BBC dev corpus: 'carpet."It's')
    ("Results are expected in the autumn of 2026.Germany's health ministry has reserved doses.", "2026.Germany's"),
    ("Prices rose by 4.5%.Analysts had expected less.", "4.5%.Analysts"),
    ("The agency said so on Monday (AFP).Police later denied it.", "(AFP).Police"),
    ('"I am thrilled to be on the red carpet."It\'s her first visit to the festival.', 'carpet."It\'s'),
])
def test_glued_words_fire_and_get_their_space(text, token):
    found = check("KZ104", text)
    assert len(found) == 1 and f'"{token}"' in found[0].message
    assert found[0].fix.safe


@pytest.mark.parametrize("text", [
    "Apple sold more iPod and iPhone units; PlayStation and YouTube grew, eBay shrank.",
    "McLeish said JavaScript skills are in demand at McDonald's and at MacBook makers.",
    "WhatsApp, LinkedIn and PayPal were all down on Tuesday.",
    "Shares in One.Tel fell sharply in Sydney; Booking.Com and Ask.Fm were unaffected.",
    "He moved to St.Petersburg in 2005 and met Mr.Smith and Prof.Jones there.",
    "The app uses setTimeout and getElementById calls; airBaltic and iShares agreed.",
    "The files are at example.com/2024.Report and were shared by @user.Name on Monday.",
    "Inflation was 4.5% in May. Analysts said \"we expect more.\" The bank agreed (AFP). Police left.",
])
def test_brands_names_and_abbreviations_stay_silent(text):
    assert check("KZ104", text) == []


# -- KZ106: raw HTML blocks in Markdown, wiki markup --------------------------------------------


@pytest.mark.parametrize("block", [
    "<p>Protesters regrouped near the square on Thursday evening.</p>",
    '<div class="share-bar">\nShare this article\n</div>',
    '<img height="1" width="1" style="display:none" src="https://b.example.com/p?c1=2">',
])
def test_a_raw_html_block_in_markdown_fires_once(block):
    text = f"Police fired tear gas.\n\n{block}\n\nThe curfew stays.\n"
    found = check("KZ106", text, "article.md")
    assert [(f.line, f.end_line) for f in found] == [(3, 2 + block.count("\n") + 1)]
    assert "HTML block" in found[0].message


@pytest.mark.parametrize("block", [
    "<!-- kzlint-disable KZ102 -->",
    "<details>\nMore about the strike\n</details>",
])
def test_comments_and_unlisted_tags_in_markdown_stay_silent(block):
    assert check("KZ106", f"Police fired tear gas.\n\n{block}\n\nThe curfew stays.\n", "article.md") == []


def test_wiki_markup_fires():
    text = ("'''Almaty''' is the largest city of [[Kazakhstan]], with {{convert|1.9|e6}} people.\n\n"
            "== Background ==\n\nThe town of [[Zhanaozen|Zhanaozen]] is ''the'' oil town of Mangystau.\n")
    found = [f.snippet for f in check("KZ106", text)]
    assert found == ["'''Almaty'''", "[[Kazakhstan]]", "{{convert|1.9|e6}}", "== Background ==",
                     "[[Zhanaozen|Zhanaozen]]", "''the''"]
    assert check("KZ101", text) == []  # a wiki template is markup, not an unfilled placeholder


def test_two_apostrophes_as_quotation_marks_stay_silent():
    # BBC, sport/354: '' stands for a quotation mark; without other wiki markup it is not wikitext
    text = "We will say nothing of Mike Ruddock ''poaching'' eight of the Dragons side that faced Leinster.\n"
    assert check("KZ106", text) == []


def test_a_wikis_footnote_marks_fire_and_are_deleted():
    text = ("At least 5,300 people were killed in the floods,[3] officials said on Tuesday.[4] The city of Derna "
            "was worst hit.[citation needed] Rescue teams arrived on Wednesday, the Red Crescent said.[5][6]\n")
    found = check("KZ106", text)
    assert [f.snippet for f in found] == ["[3]", "[4]", "[citation needed]", "[5][6]"]
    assert all("footnote" in f.message and f.fix.safe for f in found)


def test_pandocs_fenced_divs_and_attributes_fire_and_are_deleted():
    """A Guardian page through `pandoc -f html -t markdown`: its fenced divs and class attributes."""
    text = ("# Storm hits coast\n\n::: {.ad-slot-container .dcr-1ak1u7a}\n:::\n\n"
            "-   [News](https://www.theguardian.com/){.dcr-s0ywyt}\n\n"
            "The storm hit the coast on Monday, officials said.\n")
    found = check("KZ106", text, "article.md")
    assert [f.snippet for f in found] == ["::: {.ad-slot-container .dcr-1ak1u7a}", ":::", "{.dcr-s0ywyt}"]
    assert all("pandoc markup" in f.message and f.fix.safe for f in found)
    # braces in prose, a code block, and a plain-text file are no pandoc markup
    quiet = ("# Sets\n\nA set {.x} in braces, the paper said.\n\n```\n::: code\n```\n")
    assert check("KZ106", quiet, "article.md") == []
    assert check("KZ106", ":::\nThe storm hit the coast.\n", "article.txt") == []


def test_a_text_mode_browsers_link_numbers_fire_once_a_line():
    text = ("   [1]Skip to main content\n   [3]News [4]Sport [5]Business [6]Opinion\n\n"
            "   About 19,000 people were evacuated from homes and hotels on Rhodes on Sunday, the fire service "
            "said.\n\n   [9]Share on Facebook [10]Share on Twitter\n")
    found = check("KZ106", text)
    assert [(f.line, len(f.fix.edits)) for f in found] == [(1, 1), (2, 4), (6, 2)]
    assert '"[3]", "[4]" and 2 more' in found[1].message


@pytest.mark.parametrize("text", [
    "The statement from the president's office said \"we give[s] our full support\" to the talks.",  # editor's letter
    "Officials called the report \"inaccurate [sic]\" and said it would be withdrawn.",
    "He said [the president] had known about the plan for weeks.",
    "The scores were [1, 2, 3] in the first round, the judges said.",
])
def test_editorial_brackets_stay_silent(text):
    assert check("KZ106", text + "\n") == []


def test_a_tag_the_prose_names_stays_silent():
    """A security story (probe round 4) names the tag it is about; the same tag left in prose fires."""
    assert check("KZ106", "The attackers added a <script> tag to the checkout page, the firm said.\n") == []
    assert [f.snippet for f in check("KZ106", "The attackers added code to the page.<script> It ran.\n")] == ["<script>"]


def test_marks_of_the_notes_the_article_gives_stay_silent():
    """An essay with endnotes (probe round 4): its marks are its own, the notes stand below; a mark
    whose note is not there is still a wiki's residue."""
    text = ("Since 2020, military governments have seized power in Mali, Burkina Faso and Niger.[1] Their "
            "juntas expelled French troops.[2]\n\nNotes\n\n[1] Mali in 2020 and 2021, Burkina Faso twice in "
            "2022, Niger in 2023.\n\n[2] France completed its withdrawal from Niger in December 2023.\n")
    assert check("KZ106", text) == []
    assert [f.snippet for f in check("KZ106", text.replace("troops.[2]", "troops.[3]"))] == ["[3]"]


def test_markdown_reference_links_and_footnotes_stay_silent():
    text = ("The [ministry said][3] that 12 people were arrested.[^1]\n\n"
            "[3]: https://www.gov.example/statement\n\n[^1]: The ministry's statement of 5 January.\n")
    assert check("KZ106", text, "article.md") == []


# -- KZ107: ellipsis lines, underscore lines, teasers cut off -----------------------------------


@pytest.mark.parametrize("line, path", [("…", "a.txt"), ("……", "a.txt"), ("_____", "a.md"), ("____", "a.txt")])
def test_ellipsis_and_underscore_lines_fire(line, path):
    found = check("KZ107", f"Police fired tear gas.\n\n{line}\n\nThe curfew stays.", path)
    assert [f.line for f in found] == [3]


@pytest.mark.parametrize("line", ["___", "* * *", "***", "---"])
@pytest.mark.parametrize("path", ["a.txt", "a.md"])
def test_a_section_break_of_three_marks_is_structure(line, path):
    # AP copy (dev-scraped clean/123.txt): "___" divides the story from its contributor line
    text = (f"The talks ended without a deal, officials said.\n\n{line}\n\n"
            "Associated Press writer Jon Gambrell in Dubai contributed to this report.\n")
    assert check("KZ107", text, path) == []


@pytest.mark.parametrize("paragraph", [
    "Ministers said the plan would reduc…",
    "The government says the new tax on imported cars will help local producers and…",
    "The new Galaxy Book runs Windows and has a 13-inch screen, 40 laptops with improved Alexa suppor...",
])
def test_a_teaser_cut_off_mid_word_or_after_a_joining_word_fires(paragraph):
    found = check("KZ107", f"{paragraph}\n\nThe curfew stays in force until Monday, officials said.")
    assert [f.line for f in found] == [1] and "cut off" in found[0].message


@pytest.mark.parametrize("ending", ["until", "because", "while", "despite"])
def test_a_plain_text_article_whose_last_line_stops_after_a_conjunction_is_cut_off(ending):
    # Libya (round-6 probe, written for this test): plain text reads the last line, with no full stop, as a
    # heading; one as long as a sentence that ends on a word no sentence ends on is a cut paragraph
    text = ("Clashes in Tripoli\n\nFlights at Mitiga were suspended, the airport said.\n\n"
            f"Flights at Mitiga were suspended and diverted to Misrata, about 200 kilometres to the east, {ending}\n")
    found = check("KZ107", text, "a.txt")
    assert [f.line for f in found] == [5] and "stops mid-sentence" in found[0].message


@pytest.mark.parametrize("last", ["What the new rules mean for students and who they are for",
                                  "Who it is for"])
def test_a_closing_heading_is_no_cut_paragraph(last):
    text = f"Clashes in Tripoli\n\nFlights at Mitiga were suspended, the airport said.\n\n{last}\n"
    assert check("KZ107", text, "a.txt") == []


@pytest.mark.parametrize("paragraph, counter", [
    ("Heavy rains have killed at least 38 people in Kenya, the interior ministry said on Monday, as floods swept "
     "away homes and roads… [+2317 chars]", "… [+2317 chars]"),
    ("Heavy rains have killed at least 38 people in Kenya, the interior ministry said [+1,204 characters]",
     "[+1,204 characters]"),
])
def test_a_news_feeds_count_of_what_it_cut_fires(paragraph, counter):
    found = check("KZ107", f"{paragraph}\n\nThe curfew stays in force until Monday, officials said.")
    assert [f.snippet for f in found] == [counter] and "an excerpt, not the full text" in found[0].message


def test_a_bracketed_plus_that_counts_no_characters_stays_silent():
    assert check("KZ107", "The index rose by two points [+2%] on Monday, traders said.\n\nMarkets were calm.\n") == []


@pytest.mark.parametrize("text, path", [
    ("Police fired tear gas.\n\n---\n\nThe curfew stays.\n\n***\n", "a.md"),
    ("Title\n\n```\n_____\n```\n", "a.md"),
    ("President Tokayev demanded help from Russia… and got it.", "a.txt"),
    ("But will a safe pair of hands be enough when the hands of a magician might be required...", "a.txt"),
    # BBC, tech/401: a reader who trails off all along
    ("I know I play for too long... this is not a wind up... but something I'm increasingly concerned with...",
     "a.txt"),
])
def test_rules_and_ellipses_of_style_stay_silent(text, path):
    assert check("KZ107", text, path) == []


# -- KZ103: one finding per repeated run ---------------------------------------------------------

POST = (
    "Oil workers in Zhanaozen have been on strike since May, demanding higher pay and better conditions. "
    "The company says the strike is illegal and has dismissed hundreds of workers. "
    "On Friday police moved in to clear the town square where the strikers had camped for months. "
    "Witnesses said police opened fire on the crowd after the stage was stormed. "
    "The prosecutor's office later said that ten people had been killed in the clashes. "
    "Opposition groups put the number of dead much higher than the official figure. "
    "The authorities imposed a state of emergency in the town and cut its internet links. "
    "Journalists who tried to reach Zhanaozen were turned back at police checkpoints. "
    "The president flew to the region a week later and blamed local officials for the violence. "
    "Several executives of the state oil company lost their jobs in the weeks that followed. "
    "Dozens of strikers were later put on trial, accused of organising mass unrest in the town. "
    "Human rights groups said that several defendants had been tortured in custody. "
    "The opposition politician Vladimir Kozlov was sentenced to seven and a half years in prison. "
    "Ten years on, families of the dead say they are still waiting for the truth about that day."
)


def test_a_reply_quoting_a_fourteen_sentence_post_gives_one_finding():
    sentences = POST.split(". ")
    quoted = ". ".join(sentences[:7]) + ".\n\n" + ". ".join(sentences[7:])  # the reply splits it in two
    text = f"Original post\n\n{POST}\n\nReply from Dana\n\n{quoted}\n\nI was there and it was worse than that.\n"
    found = check("KZ103", text)
    assert len(found) == 1
    assert found[0].line == 7 and found[0].end_line == 9
    assert "duplicate of line 3 (14 sentences repeated)" in found[0].message


def test_consecutive_repeated_paragraphs_give_one_finding_and_one_fix():
    paragraphs = [s + "." for s in POST.split(". ")[:3]]
    text = "\n\n".join(paragraphs + ["The curfew stays in force until Monday, officials said."] + paragraphs) + "\n"
    found = check("KZ103", text)
    assert [(f.line, f.end_line) for f in found] == [(9, 13)]
    assert "duplicate of lines 1-5 (3 paragraphs repeated)" in found[0].message and found[0].fix.safe


# -- KZ103: an entry of a list the article builds is no copy ---------------------------------------

def _meal_plan() -> str:
    """A week's meal plan: each day lists its breakfast with its portions; the dish recurs with other
    fruit on other days, the portion lines with other values (a list's entries vary)."""
    days = [
        ("Overnight Oats [1/2 cup rolled oats, 1 cup almond milk, 1/2 cup raspberries]", "Portions: 1 Purple, 1 Yellow"),
        ("Overnight Oats [1/2 cup rolled oats, 1 cup almond milk, 1/2 cup blueberries, 1 tsp. honey]", "Portions: 1 Purple, 1 Yellow, 1 tsp."),
        ("Overnight Oats [1/2 cup rolled oats, 1 cup almond milk, 1/2 cup raspberries]", "Portions: 1 Purple, 1 Yellow"),
        ("Overnight Oats [1/2 cup rolled oats, 1 cup almond milk, 1 sliced banana]", "Portions: 1 Purple, 1 Yellow"),
        ("Overnight Oats [1/2 cup rolled oats, 1 cup almond milk, 1/2 cup raspberries]", "Portions: 1 Purple, 1 Yellow"),
    ]
    parts = ["Meal prep for a busy week", "Cook once on Sunday and you will have a healthy breakfast ready every morning."]
    for number, (dish, portions) in enumerate(days, 1):
        parts += [f"Day {number}", "Breakfast", dish, portions, "Eat within an hour of waking up"]
    return "\n\n".join(parts) + "\n"


def test_dishes_and_portions_that_recur_in_a_meal_plan_are_no_copies():
    assert check("KZ103", _meal_plan()) == []


def test_a_teaser_printed_again_and_again_is_a_copy():
    teaser = "Floods cut off villages in the Almaty region as rivers burst their banks"
    story = ("Rescuers used boats to reach families stranded on rooftops after two days of heavy rain, "
             "the emergencies ministry said on Tuesday.")
    text = "\n\n".join(["Floods in Almaty region", teaser, story, "Related", teaser, "Most read", teaser,
                        "More stories", teaser, "Latest", teaser, "Editor's picks", teaser]) + "\n"
    assert [f.line for f in check("KZ103", text)] == [9, 13, 17, 21, 25]


def test_long_paragraphs_opening_like_a_teaser_do_not_make_it_a_list_entry():
    teaser = "The Doobie Brothers reunite with Michael McDonald for a 50th anniversary tour"
    prose = [
        "The Doobie Brothers will tour North America next year with Michael McDonald, who left the band in 1982, "
        "playing 30 dates that begin in June in Florida and end in the autumn in California, the band said.",
        "The Doobie Brothers announced the tour at the end of their concert at the Beacon Theatre in New York on "
        "Monday night, when McDonald walked on stage to sing three songs with his old bandmates for the first time.",
        "The Doobie Brothers were inducted into the Rock and Roll Hall of Fame earlier this month, and the tour "
        "will celebrate the half century since the group first played together in San Jose in 1970, they said.",
    ]
    body = ["By Jon Blistein", prose[0], "Advertisement", prose[1], "Advertisement", prose[2]]
    text = "\n\n".join(["Doobie Brothers tour", teaser, *body, "Read next", teaser, "Trending", teaser]) + "\n"
    assert [f.line for f in check("KZ103", text)] == [19, 23]
