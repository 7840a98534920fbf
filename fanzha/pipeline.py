"""The whole build, in one direction:

    load + validate (catalog) → expand for each edition, once → lint → print documents, their HTML made once
    → PDFs, previews, manifest, zips (fanzha.pdf) → site pages (fanzha.site.pages) → MkDocs builds the site from
    these finished files (fanzha.site.mkdocs_site), skipped when none of its inputs changed → the new site swapped in
    (fanzha.site.publish).

    check(root) -> Project          what `fanzha check` runs; writes nothing
    build(root, ...) -> BuildResult  what `fanzha build` runs
    site_content(project)           the print files and pages of a checked project
    prepared_content(root)          check + site_content, for each rebuild of `fanzha serve`

Nothing here knows MkDocs' events: the MkDocs side only receives a SiteContent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from fanzha.channels import check_texts as check_channel_texts
from fanzha.edition import Expanded, converter_for, expand_catalog, lint_edition, lint_expanded
from fanzha.model import Catalog, Edition, edition_materials, load_catalog
from fanzha.problems import ContentError, Problems

CACHE = Path(".cache")
PRINT_CACHE = CACHE / "print"
THUMB_CACHE = CACHE / "thumbs"  # beside the print cache, whose clean-up keeps only PDFs and previews
LAYOUT_CACHE = CACHE / "layout.json"  # sticker fit sizes, by the text and the layout's inputs


@dataclass
class Project:
    """A checked project: the catalog, every edition's expanded materials and print documents, and every problem."""

    root: Path
    catalog: Catalog
    problems: Problems
    expanded: dict[str, dict[str, Expanded]] = field(default_factory=dict)  # edition id -> material id -> …
    documents: list | None = None  # print documents of every edition, with their HTML; None: no print fonts here
    layout_cache: object | None = None  # pdf.LayoutCache the check used, saved by a build

    @property
    def default(self) -> dict[str, Expanded]:
        return self.expanded.get("default", {})

    def editions(self, only: str | None = None) -> list[Edition]:
        editions = self.catalog.editions
        return [editions[only]] if only else list(editions.values())


def check(root: Path, *, print_documents: bool = True) -> Project:
    """Load, validate, expand for every edition, lint, and make the print documents (their HTML, the glyph check and
    the sticker fitting); writes nothing."""
    root = Path(root).resolve()
    problems = Problems(root)
    catalog = load_catalog(root, problems)
    project = Project(root, catalog, problems)
    for edition in catalog.editions.values():
        lint_edition(edition, problems)
        project.expanded[edition.id] = expand_catalog(catalog, edition, problems, edition_materials(catalog, edition))
        lint_expanded(edition, project.expanded[edition.id], problems)
        check_channel_texts(project.expanded[edition.id], problems)
        converter = converter_for(edition)
        if converter is not None:  # a 繁體版: linted as written, printed and shown in Traditional characters
            project.expanded[edition.id] = converter.expanded(project.expanded[edition.id])
    if print_documents:
        _print_documents(project)
    return project


def _print_documents(project: Project) -> None:
    from fanzha.pdf import LayoutCache, PrintEnvironmentError, layout_inputs, print_documents

    try:
        project.layout_cache = LayoutCache.load(project.root / LAYOUT_CACHE, layout_inputs())
        project.documents = print_documents(project.catalog, project.editions(), project.expanded, project.problems,
                                            project.layout_cache)
    except PrintEnvironmentError:
        project.documents = None  # no fonts on this machine: checking text still works; the print build says why


@dataclass
class SiteContent:
    """What the site generator is handed: finished pages, downloads and print files, the name and the footer."""

    pages: object  # pages.SitePages
    print_files: dict[str, Path]  # path in the site -> file on disk
    identity: tuple[str, str] | None  # site name, footer
    search_terms: list[str] = field(default_factory=list)  # words the search must keep whole
    search_dictionary: Path | None = None  # materials/search-terms.txt, jieba's user dictionary
    search_synonyms: dict[str, list[str]] = field(default_factory=dict)  # materials/search-synonyms.txt


