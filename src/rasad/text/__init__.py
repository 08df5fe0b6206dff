"""Text layer: normalisation with an offset map, segmentation, languages, roles, dates -> Doc."""

from rasad.text.document import build_doc
from rasad.text.duplicates import mark_duplicates
from rasad.text.normalise import NormText, normalise_key, normalise_text

__all__ = ["NormText", "build_doc", "mark_duplicates", "normalise_key", "normalise_text"]
