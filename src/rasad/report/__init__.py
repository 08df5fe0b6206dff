"""Report: rasad.json, HTML, Markdown, CSV and GeoJSON, rendered from the model."""
