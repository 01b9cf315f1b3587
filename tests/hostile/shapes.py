"""Hostile input shapes of issue 17, each as `make(size) -> (file name, text)`: the complexity test
(test_hostile_complexity.py) and the time-growth table (benchmarks/growth.py) share them.

Every shape repeats one small unit until the text is `size` characters long, so doubling the
size doubles the work of a linear linter; each one reached a quadratic path in kzlint 3fef2bb.
"""

from __future__ import annotations

from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "corpus"
PLACES = ["Almaty", "Astana", "Zhanaozen", "Shymkent", "Aktau", "Taraz", "Karaganda", "Atyrau"]


def _fill(unit, size: int, joiner: str = "", end: str = "\n") -> str:
    parts, total, i = [], 0, 0
    while total < size:
        piece = unit(i)
        parts.append(piece)
        total += len(piece) + len(joiner)
        i += 1
    return joiner.join(parts) + end


def figures_in_one_sentence(size: int) -> tuple[str, str]:
    """'2 people were killed in Almaty and 3 people were killed in Astana and ...' (claims.sentence_time)."""
    return "a.txt", _fill(lambda i: f"{i % 900 + 2} people were killed in {PLACES[i % 8]} and", size, " ", ".\n")


def one_run_of_letters(size: int) -> tuple[str, str]:
    """'xxxx...': one word as long as the file (garbled._is_compound tries every cut)."""
    return "a.txt", "x" * size + "\n"


def figure_sentences_in_one_paragraph(size: int) -> tuple[str, str]:
    """Unattributed figure sentences in one paragraph (KZ301 looked for quotations in the whole
    paragraph once per figure)."""
    return "a.txt", _fill(lambda i: f"{i % 900 + 2} people were killed in {PLACES[i % 8]} on Monday.", size, " ")


def suppression_comments(size: int) -> tuple[str, str]:
    """`<!-- kzlint-disable KZ10N -->` before every line (suppressions.apply compared every finding
    with every directive)."""
    return "a.md", _fill(lambda i: f"<!-- kzlint-disable KZ10{i % 9} -->\nundefined\n", size, "", "")


def links_in_one_paragraph(size: int) -> tuple[str, str]:
    """Markdown links and bare URLs in one paragraph (Document.links checked every bare URL against
    every earlier link)."""
    return "a.md", _fill(lambda i: f"[report {i}](https://example.org/a/{i}) and https://example.com/b/{i}",
                         size, " ", ".\n")


def figure_dense_line(size: int) -> tuple[str, str]:
    """News sentences with casualty figures, places, dates and sources, all on one line; one figure
    in four stands two sentences away from its source (KZ301 must look further for it)."""
    def unit(i: int) -> str:
        return (f"At least {i % 90 + 10} people were killed and {i % 300 + 20} injured in clashes in "
                f"{PLACES[i % 8]} on Monday, the Interior Ministry said. Police detained {i % 50 + 5} "
                f"protesters in {PLACES[(i + 3) % 8]} on {['May', 'June', 'July'][i % 3]} {i % 28 + 1}. "
                f"The crowd then moved to the main square. Another {i % 70 + 3} people were hurt there.")
    return "a.txt", _fill(unit, size, " ")


def _seed_prose() -> str:
    return " ".join(" ".join(path.read_text(encoding="utf-8").split()) for path in sorted(SEEDS.glob("*.txt")))


def prose_on_one_line(size: int) -> tuple[str, str]:
    """The seed articles' prose, whitespace folded, on one line (the existing 20 MB case)."""
    text = _seed_prose()
    return "a.txt", ((text + " ") * (size // (len(text) + 1) + 1))[:size] + "\n"


def normal_lines(size: int) -> tuple[str, str]:
    """The seed articles as they are, one after the other: ordinary paragraphs and lines."""
    text = "\n\n".join(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt")))
    return "a.txt", (text * (size // len(text) + 1))[:size] + "\n"


SHAPES = {
    "figures in one sentence": figures_in_one_sentence,
    "one run of letters": one_run_of_letters,
    "figure sentences in one paragraph": figure_sentences_in_one_paragraph,
    "suppression comments": suppression_comments,
    "links in one paragraph": links_in_one_paragraph,
    "figure-dense line": figure_dense_line,
    "prose on one line": prose_on_one_line,
    "normal lines": normal_lines,
}
