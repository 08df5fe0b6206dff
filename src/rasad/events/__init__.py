"""Events: triggers -> event mentions with status, hedging, arguments and attribution."""

from rasad.events.extract import extract_events

__all__ = ["extract_events"]
