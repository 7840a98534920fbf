"""The last touches on the PDF WeasyPrint writes, in its finisher: the print boxes, smaller fonts, and bookmarks and
text without characters that show nothing.

- TrimBox and BleedBox from the page spec; the MediaBox around them holds the slug where the crop marks are.
- Fonts. About 85% of a letter's bytes are glyph outlines, which nothing here can shrink; these steps take off most
  of the rest:
  - each font is embedded as its bare CFF program (FontFile3 /CIDFontType0C) instead of a whole OpenType file
    (FontFile3 /OpenType): the PDF takes widths from /W and Unicode from /ToUnicode, so the font's cmap, hmtx, name
    and OS/2 tables are never read. Bare CFF is also the form every print RIP knows, back to PDF 1.3;
  - /W lists only widths other than 1000, the default width (DW) of a CIDFont: most Chinese glyphs are 1000 wide.
    /DW 1000 is written out all the same: pypdf does not know the default and would measure the text wrong;
  - /ToUnicode is sorted by glyph (it compresses better).
- Bookmarks (PDF outlines) lose the joiners fanzha/text/cjk.py puts between characters that must not part.
- The text loses the spaces that take no room: a space that is not the author's (.sp, print.css) is drawn as a space
  glyph of no advance in the print fonts (fonts.py), which every reader would extract as U+0020 (电 信, where the
  page shows 电信). Such a glyph is replaced by a TJ number of its width, so that nothing else moves
  (`_unspace_text_streams`).
"""

from __future__ import annotations

import re

from fanzha.text.cjk import unspace_text
from fanzha.pdf.layout.page import PT_PER_MM, PageSpec
from fanzha.pdf.layout.fonts import sfnt_tables

CIDFONT_DEFAULT_WIDTH = 1000  # PDF 32000-1 9.7.4.3: DW, when absent
_CMAP_ENTRY = re.compile(rb"<([0-9a-f]+)> <([0-9a-f]+)>")
_PER_BLOCK = 100  # a CMap's bfchar block holds at most 100 entries

UNSPACE_TEXT = True  # tests render with False to compare the pages pixel for pixel


def finish(pdf, page: PageSpec, identifier: bytes = b"") -> None:
    """`pdf`: the pydyf document a WeasyPrint finisher receives, before it is written; `identifier`: its /ID."""
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

    _name_subsets(pdf)
    _cut_contour_separation(pdf)
    _describe_output_intent(pdf)
    _fixed_document_id(pdf, identifier)
    if UNSPACE_TEXT:
        _unspace_text_streams(pdf)
    compress_once(pdf)


def subset_tag(program: bytes) -> str:
    """Six capital letters from the embedded font program (PDF 32000-1 9.6.4): two subsets of one face with
    different glyphs get different tags, so that a tool merging or imposing files never takes one for the other.
    WeasyPrint's tag is a hash of the face's description alone, the same in every file."""
    import hashlib

    return "".join(chr(65 + byte % 26) for byte in hashlib.sha256(program).digest()[:6])


def _name_subsets(pdf) -> None:
    """Each CID font, its descriptor and its Type 0 parent named TAG+Name with the tag of its own glyphs."""
    import pydyf

    renamed: dict[int, str] = {}  # id of a CIDFont dictionary -> its new name
    for item in pdf.objects:
        if not (isinstance(item, pydyf.Dictionary) and item.get("Subtype") in ("/CIDFontType0", "/CIDFontType2")):
            continue
        descriptor = _resolve(pdf, item.get("FontDescriptor"))
        if not isinstance(descriptor, dict):
            continue
        program = next((_resolve(pdf, descriptor[key]) for key in ("FontFile3", "FontFile2", "FontFile")
                        if key in descriptor), None)
        chunks = [_chunk_bytes(chunk) for chunk in getattr(program, "stream", None) or ()]
        if not chunks or any(chunk is None for chunk in chunks):
            continue
        old = _name_text(item.get("BaseFont"))
        if old is None:
            continue
        base = old.split("+", 1)[-1]
        new = f"/{subset_tag(b''.join(chunks))}+{base}"
        item["BaseFont"] = new
        descriptor["FontName"] = new
        renamed[id(item)] = new
    for item in pdf.objects:
        if isinstance(item, pydyf.Dictionary) and item.get("Subtype") == "/Type0":
            descendants = _resolve(pdf, item.get("DescendantFonts"))
            descendant = _resolve(pdf, descendants[0]) if descendants else None
            if id(descendant) in renamed:
                item["BaseFont"] = renamed[id(descendant)]


