"""The temporal tagger's parts: vocabulary (``lexicon``), grammar, resolution against an anchor,
calendar arithmetic, and dating a report from its own words (``infer``).

The public API is ``rasad.mentions.times``: ``find_times`` and ``infer_published``.
"""
