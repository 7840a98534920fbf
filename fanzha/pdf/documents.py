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

from fanzha.edition.expand import Expanded, edition_context, render
from fanzha.edition.sanitize import clean_xhtml
from fanzha.model.catalog import Catalog, Material, image_path
from fanzha.model.formats import HANDOUT_SIZES, POSTER_SIZES
from fanzha.model.schema import CustomSize
from fanzha.pdf.layout.fonts import EQUIVALENTS
from fanzha.pdf.layout.page import BLEED_MM, SLUG_MM, PageSpec
from fanzha.problems import Problems
from fanzha.text.cjk import space_html

PRINT_KINDS = ("letter", "poster", "handout", "form", "stickers")
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
    fixed: bool = False  # a fixed-size layout (poster, card, sticker): text that does not fit is an error, not a warning
    html: str = ""  # the document's print HTML, made once (pdf.print_documents)
    variant: str = ""  # one of several files of a material, e.g. a sticker sheet's "cut-guides"

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
    XHTML, for render.well_formed_tree."""
    return markdown.Markdown(extensions=["extra", "sane_lists"], output_format="xhtml")


def md_html(text: str) -> Markup:
    for old, new in EQUIVALENTS.items():
        text = text.replace(old, new)
    html = clean_xhtml(_markdown().reset().convert(text))  # the allowlist, whatever the checks let through
    return Markup(space_html(html))


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
    site_url = meta.site_url
    qr = ""
    url = material.meta.qr  # checked against the edition's allowed domains by lint
    if site_url and not url:
        url = f"{site_url}/{material.kind}/{material.id}/"
    if url:
        qr = qr_data_uri(url)
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
        "body_html": md_html(expanded.body),
        # The unit's emblem, printed at the head of its letters (edition `logo`, relative to the edition file).
        "logo": image_data(edition.path.parent / meta.logo, meta.logo) if meta.logo else None,
    }


def qr_data_uri(url: str) -> str:
    """The QR code as an SVG data URI, its modules in black ink alone, as all text (print.css: --ink). segno takes
    only RGB colours: its black is swapped for the CMYK one in the SVG it writes (and its lines given no fill, which
    would set an RGB fill colour in the PDF)."""
    import io
    from urllib.parse import quote

    import segno

    svg = io.BytesIO()
    segno.make(url, error="m").save(svg, kind="svg", xmldecl=False, nl=False, scale=1, border=0, dark="#000")
    text = svg.getvalue().decode("utf-8").replace('stroke="#000"', 'fill="none" stroke="device-cmyk(0 0 0 1)"', 1)
    return "data:image/svg+xml;charset=utf-8," + quote(text)


def letter_doc(expanded: Expanded, catalog: Catalog, problems: Problems) -> PrintDoc:
    meta = expanded.material.meta
    context = common_context(expanded, catalog)
    context.update(
        salutation=expanded.fields.get("salutation", ""),
        signed_lines=[line for line in (expanded.fields.get("signed") or "").split("\n") if line.strip()],
        large_print=meta.large_print,
        receipt=({"statement": expanded.receipt_statement, "fields": list(meta.receipt.fields)}
                 if meta.receipt else None),
    )
    return PrintDoc(expanded, "letter.html.j2", PageSpec(210, 297), 1, "80克双胶纸（普通复印纸即可）", "A4", context)


def handout_doc(expanded: Expanded, catalog: Catalog, problems: Problems) -> PrintDoc | None:
    meta = expanded.material.meta
    material = expanded.material
    context = common_context(expanded, catalog)
    parts = sections(expanded.body, material.source.body_line)
    context["sections"] = parts
    context["large_print"] = meta.large_print
    fmt = meta.format
    w, h = HANDOUT_SIZES[fmt]
    if fmt == "三折页":
        panels = [p for p in parts if p["heading"]]
        if len(panels) != 6 or len(parts) != 6:
            problems.add(material.path, material.source.body_line,
                         f"三折页需要正好 6 个 `##` 小标题（6 栏），现在有 {len(panels)} 个"
                         + ("，且第一个小标题前还有文字" if len(parts) != len(panels) else ""),
                         "按折叠顺序写 6 个 `## 小标题`：封面、内页三栏、内折页、封底（顺序见 fanzha/templates/print/trifold.html.j2）")
            return None
        # Folding order of a roll fold (A4 landscape, printed both sides): outside = panels 5, 6, 1 (inside flap,
        # back, cover), inside = 2, 3, 4. The flap (5, and 4 behind it) is 3 mm narrower so it folds in cleanly.
        context["outside"] = [(panels[4], 97), (panels[5], 100), (panels[0], 100)]
        context["inside"] = [(panels[1], 100), (panels[2], 100), (panels[3], 97)]
        return PrintDoc(expanded, "trifold.html.j2", PageSpec(w, h), 2, "157克铜版纸（双面印刷，两次对折）",
                        "三折页（A4 横向）", context, expect_pages=2, fixed=True)
    if fmt == "名片卡":
        if len(parts) != meta.sides:
            problems.add(material.path, material.source.body_line,
                         f"名片卡是{'双' if meta.sides == 2 else '单'}面的，需要 {meta.sides} 个 `##` 小标题（每面一个），"
                         f"现在有 {len(parts)} 段", "每一面写成一个 `## 小标题` 加几行文字")
            return None
        page = PageSpec(w, h, BLEED_MM, SLUG_MM)
        return PrintDoc(expanded, "card.html.j2", page, meta.sides, "300克铜版纸，双面覆哑膜",
                        f"名片卡 {w:g}×{h:g} mm", context, expect_pages=meta.sides, fixed=True)
    paper = "157克铜版纸" if meta.sides == 2 else "105克铜版纸（或80克双胶纸）"
    return PrintDoc(expanded, "handout.html.j2", PageSpec(w, h), meta.sides, paper,
                    f"{fmt} {'双' if meta.sides == 2 else '单'}面", context, max_pages=meta.sides)


def poster_doc(expanded: Expanded, catalog: Catalog, problems: Problems) -> PrintDoc:
    meta = expanded.material.meta
    material = expanded.material
    context = common_context(expanded, catalog)
    if isinstance(meta.size, CustomSize):
        w, h = meta.size.width_mm, meta.size.height_mm
        size_name = f"自定义 {w:g}×{h:g} mm"
    else:
        w, h = POSTER_SIZES[meta.size]
        size_name = meta.size if meta.size in ("A3", "A2") else f"{meta.size} {w / 10:g}×{h / 10:g} cm"
    area = w * h / 1e6
    if w * h <= 420 * 594 + 1:
        paper = "157克铜版纸"
    elif isinstance(meta.size, str) and meta.size == "展板":
        paper = "KT板（写真裱板）"
    else:
        paper = "户外写真布" if area >= 0.9 else "PP背胶写真纸"
    scams = []
    for scam_id in meta.scam_types:
        scam = catalog.materials.get(scam_id)
        if scam is not None:
            scams.append({"title": _short_scam_title(scam.meta.title), "tip": scam.meta.summary})
    context.update(
        headline=expanded.fields.get("headline", ""),
        subhead=expanded.fields.get("subhead", ""),
        scams=scams,
        slogans=referenced_slogans(meta.slogans, expanded, catalog, problems),
        layout=meta.layout,
        image=image_context(material) if meta.image else None,
    )
    page = PageSpec(w, h, BLEED_MM, SLUG_MM)
    return PrintDoc(expanded, f"poster-{meta.layout}.html.j2", page, 1, paper, size_name, context, expect_pages=1,
                    fixed=True)


def image_context(material: Material) -> dict[str, Any] | None:
    return image_data(image_path(material), material.meta.image)


def image_data(path: Path, name: str) -> dict[str, Any] | None:
    """The image travels inside the HTML (a data: URI), so the render needs no file and the cache key covers it.
    None for an image the catalog has already reported as missing or unreadable."""
    from PIL import Image, UnidentifiedImageError

    try:
        data = path.read_bytes()
        with Image.open(path) as image:
            size, kind = image.size, image.format
    except (OSError, UnidentifiedImageError, Image.DecompressionBombError):
        return None
    uri = f"data:image/{kind.lower()};base64,{base64.b64encode(data).decode()}"
    return {"uri": uri, "name": name, "px": list(size)}


def _short_scam_title(title: str) -> str:
    return title[:-3] if title.endswith("类诈骗") else title


def referenced_slogans(refs: list[str], expanded: Expanded, catalog: Catalog, problems: Problems) -> list[str]:
    context = edition_context(expanded.edition)
    out = []
    for ref in refs:
        found = [catalog.slogan(ref)] if "/" in ref else [s for s in catalog.slogans if s.collection == ref]
        for slogan in found:
            if slogan is None:
                continue
            owner = catalog.materials.get(slogan.collection)
            text = render(slogan.text, context, owner.path if owner else "", slogan.line, problems)
            if text:
                out.append(text)
    return out


def form_doc(expanded: Expanded, catalog: Catalog, problems: Problems) -> PrintDoc:
    meta = expanded.material.meta
    context = common_context(expanded, catalog)
    landscape = meta.orientation == "landscape"
    context.update(header_fields=list(meta.header_fields), columns=list(meta.columns), rows=meta.rows,
                   footer_fields=list(meta.footer_fields), landscape=landscape)
    page = PageSpec(297, 210) if landscape else PageSpec(210, 297)
    return PrintDoc(expanded, "form.html.j2", page, 1, "80克双胶纸（普通复印纸即可）",
                    "A4 横向" if landscape else "A4", context)


# Each returns a PrintDoc, or None when the material has problems. Sticker sheets (three files each, their text
# fitted by laying it out) are made by stickers.sticker_sheet_docs.
BUILDERS = {"letter": letter_doc, "handout": handout_doc, "poster": poster_doc, "form": form_doc}
