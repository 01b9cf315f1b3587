"""The furniture model (lint/text/boilerplate.py) on real-looking pages: every signal must fire
where it should and stay quiet where it should not."""

from __future__ import annotations

import hashlib
import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lint.text import boilerplate as bp

BODY = [
    ("Police in the western oil town fired tear gas at several hundred protesters on Wednesday, "
    "witnesses said, as anger over the rising price of fuel spread to other cities."),
    ("The interior ministry said 12 officers had been injured and that the crowd had thrown stones "
    "at a government building before it was dispersed."),
    ("Opposition groups say the price rise broke a promise the government made two years ago, when "
    "it capped the cost of liquefied gas used by most cars in the region."),
    "What happens next",
    ("The president has ordered the cabinet to review the decision within a week and said that those "
    "responsible for the unrest would be found and punished."),
    ("Analysts said the protests were the largest in the country for more than a decade and could "
    "spread if the government did not act quickly on prices."),
]
MENU = ["Home", "News", "World", "Business", "Sport", "Opinion", "Culture", "Subscribe", "Sign In"]
FOOTER = ["Most Read", "About Us", "Contact Us", "Privacy Policy", "Terms of Use",
          "© 2019 The Almaty Herald. All rights reserved."]


def verdicts(texts, repeats=None, protect=(0,)):
    return bp.classify(texts, repeats if repeats is not None else [0] * len(texts), protect=protect)


def flagged(texts, repeats=None, protect=(0,)):
    return [t for t, v in zip(texts, verdicts(texts, repeats, protect)) if v.furniture]


# -- shape and context -----------------------------------------------------------------------------


def test_menus_and_footer_around_the_body_are_furniture_and_the_body_is_not():
    page = ["Fuel protests spread across the west", *MENU, *BODY, *FOOTER]
    found = flagged(page)
    assert set(MENU[:-1]) <= set(found)  # the item right before the body is the hardest call
    assert set(FOOTER) <= set(found)
    assert not set(BODY) & set(found)


def test_a_short_heading_between_two_good_paragraphs_is_content():
    page = ["Fuel protests spread across the west", *MENU, *BODY, *FOOTER]
    assert "What happens next" not in flagged(page)


def test_a_clean_article_has_no_furniture():
    article = ["Fuel protests spread across the west", *BODY]
    assert flagged(article) == []


def test_the_title_line_is_protected():
    page = ["Home", *MENU, *BODY]
    assert verdicts(page)[0].furniture is False


def test_non_english_menus_are_found_by_shape():
    body_pt = [
        ("A polícia lançou gás lacrimogêneo contra centenas de manifestantes na quarta-feira, segundo "
        "testemunhas, enquanto a revolta contra o preço dos combustíveis se espalhava para outras cidades."),
        ("O ministério do Interior disse que doze policiais ficaram feridos e que a multidão atirou pedras "
        "contra um prédio do governo antes de ser dispersada."),
        ("Os grupos de oposição dizem que o aumento quebrou uma promessa feita pelo governo há dois anos, "
        "quando limitou o preço do gás usado pela maioria dos carros da região."),
    ]
    menu_pt = ["Início", "Política", "Economia", "Esportes", "Entretenimento", "Assine", "Entrar"]
    tail_pt = ["Leia mais", "Mais lidas", "Fale conosco", "Política de privacidade"]
    page = ["Protestos se espalham", *menu_pt, *body_pt, *tail_pt]
    found = flagged(page)
    # the lines right next to the body are the hardest calls ("Entrar", "Leia mais" score just under)
    assert set(menu_pt[:-1]) <= set(found) and set(tail_pt[1:]) <= set(found)
    assert not set(body_pt) & set(found)


def test_glued_menu_items_and_separators_are_reasons():
    page = ["Fuel protests", "HomeNewsWorldBusiness", "SubscribeSign In", "Politics | Economy | Sport",
            *MENU, *BODY, *FOOTER]
    v = verdicts(page)
    assert v[1].furniture and any("glued" in r for r in v[1].reasons)
    assert v[3].furniture and any("separators" in r for r in v[3].reasons)


# -- repetition ------------------------------------------------------------------------------------


