"""The `names:` settings as look-ups: canonical places by spelling key, their ancestors, the
spellings a corpus accepts (NameIndex, built once per settings object).

Spellings the name checks know without any config are the world gazetteer's countries
(lint.reference.gazetteer, GeoNames): a single capitalised word is a name candidate for KZ502
when its key is one of theirs or the config's, so 'Rusia' beside 'Russia' is compared in any
corpus. The config's `names.places` stay the corpus's own places (and events' place keys)."""

from __future__ import annotations

from lint.config import Names
from lint.reference.gazetteer import country_names
from lint.text.transliteration import skeleton, spelling


class NameIndex:
    """Look-ups built once from the settings: canonical place by key, ancestors, accepted spellings."""

    def __init__(self, names: Names) -> None:
        self.accepted = {spelling(n) for n in names.preferred} | {spelling(n) for g in names.aliases for n in g}
        self.accepted |= {spelling(p) for p in names.places}
        self.preferred_by_key: dict[str, str] = {}
        for name in [*names.preferred, *(n for g in names.aliases for n in g), *names.places]:
            self.preferred_by_key.setdefault(skeleton(name), name)
        # names the name checks know without config: the world's countries (the config's spelling wins)
        for name in country_names():  # read on the first NameIndex, not at import
            self.preferred_by_key.setdefault(skeleton(name), name)
        # place key -> canonical place (the first alias of a renamed place stands for all)
        self.place_by_key: dict[str, str] = {}
        for place in names.places:
            self.place_by_key[skeleton(place)] = place
        for group in names.aliases:
            known = next((n for n in group if skeleton(n) in self.place_by_key), None)
            if known:
                for name in group:
                    self.place_by_key.setdefault(skeleton(name), self.place_by_key[skeleton(known)])
        self.parent = {place: parent for place, parent in names.places.items()}
        # every word of every key: a name with a word outside this set is no key (a cheap first test)
        self.key_parts = {part for key in (*self.preferred_by_key, *self.place_by_key) for part in key.split(" ")}

    def place(self, name: str) -> str | None:
        """The gazetteer's name for a place written `name` in any romanisation, or None."""
        return self.place_by_key.get(skeleton(name))

    def with_ancestors(self, place: str) -> list[str]:
        """The place and every place containing it: Zhanaozen -> Mangystau -> Kazakhstan."""
        chain, seen = [], set()
        while place and place not in seen:
            chain.append(place)
            seen.add(place)
            place = self.parent.get(place)
        return chain

    def is_specific(self, place: str) -> bool:
        """A place inside a country (a town, a region): specific enough to name one event."""
        return self.parent.get(place) is not None


def name_index(names: Names) -> NameIndex:
    """The look-ups of one `names:` section, built once per settings object."""
    if names._index is None:
        names._index = NameIndex(names)
    return names._index
