"""Checks on the finished PDF, read back with pypdf: boxes, fonts, colours, page count, text inside the safe area."""

from __future__ import annotations

import io
import re

from fanzha.pdf.documents import PrintDoc
from fanzha.pdf.layout.page import PT_PER_MM, SAFE_MM

TOLERANCE_MM = 0.1


def preflight(doc: PrintDoc, pdf: bytes) -> list[str]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    problems: list[str] = []
    page = doc.page
    if doc.expect_pages and len(reader.pages) != doc.expect_pages:
        problems.append(f"页数为 {len(reader.pages)}，应为 {doc.expect_pages}")
    if doc.max_pages and len(reader.pages) > doc.max_pages:
        problems.append(f"页数为 {len(reader.pages)}，超过 {doc.max_pages} 面")
    for number, pdf_page in enumerate(reader.pages, start=1):
        trim = _size_mm(pdf_page.trimbox)
        bleed = _size_mm(pdf_page.bleedbox)
        want_trim = (page.trim_w, page.trim_h)
        want_bleed = (page.trim_w + 2 * page.bleed, page.trim_h + 2 * page.bleed)
        if not _close(trim, want_trim):
            problems.append(f"第{number}页 TrimBox {trim[0]:.2f}×{trim[1]:.2f} mm，应为 {want_trim[0]:g}×{want_trim[1]:g} mm")
        if not _close(bleed, want_bleed):
            problems.append(f"第{number}页 BleedBox {bleed[0]:.2f}×{bleed[1]:.2f} mm，应为 {want_bleed[0]:g}×{want_bleed[1]:g} mm")
        inset_t = [float(a) - float(b) for a, b in zip(pdf_page.trimbox.lower_left, pdf_page.bleedbox.lower_left)]
        if any(abs(v / PT_PER_MM - page.bleed) > TOLERANCE_MM for v in inset_t):
            problems.append(f"第{number}页出血不是每边 {page.bleed:g} mm")
        for name, issue in font_issues(pdf_page):
            problems.append(f"第{number}页字体 {name}：{issue}")
        if draws_in_rgb(pdf_page):
            problems.append(f"第{number}页有 RGB 颜色：印刷时会被转成四色，黑字会变成四色叠印的黑"
                            "（版式 CSS 里请用 print.css 开头的四色颜色）")
    if page.bleed:
        problems += text_outside_safe_area(pdf, SAFE_MM)
    return sorted(set(problems), key=problems.index)


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
                issues.append((name, "是 Type 3 字体"))
                continue
            descriptor = font.get("/FontDescriptor")
            if subtype == "/Type0":
                descendant = font["/DescendantFonts"][0].get_object()
                descriptor = descendant.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else None
            if descriptor is None or not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                issues.append((name, "没有嵌入"))
            if len(name) < 8 or name[7] != "+" or not name[1:7].isupper():
                issues.append((name, "不是子集字体"))
            elif not name[8:].startswith("FZ-"):
                issues.append((name, "不是本项目的字体（系统后备字体），说明有字符不在印刷字体里"))
    return issues


_RGB_OPERATOR = re.compile(rb"(?<![A-Za-z/])(?:rg|RG)(?![A-Za-z])")


def draws_in_rgb(pdf_page) -> bool:
    """Does the page, or a form or pattern it draws, set an RGB colour (the rg and RG operators)? The print colours
    are CMYK (print.css); an RGB one is a colour the printer's software converts, its black into four inks. Images
    are not looked at: a unit's logo may be RGB."""
    return any(stream is not None and _RGB_OPERATOR.search(stream.get_data())
               for stream, _ in drawn_streams(pdf_page))


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
                l, b, r, t = text_page.get_charbox(i)
                if l < left + inset or r > right - inset or b < bottom + inset or t > top - inset:
                    bad.append(char)
            if bad:
                out.append(f"第{index + 1}页有 {len(bad)} 个字离裁切线不足 {safe_mm:g} mm（如“{''.join(bad[:6])}”）")
    finally:
        document.close()
    return out