def test_repetition_raises_the_score_of_a_line_and_is_named_in_the_reasons():
    promo = "Get the Herald's morning briefing in your inbox every day before breakfast"
    page = ["Fuel protests spread across the west", *MENU, *BODY[:3], promo, *BODY[3:], *FOOTER]
    at = page.index(promo)
    alone, shared = [0] * len(page), [0] * len(page)
    shared[at] = 40
    assert bp.score(page, shared)[0][at] > bp.score(page, alone)[0][at]
    verdict = verdicts(page, shared)[at]
    if verdict.furniture:
        assert verdict.reasons[0] == "repeated in 40 other documents"


def test_a_line_other_pages_repeat_needs_less_of_the_models_score_unless_it_is_a_number():
    """A newswire page through a clean extractor (newspaper4k): four furniture lines, one of them its
    agency's standards line that the site's other pages end with. Repeated, it scores 0.52: under
    the model's threshold, but a line of words that three other pages or more hold is furniture
    from REPEATED_THRESHOLD. A number shares its key with every number: no repetition counts."""
    page = [
        "Japan's Nikkei hits record as chip stocks rally, yen slides",
        ("TOKYO, May 15 (Reuters) - Japan's Nikkei share average closed at a record high on Wednesday as "
         "chip-related stocks extended gains on optimism over artificial intelligence demand."),
        "The Nikkei rose 1.3% to 40,398.03, surpassing its previous closing high set in March.",
        ("Chip-testing equipment maker Advantest jumped 4.6% and Tokyo Electron added 3.2%, tracking an "
         "overnight rise in U.S. semiconductor shares."),
        ("The yen weakened past 156 per dollar, its lowest in two weeks, after U.S. producer price data "
         "came in hotter than expected."),
        ("A weaker yen tends to lift the shares of exporters by increasing the value of their overseas "
         "profits in yen terms. Toyota Motor rose 2.1% and Honda Motor climbed 1.8%."),
        "Among losers, SoftBank Group fell 1.4% ahead of its earnings report due on Monday.",
        "Of the Nikkei's 225 components, 162 rose and 60 fell, while three were flat.",
        ("Investors are watching for any sign that the Bank of Japan could raise interest rates again "
         "in the summer, which would support the yen."),
        "Reporting by Junko Fujita and Rocky Swift; Editing by Sam Holmes and Edmund Klamann",
        "Our Standards: The Thomson Reuters Trust Principles., opens new tab",
        "Suggested Topics: Markets Asian Markets",
    ]
    model = bp.load_model().for_corpus(75)
    at = page.index("Our Standards: The Thomson Reuters Trust Principles., opens new tab")
    repeats = [0] * len(page)
    assert not bp.classify(page, repeats, model, protect=(0,))[at].furniture
    repeats[at] = bp.SITE_REPEATS + 1
    verdict = bp.classify(page, repeats, model, protect=(0,))[at]
    assert verdict.furniture and bp.REPEATED_THRESHOLD <= verdict.probability < model.threshold
    numbers = [*page[:at], "57", *page[at + 1:]]
    assert not bp.classify(numbers, repeats, model, protect=(0,))[at].furniture


@pytest.mark.parametrize("documents", [5, 500])  # the local model and the one with repetition
def test_a_call_to_action_the_site_repeats_is_furniture_inside_the_article(documents):
    """A paywall box between two paragraphs (probe round 8, a site's four pages): its line reads as
    the article in context, but a call to action three other pages hold is the site's, not the story's."""
    paywall = "Subscribe to The Almaty Herald for $5 a month and get unlimited access to our journalism."
    page = ["Fuel protests spread across the west", *MENU, *BODY[:3], paywall, *BODY[3:], *FOOTER]
    model, at = bp.load_model().for_corpus(documents), page.index(paywall)
    repeats = [0] * len(page)
    assert not bp.classify(page, repeats, model, protect=(0,))[at].furniture
    repeats[at] = bp.SITE_REPEATS
    assert bp.classify(page, repeats, model, protect=(0,))[at].furniture


