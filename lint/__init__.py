"""kzlint: a source-credibility and text-quality linter for news corpora."""

__version__ = "0.1.0"
