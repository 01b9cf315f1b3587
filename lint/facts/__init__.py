"""What documents claim, extracted once per document: figures, names, places, dates, sources, claims."""
