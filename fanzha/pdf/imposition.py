"""Saddle-stitch imposition on pypdf (BSD): a booklet's single pages, two to a side of a landscape sheet, in the order
that, printed on both sides (flipped on the short edge), stacked, folded once and stapled, reads page 1 to the end.

    saddle_order(pages) -> [((front_left, front_right), (back_left, back_right)), ...]   outermost sheet first
    impose(reader_pdf, sheet_mm, creep_mm) -> (pdf bytes, scale)

Each page is placed by its TrimBox, clipped to its bleed on the outer sides and to the fold at the spine; crop marks
sit at the trim corners of the spread, fold marks on the fold line, both outside the bleed, in registration colour.
Creep: paper folded around the inner sheets pushes them out at the fore edge; their pages move towards the spine,
the innermost sheet by `creep_mm`, the others in proportion.
"""

from __future__ import annotations

import io

from fanzha.pdf.layout.page import PT_PER_MM

MARK_LENGTH_MM = 5.0
MARK_GAP_MM = 2.0  # between the bleed edge and where a mark starts, so marks never touch the artwork
MARKS_ROOM_MM = MARK_GAP_MM + MARK_LENGTH_MM + 1.0


def saddle_order(pages: int) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """1-based page numbers of each sheet's front and back (left, right), the outermost sheet first."""
    if pages <= 0 or pages % 4:
        raise ValueError(f"a saddle-stitched booklet has a multiple of four pages, not {pages}")
    return [((pages - 2 * s, 1 + 2 * s), (2 + 2 * s, pages - 1 - 2 * s)) for s in range(pages // 4)]


def spread_scale(page_mm: tuple[float, float], bleed_mm: float, sheet_mm: tuple[float, float]) -> float:
    """The scale two pages side by side, with their bleed and the marks around them, take to fit the sheet (at most
    1: a smaller spread is centred at full size)."""
    room = 2 * (MARKS_ROOM_MM + bleed_mm)
    return min(1.0, (sheet_mm[0] - room) / (2 * page_mm[0]), (sheet_mm[1] - room) / page_mm[1])


def impose(reader_pdf: bytes, sheet_mm: tuple[float, float], creep_mm: float = 0.0) -> tuple[bytes, float]:
    """The imposed PDF on sheets of `sheet_mm` (landscape), and the scale the pages were placed at: 1, or less where
    a spread with its bleed and marks does not fit the sheet (an A5 booklet on A4)."""
    from pypdf import PdfReader, PdfWriter, Transformation
    from pypdf.generic import ArrayObject, DecodedStreamObject, FloatObject, NameObject, RectangleObject

    reader = PdfReader(io.BytesIO(reader_pdf))
    count = len(reader.pages)
    order = saddle_order(count)
    first = reader.pages[0]
    trim, bleed_box = first.trimbox, first.bleedbox
    tw, th = float(trim.width), float(trim.height)
    bleed = float(trim.left) - float(bleed_box.left)
    sheet_w, sheet_h = (v * PT_PER_MM for v in sheet_mm)
    scale = spread_scale((tw / PT_PER_MM, th / PT_PER_MM), bleed / PT_PER_MM, sheet_mm)
    fold_x = sheet_w / 2
    bottom = (sheet_h - th * scale) / 2
    sheets = len(order)

    writer = PdfWriter()
    writer.add_metadata(reader.metadata or {})
    for index, sides in enumerate(order):
        shift = creep_mm * PT_PER_MM * (index / (sheets - 1) if sheets > 1 else 0.0)
        for left_number, right_number in sides:
            sheet = writer.add_blank_page(sheet_w, sheet_h)
            marks = DecodedStreamObject()
            marks.set_data(_marks(fold_x, bottom, tw * scale, th * scale, bleed * scale))
            sheet[NameObject("/Contents")] = writer._add_object(marks)
            for number, on_left in ((left_number, True), (right_number, False)):
                page = reader.pages[number - 1]
                t = page.trimbox
                b = page.bleedbox
                # What shows of the page: its bleed outside, the trim edge at the spine less the creep it moves by.
                spine = float(t.right) - shift / scale if on_left else float(t.left) + shift / scale
                clip = ([float(b.left), float(b.bottom), spine, float(b.top)] if on_left
                        else [spine, float(b.bottom), float(b.right), float(b.top)])
                page.cropbox = RectangleObject(clip)
                x = fold_x - tw * scale + shift if on_left else fold_x - shift
                placed = (Transformation().translate(-float(t.left), -float(t.bottom)).scale(scale, scale)
                          .translate(x, bottom))
                sheet.merge_transformed_page(page, placed, over=True, expand=False)
            box = ArrayObject([FloatObject(0), FloatObject(0), FloatObject(sheet_w), FloatObject(sheet_h)])
            for name in ("/TrimBox", "/BleedBox", "/CropBox"):
                sheet[NameObject(name)] = box
    writer.compress_identical_objects()
    for page in writer.pages:
        page.compress_content_streams()
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), scale


def _marks(fold_x: float, bottom: float, page_w: float, page_h: float, bleed: float) -> bytes:
    """Crop marks at the spread's four trim corners and fold marks (dashed) above and below the fold, all starting
    MARK_GAP_MM outside the bleed, in registration colour (all four inks)."""
    gap, length = MARK_GAP_MM * PT_PER_MM + bleed, MARK_LENGTH_MM * PT_PER_MM
    left, right, top = fold_x - page_w, fold_x + page_w, bottom + page_h
    lines = []
    for x in (left, right):
        for y, direction in ((bottom, -1), (top, 1)):
            lines.append((x, y + direction * gap, x, y + direction * (gap + length)))  # vertical, beyond the trim
            side = -1 if x == left else 1
            lines.append((x + side * gap, y, x + side * (gap + length), y))  # horizontal
    folds = [(fold_x, bottom - gap, fold_x, bottom - gap - length), (fold_x, top + gap, fold_x, top + gap + length)]
    ops = ["q", "1 1 1 1 K", "0.3 w"]
    ops += [f"{x1:.3f} {y1:.3f} m {x2:.3f} {y2:.3f} l S" for x1, y1, x2, y2 in lines]
    ops += ["[2 2] 0 d"] + [f"{x1:.3f} {y1:.3f} m {x2:.3f} {y2:.3f} l S" for x1, y1, x2, y2 in folds]
    ops.append("Q")
    return "\n".join(ops).encode()


def select_pages(pdf: bytes, keep: list[int], crop_to_trim: bool = False) -> bytes:
    """The PDF with only the pages `keep` (0-based, in that order); `crop_to_trim` shows a screen reader the
    finished page without bleed (CropBox = TrimBox)."""
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(io.BytesIO(pdf))
    writer = PdfWriter()
    writer.add_metadata(reader.metadata or {})
    for index in keep:
        page = writer.add_page(reader.pages[index])
        if crop_to_trim:
            page.cropbox = page.trimbox
    writer.compress_identical_objects()
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
