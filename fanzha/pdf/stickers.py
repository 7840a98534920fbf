"""Sticker sheets: labels at the exact positions of a label template, text sized to fit each label, three files.

Every sheet makes three PDFs: the sheet itself, the same sheet with a thin cut-guide layer on the label edges, and an
alignment test page with the label outlines only (printed on plain paper and held against the label stock).

Text size comes from WeasyPrint's own layout: each design (main text + subtext) is laid out in its label's text area
with the sheet's own label markup, CSS and fonts, at sizes found by binary searches from large down to the template's
min_font_pt; the largest size where nothing leaves the area wins (preferring every phrase on one line). A design that
does not fit even at min_font_pt is an error naming the sheet and the text. The finished sheet is checked again from
its own layout, as every fixed-size print file is (typeset.overflowing_boxes).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass

from fanzha import messages
from fanzha.model.catalog import Catalog
from fanzha.edition.expand import Expanded
from fanzha.edition.stickers import Design, label_designs
from fanzha.model.labels import LabelTemplate, resolve_template
from fanzha.problems import Problems
from fanzha.pdf.cache import LayoutCache
from fanzha.pdf.layout.boxes import element_boxes
from fanzha.pdf.documents import PrintDoc, common_context
from fanzha.pdf.layout.page import PT_PER_MM, SAFE_MM, PageSpec
from fanzha.pdf.layout.fonts import font_files, font_resources, font_sources

STEP_PT = 0.5
MAX_PT = 32.0
SUB_RATIO = 0.45  # subtext size relative to the main text
PREFER_ONE_LINE = 0.6  # keep every phrase on one line unless that costs more than 40 % of the size
# The printed frame stays 3 mm inside the die line, so that a die that drifts does not cut into it (or show it on one
# side only); on an A4 sheet nothing comes within 5 mm of the paper's edge, where office printers print nothing, so
# a sheet whose labels reach the edge (3×8, 70×37) has its frames further in. The text keeps 2 mm clear of the frame.
FRAME_INSET_MM = 3.0
FRAME_MM = 0.5  # stickers.css, .frame
FRAME_CLEAR_MM = 2.0
SHEET_EDGE_MM = 5.0
VARIANTS = {
    "": ("", "sheet"),
    "cut-guides": (messages.PDF_STICKER_CUT_GUIDES_TITLE, "sheet"),
    "alignment": (messages.PDF_STICKER_ALIGNMENT_TITLE, "outlines"),
}


@dataclass(frozen=True)
class TextArea:
    """Where text may go inside a label, relative to the label's top-left corner, in mm."""

    x: float
    y: float
    w: float
    h: float


def frame_inset(template: LabelTemplate) -> float:
    """How far inside the die line every label's frame lies: FRAME_INSET_MM, or as far as it takes to keep the
    frames of the outer labels SHEET_EDGE_MM off the sheet's edge (a roll label is printed with its bleed on a
    press, and has no such edge)."""
    if template.bleed:
        return FRAME_INSET_MM
    sheet_w, sheet_h = template.sheet
    w, h = template.label
    edge = min(min(x, y, sheet_w - x - w, sheet_h - y - h) for x, y in template.positions())
    return max(FRAME_INSET_MM, SHEET_EDGE_MM - edge)


def text_padding(template: LabelTemplate) -> float:
    """How far a label's text stays inside its die line: clear of the frame, and SAFE_MM inside a roll label's trim."""
    return max(frame_inset(template) + FRAME_MM + FRAME_CLEAR_MM, SAFE_MM if template.bleed else 0)


