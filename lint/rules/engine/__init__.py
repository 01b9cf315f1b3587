"""KZ0: what the engine itself reports (crash, unused suppression, unreadable file, bad front matter)."""