def _name_text(value) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    return value.lstrip("/") if isinstance(value, str) else None


# Cut guides (stickers.css, --cut-guide) are drawn in 100% magenta, a colour no other art uses; cutter software (and
# a print shop's RIP) looks for a spot colour named CutContour instead, which is never printed. Its alternate, what a
# viewer shows, stays the magenta.
CUT_GUIDE_FILL = (b"/DeviceCMYK cs", b"0 1 0 0 scn")
CUT_GUIDE_STROKE = (b"/DeviceCMYK CS", b"0 1 0 0 SCN")
CUT_CONTOUR = "CutContour"


def _cut_contour_separation(pdf) -> None:
    import pydyf

    used = False
    for item in pdf.objects:
        if isinstance(item, pydyf.Stream) and "Filter" not in item.extra and len(item.stream) > 1:
            chunks, changed = _cut_contour_chunks(item.stream)
            if changed:
                item.stream, used = chunks, True
    if not used:
        return
    tint = pydyf.Dictionary({"FunctionType": 2, "Domain": pydyf.Array([0, 1]), "N": 1,
                             "C0": pydyf.Array([0, 0, 0, 0]), "C1": pydyf.Array([0, 1, 0, 0])})
    pdf.add_object(tint)
    separation = pydyf.Array(["/Separation", f"/{CUT_CONTOUR}", "/DeviceCMYK", tint.reference])
    pdf.add_object(separation)
    for item in pdf.objects:
        # WeasyPrint's colour space dictionary, shared by every page and form: the one with its Lab spaces.
        if isinstance(item, pydyf.Dictionary) and "lab-d50" in item:
            item[CUT_CONTOUR] = separation.reference


def _cut_contour_chunks(chunks: list) -> tuple[list, bool]:
    out, changed, index = [], False, 0
    while index < len(chunks):
        pair = tuple(chunks[index:index + 2])
        if pair == CUT_GUIDE_FILL or pair == CUT_GUIDE_STROKE:
            fill = pair == CUT_GUIDE_FILL
            out += [f"/{CUT_CONTOUR} {'cs' if fill else 'CS'}".encode(), b"1 scn" if fill else b"1 SCN"]
            changed, index = True, index + 2
            continue
        out.append(chunks[index])
        index += 1
    return out, changed


def _describe_output_intent(pdf) -> None:
    """WeasyPrint names the output intent by its profile's file name; a print condition not in the ICC registry is
    named Custom (PDF/X), and described by the profile's own description."""
    import pydyf

    for intent in pdf.catalog.get("OutputIntents") or ():
        intent = _resolve(pdf, intent)
        if isinstance(intent, dict) and intent.get("S") == "/GTS_PDFX":
            intent["OutputConditionIdentifier"] = pydyf.String("Custom")
            intent["OutputCondition"] = pydyf.String(OUTPUT_CONDITION)
            intent["Info"] = pydyf.String(OUTPUT_CONDITION)


_XMP_DOCUMENT_ID = re.compile(rb"xmp\.did:[0-9a-f-]{36}")


