"""Print documents of the products of issue #22 — 宣传手册 (booklet), 横幅 (banner), 展板 (board), 台卡 (tent) — and
what is made from their rendered PDFs afterwards (POST_PROCESS): the booklet's reader copy and its saddle-stitch
impositions (imposition.py), the banner's 1:1 CMYK TIFF.

A booklet is laid out once with three notes pages before its back cover; each of its files keeps as many of them as
bring the page count to a multiple of four (page numbers in the 目录 come before them, so they stay right).
"""

from __future__ import annotations

import dataclasses
import io
import re

from fanzha import messages
from fanzha.edition.expand import Expanded, expand_material
from fanzha.model.catalog import Catalog
from fanzha.model.formats import BANNER_SIZES, BOARD_SIZES, BOOKLET_SIZES, TENT_SHEETS
from fanzha.model.schema import BannerSize, CustomSize
from fanzha.pdf.documents import PrintDoc, common_context, md_html, referenced_slogans, sections
from fanzha.pdf.imposition import spread_scale
from fanzha.pdf.layout.fonts import advance_em
from fanzha.pdf.layout.page import BLEED_MM, SLUG_MM, PageSpec
from fanzha.problems import Problems

NOTES_PAGES = 3  # the most a booklet needs to reach a multiple of four
# Where each booklet size is imposed: two pages to a side of a landscape sheet. Office printers take A4 (an A5
# booklet is then scaled to leave room for the marks); print shops take A3, where an A5 spread fits at full size (an
# A6 spread fits A4 at full size, marks and all).
BOOKLET_SHEETS = {"A5": {"a4": (297, 210), "a3": (420, 297)}, "A6": {"a4": (297, 210)}}
SHEET_NAMES = {"a4": messages.PDF_A4_LANDSCAPE, "a3": messages.PDF_A3_LANDSCAPE}
# The parts of a scam type a booklet or board prints, and the headings it gives them: how it goes, red flags, what
# to do.
SCAM_PARTS = messages.PDF_SCAM_PART_HEADINGS
BOOKLET_SCAM_PARTS = tuple(SCAM_PARTS)

# A cloth banner: grommets (扣眼) go in about 3 cm from the edge and the hem folds over; text keeps clear of both.
BANNER_EDGE_MM = 60
BANNER_END_RATIO = 0.2  # at each end a fifth of the height more, where the banner is tied
BANNER_MIN_TEXT_RATIO = 0.4  # characters at least 40 % of the banner's height, to be read from across a street
BANNER_MAX_TEXT_RATIO = 0.62
BANNER_SCALE = 10  # the PDF at 1:10: a PDF page is at most 200 in (5.08 m) long
BANNER_TIFF_DPI = 45  # what 喷绘 shops take for cloth (FACTS.md: 11–45 dpi)
# The banner's two inks (C, M, Y, K from 0 to 1): the red of print.css (--red) and white text (no ink). They are
# given to the template here so that the PDF and the TIFF cannot disagree.
BANNER_CLOTH = (0.0, 1.0, 1.0, 0.1)
BANNER_TEXT = (0.0, 0.0, 0.0, 0.0)


def banner_layout(size_mm: tuple[float, float], line: str) -> dict[str, float]:
    """Where the line goes on a banner (real mm): the text box, the font size that fills it, and the smallest the
    font may be."""
    w, h = size_mm
    side = BANNER_EDGE_MM + h * BANNER_END_RATIO
    box_w, box_h = w - 2 * side, h - 2 * BANNER_EDGE_MM
    # bold, as banner.css sets it; a little room for rounding
    em = max(advance_em(line, "sans-bold") if line else 0.0, 1.0) * 1.02
    return {"side": side, "edge": BANNER_EDGE_MM, "box_w": box_w, "box_h": box_h,
            "font": min(h * BANNER_MAX_TEXT_RATIO, box_h * 0.95, box_w / em), "min_font": h * BANNER_MIN_TEXT_RATIO,
            "max_em": box_w / (h * BANNER_MIN_TEXT_RATIO)}


