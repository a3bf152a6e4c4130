"""The themes the app offers, by name: importable without loading Textual (the CLI's --theme)."""

THEMES = ("textual-dark", "textual-light", "sunlight")