def site_content(project: Project, only_edition: str | None = None, settings=None) -> SiteContent:
    """The print files of the editions printed (all, or `only_edition`), then the site pages that list them."""
    from fanzha.pdf import build_print_outputs, write_manifest, zip_edition
    from fanzha.site.pages import site_name_and_footer, site_pages
    from fanzha.site.search_index import load_synonyms
    from fanzha.site.thumbnails import make_thumbnails
    from fanzha.site.traditional import add_traditional_pages

    project.problems.raise_if_errors()
    root = project.root
    out_dir = root / PRINT_CACHE
    editions = project.editions(only_edition)
    printed = {edition.id for edition in editions}
    docs = None if project.documents is None else [d for d in project.documents if d.expanded.edition.id in printed]
    items = build_print_outputs(project.catalog, editions, out_dir, project.problems, settings, docs)
    project.problems.raise_if_errors()
    if project.layout_cache is not None:
        project.layout_cache.save()
    channel_items = _channel_outputs(project, editions, out_dir, settings)
    write_manifest(items, out_dir / "manifest.json", [item.manifest_row() for item in channel_items])
    published = {"manifest.json": out_dir / "manifest.json"}
    for edition in editions:
        archive = zip_edition(out_dir, edition.id)
        published[archive.name] = archive
    for item in items:
        published[item.file] = out_dir / item.file
        published[item.preview] = out_dir / item.preview
    published.update(make_thumbnails({item.preview: out_dir / item.preview for item in items}, root / THUMB_CACHE))
    for item in channel_items:
        published[item.file] = out_dir / item.file
        if item.preview:
            published[item.preview] = out_dir / item.preview

    hand_written = _hand_written_pages(root)
    blocks, channel_page = _channel_pages(project, channel_items)
    pages = site_pages(project.catalog, project.default, items, hand_written, channel_items, blocks, channel_page)
    add_traditional_pages(pages, project.catalog, project.expanded, items)
    default = project.catalog.editions.get("default")
    terms = [word for material in project.catalog.of_kind("scam")
             for word in [*material.meta.aliases, *material.meta.keywords] if 1 < len(word) <= 12]
    dictionary = root / "materials" / "search-terms.txt"
    synonyms = load_synonyms(root / "materials" / "search-synonyms.txt", project.problems)
    project.problems.raise_if_errors()
    return SiteContent(pages, {f"print/{rel}": path for rel, path in sorted(published.items())},
                       site_name_and_footer(default) if default else None, terms,
                       dictionary if dictionary.is_file() else None, synonyms)


def _channel_outputs(project: Project, editions: list[Edition], out_dir: Path, settings) -> list:
    """公众号 articles, share images, SMS/LED texts and 广播稿 of each edition printed (fanzha.channels)."""
    from fanzha.channels import channel_outputs

    made = []
    for edition in editions:
        made += channel_outputs(project.catalog, edition, project.expanded.get(edition.id, {}), out_dir,
                                project.problems, settings)
    project.problems.raise_if_errors()
    return made


def _channel_pages(project: Project, channel_items: list) -> tuple[dict[str, str], str]:
    """The Markdown the site shows of the default edition's channel files: a block per material, the 数字渠道 page."""
    from fanzha.channels import site_blocks, site_page

    shown = [item for item in channel_items if item.edition == "default"]
    if not shown:
        return {}, ""
    blocks = {material_id: site_blocks(shown, material_id) for material_id in {item.material for item in shown}
              if material_id}
    return blocks, site_page(shown, project.catalog.editions["default"], project.default)


def prepared_content(root: Path) -> SiteContent:
    """Check the project and make its print files and pages, waiting for a `fanzha build` that is writing them (what
    `fanzha serve` does at each rebuild); raises ContentError."""
    from fanzha.site import publish

    with publish.build_lock(root, wait=True):
        return site_content(check(root))


def _hand_written_pages(root: Path) -> list[str]:
    """docs/'s Markdown pages, as MkDocs names them (posix paths relative to docs/)."""
    docs = root / "docs"
    return sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md")) if docs.is_dir() else []


@dataclass
class BuildResult:
    site_dir: Path
    project: Project
    site_rebuilt: bool  # False: nothing MkDocs reads had changed, the site in place was already this build's


def build(root: Path, site_dir: Path | None = None, *, only_edition: str | None = None, settings=None,
          project: Project | None = None) -> BuildResult:
    """Check, make the print files and pages, and have MkDocs build the site beside the old one; the new site is
    swapped in whole. Raises ContentError (nothing written), guard.UnsafeOutput (a site_dir holding other files),
    publish.BuildBusy, or the site generator's errors."""
    from fanzha.site import mkdocs_site, publish
    from fanzha.site.guard import refuse_unsafe_output

    root = Path(root).resolve()
    site_dir = Path(site_dir or root / "site").resolve()
    refuse_unsafe_output(root, site_dir, "--site-dir", replaced_whole=True)
    with publish.build_lock(root):
        publish.recover(site_dir, root / PRINT_CACHE)
        project = project or check(root)
        project.problems.raise_if_errors()
        content = site_content(project, only_edition, settings)
        digest = mkdocs_site.inputs_digest(root, content)
        if publish.is_current(site_dir, digest):
            return BuildResult(site_dir, project, site_rebuilt=False)
        with publish.staging(site_dir) as staged:
            mkdocs_site.build(root, staged, content, project.problems)
            publish.mark(staged, digest)
        return BuildResult(site_dir, project, site_rebuilt=True)


__all__ = ["check", "build", "site_content", "prepared_content", "Project", "SiteContent", "BuildResult",
           "ContentError"]