def text_areas(template: LabelTemplate) -> list[TextArea]:
    """Where a label's text may go. On a round label, rectangles inside the circle `pad` within its edge (as clear of
    the round frame as text is of a rectangular one): the square, and a 4:3 one that gives the usual two short lines
    and a subtext larger type; each design takes the one it fits larger in."""
    w, h = template.label
    pad = text_padding(template)
    if template.shape == "round":
        diameter = min(w, h) - 2 * pad
        sides = [(diameter / math.sqrt(2),) * 2, (diameter * 0.8, diameter * 0.6)]
        return [TextArea((w - aw) / 2, (h - ah) / 2, aw, ah) for aw, ah in sides]
    return [TextArea(pad, pad, w - 2 * pad, h - 2 * pad)]


def sticker_sheet_docs(expanded: Expanded, catalog: Catalog, problems: Problems,
                       layout_cache: LayoutCache | None = None) -> list[PrintDoc]:
    material = expanded.material
    meta = material.meta
    template = resolve_template(meta.template)  # None: an unknown id, which the catalog check reported
    designs = label_designs(expanded, catalog, problems)
    if template is None or designs is None:
        return []
    slots = _fill_slots(meta, designs, template.per_sheet)
    unique = sorted(set(designs), key=designs.index)
    fits = [(area, fit_sizes(unique, template, area, layout_cache)) for area in text_areas(template)]
    # Per design: (main pt, subtext pt, area) in the area that takes the largest type, None if none takes it at all.
    sizes = {d: max(((*f[d], area) for area, f in fits if f[d] is not None), key=lambda fit: fit[0], default=None)
             for d in unique}
    title = expanded.fields.get("title") or meta.title
    failed = False
    for design, size in sizes.items():
        if size is None:
            failed = True
            problems.add(design.path, design.line, messages.PDF_STICKER_DOES_NOT_FIT.format(
                title=title, edition=expanded.edition.id, text=design.text, w=template.label[0], h=template.label[1],
                min_pt=template.min_font_pt))
    if failed:
        return []

    offset = template.bleed
    positions = [(x + offset, y + offset) for x, y in template.positions()]
    sheets = []
    for start in range(0, len(slots), template.per_sheet):
        labels = []
        for (x, y), design in zip(positions, slots[start:start + template.per_sheet]):
            label = {"x": x, "y": y, "design": None}
            if design is not None:
                main_pt, sub_pt, area = sizes[design]
                label["design"] = {"phrases": design.phrases, "subtext": design.subtext_parts, "main_pt": main_pt,
                                   "sub_pt": sub_pt, "area": area,
                                   "name": messages.PDF_STICKER_LABEL.format(text=design.text)}
            labels.append(label)
        sheets.append(labels)

    page = PageSpec(template.sheet[0], template.sheet[1], template.bleed, 0)
    roll = template.per_sheet == 1
    paper = messages.PDF_PAPER_LABEL_ROLL if roll else messages.PDF_PAPER_LABEL_SHEET.format(template=template.name)
    docs = []
    for variant, (suffix, layer) in VARIANTS.items():
        context = common_context(expanded, catalog)
        context.update(title=title + suffix, template=template, layer=layer, frame_inset=frame_inset(template),
                       sheet_edge=SHEET_EDGE_MM,
                       guides=variant == "cut-guides",
                       sheets=sheets if layer == "sheet" else [[{"x": x, "y": y, "design": None}
                                                                for x, y in positions]])
        pages = len(context["sheets"])
        docs.append(PrintDoc(expanded, "stickers.html.j2", page, 1,
                             paper if layer == "sheet" else messages.PDF_PAPER_PLAIN, template.name, context,
                             expect_pages=pages, fixed=True, variant=variant))
    return docs


def _fill_slots(meta, designs: list[Design], per_sheet: int) -> list[Design | None]:
    """The design of every label slot, sheet after sheet; None leaves a label blank."""
    if meta.mode == "repeat":
        slots: list[Design | None] = designs[:1] * (per_sheet * meta.sheets)
    elif meta.mode == "fill" and not meta.per_slogan:
        total = per_sheet * meta.sheets
        share, extra = divmod(total, len(designs))
        slots = [d for i, d in enumerate(designs) for _ in range(share + (i < extra))]
    elif meta.mode == "fill":
        slots = [d for d in designs for _ in range(meta.per_slogan)]
    else:
        slots = list(designs)
    pages = max(meta.sheets, math.ceil(len(slots) / per_sheet))
    return slots + [None] * (pages * per_sheet - len(slots))


