"""The site generator's side, kept thin: MkDocs (with Material) is handed the finished pages, downloads and print
files of a SiteContent and builds the site from them. Nothing of fanzha's engine depends on MkDocs; moving to
another generator touches this module, hooks/ and mkdocs.yml only.

    build(root, site_dir, content)      `fanzha build`: MkDocs with a FanzhaPlugin holding the content
    inputs_digest(root, content)        what MkDocs would read, hashed: an unchanged digest needs no MkDocs run
    FanzhaPlugin(make_content=…)        for hooks/fanzha_hooks.py (`fanzha serve`, a plain `mkdocs build`): has the
                                        content made at each build, and under serve shows problems as a page
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from importlib import metadata
from pathlib import Path

import jinja2

from . import __version__, search_index
from .problems import ContentError, Problems

TEMPLATES = Path(__file__).parent / "templates" / "site"
_env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), undefined=jinja2.StrictUndefined,
                          autoescape=False, keep_trailing_newline=True)
# What the site is made of besides the SiteContent: these folders and files of the project, and fanzha's own code
# (the Markdown extension, the search index fixes) and templates.
SITE_INPUTS = ("mkdocs.yml", "docs", "overrides", "hooks")
ENGINE = Path(__file__).parent


def build(root: Path, site_dir: Path, content, problems: Problems) -> None:
    """Run MkDocs on the project's mkdocs.yml into `site_dir`, with the content handed over instead of the hooks.
    MkDocs failing on the site's own files (mkdocs.yml, docs/) is a problem in `problems`, raised as ContentError."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    for name in ("mkdocs", "jieba"):
        logging.getLogger(name).setLevel(logging.WARNING)
    cwd = os.getcwd()
    try:
        os.chdir(root)  # mkdocs.yml names paths relative to the project
        config = load_config(str(Path(root) / "mkdocs.yml"), site_dir=str(site_dir), hooks=[])
        config.plugins["fanzha"] = FanzhaPlugin(content)
        mkdocs_build(config)
    except MkDocsException as exc:
        mark = getattr(exc.__cause__ or exc.__context__, "problem_mark", None)  # a YAML error in mkdocs.yml
        problems.add("mkdocs.yml", mark.line + 1 if mark else 0, f"网站没有生成（MkDocs：{' '.join(str(exc).split())}）",
                     "检查 mkdocs.yml 的缩进、冒号和括号，以及 docs/ 下的页面；改坏了可以用 git 恢复")
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
    add(json.dumps([pages.pages, pages.texts, pages.nav, content.identity, content.search_terms],
                   ensure_ascii=False, sort_keys=True))
    for path, source in sorted(content.print_files.items()):
        stat = source.stat()
        add(path, stat.st_size, stat.st_mtime_ns)
    files = [root / name for name in SITE_INPUTS]
    if content.search_dictionary is not None:
        files.append(content.search_dictionary)
    files += [ENGINE / "__init__.py", *sorted(ENGINE.glob("*.py")), *sorted((ENGINE / "templates" / "site").glob("*"))]
    for path in files:
        for file in sorted(path.rglob("*")) if path.is_dir() else [path]:
            if file.is_file() and "__pycache__" not in file.parts:
                add(file.relative_to(root) if file.is_relative_to(root) else file.name, file.read_bytes())
    add(__version__, *(metadata.version(name) for name in ("mkdocs", "mkdocs-material", "jieba")))
    return digest.hexdigest()


def _register_search_terms(content) -> None:
    """Teach jieba the domain terms (刷单, 杀猪盘, 96110 …) so that they are indexed as whole words: Material's search
    segments page text with the process-wide jieba tokenizer."""
    search_index.register_terms(content.search_terms, content.search_dictionary)


from mkdocs.plugins import BasePlugin, event_priority


class FanzhaPlugin(BasePlugin):  # type: ignore[misc,valid-type]
    """MkDocs' events, over a SiteContent: given one (`fanzha build`), or made at each build from the project by
    `make_content(root)` (hooks/fanzha_hooks.py). Under `mkdocs serve` a content problem becomes the page every
    request gets, instead of a failed build that leaves the browser waiting."""

    def __init__(self, content=None, make_content=None):
        self.given = content
        self.make_content = make_content
        self.content = content
        self.problems: list = []  # the content problems of the last build, under serve
        self.serving = False
        self.paths: list[str] = []  # the generated pages of the last good build, which show the problems under serve

    def on_startup(self, *, command, dirty) -> None:
        self.serving = command == "serve"

    @event_priority(100)  # before the search plugin's, which starts jieba
    def on_config(self, config):
        _keep_jieba_in_project(config)
        if self.given is None:
            self.content, self.problems = None, []
            try:
                self.content = self.make_content(Path(config.config_file_path).parent)
            except ContentError as exc:
                if not self.serving:
                    from mkdocs.exceptions import Abort

                    raise Abort(f"素材有问题，网站没有生成：\n{exc}") from None
                self.problems = exc.problems
        if self.content is not None:
            _register_search_terms(self.content)
            if self.content.identity:
                config.site_name, config.copyright = self.content.identity
        return config

    def on_env(self, env, config, files):
        # The theme's templates compiled once, not at every build: most of what MkDocs spends on a site this size.
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(_cache_folder(config, "jinja")))
        return env

    def on_files(self, files, config):
        from mkdocs.structure.files import File, Files

        if self.content is None:  # under serve, with problems: one page listing them, at every page's address
            page = _env.get_template("problems.md.j2").render(problems=[str(p) for p in self.problems])
            kept = [f for f in files if not f.is_documentation_page()]
            generated = [File.generated(config, path, content=page) for path in self.paths or ["index.md"]]
            config.nav = [{"素材有问题": (self.paths or ["index.md"])[0]}]
            return Files(kept + generated)
        pages = self.content.pages
        for path, text in {**pages.pages, **pages.texts}.items():
            files.append(File.generated(config, path, content=text))
        for path, source in self.content.print_files.items():
            files.append(File.generated(config, path, abs_src_path=str(source)))
        config.nav = pages.nav
        self.paths = sorted({"index.md", *(f.src_uri for f in files.documentation_pages())})
        return files

    def on_post_build(self, config) -> None:
        if self.content is not None and not search_index.finish(Path(config.site_dir)):
            logging.getLogger("mkdocs").warning(
                "这个版本的 Material for MkDocs 搜索脚本与 fanzha 预期的不同，未能修正中文搜索分词；"
                "整词搜索（如“安全账户”）可能找不准。请用 pyproject.toml 里写明的 mkdocs-material 版本。")

    def on_serve(self, server, config, builder):
        server.watch(str(Path(config.config_file_path).parent / "materials"))
        return server


def _keep_jieba_in_project(config) -> None:
    """jieba keeps its prepared dictionary in the system's temporary folder; the build reads only the project's files."""
    import jieba

    jieba.setLogLevel(logging.WARNING)  # it sets its own logger to DEBUG when imported
    jieba.dt.tmp_dir = str(_cache_folder(config, "jieba"))


def _cache_folder(config, name: str) -> Path:
    folder = Path(config.config_file_path).parent / ".cache" / name
    folder.mkdir(parents=True, exist_ok=True)
    return folder
