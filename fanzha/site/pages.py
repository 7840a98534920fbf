"""Site pages generated from the materials: Markdown text per page, the navigation and plain-text exports.

Knows nothing of MkDocs; hooks/ hands the result to whatever static-site generator builds the site.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from fanzha import messages
from fanzha.edition.expand import Expanded
from fanzha.model.catalog import Catalog, Edition
from fanzha.model.schema import KIND_NAMES
from fanzha.problems import Problems
from fanzha.site.thumbnails import thumbnail_path

TEMPLATES = Path(__file__).parents[1] / "templates" / "site"
_env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), undefined=jinja2.StrictUndefined,
                          autoescape=False, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
_env.globals["thumbnail"] = thumbnail_path
_env.filters["yaml_string"] = lambda text: json.dumps(" ".join(str(text).split()), ensure_ascii=False)

# The site's sections, in the order of the kinds, titled as the kinds are named but where a section reads better.
SECTION_TITLES = {**KIND_NAMES, "slogans": messages.SITE_SLOGANS_SECTION, "article": messages.SITE_ARTICLE_SECTION}


@dataclass
class SitePages:
    pages: dict[str, str] = field(default_factory=dict)  # source path in the site -> Markdown
    nav: list[Any] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)  # plain-text downloads, path -> text
    # 繁體版 folders (site/traditional.py) -> what the theme shows on their pages: variant, lang, site_name, copyright
    scripts: dict[str, dict[str, str]] = field(default_factory=dict)


def _page(env: jinja2.Environment, template: str, **context: Any) -> str:
    return env.get_template(template).render(**context)


def site_name_and_footer(edition: Edition) -> tuple[str, str]:
    meta = edition.meta
    footer = _page(_env, "footer.html.j2", unit=meta.unit, phones=meta.phones).strip()
    return meta.title or meta.unit.name, footer


def site_pages(catalog: Catalog, expanded: dict[str, Expanded], print_items: list[Any],
               hand_written: list[str], channel_items: list[Any] = (), channel_blocks: dict[str, str] | None = None,
               channel_page: str = "", converter=None) -> SitePages:
    """Every page of the site except the hand-written ones, and the navigation over all of them. The digital
    channels (fanzha.channels, made by the pipeline): `channel_items` their files, listed in the print centre;
    `channel_blocks` the Markdown each material's page ends with; `channel_page` the 数字渠道 page. A 繁體版's
    `converter` (edition/script.py) gives the templates' own words in its wording."""
    env = _env if converter is None else converter.templates(_env)
    channel_blocks = channel_blocks or {}
    site = SitePages()
    printed = {i.edition for i in print_items}
    # The default edition first: it is the one the site shows; then the units that print their own copies.
    editions = sorted((e for e in catalog.editions.values() if e.id in printed),
                      key=lambda e: (e.id != "default", e.id))
    units = {e.id: e.meta.unit.name for e in editions}
    rank = {e.id: n for n, e in enumerate(editions)}
    groups = sorted(print_groups(print_items), key=lambda g: rank[g.edition])
    prints = defaultdict(list)
    for group in groups:
        prints[group.main.material].append(group)
    common = {"units": units, "unit_editions": editions}  # every page: the unit chooser and the units' names

    def by_kind(kind: str) -> list[Expanded]:
        return [expanded[m.id] for m in catalog.of_kind(kind) if m.id in expanded]

    scams = by_kind("scam")
    related = _related(catalog, expanded)
    for kind in SECTION_TITLES:
        items = by_kind(kind)
        section_nav: list[Any] = []
        index = f"{kind}/index.md"
        template = f"{kind}_index.md.j2" if kind in ("scam", "slogans") else "index.md.j2"
        site.pages[index] = _page(env, template, **common, title=SECTION_TITLES[kind], items=items, kind=kind,
                                    prints=prints, scams=scams, catalog=catalog, channels=_channels(items))
        section_nav.append({messages.SITE_NAV_ALL if kind != "scam" else messages.SITE_NAV_BY_TYPE: index})
        if kind == "scam":
            site.pages["scam/by-audience.md"] = _page(env, "scam_audiences.md.j2", **common,
                                                         title=messages.SITE_NAV_BY_AUDIENCE,
                                                         groups=_by_audience(scams, catalog))
            section_nav.append({messages.SITE_NAV_BY_AUDIENCE: "scam/by-audience.md"})
        for item in items:
            path = f"{kind}/{item.material.id}.md"
            extra = _sticker_sheet(item, catalog) if kind == "stickers" else {}
            site.pages[path] = _page(env, f"{kind}.md.j2", **common, item=item,
                                       prints=prints.get(item.material.id, []),
                                       related=related.get(item.material.id, {}), expanded=expanded,
                                       catalog=catalog, kind_name=KIND_NAMES[kind],
                                       channels=channel_blocks.get(item.material.id, ""), **extra)
            section_nav.append({item.fields.get("title") or item.material.meta.title: path})
        site.nav.append({SECTION_TITLES[kind]: section_nav})

    kinds = [(kind, SECTION_TITLES[kind]) for kind in SECTION_TITLES if any(g.kind == kind for g in groups)]
    audiences = {m.id: list(m.meta.audiences) for m in catalog.materials.values()}
    used = {a for g in groups for a in audiences.get(g.material, [])}
    site.pages["print/index.md"] = _page(env, "print_centre.md.j2", **common, items=groups, editions=editions,
                                           kinds=kinds, audiences=audiences, channel_items=channel_items,
                                           audience_names=[a for a in catalog.audiences if a in used])
    site.nav.append({messages.SITE_NAV_PRINT: "print/index.md"})
    if channel_page:
        site.pages["channels/index.md"] = channel_page
        site.nav.append({messages.SITE_NAV_CHANNELS: "channels/index.md"})
    site.texts.update(_channel_exports(by_kind("slogans")))

    home = [p for p in hand_written if p == "index.md"]
    others = [p for p in hand_written if p != "index.md"]
    site.nav = [{messages.SITE_NAV_HOME: p} for p in home] + site.nav + others
    return site


