"""WeasyPrint: a print HTML to PDF bytes with exact TrimBox/BleedBox and fixed metadata, and the layout facts the
checks need (overflow, the 回执's blanks, images' printed sizes, refused URLs).

typeset_pdf may run in another process or on another machine, so it reads nothing from disk: the stylesheets and
fonts the HTML names come with the call (`resources`)."""

from __future__ import annotations

import functools
import gc
import hashlib
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from fanzha import messages
from fanzha.pdf.html import TEMPLATES
from fanzha.pdf.layout.boxes import boxes, element_boxes, has_class, own_element
from fanzha.pdf.layout.finish import finish
from fanzha.pdf.layout.justify import justify_lines
from fanzha.pdf.layout.page import PageSpec

MM_PER_PX = 25.4 / 96  # WeasyPrint lays out in CSS pixels


@dataclass
class TypesetDocument:
    pdf: bytes
    pages: int
    notes: list[str] = field(default_factory=list)  # layout facts the caller turns into problems
    receipt_page: int | None = None
    signoff_page: int | None = None
    overflow: list[str] = field(default_factory=list)
    overfilled: list[str] = field(default_factory=list)  # what is printed in a 回执 blank but runs past its rule
    blanks_mm: list[float] = field(default_factory=list)  # the length of each 回执 blank's rule
    # data-image name, its box's width, height (mm)
    images: list[tuple[str, float, float]] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # URLs the document asked for and was not given (ResourceFetcher)


_LINKED = re.compile(r'<link rel="stylesheet" href="([^"]+)" />')


def lay_out(html: str, resources: dict[str, bytes], variables: dict[str, str] | None = None,
            refused: list[str] | None = None, standard: str | None = None):
    """WeasyPrint's laid-out document (pages of boxes), loading only `resources` and data: URIs; every other URL it
    asks for is appended to `refused`. `variables`: CSS custom properties set on the root over what the layout's CSS
    gives them. `standard`: the PDF/X variant the document is made for."""
    from weasyprint import CSS

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    fetcher = _resource_fetcher(resources, [] if refused is None else refused)
    # The layouts' stylesheets, parsed once per process instead of once per document. WeasyPrint
    # takes parsed sheets as user stylesheets: the HTML's own <style> (fonts, page size, a poster's colours) keeps
    # precedence over them, as it has over the linked sheets it follows.
    linked = [resources[name] for name in _LINKED.findall(html)]
    if any(b"@import" in css or b"@font-face" in css for css in linked):
        # Both load other files while the sheet is parsed, with the fetcher of one document: such a sheet (none of
        # the bundled layouts has one) is loaded by each document itself.
        sheets = []
    else:
        sheets, html = [_parsed_stylesheet(css) for css in linked], _LINKED.sub("", html)
    if variables:  # !important: a user sheet, it must also win over a layout sheet the document loads itself
        sheets = sheets + [CSS(string=":root { %s }" % "; ".join(f"{k}: {v} !important" for k, v in variables.items()))]
    document = print_html_class()(string=html, base_url=BASE_URL, url_fetcher=fetcher)
    options = {"pdf_variant": standard, "output_intent": "device-cmyk"} if standard else {}
    return document.render(font_config=document_fonts_class()(), stylesheets=sheets, **options)


# WeasyPrint's user-agent stylesheet gives ::marker, and the footnote and note pseudo-elements, to every element: it
# then computes six pseudo-element styles for each element of a document (510 for a letter's 85 elements, where 11
# are list markers). Narrowed: the marker rule to list items, the rules of footnotes and notes, which no layout uses
# (one that does must style ::footnote-call and ::footnote-marker itself), taken out.
UA_NARROWED = ((re.compile(r"^::marker \{", re.M), "li::marker {"),
               (re.compile(r"^::(?:footnote|note)-[a-z]+ \{[^}]*\}\n", re.M), ""))


