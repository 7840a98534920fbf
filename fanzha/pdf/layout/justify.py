"""两端对齐 after layout: each line of a .justify block but its last is letter-spaced to end flush at the right, after
its punctuation, laid out compressed, got its width back (clreq.py).

WeasyPrint justifies a line by widening its spaces only, and Chinese has none: each line that is to end flush gets
the room it lacks shared out as letter-spacing over its characters, which is how Chinese print justifies (clreq).

Letter-spacing parts every two characters of a text, the two em dashes of a dash too: cjk.py sets "——" as the
one character of a two-em dash (⸺), which the fonts draw the same.

The lines are WeasyPrint's laid-out boxes: each text box of a line gets its share as letter-spacing in a copy of its
style (which the drawing reads), is widened by it and moved right by what the boxes before it grew. A line that
would need more than MAX_SPACING_EM between its characters (a long word or number that could not break) stays
ragged, like a line of Latin text that has no space to widen; so does a line ended by a forced break (<br>), and the
lines of a centred or right-aligned block (which get their marks back, and stay centred).
Not handled: a line beside a float would be stretched under it (no layout floats anything).
"""

from __future__ import annotations

import re

from fanzha.text.cjk import BULLET, JOINER, NUMBER_GAP
from fanzha.pdf.layout.boxes import boxes, has_class, own_element

# clreq: a justified line's characters are spread by at most a tenth of an em each (1.10 em per character); a line that
# would need more stays ragged, as a line of Latin text with no space to widen does (a long number that could not
# break, a narrow column's line that lost two characters to the next by 禁则).
MAX_SPACING_EM = 0.10
HALF_EM = 0.5  # what a compressed mark (clreq.py, .pc) gives back: the blank half of its em
# A list item's number or bullet (cjk.ListMarkers) starts its first line: the item's text after it must stay where
# its other lines start (print.css hangs the line out by the marker's width). A joiner has no advance and, part of
# the character before it, no letter-spacing of its own.
_MARKER = re.compile(rf"\d+\.{NUMBER_GAP}|{BULLET}")

stats = {"lines": 0, "ragged": 0}  # justified lines and those left ragged, since the process started (measuring)


def justify_lines(pages) -> None:
    """Letter-space the lines of every .justify block (and of the blocks inside one) of the laid-out pages, each after
    its compressed marks got their width back (clreq.py). A paragraph's last line, and the lines of a centred or
    right-aligned block inside one, only get their marks back. A block that runs on to the next page has its last
    line on this page justified too."""
    waiting = None  # the last block of the previous page, whose last line waits to know whether it is the last
    for page in pages:
        blocks: list = []
        _justified_blocks(page._page_box, False, blocks)
        if waiting is not None:
            runs_on = bool(blocks) and blocks[0][0].element is waiting[0].element
            _justify_line(waiting[0], waiting[0].children[-1], waiting[1], spread=runs_on)
        waiting = None
        for index, (block, align) in enumerate(blocks):
            lines = block.children
            for line in lines[:-1]:
                _justify_line(block, line, align, spread=align == "left")
            if index == len(blocks) - 1 and align == "left":
                waiting = (block, align)
            else:
                _justify_line(block, lines[-1], align, spread=False)
    if waiting is not None:
        _justify_line(waiting[0], waiting[0].children[-1], waiting[1], spread=False)


def _justified_blocks(box, justified: bool, out: list) -> None:
    """(block container of lines inside a .justify element, its alignment: left, center or right), in order."""
    from weasyprint.formatting_structure.boxes import BlockContainerBox, LineBox

    element = own_element(box)
    if element is not None:
        justified = justified or has_class(element, "justify")
    children = getattr(box, "children", ()) or ()
    if justified and isinstance(box, BlockContainerBox) and children and isinstance(children[0], LineBox):
        align = box.style["text_align_all"]
        out.append((box, "center" if align == "center" else "right" if align in ("right", "end") else "left"))
        return
    for child in children:
        _justified_blocks(child, justified, out)


