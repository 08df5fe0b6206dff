"""Mentions: entities (gazetteer matcher and discovery), times and quantities."""