def _fixed_document_id(pdf, identifier: bytes) -> None:
    """WeasyPrint's PDF/X metadata names the document by a random UUID: named from the PDF's identifier (the hash of
    its inputs) instead, the same inputs give the same file, byte for byte."""
    import hashlib
    import uuid

    metadata = _resolve(pdf, pdf.catalog.get("Metadata"))
    chunks = getattr(metadata, "stream", None)
    if not chunks:
        return
    name = uuid.UUID(bytes=hashlib.sha256(b"fanzha xmp " + identifier).digest()[:16], version=4)
    did = f"xmp.did:{name}".encode()
    metadata.stream = [_XMP_DOCUMENT_ID.sub(did, chunk) if isinstance(chunk, bytes) else chunk for chunk in chunks]


OUTPUT_CONDITION = "Artifex CMYK SWOP Profile (coated offset, Ghostscript default_cmyk.icc)"


PYDYF_LEVEL = 9  # the zlib level pydyf compresses streams with (pydyf.Stream.data)


def compress_once(pdf) -> None:
    """Every stream pydyf is to compress, compressed here as pydyf would, and marked as encoded already.

    pydyf compresses a stream each time it writes it out, and a PDF with an identifier is written out twice: once to
    hash all its objects for /ID, once into the file. Compressed once here, the bytes of the
    file stay the same. Last of the finishing steps: the others read the streams' chunks."""
    import zlib

    import pydyf

    for item in pdf.objects:
        if isinstance(item, pydyf.Stream) and item.compress and "Filter" not in item.extra:
            chunks = [_chunk_bytes(chunk) for chunk in item.stream]
            if any(chunk is None for chunk in chunks):
                continue
            compressor = zlib.compressobj(level=PYDYF_LEVEL)
            item.stream = [compressor.compress(b"\n".join(chunks)) + compressor.flush()]
            item.extra["Filter"] = "/FlateDecode"
            item.compress = False


def _box(*values):
    import pydyf

    return pydyf.Array([round(v, 4) for v in values])


def _cff_table(font: bytes) -> bytes:
    """The CFF table of an OpenType font. Sound only because fonts.subset_font gives the CFF an identity charset: a
    PDF finds a glyph of a CID-keyed CFF by its CID, and WeasyPrint writes glyph ids."""
    if b"CFF " not in (tables := sfnt_tables(font)):
        raise ValueError("an OpenType font without a CFF table")
    offset, length = tables[b"CFF "]
    return font[offset:offset + length]


def _widths(array):
    """A /W array without the glyphs of the default width, as runs `first [w1 w2 …]` of consecutive glyphs."""
    import pydyf

    widths = _width_map(array)
    if widths is None:
        return array
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


# Content streams: the spaces that take no room out of the text.
#
# WeasyPrint (draw/text.py, draw_first_line) writes each line of a text box as `BT`, `… Tm`, `/FONT size Tf` and
# `[…] TJ`, each operator one chunk of the pydyf stream. A space between two characters (cjk.py puts one beside a
# quotation mark as a line-break opportunity) reads, in a TJ array, `<00d6><>-10.909<0001>-10<0038>`: glyph 0001 is
# the space, of no advance in the print fonts (fonts.py), and the numbers around it (the empty string `<>` is
# Pango's empty glyph) are its spacing: its word-spacing plus the line's letter-spacing (justify.py). In TJ, a
# number n moves the pen by -n/1000 em and a glyph by its /W width, so the glyph is replaced by the number -width,
# merged with its neighbours: every other glyph stays where it was, but for the rounding of the merged numbers to 3
# decimals (0.0005/1000 em at most per space; 0.0002 pt at the end of a line of 40 characters in 11 pt).
#
# A space the author typed (.sp in print.css) advances by the width of a space (224/1000 em and more) plus the
# letter-spacing; one that takes no room by the letter-spacing alone. The split is at half the narrowest space, the
# gap from which pdfium and pypdf read a space between two glyphs anyway: in a very loose line (a narrow column in
# large type) the letter-spacing alone may reach it, and such spaces stay.

