"""Whether a sentence of a document is written in another language than English: its own words
decide, else its paragraph's, else the article's. Such text is KZ202's (untranslated), not
garbled English (KZ203) nor English with typos (KZ201)."""

from __future__ import annotations

from lint.core.document import Document
from lint.reference.other_languages import mostly_other_language, reads_as_other_language


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