def narrowed_user_agent_css(css: str) -> tuple[str, list[int]]:
    """`css` with UA_NARROWED applied, and how often each of its patterns matched."""
    counts = []
    for pattern, replacement in UA_NARROWED:
        css, count = pattern.subn(replacement, css)
        counts.append(count)
    return css, counts


@functools.cache
def print_html_class():
    """weasyprint.HTML with the narrowed user-agent stylesheet (WeasyPrint takes it from a method of HTML; it
    offers no option for it). A test checks that each narrowing still applies to WeasyPrint's stylesheet and that
    documents render to the same PDF with either."""
    from weasyprint import CSS, HTML
    from weasyprint.html import UA, UA_COUNTER_STYLE

    import cssselect2

    sheet = CSS(string=narrowed_user_agent_css(UA)[0], counter_style=UA_COUNTER_STYLE)

    class PrintHTML(HTML):
        def __init__(self, string: str, base_url: str, url_fetcher):
            root = well_formed_tree(string)
            if root is None:
                super().__init__(string=string, base_url=base_url, url_fetcher=url_fetcher)
                return
            # HTML.__init__ with the tree from an XML parser. A test checks the attributes still match WeasyPrint's.
            self.base_url = base_url
            self.url_fetcher = url_fetcher
            self.media_type = "print"
            self.wrapper_element = cssselect2.ElementWrapper.from_html_root(root, content_language=None)
            self.etree_element = self.wrapper_element.etree_element

        def _ua_stylesheets(self, forms=False):
            return [sheet, *super()._ua_stylesheets(forms)[1:]]

    return PrintHTML


def well_formed_tree(html: str):
    """The element tree of a print HTML, read by the XML parser in the standard library (expat) — the tree WeasyPrint's
    HTML5 parser (tinyhtml5, pure Python) gives, in a fraction of the time. The templates
    write well-formed markup for this (void elements closed, attributes with values, no <base>, tables with their
    <tbody>); None when the HTML is not well-formed (an author's raw HTML in the Markdown, a named entity) or is
    well-formed markup an HTML parser reads otherwise (_parsed_otherwise_as_html), which WeasyPrint then parses
    itself. As tinyhtml5 does, the white space before <head> is dropped, and what follows </body> goes into it. A
    test compares the two parsers' trees for every bundled document."""
    from xml.etree import ElementTree

    if "<svg" in html or "<pre" in html or _SELF_CLOSED.search(html):
        return None
    try:
        root = ElementTree.fromstring(html)
    except ElementTree.ParseError:
        return None
    body = root.find("body")
    if root.tag != "html" or body is None or any(map(_parsed_otherwise_as_html, root.iter())):
        return None
    root.text = None
    if body.tail:
        if len(body):
            body[-1].tail = (body[-1].tail or "") + body.tail
        else:
            body.text = (body.text or "") + body.tail
        body.tail = None
    return root


# Where an HTML parser reads well-formed markup otherwise than an XML parser (an author's raw HTML in the Markdown):
# names are case-insensitive, and lowered (<STRONG> is bold); a <p> ends where a block starts; a table's rows go into
# a <tbody> (these on the tree). A non-void element closed by "/>" stays open; tinyhtml5 gives an inline SVG's xmlns as
# an attribute (WeasyPrint reads it from there), and drops the newline that starts a <pre> (these on the text).
_SELF_CLOSED = re.compile(r"<(?!(?:area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)\b)[a-zA-Z][^<>]*/>")
_ENDS_A_PARAGRAPH = frozenset("address article aside blockquote div dl fieldset figure footer form h1 h2 h3 h4 h5 h6 "
                              "header hr main nav ol p pre section table ul".split())


def _parsed_otherwise_as_html(element) -> bool:
    if element.tag != element.tag.lower() or any(name != name.lower() for name in element.attrib):
        return True
    if element.tag == "p":
        return any(child.tag in _ENDS_A_PARAGRAPH for child in element)
    return element.tag == "table" and any(child.tag == "tr" for child in element)


