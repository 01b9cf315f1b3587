"""The one result type every grammar backend returns (LanguageTool, Harper), and its failure."""

from __future__ import annotations

from dataclasses import dataclass


class Unavailable(Exception):
    """LanguageTool cannot be used; the message says why, in a few words."""


@dataclass(frozen=True, slots=True)
class Match:
    """One problem found, with offsets in code points of the text that was checked."""

    offset: int
    length: int
    message: str
    rule_id: str
    category: str
    issue_type: str = ""
    replacements: tuple[str, ...] = ()

    def shifted(self, delta: int) -> Match:
        return Match(self.offset + delta, self.length, self.message, self.rule_id, self.category,
                     self.issue_type, self.replacements)

    def to_json(self) -> list:
        return [self.offset, self.length, self.message, self.rule_id, self.category, self.issue_type,
                list(self.replacements)]

    @classmethod
    def from_json(cls, data: list) -> Match:
        offset, length, message, rule_id, category, issue_type, replacements = data
        return cls(offset, length, message, rule_id, category, issue_type, tuple(replacements))
