"""Arabic news articles → YAML facts → a right-to-left MkDocs fact-sheet site."""

__version__ = "0.1.0"
