"""The catalog as one unit prints and publishes it: every material expanded with the edition's fields (expand),
linted as finished text (lint), the texts of its sticker labels (stickers), and for a 繁體版 all of it in
Traditional characters (script)."""

from fanzha.edition.expand import Expanded, expand_catalog, expand_material
from fanzha.edition.lint import lint_edition, lint_expanded
from fanzha.edition.script import converter_for

__all__ = ["Expanded", "converter_for", "expand_catalog", "expand_material", "lint_edition", "lint_expanded"]
