"""The layout engine below the print documents: page geometry, fonts, WeasyPrint's boxes, line justification, the
finishing pass over the PDF and previews. Imports nothing from the layers above it."""
