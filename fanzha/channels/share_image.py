"""The 长图 for 朋友圈 and groups: a print layout (templates/channels/share-image.html.j2) on a page 1080 px wide and
as tall as the longest picture may be, rendered by WeasyPrint, rasterised with pypdfium2 and cut off below the
layout's last box — tall as needed."""

from __future__ import annotations

import io

from fanzha import messages
from fanzha.edition import Expanded
from fanzha.model import Catalog
from fanzha.edition.script import converter_for
from fanzha.pdf.documents import common_context, edition_text, sections
from fanzha.pdf.layout.page import PageSpec

WIDTH_PX = 1080
WIDTH_MM = 100  # the layout's width: 10.8 px a millimetre, body text of 4 mm is 43 px
PAGE = PageSpec(WIDTH_MM, 1600)  # longer than any layout: what is below the last box is cut off
# For a scam type the picture shows how to tell and what to do; the whole text is on the page its QR code opens.


def context(item: Expanded, catalog: Catalog) -> dict:
    data = common_context(item, catalog)
    material = item.material
    parts = sections(item.body, material.source.body_line)
    if material.kind == "scam":
        wanted = {edition_text(item, heading) for heading in messages.CHANNELS_SHARE_IMAGE_SECTIONS}  # 識別要點
        parts = [p for p in parts if p["heading"] in wanted]
    data.update(sections=parts, salutation=item.fields.get("salutation", ""),
                signed_lines=[line for line in (item.fields.get("signed") or "").split("\n") if line.strip()])
    return data


def html(item: Expanded, catalog: Catalog) -> str:
    from fanzha.channels.layouts import layout_html

    return layout_html("share-image.html.j2", PAGE, context(item, catalog), converter_for(item.edition))


def raster(pdf: bytes) -> tuple[bytes, int]:
    """The first page as a PNG WIDTH_PX wide, cut below the layout (the page is white there): bytes and height."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageChops

    document = pdfium.PdfDocument(pdf)
    try:
        page = document[0]
        scale = WIDTH_PX / page.get_width()
        image = page.render(scale=scale).to_pil().convert("RGB")
    finally:
        document.close()
    box = ImageChops.difference(image, Image.new("RGB", image.size, "white")).getbbox()
    bottom = min(box[3] if box else image.height, image.height)
    # Flat colour and text: a 128-colour palette looks the same and is a third of the bytes (as pdf/preview.py).
    image = image.crop((0, 0, WIDTH_PX, bottom)).quantize(colors=128, method=Image.Quantize.MEDIANCUT,
                                                           dither=Image.Dither.NONE)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue(), bottom
