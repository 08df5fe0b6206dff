"""Fusion: stories, event coreference, corroboration, the status board and disagreements."""
