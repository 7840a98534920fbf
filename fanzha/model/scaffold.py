"""`fanzha new`: a new material from its kind's archetype, the way `hugo new` uses archetypes."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2

from fanzha import messages
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
        choices = "、".join(messages.MODEL_SCAFFOLD_KIND_CHOICE.format(kind=k, name=KIND_NAMES[k]) for k in KINDS)
        raise ScaffoldError(messages.MODEL_SCAFFOLD_UNKNOWN_KIND.format(kind=kind, kinds=choices))
    if not ID.match(material_id):
        raise ScaffoldError(messages.MODEL_SCAFFOLD_ID_MALFORMED.format(id=material_id))
    existing = (next((Path(root) / "materials").rglob(f"{material_id}.md"), None)
                if (Path(root) / "materials").is_dir() else None)
    if existing:
        raise ScaffoldError(messages.MODEL_SCAFFOLD_ID_TAKEN.format(id=material_id, path=existing))
    path = Path(root) / "materials" / kind / f"{material_id}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    title = title or messages.MODEL_SCAFFOLD_TITLE.format(kind_name=KIND_NAMES[kind])
    text = _env.get_template(f"{kind}.md").render(id=material_id, title=title)
    path.write_text(text, encoding="utf-8")
    return path
