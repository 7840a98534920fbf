"""The print engine: every letter, poster, handout (incl. 三折页 and 名片卡) and form of every edition as a print-ready
PDF with a PNG preview.

    build_print_outputs(catalog, editions, out_dir, problems) -> list[PrintItem]

Stages: documents (what each material prints, on which page) → HTML from the layout templates in
fanzha/templates/print/ → render tasks (executor.py: fonts subset to each document's characters → WeasyPrint →
preview; in worker processes or on Dask) → preflight → files, written atomically here. An output whose inputs (HTML,
templates and CSS, fonts, code version) hash the same as last time is not rendered again.
"""

from __future__ import annotations

import hashlib
import unicodedata
import time
from importlib import metadata
from pathlib import Path

from fanzha import __version__, messages
from fanzha.model.catalog import Catalog, Edition, edition_materials
from fanzha.edition.expand import Expanded, expand_catalog
from fanzha.edition.script import converter_for
from fanzha.problems import Problems
from fanzha.pdf.cache import LayoutCache, load_cache, save_cache
from fanzha.pdf.documents import BUILDERS, PRINT_KINDS, PrintDoc
from fanzha.pdf.issues import Finding, IssueKind, layout_findings, layout_issues
from fanzha.pdf.executor import TaskResult, WorkerSettings, PrintTask, make_task, open_runner, run_with_progress
from fanzha.pdf.layout.fonts import (PrintEnvironmentError, faces_for, fonts_identity, missing_characters,
                                     require_harfbuzz_subset, visible_text)
from fanzha.pdf.manifest import PrintItem, write_atomic, write_manifest, zip_edition
from fanzha.pdf.html import TEMPLATES, document_html, stylesheets, template_files
from fanzha.pdf.products import PRODUCT_BUILDERS
from fanzha.pdf.stickers import sticker_sheet_docs

__all__ = ["build_print_outputs", "print_documents", "write_manifest", "zip_edition",
           "PrintItem", "PrintEnvironmentError", "WorkerSettings", "LayoutCache", "layout_inputs"]

stats: dict[str, float] = {}  # timings of the last run, for scripts/bench.py


def build_print_outputs(catalog: Catalog, editions: list[Edition], out_dir: Path, problems: Problems,
                        settings: WorkerSettings | None = None, docs: list[PrintDoc] | None = None) -> list[PrintItem]:
    """`docs`: the documents print_documents made and checked for these editions (with their HTML), if it ran."""
    started = time.perf_counter()
    settings = settings or WorkerSettings()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    if docs is None:
        docs = print_documents(catalog, editions, None, problems)
    stats["prepare_s"] = time.perf_counter() - started

    cache = load_cache(out_dir)
    items: dict[str, PrintItem] = {}
    keys: dict[str, str] = {}
    tasks: dict[str, tuple[list[PrintDoc], PrintTask]] = {}
    # Files of one material made from the same layout (a booklet's reader copy and impositions, a banner's PDF and
    # TIFF) share one render.
    same_layout: dict[tuple[str, str, str, str], str] = {}
    depends = layout_inputs()
    css = None
    for doc in docs:
        # The HTML names its fonts, not their subsets: a subset is a function of the HTML's text and the font files,
        # whose identity is in `depends`.
        key = keys[doc.key] = hashlib.sha256(f"{depends}\n{doc.key}\n{doc.html}".encode()).hexdigest()
        item = _reuse(cache.get(doc.key), key, out_dir)
        if item is None:
            css = css or stylesheets()
            layout = (doc.expanded.edition.id, doc.material.id, repr(doc.page), doc.html)
            if layout in same_layout:
                tasks[same_layout[layout]][0].append(doc)
            else:
                same_layout[layout] = doc.key
                tasks[doc.key] = ([doc], make_task(key, doc.key, doc.html, doc.page, css, glyphs=doc.context["glyphs"]))
        else:
            for issue in layout_issues(doc, [Finding.from_list(finding) for finding in item.issues]):
                issue.report(problems)
            items[doc.key] = item

    peak_rss_mb = 0.0
    if tasks:
        require_harfbuzz_subset()
        runner = open_runner(settings)
        try:
            for result in run_with_progress(runner, [task for _, task in tasks.values()], settings.progress):
                for doc in tasks[result.name][0]:
                    items[doc.key] = make_output(doc, result, out_dir, problems)
                peak_rss_mb = max(peak_rss_mb, result.peak_rss_mb)
        finally:
            runner.close()

    ordered = [items[doc.key] for doc in docs]
    _remove_stale(out_dir, editions, ordered)
    save_cache(out_dir, {doc.key: {"key": keys[doc.key], "item": items[doc.key].to_dict()} for doc in docs})
    stats.update(total_s=time.perf_counter() - started, rendered=sum(len(made) for made, _ in tasks.values()),
                 renders=len(tasks), documents=len(docs),
                 peak_worker_rss_mb=peak_rss_mb)
    return ordered


