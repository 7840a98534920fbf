"""公众号 articles: a material as HTML that WeChat's editor keeps when it is pasted in — inline styles only (no class,
no <style>, no script, no outside stylesheet, font or image), outside links as numbered footnotes, and under the
editor's 20,000-character limit. The layout is a template and a stylesheet (templates/channels/wechat-article.*),
inlined into style attributes by css-inline."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import Element, SubElement

import css_inline
import markdown
from markdown import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from fanzha import messages
from fanzha.edition import Expanded, converter_for
from fanzha.problems import Problems

LIMIT = 20_000  # characters of the article's HTML, the editor's limit on what is pasted in
ARTICLE_START, ARTICLE_END = "<!-- article -->", "<!-- /article -->"  # what the 复制到公众号 button copies


@dataclass
class Footnotes:
    links: list[tuple[str, str]] = field(default_factory=list)  # (text, url)

    def number(self, text: str, url: str) -> int:
        if (text, url) not in self.links:
            self.links.append((text, url))
        return self.links.index((text, url)) + 1


class _ForWeChat(Treeprocessor):
    """Outside links become the text and a numbered footnote mark (WeChat opens no link in an article but its own);
    other links become their text; classes and ids (attr_list, footnotes) are dropped: the editor strips them."""

    def __init__(self, md, notes: Footnotes):
        super().__init__(md)
        self.notes = notes

    def run(self, root: Element) -> None:
        for parent in list(root.iter()):
            for index, child in enumerate(list(parent)):
                if child.tag == "a":
                    self._unlink(parent, index, child)
        for element in root.iter():
            for name in ("class", "id"):
                element.attrib.pop(name, None)

    def _unlink(self, parent: Element, index: int, link: Element) -> None:
        url = link.get("href", "")
        text = "".join(link.itertext())
        span = Element("span")
        span.text, span.tail = link.text, None
        for grandchild in link:
            span.append(grandchild)
        if re.match(r"https?://", url):
            mark = SubElement(span, "sup")
            mark.text = f"[{self.notes.number(text, url)}]"
        span.tail = link.tail
        parent.remove(link)
        parent.insert(index, span)


class _Extension(Extension):
    def __init__(self, notes: Footnotes):
        super().__init__()
        self.notes = notes

    def extendMarkdown(self, md) -> None:
        md.treeprocessors.register(_ForWeChat(md, self.notes), "fanzha_wechat", 5)  # after every other one


def body_html(text: str, notes: Footnotes) -> Markup:
    """The text's HTML as the site shows it (the same spacing beside full-width marks), through the allowlist every
    page and print text goes through (edition/sanitize.py), links turned into footnotes."""
    from fanzha.edition.sanitize import clean

    converter = markdown.Markdown(extensions=["extra", "sane_lists", "fanzha.site.markdown", _Extension(notes)])
    return Markup(clean(converter.convert(text)))


@dataclass
class Article:
    html: bytes  # the whole file, a page a browser shows as it will look
    fragment: str  # what is pasted into the editor
    chars: int


def article(item: Expanded, page_url: str, problems: Problems) -> Article:
    """The article of `item`; a 繁體版's (edition/script.py) with the template's own words in the edition's wording,
    all of it in Traditional characters and quoted with corner brackets, as its print files."""
    from fanzha.channels.layouts import TEMPLATES, env as layouts

    converter = converter_for(item.edition)
    env = layouts if converter is None else converter.templates(layouts)
    notes = Footnotes()
    material = item.material
    title = item.fields.get("title") or material.meta.title
    body = body_html(item.body, notes)
    if page_url:
        notes.number(messages.CHANNELS_ARTICLE_PAGE_LINK, page_url)
    meta = item.edition.meta
    fragment = env.get_template("wechat-article.html.j2").render(
        title=title, summary=item.fields.get("summary", ""),
        salutation=item.fields.get("salutation", ""), body=body,
        signed_lines=[line for line in (item.fields.get("signed") or "").split("\n") if line.strip()],
        date=item.fields.get("date", "") if material.kind == "letter" else "", unit=meta.unit, phones=meta.phones,
        notes=notes.links)
    if converter is not None:
        fragment, title = converter.finish_html(fragment), converter.finish_text(title)
    css = (Path(TEMPLATES) / "wechat-article.css").read_text("utf-8")
    inlined = css_inline.inline_fragment(fragment, css)
    document = env.get_template("wechat-page.html.j2").render(
        title=title, article=Markup(inlined), start=Markup(ARTICLE_START), end=Markup(ARTICLE_END),
        lang=converter.lang if converter else "zh-CN")
    check_length(item, len(inlined), problems)
    return Article(document.encode("utf-8"), inlined, len(inlined))


def check_length(item: Expanded, chars: int, problems: Problems) -> None:
    material = item.material
    if chars > LIMIT:
        problems.warn(material.path, material.source.body_line,
                      messages.CHANNELS_ARTICLE_TOO_LONG.format(title=material.meta.title, chars=chars, limit=LIMIT))
