"""KZ2: language quality (grammar, untranslated text, garbled phrasing, readability), one rule per file."""
