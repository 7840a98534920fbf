"""Small WebP thumbnails of the print previews, for the print centre and the download blocks.

A full preview is about 700×1000 px; a phone list of forty of them would load megabytes. The thumbnail is what the
list shows (lazy), and a tap opens the full preview.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

# Shown about 96 px wide; twice that keeps it sharp on phone screens.
THUMB_LONG_PX = 240
QUALITY = 70
SUFFIX = ".thumb.webp"


def thumbnail_path(preview: str) -> str:
    """The thumbnail beside a preview: "default/parents.png" -> "default/parents.thumb.webp"."""
    return preview.rsplit(".", 1)[0] + SUFFIX


def make_thumbnails(previews: dict[str, Path], out_dir: Path) -> dict[str, Path]:
    """A thumbnail in `out_dir` for each preview (name in the print folder -> PNG on disk), made again only when its
    preview is newer. Returns name in the print folder -> thumbnail on disk."""
    made = {}
    for name, png in previews.items():
        thumb = out_dir / thumbnail_path(name)
        if not thumb.is_file() or thumb.stat().st_mtime_ns < png.stat().st_mtime_ns:
            thumb.parent.mkdir(parents=True, exist_ok=True)
            part = thumb.with_name(thumb.name + ".part")
            part.write_bytes(_thumbnail(png.read_bytes()))
            os.replace(part, thumb)
        made[thumbnail_path(name)] = thumb
    return made


def _thumbnail(png: bytes) -> bytes:
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        image = image.convert("RGB")
        image.thumbnail((THUMB_LONG_PX, THUMB_LONG_PX), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        image.save(out, "WEBP", quality=QUALITY, method=4)
        return out.getvalue()