def test_a_label_the_page_repeats_at_every_ad_slot_and_the_site_on_other_pages_is_furniture():
    """Postmedia's "Article content" between paragraphs (probe round 8): three times on the page and on
    three other pages of the site; a number shares its key with every number and is no such label."""
    label = "Article content"
    page = ["Fuel protests spread across the west", *MENU, BODY[0], label, BODY[1], label, BODY[2], label,
            BODY[3], "57", BODY[4], "57", BODY[5], "57", *BODY[6:], *FOOTER]
    model = bp.load_model().for_corpus(5)
    repeats = [bp.SITE_REPEATS if text in (label, "57") else 0 for text in page]
    verdicts = bp.classify(page, repeats, model, protect=(0,))
    assert all(v.furniture for text, v in zip(page, verdicts) if text == label)
    assert not any(v.furniture for text, v in zip(page, verdicts) if text == "57")
    assert not bp.classify(page, [0] * len(page), model, protect=(0,))[page.index(label)].furniture  # the site's say


def test_the_phrase_lists_verdicts_are_the_context_of_short_lines_but_not_of_a_paragraph():
    """A reader-comment section after the article (probe round 7): the lines between two time stamps
    the phrase lists flag ("Asad R.", "Like this:") read them as the furniture they are; the model's
    own scores do not; a paragraph of twenty words or more keeps its own context."""
    model = bp.load_model().for_corpus(5)
    stamps = ["Posted by Kate on 11/03/2009 9:30 AM", "Posted by Mick on 11/03/2009 9:41 AM"]
    paragraph = ("Rangers said the crocodile, which was about three metres long, had been seen near the jetty "
                 "twice in the past week and would be trapped and moved.")
    for line, furniture in (("Asad R.", True), ("Like this:", True), (paragraph, False)):
        page = ["Fuel protests spread across the west", *MENU, *BODY, stamps[0], line, stamps[1], *FOOTER]
        facts, at = bp.line_facts(page, bp.load_model()), page.index(line)
        known = [page.index(stamp) for stamp in stamps]
        plain = bp.classify_facts(facts, [0] * len(page), model, protect=(0,))[at]
        told = bp.classify_facts(facts, [0] * len(page), model, protect=(0,), known=known)[at]
        assert not plain.furniture and told.furniture is furniture
        assert told.probability == plain.probability if line is paragraph else told.probability > plain.probability


def test_a_line_the_model_is_sure_of_is_furniture_on_a_page_with_few_such_lines():
    """A Philippine daily through boilerpipe: a clean extractor leaves few furniture lines, under the
    model's page gate (`min_flags`); one it scores SURE or more is still reported, alone."""
    page = [
        "Marcos orders probe into Bamban mayor Alice Guo's citizenship",
        'By: Nestor Corrales - Reporter / @NCorralesINQ',
        'Philippine Daily Inquirer / 05:42 AM May 22, 2024',
        'Bamban Mayor Alice Guo at a Senate hearing on May 15, 2024. Photo from Senate PRIB',
        ('MANILA, Philippines — President Ferdinand Marcos Jr. on Tuesday ordered an investigation into '
         'the citizenship of Bamban, Tarlac Mayor Alice Guo, who has been linked to an illegal online '
         'gambling hub raided by police in March.'),
        ('Marcos told reporters that the government needed to find out "who she really is" after senators'
         ' raised questions about her birth records and background.'),
        ('Guo has insisted she is a Filipino citizen who grew up on a farm in Tarlac with her Chinese '
         'father. But she was unable to answer basic questions about her childhood during a Senate '
         'hearing last week.'),
        'READ: Senators grill Bamban mayor on links to Pogo hub',
        ("Sen. Risa Hontiveros, who leads the Senate inquiry, said Guo's birth certificate was registered"
         ' only when she was 17.'),
        '"It is very unusual for a person to be registered that late," Hontiveros said.',
        ('Police raided a compound in Bamban in March and rescued hundreds of workers, many of them '
         'foreigners, who were allegedly forced to work in online scams.'),
        ('Guo has denied any involvement with the Philippine offshore gaming operator, or Pogo, that ran '
         'the compound, though records show she once owned part of the land.'),
        ('The Office of the Solicitor General said it was studying whether to file a petition to remove '
         'her from office.'),
        '/cb',
        'Subscribe to our daily newsletter',
        ('By providing an email address. I agree to the Terms of Use and acknowledge that I have read the'
         ' Privacy Policy.'),
        'READ NEXT',
        'Bulacan farmers get P50-M solar irrigation project',
        "EDITORS' PICK",
        'MOST READ',
        "Don't miss out on the latest news and information.",
        ('Subscribe to INQUIRER PLUS to get access to The Philippine Daily Inquirer & other 70+ titles, '
         'share up to 5 gadgets, listen to the news, download as early as 4am & share articles on social '
         'media. Call 896 6000.'),
        'For feedback, complaints, or inquiries, contact us.',
    ]
    verdicts = bp.classify(page, [0] * len(page), bp.load_model().for_corpus(5), protect=(0,))
    flagged = [text for text, verdict in zip(page, verdicts) if verdict.furniture]
    assert flagged == ["READ NEXT"]
    assert all(v.probability >= bp.SURE for t, v in zip(page, verdicts) if v.furniture)


