"""The site's Traditional version (繁體版): the materials as the first Traditional edition prints them, under zh-hant/,
and search that finds its pages whether the query is typed in Simplified or Traditional characters."""

from __future__ import annotations

import posixpath
import re
from typing import Any

from fanzha.edition.script import converter_for

PREFIX = "zh-hant"
TWIN_WEIGHT = 0.8  # of the Simplified page's search weight
WORD_BREAK = "\u200b"  # what the search plugin puts between words
NAV_TITLE = "繁體版"

_LINK = re.compile(r"(\]\()([^)\s]+)(\))")


def add_traditional_pages(site, catalog, expanded: dict[str, dict], print_items: list) -> None:
    """Add to `site` (pages.SitePages) the material pages of the first edition (by id) with `script: traditional`,
    under zh-hant/, with its own print files; a project without one is left as it is."""
    from fanzha.site.pages import site_pages

    edition = next((e for _, e in sorted(catalog.editions.items()) if converter_for(e) is not None), None)
    if edition is None or edition.id not in expanded:
        return
    converter = converter_for(edition)
    own = site_pages(catalog, expanded[edition.id], [i for i in print_items if i.edition == edition.id], [])
    # The print centre lists every edition's files: the site has one, in Simplified.
    kept = {path: text for path, text in own.pages.items() if not path.startswith("print/")}
    mirrored = set(kept) | set(own.texts)
    for path, text in kept.items():
        site.pages[f"{PREFIX}/{path}"] = _weighed_below_its_twin(_relinked(converter.finish(text), path, mirrored))
    for path, text in own.texts.items():
        site.texts[f"{PREFIX}/{path}"] = converter.finish(text)
    nav = [entry for entry in (_nav_entry(item, converter, set(kept)) for item in own.nav) if entry is not None]
    site.nav.append({NAV_TITLE: nav})


def _weighed_below_its_twin(markdown: str) -> str:
    """The page a little lighter in search than its Simplified twin: a query in either script finds both (the index
    holds this page's words in Simplified too), and a reader of the Simplified site is shown its own page just
    before this one."""
    import yaml

    if not markdown.startswith("---\n") or "\n---\n" not in markdown[3:]:
        return f"---\nsearch:\n  boost: {TWIN_WEIGHT}\n---\n" + markdown
    head, body = markdown[4:].split("\n---\n", 1)
    meta = yaml.safe_load(head) or {}
    search = meta.setdefault("search", {})
    search["boost"] = search.get("boost", 1) * TWIN_WEIGHT
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + body


def _nav_entry(item: Any, converter, kept: set[str]) -> Any:
    if isinstance(item, str):
        return f"{PREFIX}/{item}" if item in kept else None
    (title, value), = item.items()
    if isinstance(value, list):
        children = [entry for entry in (_nav_entry(child, converter, kept) for child in value) if entry is not None]
        return {converter.finish(title): children} if children else None
    return {converter.finish(title): f"{PREFIX}/{value}"} if value in kept else None


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


def traditional_html_lang(page_html: str) -> str:
    """A zh-hant/ page's HTML with its language set to Traditional Chinese (the theme gives every page its own)."""
    return re.sub(r'<html lang="[^"]*"', '<html lang="zh-Hant"', page_html, count=1)


def is_traditional_location(location: str) -> bool:
    return location.startswith(f"{PREFIX}/")