_TJ = re.compile(rb"\[(.*)\]\s*TJ", re.S)
# The items of a TJ array: a string of glyph codes, a number (before white space, a string or the end), or anything
# else, which makes the array one not to touch.
_TJ_ITEM = re.compile(rb"<([0-9A-Fa-f\s]*)>|([-+]?(?:\d+\.?\d*|\.\d+))(?=[\s<]|$)|(\S)")
_WHITE = re.compile(rb"\s")
_TF = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s+[-+]?(?:\d+\.?\d*|\.\d+)\s+Tf")
# An operator is delimited by white space or a delimiter character (a / before it makes it a name).
_TEXT_OBJECT = re.compile(rb"(?<![^\s()<>\[\]{}%])(?:BT|ET|Tf)(?![^\s()<>\[\]{}/%])")
_INLINE_IMAGE = re.compile(rb"(?<![^\s()<>\[\]{}%])BI(?![^\s()<>\[\]{}/%])")
_REFERENCE = re.compile(rb"(\d+) (\d+) R")
COLLAPSED_BELOW = 112  # thousandths of an em: a space glyph advancing less takes no room of its own


def _unspace_text_streams(pdf) -> None:
    """Every page's content stream, and the form XObjects and tiling patterns it draws, without collapsed spaces."""
    seen: set[int] = set()
    fonts: dict[int, dict[int, float] | None] = {}
    for number in pdf.pages["Kids"][::3]:
        page_dict = pdf.objects[number]
        resources = _resolve(pdf, page_dict.get("Resources"))
        contents = _resolve(pdf, page_dict.get("Contents"))
        for stream in contents if isinstance(contents, list) else [contents]:
            _unspace_stream(pdf, _resolve(pdf, stream), resources, seen, fonts)


def _resolve(pdf, value):
    """The object a reference (b"12 0 R", as pydyf writes them) points to; any other value as it is."""
    if isinstance(value, str):
        value = value.encode()
    if isinstance(value, bytes) and (match := _REFERENCE.fullmatch(value.strip())):
        number = int(match[1])
        return pdf.objects[number] if number < len(pdf.objects) else None
    return value


def _unspace_stream(pdf, stream, resources, seen: set[int], fonts: dict) -> None:
    import pydyf

    if not isinstance(stream, pydyf.Stream) or id(stream) in seen or not isinstance(resources, dict):
        return
    seen.add(id(stream))
    if "Filter" not in stream.extra:  # chunks of content, not encoded data
        stream.stream = unspace_chunks(stream.stream, _font_spaces(pdf, resources, fonts))
    for kind in ("XObject", "Pattern"):
        children = _resolve(pdf, resources.get(kind))
        for child in (children.values() if isinstance(children, dict) else ()):
            child = _resolve(pdf, child)
            if isinstance(child, pydyf.Stream) and (child.extra.get("Subtype") == "/Form"
                                                    or child.extra.get("PatternType") == 1):
                _unspace_stream(pdf, child, _resolve(pdf, child.extra.get("Resources")), seen, fonts)


def _font_spaces(pdf, resources, cache: dict) -> dict[str, dict[int, float]]:
    """Resource name -> {space glyph: its width} for each font whose space glyphs are known for sure: Type0 fonts
    with Identity-H (2-byte glyph codes), a ToUnicode made of bfchar entries and widths in /W."""
    fonts = _resolve(pdf, resources.get("Font"))
    out = {}
    for name, ref in (fonts.items() if isinstance(fonts, dict) else ()):
        font = _resolve(pdf, ref)
        if id(font) not in cache:
            cache[id(font)] = _space_widths(pdf, font)
        if cache[id(font)] is not None:
            out[str(name).lstrip("/")] = cache[id(font)]
    return out