def _doc(lines):
    return ([k for k in (bp.line_key(t) for t in lines) if k], bp.sketch(lines))


def test_the_index_counts_other_documents_and_names_one():
    a = ["Sign up for our newsletter", *BODY]
    b = ["Sign up for our newsletter", ("A different article about the harvest, which was the worst in "
         "a decade according to the farmers' union and the ministry of agriculture.")]
    c = ["Sign up for our newsletter!", ("Another story entirely, about a football match in the capital "
         "that ended in a draw after the home side missed a late penalty.")]
    index = bp.RepetitionIndex({"a.md": _doc(a), "b.md": _doc(b), "c.md": _doc(c)})
    count, example = index.count("a.md", bp.line_key("Sign up for our newsletter"))
    assert count == 2 and example in {"b.md", "c.md"}
    assert index.count("a.md", bp.line_key(BODY[3]))[0] == 0


def test_two_copies_of_one_article_do_not_make_its_lines_shared_furniture():
    article = ["Fuel protests spread across the west", *BODY]
    copy = ["Fuel protests spread across the west", *BODY, "Source: https://example.org/fuel"]
    other = ["A different story", ("The harvest was the worst in a decade according to the farmers' union "
             "and the ministry of agriculture, which blamed the drought.")]
    index = bp.RepetitionIndex({"a.md": _doc(article), "copy.md": _doc(copy), "o.md": _doc(other)})
    assert index.group["a.md"] == index.group["copy.md"] != index.group["o.md"]
    assert index.count("a.md", bp.line_key("What happens next")) == (0, None)


def test_sixty_copies_of_one_article_are_one_neighbourhood_and_a_shared_promo_joins_no_pages():
    """An agency story republished by 60 sites, in two versions, is one neighbourhood (its sketch
    values are held by more than 50 documents: one document of each version is paired up), so its
    own short lines are not furniture; 60 different articles that share one long promo line stay 60
    neighbourhoods."""
    story = ["Cup draw", "Seychelles v South Africa", "Mauritius v Madagascar", "Winners meet in final match", *BODY]
    promo = ("Sign up to our daily newsletter to get the stories that matter most delivered to your inbox every "
             "morning before breakfast")
    edited = [*story[:-1], "The final paragraph was rewritten in this version of the story by an editor at one of the sites."]
    docs = {f"wire/{n:02}.md": _doc(story if n % 2 else edited) for n in range(60)}  # two versions, 30 copies each
    docs.update({f"site/{n:02}.md": _doc([f"Story {'abcdefghij'[n // 10]}{'klmnopqrst'[n % 10]}", promo, f"Paragraph {n} of a story long enough to count as "
                                          f"prose in the sketch of its document, number {n} of sixty here."])
                 for n in range(60)})
    index = bp.RepetitionIndex(docs)
    assert len({index.group[f"wire/{n:02}.md"] for n in range(60)}) == 1
    assert index.count("wire/00.md", bp.line_key("Mauritius v Madagascar")) == (0, None)
    assert len({index.group[f"site/{n:02}.md"] for n in range(60)}) == 60
    assert index.count("site/00.md", bp.line_key("Story ak")) == (0, None)
    assert index.count("site/00.md", bp.line_key(promo)) == (59, "site/01.md")  # the promo is repeated furniture