def banner_size(size) -> tuple[tuple[float, float], str]:
    if isinstance(size, BannerSize):
        return (size.width_mm, size.height_mm), f"{size.height_mm / 1000:g}×{size.width_mm / 1000:g} m"
    return BANNER_SIZES[size], f"{size} m"


def banner_docs(expanded: Expanded, catalog: Catalog, problems: Problems) -> list[PrintDoc] | None:
    material = expanded.material
    meta = material.meta
    source = material.source
    if bool(meta.text) == bool(meta.slogan):
        both = messages.PDF_BANNER_BOTH_WRITTEN if meta.text else ""
        problems.add(material.path, source.line_of("text") if meta.text else 1,
                     messages.PDF_BANNER_TEXT_OR_SLOGAN.format(both=both))
        return None
    if meta.slogan:
        found = referenced_slogans([meta.slogan], expanded, catalog, problems)
        if len(found) != 1:
            problems.add(material.path, source.line_of("slogan"),
                         messages.PDF_BANNER_SLOGAN_NOT_ONE.format(slogan=meta.slogan))
            return None
        line = found[0]
    else:
        line = expanded.fields.get("text", "")
    if "\n" in line.strip():
        problems.add(material.path, source.line_of("text"), messages.PDF_BANNER_LINE_BREAK)
        return None
    (w, h), name = banner_size(meta.size)
    layout = banner_layout((w, h), line)
    if layout["font"] < layout["min_font"]:
        problems.add(material.path, source.line_of("slogan" if meta.slogan else "text"),
                     messages.PDF_BANNER_TEXT_TOO_SMALL.format(
                         line=line, ems=advance_em(line, "sans-bold"), size=name, char_cm=layout["font"] / 10,
                         min_ratio=BANNER_MIN_TEXT_RATIO, max_chars=int(layout["max_em"])))
        return None
    context = common_context(expanded, catalog)
    context.update(line=line, cloth="device-cmyk(%g %g %g %g)" % BANNER_CLOTH,
                   ink="device-cmyk(%g %g %g %g)" % BANNER_TEXT,
                   layout={k: v / BANNER_SCALE for k, v in layout.items() if k != "max_em"})
    page = PageSpec(w / BANNER_SCALE, h / BANNER_SCALE)
    pdf = PrintDoc(expanded, "banner.html.j2", page, 1, messages.PDF_PAPER_BANNER,
                   messages.PDF_SIZE_BANNER_PDF.format(size=name), context,
                   expect_pages=1, fixed=True, scale=BANNER_SCALE)
    tiff = dataclasses.replace(pdf, variant="tiff", post="banner-tiff", suffix=".tif",
                               size_name=messages.PDF_SIZE_BANNER_TIFF.format(size=name, dpi=BANNER_TIFF_DPI),
                               warnings=[])
    return [pdf, tiff]


