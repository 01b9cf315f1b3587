"""rules/engine."""