def test_a_copy_shares_its_values_however_many_documents_hold_each():
    """Two versions of a story (26 copies each) and a third saved once: the third shares two values
    with all 53 documents and two with the second version's 27, four of eight in all, so it is a
    copy of the second version, counted across both kinds of value; the first version shares two."""
    common, second = ["h1", "h2"], ["l1", "l2"]
    sketches = {f"a{n:02}": [*common, "a1", "a2", "a3", "a4", "a5", "a6"] for n in range(26)}
    sketches.update({f"b{n:02}": [*common, *second, "b1", "b2", "b3", "b4"] for n in range(26)})
    sketches["c"] = [*common, *second, "c1", "c2", "c3", "c4"]
    group = bp._copy_groups(sketches)
    assert group["c"] == group["b25"] == "b00" != group["a00"] == "a00"


def test_a_heading_every_document_shares_is_format_not_furniture():
    docs = {}
    for n in range(5):
        lines = [f"Story {n}", (f"Paragraph {n} of a story that is long enough to count as prose in the sketch "
                 f"of its document, number {n} of five in this corpus."), "### Sources:", f"[Outlet {n}](https://e.org/{n})"]
        docs[f"{n}.md"] = _doc(lines)
    index = bp.RepetitionIndex(docs, format_keys=[bp.line_key("### Sources:")])
    assert index.count("0.md", bp.line_key("### Sources:")) == (0, None)


# -- helpers ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("a, b", [
    ("Sign up for our newsletter", "  sign UP for our Newsletter: "),
    ("Updated 3 hours ago", "Updated 12 hours ago"),
    ("## Related", "Related"),
])
def test_normalised_keys_fold_case_digits_and_markup(a, b):
    assert bp.line_key(a) == bp.line_key(b)


def test_long_lines_are_not_keyed():
    assert bp.line_key(" ".join(["word"] * 30)) is None


def test_language_is_picked_from_stop_words():
    assert bp.pick_language([bp.words(BODY[0]), bp.words(BODY[1])])[0] == "English"
    assert bp.pick_language([bp.words("Читайте также последние новости о том, что случилось в городе и в стране")])[0] \
        in {"Russian", "Ukrainian", "Belarusian", "Bulgarian", "Serbian", "Macedonian"}


_PIECES = ["a", "Bc", "1", "2.5", "_", " ", "\n", "\t", "\x1c", "\u00a0", "\u2028", "\x85", "'", "’", ".", ",", ":",
           "!", "#", "-", "[x]", "(u)", "http://x.y", "www.", "<", ">", "é", "É", "ﬁ", "²", "٣", "中", "·", "mp3"]


@given(st.lists(st.sampled_from(_PIECES), max_size=14))
def test_word_count_is_the_number_of_words(pieces):
    text = "".join(pieces)
    assert bp.word_count(text) == len(bp.words(text))


def test_line_sizes_are_the_word_counts_of_blocks_of():
    texts = BODY + MENU + FOOTER + [" ".join(BODY) * 3, "don't rock'n'roll 1,200.5 mp3 x:1"]
    assert bp.line_sizes(texts) == [block.n for block in bp.blocks_of(texts)]


@given(st.lists(st.sampled_from(_PIECES), max_size=14))
def test_normalise_strips_edges_and_spaces_as_the_plain_patterns_do(pieces):
    text = "".join(pieces)
    plain = unicodedata.normalize("NFKC", re.sub(r"\[([^\]\n]*)\]\([^)\s]*\)|<?https?://\S+|\bwww\.\S+",
                                                 lambda m: m.group(1) or "", text)).casefold()
    plain = re.sub(r"\d+", "0", bp._MD_MARK.sub("", plain))
    assert bp.normalise(text) == re.sub(r"\s+", " ", re.sub(r"^[\W_]+|[\W_]+$", "", plain)).strip()


