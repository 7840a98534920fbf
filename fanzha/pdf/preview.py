"""PNG of the first page (the finished size, without bleed and marks) for the site."""

from __future__ import annotations

import io

A4_LONG_PT = 297 * 72 / 25.4
MAX_LONG_PX = 1600
DPI = 150


def first_page_png(pdf: bytes) -> bytes:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        page = document[0]
        media = page.get_mediabox()
        trim = page.get_trimbox()
        width, height = trim[2] - trim[0], trim[3] - trim[1]
        scale = DPI / 72
        long_side = max(width, height)
        if long_side * scale > MAX_LONG_PX:
            scale = MAX_LONG_PX / long_side
        crop = (trim[0] - media[0], trim[1] - media[1], media[2] - trim[2], media[3] - trim[3])
        bitmap = page.render(scale=scale, crop=crop)
        image = bitmap.to_pil().convert("RGB")
    finally:
        document.close()
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