def collect_documents(catalog: Catalog, editions: list[Edition], problems: Problems,
                      expanded: dict[str, dict[str, Expanded]] | None = None,
                      layout_cache: LayoutCache | None = None) -> list[PrintDoc]:
    """Every print document of these editions, from their materials as each edition prints them (`expanded`: the
    materials already expanded per edition, else expanded here)."""
    docs = []
    for edition in editions:
        if expanded is not None and edition.id in expanded:
            chosen = expanded[edition.id]
        else:
            chosen = expand_catalog(catalog, edition, problems, edition_materials(catalog, edition))
            converter = converter_for(edition)
            if converter is not None:  # a 繁體版, as pipeline.check converts it
                chosen = converter.expanded(chosen)
        for item in sorted(chosen.values(), key=lambda e: (PRINT_KINDS.index(e.material.kind)
                                                          if e.material.kind in PRINT_KINDS else 99, e.material.id)):
            if item.material.kind not in PRINT_KINDS:
                continue
            if item.material.kind == "stickers":
                made = sticker_sheet_docs(item, catalog, problems, layout_cache)
            else:
                made = {**BUILDERS, **PRODUCT_BUILDERS}[item.material.kind](item, catalog, problems)
            made = made if isinstance(made, list) else [made] if made is not None else []
            for doc in made:
                doc.page.standard = edition.meta.pdf_standard
            docs += made
    return docs


def print_documents(catalog: Catalog, editions: list[Edition], expanded: dict[str, dict[str, Expanded]] | None,
                    problems: Problems, layout_cache: LayoutCache | None = None) -> list[PrintDoc]:
    """The documents with their HTML, checked for what only the print layouts reveal (a character no print font has,
    a 三折页 without six panels) before anything is written, so that `fanzha check` and a failing build list it with
    every other problem. Documents that cannot be printed are left out."""
    docs = collect_documents(catalog, editions, problems, expanded, layout_cache)
    for doc in docs:
        doc.html = document_html(doc)
        converter = converter_for(doc.expanded.edition)
        if converter is not None:  # a 繁體版: what the layout took from other materials too, and corner quotes
            doc.html = converter.finish_html(doc.html)
    edition_warnings(catalog, editions, docs, problems)
    return [doc for doc in docs if check_glyphs(doc, visible_text(doc.html), problems)]


def edition_warnings(catalog: Catalog, editions: list[Edition], docs: list[PrintDoc], problems: Problems) -> None:
    """What an edition has yet to fill in before it is printed: example phone numbers, and a site_url for the QR
    codes of its posters and handouts."""
    from fanzha.edition.placeholders import warn_edition_placeholders, where_set
    from fanzha.pdf.qr import QR_TEMPLATES

    for edition in editions:
        warn_edition_placeholders(edition, catalog.editions, problems)
        if edition.meta.site_url:
            continue
        without = [doc for doc in docs if doc.expanded.edition.id == edition.id and doc.template in QR_TEMPLATES
                   and not doc.material.meta.qr]
        if without:
            path, line = where_set(edition, catalog.editions, ("site_url",))
            problems.warn(path, line, messages.PDF_NO_SITE_URL.format(edition=edition.id, count=len(without),
                                                                      title=without[0].context["title"]))



def layout_inputs() -> str:
    """Everything an output depends on besides its HTML: templates and CSS, the engine's code and wording (a cached
    output keeps its paper, size and findings as worded), fonts, versions."""
    digest = hashlib.sha256()
    package = Path(__file__).parents[1]
    for path in (template_files() + sorted(package.glob("pdf/**/*.py")) + sorted(package.glob("text/*.py"))
                 + [package / "messages.py"]):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    digest.update(f"{__version__}|{metadata.version('weasyprint')}|{fonts_identity()}".encode())
    return digest.hexdigest()


