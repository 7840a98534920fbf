"""The print HTML: the layout templates in fanzha/templates/print/ filled with a document's context, and the
layouts' stylesheets. Runs where the build runs; typesetting (typeset.py) may run in another process."""

from __future__ import annotations

from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from fanzha import __version__
from fanzha.pdf.documents import PrintDoc
from fanzha.pdf.layout.fonts import EQUIVALENTS, advance_em, font_sources
from fanzha.pdf.layout.page import PageSpec
from fanzha.pdf.qr import qr_code_mm
from fanzha.text.cjk import space_text
from fanzha.text.clreq import compressible_marks

TEMPLATES = Path(__file__).resolve().parents[1] / "templates" / "print"


def _cjk(value, justified: bool = True, heading: bool = False) -> Markup:
    """Template filters for text: `cjk` for a paragraph in a justified block (.justify, justify.py), its last two
    characters on one line; `cjk_plain` for all other text (labels, names); `cjk_heading` for titles, headings and
    other display lines (slogans, subheads): lines break between short phrases, and the last two characters stay on
    one line. All keep the spaces the author typed visible and compress neighbouring punctuation."""
    if isinstance(value, Markup):
        return value
    text = str(value or "")
    for old, new in EQUIVALENTS.items():
        text = text.replace(old, new)
    spaced = space_text(str(escape(text)), keep_end=justified or heading, keep_phrases=heading)
    return compressible_marks(spaced) if justified else Markup(spaced)


def _mm(value: float) -> str:
    return f"{round(float(value), 3):g}mm"


environment = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                          undefined=jinja2.StrictUndefined, trim_blocks=False, lstrip_blocks=False)
environment.filters["cjk"] = _cjk
environment.filters["cjk_plain"] = lambda value: _cjk(value, justified=False)
environment.filters["cjk_heading"] = lambda value: _cjk(value, justified=False, heading=True)
environment.filters["mm"] = _mm
environment.filters["advance_em"] = lambda value: advance_em(str(value))
environment.globals["qr_code_mm"] = qr_code_mm
FILTERS = environment.filters  # the layouts' text filters, for layout templates kept elsewhere (fanzha.channels)


def template_files() -> list[Path]:
    return sorted(p for p in TEMPLATES.iterdir() if p.is_file())


def document_html(doc: PrintDoc) -> str:
    return template_html(doc.template, doc.page, doc.context, font_sources(doc.context.get("glyphs", "SC")))


def template_html(template: str, page: PageSpec, context: dict, fonts=()) -> str:
    """The HTML; it declares only those of `fonts` its markup uses (base.html.j2, Face.only_with_class)."""
    return environment.get_template(template).render(doc=context, page=page, fonts=fonts, version=__version__)


def stylesheets() -> dict[str, bytes]:
    """The layouts' CSS by the names the HTML links them with, to travel with each render."""
    return {path.name: path.read_bytes() for path in template_files() if path.suffix in (".css", ".icc")}
