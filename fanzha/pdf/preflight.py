"""Checks on the finished PDF, read back with pypdf: boxes, fonts, colours, page count, text inside the safe area."""

from __future__ import annotations

import io
import re

from fanzha import messages
from fanzha.pdf.documents import PrintDoc
from fanzha.pdf.layout.page import BLEED_MM, PT_PER_MM, SAFE_MM
from fanzha.pdf.qr import QR_TEMPLATES, QUIET_MODULES, measure_codes, qr_code_mm

TOLERANCE_MM = 0.1


def preflight(doc: PrintDoc, pdf: bytes) -> list[str]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    problems: list[str] = []
    page = doc.page
    if doc.expect_pages and len(reader.pages) != doc.expect_pages:
        problems.append(messages.PDF_PREFLIGHT_PAGE_COUNT.format(pages=len(reader.pages), expected=doc.expect_pages))
    if doc.max_pages and len(reader.pages) > doc.max_pages:
        problems.append(messages.PDF_PREFLIGHT_TOO_MANY_PAGES.format(pages=len(reader.pages), limit=doc.max_pages))
    for number, pdf_page in enumerate(reader.pages, start=1):
        trim = _size_mm(pdf_page.trimbox)
        bleed = _size_mm(pdf_page.bleedbox)
        want_trim = (page.trim_w, page.trim_h)
        want_bleed = (page.trim_w + 2 * page.bleed, page.trim_h + 2 * page.bleed)
        if not _close(trim, want_trim):
            problems.append(messages.PDF_PREFLIGHT_TRIM_BOX.format(page=number, w=trim[0], h=trim[1],
                                                                   want_w=want_trim[0], want_h=want_trim[1]))
        if not _close(bleed, want_bleed):
            problems.append(messages.PDF_PREFLIGHT_BLEED_BOX.format(page=number, w=bleed[0], h=bleed[1],
                                                                    want_w=want_bleed[0], want_h=want_bleed[1]))
        inset_t = [float(a) - float(b) for a, b in zip(pdf_page.trimbox.lower_left, pdf_page.bleedbox.lower_left)]
        if any(abs(v / PT_PER_MM - page.bleed) > TOLERANCE_MM for v in inset_t):
            problems.append(messages.PDF_PREFLIGHT_BLEED_UNEVEN.format(page=number, bleed=page.bleed))
        for name, issue in font_issues(pdf_page):
            problems.append(messages.PDF_PREFLIGHT_FONT.format(page=number, name=name, issue=issue))
        if rgb_images(pdf_page):
            problems.append(messages.PDF_PREFLIGHT_RGB_IMAGE.format(page=number))
        if draws_in_rgb(pdf_page):
            problems.append(messages.PDF_PREFLIGHT_RGB_COLOUR.format(page=number))
    if page.bleed:
        problems += text_outside_safe_area(pdf, SAFE_MM)
    # A sheet's cut-guide copy draws the die line in the CutContour separation, never printed, and its alignment
    # page the die line as outlines: lines on the trim, not artwork; the sheet itself is checked for bleed.
    if doc.material.kind == "stickers" and not page.bleed and doc.variant != "cut-guides":
        problems += sheet_edge_problems(pdf, SHEET_EDGE_MM)
    elif not doc.variant and doc.material.kind not in HEMMED:
        problems += bleed_problems(pdf, page.bleed)
    if doc.context.get("qr") and doc.template in QR_TEMPLATES:
        problems += qr_problems(pdf, len(reader.pages), qr_code_mm(page.trim_w, page.trim_h))
    return sorted(set(problems), key=problems.index)


QR_TOLERANCE_MM = 0.5


def qr_problems(pdf: bytes, pages: int, want_mm: float) -> list[str]:
    """The QR code measured on the rendered pages: printed at all, at least `want_mm` across, its quiet zone clear."""
    out, found = [], 0
    for index in range(pages):
        for code in measure_codes(pdf, index):
            found += 1
            if code.size_mm < want_mm - QR_TOLERANCE_MM:
                out.append(messages.PDF_PREFLIGHT_QR_TOO_SMALL.format(page=index + 1, size=code.size_mm, want=want_mm))
            if not code.quiet_clear:
                out.append(messages.PDF_PREFLIGHT_QR_QUIET_ZONE.format(page=index + 1, modules=QUIET_MODULES,
                                                                       mm=QUIET_MODULES * code.module_mm))
    if not found:
        out.append(messages.PDF_PREFLIGHT_QR_MISSING)
    return out


def _size_mm(box) -> tuple[float, float]:
    return float(box.width) / PT_PER_MM, float(box.height) / PT_PER_MM


def _close(a, b) -> bool:
    return all(abs(x - y) <= TOLERANCE_MM for x, y in zip(a, b))


