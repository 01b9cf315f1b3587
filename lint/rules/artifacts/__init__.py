"""rules/artifacts."""
