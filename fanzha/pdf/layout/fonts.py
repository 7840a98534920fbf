"""Fonts for print: Noto Sans/Serif CJK SC, coverage checked, and subset for each document to exactly its characters.

WeasyPrint embeds a subset of whatever font file it is given, but subsetting a 65k-glyph collection keeps the glyph ids
of the collection (373 KB a page, see DESIGN.md). So before rendering we cut each face down, with HarfBuzz, to the
characters of the one document; WeasyPrint then only has to trim a small font. Per document rather than per build, so
a PDF depends on its own text alone and an edit that brings a new character re-renders only the documents holding it.
"""

from __future__ import annotations

import dataclasses
import html as html_lib
import re
import struct
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from fanzha import messages

FONT_DIRS = [Path("/usr/share/fonts/opentype/noto"), Path("/usr/share/fonts/noto-cjk"),
             Path("/usr/share/fonts/google-noto-cjk"), Path("/usr/local/share/fonts")]


@dataclass(frozen=True)
class Face:
    """One face the templates may use: CSS family + weight, and where it comes from."""

    role: str  # file-name friendly id
    family: str  # the CSS font-family the templates name
    weight: int
    file: str  # file name of the TrueType collection
    name: str  # full font name inside the collection
    # A face the print CSS only uses inside elements of this class: a document without one neither declares nor subsets
    # it (a wasted subset and font load were ~10% of a letter's render).
    only_with_class: str | None = None

    def locate(self) -> Path:
        for folder in FONT_DIRS:
            path = folder / self.file
            if path.exists():
                return path
        raise PrintEnvironmentError(messages.PDF_FONT_FILE_MISSING.format(file=self.file, name=self.name,
                                                                           folder=FONT_DIRS[0]))


FACES = (
    Face("serif", "FZ Serif", 400, "NotoSerifCJK-Regular.ttc", "Noto Serif CJK SC", only_with_class="serif"),
    Face("sans", "FZ Sans", 400, "NotoSansCJK-Regular.ttc", "Noto Sans CJK SC"),
    Face("sans-bold", "FZ Sans", 700, "NotoSansCJK-Bold.ttc", "Noto Sans CJK SC Bold"),
)

GLYPH_REGIONS = ("SC", "TC", "HK")  # the Noto CJK faces of each collection: Simplified, Taiwan and Hong Kong forms


@lru_cache(maxsize=None)
def faces_for(region: str = "SC") -> tuple[Face, ...]:
    """FACES with the glyph forms of `region`: the same collections and roles, another font inside each (a 繁體版
    prints with the TC or HK faces, fanzha/edition/script.py)."""
    if region not in GLYPH_REGIONS:
        raise ValueError(f"unknown glyph region {region!r}")
    return tuple(dataclasses.replace(face, name=face.name.replace(" SC", f" {region}")) for face in FACES)


# Characters that are not drawn and need no glyph.
INVISIBLE = set("\n\r\t\u200b\u200c\u200d\ufeff")

# Characters CSS generates (list numbers, page counters "2 / 3") that never appear in the text itself.
GENERATED = set("0123456789./ -•◦▪")

# Typographic equivalents the fonts lack: a ballot box ☐ is printed as the white square □ of the same design.
# These are deliberate substitutions of one character for another, applied to the print text before any check; every
# other character the fonts cannot draw is an error. The variation selectors after a symbol (☎️ = ☎ + U+FE0F, as phones
# type it) ask for emoji or text style; dropped, the symbol is drawn by the print font in text style.
EQUIVALENTS = {"\u2610": "\u25a1", "\ufe0e": "", "\ufe0f": ""}


class PrintEnvironmentError(RuntimeError):
    """The machine lacks something printing needs (a system library or a font); not a content problem."""


def require_harfbuzz_subset() -> None:
    from weasyprint.text.ffi import harfbuzz_subset

    if harfbuzz_subset is None:
        raise PrintEnvironmentError(messages.PDF_HARFBUZZ_SUBSET_MISSING)


