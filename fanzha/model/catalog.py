"""Loads every material and edition, validates them against their schemas and resolves references."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from pydantic import ValidationError

from fanzha import messages
from fanzha.messages import Message
from fanzha.model.labels import label_templates
from fanzha.problems import Problems
from fanzha.model.schema import KINDS, META_BY_KIND, EditionMeta, MaterialMeta, SlogansMeta
from fanzha.model.sources import Source, read_material, read_text, read_yaml_file, refuse_outside_links

# A slogan item, optionally ending in {#id scam_types=a,b}: its id, and the scam types of this slogan alone.
SLOGAN_ITEM = re.compile(r"^\s*[-*+]\s+(?P<text>.+?)(?:\s*\{(?=[#s])(?:#(?P<id>[a-z0-9][a-z0-9-]*))?"
                         r"(?:\s*scam_types=(?P<scam_types>[a-z0-9][a-z0-9,-]*))?\})?\s*$")
MALFORMED_ATTRIBUTES = re.compile(r"\{#[^{}]*\}\s*$")
HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.+?)\s*#*\s*$")


@dataclass
class Slogan:
    collection: str
    text: str
    line: int
    channels: tuple[str, ...]
    audiences: tuple[str, ...]
    scam_types: tuple[str, ...]
    group: str = ""
    id: str | None = None

    @property
    def ref(self) -> str | None:
        return f"{self.collection}/{self.id}" if self.id else None


@dataclass
class Material:
    meta: MaterialMeta
    source: Source
    slogans: list[Slogan] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return self.meta.kind

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def path(self) -> Path:
        return self.source.path


@dataclass
class Edition:
    meta: EditionMeta
    path: Path
    lines: dict[tuple, int]

    @property
    def id(self) -> str:
        return self.meta.id


@dataclass
class Catalog:
    root: Path
    materials: dict[str, Material]
    editions: dict[str, Edition]
    audiences: dict[str, str]

    def of_kind(self, kind: str) -> list[Material]:
        return sorted((m for m in self.materials.values() if m.kind == kind), key=_order)

    @property
    def slogans(self) -> list[Slogan]:
        return [s for m in self.of_kind("slogans") for s in m.slogans]

    def slogan(self, ref: str) -> Slogan | None:
        return next((s for s in self.slogans if s.ref == ref), None)

    @property
    def default_edition(self) -> Edition:
        return self.editions["default"]


def _order(material: Material) -> tuple:
    rank = getattr(material.meta, "rank", None)
    return (rank is None, rank or 0, material.id)


def describe_validation_error(exc: ValidationError) -> list[tuple[tuple, Message]]:
    """Turn pydantic's English errors into (key path, 问题 and 怎么改) in Chinese."""
    out = []
    seen: set[tuple] = set()
    for err in exc.errors():
        # pydantic names the member of a union it tried (`literal['A3',…]`, `CustomSize`); authors know only the key.
        loc = tuple(part for part in err["loc"] if not (isinstance(part, str) and ("[" in part or part[:1].isupper())))
        if loc in seen:  # one message per key, not one per member of a union
            continue
        seen.add(loc)
        key = ".".join(str(part) for part in loc) or messages.MODEL_FRONT_MATTER
        kind = err["type"]
        if kind == "value_error" and " — " in str(err.get("ctx", {}).get("error", "")):
            message, fix = str(err["ctx"]["error"]).split(" — ", 1)
            out.append((loc, messages.MODEL_VALUE_REFUSED.format(key=key, message=message, fix=fix)))
        elif kind == "missing":
            out.append((loc, messages.MODEL_KEY_MISSING.format(key=key, name=loc[-1])))
        elif kind == "extra_forbidden":
            out.append((loc, messages.MODEL_KEY_UNKNOWN.format(key=key)))
        elif kind in ("literal_error", "enum"):
            allowed = err.get("ctx", {}).get("expected", "")
            out.append((loc, messages.MODEL_VALUE_NOT_ALLOWED.format(key=key, value=err.get("input"), allowed=allowed)))
        elif kind == "string_pattern_mismatch":
            out.append((loc, messages.MODEL_ID_MALFORMED.format(key=key, value=err.get("input"))))
        elif kind in ("string_too_short", "too_short"):
            out.append((loc, messages.MODEL_VALUE_EMPTY.format(key=key)))
        elif kind in ("string_too_long", "too_long"):
            limit = err.get("ctx", {}).get("max_length", "")
            out.append((loc, messages.MODEL_VALUE_TOO_LONG.format(key=key, limit=limit)))
        elif kind.endswith("_type") or kind.endswith("_parsing"):
            out.append((loc, messages.MODEL_VALUE_WRONG_TYPE.format(key=key, value=err.get("input"),
                                                                    hint=_type_hint(kind))))
        else:
            out.append((loc, messages.MODEL_VALUE_INVALID.format(key=key, error=err["msg"])))
    return out


