"""KZ5: consistency across documents (corpus rules), one rule per file."""
