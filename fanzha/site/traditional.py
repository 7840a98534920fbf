"""The site's Traditional versions (繁體版): the materials as each Traditional edition prints them, the first edition
(by id) under zh-hant/ and each other one under zh-hant-<edition id>/ (edition/script.py site_folders: what the
edition prints points there too), and search that finds their pages whether the
query is typed in Simplified or Traditional characters."""

from __future__ import annotations

import posixpath
import re
from typing import Any

from fanzha import messages
from fanzha.edition.script import SITE_FOLDER, converter_for, site_folders
from fanzha.text.cjk import corner_text

PREFIX = SITE_FOLDER
TWIN_WEIGHT = 0.8  # of the Simplified page's search weight
WORD_BREAK = "\u200b"  # what the search plugin puts between words
NAV_TITLE = messages.SITE_TRADITIONAL_NAV
REGIONS = messages.SITE_TRADITIONAL_REGIONS
UI_LANGUAGE = "zh-TW"  # the theme's own words on a 繁體版 page (overrides/partials/language.html)

_LINK = re.compile(r"(\]\()([^)\s]+)(\))")
_LOCATION = re.compile(rf"^{PREFIX}(?:-[a-z0-9][a-z0-9-]*)?/")


def add_traditional_pages(site, catalog, expanded: dict[str, dict], print_items: list) -> None:
    """Add to `site` (pages.SitePages) the material pages of each edition with `script: traditional`, each under its
    own prefix (traditional_prefixes) with its own print files, and a nav section for each; a project without one is
    left as it is."""
    from fanzha.site.pages import site_name_and_footer, site_pages

    prefixes = traditional_prefixes(catalog)
    titles = _nav_titles(catalog, prefixes)
    for edition_id, prefix in prefixes.items():
        if edition_id not in expanded:
            continue
        converter = converter_for(catalog.editions[edition_id])
        own = site_pages(catalog, expanded[edition_id], [i for i in print_items if i.edition == edition_id], [],
                         converter=converter)
        # The print centre lists every edition's files: the site has one, in Simplified.
        kept = {path: text for path, text in own.pages.items() if not path.startswith("print/")}
        mirrored = set(kept) | set(own.texts)
        for path, text in kept.items():
            site.pages[f"{prefix}/{path}"] = _weighed_below_its_twin(_relinked(converter.finish(text), path, mirrored))
        for path, text in own.texts.items():
            site.texts[f"{prefix}/{path}"] = converter.finish_text(text)
        nav = [entry for entry in (_nav_entry(item, converter, set(kept), prefix) for item in own.nav)
               if entry is not None]
        site.nav.append({titles[edition_id]: nav})
        name, footer = site_name_and_footer(converter.edition(catalog.editions[edition_id]))
        site.scripts[prefix] = {"variant": converter.variant, "lang": converter.lang,
                                "site_name": converter.finish_text(name),
                                "copyright": converter.finish_html(footer)}


def traditional_prefixes(catalog) -> dict[str, str]:
    """Each Traditional edition's folder in the site, by edition id (edition/script.py site_folders)."""
    return site_folders(catalog.editions)


def _nav_titles(catalog, prefixes: dict[str, str]) -> dict[str, str]:
    """繁體版 for a project's one Traditional edition; with more, each named by its region (繁體版（香港）), and by
    its edition id as well where two share one."""
    if len(prefixes) < 2:
        return {edition_id: NAV_TITLE for edition_id in prefixes}
    variants = {edition_id: catalog.editions[edition_id].meta.script_variant for edition_id in prefixes}
    shared = {variant for variant in variants.values() if list(variants.values()).count(variant) > 1}
    return {edition_id: f"{NAV_TITLE}（{REGIONS[variant]}{'，' + edition_id if variant in shared else ''}）"
            for edition_id, variant in variants.items()}


