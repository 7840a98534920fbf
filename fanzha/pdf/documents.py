"""From an expanded material to a print document: which layout template, what page, and the data it shows."""

from __future__ import annotations

import base64
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import markdown
from markupsafe import Markup

from fanzha import messages
from fanzha.edition.expand import Expanded, edition_context, fill_variables
from fanzha.edition.sanitize import clean_xhtml
from fanzha.edition.script import converter_for, page_url
from fanzha.model.catalog import Catalog, Material, image_path
from fanzha.model.formats import HANDOUT_SIZES, POSTER_SIZES
from fanzha.model.schema import CustomSize
from fanzha.pdf.layout.fonts import EQUIVALENTS
from fanzha.pdf.layout.page import BLEED_MM, SLUG_MM, PageSpec
from fanzha.problems import Problems
from fanzha.text.cjk import space_html
from fanzha.text.clreq import compressible_marks

PRINT_KINDS = ("letter", "poster", "handout", "form", "stickers", "booklet", "banner", "board", "tent")
@dataclass
class PrintDoc:
    expanded: Expanded
    template: str
    page: PageSpec
    sides: int
    paper: str
    size_name: str
    context: dict[str, Any]
    expect_pages: int | None = None  # a layout that must fill exactly this many pages
    max_pages: int | None = None  # a layout that may use up to this many pages (a two-sided sheet may fill one)
    warnings: list[str] = field(default_factory=list)
    # a fixed-size layout (poster, card, sticker): text that does not fit is an error, not a warning
    fixed: bool = False
    html: str = ""  # the document's print HTML, made once (pdf.print_documents)
    variant: str = ""  # one of several files of a material, e.g. a sticker sheet's "cut-guides"
    # A file made from the rendered PDF afterwards (products.POST_PROCESS: a booklet's imposition, a banner's TIFF):
    post: str = ""
    suffix: str = ".pdf"
    output_page: PageSpec | None = None  # the finished file's page, when it is not the rendered one (an imposed sheet)
    scale: float = 1.0  # real size ÷ file size: a 10 m banner is a 1:10 PDF

    @property
    def material(self) -> Material:
        return self.expanded.material

    @property
    def file_stem(self) -> str:
        return f"{self.material.id}--{self.variant}" if self.variant else self.material.id

    @property
    def key(self) -> str:
        return f"{self.expanded.edition.id}/{self.file_stem}"


@functools.cache
def _markdown() -> markdown.Markdown:
    """One converter for every text of the process (setting up its extensions costs more than most conversions).
    XHTML, for typeset.well_formed_tree."""
    return markdown.Markdown(extensions=["extra", "sane_lists"], output_format="xhtml")


def md_html(text: str) -> Markup:
    for old, new in EQUIVALENTS.items():
        text = text.replace(old, new)
    html = clean_xhtml(_markdown().reset().convert(text))  # the allowlist, whatever the checks let through
    return compressible_marks(space_html(html))  # every body is justified (.justify in the layouts)


def sections(text: str, first_line: int) -> list[dict[str, Any]]:
    """Split a body at its `##` headings: [{heading, html, line}]; text before the first heading has heading ''."""
    out: list[dict[str, Any]] = []
    current = {"heading": "", "lines": [], "line": first_line}
    for offset, line in enumerate(text.split("\n")):
        match = re.match(r"^##\s+(.+?)\s*#*\s*$", line)
        if match:
            out.append(current)
            current = {"heading": match[1], "lines": [], "line": first_line + offset}
        else:
            current["lines"].append(line)
    out.append(current)
    result = []
    for part in out:
        body = "\n".join(part["lines"]).strip()
        if not part["heading"] and not body:
            continue
        result.append({"heading": part["heading"], "html": md_html(body), "line": part["line"]})
    return result


def common_context(expanded: Expanded, catalog: Catalog) -> dict[str, Any]:
    edition = expanded.edition
    meta = edition.meta
    material = expanded.material
    qr, modules = "", 0
    # Checked against the edition's allowed domains by lint; else the material's page in the edition's script.
    url = material.meta.qr or page_url(catalog.editions, edition, material)
    if url:
        qr, modules = qr_data_uri(url), qr_modules(url)
    return {
        "kind": material.kind,
        "id": material.id,
        "title": expanded.fields.get("title") or material.meta.title,
        "subject": material.meta.summary,
        "author": meta.unit.name,
        "unit_name": meta.unit.name,
        "date": meta.date.isoformat(),
        "date_text": expanded.fields.get("date", ""),
        "phones": {"police": meta.phones.police, "hotline": meta.phones.hotline,
                   "local": [p.model_dump() for p in meta.phones.local]},
        "url": url,
        "qr": qr,
        "qr_modules": modules,  # the image is this many modules plus the quiet zone on each side across
        "qr_quiet": QR_QUIET_MODULES,
        "body_html": md_html(expanded.body),
        # The unit's emblem, printed at the head of its letters (edition `logo`, relative to the edition file).
        "logo": image_data(edition.path.parent / meta.logo, meta.logo) if meta.logo else None,
        **script_context(edition),
    }


