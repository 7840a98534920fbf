"""Fills a material's template variables ({{ unit.name }} …) from one edition."""

from __future__ import annotations

import datetime as dt
import functools
import traceback
from dataclasses import dataclass, field
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from fanzha import messages
from fanzha.model.catalog import Catalog, Edition, Material, Slogan
from fanzha.problems import Problems

# Slogans mark their ids as {#id}, so Jinja comments get delimiters no author types by accident.
_env = SandboxedEnvironment(undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=True,
                            comment_start_string="{#--", comment_end_string="--#}")
TEMPLATE_NAME = "<material>"

# Front-matter fields that may hold template variables, per kind.
EXPANDED_FIELDS = ("title", "summary", "salutation", "signed", "date", "headline", "subhead", "text", "subtext",
                   "broadcast")


def chinese_date(day: dt.date) -> str:
    return messages.EDITION_DATE.format(year=day.year, month=day.month, day=day.day)


def edition_context(edition: Edition) -> dict[str, Any]:
    meta = edition.meta
    return {
        "unit": meta.unit.model_dump(),
        "edition": {"id": meta.id, "title": meta.title or meta.unit.name, "date": chinese_date(meta.date),
                    "site_url": meta.site_url},
        "phones": {"police": meta.phones.police, "hotline": meta.phones.hotline,
                   "local": [p.model_dump() for p in meta.phones.local]},
    }


def fill_variables(text: str, context: dict[str, Any], where: str, first_line: int, problems: Problems) -> str | None:
    """Render one piece of material text; an undefined variable names the file and line."""
    if "{{" not in text and "{%" not in text:
        return text
    try:
        return _compiled(text).render(context)
    except jinja2.TemplateSyntaxError as exc:
        problems.add(where, first_line + (exc.lineno or 1) - 1,
                     messages.EDITION_TEMPLATE_SYNTAX_ERROR.format(error=exc.message))
    except jinja2.UndefinedError as exc:
        line = _template_line(exc)
        name = str(exc.message or "").replace("'", "").replace(" is undefined", "")
        problems.add(where, first_line + line - 1, messages.EDITION_UNDEFINED_VARIABLE.format(name=name))
    except jinja2.TemplateError as exc:
        problems.add(where, first_line, messages.EDITION_TEMPLATE_ERROR.format(error=exc))
    return None


@functools.lru_cache(maxsize=4096)
def _compiled(text: str) -> jinja2.Template:
    """The same text is expanded for every edition: compiled once."""
    return _env.from_string(text)


def _template_line(exc: BaseException) -> int:
    lines = [frame.lineno for frame in traceback.extract_tb(exc.__traceback__) if frame.filename == "<template>"]
    return lines[-1] if lines and lines[-1] else 1


@dataclass
class Expanded:
    """A material as one edition prints it."""

    material: Material
    edition: Edition
    body: str
    fields: dict[str, str]
    slogans: list[tuple[Slogan, str]] = field(default_factory=list)
    receipt_statement: str = ""

    def __getattr__(self, name: str) -> Any:
        fields = self.__dict__.get("fields", {})
        if name in fields:
            return fields[name]
        return getattr(self.__dict__["material"].meta, name)


def expand_material(material: Material, edition: Edition, problems: Problems) -> Expanded | None:
    context = edition_context(edition)
    source = material.source
    before = len(problems.errors)
    fields = {}
    for name in EXPANDED_FIELDS:
        value = getattr(material.meta, name, None)
        if isinstance(value, str):
            fields[name] = fill_variables(value, context, material.path, source.line_of(name), problems)
    body = fill_variables(source.body, context, material.path, source.body_line, problems)
    receipt = getattr(material.meta, "receipt", None)
    statement = ""
    if receipt is not None:
        statement = fill_variables(receipt.statement, context, material.path, source.line_of("receipt", "statement"),
                           problems) or ""
    slogans = [(s, fill_variables(s.text, context, material.path, s.line, problems) or "") for s in material.slogans]
    if len(problems.errors) > before:
        return None
    return Expanded(material, edition, body or "", fields, slogans, statement)


def expand_catalog(catalog: Catalog, edition: Edition, problems: Problems,
                   materials: list[Material] | None = None) -> dict[str, Expanded]:
    out = {}
    for material in catalog.materials.values() if materials is None else materials:
        expanded = expand_material(material, edition, problems)
        if expanded is not None:
            out[material.id] = expanded
    return out
