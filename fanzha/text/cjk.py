"""The print text of Chinese: punctuation compressed, lines kept from ending on one character, list markers.

两端对齐 is done after layout (justify.py). Line breaks are Pango's (UAX #14), which keep closing punctuation
(。，、；：？！）」…) from starting a line and opening punctuation (（「“…) from ending one (禁则). Where Chinese
breaks and UAX #14 does not, beside a quotation mark, a space of no advance gives Pango the opportunity. The author's
own spaces are kept visible by wrapping them in <span class="sp">, which gives them the width of a space as
word-spacing: the space glyph of the print fonts has no advance (fonts.py, print.css).

标点挤压: two neighbouring full-width punctuation marks would leave a blank of a whole em between them (：“ ”“ 。”).
As Chinese print does (clreq 3.1.6), one of them is set half-width with the font's own `halt` feature (print.css,
`.halt`): the mark whose blank half faces the other.

No heading or paragraph ends on a line of one character (孤字): a joiner keeps its last two characters together.
Display lines (titles, headings, slogans) break between phrases, as a designer sets them:
个人信息不透露、 / 转账汇款多核实, not …不透露、转 / 账汇款多核实. Joiners keep each short phrase whole; body text
breaks anywhere, as Chinese does.
"""

from __future__ import annotations

import re

# Must not start a line.
CLOSING = set("。，、；：？！）」』》】〕〉”’…—\u2e3a·～％‰℃,.;:?!)]}%")
# Must not end a line.
OPENING = set("（「『《【〔〈“‘([{")


def is_ideograph(ch: str) -> bool:
    code = ord(ch)
    return (0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x2FFFF
            or 0xF900 <= code <= 0xFAFF or 0x3040 <= code <= 0x30FF)


def _break_by_quote(before: str, ch: str) -> bool:
    """Chinese may break a line after a closing quotation mark and before an opening one, as between any two
    characters; UAX #14 (LB19), which Pango follows, keeps a quotation mark with its neighbours. A space there (of no
    advance in the print fonts, fonts.py) is the break opportunity."""
    if not before:
        return False
    return ((before in "”’" and (is_ideograph(ch) or ch in OPENING))
            or (ch in "“‘" and (is_ideograph(before) or before in CLOSING)))


# Between two characters: no line break there (UAX #14 LB8a), and, as part of the first character's grapheme, no
# letter-spacing of its own (U+2060 WORD JOINER would add one) and no glyph drawn.
JOINER = "\u200d"

# 破折号 is typed as two em dashes; set as the one two-em dash, so that the letter-spacing of a justified line
# (justify.py) does not part it. The print fonts draw both alike.
DOUBLE_DASH = "\u2014\u2014"
TWO_EM_DASH = "\u2e3a"

# Full-width marks whose glyph fills the left half of the em (Simplified Chinese forms) or the right half.
LEFT_HALF = set("。，、；：？！”’）」』》】〕〉")
RIGHT_HALF = set("“‘（「『《【〔〈")


def _set_half_width(ch: str, before: str, after: str) -> bool:
    """标点挤压: is `ch` the one of two neighbouring marks to set half-width? A mark in the left half before another
    mark gives up its right half (：“ ”“ 。” ）。); of two opening marks, the second its left half (（“)."""
    if ch in LEFT_HALF:
        return after in LEFT_HALF or after in RIGHT_HALF
    return ch in RIGHT_HALF and before in RIGHT_HALF


# A space beside a full-width mark's blank half only widens it: "诈骗。 要您" would show 诈骗。 要您 (clreq 3.1.6).
# Authors type such a space all the same, as Markdown editors that follow CommonMark end bold text (**…。**) only
# before a space. Dropped from the print text and from the site's (fanzha/site_markdown.py).
_SPACE_BY_BLANK_HALF = re.compile("(?<=[" + re.escape("".join(sorted(LEFT_HALF))) + "]) +| +(?=["
                                  + re.escape("".join(sorted(RIGHT_HALF))) + "])")