QR_QUIET_MODULES = 4  # ISO/IEC 18004: a light margin of four modules round the code, part of its image here


def edition_text(expanded: Expanded, text: str) -> str:
    """Text a document takes from another material (a slogan, a scam's title), as its edition prints it: in
    Traditional characters for a 繁體版, as the edition's own materials are (fanzha/edition/script.py)."""
    converter = converter_for(expanded.edition)
    return converter.text(text) if converter else text


def script_context(edition) -> dict[str, str]:
    """The document's language and the glyph forms of its fonts: a 繁體版 prints with the TC or HK faces."""
    converter = converter_for(edition)
    return {"lang": converter.lang, "glyphs": converter.glyphs} if converter else {"lang": "zh-CN", "glyphs": "SC"}


def qr_data_uri(url: str) -> str:
    """The QR code as an SVG data URI: its modules in black ink alone, as all text (print.css: --ink), on a square of
    no ink that includes the quiet zone, so the code scans on a red or cream background too. segno takes only RGB
    colours: its black and white are swapped for the CMYK ones in the SVG it writes (and its lines given no fill,
    which would set an RGB fill colour in the PDF)."""
    from urllib.parse import quote

    return "data:image/svg+xml;charset=utf-8," + quote(qr_svg(url))


def qr_svg(url: str) -> str:
    import io

    import segno

    svg = io.BytesIO()
    segno.make(url, error="m").save(svg, kind="svg", xmldecl=False, nl=False, scale=1, border=QR_QUIET_MODULES,
                                    dark="#000", light="#fff")
    text = svg.getvalue().decode("utf-8").replace('stroke="#000"', 'fill="none" stroke="device-cmyk(0 0 0 1)"', 1)
    return text.replace('fill="#fff"', 'fill="device-cmyk(0 0 0 0)"', 1)


def qr_modules(url: str) -> int:
    """Modules across the code itself, without the quiet zone."""
    import segno

    return segno.make(url, error="m").symbol_size(border=0)[0]


def letter_doc(expanded: Expanded, catalog: Catalog, problems: Problems) -> PrintDoc:
    meta = expanded.material.meta
    context = common_context(expanded, catalog)
    context.update(
        salutation=expanded.fields.get("salutation", ""),
        signed_lines=[line for line in (expanded.fields.get("signed") or "").split("\n") if line.strip()],
        large_print=meta.large_print,
        receipt=({"statement": expanded.receipt_statement, "fields": list(meta.receipt.fields),
                  "return_by": return_by(expanded.edition.meta.date, meta.receipt.return_days, meta.receipt.return_to)}
                 if meta.receipt else None),
    )
    return PrintDoc(expanded, "letter.html.j2", PageSpec(210, 297), 1, messages.PDF_PAPER_OFFICE, "A4", context)


def return_by(date, days: int, to: str) -> str:
    """The 回执's deadline, counted from the edition's date: 请于11月8日前交回班主任."""
    import datetime as dt

    due = date + dt.timedelta(days=days)
    return messages.PDF_RETURN_BY.format(month=due.month, day=due.day, to=to)


SIDE_FILLED = 0.8  # text of more than this share of one side's characters is laid out over both sides


def side_characters(page: PageSpec, font_pt: float) -> float:
    """About how many characters a handout's side holds: its text area (handout.css margins, 15 and 14 mm) in
    lines of 1.65 and characters of one em, less the title band."""
    em_mm = font_pt * 25.4 / 72
    return (page.trim_w - 30) / em_mm * (page.trim_h - 28 - 25) / (em_mm * 1.65)


HEADING_WEIGHT = 60  # a section heading, its band and margins, in characters of text
CONTACTS_WEIGHT = 120  # the contacts at the foot of the last side


def balance_sides(parts: list[dict[str, Any]], page: PageSpec, font_pt: float) -> None:
    """A two-sided sheet whose text will not fit one side starts its second side at the section that shares the
    text most evenly between the sides (by characters), instead of the second side holding what the first had no
    room for (学生防骗小手册: a side of five lines). The section gets `new_side` (handout.css)."""
    weights = [len(re.sub(r"<[^>]+>", "", str(part["html"]))) + (HEADING_WEIGHT if part["heading"] else 0)
               for part in parts]
    total = sum(weights) + CONTACTS_WEIGHT
    if len(weights) < 2 or total < SIDE_FILLED * side_characters(page, font_pt):
        return
    best = min(range(1, len(weights)), key=lambda k: abs(2 * sum(weights[:k]) - total))
    parts[best]["new_side"] = True


