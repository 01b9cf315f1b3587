"""rules/sources."""
