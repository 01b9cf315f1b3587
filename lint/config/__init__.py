"""Configuration: the schema of every section (schema.py), the loader (loader.py) and the built-in
defaults (rules.yaml). Nothing here knows the rules: their options are checked by lint.rules."""

from lint.config.loader import (
    CONFIG_NAMES,
    MAX_CONFIG_BYTES,
    ConfigError,
    default_text,
    describe,
    discover,
    load,
    where,
)
from lint.config.schema import (
    BUILTIN_SOURCE,
    Config,
    CustomRule,
    GrammarSettings,
    LanguageToolSettings,
    Lexicon,
    Names,
    RuleSettings,
    Section,
    Sources,
    kebab,
)

__all__ = [
    "BUILTIN_SOURCE", "CONFIG_NAMES", "MAX_CONFIG_BYTES", "Config", "ConfigError", "CustomRule", "GrammarSettings",
    "LanguageToolSettings", "Lexicon", "Names", "RuleSettings", "Section", "Sources", "default_text", "describe",
    "discover", "kebab", "load", "where",
]
