"""KZ9: rules users write in rules.yaml (`custom-rules:`)."""
