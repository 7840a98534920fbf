"""Fonts for print: Noto Sans/Serif CJK SC, coverage checked and subset once per build to exactly its characters.

WeasyPrint embeds a subset of whatever font file it is given, but subsetting a 65k-glyph collection costs time and keeps
the glyph ids of the collection (373 KB a page, see DESIGN.md). So before rendering we cut each face down, with
fontTools, to the characters the whole build uses; WeasyPrint then only has to trim a small font.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

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

    def locate(self) -> Path:
        for folder in FONT_DIRS:
            path = folder / self.file
            if path.exists():
                return path
        raise PrintEnvironmentError(
            f"找不到字体文件 {self.file}（{self.name}）。请安装 Debian 软件包 fonts-noto-cjk（运行 scripts/setup.sh），"
            f"或把字体放到 {FONT_DIRS[0]}")


FACES = (
    Face("serif", "FZ Serif", 400, "NotoSerifCJK-Regular.ttc", "Noto Serif CJK SC"),
    Face("sans", "FZ Sans", 400, "NotoSansCJK-Regular.ttc", "Noto Sans CJK SC"),
    Face("sans-bold", "FZ Sans", 700, "NotoSansCJK-Bold.ttc", "Noto Sans CJK SC Bold"),
)

# Characters that are not drawn and need no glyph.
INVISIBLE = set("\n\r\t\u200b\u200c\u200d\ufeff")

# Characters CSS generates (list numbers, page counters "2 / 3") that never appear in the text itself.
GENERATED = set("0123456789./ -•◦▪")

# Typographic equivalents the fonts lack: a ballot box ☐ is printed as the white square □ of the same design.
# These are deliberate substitutions of one character for another, applied to the print text before any check; every
# other character the fonts cannot draw is an error.
EQUIVALENTS = {"\u2610": "\u25a1"}


class PrintEnvironmentError(RuntimeError):
    """The machine lacks something printing needs (a system library or a font); not a content problem."""


def require_harfbuzz_subset() -> None:
    from weasyprint.text.ffi import harfbuzz_subset

    if harfbuzz_subset is None:
        raise PrintEnvironmentError(
            "缺少系统库 libharfbuzz-subset：没有它 WeasyPrint 生成每页 PDF 要慢约 65 倍。"
            "请先运行 scripts/setup.sh（或 sudo apt-get install libharfbuzz-subset0）再生成印刷文件。")


def _font_number(path: Path, name: str) -> int:
    from fontTools.ttLib import TTCollection

    collection = TTCollection(str(path), lazy=True)
    for index, font in enumerate(collection.fonts):
        if font["name"].getDebugName(4) == name:
            return index
    raise PrintEnvironmentError(f"字体文件 {path} 里没有 {name}：请安装完整的 fonts-noto-cjk")


@lru_cache(maxsize=None)
def _source(face: Face) -> tuple[Path, int, str]:
    path = face.locate()
    stat = path.stat()
    # The identity of a system font file: its name, size and time; hashing 26 MB on every build would cost more.
    identity = f"{path}:{stat.st_size}:{int(stat.st_mtime)}"
    return path, _font_number(path, face.name), identity


@lru_cache(maxsize=None)
def coverage(face: Face) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    path, number, _ = _source(face)
    return frozenset(TTFont(str(path), fontNumber=number, lazy=True).getBestCmap())


def missing_characters(text: str, faces: tuple[Face, ...] = FACES) -> list[str]:
    """Characters of `text` that at least one face cannot draw (all faces must cover the build's text)."""
    chars = set(text) - INVISIBLE
    missing = set()
    for face in faces:
        have = coverage(face)
        missing |= {c for c in chars if ord(c) not in have}
    return sorted(missing)


def fonts_identity() -> str:
    return "|".join(_source(face)[2] for face in FACES)


@dataclass(frozen=True)
class SubsetFont:
    face: Face
    path: Path

    @property
    def url(self) -> str:
        return self.path.resolve().as_uri()


_lock = threading.Lock()


def subset_fonts(chars: set[str], folder: Path) -> list[SubsetFont]:
    """Subset every face to `chars`; the files are named by a hash of face + characters and reused while it holds."""
    folder.mkdir(parents=True, exist_ok=True)
    wanted = "".join(sorted((set(chars) | GENERATED) - INVISIBLE))
    out = []
    for face in FACES:
        _, _, identity = _source(face)
        digest = hashlib.sha256(f"{identity}\n{wanted}".encode()).hexdigest()[:16]
        path = folder / f"{face.role}-{digest}.otf"
        if not path.exists():
            with _lock:
                _write_subset(face, wanted, path)
        out.append(SubsetFont(face, path))
    return out


def _write_subset(face: Face, chars: str, target: Path) -> None:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    path, number, _ = _source(face)
    font = TTFont(str(path), fontNumber=number, lazy=True, recalcBBoxes=False, recalcTimestamp=False)
    cmap = font.getBestCmap()
    options = subset.Options()
    options.layout_features = ["*"]  # keep kerning and punctuation adjustments for shaping
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = True  # removing hints costs time; WeasyPrint drops them when it embeds
    options.drop_tables += ["BASE", "VORG", "vhea", "vmtx", "DSIG"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(c) for c in chars if ord(c) in cmap])
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.save(buffer)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    with os.fdopen(fd, "wb") as handle:
        handle.write(buffer.getvalue())
    os.chmod(tmp, 0o644)
    os.replace(tmp, target)


def prune(folder: Path, keep: list[SubsetFont]) -> None:
    """Delete subset files of earlier builds."""
    names = {f.path.name for f in keep}
    for path in folder.glob("*.otf"):
        if path.name not in names:
            path.unlink(missing_ok=True)
