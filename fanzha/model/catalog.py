"""Loads every material and edition, validates them against their schemas and resolves references."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from pydantic import ValidationError

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


def describe_validation_error(exc: ValidationError) -> list[tuple[tuple, str, str]]:
    """Turn pydantic's English errors into (key path, 问题, 怎么改) in Chinese."""
    out = []
    seen: set[tuple] = set()
    for err in exc.errors():
        # pydantic names the member of a union it tried (`literal['A3',…]`, `CustomSize`); authors know only the key.
        loc = tuple(part for part in err["loc"] if not (isinstance(part, str) and ("[" in part or part[:1].isupper())))
        if loc in seen:  # one message per key, not one per member of a union
            continue
        seen.add(loc)
        key = ".".join(str(part) for part in loc) or "头部"
        kind = err["type"]
        if kind == "value_error" and " — " in str(err.get("ctx", {}).get("error", "")):
            message, fix = str(err["ctx"]["error"]).split(" — ", 1)
            out.append((loc, f"`{key}`：{message}", fix))
        elif kind == "missing":
            out.append((loc, f"缺少必填项 `{key}`", f"在头部加上 `{loc[-1]}: …`"))
        elif kind == "extra_forbidden":
            out.append((loc, f"不认识的键 `{key}`", "检查拼写；可用的键见 `fanzha new` 生成的模板"))
        elif kind in ("literal_error", "enum"):
            allowed = err.get("ctx", {}).get("expected", "")
            out.append((loc, f"`{key}` 的值“{err.get('input')}”不在可选范围内", f"改成 {allowed} 之一"))
        elif kind == "string_pattern_mismatch":
            out.append((loc, f"`{key}` 的值“{err.get('input')}”格式不对",
                        "编号只能用小写英文字母、数字和连字符，例如 shuadan-fanli"))
        elif kind in ("string_too_short", "too_short"):
            out.append((loc, f"`{key}` 不能为空", "填写内容"))
        elif kind in ("string_too_long", "too_long"):
            limit = err.get("ctx", {}).get("max_length", "")
            out.append((loc, f"`{key}` 太长（上限 {limit}）", "缩短内容"))
        elif kind.endswith("_type") or kind.endswith("_parsing"):
            out.append((loc, f"`{key}` 的类型不对（{err.get('input')!r}）", _type_hint(kind)))
        else:
            out.append((loc, f"`{key}` 不合要求（{err['msg']}）", "按说明修改这一项"))
    return out


def _type_hint(kind: str) -> str:
    return {
        "list_type": "写成列表，例如 [甲, 乙]",
        "string_type": "写成文字，必要时加引号",
        "int_type": "写成整数",
        "int_parsing": "写成整数",
        "bool_type": "写成 true 或 false",
        "bool_parsing": "写成 true 或 false",
        "date_type": "写成日期，例如 2026-11-01",
        "date_from_datetime_parsing": "写成日期，例如 2026-11-01",
        "dict_type": "写成“键: 值”的结构",
        "model_type": "写成“键: 值”的结构",
    }.get(kind, "按说明修改这一项")