def _font_number(path: Path, name: str) -> int:
    import uharfbuzz as hb

    blob = hb.Blob.from_file_path(str(path))
    index = 0
    while (face := hb.Face(blob, index)).glyph_count:  # past the last font of the collection: an empty face
        if face.get_name(hb.OTNameIdPredefined.FULL_NAME) == name:
            return index
        index += 1
    raise PrintEnvironmentError(messages.PDF_FONT_FACE_MISSING.format(path=path, name=name))


@lru_cache(maxsize=None)
def face_file(face: Face) -> tuple[Path, int, str]:
    path = face.locate()
    stat = path.stat()
    # The identity of a system font file: its name, size and time; hashing 26 MB on every build would cost more.
    identity = f"{path}:{stat.st_size}:{int(stat.st_mtime)}"
    return path, _font_number(path, face.name), identity


@lru_cache(maxsize=None)
def coverage(face: Face) -> frozenset[int]:
    path, number, identity = face_file(face)
    return frozenset(_hb_face(identity, number, path).unicodes)


def missing_characters(text: str, faces: tuple[Face, ...] = FACES) -> list[str]:
    """Characters of `text` that at least one face cannot draw (all faces must cover the build's text)."""
    chars = set(text) - INVISIBLE
    missing = set()
    for face in faces:
        have = coverage(face)
        missing |= {c for c in chars if ord(c) not in have}
    return sorted(missing)


def fonts_identity() -> str:
    return "|".join(face_file(face)[2] for face in FACES)


@dataclass(frozen=True)
class FontSource:
    """A face by value, so a render task can carry it to another process or machine: which collection file, which
    font inside it, and the identity that names its content."""

    role: str
    family: str
    weight: int
    file: str  # file name of the collection; a worker finds its bytes under this name
    index: int  # font number inside the collection
    identity: str
    only_with_class: str | None = None

    @property
    def url_name(self) -> str:
        """The name the print HTML loads this face by; the renderer serves it from the task's own subset."""
        return f"fonts/{self.role}.otf"

    def used_by(self, html: str) -> bool:
        return self.only_with_class is None or re.search(rf'class="[^"]*\b{self.only_with_class}\b', html) is not None


def font_sources(region: str = "SC") -> tuple[FontSource, ...]:
    sources = []
    for face in faces_for(region):
        path, number, identity = face_file(face)
        sources.append(FontSource(face.role, face.family, face.weight, path.name, number, identity,
                                  face.only_with_class))
    return tuple(sources)


def font_files() -> dict[str, Path]:
    """File name -> path of every collection the faces use, for a worker on this machine."""
    return {path.name: path for path, _, _ in (face_file(face) for face in FACES)}


_faces: dict[tuple[str, int], object] = {}


def advance_em(text: str, role: str = "sans") -> float:
    """How wide `text` sets in one of the faces, in em, from HarfBuzz's advances: what lines up the 回执's labels and
    sizes its blanks (_letter.html.j2) without table cells. A space counts as wide as the face's own, which is what
    print.css gives a space that shows (.sp)."""
    import uharfbuzz as hb

    font = _measuring_font(role)
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    hb.shape(font, buffer)
    return sum(position.x_advance for position in buffer.glyph_positions) / font.face.upem


@lru_cache(maxsize=None)
def _measuring_font(role: str):
    import uharfbuzz as hb

    path, number, identity = face_file(next(face for face in FACES if face.role == role))
    return hb.Font(_hb_face(identity, number, path))


def _hb_face(identity: str, index: int, data: bytes | Path):
    """The HarfBuzz face of font `index` of a collection (a path, or its bytes), loaded once per process."""
    import uharfbuzz as hb

    if (identity, index) not in _faces:
        blob = hb.Blob.from_file_path(str(data)) if isinstance(data, Path) else hb.Blob(data)
        _faces[(identity, index)] = hb.Face(blob, index)
    return _faces[(identity, index)]


_STRIP = re.compile(r"<(style|script|svg)\b.*?</\1>|<head\b.*?</head>", re.S | re.I)
_TAGS = re.compile(r"<[^>]+>")