def _type_hint(kind: str) -> str:
    return messages.MODEL_TYPE_HINTS.get(kind, messages.MODEL_TYPE_HINT_DEFAULT)


def load_catalog(root: Path, problems: Problems) -> Catalog:
    root = Path(root)
    materials_dir = root / "materials"
    materials: dict[str, Material] = {}
    if not materials_dir.is_dir():
        problems.add(materials_dir, 0, messages.MODEL_NO_MATERIALS_FOLDER)
        return Catalog(root, {}, {}, {})

    refuse_outside_links(materials_dir, problems)
    for path in sorted(materials_dir.rglob("*.md")):
        material = _load_material(path, materials_dir, problems)
        if material is None:
            continue
        if material.id in materials:
            other = problems.relative(materials[material.id].path)
            problems.add(path, material.source.line_of("id"), messages.MODEL_DUPLICATE_ID.format(id=material.id,
                                                                                                 other=other))
            continue
        materials[material.id] = material

    audiences = _load_audiences(materials_dir / "audiences.yml", problems)
    search_terms = materials_dir / "search-terms.txt"
    if search_terms.exists():
        read_text(search_terms, problems)  # the search plugin reads it too, and stops with a traceback unless UTF-8
    editions = _load_editions(materials_dir / "editions", problems)
    catalog = Catalog(root, materials, editions, audiences)
    _check_references(catalog, problems)
    return catalog


def _load_material(path: Path, materials_dir: Path, problems: Problems) -> Material | None:
    rel = path.relative_to(materials_dir)
    if rel.parts[0] == "editions":
        return None
    source = read_material(path, problems)
    if source is None:
        return None
    kind = source.meta.get("kind")
    folder = rel.parts[0] if len(rel.parts) > 1 else None
    if kind not in KINDS:
        problems.add(path, source.line_of("kind"),
                     messages.MODEL_UNKNOWN_KIND.format(kind=kind, kinds="、".join(KINDS)))
        return None
    if folder != kind:
        problems.add(path, source.line_of("kind"), messages.MODEL_KIND_FOLDER_MISMATCH.format(kind=kind))
        return None
    try:
        meta = META_BY_KIND[kind].model_validate(source.meta)
    except ValidationError as exc:
        for loc, message in describe_validation_error(exc):
            problems.add(path, source.line_of(*loc), message)
        return None
    if path.stem != meta.id:
        problems.add(path, source.line_of("id"), messages.MODEL_FILE_NAME_MISMATCH.format(name=path.name, id=meta.id))
    material = Material(meta, source)
    if isinstance(meta, SlogansMeta):
        material.slogans = _parse_slogans(material, problems)
    return material


def _parse_slogans(material: Material, problems: Problems) -> list[Slogan]:
    meta: SlogansMeta = material.meta  # type: ignore[assignment]
    group = ""
    settings = {"channels": meta.channels, "audiences": meta.audiences, "scam_types": meta.scam_types}
    current = dict(settings)
    slogans: list[Slogan] = []
    seen_ids: set[str] = set()
    seen_groups: set[str] = set()
    for offset, line in enumerate(material.source.body.split("\n")):
        lineno = material.source.body_line + offset
        heading = HEADING.match(line)
        if heading:
            group = heading["text"]
            seen_groups.add(group)
            override = meta.groups.get(group)
            current = dict(settings)
            if override:
                current.update({k: v for k, v in override.model_dump().items() if v is not None})
            continue
        item = SLOGAN_ITEM.match(line)
        if not item:
            continue
        slogan_id = item["id"]
        if slogan_id in seen_ids:
            problems.add(material.path, lineno, messages.MODEL_SLOGAN_DUPLICATE_ID.format(id=slogan_id))
        if slogan_id:
            seen_ids.add(slogan_id)
        if not current["channels"]:
            problems.add(material.path, lineno, messages.MODEL_SLOGAN_NO_CHANNEL)
        if MALFORMED_ATTRIBUTES.search(item["text"]):
            problems.add(material.path, lineno, messages.MODEL_SLOGAN_MALFORMED_ATTRIBUTES.format())
        # The slogan's own scam types, when it names them, instead of its group's: a group such as 凡是…都是诈骗
        # covers many types, each slogan only one.
        scam_types = tuple(item["scam_types"].split(",")) if item["scam_types"] else tuple(current["scam_types"])
        slogans.append(Slogan(material.id, item["text"].strip(), lineno, tuple(current["channels"]),
                              tuple(current["audiences"]), scam_types, group, slogan_id))
    for name in meta.groups:
        if name not in seen_groups:
            problems.add(material.path, material.source.line_of("groups", name),
                         messages.MODEL_GROUP_WITHOUT_HEADING.format(name=name))
    if not slogans:
        problems.add(material.path, material.source.body_line, messages.MODEL_NO_SLOGANS)
    return slogans