def load_catalog(root: Path, problems: Problems) -> Catalog:
    root = Path(root)
    materials_dir = root / "materials"
    materials: dict[str, Material] = {}
    if not materials_dir.is_dir():
        problems.add(materials_dir, 0, "找不到 materials/ 目录", "在项目根目录下运行，或用 --root 指定项目目录")
        return Catalog(root, {}, {}, {})

    refuse_outside_links(materials_dir, problems)
    for path in sorted(materials_dir.rglob("*.md")):
        material = _load_material(path, materials_dir, problems)
        if material is None:
            continue
        if material.id in materials:
            other = problems.relative(materials[material.id].path)
            problems.add(path, material.source.line_of("id"), f"编号 `{material.id}` 与 {other} 重复",
                         "每个素材的 id 必须唯一，改一个新的编号")
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
        problems.add(path, source.line_of("kind"), f"未知的素材类型 kind: {kind!r}",
                     f"kind 应为 {'、'.join(KINDS)} 之一")
        return None
    if folder != kind:
        problems.add(path, source.line_of("kind"), f"kind 为 {kind}，但文件不在 materials/{kind}/ 下",
                     f"把文件移到 materials/{kind}/，或改正 kind")
        return None
    try:
        meta = META_BY_KIND[kind].model_validate(source.meta)
    except ValidationError as exc:
        for loc, message, fix in describe_validation_error(exc):
            problems.add(path, source.line_of(*loc), message, fix)
        return None
    if path.stem != meta.id:
        problems.add(path, source.line_of("id"), f"文件名 {path.name} 与编号 `{meta.id}` 不一致",
                     f"把文件改名为 {meta.id}.md，或改正 id")
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
            problems.add(material.path, lineno, f"标语编号 {{#{slogan_id}}} 在本文件中重复", "改成不同的编号")
        if slogan_id:
            seen_ids.add(slogan_id)
        if not current["channels"]:
            problems.add(material.path, lineno, "这条标语没有指定渠道",
                         "在头部写 channels: [横幅, LED, 短信, 贴纸, 口诀] 中的若干项，或在 groups 里为所在小标题指定")
        if MALFORMED_ATTRIBUTES.search(item["text"]):
            problems.add(material.path, lineno, "标语末尾 { } 里的写法不认识",
                         "写成 {#编号} 或 {#编号 scam_types=诈骗类型编号,诈骗类型编号}，"
                         "例如 {#fanshi-shuadan scam_types=shuadan-fanli}")
        # The slogan's own scam types, when it names them, instead of its group's: a group such as 凡是…都是诈骗
        # covers many types, each slogan only one.
        scam_types = tuple(item["scam_types"].split(",")) if item["scam_types"] else tuple(current["scam_types"])
        slogans.append(Slogan(material.id, item["text"].strip(), lineno, tuple(current["channels"]),
                              tuple(current["audiences"]), scam_types, group, slogan_id))
    for name in meta.groups:
        if name not in seen_groups:
            problems.add(material.path, material.source.line_of("groups", name),
                         f"groups 里的“{name}”没有对应的小标题", "让它与正文中 ## 小标题的文字完全一致")
    if not slogans:
        problems.add(material.path, material.source.body_line, "标语集里没有标语",
                     "每条标语写成一行列表项，例如：- 全民反诈，你我同行")
    return slogans


def _load_audiences(path: Path, problems: Problems) -> dict[str, str]:
    if not path.exists():
        return {}
    parsed = read_yaml_file(path, problems)
    if parsed is None:
        return {}
    data, _ = parsed
    if not isinstance(data, dict):
        problems.add(path, 1, "受众表应当是“受众: 说明”的列表", "按 `老年人: 说明文字` 的格式逐行填写")
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
            problems.add(path, 1, "版本文件应当是“键: 值”的结构", "参照 materials/editions/default.yml 填写")
            continue
        data.setdefault("id", path.stem)
        if data["id"] != path.stem:
            problems.add(path, lines.get(("id",), 1), f"文件名 {path.name} 与版本编号 `{data['id']}` 不一致",
                         f"把文件改名为 {data['id']}.yml，或改正 id")
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
            for loc, message, fix in describe_validation_error(exc):
                problems.add(path, _line(lines, loc), message, fix)
            continue
        editions[meta.id] = Edition(meta, path, lines)
    if "default" not in editions and not any(p.path.endswith("editions/default.yml") for p in problems.items):
        problems.add(folder / "default.yml", 0, "缺少本单位信息文件 materials/editions/default.yml",
                     "复制仓库自带的 default.yml，改成本单位的名称、落款、电话和日期")
    return editions