def without_spaces_by_blank_halves(text: str, before: str = "", after: str = "") -> str:
    """`text` without the spaces beside a full-width mark's blank half; `before`, `after`: the characters next to it
    in its paragraph (across inline markup)."""
    text = _SPACE_BY_BLANK_HALF.sub("", text)
    if before in LEFT_HALF:
        text = text.lstrip(" ")
    if after in RIGHT_HALF:
        text = text.rstrip(" ")
    return text


def space_text(text: str, keep_end: bool = False, keep_phrases: bool = False, starts_item: bool = False,
               before: str = "", after: str = "") -> str:
    """Text (no markup, already HTML-escaped) with neighbouring punctuation marks compressed, a line-break opportunity
    beside quotation marks (_break_by_quote) and the author's own spaces kept visible.
    `keep_end` (the end of a heading or paragraph): the last two Chinese characters, with the punctuation after them,
    never part, so no heading or paragraph ends on a line of a single character (听到这些话，就是骗 / 子).
    `keep_phrases` (a display line, never justified): lines break between short phrases only.
    `starts_item` (the start of a list item, at the left edge of its lines): an opening mark there gives up its blank
    left half, so that the item's text lines up with the others (clreq 3.1.6, 行首).
    `before`, `after`: the characters next to `text` in its paragraph (across inline markup), for the spaces beside a
    full-width mark's blank half, which are dropped."""
    text = without_spaces_by_blank_halves(text, before, after).replace(DOUBLE_DASH, TWO_EM_DASH)
    if not text:
        return text
    kept = _kept_together(text) if keep_phrases else frozenset()
    pieces = []  # per character of `text`: (a joiner, a break space or nothing before it, its markup)
    previous = ""
    for index, ch in enumerate(text):
        if ch == " ":
            pieces.append(("", '<span class="sp"> </span>'))
            previous = ""
            continue
        gap = JOINER if index in kept else " " if _break_by_quote(previous, ch) else ""
        after = text[index + 1] if index + 1 < len(text) else ""
        half = _set_half_width(ch, previous, after) or (starts_item and index == 0 and ch in RIGHT_HALF)
        pieces.append((gap, f'<span class="halt">{ch}</span>' if half else ch))
        previous = ch
    if keep_end and (tail := _last_two_characters(text)) is not None:
        # A joiner rather than a nowrap span: the text stays one text box, where a viewer would read a gap between
        # two boxes of a letter-spaced title as a space.
        pieces[tail + 1] = (JOINER, pieces[tail + 1][1])
    return "".join(gap + markup for gap, markup in pieces)


PHRASE_KEPT = 8  # characters: a display line's phrase up to this long never breaks (the 四字、七字句 of slogans)
_PHRASE = re.compile("[^\\s" + re.escape("".join(sorted(CLOSING | OPENING))) + "]+")


def _kept_together(text: str) -> frozenset[int]:
    """The indexes of `text` before which a display line must not break: inside a phrase (between spaces and
    punctuation) of up to PHRASE_KEPT characters. A longer phrase breaks as any Chinese text, to fit a narrow box."""
    kept = set()
    for phrase in _PHRASE.finditer(text):
        if len(phrase[0]) <= PHRASE_KEPT:
            kept.update(range(phrase.start() + 1, phrase.end()))
    # Not between two letters or digits: they never break anyway.
    return frozenset(i for i in kept if is_ideograph(text[i - 1]) or is_ideograph(text[i]))


def _last_two_characters(text: str) -> int | None:
    """Where the last two Chinese characters (and the closing punctuation after them) start, if text before them
    could take a line of its own; else None."""
    end = len(text)
    while end and text[end - 1] in CLOSING:
        end -= 1
    start = end - 2
    if start < 1 or not all(is_ideograph(ch) for ch in text[start:end]) or not any(map(is_ideograph, text[:start])):
        return None
    return start


def unspace_text(text: str) -> str:
    """`text` without the joiners and the spaces beside quotation marks `space_text` puts in (an author's space there
    is dropped from the print text anyway: without_spaces_by_blank_halves)."""
    return "".join(ch for i, ch in enumerate(text) if ch != JOINER
                   and not (ch == " " and 0 < i < len(text) - 1 and _break_by_quote(text[i - 1], text[i + 1])))


_TAG = re.compile(r"(<[^>]*>)")
_RAW = ("<svg", "<style", "<script", "<pre", "<code")
_RAW_END = tuple("</" + tag[1:] for tag in _RAW)


