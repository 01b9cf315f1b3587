"""Loaders of shipped reference data (wordfreq's word list, the default lexicon); the data files live in lint/data/."""
