"""A Markdown extension for the site's pages (mkdocs.yml, markdown_extensions): the print text's rule for the
spaces authors type beside a full-width mark (fanzha/text/cjk.py), applied to the text the browser shows, so that
**诈骗。** 要您 reads 诈骗。要您 on a phone as on paper."""

from __future__ import annotations

from xml.etree.ElementTree import Element

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

from fanzha.text.cjk import without_spaces_by_blank_halves

# Elements whose text runs on across their children (inline markup); code is left as typed.
_INLINE = {"a", "abbr", "b", "em", "i", "kbd", "mark", "q", "s", "small", "span", "strong", "sub", "sup", "u"}
_VERBATIM = {"code", "pre", "script", "style"}


class _SpacesByBlankHalves(Treeprocessor):
    def run(self, root: Element) -> None:
        for block in root.iter():
            if block.tag not in _INLINE and block.tag not in _VERBATIM:
                _mend(_text_slots(block))


def _mend(slots: list[tuple[Element, str, bool]]) -> None:
    texts = [getattr(element, attr) or "" for element, attr, _ in slots]
    for index, (element, attr, editable) in enumerate(slots):
        if not editable or not texts[index]:
            continue
        before = next((t[-1] for t in reversed(texts[:index]) if t), "")
        after = next((t[0] for t in texts[index + 1:] if t), "")
        texts[index] = without_spaces_by_blank_halves(texts[index], before, after)
        setattr(element, attr, texts[index])


def _text_slots(block: Element) -> list[tuple[Element, str, bool]]:
    """The (element, "text" | "tail", editable) places of a block's own running text, in reading order: its text and
    that of its inline children; a code span's text is read (it is next to the text around it) but left as typed."""
    slots = [(block, "text", True)]

    def walk(element: Element) -> None:
        for child in element:
            if child.tag in _INLINE:
                slots.append((child, "text", True))
                walk(child)
            elif child.tag in _VERBATIM:
                slots.append((child, "text", False))
            if child.tag in _INLINE or child.tag in _VERBATIM:
                slots.append((child, "tail", True))

    walk(block)
    return slots


class SiteText(Extension):
    def extendMarkdown(self, md) -> None:
        # After the inline patterns (priority 20) have made the <strong>s, before the output is prettified.
        md.treeprocessors.register(_SpacesByBlankHalves(md), "fanzha_spaces_by_blank_halves", 15)


def makeExtension(**kwargs) -> SiteText:
    return SiteText(**kwargs)
