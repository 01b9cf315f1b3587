"""KZ4: sources and their credibility, one rule per file."""