def _reuse(entry: dict | None, key: str, out_dir: Path) -> PrintItem | None:
    # A damaged cache file (edited, half-restored from a backup) is read as no cache, entry by entry.
    if not isinstance(entry, dict) or entry.get("key") != key or not isinstance(entry.get("item"), dict):
        return None
    try:
        item = PrintItem.from_dict(entry["item"])
    except (KeyError, TypeError, ValueError):
        return None
    if not (isinstance(item.file, str) and isinstance(item.preview, str) and isinstance(item.sha256, str)
            and isinstance(item.issues, list)):
        return None
    try:
        for finding in item.issues:
            Finding.from_list(finding)
    except ValueError:
        return None
    pdf, png = out_dir / item.file, out_dir / item.preview
    # The bytes themselves, not only the size: a build killed after writing a PDF but before the cache leaves a file
    # the cache does not describe; a preview is whole when it ends with its PNG end chunk.
    try:
        if hashlib.sha256(pdf.read_bytes()).hexdigest() != item.sha256 or not png.read_bytes().endswith(PNG_END):
            return None
    except OSError:
        return None
    return item


PNG_END = b"\x00\x00\x00\x00IEND\xaeB`\x82"


def make_output(doc: PrintDoc, rendered: TaskResult, out_dir: Path, problems: Problems) -> PrintItem:
    """Check what a worker rendered and write it: PDF and preview."""
    from fanzha.pdf.preflight import preflight

    result = rendered.typeset
    findings = layout_findings(doc, result)
    for issue in layout_issues(doc, findings):
        issue.report(problems)
    data, preview_png, pages, page = result.pdf, rendered.preview, result.pages, doc.page
    if doc.post:
        from fanzha.pdf.products import post_process

        data, preview_png, pages, checks = post_process(doc, result.pdf, rendered.preview)
        page = doc.output_page or doc.page
    else:
        checks = preflight(doc, result.pdf)
    edition = doc.expanded.edition.id
    file = f"{edition}/{doc.file_stem}{doc.suffix}"
    preview = f"{edition}/{doc.file_stem}.png"
    if not any(f.kind == IssueKind.REFUSED for f in findings):  # unwritten, so never reused: reported at each build
        write_atomic(out_dir / file, data)
        write_atomic(out_dir / preview, preview_png)
    return PrintItem(
        file=file, preview=preview, material=doc.material.id, kind=doc.material.kind,
        title=doc.context["title"], edition=edition, trim_mm=[page.trim_w * doc.scale, page.trim_h * doc.scale],
        bleed_mm=page.bleed, pages=pages, bytes=len(data), scale=doc.scale,
        sha256=hashlib.sha256(data).hexdigest(), preflight=checks or "ok", sides=doc.sides,
        paper=doc.paper, size_name=doc.size_name, warnings=[f.text for f in findings] + placeholder_warnings(doc),
        variant=doc.variant,
        issues=[finding.to_list() for finding in findings])


def placeholder_warnings(doc: PrintDoc) -> list[str]:
    """The manifest's and print centre's note on a file that prints example phone numbers (placeholders.py)."""
    from fanzha.edition.placeholders import made_up_numbers_in

    numbers = made_up_numbers_in(visible_text(doc.html))
    return [messages.PDF_EXAMPLE_PHONES.format(numbers="、".join(numbers))] if numbers else []


def check_glyphs(doc: PrintDoc, text: str, problems: Problems) -> bool:
    missing = missing_characters(text, faces_for(doc.context.get("glyphs", "SC")))
    for char in missing:
        path, line = _locate(doc, char)
        shown = (f"“{char}”" if char.isprintable() and not unicodedata.category(char).startswith(("M", "Z"))
                 else messages.PDF_INVISIBLE_CHARACTER)
        problems.add(path, line, messages.PDF_MISSING_GLYPH.format(shown=shown, code=ord(char),
                                                                   title=doc.context["title"]))
    return not missing


def _locate(doc: PrintDoc, char: str) -> tuple[Path, int]:
    """The file and line the character comes from: the material, else its edition (unit details), else a template."""
    material = doc.material
    candidates = [material.path]
    edition = doc.expanded.edition
    candidates.append(edition.path)
    candidates += sorted(edition.path.parent.glob("*.yml"))
    for path in candidates:
        try:
            lines = Path(path).read_text("utf-8").split("\n")
        except (OSError, UnicodeDecodeError):
            continue
        for number, line in enumerate(lines, start=1):
            if char in line:
                return Path(path), number
    return TEMPLATES / doc.template, 0


def _remove_stale(out_dir: Path, editions: list[Edition], items: list[PrintItem]) -> None:
    keep = {item.file for item in items} | {item.preview for item in items}
    for edition in editions:
        folder = out_dir / edition.id
        if not folder.is_dir():
            continue
        for path in folder.iterdir():
            if path.is_file() and path.suffix in (".pdf", ".png", ".tif") and f"{edition.id}/{path.name}" not in keep:
                path.unlink()
