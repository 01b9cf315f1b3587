"""Who a sentence says gives its figure: "the Libyan Red Crescent said", "according to the World
Health Organization", "said the interior ministry".

An article that reports two tolls of one event from two named sources (a rescue service's and a
ministry's) reports a dispute, not a contradiction of its own (KZ501). The speaker is the named
or definite noun phrase next to a reporting verb; a pronoun ("he said") names no one.
"""

from __future__ import annotations

import re

_VERB = (r"(?:(?:has|have|had)\s+)?(?:said|says|told|tells|reported|reports|confirmed|confirms|announced|announces|"
         r"estimated|estimates|recorded|put|puts|claimed|claims|alleged|alleges)")
# a name ("Iran Human Rights", "Iranian state television", "the World Health Organization"), a definite
# noun phrase ("the health ministry") or a group that reports what it saw ("police", "witnesses")
_PHRASE = (r"(?:[Tt]he\s+)?(?:[A-Z][\w'’.&-]*(?:\s+(?:of|for|and|on|de|al|[A-Z][\w'’.&-]*)){0,6}(?:\s+[a-z-]+){0,2}"
           r"|(?:(?<=[Tt]he\s)|(?<=\b[Aa]\s)|(?<=\b[Aa]n\s))(?:[a-z-]+\s+){0,3}[a-z-]+"
           r"|\b(?:police|witnesses|residents|medics|rescuers|doctors|activists|organi[sz]ers|protesters))")
_SPEAKER = re.compile(
    rf"\baccording\s+to\s+(?P<after>(?:the\s+)?{_PHRASE})"
    rf"|(?P<before>{_PHRASE}),?\s+{_VERB}\b"
    rf"|\b(?:said|says|told|reported|reads|read)\s+(?P<inverted>(?:the|an?)\s+{_PHRASE})"
    rf"|\b(?:(?:[Aa]n?|[Tt]he)\s+(?P<claim>claim|allegation|rumou?r|post)"  # "A claim that police arrested 40,000"
    rf"|(?P<claims>claim|claims|claimed|allege|alleges|alleged))\s+that\b")  # "Posts shared ... claim that 5,000 died"
_NOT_NAMES = frozenset("he she they it we i you this that these those there officials".split())
_FUNCTION = frozenset("the of for and on de al".split())


def speaker(sentence: str) -> str:
    """The sentence's source as lower-case words in order ("libyan red crescent"), or "" when it
    names none (no reporting verb, or only a pronoun or bare "officials")."""
    for match in _SPEAKER.finditer(sentence):
        phrase = (match.group("after") or match.group("before") or match.group("inverted") or match.group("claim")
                  or match.group("claims") or "")
        words = [w for w in (w.lower().strip(".,'’") for w in phrase.split()) if w and w not in _FUNCTION]
        if words and not (len(words) == 1 and words[0] in _NOT_NAMES):
            return " ".join(words)
    return ""


def different_speakers(first: str, second: str) -> bool:
    """Two named sources with no word in common ("red crescent", "world health organization"); the
    Red Crescent and the Libyan Red Crescent are one."""
    return bool(first and second) and not set(first.split()) & set(second.split())