def booklet_docs(expanded: Expanded, catalog: Catalog, problems: Problems) -> list[PrintDoc] | None:
    material = expanded.material
    meta = material.meta
    edition = expanded.edition
    context = common_context(expanded, catalog)
    quiet = Problems(catalog.root)  # the scam types' and letters' own problems are reported with them
    scams, letters = [], []
    for scam_id in meta.scam_types:
        scam = catalog.materials.get(scam_id)
        scam_expanded = expand_material(scam, edition, quiet) if scam is not None else None
        if scam_expanded is None:
            continue
        parts = {p["heading"]: p for p in sections(scam_expanded.body, scam.source.body_line)}
        scams.append({"id": scam_id, "title": scam_expanded.fields.get("title") or scam.meta.title,
                      "summary": scam_expanded.fields.get("summary", ""),
                      "parts": [(SCAM_PARTS[h], parts[h]["html"]) for h in BOOKLET_SCAM_PARTS if h in parts]})
    for letter_id in meta.letters:
        letter = catalog.materials.get(letter_id)
        if letter is None or letter.kind != "letter":
            problems.add(material.path, material.source.line_of("letters"),
                         messages.PDF_BOOKLET_LETTER_UNKNOWN.format(id=letter_id))
            continue
        letter_expanded = expand_material(letter, edition, quiet)
        points = key_points(letter_expanded.body) if letter_expanded else []
        if points:
            letters.append({"title": letter_expanded.fields.get("title") or letter.meta.title,
                            "html": md_html("\n".join(f"- {p}" for p in points))})
    body = [s for s in sections(expanded.body, material.source.body_line)]
    if not scams and not body:
        problems.add(material.path, material.source.body_line, messages.PDF_BOOKLET_EMPTY)
        return None
    w, h = BOOKLET_SIZES[meta.format]
    context.update(subtitle=expanded.fields.get("subtitle") or meta.subtitle, year=edition.meta.date.year,
                   sections=body, scams=scams, letters=letters, notes_pages=NOTES_PAGES, small=meta.format == "A6",
                   format=meta.format)
    page = PageSpec(w, h, BLEED_MM, 0.0)
    reader = PrintDoc(expanded, "booklet.html.j2", page, 2, messages.PDF_PAPER_BOOKLET,
                      messages.PDF_SIZE_BOOKLET_READER.format(format=meta.format), context, post="booklet-reader")
    docs = [reader]
    for variant, sheet in BOOKLET_SHEETS[meta.format].items():
        scale = spread_scale((w, h), BLEED_MM, sheet)
        docs.append(dataclasses.replace(
            reader, variant=f"imposed-{variant}", post="booklet-imposed", output_page=PageSpec(*sheet),
            paper=messages.PDF_PAPER_BOOKLET_IMPOSED.format(sheet=SHEET_NAMES[variant]), warnings=[],
            size_name=messages.PDF_SIZE_BOOKLET_IMPOSED.format(
                format=meta.format, sheet=SHEET_NAMES[variant],
                scaled=messages.PDF_SIZE_BOOKLET_SCALED.format(scale=scale) if scale < 1 else "")))
    return docs


def key_points(body: str) -> list[str]:
    """The items of a letter's first numbered list: the points it makes."""
    points, started = [], False
    for line in body.split("\n"):
        match = re.match(r"^\d+\.\s+(.+)$", line.strip())
        if match:
            points.append(match[1])
            started = True
        elif started and line.strip():
            break
    return points


def board_doc(expanded: Expanded, catalog: Catalog, problems: Problems) -> PrintDoc | None:
    material = expanded.material
    meta = material.meta
    context = common_context(expanded, catalog)
    panels = [s for s in sections(expanded.body, material.source.body_line) if s["heading"]]
    intro = next((s["html"] for s in sections(expanded.body, material.source.body_line) if not s["heading"]), "")
    if meta.scam_type:
        scam = catalog.materials.get(meta.scam_type)
        scam_expanded = expand_material(scam, expanded.edition, Problems(catalog.root)) if scam is not None else None
        if scam_expanded is None:
            problems.add(material.path, material.source.line_of("scam_type"),
                         messages.PDF_BOARD_SCAM_UNKNOWN.format(scam_type=meta.scam_type))
            return None
        parts = {p["heading"]: p for p in sections(scam_expanded.body, scam.source.body_line)}
        panels = [{"heading": SCAM_PARTS[h], "html": parts[h]["html"]} for h in BOOKLET_SCAM_PARTS
                  if h in parts] + panels
        intro = intro or md_html(scam_expanded.fields.get("summary", ""))
    if not panels:
        problems.add(material.path, material.source.body_line, messages.PDF_BOARD_EMPTY)
        return None
    if isinstance(meta.size, CustomSize):
        w, h = meta.size.width_mm, meta.size.height_mm
    else:
        w, h = BOARD_SIZES[meta.size]
    context.update(headline=expanded.fields.get("headline") or context["title"], intro=intro, panels=panels[:4])
    page = PageSpec(w, h, BLEED_MM, SLUG_MM)
    return PrintDoc(expanded, "board.html.j2", page, 1, messages.PDF_PAPER_KT_BOARD,
                    messages.PDF_SIZE_BOARD.format(w=w / 10, h=h / 10), context, expect_pages=1, fixed=True)


