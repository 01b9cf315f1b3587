"""What a rule is: metadata plus a small unit of logic, all in one class.

`kzlint rules`, `kzlint explain`, SARIF `rules[]` and the README table are all
generated from these class attributes, so a rule is documented where it is written.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict

from lint.config import kebab
from lint.core.document import Document
from lint.core.findings import Finding, Fix, Location, Severity

FAMILIES = {
    "KZ0": "engine",
    "KZ1": "artifacts",
    "KZ2": "language",
    "KZ3": "attribution",
    "KZ4": "sources",
    "KZ5": "consistency",
    "KZ9": "custom",
}


class Options(BaseModel):
    """Base for a rule's settings in rules.yaml; misspelt keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class KebabOptions(Options):
    """Options whose rules.yaml keys are kebab-case (`max-words`), like the rest of the file."""

    model_config = ConfigDict(extra="forbid", frozen=True, alias_generator=kebab, populate_by_name=True)


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    summary: ClassVar[str]  # one line: what it finds
    message: ClassVar[str]  # the finding's message template: report() formats it, so docs show what is printed
    messages: ClassVar[Mapping[str, str]] = {}  # the rule's other templates, by variant name (also in `explain`)
    explanation: ClassVar[str]  # why it matters; several sentences
    bad_example: ClassVar[str]  # text that fires
    good_example: ClassVar[str]  # text that does not
    fixable: ClassVar[bool] = False
    default_enabled: ClassVar[bool] = True
    Options: ClassVar[type[Options]] = Options

    registry: ClassVar[dict[str, type["Rule"]]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "code" in cls.__dict__:
            if cls.code in Rule.registry and Rule.registry[cls.code] is not cls:
                raise RuntimeError(f"duplicate rule code {cls.code}")
            Rule.registry[cls.code] = cls

    def __init__(self, options: Options | None = None, severity: Severity | None = None, config: Any = None,
                 enabled: bool | None = None) -> None:
        self.options = options if options is not None else self.Options()
        self.level = severity or self.severity
        self.config = config  # the whole Config, for shared sections (lexicon, sources, names, ...)
        self.enabled_by_config = enabled  # `enabled:` in the rule's settings (None: not set, default_enabled applies)
        self._prepared = False

    def prepare_once(self) -> list[str]:
        """prepare() the first time it is called on this rule object; later calls return no notices."""
        if self._prepared:
            return []
        self._prepared = True
        return self.prepare()

    def prepare(self) -> list[str]:
        """Called once per run in the main process before any document; returns notices for stderr
        (e.g. an optional backend that is not available)."""
        return []

    def cache_token(self) -> str:
        """What, besides the config and the text, this rule's findings depend on (e.g. whether an
        optional backend is reachable). It is part of the result-cache key; cheap to compute."""
        return ""

    @classmethod
    def family(cls) -> str:
        return FAMILIES.get(cls.code[:3], "custom")

    @classmethod
    def templates(cls) -> dict[str, str]:
        """Every message template this rule prints, the main one first (for `kzlint explain`)."""
        return {"": cls.message, **cls.messages}

    @classmethod
    def option_defaults(cls) -> dict[str, Any]:
        """Each option's rules.yaml key and its default: written once, in the Options model (for `kzlint explain`)."""
        return {field.alias or name: field.get_default(call_default_factory=True)
                for name, field in cls.Options.model_fields.items()}

    @classmethod
    def format_message(cls, variant: str | None = None, /, **fields: Any) -> str:
        """The message of one finding: the rule's template (or the named variant) filled with `fields`."""
        return (cls.messages[variant] if variant else cls.message).format(**fields)

    @classmethod
    def file_finding(cls, path: str, line: int = 1, column: int = 1, end_line: int | None = None,
                     end_column: int | None = None, variant: str | None = None, /, *, snippet: str = "",
                     **fields: Any) -> Finding:
        """A finding the engine makes itself (the KZ0 rules: unreadable file, crash, unused suppression),
        at the rule's default severity, its message the rule's template."""
        return Finding(path, line, column, line if end_line is None else end_line,
                       column if end_column is None else end_column, cls.code, cls.name, cls.severity,
                       cls.format_message(variant, **fields), snippet=snippet)

    def report(
        self,
        doc: Document,
        start: int,
        end: int,
        variant: str | None = None,
        /,
        *,
        fix: Fix | None = None,
        related: Sequence[Location] = (),
        extra: Mapping[str, str] | None = None,
        **fields: Any,
    ) -> Finding:
        """A finding over doc.text[start:end] whose message is this rule's template filled with `fields`."""
        return self.finding(doc, start, end, self.format_message(variant, **fields), fix=fix, related=related,
                            extra=extra)

    def finding(
        self,
        doc: Document,
        start: int,
        end: int,
        message: str,
        *,
        fix: Fix | None = None,
        related: Sequence[Location] = (),
        extra: Mapping[str, str] | None = None,
    ) -> Finding:
        """A finding over doc.text[start:end]; the snippet is that text, whitespace-folded."""
        line, column = doc.position(start)
        end_line, end_column = doc.position(max(start, end))
        return Finding(
            doc.path, line, column, end_line, end_column, self.code, self.name, self.level, message,
            snippet=" ".join(doc.text[start:end].split())[:200], fix=fix, related=tuple(related),
            extra=tuple(sorted(extra.items())) if extra else (),
        )


class DocumentRule(Rule):
    """Sees one document at a time."""

    def check(self, doc: Document) -> Iterator[Finding]:
        raise NotImplementedError

    def document_metadata(self, doc: Document) -> dict[str, Any]:
        """Per-document values the run reports besides findings (e.g. KZ204's grade); none by default."""
        return {}


class CorpusRule(Rule):
    """Sees facts extracted from every document of the corpus.

    `extract` runs per document (in parallel, cached by content hash) and returns small
    picklable facts that carry their own positions; `check` runs once over all of them
    (a group-by, never all-pairs) and returns findings anywhere in the corpus; the engine
    keeps those on the files the user asked about.

    A rule may also override `fact_keys(fact) -> Iterable[str]`, the claim keys of one fact: a
    fact can change the findings on another document's facts only if they share a key. A rule
    that does is `keyed` (set when the class is made); a run given a few files (pre-commit)
    checks them against the facts of other documents that share a key with theirs.
    """

    keyed: ClassVar[bool] = False  # whether fact_keys is defined (set by __init_subclass__)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.keyed = cls.fact_keys is not CorpusRule.fact_keys

    def fact_keys(self, fact: Any) -> Iterable[str]:
        """The claim keys of one fact (only called on a `keyed` rule)."""
        raise NotImplementedError

    # A keyed rule may also mark some of its claim keys as *counted*: for those, a partial run
    # does not load the facts of every document that holds the key (a line every page of a site
    # has is held by all of them), only up to `count_cap` of their paths, which it hands to
    # `check` as `self.holders` (claim key -> paths). None outside partial runs.
    count_cap: ClassVar[int] = 0
    holders: Mapping[str, Sequence[str]] | None = None
    corpus_size: int = 0  # the number of documents in the corpus, set with `holders`
    # the files a partial run reports on, set while `check` runs (None in a full run): the
    # findings on other files are dropped, so work that can only give those may be skipped
    focus: frozenset[str] | None = None

    # A keyed rule whose facts carry one key each may also keep its facts *in the claim index*
    # (each document's facts stored under their key): a partial run then reads the facts that
    # share its keys straight from the index, not the whole facts of every document holding one
    # (a common surname's key is held by 6,000 of 100,000 articles, each with a few dozen names).
    facts_in_index: ClassVar[bool] = False

    def lookup_keys(self, fact: Any) -> Iterable[str]:
        """The claim keys a partial run looks up for a fact of a file given: its own (`fact_keys`)
        by default; a rule whose facts can meet others under neighbouring keys adds those."""
        return self.fact_keys(fact)

    def may_be_reported(self, fact: Any) -> bool:
        """Whether this fact can be reported at all, whatever the other documents hold: a partial
        run looks up the holders of the keys of the given files' facts that may be (a spelling
        accepted as written is never a variant). True by default."""
        return True

    def counted_key(self, key: str) -> bool:
        """Whether a partial run needs only who holds this claim key, not their facts."""
        return False

    def extract(self, doc: Document) -> list:
        raise NotImplementedError

    def check(self, facts: Mapping[str, Sequence[Any]]) -> Iterable[Finding]:
        raise NotImplementedError

    def document_findings(self, facts: Sequence[Any]) -> list[Finding]:
        """The findings one document's own facts give without the rest of the corpus: what `--fix`
        (which rewrites one file at a time) can act on. None by default."""
        return []

    def report_at(
        self,
        path: str,
        span: tuple[int, int, int, int],
        variant: str | None = None,
        /,
        *,
        snippet: str = "",
        related: Sequence[Location] = (),
        extra: Mapping[str, str] | None = None,
        **fields: Any,
    ) -> Finding:
        """A finding at (line, column, end_line, end_column) of `path`, its message the rule's template."""
        return self.finding_at(path, span, self.format_message(variant, **fields), snippet=snippet,
                               related=related, extra=extra)

    def finding_at(
        self,
        path: str,
        span: tuple[int, int, int, int],
        message: str,
        *,
        snippet: str = "",
        related: Sequence[Location] = (),
        extra: Mapping[str, str] | None = None,
    ) -> Finding:
        """A finding at (line, column, end_line, end_column) of `path`."""
        return Finding(
            path, *span, self.code, self.name, self.level, message, snippet=snippet,
            related=tuple(related), extra=tuple(sorted((extra or {}).items())),
        )
