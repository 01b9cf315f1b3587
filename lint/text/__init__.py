"""Text handling below the facts: the phrase compiler, words, quotes and sentences, transliteration, user patterns."""
