"""The whole pipeline: check the materials, make the print files, build the site and move it into place."""

from __future__ import annotations

import ctypes
import fcntl
import logging
import os
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import search_index
from .catalog import Catalog, Edition, edition_materials, load_catalog
from .expand import Expanded, expand_catalog
from .lint import lint_edition, lint_expanded
from .pages import SitePages, site_name_and_footer, site_pages
from .pdf.manifest import PART
from .problems import ContentError, Problem, Problems

PRINT_CACHE = Path(".cache") / "print"
# `fanzha build` checks before it starts MkDocs; the hooks of that same build reuse the result instead of checking again.
_prechecked: dict[Path, "Checked"] = {}
# How `fanzha build` asked the PDFs to be rendered (--jobs, --executor), for the hooks of that build.
_render_settings: dict[Path, object] = {}


@dataclass
class Checked:
    catalog: Catalog
    problems: Problems
    expanded: dict[str, dict[str, Expanded]] = field(default_factory=dict)  # edition id -> material id -> …
    print_only: str | None = None  # `fanzha build --edition NAME`: print files of this edition only
    print_docs: list | None = None  # every edition's print documents, made by the check; None if it could not run

    @property
    def printed_editions(self) -> list[Edition]:
        editions = self.catalog.editions
        return [editions[self.print_only]] if self.print_only else list(editions.values())

    @property
    def default(self) -> dict[str, Expanded]:
        return self.expanded.get("default", {})


@dataclass
class SiteContent:
    pages: SitePages
    print_files: dict[str, Path]  # path in the site -> file on disk


def check(root: Path) -> Checked:
    """Load, validate, expand for every edition and lint; writes nothing."""
    problems = Problems(Path(root))
    catalog = load_catalog(Path(root), problems)
    checked = Checked(catalog, problems)
    for edition in catalog.editions.values():
        lint_edition(edition, problems)
        # The site shows every material in the default edition; other editions print only their selection.
        chosen = None if edition.id == "default" else edition_materials(catalog, edition)
        checked.expanded[edition.id] = expand_catalog(catalog, edition, problems, chosen)
        lint_expanded(edition, checked.expanded[edition.id], problems)
    checked.print_docs = _check_print(catalog, problems)
    return checked


def _check_print(catalog: Catalog, problems: Problems) -> list | None:
    from .pdf import PrintEnvironmentError, check_print_documents

    try:
        return check_print_documents(catalog, list(catalog.editions.values()), problems)
    except PrintEnvironmentError:
        return None  # no fonts on this machine: checking text still works, and the print build says what to install


def _catalog(root: Path) -> Catalog:
    root = Path(root).resolve()
    prechecked = _prechecked.get(root)
    return prechecked.catalog if prechecked else load_catalog(root, Problems(root))


def register_search_terms(root: Path) -> None:
    search_index.register_terms(_catalog(root), Path(root).resolve() / "materials" / "search-terms.txt")


def site_identity(root: Path) -> tuple[str, str] | None:
    """The site's name and the footer every page carries: the default edition's unit and phone numbers."""
    edition = _catalog(root).editions.get("default")
    return site_name_and_footer(edition) if edition else None


def site_content(root: Path, hand_written: list[str]) -> SiteContent:
    """Pages and print files for the site; raises ContentError listing every problem."""
    root = Path(root).resolve()
    checked = _prechecked.get(root) or check(root)
    checked.problems.raise_if_errors()
    with build_lock(root, wait=True):  # under `fanzha serve`: not while a `fanzha build` writes the print files
        items, published = make_print_files(checked, root)
    checked.problems.raise_if_errors()
    pages = site_pages(checked.catalog, checked.default, items, hand_written)
    print_files = {f"print/{rel}": path for rel, path in sorted(published.items())}
    return SiteContent(pages, print_files)


def make_print_files(checked: Checked, root: Path) -> tuple[list, dict[str, Path]]:
    """Print files of the editions being printed, and what of them the site publishes (path in print/ -> file).

    Only this build's files are published: the print cache may still hold other editions' files from earlier builds.
    """
    from .pdf import build_print_outputs, write_manifest, zip_edition

    out_dir = root / PRINT_CACHE
    out_dir.mkdir(parents=True, exist_ok=True)
    editions = checked.printed_editions
    printed = {edition.id for edition in editions}
    docs = None if checked.print_docs is None else [d for d in checked.print_docs if d.expanded.edition.id in printed]
    items = build_print_outputs(checked.catalog, editions, out_dir, checked.problems, _render_settings.get(root), docs)
    write_manifest(items, out_dir / "manifest.json")
    published = {"manifest.json": out_dir / "manifest.json"}
    for edition in editions:
        archive = zip_edition(out_dir, edition.id)
        published[archive.name] = archive
    for item in items:
        published[item.file] = out_dir / item.file
        published[item.preview] = out_dir / item.preview
    return items, published