def drawn_streams(pdf_page):
    """(content stream, its resources) of the page and of every form XObject and tiling pattern it draws, theirs too,
    each once. A stream is None for a page without contents; resources may be None."""
    seen = set()

    def visit(stream, resources):
        resources = resources.get_object() if resources is not None else None
        yield stream, resources
        for kind in ("/XObject", "/Pattern"):
            children = resources.get(kind) if resources is not None else None
            for _, ref in (children.get_object().items() if children is not None else ()):
                child = ref.get_object()
                if id(child) not in seen and (child.get("/Subtype") == "/Form" or child.get("/PatternType") == 1):
                    seen.add(id(child))
                    yield from visit(child, child.get("/Resources"))

    yield from visit(pdf_page.get_contents(), pdf_page.get("/Resources"))


def font_issues(pdf_page) -> list[tuple[str, str]]:
    """Every font embedded and subset, none of Type 3; looks into forms and patterns too."""
    issues = []
    seen = set()
    for _, resources in drawn_streams(pdf_page):
        fonts = resources.get("/Font") if resources is not None else None
        for _, ref in (fonts.get_object().items() if fonts is not None else ()):
            font = ref.get_object()
            name = str(font.get("/BaseFont", "?"))
            if id(font) in seen:
                continue
            seen.add(id(font))
            subtype = font.get("/Subtype")
            if subtype == "/Type3":
                issues.append((name, messages.PDF_FONT_TYPE3))
                continue
            descriptor = font.get("/FontDescriptor")
            if subtype == "/Type0":
                descendant = font["/DescendantFonts"][0].get_object()
                descriptor = descendant.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else None
            if descriptor is None or not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                issues.append((name, messages.PDF_FONT_NOT_EMBEDDED))
            if len(name) < 8 or name[7] != "+" or not name[1:7].isupper():
                issues.append((name, messages.PDF_FONT_NOT_SUBSET))
            elif not name[8:].startswith("FZ-"):
                issues.append((name, messages.PDF_FONT_FALLBACK))
    return issues


_RGB_OPERATOR = re.compile(rb"(?<![A-Za-z/])(?:rg|RG)(?![A-Za-z])")


def draws_in_rgb(pdf_page) -> bool:
    """Does the page, or a form or pattern it draws, set an RGB colour (the rg and RG operators)? The print colours
    are CMYK (print.css); an RGB one is a colour the printer's software converts, its black into four inks. Images
    are not looked at: a unit's logo may be RGB."""
    return any(stream is not None and _RGB_OPERATOR.search(stream.get_data())
               for stream, _ in drawn_streams(pdf_page))


def rgb_images(pdf_page) -> list[str]:
    """Names of the images the page (or a form it draws) embeds in an RGB colour space."""
    out = []
    for _, resources in drawn_streams(pdf_page):
        objects = resources.get("/XObject") if resources is not None else None
        for name, ref in (objects.get_object().items() if objects is not None else ()):
            image = ref.get_object()
            if image.get("/Subtype") != "/Image":
                continue
            space = image.get("/ColorSpace")
            space = space.get_object() if space is not None else None
            if space == "/DeviceRGB" or (isinstance(space, list) and space and space[0] == "/ICCBased"
                                         and space[1].get_object().get("/N") == 3):
                out.append(str(name))
    return out


def text_outside_safe_area(pdf: bytes, safe_mm: float) -> list[str]:
    """Every drawn character of a bleed product lies at least `safe_mm` inside the TrimBox."""
    import pypdfium2 as pdfium

    out = []
    document = pdfium.PdfDocument(pdf)
    try:
        for index in range(len(document)):
            page = document[index]
            left, bottom, right, top = page.get_trimbox()
            inset = safe_mm * PT_PER_MM - TOLERANCE_MM * PT_PER_MM
            text_page = page.get_textpage()
            bad = []
            for i in range(text_page.count_chars()):
                char = text_page.get_text_range(i, 1)
                if not char.strip():
                    continue
                char_left, char_bottom, char_right, char_top = text_page.get_charbox(i)
                if (char_left < left + inset or char_right > right - inset
                        or char_bottom < bottom + inset or char_top > top - inset):
                    bad.append(char)
            if bad:
                out.append(messages.PDF_PREFLIGHT_TEXT_NEAR_TRIM.format(page=index + 1, count=len(bad), safe=safe_mm,
                                                                        sample="".join(bad[:6])))
    finally:
        document.close()
    return out


HEMMED = {"banner"}  # cloth is hemmed and grommeted, not cut: its colour runs to the edge on purpose
SHEET_EDGE_MM = 5.0  # an office printer prints nothing this close to the paper's edge (A4 sticker sheets)
EDGE_MM = 0.5  # ink this close to the trim is artwork meant to run off it (text keeps SAFE_MM away)
EDGE_PX_PER_MM = 4
PAPER = 250  # a channel below this is ink: the lightest print colour (--cream) has its blue at 242


