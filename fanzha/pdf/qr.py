"""How large a QR code is printed, and how it is measured back from the rendered page (preflight).

A code is read from about ten times its width, and a piece is read from further away the larger it is: a tenth of
the piece's short side, at least 20 mm from A5 up (an A4 sheet 21 mm, an A3 poster 30 mm, a 易拉宝 80 mm); a
hand-held card (short side under A5's) takes 14 mm, read at arm's length or closer."""

from __future__ import annotations

from dataclasses import dataclass

from fanzha.pdf.layout.page import PT_PER_MM

# The layouts that print a code (m.qr in _macros.html.j2) when the material has a page to point at.
QR_TEMPLATES = frozenset({"handout.html.j2", "trifold.html.j2", "card.html.j2", "poster-list.html.j2",
                          "poster-hero.html.j2"})
MIN_MM = 20.0
HAND_HELD_MM = 14.0
HAND_HELD_BELOW_MM = 148.0  # the short side of A5
QUIET_MODULES = 4  # ISO/IEC 18004's light margin
FINDER_MODULES = 7  # a finder pattern's width, the code's corner squares


def qr_code_mm(trim_w: float, trim_h: float) -> float:
    short = min(trim_w, trim_h)
    if short < HAND_HELD_BELOW_MM:
        return HAND_HELD_MM
    return max(MIN_MM, round(short / 10, 1))


@dataclass
class MeasuredCode:
    size_mm: float  # the dark modules' extent
    module_mm: float
    quiet_clear: bool  # no ink or text within QUIET_MODULES modules of the code
    box_px: tuple[int, int, int, int] | None = None  # the code in the rendered image (left, top, right, bottom)


DARK = 128  # luminance below which a pixel is ink for the code (black modules; also a red or a dark background)
PX_PER_MODULE = 6


def measure_codes(pdf: bytes, page_index: int = 0) -> list[MeasuredCode]:
    """The QR codes of a page as printed: each path of many segments with a square outline (segno draws the dark
    modules as one stroked path) is rendered with a margin, and its dark extent, module width and the ink around it
    are read from the pixels."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    out = []
    document = pdfium.PdfDocument(pdf)
    try:
        page = document[page_index]
        page_w, page_h = page.get_size()
        text = page.get_textpage()
        chars = [text.get_charbox(i) for i in range(text.count_chars()) if text.get_text_range(i, 1).strip()]
        for obj in page.get_objects(max_depth=8):
            if obj.type != raw.FPDF_PAGEOBJ_PATH or raw.FPDFPath_CountSegments(obj) < 40:
                continue
            left, bottom, right, top = obj.get_bounds()
            if obj.level:  # inside a form: bounds are in its space; the bundled layouts draw codes on the page
                continue
            width, height = right - left, top - bottom
            if width < 3 * PT_PER_MM or not 0.85 < width / height < 1.18:
                continue
            # TypesetDocument with room for the quiet zone round it (a code of 21 modules has the widest one relative to
            # its size).
            margin = width * (QUIET_MODULES + 2) / 21
            scale = PX_PER_MODULE * 21 / width * 2
            crop = (max(0, left - margin), max(0, bottom - margin), max(0, page_w - right - margin),
                    max(0, page_h - top - margin))
            image = page.render(scale=scale, crop=crop).to_pil().convert("L")
            code = _read_code(image, scale * PT_PER_MM)
            # Text under the code's light square is hidden, not clear of it: any character inside the quiet zone.
            if code.box_px is not None and code.quiet_clear:
                x0, y_top = crop[0], page_h - crop[3]
                box_left, box_top, box_right, box_bottom = code.box_px
                quiet = QUIET_MODULES * code.module_mm * PT_PER_MM
                zone = (x0 + box_left / scale - quiet, y_top - box_bottom / scale - quiet,
                        x0 + box_right / scale + quiet, y_top - box_top / scale + quiet)
                code.quiet_clear = not any(_overlaps(box, zone) for box in chars)
            out.append(code)
    finally:
        document.close()
    return out


def _read_code(image, px_per_mm: float) -> MeasuredCode:
    """The code's dark extent (its finder patterns mark three corners), its module from the top-left finder's width,
    and whether the band QUIET_MODULES wide round it holds no dark pixel."""
    ink = image.point(lambda v: 255 if v < DARK else 0)
    # The code: the dark area around the image's centre, found as the bounding box of the dark pixels within the
    # dark path's own outline (the render's centre part), grown to the finder patterns.
    w, h = image.size
    inner = ink.crop((w // 6, h // 6, w - w // 6, h - h // 6)).getbbox()
    if inner is None:
        return MeasuredCode(0.0, 0.0, False)
    left, top, right, bottom = inner[0] + w // 6, inner[1] + h // 6, inner[2] + w // 6, inner[3] + h // 6
    pixels = ink.load()
    # A row just inside the top edge, whose first pixels may be partly covered (anti-aliased) at either end.
    row = min(top + 2, bottom - 1)
    start = next((x for x in range(left, min(left + 4, right)) if pixels[x, row]), left)
    run = 0
    while start + run < right and pixels[start + run, row]:
        run += 1
    module = run / FINDER_MODULES
    quiet = round(QUIET_MODULES * module)
    band = ink.crop((left - quiet, top - quiet, right + quiet, bottom + quiet))  # beyond the image: no ink
    band.paste(0, (quiet, quiet, quiet + right - left, quiet + bottom - top))
    clear = band.getbbox() is None
    return MeasuredCode((right - left) / px_per_mm, module / px_per_mm, clear, (left, top, right, bottom))


def _overlaps(a, b) -> bool:
    """Do two boxes (left, bottom, right, top) overlap?"""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