@given(st.lists(st.sampled_from(_PIECES), max_size=14))
def test_long_key_reads_the_first_words_that_are_not_names_or_numbers(pieces):
    text = "".join(pieces)
    kept = [w for w in text.split() if not w[0].isupper() and not any(c.isdigit() for c in w)]
    expected = " ".join(kept[:bp.SKETCH_KEY_WORDS])
    assert bp._long_key(text) == hashlib.blake2b(expected.casefold().encode(), digest_size=8).hexdigest()


def test_long_key_of_a_long_line_is_that_of_its_head():
    """Read a head at a time, a line's key is still that of its first 20 kept words, wherever a
    head cuts a word: a paragraph extended at its end, or with a name respelt, keeps its key."""
    words = ("the minister told Parliament on 12 May that 1,200 people had been evacuated from "
             "the flooded villages of the valley and that Aid groups were sending tents and food "
             "while engineers inspected the dams upstream for damage").split()
    for cut in range(len(words) - 1, 0, -1):
        head = " ".join(words[:cut])
        kept = [w for w in words[:cut] if not w[0].isupper() and not any(c.isdigit() for c in w)]
        assert bp._long_key(head) == hashlib.blake2b(" ".join(kept[:20]).encode(), digest_size=8).hexdigest()
    line = " ".join(words)
    assert bp._long_key(line) == bp._long_key(line + " and roads" * 30)
    assert bp._long_key(line) == bp._long_key(line.replace("Parliament", "Mazhilis-Parliament"))
    assert bp._long_key(line) != bp._long_key(line.replace("evacuated", "rescued"))


_CALLS = ["Subscribe", "sign up", "Sign", "up", "don't miss", "don", "app", "apps", "happy", "Read more", "leia mais",
          "читайте также", "関連記事", "ſhare", "KOMMENT", "comment"]


@given(st.lists(st.sampled_from(_PIECES + _CALLS), max_size=14))
def test_the_call_to_action_shortcut_agrees_with_the_pattern(pieces):
    """An ASCII line skips the search when none of its words starts a call to action: never when one is there."""
    text = "".join(pieces)
    assert bp.has_call_to_action(text) == bool(bp._LEXICON.search(text))


def test_every_call_to_action_is_found_through_the_shortcut():
    for phrase in bp.LEXICON:
        for text in (phrase, phrase.upper(), f"({phrase.title()})", f"x{phrase}", f"{phrase}s", f"1 {phrase}-now"):
            assert bp.has_call_to_action(text) == bool(bp._LEXICON.search(text)), text


@given(st.lists(st.sampled_from(_PIECES), max_size=14))
def test_digits_are_counted_as_the_pattern_finds_them(pieces):
    text = "".join(pieces)
    assert bp._digit_count(text) == sum(len(m) for m in re.findall(r"\d+", text))


_SHAPES = _PIECES + ["|", " | ", "/", " / ", "•", "›", "»", "\u00a0|", "aB", "abCd", "HomeWorld", "ÀÉ", "éÉé", "прИвет", "ς"]


@given(st.lists(st.sampled_from(_SHAPES), max_size=14))
def test_the_shape_shortcuts_agree_with_their_patterns(pieces):
    """Separators and glued words are looked for by C-level str calls on an ASCII head, by the
    patterns on any other."""
    text = "".join(pieces)
    assert bp._has_separator(text) == bool(bp._SEPARATOR.search(text))
    assert bp._has_glued_words(text) == bool(bp._GLUED.search(text))


@given(st.lists(st.sampled_from(_SHAPES + ["The", "THE", "and", "Und", "ΚΑΙ", "İstanbul"]), max_size=14))
def test_capitals_and_stop_words_are_counted_token_by_token(pieces):
    tokens = bp.words("".join(pieces))
    initials = [t[0] for t in tokens if t[0].lower() != t[0].upper()]
    expected = sum(map(str.isupper, initials)) / len(initials) if initials else 0.0
    assert bp._capitalised_share(tokens) == expected
    stop = frozenset({"the", "and", "und", "και", "i̇stanbul"})
    assert bp._stop_count(tokens, stop) == sum(t.lower() in stop for t in tokens)
