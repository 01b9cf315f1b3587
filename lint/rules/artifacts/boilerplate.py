"""KZ102 boilerplate: page furniture left by scraping (menus, promos, share bars, footers, teasers).

Two halves, as every corpus rule (see lint.rules.base.CorpusRule):

- `extract` (per document, parallel, cached): the phrase list's findings (section labels,
  teasers, promo phrases: what the rule found before the model, with their fixes) and the lines of
  nothing but links to the page's own site (page_furniture.site_link_units), and for every
  line of text a few bytes for the model of lint/text/boilerplate.py: its repetition key (a hash
  of the normalised line, for lines of at most 25 words), its local score (shape, stop words,
  calls to action), its length and the signals to name in a message;
- `check` (once, over all documents): counts in how many other neighbourhoods (copies of one
  article count once) each key occurs, adds that to the local scores, runs the context stage
  (neighbouring lines, the article body's run) and reports the lines the model calls furniture.
  A corpus of fewer than LOCAL_CORPUS documents is read by the local model instead (fitted
  without repetition, which a small corpus cannot give).

A pre-commit run given one file sees the facts of the documents that share a key with it (its
claim keys are its line keys and its copy sketch), so furniture is found by repetition against
the corpus there too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, NamedTuple

from lint.core.document import Block, Document
from lint.core.findings import Finding, Location, Severity, from_record, to_record
from lint.facts.sources import web_address
from lint.rules.artifacts.support import (
    ArtifactOptions,
    block_lines,
    compile_or_none,
    pattern_alternation,
    quote,
    remove_lines_fix,
)
from lint.rules.base import CorpusRule
from lint.text import boilerplate as model
from lint.text import page_furniture
from lint.text.own_site import is_share_button
from lint.text.patterns import Match, PatternSet
from lint.text.phrases import phrase_alternation

_QUOTES = re.compile('["“”«»]')
_HEADING_MARK = re.compile(r"^\s{0,3}#{1,6}\s")


class BoilerplateOptions(ArtifactOptions):
    max_words: int = 25
    lines: list[str] = [
        "Advertisement", "Advertisements", "Sponsored", "Sponsored content", "Promoted", "Promoted content",
        "Paid content", "Partner content",
        "Most viewed", "Most read", "Most popular", "Most shared", "Trending", "Trending now", "Top stories",
        "Related", "Related stories", "Related articles", "Related news", "Related content", "Related topics",
        "Related coverage", "More on this story", "More stories", "More from this section", "Recommended",
        "Recommended for you", "Recommended stories", "You may also like", "You might also like",
        "Don't miss", "Editor's picks", "Latest news", "Latest stories", "See also", "Also read", "Read also",
        "Read more", "Continue reading", "Show more", "Load more", "Loading...", "Share", "Share this",
        "Share this article", "Share this story", "Share this page", "Print this article", "Email this article",
        "Skip to content", "Skip to main content", "Back to top", "Leave a comment", "Leave a reply",
        "Post a comment", "Comments are closed", "Watch video", "Listen to this article", "Follow us",
        "Newsletter", "Sign up", "Subscribe",
    ]
    prefixes: list[str] = [
        "Watch", "Watch video", "WATCH LIVE", "Read more", "Read also", "Also read", "Read", "See also",
        "Related", "Related story", "Related article", "Recommended", "Listen", "Video", "Don't miss",
        "More", "More on this", "Must read", "Trending", "Sponsored",
    ]
    phrases: list[str] = [
        "delivered to your inbox", "sign up for our newsletter", "sign up to our newsletter",
        "subscribe to our newsletter", "subscribe to our channel", "subscribe to our youtube",
        "get our newsletter", "support our journalism", "donate now", "we use cookies", "this site uses cookies",
        "this website uses cookies", "accept all cookies", "our cookie policy", "cookie settings",
        "comments are closed", "be the first to comment", "log in to comment", "sign in to comment",
        "share this article", "share this story", "share on facebook", "share on twitter", "share on whatsapp",
        "click to share", "click here to", "click here for", "all rights reserved", "follow us on", "download our app",
        "view more articles from", "more articles by", "view all posts by", "view all articles by",
        "continue reading the main story", "read the full story", "read the full article",
        # a paywall's copy
        "already a subscriber", "for subscribers only", "subscribe to continue reading", "log in to continue reading",
        "sign in to continue reading", "limit of free articles", "free articles remaining",
        "subscribe now for unlimited access",
        # Substack's footer on every post
        "subscribe for free to receive new posts",
    ]
    patterns: list[str] = [
        r"^[ \t]*(?:©|\(c\)|copyright)(?:[ \t]*(?:©|\(c\)|copyright))?[ \t]*(?:19|20)\d\d\b",
        # the sign and a year anywhere, the holder between: "© Coast Media Pty Ltd 2026.", "... Group. © 2024 ..."
        r"^[ \t]*(?:©|\(c\))[^\n]*?\b(?:19|20)\d\d\b|©[ \t]*(?:19|20)\d\d\b",
        # a time stamp making a line, alone or after a name and a separator or a poster's label, as a comment
        # or a byline widget writes it: "Posted by Kate on 11/03/2009 9:30 AM", "Aug 14, 2019 09:12am",
        # "Jorge P. — August 3, 2018 at 11:02 am" (not "Polls close on 7 May 2024 at 22:00")
        r"^[ \t]*(?:[^\n]*?[|:—–·•-]|(?:posted|written|published|updated|submitted|by)\b[^\n]*?)?"
        r"[ \t]*(?:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[ \t]+\d{1,2}(?:st|nd|rd|th)?,?"
        r"[ \t]+(?:19|20)\d\d|\b\d{1,2}(?:st|nd|rd|th)?[ \t]+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?"
        r"[ \t]+(?:19|20)\d\d|\b\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)?\d\d)[ \t,|·•-]*(?:at[ \t]+)?"
        r"\d{1,2}[:.]\d{2}(?:[ \t]*[ap]\.?[ \t]*m\.?)?(?:[ \t]+[a-z]{2,4})?[ \t]*$",
        # a comment widget's header, WordPress's "<name> says:" (news writes "said:")
        r"^[ \t]*\S+(?:[ \t]+\S+){0,3}[ \t]+says:[ \t]*$",
        # a widget's relative time stamp, alone or after a name and a separator: "2 days ago at 07:47 am",
        # "Updated 16 hours ago on iOS Blog", "Asad R. | 1 hours ago"
        r"^[ \t]*(?:[^\n]+?[ \t][|·•—–-][ \t]*)?(?:(?:updated|posted|published|edited)[ \t:]*)?(?:\d+|an?|one)[ \t]+"
        r"(?:sec|second|min|minute|hr|hour|day|week|month|year)s?[ \t]+ago\b[^\n]{0,40}$",
        r"^[ \t]*\d+[ \t]+comments?[ \t]*$",
        # a comment widget's buttons: "Comments (12)", "Show comments", "View all 40 comments"
        r"^[ \t]*comments?[ \t]*\(\d+\)[ \t]*$",
        r"^[ \t]*(?:show|view|load|hide)[ \t]+(?:all[ \t]+)?(?:\d+[ \t]+)?comments?[ \t]*$",
        # a reading or listening time: "5 min read", "Reading time: 4 minutes", "Listen to this article 3 min"
        r"^[ \t]*(?:read(?:ing)?[ \t]+time[ \t]*:?[ \t]*\d{1,3}[ \t]*(?:min|mins|minutes?)\.?|\d{1,3}[ \t-]*(?:min|mins|minutes?)"
        r"[ \t]+read|listen(?:[ \t]+to[ \t]+this[ \t]+(?:article|story))?[ \t]*[·:|–-]?[ \t]*\d{1,3}[ \t]*(?:min|mins|minutes?)\.?)"
        r"[ \t]*$",
        # a newsletter's prompt in its many wordings: "Sign up for our free daily newsletter", "... delivered
        # straight to your inbox"
        r"\b(?:sign[ \t]+up|subscribe)(?:[ \t]+here)?[ \t]+(?:for|to)[ \t]+(?:our|the)[ \t]+(?:[\w'’-]+[ \t]+){0,3}newsletters?\b",
        r"\bnewsletters?\b[^\n]{0,120}\bto[ \t]+your[ \t]+inbox\b",
        r"\b(?:sign[ \t]+up|subscribe)\b[^\n]{0,120}\b(?:in|to)[ \t]+your[ \t]+inbox\b",  # "Sign up for Axios Generate ..."
        r"\bdelivered[ \t]+(?:[\w-]+[ \t]+){0,2}to[ \t]+your[ \t]+inbox\b",
        # a feed's footer, as WordPress writes it: "The post <title> appeared first on <site>."
        r"^[ \t]*The post [^\n]{3,250} appeared first on (?-i:[A-Z0-9])[^\n]{1,100}$",
        r"^[ \t]*(?:image|media|photo)[ \t]+(?:copyright|caption|source)\b",
        # a picture's credit standing alone, its taker's name and agency: "Spencer Colby/The Canadian Press",
        # "(Genaro Molina / Los Angeles Times)", "IAIN MCGREGOR/STUFF", "Illustration: Sarah Grillo/Axios"
        r"^[ \t]*\(?(?:(?:photo(?:graph)?|image|illustration|picture|graphic|credit)s?[ \t]*:[ \t]*)?"
        r"(?-i:[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})[ \t]*/[ \t]*"
        r"(?-i:(?:The[ \t]+)?[A-Z][\w.&'’-]*(?:[ \t]+(?:[A-Z][\w.&'’-]*|and|of|for)){0,4})\)?[ \t]*$",
        # a printed page's number, as a browser's print or pdftotext leaves it: "1/3", "Page 2 of 5"
        r"^[ \t]*(?:page[ \t]+)?\d{1,3}[ \t]*(?:/|of)[ \t]*\d{1,3}[ \t]*$",
        # a screen reader's skip link ("Skip to main content", "Skip next section Navigation")
        r"^[ \t]*skip[ \t]+(?:to|next|past)[ \t]+(?:the[ \t]+)?(?:[\w-]+[ \t]+)?(?:content|section|navigation|menu)\b",
        # a rights notice in other words than "All rights reserved"
        r"\bcopyright\b[^\n]{0,80}\b(?:reproduced|republished|redistributed)\b"
        r"|\b(?:reproduced|republished|redistributed)\b[^\n]{0,80}\bcopyright\b",
        # an app's or a messaging channel's promo: "Download the FOX 5 Atlanta app for breaking news alerts",
        # "Join ST's Telegram channel and get the latest breaking news", "Follow our WhatsApp channel"
        r"^[ \t]*(?:download|get|install)[ \t]+(?:the|our)[ \t]+(?:[\w&'’.-]+[ \t]+){0,5}app\b",
        r"^[ \t]*(?:join|follow)[ \t]+(?:us[ \t]+on|our|the|[\w.-]+['’]s?)[ \t]+(?:[\w'’.-]+[ \t]+){0,2}"
        r"(?:whatsapp|telegram|google[ \t]+news|youtube)(?:[ \t]+(?:channel|community|group))?\b",
        r"^[ \t]*(?:facebook|twitter|whatsapp|linkedin|reddit|pinterest|telegram|email|print|copy link)"
        r"(?:[ \t,|/·•]+(?:facebook|twitter|whatsapp|linkedin|reddit|pinterest|telegram|email|print|copy link)){2,}"
        r"[ \t]*$",
    ]
    # the model (lint/text/boilerplate.py): off leaves the phrase lists alone
    model: bool = True
    # a line every document of a uniform corpus shares as a heading or label ("### Sources:") is
    # format, not furniture, when at least this share of the corpus's documents has it
    format_share: float = 0.9


class Boilerplate(CorpusRule):
    code = "KZ102"
    name = "boilerplate"
    severity = Severity.WARNING
    summary = ("Page furniture left by scraping: menus, share bars, promos, cookie notices, teasers, footers, "
               "found by repetition across the corpus, line shape, links to the site itself and context.")
    message = 'page furniture "{line}" (matches "{phrase}")'
    messages = {
        "navigation": 'page furniture "{line}": a navigation section of {links} links to other pages under this '
                      'heading (matches "{phrase}")',
        "model": 'page furniture "{line}": {why}',
        "site-links": 'page furniture "{line}": {what} and no text of its own',
        "site-links-heading": 'page furniture "{line}": the heading of a list of links to other pages of this site',
        "reference": 'page furniture "{line}": a text-mode browser\'s list entry of {where}',
    }
    explanation = (
        "A scraper that takes a page's text takes its furniture too: menus, share bars, paywall and "
        "login prompts, comment widgets, cookie banners, related-story teasers, author boxes and "
        "footers, in every site's own words and language. They are not the article: they put other "
        "stories' headlines into this one and mislead every later check. Three kinds of evidence are "
        "weighed per line by a small logistic model (lint/text/boilerplate.py, weights trained by "
        "benchmarks/furniture/train.py and validated leave-one-site-out): repetition (the line occurs "
        "in other documents of the corpus; copies of one article count once), shape (length, stop-word "
        "density in the page's language, sentence punctuation, capitalised menu runs, `|` separators, "
        "glued menu items, link density; a Markdown link is read as its text, as a reader sees it) and a short "
        "list of calls to action; then context: furniture "
        "comes in runs before and after the article body, and a short line between two paragraphs of "
        "the article is the article's own. In a corpus of fewer than "
        f"{model.LOCAL_CORPUS} documents (a file linted alone, a small repository) repetition says little, "
        "and a model fitted without it reads the pages. A page reports furniture only when it has several such lines "
        "(the model's `min_flags`), so a clean article with one odd line stays silent, unless the model scores the "
        f"line {model.SURE} or more (a clean extractor leaves a page two or three lines of furniture) or it is one that "
        f"{model.SITE_REPEATS} or more other documents hold (a site's promo on its short pages); such a line of "
        f"{model.REPEATED_MIN_WORDS} words or more is furniture from a score of {model.REPEATED_THRESHOLD} "
        "instead of the model's threshold (an agency's standards line at the end of each of its pages), and in a "
        f"small corpus, whose model reads no repetition, from {model.LOCAL_REPEATED_THRESHOLD} (a 'Most read' list on "
        "each of a site's five pages). The message names the "
        "signals, and for repetition how many other documents have the line and one of them; a pre-commit run "
        "given a few files looks their lines up in the corpus's index (counting up to 50 other documents). A document's first line (its title, "
        f"unless {model.SITE_REPEATS} or more other documents hold it: a masthead), "
        "the headline a page puts under its masthead (the line above the body that sums up its lede) and its standfirst "
        "(one sentence of prose right under it, not in the site's own voice: 'you', 'we'), a Markdown "
        "table and a `Source:` line never fire; a heading or label that (nearly) every document of the corpus has "
        "(`format-share`) is the corpus's format, not furniture. The phrase lists still fire on their "
        "own: section labels (`lines`) and teasers (`prefixes`) that make up or start a short line, promo "
        "`phrases` and `patterns` anywhere in a line that quotes no one; a navigation section (a heading "
        "such as \"Related:\" over a list of links) is reported once, on its heading. A line of nothing but "
        "links to other pages of the page's own site (relative links, or links to the host its front matter or a "
        "`URL:` line names, else the one host most of its lines of links lead to) or share buttons is a menu, "
        "breadcrumb, tag list or teaser by its structure, in any wording: it fires when it has two such links or stands next to another such line, and so does a heading "
        "over them; the article's source list (under a \"Sources\" heading or line) never does. In a text-mode "
        "browser's dump (lynx), a line of numbered links (\"* [3]News\") is such a line, and so is each entry of "
        "the closing reference list whose link stands only on furniture lines (or nowhere in the text). --fix removes a line "
        "found by the phrase lists; a whole navigation section, or a line found by the model, is left to "
        "you. Extend the lists under `rules.boilerplate` in rules.yaml; `model: false` keeps only them."
    )
    bad_example = "\n".join([
        "news/a.txt: Home",
        "news/a.txt: World",
        "news/a.txt: Business",
        "news/a.txt: Sport",
        "news/a.txt: Opinion",
        "news/a.txt: Culture",
        "news/a.txt: Sign in",
        "news/a.txt: Privacy Policy",
        "news/a.txt: Terms of Use",
        "news/a.txt: Contact us",
        "news/a.txt: Police fired tear gas at several hundred protesters in the oil town on Wednesday, witnesses said.",
        "news/b.txt: Home",
        "news/b.txt: World",
        "news/b.txt: Business",
        "news/b.txt: Sport",
        "news/b.txt: Opinion",
        "news/b.txt: Culture",
        "news/b.txt: Sign in",
        "news/b.txt: Privacy Policy",
        "news/b.txt: Terms of Use",
        "news/b.txt: Contact us",
        "news/b.txt: The government said on Thursday that it would review the price of liquefied gas within a week.",
    ])
    good_example = (
        "news/a.txt: “The world will, of course, be watching for any violations of human rights,” she said.\n"
        "news/b.txt: The government said it would review the price of fuel within a week."
    )
    fixable = True
    Options = BoilerplateOptions

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        labels = []
        if self.options.lines:
            labels.append(rf"^[ \t]*(?:{phrase_alternation(self.options.lines)})[ \t]*:?[ \t]*$")
        if self.options.prefixes:
            # "Read more: ...", and the other separators sites write after the label: "Also Read | ...", "WATCH - ..."
            labels.append(rf"^[ \t]*(?:{phrase_alternation(self.options.prefixes)})"
                          rf"(?:[ \t]*[:|](?=[ \t]+\S)|[ \t][-–—](?=[ \t]+(?-i:[A-Z0-9\"“‘'])))")
        phrases = []
        if self.options.phrases:
            # no lower-case letter may follow, but a glued name may ("View more articles fromSergey Kwan")
            phrases.append(rf"(?<!\w)(?:{phrase_alternation(self.options.phrases)})(?-i:(?![a-z]))")
        self._label = compile_or_none(pattern_alternation(labels), re.IGNORECASE | re.MULTILINE)
        self._promo = PatternSet.from_option(self, "patterns", re.IGNORECASE | re.MULTILINE, after=phrases)

    def prepare(self) -> list[str]:
        return self._promo.notices

    # -- per document ------------------------------------------------------------------------------
    def extract(self, doc: Document) -> list:
        """One fact per document: {"p": phrase findings (records), "n": how many of them the phrase lists
        found when the rest are links', "k": [line, key] of each line
        with a repetition key, "s": its copy sketch, "f": the keys of lines that may be the
        corpus's format (headings, labels), and "u": the lines for the model, only when the
        document can have furniture at all (one in sixteen articles: the others' lines only lend
        their keys to the corpus's counts)}."""
        phrases = list(self._phrase_findings(doc))
        fact: dict[str, Any] = {"p": [to_record(f) for f in [*phrases, *self._site_link_findings(doc, phrases),
                                                               *self._reference_findings(doc)]]}
        if len(fact["p"]) > len(phrases):
            fact["n"] = len(phrases)  # (only then: 100,000 articles' facts are held at once)
        if self.options.model:
            units, facts, protect = page_furniture.model_input(doc)  # shared with furniture_lines
            texts = page_furniture.unit_texts(doc, units)
            fact["k"] = [[doc.position(start)[0], line.key] for (start, _), line in zip(units, facts) if line.key]
            fact["s"] = list(model.sketch(texts, [line.n for line in facts]))
            fact["f"] = [line.key for text, line in zip(texts, facts)
                         if line.key and (_HEADING_MARK.match(text) or text.rstrip().endswith(":"))]
            if model.can_have_furniture([line.n for line in facts], model.load_model()):
                rows = []
                for (start, end), text, line, keep in zip(units, texts, facts, protect):
                    first, column = doc.position(start)
                    last, end_column = doc.position(end)
                    rows.append([first, column, last, end_column, line.key or "", line.base, line.n, line.shape,
                                 line.cta, quote(" ".join(text[:200].split()), 50), 0 if keep else 1,
                                 line.local_base, line.calls])
                fact["u"] = rows
        return [fact]

    count_cap = 50  # a partial run counts up to this many other documents holding a line

    def fact_keys(self, fact: dict) -> set[str]:
        """Line keys ("c:", only counted in a partial run) and the copy sketch ("s:", whose holders'
        facts a partial run loads: they may be copies of the file, which must not count)."""
        return {"c:" + key for _, key in fact.get("k", ())} | {"s:" + s for s in fact.get("s", ())}

    def counted_key(self, key: str) -> bool:
        return key.startswith("c:")

    # -- over the corpus -----------------------------------------------------------------------------
    def document_findings(self, facts: Sequence[Any]) -> list[Finding]:
        """The phrase lists' findings (with their safe fixes): they need no other document."""
        return [from_record(record) for fact in facts[:1] for record in fact.get("p", ())]

    def check(self, facts: Mapping[str, Sequence[Any]]) -> Iterable[Finding]:
        docs = {path: items[0] for path, items in facts.items() if items}
        findings: list[Finding] = []
        for items in facts.values():
            findings.extend(self.document_findings(items))
        if not self.options.model:
            return findings
        entries = {path: ([key for _, key in fact.get("k", ())], tuple(fact.get("s", ()))) for path, fact in docs.items()}
        candidates = {key for fact in docs.values() for key in fact.get("f", ())}
        index = model.RepetitionIndex(entries, format_share=self.options.format_share, format_keys=candidates)
        sampled = self.holders  # a partial run: other holders of the files' lines, facts not loaded
        if sampled is not None:
            enough = min(self.count_cap, self.options.format_share * max(self.corpus_size, 1))
            index.format |= {key for key in candidates
                             if len(set(sampled.get("c:" + key, ())) | set(index.holders.get(key, ()))) >= enough}
        documents = self.corpus_size if sampled is not None else len(docs)
        weights = model.load_model().for_corpus(documents)  # a small corpus: the local model
        for path, fact in docs.items():
            rows = fact.get("u", ())  # none: most articles, which cannot have furniture
            if not rows or (self.focus is not None and path not in self.focus):
                continue  # a partial run reports on its files only: the others only lend their lines
            phrase_lines = {line for record in fact.get("p", ()) for line in range(record[1], record[3] + 1)}
            # the phrase lists' lines (not the links': an article's own link may stand among them) are the
            # context of their short neighbours
            records = fact.get("p", ())
            said = {line for record in records[:fact.get("n", len(records))] for line in range(record[1], record[3] + 1)}
            counts = [self._count(index, docs, path, row[4] or None) for row in rows]
            lines = [model.LineFact(row[4] or None, row[5], row[6], row[7], row[8], row[11], row[12]) for row in rows]
            # the first line is the title, unless other pages hold it too: a title is one article's, a masthead every page's
            verdicts = model.classify_facts(lines, [c for c, _ in counts], weights,
                                            protect=[i for i, row in enumerate(rows) if row[10] == 0
                                                     and not (i == 0 and counts[0][0] >= model.SITE_REPEATS)],
                                            known=[i for i, row in enumerate(rows) if row[0] in said])
            for row, verdict, (count, example) in zip(rows, verdicts, counts):
                if not verdict.furniture or row[0] in phrase_lines:
                    continue
                why = verdict.reasons[:]
                related = []
                if count and example is not None:
                    where = _line_of(docs.get(example), row[4])
                    why[0] = f"{why[0]} (e.g. {example}{f':{where}' if where else ''})"
                    related.append(Location(example, where or 1))
                findings.append(self.report_at(
                    path, (row[0], row[1], row[2], row[3]), "model", snippet=row[9], related=related,
                    extra={"probability": f"{verdict.probability:.2f}"},
                    line=row[9], why="; ".join(why) or "furniture by its context"))
        return findings

    def _count(self, index: model.RepetitionIndex, docs: Mapping[str, dict], path: str,
               key: str | None) -> tuple[int, str | None]:
        """Other neighbourhoods holding the line: from the loaded facts, plus (partial run) the
        sampled holders whose facts were not loaded, each its own neighbourhood."""
        count, example = index.count(path, key)
        if key and self.holders is not None and key not in index.format:
            others = [p for p in self.holders.get("c:" + key, ()) if p not in docs]
            count += len(others)
            example = example or (others[0] if others else None)
        return count, example

    # -- links to the site itself ---------------------------------------------------------------------
    def _site_link_findings(self, doc: Document, phrases: Sequence[Finding]) -> Iterator[Finding]:
        """Lines of nothing but links to other pages of the article's own site (page_furniture.
        site_link_units), and the headings over them, where the phrase lists found nothing (their
        line, or the navigation section their fix would remove)."""
        site_links = page_furniture.site_link_units(doc)
        if not site_links:
            return
        found = page_furniture.model_input(doc)[0]
        taken = {line for finding in phrases for line in range(finding.line, finding.end_line + 1)}
        for finding in phrases:
            for edit in finding.fix.edits if finding.fix else ():
                taken.update(range(doc.position(edit.start)[0], doc.position(max(edit.start, edit.end - 1))[0] + 1))
        for i, links in site_links.items():
            start, end = found[i]
            if doc.position(start)[0] in taken:
                continue
            text = page_furniture.unit_texts(doc, [found[i]])[0]
            if not links:
                yield self.report(doc, start, end, "site-links-heading", line=quote(text, 50))
                continue
            yield self.report(doc, start, end, "site-links", line=quote(text, 50), what=_site_links(links))

    def _reference_findings(self, doc: Document) -> Iterator[Finding]:
        """The entries of a text-mode browser's reference list that only the page's furniture links
        to (page_furniture.uncited_references)."""
        for start, end, line in page_furniture.uncited_references(doc):
            where = f"a link on a furniture line (line {line})" if line else "a link the page does not show"
            yield self.report(doc, start, end, "reference", line=quote(doc.text[start:end], 50), where=where)

    # -- the phrase lists ----------------------------------------------------------------------------
    def _match(self, doc: Document, block: Block) -> Match | None:
        """A label line ("Most Viewed", "Watch: …"), or a promo phrase outside reported speech."""
        if self._label is not None:
            match = self._label.search(doc.prose, block.start, block.end)
            if match:
                return match
        if self._promo:
            match = self._promo.search(doc.prose, block.start, block.end)
            if match and not _QUOTES.search(doc.prose, block.start, block.end):
                return match
        return None

    def _phrase_findings(self, doc: Document) -> Iterator[Finding]:
        limit = self.options.max_words
        link_blocks: set[int] | None = None  # blocks holding a link, found once per document
        for index, block in doc.prose_blocks:
            text = doc.prose[block.start:block.end]
            if len(text.split(None, limit)) > limit:  # a paragraph of prose, not a line of furniture
                continue
            match = self._match(doc, block)
            if match is None:
                continue
            start = block.start + len(text) - len(text.lstrip())
            end = block.start + len(text.rstrip())
            phrase = quote(" ".join(match.group().split()).rstrip(":|-–— "), 30)
            first, last = block_lines(doc, block)
            if link_blocks is None:
                link_blocks = {link.block for link in doc.links}
            section = _section(doc, index, link_blocks)
            if section.kind == "prose":  # a Markdown heading over the article's own text is a heading
                continue
            if section.kind == "links":
                variant = "navigation"
                fix = remove_lines_fix(doc, first, section.last_line, "remove the navigation section", safe=False)
            else:
                variant = None
                # a line holding every link of the article may be its source list under a furniture
                # label ("Related: [IMD bulletin](https://mausam.imd.gov.in/)"): removing it needs a look
                fix = remove_lines_fix(doc, first, last, f'remove the line "{quote(text, 40)}"',
                                       safe=not _only_links(doc, index, link_blocks))
            yield self.report(doc, start, end, variant, fix=fix, line=quote(text), phrase=phrase, links=section.items)


def _only_links(doc: Document, index: int, link_blocks: set[int]) -> bool:
    """Block `index` holds a web link and no other block does."""
    return link_blocks == {index} and any(link.block == index and web_address(link.url) for link in doc.links)


def _site_links(targets: Sequence[str]) -> str:
    """What a line of site links holds, in words: "3 links to other pages of this site", "2 share buttons"."""
    shares = sum(map(is_share_button, targets))
    n = len(targets)
    if shares == n:
        return f"{n} share button{'s' if n > 1 else ''}"
    if shares:
        return f"{n} links to other pages of this site or share buttons"
    return "a link to another page of this site" if n == 1 else f"{n} links to other pages of this site"


def _line_of(fact: dict | None, key: str) -> int:
    """The line of another document that holds this key (0: its facts were not loaded)."""
    for line, held in (fact or {}).get("k", ()):
        if held == key:
            return line
    return 0


class _Section(NamedTuple):
    kind: str  # "line" (not a Markdown heading) | "empty" | "links" | "prose"
    last_line: int = 0
    items: int = 0


def _section(doc: Document, index: int, link_blocks: set[int]) -> _Section:
    """What the section under a Markdown heading (block `index`) holds; plain-text lines stand alone.
    `link_blocks`: the blocks that hold a link."""
    heading = doc.blocks[index]
    if not (doc.is_markdown and heading.kind == "heading"):
        return _Section("line")
    items: list[int] = []
    for position in range(index + 1, len(doc.blocks)):
        block = doc.blocks[position]
        if block.kind == "heading" and block.level <= heading.level:
            break
        if block.kind != "list_item":
            return _Section("prose")
        items.append(position)
    if not items:
        return _Section("empty")
    if not set(items) <= link_blocks:
        return _Section("prose")
    return _Section("links", block_lines(doc, doc.blocks[items[-1]])[1], len(items))