def visible_text(html: str) -> str:
    """The characters the fonts must draw: body text without tags, styles, SVG or the head."""
    return html_lib.unescape(_TAGS.sub("", _STRIP.sub("", html)))


def font_resources(html: str, sources: tuple[FontSource, ...],
                   collections: dict[str, bytes | Path]) -> dict[str, bytes]:
    """The fonts a print HTML declares (@font-face), by the names it loads them with, each subset to its characters."""
    chars = visible_text(html)
    return {source.url_name: subset_font(source, collections[source.file], chars)
            for source in sources if f'url("{source.url_name}")' in html}


def subset_font(source: FontSource, data: bytes | Path, chars: str) -> bytes:
    """`source` cut down to the characters of one document, with HarfBuzz (milliseconds, where fontTools takes
    half a second on a 65k-glyph collection). Each document gets its own subset, so its PDF depends on its own text
    only: an edit elsewhere cannot change it."""
    import uharfbuzz as hb

    face = _hb_face(source.identity, source.index, data)
    wanted = hb.SubsetInput()
    for char in (set(chars) | GENERATED) - INVISIBLE:
        wanted.unicode_set.add(ord(char))
    # Hints: WeasyPrint drops them when it embeds; the vertical and baseline tables: no vertical text here.
    # No layout closure: the glyphs GSUB could substitute (vertical forms, other locales' shapes) are never drawn in
    # horizontal Simplified Chinese, and only make the font larger. An identity CFF charset (CID = glyph id), so the
    # CFF alone can be embedded (finish.py). Desubroutinized: WeasyPrint's own subset, when it embeds, expands the
    # CFF subroutines anyway; expanded here, where it costs less, the PDF is the same byte for byte.
    wanted.flags = (hb.SubsetFlags.NO_HINTING | hb.SubsetFlags.NOTDEF_OUTLINE | hb.SubsetFlags.NO_LAYOUT_CLOSURE
                    | hb.SubsetFlags.CFF_IDENTITY_CHARSET | hb.SubsetFlags.DESUBROUTINIZE)
    for tag in ("BASE", "VORG", "vhea", "vmtx", "DSIG"):
        wanted.drop_table_tag_set.add(int.from_bytes(tag.encode(), "big"))
    subset = hb.subset(face, wanted)
    if subset is None:
        raise PrintEnvironmentError(messages.PDF_FONT_SUBSET_FAILED.format(file=source.file))
    return _without_space_advance(subset.blob.data, hb.Font(subset).get_nominal_glyph(ord(" ")), source)


def sfnt_tables(font: bytes) -> dict[bytes, tuple[int, int]]:
    """Tag -> (offset, length) of each table of an OpenType font, from its table directory: a 12-byte header, then
    16 bytes per table (tag, checksum, offset, length)."""
    (count,) = struct.unpack_from(">H", font, 4)
    entries = (struct.unpack_from(">4sIII", font, 12 + 16 * index) for index in range(count))
    return {tag: (offset, length) for tag, _, offset, length in entries}


def _without_space_advance(font: bytes, space: int | None, source: FontSource) -> bytes:
    """The font with an advance of 0 for its space glyph, written into its hmtx table.

    In the print fonts a space takes no room unless it is to show: the author's spaces (.sp) and those of page
    numbers take their width from word-spacing (print.css), the 回执's justified blanks stretch from nothing, and a
    space typed bare in a template shows nothing. (Made for the stretchable spaces 两端对齐 once put between every two
    Chinese characters; justify.py letter-spaces lines instead, and the rule stays for the spaces above.)"""
    if space is None:
        return font
    tables = sfnt_tables(font)
    (metrics,) = struct.unpack_from(">H", font, tables[b"hhea"][0] + 34)  # hhea.numberOfHMetrics
    if space >= metrics:  # glyphs past numberOfHMetrics share the last advance: never the space of Noto CJK
        raise PrintEnvironmentError(messages.PDF_FONT_SPACE_NOT_SEPARATE.format(file=source.file))
    patched = bytearray(font)
    struct.pack_into(">H", patched, tables[b"hmtx"][0] + 4 * space, 0)  # longHorMetric.advanceWidth
    return bytes(patched)