def bleed_problems(pdf: bytes, bleed_mm: float) -> list[str]:
    """Artwork that meets the trim, found on the rendered page: ink within EDGE_MM of a trim edge needs a bleed
    (without one, the cut shows a white line wherever the knife drifts), and with a bleed it must run on to the
    bleed box's edge."""
    out = []
    for number, side, inked, unbled in edge_ink(pdf, bleed_mm):
        if not inked:
            continue
        if not bleed_mm:
            out.append(messages.PDF_PREFLIGHT_INK_WITHOUT_BLEED.format(page=number, side=side, edge=EDGE_MM,
                                                                       bleed=BLEED_MM))
        elif unbled > inked * 0.02:
            out.append(messages.PDF_PREFLIGHT_BLEED_NOT_FILLED.format(page=number, side=side, bleed=bleed_mm))
    return out


def sheet_edge_problems(pdf: bytes, margin_mm: float) -> list[str]:
    """Ink within `margin_mm` of the edge of a sheet that an office printer prints (A4 label sheets)."""
    return [messages.PDF_PREFLIGHT_SHEET_EDGE.format(page=number, side=side, margin=margin_mm)
            for number, side, inked, _ in edge_ink(pdf, 0, margin_mm) if inked]


def edge_ink(pdf: bytes, bleed_mm: float, edge_mm: float = EDGE_MM) -> list[tuple[int, str, int, int]]:
    """(page number, side, how many pixels along the edge have ink within EDGE_MM inside the trim, how many of those
    have none at the bleed box's outer edge) for each side of each page, rendered at EDGE_PX_PER_MM."""
    import pypdfium2 as pdfium

    scale = EDGE_PX_PER_MM / PT_PER_MM
    band_px = max(1, round(edge_mm * EDGE_PX_PER_MM))
    out = []
    document = pdfium.PdfDocument(pdf)
    try:
        for index in range(len(document)):
            page = document[index]
            ml, mb, mr, mt = page.get_cropbox()  # what pdfium renders, the crop relative to it
            tl, tb, tr, tt = page.get_trimbox()
            bl, bb, br, bt = tl - bleed_mm * PT_PER_MM, tb - bleed_mm * PT_PER_MM, tr + bleed_mm * PT_PER_MM, \
                tt + bleed_mm * PT_PER_MM
            # Each strip from the bleed box's edge to EDGE_MM inside the trim, as (x0, y0, x1, y1) in PDF points,
            # and how to turn its image so the bleed edge is the top row.
            edge = edge_mm * PT_PER_MM
            top, bottom, left, right = messages.PDF_EDGE_SIDES
            strips = {top: ((bl, tt - edge, br, bt), None), bottom: ((bl, bb, br, tb + edge), "flip"),
                      left: ((bl, bb, tl + edge, bt), "left"), right: ((tr - edge, bb, br, bt), "right")}
            for side, ((x0, y0, x1, y1), turn) in strips.items():
                crop = (max(0.0, x0 - ml), max(0.0, y0 - mb), max(0.0, mr - x1), max(0.0, mt - y1))
                image = page.render(scale=scale, crop=crop).to_pil().convert("RGB")
                out.append((index + 1, side, *_edge_counts(image, turn, band_px)))
    finally:
        document.close()
    return out


def _edge_counts(image, turn, band_px: int) -> tuple[int, int]:
    from PIL import Image, ImageChops

    if turn == "flip":
        image = image.transpose(Image.Transpose.FLIP_TOP_BOTTOM)
    elif turn == "left":
        image = image.transpose(Image.Transpose.ROTATE_270)
    elif turn == "right":
        image = image.transpose(Image.Transpose.ROTATE_90)
    red, green, blue = image.split()
    ink = ImageChops.darker(ImageChops.darker(red, green), blue).point(lambda v: 255 if v < PAPER else 0)
    width, height = ink.size
    inner = ink.crop((0, max(0, height - band_px), width, height))
    outer = ink.crop((0, 0, width, min(band_px, height)))
    # Per column: any ink in the band (a 1-pixel-high image of column maxima).
    inner_cols = inner.resize((width, 1), Image.Resampling.BOX).point(lambda v: 255 if v else 0)
    outer_cols = outer.resize((width, 1), Image.Resampling.BOX).point(lambda v: 255 if v else 0)
    inked = sum(1 for v in inner_cols.tobytes() if v)
    unbled = sum(1 for a, b in zip(inner_cols.tobytes(), outer_cols.tobytes()) if a and not b)
    return inked, unbled
