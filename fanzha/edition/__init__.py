"""The catalog as one unit prints and publishes it: every material expanded with the edition's fields (expand),
linted as finished text (lint), and the texts of its sticker labels (stickers)."""

from fanzha.edition.expand import Expanded, expand_catalog, expand_material
from fanzha.edition.lint import lint_edition, lint_expanded

__all__ = ["Expanded", "expand_catalog", "expand_material", "lint_edition", "lint_expanded"]