def _load_audiences(path: Path, problems: Problems) -> dict[str, str]:
    if not path.exists():
        return {}
    parsed = read_yaml_file(path, problems)
    if parsed is None:
        return {}
    data, _ = parsed
    if not isinstance(data, dict):
        problems.add(path, 1, messages.MODEL_AUDIENCES_NOT_MAPPING)
        return {}
    return {str(k): str(v) for k, v in data.items()}


def _load_editions(folder: Path, problems: Problems) -> dict[str, Edition]:
    raw: dict[str, tuple[Path, dict, dict[tuple, int]]] = {}
    for path in sorted(folder.glob("*.yml")):
        parsed = read_yaml_file(path, problems)
        if parsed is None:
            continue
        data, lines = parsed
        if not isinstance(data, dict):
            problems.add(path, 1, messages.MODEL_EDITION_NOT_MAPPING)
            continue
        data.setdefault("id", path.stem)
        if data["id"] != path.stem:
            problems.add(path, lines.get(("id",), 1),
                         messages.MODEL_EDITION_FILE_NAME_MISMATCH.format(name=path.name, id=data["id"]))
            continue
        raw[path.stem] = (path, data, lines)

    editions: dict[str, Edition] = {}
    for name, (path, data, lines) in raw.items():
        merged = _inherit(name, raw, path, lines, problems)
        if merged is None:
            continue
        try:
            meta = EditionMeta.model_validate(merged)
        except ValidationError as exc:
            for loc, message in describe_validation_error(exc):
                problems.add(path, _line(lines, loc), message)
            continue
        editions[meta.id] = Edition(meta, path, lines)
    if "default" not in editions and not any(p.path.endswith("editions/default.yml") for p in problems.items):
        problems.add(folder / "default.yml", 0, messages.MODEL_NO_DEFAULT_EDITION)
    return editions


def _inherit(name: str, raw: dict, path: Path, lines: dict, problems: Problems) -> dict | None:
    """An edition that `extends` another takes every value it does not set itself (a township from its county)."""
    chain = [name]
    data = raw[name][1]
    while data.get("extends"):
        parent = data["extends"]
        if parent in chain:
            problems.add(path, lines.get(("extends",), 1),
                         messages.MODEL_EDITION_CYCLE.format(chain=" → ".join(chain + [parent])))
            return None
        if parent not in raw:
            problems.add(path, lines.get(("extends",), 1),
                         messages.MODEL_EXTENDS_UNKNOWN.format(parent=parent, editions="、".join(sorted(raw))))
            return None
        chain.append(parent)
        data = raw[parent][1]
    merged: dict = {}
    for ancestor in reversed(chain):
        merged = _deep_merge(merged, raw[ancestor][1])
    merged["id"] = name
    return merged


def _deep_merge(base: dict, override: dict) -> dict:
    out = dict(base)
    for key, value in override.items():
        out[key] = _deep_merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def edition_materials(catalog: Catalog, edition: Edition) -> list[Material]:
    """The materials an edition prints: its kinds and audiences, plus what it includes by id. The default edition,
    the one the site shows, prints every material."""
    if edition.id == "default":
        return sorted(catalog.materials.values(), key=lambda m: (m.kind, _order(m)))
    select = edition.meta.select
    chosen = []
    for material in sorted(catalog.materials.values(), key=lambda m: (m.kind, _order(m))):
        if material.id in select.exclude:
            continue
        wanted = (not select.kinds or material.kind in select.kinds) and (
            not select.audiences or bool(set(select.audiences) & set(material.meta.audiences)))
        if wanted or material.id in select.include:
            chosen.append(material)
    return chosen


def _line(lines: dict[tuple, int], loc: tuple) -> int:
    while loc:
        if loc in lines:
            return lines[loc]
        loc = loc[:-1]
    return 1


