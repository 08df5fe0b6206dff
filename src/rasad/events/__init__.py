"""Events: triggers -> event mentions with status, hedging, arguments and attribution."""