def handout_doc(expanded: Expanded, catalog: Catalog, problems: Problems) -> PrintDoc | None:
    meta = expanded.material.meta
    material = expanded.material
    context = common_context(expanded, catalog)
    parts = sections(expanded.body, material.source.body_line)
    context["sections"] = parts
    context["large_print"] = meta.large_print
    fmt = meta.format
    w, h = HANDOUT_SIZES[fmt]
    if fmt == messages.MODEL_SIZE_TRIFOLD:
        panels = [p for p in parts if p["heading"]]
        if len(panels) != 6 or len(parts) != 6:
            text_before = messages.PDF_TRIFOLD_TEXT_BEFORE if len(parts) != len(panels) else ""
            problems.add(material.path, material.source.body_line,
                         messages.PDF_TRIFOLD_PANELS.format(count=len(panels), text_before=text_before))
            return None
        # Folding order of a roll fold (A4 landscape, printed both sides): outside = panels 5, 6, 1 (inside flap,
        # back, cover), inside = 2, 3, 4. The flap (5, and 4 behind it) is 3 mm narrower so it folds in cleanly.
        context["outside"] = [(panels[4], 97), (panels[5], 100), (panels[0], 100)]
        context["inside"] = [(panels[1], 100), (panels[2], 100), (panels[3], 97)]
        page = PageSpec(w, h, BLEED_MM, SLUG_MM)  # the cover's red runs off the trim
        return PrintDoc(expanded, "trifold.html.j2", page, 2, messages.PDF_PAPER_TRIFOLD, messages.PDF_SIZE_TRIFOLD,
                        context, expect_pages=2, fixed=True)
    sided = messages.PDF_SIDED[2 if meta.sides == 2 else 1]
    if fmt == messages.MODEL_SIZE_CARD:
        if len(parts) != meta.sides:
            problems.add(material.path, material.source.body_line,
                         messages.PDF_CARD_SIDES.format(sided=sided, sides=meta.sides, count=len(parts)))
            return None
        page = PageSpec(w, h, BLEED_MM, SLUG_MM)
        return PrintDoc(expanded, "card.html.j2", page, meta.sides, messages.PDF_PAPER_CARD,
                        messages.PDF_SIZE_CARD.format(w=w, h=h), context, expect_pages=meta.sides, fixed=True)
    if meta.sides == 2:
        balance_sides(parts, PageSpec(w, h), 16 if meta.large_print else 11 if fmt == "A4" else 9.5)
    paper = messages.PDF_PAPER_COATED if meta.sides == 2 else messages.PDF_PAPER_HANDOUT_ONE_SIDED
    return PrintDoc(expanded, "handout.html.j2", PageSpec(w, h), meta.sides, paper,
                    messages.PDF_SIZE_HANDOUT.format(format=fmt, sided=sided), context, max_pages=meta.sides)


def poster_doc(expanded: Expanded, catalog: Catalog, problems: Problems) -> PrintDoc:
    meta = expanded.material.meta
    material = expanded.material
    context = common_context(expanded, catalog)
    if isinstance(meta.size, CustomSize):
        w, h = meta.size.width_mm, meta.size.height_mm
        size_name = messages.PDF_SIZE_CUSTOM.format(w=w, h=h)
    else:
        w, h = POSTER_SIZES[meta.size]
        size_name = meta.size if meta.size in ("A3", "A2") else f"{meta.size} {w / 10:g}×{h / 10:g} cm"
    area = w * h / 1e6
    if w * h <= 420 * 594 + 1:
        paper = messages.PDF_PAPER_COATED
    elif isinstance(meta.size, str) and meta.size == messages.MODEL_SIZE_BOARD:
        paper = messages.PDF_PAPER_KT_BOARD
    else:
        paper = messages.PDF_PAPER_OUTDOOR_CLOTH if area >= 0.9 else messages.PDF_PAPER_PP
    scams = []
    for scam_id in meta.scam_types:
        scam = catalog.materials.get(scam_id)
        if scam is not None:
            scams.append({"title": edition_text(expanded, _short_scam_title(scam.meta.title)),
                          "tip": edition_text(expanded, scam.meta.summary)})
    context.update(
        headline=expanded.fields.get("headline", ""),
        subhead=expanded.fields.get("subhead", ""),
        scams=scams,
        slogans=referenced_slogans(meta.slogans, expanded, catalog, problems),
        layout=meta.layout,
        image=image_context(material) if meta.image else None,
        # A 易拉宝's stand hides the bottom of the banner: nothing is printed there (_poster.html.j2).
        stand_hides_mm=STAND_HIDES_MM if meta.size == messages.MODEL_SIZE_ROLL_UP else 0,
    )
    page = PageSpec(w, h, BLEED_MM, SLUG_MM)
    return PrintDoc(expanded, f"poster-{meta.layout}.html.j2", page, 1, paper, size_name, context, expect_pages=1,
                    fixed=True)


