"""KZ3: attribution of figures."""
