"""rasad: a sourced picture of a developing story from Arabic and English news reports."""

__version__ = "0.1.0"