# --- fitting ------------------------------------------------------------------------------------------------------

process_fits = LayoutCache(None, "")  # where fits are kept without a layout cache: for the life of this process


def fit_sizes(designs: list[Design], template: LabelTemplate, area: TextArea,
              layout_cache: LayoutCache | None = None) -> dict[Design, tuple[float, float] | None]:
    """(main pt, subtext pt) for every design, or None when it cannot fit even at min_font_pt. The same text in the
    same area fits the same way: a fit is looked up in `layout_cache` (kept between builds) before it is measured."""
    smallest = template.min_font_pt
    largest = max(smallest, math.floor(min(MAX_PT, area.h * PT_PER_MM * 0.45) / STEP_PT) * STEP_PT)
    sizes = [largest - i * STEP_PT for i in range(int(round((largest - smallest) / STEP_PT)) + 1)]

    def key(design: Design) -> str:
        return json.dumps(["sticker-fit", design.text, design.subtext, [area.x, area.y, area.w, area.h], smallest,
                           largest], ensure_ascii=False)

    # A fit is stored as [main pt, subtext pt], or "none" for a text that cannot fit; absent when not measured yet.
    store = layout_cache if layout_cache is not None else process_fits
    found = {d: _valid_fit(store.get(key(d))) for d in designs}
    todo = [d for d, value in found.items() if value is None]
    if todo:
        measured = _search(todo, sizes, smallest, area)
        for design in todo:
            found[design] = list(measured[design]) if measured[design] else "none"
            store.put(key(design), found[design])
    return {d: None if value == "none" else (value[0], value[1]) for d, value in found.items()}


def _valid_fit(value):
    """A stored fit as fit_sizes writes it, or None (measured again): a damaged cache file must not size a text."""
    if value == "none" or (isinstance(value, list) and len(value) == 2
                           and all(isinstance(v, (int, float)) and not isinstance(v, bool) and 0 < v < 1000
                                   for v in value)):
        return value
    return None


def sub_size(main_pt: float, smallest: float) -> float:
    return max(smallest, math.floor(main_pt * SUB_RATIO / STEP_PT) * STEP_PT)