def typeset_parts(html: str) -> tuple[list[str], list[bool]]:
    """An HTML fragment split into its tags and the texts between them, and for each part whether it is text that
    Chinese typography applies to: not a tag, not inside a raw block (svg, style, script, pre, code)."""
    parts = _TAG.split(html)
    typeset = []
    depth = 0
    for part in parts:
        if part.startswith("<"):
            lower = part.lower()
            if lower.startswith(_RAW):
                depth += 1
            elif lower.startswith(_RAW_END):
                depth = max(0, depth - 1)
        typeset.append(not part.startswith("<") and not depth)
    return parts, typeset


# 繁體版 quotation marks (Taiwan, Hong Kong): corner brackets, 「」 outside and 『』 inside, for “” and ‘’.
CORNER = {"“": "「", "”": "」", "‘": "『", "’": "』"}


def _cornered(text: str, before: str = "", after: str = "") -> str:
    """`text` quoted with corner brackets; `before`, `after`: the characters next to it. ’ between two letters is an
    apostrophe (don’t, Let’s) and stays."""
    out = []
    for at, ch in enumerate(text):
        previous = text[at - 1] if at else before
        following = text[at + 1] if at + 1 < len(text) else after
        if ch == "’" and previous.isascii() and previous.isalpha() and following.isascii() and following.isalpha():
            out.append(ch)
        elif ch == " " and following and _break_by_quote(previous, following):
            continue  # the break opportunity space_text gave a quotation mark: a bracket needs none
        else:
            out.append(CORNER.get(ch, ch))
    return "".join(out)


def corner_text(text: str) -> str:
    """Plain text (a title, a slogan) quoted with corner brackets."""
    return _cornered(text) if any(mark in text for mark in CORNER) else text


def corner_quotes(html: str) -> str:
    """An HTML page or fragment with the quotation marks of its text as corner brackets: not in tags, their
    attributes or raw blocks (code, pre, script, style, svg). The spaces `space_text` put beside a “ or ” for a line
    break (_break_by_quote) go: UAX #14 breaks before 「 and after 」 by itself (its opening and closing punctuation
    classes) and keeps 」 from starting a line and 「 from ending one; the rest of the typography (.halt, .pc, the
    kept line ends) treats the brackets as it treated the quotes."""
    parts, typeset = typeset_parts(html)
    out = list(parts)
    for index, part in enumerate(parts):
        if typeset[index] and any(mark in part for mark in (" ", *CORNER)):
            out[index] = _cornered(part, _next_character(parts, index, -1), _next_character(parts, index, 1))
    return "".join(out)


_BLOCK_END = re.compile(r"</(?:p|li|h[1-6])>", re.I)
_INLINE_END = re.compile(r"</(?:strong|b|em|i|span|a)>", re.I)


def space_html(html: str) -> str:
    """Apply `space_text` to the text nodes of an HTML fragment (markdown output), leaving tags and raw blocks alone,
    and write each list item's number or bullet into its text (ListMarkers)."""
    parts, typeset = typeset_parts(html)
    out = []
    markers = ListMarkers()
    for index, part in enumerate(parts):
        if part.startswith("<"):
            out.append(markers.tag(part, parts, index))
        elif not typeset[index] or not part.strip():
            out.append(part)
        else:
            # Newlines inside a paragraph would become spaces, i.e. visible, unwanted gaps between Chinese lines.
            before, after = _next_character(parts, index, -1), _next_character(parts, index, 1)
            text = re.sub(r"\s*\n\s*", _join_newline(part, before, after), part)
            out.append(space_text(text, keep_end=_ends_block(parts, index), starts_item=_starts_item(parts, index),
                                  before=before, after=after))
    return "".join(out)


NUMBER_GAP = "\u2002"  # EN SPACE: half an em in any font, and never stretched by justification (only spaces are)
BULLET = "\u2022"  # full-width in the CJK faces: its own blank sides part it from the text