def _sticker_sheet(item: Expanded, catalog: Catalog) -> dict[str, Any]:
    """A sticker sheet's label template and the texts on its labels, as the site's edition prints them."""
    from fanzha.model.labels import resolve_template
    from fanzha.edition.stickers import label_designs

    designs = label_designs(item, catalog, Problems(catalog.root)) or []  # problems were reported by the check
    texts = list(dict.fromkeys(d.text for d in designs))
    return {"label_template": resolve_template(item.material.meta.template), "texts": texts}


@dataclass
class PrintGroup:
    """One printed piece of one edition: its main file, and the files printed with it (a sticker sheet's cut-guide
    version and alignment test page), which share its preview."""

    main: Any
    files: list[Any]

    def __getattr__(self, name: str) -> Any:  # title, pages, … are the main file's
        return getattr(self.__dict__["main"], name)


def print_groups(items: list[Any]) -> list[PrintGroup]:
    groups: dict[tuple[str, str], PrintGroup] = {}
    for item in items:
        group = groups.setdefault((item.edition, item.material), PrintGroup(item, []))
        group.files.append(item)
        if not item.variant:
            group.main = item
    return list(groups.values())


def _related(catalog: Catalog, expanded: dict[str, Expanded]) -> dict[str, dict[str, list[Expanded]]]:
    """For each scam type: the materials and slogans that name it."""
    related: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for item in expanded.values():
        for scam in item.material.meta.scam_types:
            related[scam][item.material.kind].append(item)
        for slogan, text in item.slogans:
            for scam in slogan.scam_types:
                related[scam]["slogan_texts"].append(text)
    return related


def _by_audience(scams: list[Expanded], catalog: Catalog) -> list[tuple[str, str, list[Expanded]]]:
    groups = defaultdict(list)
    for item in scams:
        for audience in item.material.meta.audiences:
            groups[audience].append(item)
    order = list(catalog.audiences) or sorted(groups)
    return [(a, catalog.audiences.get(a, ""), groups[a]) for a in order if a in groups]


def _channels(slogan_sets: list[Expanded]) -> dict[str, list[str]]:
    channels: dict[str, list[str]] = defaultdict(list)
    for item in slogan_sets:
        for slogan, text in item.slogans:
            for channel in slogan.channels:
                if text not in channels[channel]:
                    channels[channel].append(text)
    return dict(channels)


CHANNEL_EXPORTS = {"LED": "slogans/led.txt", messages.MODEL_CHANNEL_SMS: "slogans/sms.txt"}


def _channel_exports(slogan_sets: list[Expanded]) -> dict[str, str]:
    """One slogan a line, for pasting into LED controllers and SMS platforms."""
    channels = _channels(slogan_sets)
    return {path: "\n".join(channels.get(channel, [])) + "\n" for channel, path in CHANNEL_EXPORTS.items()}