@functools.cache
def document_fonts_class():
    """WeasyPrint's font configuration with no font but the document's own (its @font-face rules).

    WeasyPrint starts each document from the system's Fontconfig configuration: it loads every installed font's
    entry, and Pango then ranks all of them whenever it needs a font. The documents name only their subset faces, and
    a character outside them must never be drawn from whatever font this machine happens to have, so each document
    starts from an empty configuration instead: no silent fallback, and no ranking of this machine's fonts."""
    from weasyprint.text.ffi import ffi, fontconfig, gobject, pangoft2
    from weasyprint.text.fonts import FontConfiguration

    try:
        fontconfig.FcConfigCreate
    except AttributeError:  # WeasyPrint's bindings declare only what it calls itself
        ffi.cdef("FcConfig * FcConfigCreate (void);")

    class DocumentFonts(FontConfiguration):
        # FontConfiguration.__init__ with FcConfigCreate() in place of FcInitLoadConfigAndFonts(); not calling it
        # saves loading the system's configuration too. A test checks the attributes still match WeasyPrint's.
        def __init__(self):
            self._config = fontconfig.FcConfigCreate()
            self.font_map = ffi.gc(pangoft2.pango_ft2_font_map_new(), gobject.g_object_unref)
            pangoft2.pango_fc_font_map_set_config(ffi.cast("PangoFcFontMap *", self.font_map), self._config)
            fontconfig.FcConfigDestroy(self._config)  # the font map holds its own reference
            self._folder = None
            self.strut_layouts = {}
            self.font_features = {}

    return DocumentFonts


_parsed: dict[bytes, object] = {}


def _parsed_stylesheet(css: bytes):
    from weasyprint import CSS

    key = hashlib.sha256(css).digest()
    if key not in _parsed:
        _parsed[key] = CSS(string=css.decode("utf-8"), base_url=BASE_URL)
    return _parsed[key]


def typeset_pdf(page_spec: PageSpec, html: str, identifier: bytes, resources: dict[str, bytes]) -> TypesetDocument:
    """`resources`: name relative to the templates folder -> bytes, for every stylesheet and font the HTML loads."""
    _freeze_long_lived()
    refused: list[str] = []
    document = lay_out(html, resources, refused=refused, standard=page_spec.standard)
    if len(document.pages) > 1:
        document = _fit_table(document, html, resources, refused, page_spec.standard)
    result = TypesetDocument(b"", len(document.pages), refused=refused)

    signoff = _find(document, lambda e: has_class(e, "signoff"))
    if signoff:
        result.signoff_page = signoff[0] + 1
    # Every 回执 (a merged file has one per letter) goes to the foot of its page.
    for index, page in enumerate(document.pages):
        for box in element_boxes(page, lambda e: has_class(e, "receipt")):
            result.receipt_page = result.receipt_page or index + 1
            _to_page_foot(page, box)

    justify_lines(document.pages)
    for page in document.pages:
        result.overflow += overflowing_boxes(page)
        if 'class="blank"' in html:  # a 回执: the other documents' boxes need no second walk
            lengths, overfilled = receipt_blanks(page)
            result.blanks_mm += lengths
            result.overfilled += overfilled
        for box in element_boxes(page, lambda e: e.get("data-image") is not None):
            result.images.append((box.element.get("data-image"), box.width * MM_PER_PX, box.height * MM_PER_PX))

    def finisher(_document, pdf):
        finish(pdf, page_spec, identifier)

    options = {"pdf_variant": page_spec.standard, "output_intent": "device-cmyk"} if page_spec.standard else {}
    result.pdf = document.write_pdf(finisher=finisher, pdf_identifier=identifier, **options)
    result.refused = list(dict.fromkeys(refused))  # write_pdf fetches too (attachments)
    return result


renders_in_process = 0


