"""Whether a sentence of a document is written in another language than English: its own words
decide, else its paragraph's, else the article's. Such text is KZ202's (untranslated), not
garbled English (KZ203) nor English with typos (KZ201)."""

from __future__ import annotations

from lint.core.document import Document
from lint.reference.other_languages import (LATIN_LANGUAGES, SAMPLE, article_words, likeliest_language,
                                            mostly_other_language, reads_as_other_language)


def in_other_language(doc: Document, index: int) -> bool:
    """Whether sentence `index` of `doc` reads as German, Portuguese, Indonesian ... A short
    sentence may hold too few common words to tell ("Pihak mana yang tewas?"); the paragraph it
    stands in, or the whole article, then tells, as a reader would. An index of -1 (no
    sentence: a heading's words, a table) asks the article."""
    if index < 0:
        return _article_in_other_language(doc)
    sentence = doc.sentences[index]
    if reads_as_other_language(doc.prose[sentence.start:sentence.end]):
        return True
    block = doc.blocks[sentence.block]
    if (block.start, block.end) != (sentence.start, sentence.end) and reads_as_other_language(
            doc.prose[block.start:block.end]):
        return True
    return _article_in_other_language(doc)


def _article_in_other_language(doc: Document) -> bool:
    """Whether the article's prose as a whole reads as another language (memoised on the document)."""
    known = doc.__dict__.get("_kz_other_language")
    if known is None:
        known = doc.__dict__["_kz_other_language"] = mostly_other_language(doc.prose)
    return known


def article_language(doc: Document) -> str:
    """The language an article is written in, by its words: "" for English (and for an article
    whose language the word lists cannot tell: another script's), else the Latin-script language
    it reads as most ('indonesian'). Names are spelt by the language of the text around them
    ('Rusia' in Indonesian), so KZ502 compares spellings within one language (memoised)."""
    known = doc.__dict__.get("_kz_article_language")
    if known is None:
        found = likeliest_language(article_words(doc.prose[:SAMPLE]), LATIN_LANGUAGES) \
            if _article_in_other_language(doc) else None
        known = doc.__dict__["_kz_article_language"] = found[0] if found else ""
    return known