IMAGE_FORMATS = {"JPEG": "JPG", "PNG": "PNG"}
MAX_IMAGE_PIXELS = 150_000_000  # a 展板 90×120 cm at 300 dpi is 150 million pixels; Pillow refuses ~180 million


def image_path(material: Material) -> Path:
    return material.path.parent / material.meta.image


def check_image(material: Material, problems: Problems) -> None:
    """The image a material names exists inside the project and is a JPG or PNG that Pillow can read."""
    check_image_file(material.path, material.meta.image, material.source.line_of("image"), "image", problems)


def check_image_file(owner: Path, name: str, line: int, key: str, problems: Problems) -> None:
    """An image that the file `owner` names under `key`, relative to its own folder: inside the project, JPG or PNG."""
    from PIL import Image, UnidentifiedImageError

    path = owner.parent / name
    where = {"name": name, "folder": problems.relative(owner.parent), "key": key, "owner": owner.name}
    if not path.resolve().is_relative_to(problems.root.resolve()):
        problems.add(owner, line, messages.MODEL_IMAGE_OUTSIDE.format(**where))
        return
    if not path.is_file():
        problems.add(owner, line, messages.MODEL_IMAGE_MISSING.format(**where))
        return
    try:
        with Image.open(path) as image:
            kind, pixels = image.format, image.size[0] * image.size[1]
            image.verify()
    except Image.DecompressionBombError:
        kind, pixels = None, MAX_IMAGE_PIXELS + 1
    except (OSError, UnidentifiedImageError, SyntaxError, ValueError):
        kind, pixels = None, 0
    if pixels > MAX_IMAGE_PIXELS:
        problems.add(owner, line, messages.MODEL_IMAGE_TOO_LARGE.format(name=name,
                                                                        megapixels=MAX_IMAGE_PIXELS // 1_000_000))
        return
    if kind not in IMAGE_FORMATS:
        problems.add(owner, line, messages.MODEL_IMAGE_UNREADABLE.format(name=name))


def _check_references(catalog: Catalog, problems: Problems) -> None:
    for edition in catalog.editions.values():
        if edition.meta.logo:
            check_image_file(edition.path, edition.meta.logo, _line(edition.lines, ("logo",)), "logo", problems)
        select = edition.meta.select
        for key in ("include", "exclude"):
            for i, material_id in enumerate(getattr(select, key)):
                if material_id not in catalog.materials:
                    problems.add(edition.path, _line(edition.lines, ("select", key, i)),
                                 messages.MODEL_SELECT_UNKNOWN_MATERIAL.format(key=key, id=material_id))
        for i, audience in enumerate(select.audiences):
            if catalog.audiences and audience not in catalog.audiences:
                problems.add(edition.path, _line(edition.lines, ("select", "audiences", i)),
                             messages.MODEL_UNKNOWN_AUDIENCE.format(audience=audience,
                                                                    audiences="、".join(catalog.audiences)))
    scam_ids = {m.id for m in catalog.of_kind("scam")}
    slogan_refs = {s.ref for s in catalog.slogans if s.ref}
    collections = {m.id for m in catalog.of_kind("slogans")}
    for material in catalog.materials.values():
        meta, source = material.meta, material.source
        for i, scam in enumerate(meta.scam_types):
            if scam not in scam_ids:
                problems.add(material.path, source.line_of("scam_types", i),
                             messages.MODEL_UNKNOWN_SCAM_TYPE.format(scam=scam))
        for i, audience in enumerate(meta.audiences):
            if catalog.audiences and audience not in catalog.audiences:
                problems.add(material.path, source.line_of("audiences", i),
                             messages.MODEL_UNKNOWN_AUDIENCE.format(audience=audience,
                                                                    audiences="、".join(catalog.audiences)))
        for i, ref in enumerate(getattr(meta, "slogans", []) or []):
            if ref not in slogan_refs and ref not in collections:
                problems.add(material.path, source.line_of("slogans", i), messages.MODEL_UNKNOWN_SLOGAN.format(ref=ref))
        if getattr(meta, "image", ""):
            check_image(material, problems)
        template = getattr(meta, "template", None)
        if isinstance(template, str) and template not in label_templates():
            problems.add(material.path, source.line_of("template"),
                         messages.MODEL_UNKNOWN_LABEL_TEMPLATE.format(template=template,
                                                                      templates="、".join(label_templates())))
        for slogan in material.slogans:
            for scam in slogan.scam_types:
                if scam not in scam_ids:
                    problems.add(material.path, slogan.line, messages.MODEL_SLOGAN_UNKNOWN_SCAM_TYPE.format(scam=scam))

