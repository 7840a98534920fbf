"""An allowlist for the HTML that materials become, on the site and in print: the tags, attributes and link targets
Markdown text needs, and nothing else — no script, no event handler, no javascript:/data:/file: link, however it is
spelled (entities, a tag over several lines, Markdown's attribute lists).

    clean(html) -> str                 what may be published of rendered HTML (nh3, the Ammonia sanitiser)
    findings(text) -> list[Finding]    what of a material's Markdown the allowlist refuses, for `fanzha check`

`findings` reads the HTML that Markdown makes of the text with the standard library's HTML parser, which decodes
entities in attribute values as a browser does; `clean` is applied to every page and print document regardless, so
a text the check misses still publishes nothing outside the allowlist.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import unquote

import markdown
import nh3

from fanzha import messages

TAGS = frozenset("""a abbr b blockquote br caption code dd del details div dl dt em figcaption figure h1 h2 h3 h4 h5 h6
hr i img ins kbd li mark ol p pre q s small span strong sub summary sup table tbody td tfoot th thead tr u ul"""
                 .split())
GLOBAL_ATTRIBUTES = frozenset({"class", "id", "title", "lang"})
ATTRIBUTES = {
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "loading"},
    "ol": {"start"},
    "td": {"align", "colspan", "rowspan", "style"},
    "th": {"align", "colspan", "rowspan", "style"},
    "details": {"open"},
}
URL_ATTRIBUTES = frozenset({"href", "src"})
URL_SCHEMES = frozenset({"https"})  # and links without a scheme: within the site, or to an anchor
STYLE_PROPERTIES = frozenset({"text-align"})  # what Markdown's tables write; url() in a style would load from outside
# Markdown's own output for text: what a material may contain. The site adds admonitions (one extension more).
MARKDOWN_EXTENSIONS = ["extra", "admonition", "sane_lists"]
# What lets a text carry markup at all: without any of these, Markdown gives only text, paragraphs and lists.
MARKUP_SIGNS = re.compile(r"[<&{]|\]\s*[(:\[]")
SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")


@functools.cache
def _cleaner() -> nh3.Cleaner:
    return nh3.Cleaner(tags=set(TAGS),
                       attributes={"*": set(GLOBAL_ATTRIBUTES), **{k: set(v) for k, v in ATTRIBUTES.items()}},
                       url_schemes=set(URL_SCHEMES), filter_style_properties=set(STYLE_PROPERTIES), link_rel=None,
                       strip_comments=True)


def clean(html: str) -> str:
    """`html` with everything outside the allowlist taken out (a <script>'s content with it)."""
    return _cleaner().clean(html)


# A site page is a material's HTML inside fanzha's own page templates: their cards, unit chooser, filters and copy
# buttons need these too. No material may contain them (`findings` holds a text to the narrower list above), and
# none of them runs anything: the scripts that read data-* attributes are the site's own.
SITE_TAGS = TAGS | frozenset("article section nav aside header footer label select option button".split())
SITE_ATTRIBUTES = {**ATTRIBUTES, "option": {"value", "selected"}, "button": {"type"}, "label": {"for"},
                   "select": {"name"}, "img": ATTRIBUTES["img"] | {"decoding"}}


@functools.cache
def _site_cleaner() -> nh3.Cleaner:
    return nh3.Cleaner(tags=set(SITE_TAGS), attributes={"*": set(GLOBAL_ATTRIBUTES) | {"hidden"},
                                                        **{k: set(v) for k, v in SITE_ATTRIBUTES.items()}},
                       generic_attribute_prefixes={"data-", "aria-"}, url_schemes=set(URL_SCHEMES),
                       filter_style_properties=set(STYLE_PROPERTIES), link_rel=None, strip_comments=True)


def clean_site_page(html: str) -> str:
    """clean() for a whole site page: fanzha's page markup kept, everything that could run or load taken out."""
    return _site_cleaner().clean(html)


_VOID = re.compile(r"<(br|hr|img)((?:\s[^<>]*)?)(?<!/)>")


def clean_xhtml(html: str) -> str:
    """clean() for the print HTML, its void elements closed again (<br />): the print renderer reads well-formed
    markup with a fast XML parser and falls back to an HTML parser only for what is not (typeset.well_formed_tree)."""
    return _VOID.sub(r"<\1\2 />", clean(html))


@dataclass(frozen=True)
class Finding:
    message: str
    needles: tuple[str, ...]  # what to look for in the source to find the line, most telling first


def findings(text: str) -> list[Finding]:
    """What of this Markdown text the allowlist refuses, as the HTML Markdown makes of it shows it."""
    if not MARKUP_SIGNS.search(text):
        return []
    checker = _Checker()
    checker.feed(_markdown().reset().convert(text))
    checker.close()
    return list(dict.fromkeys(checker.found))


@functools.cache
def _markdown() -> markdown.Markdown:
    return markdown.Markdown(extensions=MARKDOWN_EXTENSIONS, output_format="html")


def refused_url(url: str) -> str | None:
    """The scheme of a link target the allowlist refuses ("javascript", "file", "data", "http"…), None if allowed.
    Read as a browser reads it: entities are already decoded by the parser; control characters and white space
    inside are dropped, percent escapes decoded."""
    compact = re.sub(r"[\x00-\x20\x7f]+", "", unquote(url))
    match = SCHEME.match(compact)
    if match is None:
        return None if ":" not in compact.split("/", 1)[0] else compact.split(":", 1)[0] or ":"
    scheme = match.group(1).lower()
    return None if scheme in URL_SCHEMES else scheme


class _Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[Finding] = []

    def handle_starttag(self, tag, attrs):
        self._check(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._check(tag, attrs)

    def _check(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in TAGS:
            self.found.append(Finding(messages.EDITION_TAG_REFUSED.format(tag=tag), (f"<{tag}", tag)))
            return
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.found.append(Finding(messages.EDITION_EVENT_ATTRIBUTE_REFUSED.format(name=name), (name,)))
            elif name not in GLOBAL_ATTRIBUTES and name not in ATTRIBUTES.get(tag, ()):
                self.found.append(Finding(messages.EDITION_ATTRIBUTE_REFUSED.format(tag=tag, name=name), (name,)))
            elif name == "style" and not _plain_style(value):
                self.found.append(Finding(messages.EDITION_STYLE_REFUSED.format(style=value[:60]), ("style",)))
            elif name in URL_ATTRIBUTES and (scheme := refused_url(value)) is not None:
                shown = value[:80]
                message = (messages.EDITION_HTTP_LINK_REFUSED.format(url=shown) if scheme == "http" else
                           messages.EDITION_SCHEME_REFUSED.format(url=shown, scheme=scheme))
                self.found.append(Finding(message, (value[:40], value[:6], f"{name}=", "](")))


def _plain_style(style: str) -> bool:
    declarations = [d for d in style.split(";") if d.strip()]
    return all(d.split(":", 1)[0].strip().lower() in STYLE_PROPERTIES and "(" not in d and "\\" not in d
               for d in declarations)
