"""rules/consistency."""