def _weighed_below_its_twin(markdown: str) -> str:
    """The page a little lighter in search than its Simplified twin: a query in either script finds both (the index
    holds this page's words in Simplified too), and a reader of the Simplified site is shown its own page just
    before this one."""
    import yaml

    if not markdown.startswith("---\n") or "\n---\n" not in markdown[3:]:
        return f"---\nsearch:\n  boost: {TWIN_WEIGHT}\n---\n" + markdown
    head, body = markdown[4:].split("\n---\n", 1)
    meta = yaml.safe_load(head) or {}
    for key in ("title", "description"):  # its text quoted as the page's (mkdocs_plugin.py: corner_quotes)
        if isinstance(meta.get(key), str):
            meta[key] = corner_text(meta[key])
    search = meta.setdefault("search", {})
    search["boost"] = search.get("boost", 1) * TWIN_WEIGHT
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + body


def _nav_entry(item: Any, converter, kept: set[str], prefix: str) -> Any:
    if isinstance(item, str):
        return f"{prefix}/{item}" if item in kept else None
    (title, value), = item.items()
    title = converter.finish_text(title)
    if isinstance(value, list):
        children = [entry for entry in (_nav_entry(child, converter, kept, prefix) for child in value)
                    if entry is not None]
        return {title: children} if children else None
    return {title: f"{prefix}/{value}"} if value in kept else None


def _relinked(markdown: str, path: str, mirrored: set[str]) -> str:
    """Links that leave the mirrored pages (to the print files, the hand-written pages) one folder further up."""
    folder = posixpath.dirname(path)

    def fix(match: re.Match) -> str:
        target = match[2]
        if re.match(r"^[a-z][a-z0-9+.-]*:|^[#/]", target):
            return match[0]
        file = target.split("#", 1)[0]
        if posixpath.normpath(posixpath.join(folder, file)) in mirrored:
            return match[0]
        return f"{match[1]}../{target}{match[3]}"

    return _LINK.sub(fix, markdown)


_TAGS = re.compile(r"<[^>]+>")
_HAN_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")


def segmented_as_simplified(value: str) -> str:
    """A search-index field of a zh-hant/ page with its Chinese words cut where jieba cuts their Simplified form:
    jieba's dictionary is Simplified, and cuts Traditional text badly (刷單返利類詐騙 as 類詐 + 騙, which a query
    詐騙 does not find). A run whose Simplified form is not as long keeps jieba's own cut of it."""
    import jieba

    def cut(match: re.Match) -> str:
        run = match[0]
        simplified = _converter("t2s").convert(run)
        if len(simplified) != len(run):
            words = list(jieba.cut(run))
        else:
            words, start = [], 0
            for word in jieba.cut(simplified):
                words.append(run[start:start + len(word)])
                start += len(word)
        return WORD_BREAK + WORD_BREAK.join(words) + WORD_BREAK

    return _HAN_RUN.sub(cut, value.replace(WORD_BREAK, "")).strip(WORD_BREAK)
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def simplified_terms(doc: dict, separator: re.Pattern) -> str:
    """For a search-index entry of a zh-hant/ page: its words in Simplified characters that its own text lacks, as
    hidden text after it, so that a query typed in Simplified finds the page too (Taiwan wording back to mainland
    wording: 軟體 → 软件). Segmented by jieba with the site's dictionary, as the search plugin segments pages."""
    import jieba

    plain = _TAGS.sub(" ", f"{doc.get('title', '')} {doc.get('text', '')}").replace("\u200b", " ")
    own = set(separator.split(plain))
    words: dict[str, None] = {}
    for config in ("tw2sp", "hk2s"):
        simplified = _converter(config).convert(plain)
        for word in jieba.cut(simplified):
            word = word.strip()
            # Words of two characters and more: a query of one character is rare, and single ones are most words.
            if len(word) > 1 and _HAN.search(word) and word not in own and not separator.search(word):
                words[word] = None
    return f"<span hidden>{WORD_BREAK}{WORD_BREAK.join(words)}{WORD_BREAK}</span>" if words else ""


_converters: dict[str, Any] = {}


def _converter(config: str):
    import opencc

    if config not in _converters:
        _converters[config] = opencc.OpenCC(config)
    return _converters[config]


def traditional_prefix(location: str) -> str | None:
    """The 繁體版 folder a page of the site (its URL or search location) is in; None for the Simplified site's."""
    match = _LOCATION.match(location)
    return match[0][:-1] if match else None


def is_traditional_location(location: str) -> bool:
    return traditional_prefix(location) is not None