def _justify_line(block, line, align: str = "left", spread: bool = True) -> None:
    texts = [box for box in boxes(line) if hasattr(box, "text")]
    if not texts:
        return
    # A list item's marker alone in its text box (the item's text starts with bold) is left as it is; one that
    # shares its box with the text takes the spacing too, and the line starts that much further left instead.
    marker = _MARKER.match(texts[0].text)
    unspaced = texts[0] if marker and marker[0] == texts[0].text else None
    marker_length = len(marker[0]) if marker and unspaced is None else 0
    spaced = [text for text in texts if text is not unspaced]
    # Characters that take spacing after them; the line's last one ends at the right edge, its spacing past it.
    gaps = sum(len(text.text.replace(JOINER, "")) for text in spaced) - marker_length - 1
    if align == "left":
        room = block.content_box_x() + block.width - (line.position_x + line.width)
    else:
        ends = [(child.position_x, child.position_x + child.margin_width()) for child in line.children]
        room = block.width - (max(e for _, e in ends) - min(s for s, _ in ends)) if ends else 0
    if room <= 0:
        return
    # The compressed marks inside the line (not the one that ends it) get their blank half back first.
    marks = [text for text in texts[:-1] if _is_compressed_mark(text)]
    wanted = sum(HALF_EM * mark.style["font_size"] for mark in marks)
    share = min(1.0, room / wanted) if wanted else 0.0
    extra = {id(mark): HALF_EM * mark.style["font_size"] * share for mark in marks}
    left = room - sum(extra.values())
    spacing = 0.0
    if spread and gaps >= 1 and not _ends_in_break(line):
        stats["lines"] += 1
        spacing = max(0.0, left) / gaps
        if spacing > MAX_SPACING_EM * texts[0].style["font_size"]:
            stats["ragged"] += 1
            spacing = 0.0
    if not extra and not spacing:
        return
    grown = -marker_length * spacing
    for child in line.children:
        grown += _spread(child, spacing, grown, unspaced, extra)
    # The last character's spacing lies past the right edge: no part of the line's width.
    if spacing:
        for box in _last_boxes(line):
            box.width -= spacing
    grown -= spacing
    line.width += grown
    if align != "left":  # a centred or right-aligned line stays centred or right-aligned
        for child in line.children:
            child.translate(dx=-grown / (2 if align == "center" else 1))


def _is_compressed_mark(text) -> bool:
    """Is the text box a mark clreq.py wrapped in .pc (its parent inline box), set half-width?"""
    element = getattr(text, "element", None)
    return element is not None and has_class(element, "pc") and len(text.text.replace(JOINER, "")) == 1


def _ends_in_break(line) -> bool:
    """Does a forced break (<br>) end the line? WeasyPrint keeps the <br> as an empty inline box at its end."""
    return any(getattr(box, "element_tag", "") == "br" for box in _last_boxes(line))


def _last_boxes(line):
    """The line's last child, its last child, … down to a text box."""
    box = line
    while getattr(box, "children", None):
        box = box.children[-1]
        yield box


def _spread(box, spacing: float, dx: float, unspaced=None, extra=None) -> float:
    """Move `box` right by `dx` and letter-space its text by `spacing` (but `unspaced`'s), a compressed mark by its
    `extra` too; how much wider it grew."""
    from weasyprint.formatting_structure.boxes import InlineBox

    if hasattr(box, "text"):
        box.position_x += dx
        if box is unspaced:
            return 0.0
        add = (extra or {}).get(id(box), 0.0)
        style = box.style.copy()
        letter_spacing = (0 if style["letter_spacing"] == "normal" else style["letter_spacing"]) + spacing
        if id(box) in (extra or {}):
            # The mark drawn full-width again (the drawing shapes its text anew from this style), less what it may
            # not take back: a glyph of its own advance, where an added space after a half-width one would read as
            # a space between characters to a PDF reader's text extraction.
            style["font_feature_settings"] = "normal"
            letter_spacing += add - HALF_EM * style["font_size"]
        style["letter_spacing"] = letter_spacing
        box.style = style
        grown = len(box.text.replace(JOINER, "")) * (spacing + add)
        box.width += grown
        return grown
    if isinstance(box, InlineBox):  # inline markup (<strong>, a span): its text spaced, itself widened around it
        box.position_x += dx
        grown = 0.0
        for child in box.children:
            grown += _spread(child, spacing, dx + grown, unspaced, extra)
        box.width += grown
        return grown
    box.translate(dx=dx)  # an atomic inline (an image, an inline block): moved whole
    return 0.0
