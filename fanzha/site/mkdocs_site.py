"""The site generator's side, kept thin: MkDocs (with Material) is handed the finished pages, downloads and print
files of a SiteContent and builds the site from them. Nothing of fanzha's engine depends on MkDocs; moving to
another generator touches this module, hooks/ and mkdocs.yml only.

    build(root, site_dir, content)      `fanzha build`: MkDocs with a FanzhaPlugin holding the content
    inputs_digest(root, content)        what MkDocs would read, hashed: an unchanged digest needs no MkDocs run

The MkDocs plugin itself is in fanzha/mkdocs_plugin.py, imported only when MkDocs runs: deciding that it need not
run costs no MkDocs import.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from importlib import metadata
from pathlib import Path

from fanzha import __version__, messages
from fanzha.problems import ContentError, Problems

# What the site is made of besides the SiteContent: these folders and files of the project, and fanzha's own code
# (the Markdown extension, the search index fixes) and templates.
SITE_INPUTS = ("mkdocs.yml", "docs", "overrides", "hooks")
PACKAGE = Path(__file__).parents[1]


def build(root: Path, site_dir: Path, content, problems: Problems) -> None:
    """Run MkDocs on the project's mkdocs.yml into `site_dir`, with the content handed over instead of the hooks.
    MkDocs failing on the site's own files (mkdocs.yml, docs/) is a problem in `problems`, raised as ContentError."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from fanzha.site.mkdocs_plugin import FanzhaPlugin

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    cwd = os.getcwd()
    try:
        os.chdir(root)  # mkdocs.yml names paths relative to the project
        config = load_config(str(Path(root) / "mkdocs.yml"), site_dir=str(site_dir), hooks=[])
        config.plugins["fanzha"] = FanzhaPlugin(content)
        mkdocs_build(config)
    except MkDocsException as exc:
        mark = getattr(exc.__cause__ or exc.__context__, "problem_mark", None)  # a YAML error in mkdocs.yml
        problems.add("mkdocs.yml", mark.line + 1 if mark else 0,
                     messages.SITE_MKDOCS_FAILED.format(error=" ".join(str(exc).split())))
        raise ContentError(problems.errors) from None
    finally:
        os.chdir(cwd)


def inputs_digest(root: Path, content) -> str:
    """A digest of everything the site is built from: the content (pages, downloads, the print files by size and
    time: they are only ever replaced whole), the project's site files, fanzha's code and the generators' versions."""
    digest = hashlib.sha256()

    def add(*parts) -> None:
        for part in parts:
            digest.update(part if isinstance(part, bytes) else str(part).encode())
            digest.update(b"\0")

    pages = content.pages
    add(json.dumps([pages.pages, pages.texts, pages.nav, pages.scripts, content.identity, content.search_terms,
                    content.search_synonyms],
                   ensure_ascii=False, sort_keys=True))
    for path, source in sorted(content.print_files.items()):
        stat = source.stat()
        add(path, stat.st_size, stat.st_mtime_ns)
    files = [root / name for name in SITE_INPUTS]
    if content.search_dictionary is not None:
        files.append(content.search_dictionary)
    files += [*sorted((PACKAGE / "site").glob("*.py")), *sorted((PACKAGE / "site").glob("*.js")),
              *sorted((PACKAGE / "text").glob("*.py")), *sorted((PACKAGE / "templates" / "site").glob("*"))]
    for path in files:
        for file in sorted(path.rglob("*")) if path.is_dir() else [path]:
            if file.is_file() and "__pycache__" not in file.parts:
                add(file.relative_to(root) if file.is_relative_to(root) else file.name, file.read_bytes())
    add(__version__, *(metadata.version(name) for name in ("mkdocs", "mkdocs-material", "jieba", "opencc")))
    return digest.hexdigest()