def _inherit(name: str, raw: dict, path: Path, lines: dict, problems: Problems) -> dict | None:
    """An edition that `extends` another takes every value it does not set itself (a township from its county)."""
    chain = [name]
    data = raw[name][1]
    while data.get("extends"):
        parent = data["extends"]
        if parent in chain:
            problems.add(path, lines.get(("extends",), 1), f"版本继承成环：{' → '.join(chain + [parent])}",
                         "去掉其中一个 extends")
            return None
        if parent not in raw:
            problems.add(path, lines.get(("extends",), 1), f"extends 指向不存在的版本 `{parent}`",
                         f"改成 materials/editions/ 下已有的版本：{'、'.join(sorted(raw))}")
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
    where = (f"把图片放在 {problems.relative(owner.parent)}/ 下，{key}: 写相对 {owner.name} 的路径，"
             "例如 images/photo.jpg")
    if not path.resolve().is_relative_to(problems.root.resolve()):
        problems.add(owner, line, f"图片“{name}”在项目之外", where)
        return
    if not path.is_file():
        problems.add(owner, line, f"找不到图片“{name}”", where)
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
        problems.add(owner, line, f"图片“{name}”太大（超过 {MAX_IMAGE_PIXELS // 1_000_000} 百万像素）",
                     "缩小到印刷需要的大小：成品尺寸（毫米）÷ 25.4 × 300 像素")
        return
    if kind not in IMAGE_FORMATS:
        problems.add(owner, line, f"“{name}”不是能读的 JPG 或 PNG 图片", "用看图软件打开它，另存为 JPG 或 PNG 后再引用")


def _check_references(catalog: Catalog, problems: Problems) -> None:
    for edition in catalog.editions.values():
        if edition.meta.logo:
            check_image_file(edition.path, edition.meta.logo, _line(edition.lines, ("logo",)), "logo", problems)
        select = edition.meta.select
        for key in ("include", "exclude"):
            for i, material_id in enumerate(getattr(select, key)):
                if material_id not in catalog.materials:
                    problems.add(edition.path, _line(edition.lines, ("select", key, i)),
                                 f"select.{key} 里的素材 `{material_id}` 不存在", "写 materials/ 下某个素材的 id")
        for i, audience in enumerate(select.audiences):
            if catalog.audiences and audience not in catalog.audiences:
                problems.add(edition.path, _line(edition.lines, ("select", "audiences", i)), f"未知的受众“{audience}”",
                             f"改成 materials/audiences.yml 里的一项：{'、'.join(catalog.audiences)}")
    scam_ids = {m.id for m in catalog.of_kind("scam")}
    slogan_refs = {s.ref for s in catalog.slogans if s.ref}
    collections = {m.id for m in catalog.of_kind("slogans")}
    for material in catalog.materials.values():
        meta, source = material.meta, material.source
        for i, scam in enumerate(meta.scam_types):
            if scam not in scam_ids:
                problems.add(material.path, source.line_of("scam_types", i), f"引用了不存在的诈骗类型 `{scam}`",
                             "写 materials/scam/ 下某个文件的 id")
        for i, audience in enumerate(meta.audiences):
            if catalog.audiences and audience not in catalog.audiences:
                problems.add(material.path, source.line_of("audiences", i), f"未知的受众“{audience}”",
                             f"改成 materials/audiences.yml 里的一项：{'、'.join(catalog.audiences)}")
        for i, ref in enumerate(getattr(meta, "slogans", []) or []):
            if ref not in slogan_refs and ref not in collections:
                problems.add(material.path, source.line_of("slogans", i), f"引用了不存在的标语 `{ref}`",
                             "写成“标语集id/标语id”，标语id 在标语行末以 {#id} 标出；或只写标语集 id 引用整集")
        if getattr(meta, "image", ""):
            check_image(material, problems)
        template = getattr(meta, "template", None)
        if isinstance(template, str) and template not in label_templates():
            problems.add(material.path, source.line_of("template"), f"未知的标签纸模板 `{template}`",
                         f"改成 {'、'.join(label_templates())} 之一，或直接写出自定义模板")
        for slogan in material.slogans:
            for scam in slogan.scam_types:
                if scam not in scam_ids:
                    problems.add(material.path, slogan.line, f"标语引用了不存在的诈骗类型 `{scam}`",
                                 "改正 scam_types 或 groups 里的编号")

