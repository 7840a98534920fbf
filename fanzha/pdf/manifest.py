"""What the print build hands to the site: one PrintItem per PDF, the manifest and a zip per edition."""

from __future__ import annotations

import json
import os
import tempfile
import zipfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

from fanzha import messages
from fanzha.files import PART, write_atomic

# Keys of site/print/manifest.json that other parts rely on (DESIGN.md, "Outputs"), then the extra ones.
CONTRACT_KEYS = ("file", "material", "kind", "title", "edition", "trim_mm", "bleed_mm", "pages", "bytes", "sha256",
                 "preflight")


@dataclass
class PrintItem:
    file: str  # relative to the print folder, e.g. "default/parents.pdf"
    preview: str  # "default/parents.png"
    material: str
    kind: str
    title: str
    edition: str
    trim_mm: list[float]
    bleed_mm: float
    pages: int
    bytes: int
    sha256: str
    preflight: str | list[str]  # "ok" or the problems found in the finished PDF
    sides: int = 1
    paper: str = ""  # 建议纸张
    size_name: str = ""  # e.g. "A4", "易拉宝 80×200 cm"
    warnings: list[str] = field(default_factory=list)
    variant: str = ""  # "" for the main file; a sticker sheet also has "cut-guides" and "alignment"
    issues: list[list[str]] = field(default_factory=list)  # the layout findings (pdf/issues.py), for the cache
    scale: float = 1.0  # trim_mm is the real size; the file is drawn at 1:scale (a 10 m banner's PDF at 1:10)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "PrintItem":
        return cls(**data)


def write_manifest(items: list[PrintItem], path: Path, channels: list[dict] | None = None) -> None:
    """site/print/manifest.json: paths relative to site/, i.e. prefixed with print/. `channels`: the rows of the
    digital channels' files (fanzha.channels), under a key of their own: "items" stays the print files."""
    path = Path(path)
    rows = []
    for item in items:
        data = item.to_dict()
        row = {key: data[key] for key in CONTRACT_KEYS}
        row["file"] = f"print/{item.file}"
        row.update(preview=f"print/{item.preview}", sides=item.sides, paper=item.paper, size_name=item.size_name,
                   variant=item.variant, warnings=item.warnings, scale=item.scale)
        rows.append(row)
    manifest = {"items": rows} if channels is None else {"items": rows, "channels": channels}
    data = (json.dumps(manifest, ensure_ascii=False, indent=1) + "\n").encode()
    if not (path.is_file() and path.read_bytes() == data):  # unchanged, it keeps its time: the site needs no rebuild
        write_atomic(path, data)


def zip_edition(out_dir: Path, edition_id: str) -> Path:
    """out_dir/<edition>-全部印刷文件.zip with every PDF of the edition; fixed timestamps, so the same PDFs give the
    same zip bytes (and an unchanged zip is not rewritten)."""
    out_dir = Path(out_dir)
    target = out_dir / messages.PDF_ZIP_NAME.format(edition=edition_id)
    folder = out_dir / edition_id
    names = _zip_names(out_dir, edition_id)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=PART, dir=out_dir)
    os.close(fd)
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
        for pdf in sorted([*folder.glob("*.pdf"), *folder.glob("*.tif")]):
            info = zipfile.ZipInfo(f"{edition_id}/{names.get(pdf.name, pdf.name)}", date_time=(2000, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, pdf.read_bytes())
    if target.exists() and target.read_bytes() == Path(tmp).read_bytes():
        os.unlink(tmp)
    else:
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    return target


def _zip_names(out_dir: Path, edition_id: str) -> dict[str, str]:
    """File names in the zip carry the Chinese title, which is what a print shop reads:
    致学生家长的一封信-parents.pdf."""
    from fanzha.pdf.cache import load_cache

    names = {}
    for key, entry in load_cache(out_dir).items():
        item = entry.get("item") or {}
        if item.get("edition") == edition_id:
            names[Path(item["file"]).name] = (f"{_safe(item['title'])}（{_safe(item['size_name'])}）-{item['material']}"
                                              f"{Path(item['file']).suffix}")
    return names


def _safe(text: str) -> str:
    return "".join("_" if c in '\\/:*?"<>|' else c for c in text)
