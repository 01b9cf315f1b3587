"""rules/attribution."""