def tent_doc(expanded: Expanded, catalog: Catalog, problems: Problems) -> PrintDoc | None:
    material = expanded.material
    meta = material.meta
    faces = [s for s in sections(expanded.body, material.source.body_line)]
    if not 1 <= len(faces) <= 2 or not all(f["heading"] for f in faces):
        problems.add(material.path, material.source.body_line, messages.PDF_TENT_FACES.format(count=len(faces)))
        return None
    context = common_context(expanded, catalog)
    context.update(faces=faces if len(faces) == 2 else faces * 2)
    w, h = TENT_SHEETS[meta.format]
    return PrintDoc(expanded, "tent.html.j2", PageSpec(w, h), 1, messages.PDF_PAPER_TENT,
                    messages.PDF_SIZE_TENT.format(format=meta.format, w=w, h=h / 2), context, expect_pages=1,
                    fixed=True)


PRODUCT_BUILDERS = {"booklet": booklet_docs, "banner": banner_docs, "board": board_doc, "tent": tent_doc}


def post_process(doc: PrintDoc, pdf: bytes, preview: bytes) -> tuple[bytes, bytes, int, list[str]]:
    """The finished file made from the rendered PDF: its bytes, preview, page count and preflight findings."""
    return POST_PROCESS[doc.post](doc, pdf, preview)


def booklet_pages(pdf: bytes) -> list[int]:
    """The pages of a booklet's layout to keep: all but the notes pages a multiple of four does not need (the
    layout's last pages are NOTES_PAGES notes pages and the back cover)."""
    from pypdf import PdfReader

    count = len(PdfReader(io.BytesIO(pdf)).pages)
    content = count - NOTES_PAGES - 1
    notes = -(content + 1) % 4
    return list(range(content + notes)) + [count - 1]


def _booklet_reader(doc: PrintDoc, pdf: bytes, preview: bytes):
    from fanzha.pdf.imposition import select_pages
    from fanzha.pdf.preflight import preflight

    keep = booklet_pages(pdf)
    out = select_pages(pdf, keep, crop_to_trim=True)
    checks = preflight(doc, out) + _multiple_of_four(len(keep))
    return out, preview, len(keep), checks


def _booklet_imposed(doc: PrintDoc, pdf: bytes, preview: bytes):
    from fanzha.pdf.imposition import impose, select_pages
    from fanzha.pdf.layout.preview import first_page_png
    from fanzha.pdf.preflight import preflight

    keep = booklet_pages(pdf)
    sheet = doc.output_page
    out, _ = impose(select_pages(pdf, keep), (sheet.trim_w, sheet.trim_h), doc.material.meta.creep_mm)
    checks = preflight(dataclasses.replace(doc, page=sheet), out)
    return out, first_page_png(out), len(keep) // 2, checks + _multiple_of_four(len(keep))


def _multiple_of_four(pages: int) -> list[str]:
    return [] if pages % 4 == 0 else [messages.PDF_PREFLIGHT_NOT_MULTIPLE_OF_FOUR.format(pages=pages)]


def _banner_tiff(doc: PrintDoc, pdf: bytes, preview: bytes):
    tiff = banner_tiff(pdf, BANNER_TIFF_DPI, doc.scale)
    return tiff, preview, 1, tiff_preflight(tiff, (doc.page.trim_w * doc.scale, doc.page.trim_h * doc.scale),
                                            BANNER_TIFF_DPI)