class ListMarkers:
    """List numbers ("1." and an en space) and bullets written into the items' text, where WeasyPrint would lay out
    each ::marker as a box of its own, absolutely positioned and sized to fit, which costs more than the text beside
    it. Print.css hangs each item's first line out by the marker's width (text-indent), so the text after the marker
    lines up with the item's other lines; an item numbered 10 to 99 gets class digits-2 for a wider one (100 on,
    digits-3)."""

    def __init__(self):
        self.lists: list[list] = []  # per open list, innermost last: [is_numbered, the last number written]
        self.waiting = ""  # a marker for the paragraph that opens its item (a loose list: <li><p>)

    def tag(self, tag: str, parts: list[str], index: int) -> str:
        """`tag` (parts[index]) as it is to be written, with the marker after it when it starts an item's text."""
        if match := _LIST_START.fullmatch(tag):
            start = re.search(r'\bstart="(\d+)"', match[2])
            self.lists.append([match[1].lower() == "ol", int(start[1]) - 1 if start else 0])
            return tag
        if _LIST_END.fullmatch(tag):
            if self.lists:
                self.lists.pop()
            return tag
        if self.waiting and _PARAGRAPH_START.fullmatch(tag):
            marker, self.waiting = self.waiting, ""
            return tag + marker
        if not _ITEM_START.fullmatch(tag):
            return tag
        numbered, number = self.lists[-1] if self.lists else (False, 0)
        if not numbered:
            marker = BULLET
        else:
            number = self.lists[-1][1] = number + 1
            marker = f"{number}.{NUMBER_GAP}"
            if len(str(number)) > 1:
                tag = _with_class(tag, f"digits-{len(str(number))}")
        following = next((part for part in parts[index + 1:] if part.strip()), "")
        if _PARAGRAPH_START.fullmatch(following):
            self.waiting = marker
            return tag
        return tag + marker


_LIST_START = re.compile(r"<(ol|ul)\b([^>]*)>", re.I)
_LIST_END = re.compile(r"</(?:ol|ul)>", re.I)
_PARAGRAPH_START = re.compile(r"<p\b[^>]*>", re.I)


def _with_class(tag: str, name: str) -> str:
    if match := re.search(r'\bclass="', tag):
        return f"{tag[:match.end()]}{name} {tag[match.end():]}"
    return re.sub(r"^<(\w+)", rf'<\1 class="{name}"', tag)


def _ends_block(parts: list[str], index: int) -> bool:
    """Is text part `index` the last text of a paragraph, list item or heading (only closing inline tags after it)?"""
    for part in parts[index + 1:]:
        if _BLOCK_END.fullmatch(part):
            return True
        if part and not _INLINE_END.fullmatch(part):
            return False
    return False


def _next_character(parts: list[str], index: int, step: int) -> str:
    """The character of the same paragraph (across inline tags only) just before (step -1) or after (step 1) text
    part `index`; "" if there is none."""
    other = index + step
    while 0 <= other < len(parts):
        part = parts[other]
        if part.startswith("<"):
            if not (_INLINE_START.fullmatch(part) or _INLINE_END.fullmatch(part)):
                return ""
        elif part:
            return part[-1] if step < 0 else part[0]
        other += step
    return ""


_ITEM_START = re.compile(r"<li\b[^>]*>", re.I)
_INLINE_START = re.compile(r"<(?:p|strong|b|em|i|span|a)\b[^>]*>", re.I)


def _starts_item(parts: list[str], index: int) -> bool:
    """Is text part `index` the first text of a list item (only opening tags of a paragraph or inline before it)?"""
    for part in reversed(parts[:index]):
        if _ITEM_START.fullmatch(part):
            return True
        if part.strip() and not _INLINE_START.fullmatch(part):
            return False
    return False


def _join_newline(text: str, outside_before: str, outside_after: str):
    """What a newline in `text` becomes; at the ends of the text, its neighbours are the characters next to it across
    inline tags (the newline in "**甲**：乙。⏎**丙**" sits between "。" and "丙")."""
    def join(match: re.Match) -> str:
        start, end = match.start(), match.end()
        before = text[start - 1] if start else outside_before
        after = text[end] if end < len(text) else outside_after
        if not before or not after:
            return ""
        if is_ideograph(before) or is_ideograph(after) or before in CLOSING or after in CLOSING:
            return ""
        return " "
    return join
