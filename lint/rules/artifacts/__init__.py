"""KZ1: scraping and conversion artifacts, one rule per file; support.py holds what they share."""