def _space_widths(pdf, font) -> dict[int, float] | None:
    import pydyf

    if not isinstance(font, dict) or font.get("Subtype") != "/Type0" or font.get("Encoding") != "/Identity-H":
        return None
    to_unicode = _resolve(pdf, font.get("ToUnicode"))
    descendants = _resolve(pdf, font.get("DescendantFonts"))
    if not isinstance(to_unicode, pydyf.Stream) or "Filter" in to_unicode.extra or not descendants:
        return None
    descendant = _resolve(pdf, descendants[0])
    if not isinstance(descendant, dict):
        return None
    chunks = [c if isinstance(c, bytes) else str(c).encode() for c in to_unicode.stream]
    if any(b"bfrange" in chunk for chunk in chunks):
        return None
    spaces = {int(m[1], 16) for chunk in chunks if (m := _CMAP_ENTRY.fullmatch(chunk)) and m[2] == b"0020"}
    widths = _width_map(_resolve(pdf, descendant.get("W")))
    if widths is None:
        return None
    default = descendant.get("DW", CIDFONT_DEFAULT_WIDTH)
    return {glyph: float(widths.get(glyph, default)) for glyph in spaces}


def _width_map(array) -> dict[int, float] | None:
    """A /W array as {glyph: width}, the widths as written: runs `first [w1 w2 …]` and ranges `first last w`; None if
    it is neither."""
    if array is None:
        return {}
    items, widths, index = list(array), {}, 0
    try:
        while index < len(items):
            if isinstance(items[index + 1], (list, tuple)):
                for offset, width in enumerate(items[index + 1]):
                    float(width)  # a width that is no number makes the array unreadable
                    widths[int(items[index]) + offset] = width
                index += 2
            else:
                float(items[index + 2])
                for glyph in range(int(items[index]), int(items[index + 1]) + 1):
                    widths[glyph] = items[index + 2]
                index += 3
    except (IndexError, TypeError, ValueError):
        return None
    return widths


def unspace_chunks(chunks: list, fonts: dict[str, dict[int, float]]) -> list:
    """The chunks of a content stream with the collapsed space glyphs taken out of their TJ arrays. The font of a TJ
    is the one its text object (BT … ET) set with Tf; a TJ whose font is not known for sure, in a stream that sets a
    character spacing (Tc: a glyph would then advance by more than its width), or that does not parse, stays as it
    is."""
    if not any(fonts.values()):
        return chunks
    data = [_chunk_bytes(chunk) for chunk in chunks]
    # Tc or " (which sets it); an inline image, whose data are chunks too, and not operators.
    if any(d is None or b"Tc" in d or b'"' in d or _INLINE_IMAGE.search(d) for d in data):
        return chunks
    out, spaces = [], None
    for chunk, datum in zip(chunks, data):
        if (tj := _TJ.fullmatch(datum.strip())) is not None:
            new = _unspace_tj(tj[1], spaces) if spaces else None
            out.append(chunk if new is None else new)
            continue
        if (tf := _TF.fullmatch(datum.strip())) is not None:
            spaces = fonts.get(tf[1].decode("latin-1"))
        elif _TEXT_OBJECT.search(datum):  # BT, ET, or a Tf among other operators: the font is not known for sure
            spaces = None
        out.append(chunk)
    return out


def _chunk_bytes(chunk) -> bytes | None:
    """A chunk of a pydyf stream as the bytes it is written as (pydyf._to_bytes), None for what pydyf cannot write."""
    import pydyf

    if isinstance(chunk, bytes):
        return chunk
    if isinstance(chunk, float):
        return str(int(chunk)).encode() if chunk.is_integer() else f"{chunk:f}".rstrip("0").encode()
    if isinstance(chunk, pydyf.Object):
        return chunk.data
    if isinstance(chunk, (str, int)) and str(chunk).isascii():
        return str(chunk).encode("ascii")
    return None