POST_PROCESS = {"booklet-reader": _booklet_reader, "booklet-imposed": _booklet_imposed, "banner-tiff": _banner_tiff}


def tiff_pixels(size_mm: tuple[float, float], dpi: int) -> tuple[int, int]:
    return tuple(round(v / 25.4 * dpi) for v in size_mm)  # type: ignore[return-value]


def banner_tiff(pdf: bytes, dpi: int, scale: float, cloth: tuple[float, ...] = BANNER_CLOTH,
                text: tuple[float, ...] = BANNER_TEXT) -> bytes:
    """The 1:`scale` banner PDF at full size and `dpi`, in CMYK with the banner's own two inks, exactly. A renderer
    gives RGB, and RGB has no way back to the CMYK it came from; but a banner is its cloth colour and its text
    colour: the render says how much of the text colour covers each pixel (antialiased edges included), and the
    TIFF mixes the two CMYK colours by that much."""
    import pypdfium2 as pdfium
    from PIL import Image

    document = pdfium.PdfDocument(pdf)
    try:
        page = document[0]
        width_pt, height_pt = page.get_size()
        px = tiff_pixels((width_pt / 72 * 25.4 * scale, height_pt / 72 * 25.4 * scale), dpi)
        rgb = page.render(scale=px[0] / width_pt).to_pil().convert("RGB")
    finally:
        document.close()
    text_rgb = _rendered_rgb(text)
    if rgb.size != px:
        rgb = rgb.resize(px)
    cloth_rgb = rgb.getpixel((0, 0))  # the edges are cloth: text keeps BANNER_EDGE_MM away
    channel = max(range(3), key=lambda i: abs(text_rgb[i] - cloth_rgb[i]))
    low, high = cloth_rgb[channel], text_rgb[channel]
    coverage = rgb.getchannel(channel).point(
        lambda v: max(0, min(255, round((v - low) * 255 / (high - low)))) if high != low else 0)
    inks = [tuple(round(v * 255) for v in colour) for colour in (text, cloth)]
    mixed = Image.composite(Image.new("CMYK", px, inks[0]), Image.new("CMYK", px, inks[1]), coverage)
    out = io.BytesIO()
    mixed.save(out, format="TIFF", compression="tiff_lzw", dpi=(dpi, dpi))
    return out.getvalue()


def _rendered_rgb(cmyk: tuple[float, ...]) -> tuple[int, int, int]:
    """The RGB the renderer gives a CMYK colour: a page filled with it, rendered."""
    import pypdfium2 as pdfium
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(2, 2)
    stream = DecodedStreamObject()
    stream.set_data(("%g %g %g %g k 0 0 2 2 re f" % cmyk).encode())
    page[NameObject("/Contents")] = writer._add_object(stream)
    buffer = io.BytesIO()
    writer.write(buffer)
    document = pdfium.PdfDocument(buffer.getvalue())
    try:
        return document[0].render(scale=1).to_pil().convert("RGB").getpixel((1, 1))
    finally:
        document.close()


def tiff_preflight(tiff: bytes, size_mm: tuple[float, float], dpi: int) -> list[str]:
    from PIL import Image

    problems = []
    with Image.open(io.BytesIO(tiff)) as image:
        want = tiff_pixels(size_mm, dpi)
        if image.mode != "CMYK":
            problems.append(messages.PDF_PREFLIGHT_TIFF_MODE.format(mode=image.mode))
        if image.size != want:
            problems.append(messages.PDF_PREFLIGHT_TIFF_SIZE.format(w=image.size[0], h=image.size[1], w_mm=size_mm[0],
                                                                    h_mm=size_mm[1], dpi=dpi, want_w=want[0],
                                                                    want_h=want[1]))
        got = image.info.get("dpi", (0, 0))
        if round(float(got[0])) != dpi:
            problems.append(messages.PDF_PREFLIGHT_TIFF_DPI.format(got=float(got[0]), dpi=dpi))
    return problems