def finish_search(site_dir: Path) -> None:
    """After MkDocs wrote the site: a compact UTF-8 index, and a worker that searches a whole Chinese query."""
    search_index.compact(site_dir)
    if not search_index.fix_query_segmentation(site_dir):
        logging.getLogger("mkdocs").warning(
            "这个版本的 Material for MkDocs 搜索脚本与 fanzha 预期的不同，未能修正中文搜索分词；"
            "整词搜索（如“安全账户”）可能找不准。请用 pyproject.toml 里写明的 mkdocs-material 版本。")


def site_generator_problem(exc: Exception) -> Problem:
    """MkDocs failed on the site's own files (mkdocs.yml, docs/): where, if it says, and what to do."""
    mark = getattr(exc.__cause__ or exc.__context__, "problem_mark", None)  # a YAML error in mkdocs.yml
    return Problem("mkdocs.yml", mark.line + 1 if mark else 0, f"网站没有生成（MkDocs：{' '.join(str(exc).split())}）",
                   "检查 mkdocs.yml 的缩进、冒号和括号，以及 docs/ 下的页面；改坏了可以用 git 恢复")


class BuildBusy(Exception):
    """Another `fanzha build` of the same project is running."""


_locked: set[Path] = set()  # projects whose lock this process holds


@contextmanager
def build_lock(root: Path, wait: bool = False):
    """One build of a project at a time: a second one would clear the first one's staging folder and the print files
    it is writing. `fanzha build` refuses to wait (BuildBusy); `fanzha serve` waits for a running build before each of
    its rebuilds. Within one process the lock is taken once: a build's MkDocs hooks run inside it."""
    root = Path(root).resolve()
    if root in _locked:
        yield
        return
    path = root / ".cache" / "build.lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            raise BuildBusy(root) from None
        _locked.add(root)
        try:
            yield  # the kernel releases the lock when the process ends, killed or not
        finally:
            _locked.discard(root)


def build_site(root: Path, site_dir: Path | None = None, checked: Checked | None = None, render=None) -> Path:
    """Build the site beside the old one and swap it in only when complete, so a failed build loses nothing."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    root = Path(root).resolve()
    site_dir = Path(site_dir or root / "site").resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    with build_lock(root):
        recover(site_dir, root / PRINT_CACHE)
        staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.new-", dir=site_dir.parent))
        cwd = os.getcwd()
        if checked is not None:
            _prechecked[root] = checked
        if render is not None:
            _render_settings[root] = render
        try:
            os.chdir(root)  # mkdocs.yml names paths relative to the project
            config = load_config(str(root / "mkdocs.yml"), site_dir=str(staging))
            mkdocs_build(config)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        finally:
            os.chdir(cwd)
            _prechecked.pop(root, None)
            _render_settings.pop(root, None)
        swap_in(staging, site_dir)
    return site_dir


def swap_in(staging: Path, target: Path) -> None:
    """Put the new site in place of the old one. Where the system can exchange two folders in one step there is no
    moment without a complete site; elsewhere a build killed between the two renames is repaired by recover()."""
    if target.exists() and _exchange(staging, target):
        shutil.rmtree(staging, ignore_errors=True)  # it now holds the previous site
        return
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(staging, target)
    shutil.rmtree(old, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Linux renameat2(RENAME_EXCHANGE): swap two paths atomically; False where the system or file system lacks it."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def recover(site_dir: Path, print_dir: Path) -> None:
    """Repair what a killed build left: the old site set aside between the two renames of swap_in goes back, and
    half-built staging folders and half-written print files go away."""
    old = site_dir.with_name(f".{site_dir.name}.old")
    if old.exists() and not site_dir.exists():
        os.replace(old, site_dir)
    shutil.rmtree(old, ignore_errors=True)
    for staging in site_dir.parent.glob(f".{site_dir.name}.new-*"):
        shutil.rmtree(staging, ignore_errors=True)
    if print_dir.is_dir():
        for part in print_dir.rglob(f".*{PART}"):
            part.unlink(missing_ok=True)


__all__ = ["check", "site_content", "build_site", "BuildBusy", "ContentError"]
