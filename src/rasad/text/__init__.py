"""Text layer: normalisation with an offset map, segmentation, languages, roles, dates -> Doc."""