def _freeze_long_lived() -> None:
    """From a process's second render on, the objects that outlive every render (modules, parsed stylesheets, font
    faces, WeasyPrint's caches: some 80,000) are left out of the garbage collector's full collections (gc.freeze).
    Each full collection walked them all. Done as the second render starts, when
    the first one's boxes are gone, so that nothing of a document is kept for good."""
    global renders_in_process
    renders_in_process += 1
    if renders_in_process == 2:
        gc.collect()
        gc.freeze()


MIN_ROW_MM = 8.0  # the lowest a form's rows go to fit its page: still room to write a name by hand


def _fit_table(document, html: str, resources: dict[str, bytes], refused: list[str], standard: str | None = None):
    """A form whose ruled table (data-fit-rows) spills past its first page, laid out again to fit: all of it on one
    page, its rows lowered (not below MIN_ROW_MM); else the table alone on the first page, what follows it moved to
    the next (form.css, --notes-break). Otherwise — a table of more rows than a page can hold — as it was."""
    found = _find(document, _is_fit_table)
    if found is None or found[0] != 0:
        return document
    from weasyprint.formatting_structure.boxes import TableRowGroupBox

    body_rows = [row for group in boxes(found[1]) if isinstance(group, TableRowGroupBox)
                 and not (group.is_header or group.is_footer) for row in group.children]
    rows = len(found[1].element.findall("./tbody/tr"))
    if not body_rows or not rows:
        return document
    row_mm = body_rows[0].height * MM_PER_PX
    pages = document.pages
    available = pages[0]._page_box.height
    for variables, only in (({}, None), ({"--notes-break": "page"}, _is_fit_table)):
        needed = _reach(pages[0], only) + sum(_reach(page, only, repeated_head=True) for page in pages[1:])
        lower_mm = round((needed - available) * MM_PER_PX / rows + 0.1, 2) if needed > available else 0.0
        if row_mm - lower_mm < MIN_ROW_MM:
            continue
        fitted = lay_out(html, resources, {**variables, "--row-lowered": f"{lower_mm:g}mm"}, refused, standard)
        table_moved_on = any(next(element_boxes(page, _is_fit_table), None) is not None for page in fitted.pages[1:])
        if len(fitted.pages) == 1 or (only is not None and not table_moved_on):
            return fitted
    return document


def _is_fit_table(element) -> bool:
    return element.get("data-fit-rows") is not None


def _reach(page, only=None, repeated_head: bool = False) -> float:
    """How far down its page area a laid-out page's content reaches (CSS px): all of it, or the first element that
    `only` accepts; without the table head the page repeats if `repeated_head`."""
    from weasyprint.formatting_structure.boxes import MarginBox, TableRowGroupBox

    page_box = page._page_box
    content = [box for child in page_box.children if not isinstance(child, MarginBox) for box in boxes(child)]
    if only is not None:
        outermost = next(element_boxes(page, only), None)
        content = list(boxes(outermost)) if outermost is not None else []
    if not content:
        return 0.0
    head = sum(box.height for box in content if isinstance(box, TableRowGroupBox) and box.is_header)
    return max(map(_bottom, content)) - page_box.content_box_y() - (head if repeated_head else 0.0)


BASE_URL = TEMPLATES.as_uri() + "/"
_TYPES = {".css": "text/css", ".otf": "font/otf"}


def _resource_fetcher(resources: dict[str, bytes], refused: list[str]):
    """An allowlist: the templates folder served from `resources` (stylesheets and fonts), so the render never
    depends on this machine's files, and data: URIs (images, QR codes), which WeasyPrint decodes itself. Anything
    else — another file of this machine, a web address, however the HTML or CSS spelled it — is refused and
    recorded in `refused`, for the caller to report: a document must never carry what is outside the project."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class ResourceFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith(BASE_URL):
                name = url[len(BASE_URL):]
                if name not in resources:  # a layout file this document does not use (a font of another face)
                    raise FileNotFoundError(f"{name} is not among the render's resources")
                return URLFetcherResponse(url, resources[name], {"Content-Type": _TYPES.get(Path(name).suffix, "")})
            if url[:5].lower() == "data:":
                return super().fetch(url, headers)
            refused.append(url)
            raise RefusedResource(url)

    return ResourceFetcher()


class RefusedResource(ValueError):
    """A URL outside the render's resources; WeasyPrint leaves the image, font or attachment out and goes on."""