STAND_HIDES_MM = 100  # the base of a roll-up banner stand


def image_context(material: Material) -> dict[str, Any] | None:
    return image_data(image_path(material), material.meta.image)


def image_data(path: Path, name: str) -> dict[str, Any] | None:
    """The image travels inside the HTML (a data: URI), so the render needs no file and the cache key covers it.
    None for an image the catalog has already reported as missing or unreadable."""
    from PIL import Image, UnidentifiedImageError

    try:
        data = path.read_bytes()
        with Image.open(path) as image:
            size = image.size
    except (OSError, UnidentifiedImageError, Image.DecompressionBombError):
        return None
    from fanzha.pdf.cmyk import print_image

    data, subtype = print_image(data)  # RGB converted to the press's CMYK before layout
    uri = f"data:image/{subtype};base64,{base64.b64encode(data).decode()}"
    return {"uri": uri, "name": name, "px": list(size)}


def _short_scam_title(title: str) -> str:
    suffix = messages.PDF_SCAM_TITLE_SUFFIX
    return title[:-len(suffix)] if title.endswith(suffix) else title


def referenced_slogans(refs: list[str], expanded: Expanded, catalog: Catalog, problems: Problems) -> list[str]:
    context = edition_context(expanded.edition)
    out = []
    for ref in refs:
        found = [catalog.slogan(ref)] if "/" in ref else [s for s in catalog.slogans if s.collection == ref]
        for slogan in found:
            if slogan is None:
                continue
            owner = catalog.materials.get(slogan.collection)
            text = fill_variables(slogan.text, context, owner.path if owner else "", slogan.line, problems)
            if text:
                out.append(edition_text(expanded, text))
    return out


_SALUTATION = re.compile(r"\A\s*([^\n#>*\-|]{1,24}[：:])[ \t]*\n\s*\n")


def split_salutation(body: str) -> tuple[str, str]:
    """(the salutation a body opens with, as 尊敬的客户：, alone on its line; the rest) or ("", body)."""
    match = _SALUTATION.match(body)
    return (match[1].strip(), body[match.end():]) if match else ("", body)


# A form's columns share its width by what is written in them: a number, a few characters (a name, a tick, a
# signature), or a line of text (an address, a remark). A long heading wraps in its cell instead of widening it.
WIDE_COLUMNS = messages.PDF_FORM_WIDE_COLUMNS
NARROW_COLUMNS = messages.PDF_FORM_NARROW_COLUMNS


def column_widths(columns: list[str]) -> list[float]:
    """Each column's share of the table's width, in percent."""
    shares = [0.8 if name in NARROW_COLUMNS else 3.0 if any(w in name for w in WIDE_COLUMNS) else 2.0
              for name in columns]
    total = sum(shares) or 1
    return [round(100 * share / total, 2) for share in shares]


def form_doc(expanded: Expanded, catalog: Catalog, problems: Problems) -> PrintDoc:
    meta = expanded.material.meta
    context = common_context(expanded, catalog)
    landscape = meta.orientation == "landscape"
    context.update(header_fields=list(meta.header_fields), columns=list(meta.columns), rows=meta.rows,
                   footer_fields=list(meta.footer_fields), landscape=landscape,
                   column_widths=column_widths(list(meta.columns)))
    salutation, rest = split_salutation(expanded.body)
    if salutation:  # a 告知单 that opens as a letter: its salutation flush left, not indented as a paragraph
        context.update(salutation=salutation, body_html=md_html(rest))
    page = PageSpec(297, 210) if landscape else PageSpec(210, 297)
    return PrintDoc(expanded, "form.html.j2", page, 1, messages.PDF_PAPER_OFFICE,
                    messages.PDF_A4_LANDSCAPE if landscape else "A4", context)


# Each returns a PrintDoc, or None when the material has problems. Sticker sheets (three files each, their text
# fitted by laying it out) are made by stickers.sticker_sheet_docs.
BUILDERS = {"letter": letter_doc, "handout": handout_doc, "poster": poster_doc, "form": form_doc}
