"""两端对齐 after layout: each line of a .justify block but its last is letter-spaced to end flush at the right.

WeasyPrint justifies a line by widening its spaces only, and Chinese has none. Before this, a space went between
every two Chinese characters (a space glyph of no advance, fonts.py) for WeasyPrint to stretch: twice the glyphs to
shape, lay out and draw, and a pass over the PDF to take them out of its text again. Laid out without them, each
line that is to end flush gets the room it lacks shared out as letter-spacing over its characters, which is how
Chinese print justifies (clreq): ~5 ms less a letter (of ~47). The bundled documents keep their line breaks (one
line of the elderly letter now holds its last two characters); the bundled letters' line ends stay within 0.45 pt.

Letter-spacing parts every two characters of a text, the two em dashes of a dash too: cjk.py sets "——" as the
one character of a two-em dash (⸺), which the fonts draw the same.

The lines are WeasyPrint's laid-out boxes: each text box of a line gets its share as letter-spacing in a copy of its
style (which the drawing reads), is widened by it and moved right by what the boxes before it grew. A line that
would need more than MAX_SPACING_EM between its characters (a long word or number that could not break) stays as it
is, like a line of Latin text that has no space to widen; so does a line ended by a forced break (<br>), and the
lines of a centred or right-aligned block. Not handled: a line beside a float would be stretched under it (no layout
floats anything).
"""

from __future__ import annotations

import re

from fanzha.text.cjk import BULLET, JOINER, NUMBER_GAP
from fanzha.pdf.layout.boxes import boxes, has_class, own_element

MAX_SPACING_EM = 1.0  # a narrow column's loose line (a character pushed to the next line) still ends flush
# A list item's number or bullet (cjk.ListMarkers) starts its first line: the item's text after it must stay where
# its other lines start (print.css hangs the line out by the marker's width). A joiner has no advance and, part of
# the character before it, no letter-spacing of its own.
_MARKER = re.compile(rf"\d+\.{NUMBER_GAP}|{BULLET}")


def justify_lines(pages) -> None:
    """Letter-space the lines of every .justify block (and of the blocks inside one) of the laid-out pages. A block
    that runs on to the next page has its last line on this page justified too."""
    previous: list = []
    for page in pages:
        blocks: list = []
        _justified_blocks(page._page_box, False, blocks)
        if previous and blocks and blocks[0].element is previous[-1].element:
            _justify_line(previous[-1], previous[-1].children[-1])
        for block in blocks:
            for line in block.children[:-1]:  # the last line of a paragraph ends where its text ends
                _justify_line(block, line)
        previous = blocks


def _justified_blocks(box, justified: bool, out: list) -> None:
    """The block containers of lines inside .justify elements, in document order."""
    from weasyprint.formatting_structure.boxes import BlockContainerBox, LineBox

    element = own_element(box)
    if element is not None:
        justified = justified or has_class(element, "justify")
    children = getattr(box, "children", ()) or ()
    if justified and isinstance(box, BlockContainerBox) and children and isinstance(children[0], LineBox):
        if box.style["text_align_all"] in ("left", "start"):  # not a centred or right-aligned block inside one
            out.append(box)
        return
    for child in children:
        _justified_blocks(child, justified, out)


def _justify_line(block, line) -> None:
    texts = [box for box in boxes(line) if hasattr(box, "text")]
    if not texts or _ends_in_break(line):
        return
    # A list item's marker alone in its text box (the item's text starts with bold) is left as it is; one that
    # shares its box with the text takes the spacing too, and the line starts that much further left instead.
    marker = _MARKER.match(texts[0].text)
    unspaced = texts[0] if marker and marker[0] == texts[0].text else None
    marker_length = len(marker[0]) if marker and unspaced is None else 0
    spaced = [text for text in texts if text is not unspaced]
    # Characters that take spacing after them; the line's last one ends at the right edge, its spacing past it.
    gaps = sum(len(text.text.replace(JOINER, "")) for text in spaced) - marker_length - 1
    room = block.content_box_x() + block.width - (line.position_x + line.width)
    if gaps < 1 or room <= 0:
        return
    spacing = room / gaps
    if spacing > MAX_SPACING_EM * texts[0].style["font_size"]:
        return
    grown = -marker_length * spacing
    for child in line.children:
        grown += _spread(child, spacing, grown, unspaced)
    # The last character's spacing lies past the right edge: no part of the line's width.
    for box in _last_boxes(line):
        box.width -= spacing
    line.width += grown - spacing


def _ends_in_break(line) -> bool:
    """Does a forced break (<br>) end the line? WeasyPrint keeps the <br> as an empty inline box at its end."""
    return any(getattr(box, "element_tag", "") == "br" for box in _last_boxes(line))


def _last_boxes(line):
    """The line's last child, its last child, … down to a text box."""
    box = line
    while getattr(box, "children", None):
        box = box.children[-1]
        yield box


def _spread(box, spacing: float, dx: float, unspaced=None) -> float:
    """Move `box` right by `dx` and letter-space its text by `spacing` (but `unspaced`'s); how much wider it grew."""
    from weasyprint.formatting_structure.boxes import InlineBox

    if hasattr(box, "text"):
        box.position_x += dx
        if box is unspaced:
            return 0.0
        style = box.style.copy()
        letter_spacing = style["letter_spacing"]
        style["letter_spacing"] = (0 if letter_spacing == "normal" else letter_spacing) + spacing
        box.style = style
        grown = len(box.text.replace(JOINER, "")) * spacing
        box.width += grown
        return grown
    if isinstance(box, InlineBox):  # inline markup (<strong>, a span): its text spaced, itself widened around it
        box.position_x += dx
        grown = 0.0
        for child in box.children:
            grown += _spread(child, spacing, dx + grown, unspaced)
        box.width += grown
        return grown
    box.translate(dx=dx)  # an atomic inline (an image, an inline block): moved whole
    return 0.0