def _find(document, predicate):
    for index, page in enumerate(document.pages):
        for box in element_boxes(page, predicate):
            return index, box
    return None


def _bottom(box) -> float:
    try:
        return box.border_box_y() + box.border_height()
    except (AttributeError, TypeError):
        return 0.0


def overflowing_boxes(page) -> list[str]:
    """The data-name of every box marked .fit on a laid-out page whose text does not stay inside it.

    A .fit box has a fixed size: what flows in it must stay within its content box on all four sides, and what is
    absolutely positioned in it (a poster's footer) may also use its bottom padding. Text boxes are checked
    sideways only: their glyph boxes are taller than a tight line height, while their line boxes are checked fully.
    """
    out = []
    for box in element_boxes(page, lambda e: has_class(e, "fit")):
        left, top = box.content_box_x(), box.content_box_y()
        area = (left - TOLERANCE_PX, top - TOLERANCE_PX, left + box.width + TOLERANCE_PX,
                top + box.height + TOLERANCE_PX)
        if _overflows(box, area, area[3] + box.padding_bottom):
            out.append(box.element.get("data-name") or messages.PDF_WHOLE_LAYOUT)
    return out


TOLERANCE_PX = 0.75  # CSS px (0.2 mm): rounding in layout, never visible


def receipt_blanks(page) -> tuple[list[float], list[str]]:
    """The 回执 blanks of a laid-out page: the length (mm) of each one's rule, and the data-filled value of each filled
    blank (a merged letter's student name or class) whose text runs past the end of its rule into the next field: it
    sits in a box of no width (letters-merged.css), so nothing else stops it."""
    lengths, overfilled = [], []
    for box in boxes(page._page_box):
        children = getattr(box, "children", ()) or ()
        for before, blank in zip((None, *children), children):
            if (element := own_element(blank)) is None or not has_class(element, "blank"):
                continue
            lengths.append(blank.width * MM_PER_PX)
            filled = own_element(before)
            if filled is not None and filled.get("data-filled") is not None:
                ends = [text.position_x + text.width for text in boxes(before) if hasattr(text, "text")]
                if ends and max(ends) > blank.border_box_x() + blank.border_width() + TOLERANCE_PX:
                    overfilled.append(filled.get("data-filled"))
    return lengths, overfilled


def _overflows(box, area: tuple[float, float, float, float], padding_bottom: float) -> bool:
    from weasyprint.formatting_structure.boxes import AtomicInlineLevelBox, InlineLevelBox

    left, top, right, bottom = area
    for child in getattr(box, "children", ()) or ():
        absolute = getattr(child, "style", None) is not None and child.style["position"] in ("absolute", "fixed")
        limits = (left, top, right, padding_bottom if absolute else bottom)
        x = child.border_box_x()
        sideways = x < limits[0] or x + child.border_width() > limits[2]
        inline = isinstance(child, InlineLevelBox) and not isinstance(child, AtomicInlineLevelBox)
        upright = not inline and (child.border_box_y() < limits[1] or _bottom(child) > limits[3])
        if sideways or upright or _overflows(child, limits, limits[3]):
            return True
    return False


def _to_page_foot(page, box) -> None:
    """Move the 回执 down to the foot of its page (the bottom of the page area), where it is cut off."""
    page_box = page._page_box
    limit = page_box.content_box_y() + page_box.height
    dy = limit - (box.position_y + box.margin_height())
    if dy > 0:
        box.translate(0, dy)