def _unspace_tj(body: bytes, spaces: dict[int, float]) -> bytes | None:
    """A TJ array without its collapsed space glyphs, or None if there are none or the array does not parse."""
    parsed = _tj_items(body, spaces)
    if parsed is None:
        return None
    items, dropped = parsed
    removed = {index for index, (kind, value) in enumerate(items)
               if kind == _SPACE and spaces[value] - _numbers_around(items, index) < COLLAPSED_BELOW}
    if not removed and not dropped:
        return None

    # Each removed glyph becomes the number -width; runs of numbers merge into one, runs of glyphs into one string.
    parts: list[bytes] = []
    glyphs: list[bytes] = []
    numbers: list[float] = []
    original: bytes | None = None  # the run's number as written, while it is a single one

    def flush_numbers():
        nonlocal numbers, original
        text = original if len(numbers) == 1 and original is not None else _number(sum(numbers))
        if text:
            flush_glyphs()
            parts.append(text)
        numbers, original = [], None

    def flush_glyphs():
        nonlocal glyphs
        if glyphs:
            parts.append(b"<" + b"".join(glyphs) + b">")
            glyphs = []

    for index, (kind, value) in enumerate(items):
        if kind == _NUMBER:
            original = value if not numbers else None
            numbers.append(float(value))
        elif index in removed:
            numbers.append(-spaces[value])
            original = None
        else:
            if numbers:
                flush_numbers()
            glyphs.append(value if kind == _GLYPHS else b"%04x" % value)
    if numbers:
        flush_numbers()
    flush_glyphs()
    return b"[" + b"".join(parts) + b"] TJ"


_GLYPHS, _SPACE, _NUMBER = range(3)
_GLYPH = re.compile(rb"....", re.S)


def _tj_items(body: bytes, spaces: dict[int, float]) -> tuple[list[tuple[int, object]], int] | None:
    """A TJ array as (_GLYPHS, their codes in lower-case hex) for glyphs that are no space, (_SPACE, glyph) for each
    space glyph and (_NUMBER, the number as written), and how many spaces were dropped; None if it does not parse.

    Runs of other glyphs are kept whole: a letter's TJ arrays hold thousands of glyphs, and only the spaces are
    looked at. A space of no width inside a run (no number beside it) is dropped at once: it is collapsed, and taking
    it out leaves nothing in its place."""
    codes = {b"%04x" % glyph: glyph for glyph in spaces}
    vanishing = {glyph for glyph, width in spaces.items() if not _number(-width)}
    items: list[tuple[int, object]] = []
    dropped = 0
    for hex_digits, number, other in _TJ_ITEM.findall(body):
        if other:
            return None
        if number:
            items.append((_NUMBER, number))
            continue
        hex_digits = _WHITE.sub(b"", hex_digits).lower()
        if len(hex_digits) % 4:
            return None
        if not any(code in hex_digits for code in codes):
            if hex_digits:
                items.append((_GLYPHS, hex_digits))
            continue
        glyphs = _GLYPH.findall(hex_digits)
        run = 0
        for index in [index for index, glyph in enumerate(glyphs) if glyph in codes]:
            space = codes[glyphs[index]]
            if 0 < index < len(glyphs) - 1 and space in vanishing:
                dropped += 1
                if index > run:
                    items.append((_GLYPHS, b"".join(glyphs[run:index])))
                run = index + 1
                continue
            if index > run:
                items.append((_GLYPHS, b"".join(glyphs[run:index])))
            items.append((_SPACE, space))
            run = index + 1
        if run < len(glyphs):
            items.append((_GLYPHS, b"".join(glyphs[run:])))
    return items, dropped


def _numbers_around(items, index: int) -> float:
    """The sum of the TJ numbers between item `index` and the glyphs before and after it."""
    total = 0.0
    for step in (-1, 1):
        other = index + step
        while 0 <= other < len(items) and items[other][0] == _NUMBER:
            total += float(items[other][1])
            other += step
    return total


def _number(value: float) -> bytes:
    """A TJ number to 3 decimals (1/1000 of a thousandth of an em), b"" when that is zero."""
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return b"" if text in ("0", "-0", "") else text.encode()
