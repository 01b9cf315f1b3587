"""Running the rules: the document and corpus passes, workers, cache, discovery, suppressions, baselines, fixes."""
