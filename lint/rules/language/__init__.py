"""rules/language."""
