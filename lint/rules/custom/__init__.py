"""rules/custom."""
