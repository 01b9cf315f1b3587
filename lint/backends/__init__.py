"""Grammar backends (LanguageTool, Harper) behind one Match type."""
