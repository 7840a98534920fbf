"""The print colour space: the CMYK profile every print PDF names as its PDF/X output intent, and RGB images
converted to it before layout (WeasyPrint embeds an image in the colour space it comes in).

The profile travels with the layouts (fanzha/templates/print/print-cmyk.icc, its licence beside it): base.html.j2
declares it as the profile of device-cmyk, and typeset.py hands it to WeasyPrint with the stylesheets."""

from __future__ import annotations

import functools
import io
from pathlib import Path

PROFILE_NAME = "print-cmyk.icc"
PROFILE = Path(__file__).resolve().parent.parent / "templates" / "print" / PROFILE_NAME
JPEG_QUALITY = 95


@functools.cache
def _rgb_to_cmyk():
    from PIL import ImageCms

    return ImageCms.buildTransform(ImageCms.createProfile("sRGB"), ImageCms.getOpenProfile(str(PROFILE)),
                                   "RGB", "CMYK", renderingIntent=ImageCms.Intent.PERCEPTUAL)


def print_image(data: bytes) -> tuple[bytes, str]:
    """An image's bytes as they go into a print document, and their MIME subtype: CMYK stays as it is; RGB, grey and
    palette images are laid on white (a PDF/X-1a page has no transparency, and white is no ink) and converted to the
    print profile, written as a CMYK JPEG at high quality without chroma subsampling (WeasyPrint embeds a JPEG as it
    is, and loads no CMYK TIFF), without the profile, which the PDF's output intent already names."""
    from PIL import Image, ImageCms

    with Image.open(io.BytesIO(data)) as image:
        kind = (image.format or "png").lower()
        if image.mode == "CMYK":
            return data, kind
        image.load()
        rgba = image.convert("RGBA")
    flat = Image.new("RGB", rgba.size, (255, 255, 255))
    flat.paste(rgba, mask=rgba.getchannel("A"))
    cmyk = ImageCms.applyTransform(flat, _rgb_to_cmyk())
    out = io.BytesIO()
    cmyk.save(out, format="JPEG", quality=JPEG_QUALITY, subsampling=0, icc_profile=None)
    return out.getvalue(), "jpeg"
