"""What each label of a sticker sheet says: the sheet's own text, or the slogans it names, expanded for the edition.
The print side sizes and places these texts (pdf/stickers.py); the site lists them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from fanzha import messages
from fanzha.edition.expand import Expanded, edition_context, fill_variables
from fanzha.edition.script import converter_for
from fanzha.model.catalog import Catalog
from fanzha.problems import Problems

PHRASE_END = "，,；;：:。 \u3000"  # dropped at a line end: a new line is the pause
PHRASE_BREAK = re.compile(r"(?<=[，,；;：:。？?！! \u3000])")  # phrases start new lines; 、 lists stay together
# A middle dot between parts is dropped: the gap stands for it, and a wrapped line never ends in a dangling “·”.
SUBTEXT_BREAK = re.compile(r"\s*[·•]\s*|(?<=[，,；;])\s*|\s+")


@dataclass(frozen=True)
class Design:
    """What one label shows, and where its main text is written (file and line) for error messages."""

    text: str
    subtext: str
    path: Path
    line: int

    @property
    def phrases(self) -> list[str]:
        parts = [p.strip(PHRASE_END) for p in PHRASE_BREAK.split(self.text)]
        return [p for p in parts if p]

    @property
    def subtext_parts(self) -> list[str]:
        """The subtext in pieces that are never broken inside (“被骗请拨110”): it wraps only between them."""
        return [p for p in SUBTEXT_BREAK.split(self.subtext) if p.strip()]


def label_designs(expanded: Expanded, catalog: Catalog, problems: Problems) -> list[Design] | None:
    """The sheet's designs in order: its text (repeat), or one per slogan it names (fill, each)."""
    material = expanded.material
    meta = material.meta
    source = material.source
    subtext = expanded.fields.get("subtext", "")
    if meta.mode == "repeat":
        text = expanded.fields.get("text", "")
        if not text.strip():
            problems.add(material.path, source.line_of("mode"), messages.EDITION_STICKERS_NO_TEXT)
            return None
        return [Design(text.strip(), subtext, material.path, source.line_of("text"))]
    context = edition_context(expanded.edition)
    converter = converter_for(expanded.edition)
    designs = []
    for index, ref in enumerate(meta.slogans):
        line = source.line_of("slogans", index)
        found = [catalog.slogan(ref)] if "/" in ref else [s for s in catalog.slogans if s.collection == ref]
        for slogan in found:
            if slogan is None:
                continue
            owner = catalog.materials[slogan.collection]
            text = fill_variables(slogan.text, context, owner.path, slogan.line, problems)
            if text and converter is not None:  # a 繁體版: the slogan as its own materials are (edition/script.py)
                text = converter.text(text)
            if text:
                designs.append(Design(text.strip(), subtext, material.path, line))
    if not designs:
        problems.add(material.path, source.line_of("slogans"),
                     messages.EDITION_STICKERS_NO_SLOGANS.format(mode=meta.mode))
        return None
    return designs