def _search(designs: list[Design], sizes: list[float], smallest: float,
            area: TextArea) -> dict[Design, tuple[float, float] | None]:
    """The largest of `sizes` (large to small) at which each design fits with every phrase on one line; when that
    costs more than PREFER_ONE_LINE of the size, or nothing fits on one line, the largest at which it fits at all.

    Binary searches over indexes into `sizes`, all designs laid out together round by round. Each starts in a window
    around a guess from the text's length (only a guess: what fits is decided by the layout) and leaves the window
    when the answer lies beyond it, so a typical design takes three layouts instead of seven."""
    count = len(sizes)

    def first_passing(ranges: dict[Design, tuple[int, int]], one_line: bool) -> dict[Design, int]:
        """Per design, the first index in [lo, hi) that passes, or hi."""
        while probes := [(d, (lo + hi) // 2) for d, (lo, hi) in ranges.items() if lo < hi]:
            results = measure([(d, sizes[i], sub_size(sizes[i], smallest)) for d, i in probes], area)
            for (design, index), (fits, single) in zip(probes, results):
                lo, hi = ranges[design]
                ranges[design] = (lo, index) if fits and (single or not one_line) else (index + 1, hi)
        return {d: lo for d, (lo, _) in ranges.items()}

    def search_from(guesses: dict[Design, int], one_line: bool, limit: dict[Design, int]) -> dict[Design, int]:
        windows = {d: (max(0, min(g, limit[d]) - 2), min(limit[d], max(g, 0) + 3)) for d, g in guesses.items()}
        found = first_passing(dict(windows), one_line)
        beyond = {d: (0, lo) for d, (lo, hi) in windows.items() if found[d] == lo and lo > 0}  # larger may pass too
        beyond.update({d: (hi, limit[d]) for d, (lo, hi) in windows.items() if found[d] == hi and hi < limit[d]})
        found.update(first_passing(beyond, one_line))
        return found

    def index_of(size_pt: float) -> int:
        return min(count - 1, max(0, round((sizes[0] - size_pt) / STEP_PT)))

    width_pt, height_pt = area.w * PT_PER_MM, area.h * PT_PER_MM
    single = search_from({d: index_of(_one_line_guess(d, width_pt, height_pt)) for d in designs}, True,
                         {d: count for d in designs})
    wrap = [d for d in designs if single[d] == count or sizes[single[d]] < PREFER_ONE_LINE * sizes[0]]
    wrapped = search_from({d: index_of(_wrapped_guess(d, width_pt, height_pt)) for d in wrap}, False,
                          {d: single[d] for d in wrap})
    out: dict[Design, tuple[float, float] | None] = {}
    for design in designs:
        index = single[design]
        if wrapped.get(design, count) < count and (index == count
                                                   or sizes[index] < PREFER_ONE_LINE * sizes[wrapped[design]]):
            index = wrapped[design]
        out[design] = None if index == count else (sizes[index], sub_size(sizes[index], smallest))
    return out


def _ems(text: str) -> float:
    """Rough width in em: a Chinese character is one, a Latin letter or digit about half."""
    return sum(1.0 if ord(c) >= 0x2E80 else 0.55 for c in text)


def _one_line_guess(design: Design, width_pt: float, height_pt: float) -> float:
    lines = len(design.phrases) * 1.25 + (0.9 if design.subtext else 0)
    return min(width_pt / max(_ems(p) for p in design.phrases), height_pt / lines)


def _wrapped_guess(design: Design, width_pt: float, height_pt: float) -> float:
    area = width_pt * height_pt * (0.8 if design.subtext else 1)
    return (area / (sum(_ems(p) for p in design.phrases) * 1.25 * 1.15)) ** 0.5


def measure(probes: list[tuple[Design, float, float]], area: TextArea) -> list[tuple[bool, bool]]:
    """Lay out each (design, main pt, sub pt) in a text area with the sheet's own template, CSS and fonts (subset as
    the print render subsets them): does it fit, and does every phrase stay on one line?"""
    from fanzha.pdf.html import template_html, stylesheets
    from fanzha.pdf.typeset import lay_out, overflowing_boxes

    # Pages three times the area's height, so that an overflowing text is laid out whole instead of breaking.
    page = PageSpec(area.w, area.h * 3)
    labels = [{"phrases": d.phrases, "subtext": d.subtext_parts, "main_pt": main, "sub_pt": sub, "name": str(i)}
              for i, (d, main, sub) in enumerate(probes)]
    context = {"title": "", "author": "", "subject": "", "date": "2000-01-01", "kind": "stickers", "labels": labels,
               "area": area}
    html = template_html("stickers-measure.html.j2", page, context, font_sources())
    resources = {**stylesheets(), **font_resources(html, font_sources(), font_files())}
    results = []
    for page_ in lay_out(html, resources).pages:
        overflowing = set(overflowing_boxes(page_))
        for box in element_boxes(page_, lambda e: "label-text" in (e.get("class") or "").split()):
            name = box.element.get("data-name")
            phrase_lines = [len(b.children) for b in element_boxes(page_, lambda e: e.get("data-phrase") == name)]
            results.append((name not in overflowing, all(n <= 1 for n in phrase_lines)))
    if len(results) != len(probes):
        raise RuntimeError(f"stickers-measure.html.j2 laid out {len(results)} labels for {len(probes)} probes")
    return results
