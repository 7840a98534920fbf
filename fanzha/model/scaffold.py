"""`fanzha new`: a new material from its kind's archetype, the way `hugo new` uses archetypes."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2

from fanzha.model.schema import KIND_NAMES, KINDS

ARCHETYPES = Path(__file__).parents[1] / "archetypes"
# Archetypes keep {{ unit.name }} for the materials themselves, so their own fields use [[ ]].
_env = jinja2.Environment(loader=jinja2.FileSystemLoader(ARCHETYPES), variable_start_string="[[",
                          variable_end_string="]]", undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class ScaffoldError(Exception):
    pass


def scaffold(root: Path, kind: str, material_id: str, title: str | None = None) -> Path:
    if kind not in KINDS:
        raise ScaffoldError(f"未知的素材类型“{kind}” — 可选：{'、'.join(f'{k}（{KIND_NAMES[k]}）' for k in KINDS)}")
    if not ID.match(material_id):
        raise ScaffoldError(f"编号“{material_id}”不合格式 — 只用小写英文字母、数字和连字符，例如 dianhua-qianfei")
    existing = (next((Path(root) / "materials").rglob(f"{material_id}.md"), None)
                if (Path(root) / "materials").is_dir() else None)
    if existing:
        raise ScaffoldError(f"编号“{material_id}”已被 {existing} 使用 — 换一个编号")
    path = Path(root) / "materials" / kind / f"{material_id}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = _env.get_template(f"{kind}.md").render(id=material_id, title=title or f"新的{KIND_NAMES[kind]}")
    path.write_text(text, encoding="utf-8")
    return path
