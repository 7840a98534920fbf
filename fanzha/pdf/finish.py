"""The last touches on the PDF WeasyPrint writes, in its finisher: the print boxes, smaller fonts, and bookmarks
without the justification spaces.

- TrimBox and BleedBox from the page spec; the MediaBox around them holds the slug where the crop marks are.
- Fonts. About 85% of a letter's bytes are glyph outlines, which nothing here can shrink; these steps take off most
  of the rest:
  - each font is embedded as its bare CFF program (FontFile3 /CIDFontType0C) instead of a whole OpenType file
    (FontFile3 /OpenType): the PDF takes widths from /W and Unicode from /ToUnicode, so the font's cmap, hmtx, name
    and OS/2 tables are never read. Bare CFF is also the form every print RIP knows, back to PDF 1.3;
  - /W lists only widths other than 1000, the default width (DW) of a CIDFont: most Chinese glyphs are 1000 wide.
    /DW 1000 is written out all the same: pypdf does not know the default and would measure the text wrong;
  - /ToUnicode is sorted by glyph (it compresses better).
- Bookmarks (PDF outlines) lose the zero-width spaces fanzha/pdf/cjk.py puts between Chinese characters for 两端对齐:
  they read 致家长的一封信, not 致 家 长 的 一 封 信.
"""

from __future__ import annotations

import re
import struct

from .cjk import unspace_text
from .documents import PageSpec
from .preflight import PT_PER_MM

CIDFONT_DEFAULT_WIDTH = 1000  # PDF 32000-1 9.7.4.3: DW, when absent
_CMAP_ENTRY = re.compile(rb"<([0-9a-f]+)> <([0-9a-f]+)>")
_PER_BLOCK = 100  # a CMap's bfchar block holds at most 100 entries


def finish(pdf, page: PageSpec) -> None:
    """`pdf`: the pydyf document a WeasyPrint finisher receives, before it is written."""
    import pydyf

    trim_off = (page.slug + page.bleed) * PT_PER_MM
    bleed_off = page.slug * PT_PER_MM
    for number in pdf.pages["Kids"][::3]:
        page_dict = pdf.objects[number]
        left, top, right, bottom = (float(v) for v in page_dict["MediaBox"])
        page_dict["TrimBox"] = _box(left + trim_off, top + trim_off, right - trim_off, bottom - trim_off)
        page_dict["BleedBox"] = _box(left + bleed_off, top + bleed_off, right - bleed_off, bottom - bleed_off)

    for item in pdf.objects:
        if isinstance(item, pydyf.Stream):
            if item.extra.get("Subtype") == "/OpenType":
                item.stream = [_cff_table(b"".join(item.stream))]
                item.extra["Subtype"] = "/CIDFontType0C"
            elif item.stream and item.stream[0] == b"/CIDInit /ProcSet findresource begin":
                item.stream = _to_unicode(item.stream)
        elif isinstance(item, pydyf.Dictionary) and item.get("Subtype") in ("/CIDFontType0", "/CIDFontType2"):
            if "W" in item and "DW" not in item:
                item["W"] = _widths(item["W"])
                item["DW"] = CIDFONT_DEFAULT_WIDTH
        elif isinstance(item, pydyf.Dictionary) and "Dest" in item and isinstance(item.get("Title"), pydyf.String):
            item["Title"] = pydyf.String(unspace_text(item["Title"].string))


def _box(*values):
    import pydyf

    return pydyf.Array([round(v, 4) for v in values])


def _cff_table(font: bytes) -> bytes:
    """The CFF table of an OpenType font. Sound only because fonts.subset_font gives the CFF an identity charset: a
    PDF finds a glyph of a CID-keyed CFF by its CID, and WeasyPrint writes glyph ids."""
    # The sfnt table directory: a 12-byte header, then 16 bytes per table (tag, checksum, offset, length).
    (count,) = struct.unpack_from(">H", font, 4)
    for index in range(count):
        tag, _, offset, length = struct.unpack_from(">4sIII", font, 12 + 16 * index)
        if tag == b"CFF ":
            return font[offset:offset + length]
    raise ValueError("an OpenType font without a CFF table")


def _widths(array):
    """A /W array without the glyphs of the default width, as runs `first [w1 w2 …]` of consecutive glyphs."""
    import pydyf

    widths = {}
    items = list(array)
    for first, run in zip(items[::2], items[1::2]):
        for offset, width in enumerate(run):
            widths[first + offset] = width
    out = pydyf.Array()
    previous = None
    for glyph in sorted(widths):
        if widths[glyph] == CIDFONT_DEFAULT_WIDTH:
            continue
        if previous is None or glyph != previous + 1:
            out.append(glyph)
            out.append(pydyf.Array())
        out[-1].append(widths[glyph])
        previous = glyph
    return out


def _to_unicode(chunks: list[bytes]) -> list[bytes]:
    """WeasyPrint's ToUnicode CMap, its entries sorted by glyph."""
    blocks = [i for i, chunk in enumerate(chunks) if chunk.endswith(b"beginbfchar") or chunk == b"endbfchar"]
    if not blocks:
        return chunks
    first, last = blocks[0], blocks[-1]
    entries = sorted((int(m[1], 16), m[1], m[2]) for chunk in chunks[first:last] if (m := _CMAP_ENTRY.fullmatch(chunk)))
    body = []
    for start in range(0, len(entries), _PER_BLOCK):
        block = entries[start:start + _PER_BLOCK]
        body.append(f"{len(block)} beginbfchar".encode())
        body += [b"<%s> <%s>" % (glyph, text) for _, glyph, text in block]
        body.append(b"endbfchar")
    return chunks[:first] + body + chunks[last + 1:]
