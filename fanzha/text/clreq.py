"""标点挤压 for justification (clreq 3.8, 行的调整): a justified line first gives its punctuation back its width, and
only then spreads its characters.

Each full-width mark whose glyph fills the left half of its em (、，。：；！？ and the closing brackets and quotes) is
wrapped, in justified text, in <span class="pc">, which print.css sets half-width with the font's `halt` feature:
lines are laid out with every such mark compressed, so a line takes in the characters that fit once its marks are
compressed (三折页: 房子、存款的事，先和子女商量。 on one line). After layout, justify.py gives each mark inside a
line its blank half back (as letter-spacing after it) from the room the line has left, and letter-spaces the line
only with what remains; a mark at a line's end stays half-width, as clreq sets it. Two neighbouring marks are left
to cjk.py's .halt, which sets one of them half-width for good."""

from __future__ import annotations

import re

from markupsafe import Markup

from fanzha.text.cjk import typeset_parts

COMPRESSIBLE = frozenset("、，。：；！？）」』》】〕〉”’")
_HALT = '<span class="halt">'
_MARK = re.compile("[" + re.escape("".join(sorted(COMPRESSIBLE))) + "]")


def compressible_marks(html: str) -> Markup:
    """`html` (a fragment of print HTML from the cjk filters) with each compressible mark of its text wrapped in
    .pc; marks cjk.py already set half-width (.halt) and raw blocks are left alone."""
    parts, typeset = typeset_parts(str(html))
    for index, part in enumerate(parts):
        if part and typeset[index] and not (index and parts[index - 1] == _HALT):
            parts[index] = _MARK.sub(lambda m: f'<span class="pc">{m[0]}</span>', part)
    return Markup("".join(parts))
