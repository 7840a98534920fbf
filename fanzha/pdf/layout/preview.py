"""PNG of the first page (the finished size, without bleed and marks) for the site."""

from __future__ import annotations

import io

# Previews are read on phones inside WeChat: 1000 px on the long side and a 128-colour palette keep an A4 preview
# near 80 KB instead of 400 KB (print material is flat colour and text, so the palette costs nothing visible).
MAX_LONG_PX = 1000
PALETTE_COLOURS = 128
DPI = 150


def first_page_png(pdf: bytes) -> bytes:
    import pypdfium2 as pdfium
    from PIL import Image

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
        image = image.quantize(colors=PALETTE_COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    finally:
        document.close()
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
