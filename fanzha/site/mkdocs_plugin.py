"""fanzha's MkDocs plugin: MkDocs' events over a SiteContent (fanzha.pipeline). `fanzha build` gives it the content
(fanzha.site.mkdocs_site.build); hooks/fanzha_hooks.py gives it a way to make the content at each build (`fanzha serve`,
a plain `mkdocs build`)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import jinja2
from markupsafe import escape
from mkdocs.plugins import BasePlugin, event_priority

from fanzha import messages
from fanzha.site import search_index
from fanzha.problems import ContentError
from fanzha.site.traditional import UI_LANGUAGE, traditional_prefix
from fanzha.text.cjk import corner_quotes, corner_text

TEMPLATES = Path(__file__).parents[1] / "templates" / "site"
_env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), undefined=jinja2.StrictUndefined,
                          autoescape=False, keep_trailing_newline=True)


class FanzhaPlugin(BasePlugin):
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

                    raise Abort(messages.SITE_NOT_BUILT.format(problems=exc)) from None
                self.problems = exc.problems
        if self.content is not None:
            search_index.register_terms(self.content.search_terms, self.content.search_dictionary)
            if self.content.identity:
                name, config.copyright = self.content.identity
                # The theme's templates do not escape (MkDocs' Jinja environment has no autoescape): the unit's
                # name would be markup in every page's <title>.
                config.site_name = str(escape(name))
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
            config.nav = [{messages.SITE_PROBLEMS_NAV: (self.paths or ["index.md"])[0]}]
            return Files(kept + generated)
        files = Files([f for f in files if not _linked(f, config)])
        pages = self.content.pages
        for path, text in {**pages.pages, **pages.texts}.items():
            files.append(File.generated(config, path, content=text))
        for path, source in self.content.print_files.items():
            files.append(File.generated(config, path, abs_src_path=str(source)))
        config.nav = pages.nav
        self.paths = sorted({"index.md", *(f.src_uri for f in files.documentation_pages())})
        return files

    def on_page_content(self, html, page, config, files):
        from fanzha.edition.sanitize import clean_site_page

        # Every page, hand-written or made from materials, through the allowlist before the theme wraps it: what the
        # checks of the text let through still cannot run in a reader's browser.
        html = clean_site_page(html)
        if traditional_prefix(page.url):  # a 繁體版 page quotes with corner brackets, its contents list too
            html = corner_quotes(html)
            _corner_toc(page.toc)
        return html

    def on_page_context(self, context, page, config, nav):
        # A 繁體版 page: the theme's own words in Traditional characters (overrides/partials/language.html), its
        # edition's name and footer in the header, the <title> and the footer, and mkdocs.yml's names of the colour
        # schemes' buttons in its characters.
        shown = self.content.pages.scripts.get(traditional_prefix(page.url) or "") if self.content else None
        if shown:
            from fanzha.edition.script import ScriptConverter

            convert = ScriptConverter(shown["variant"]).finish
            palette = config.theme["palette"] if "palette" in config.theme else None
            if isinstance(palette, list):
                palette = [{**option, "toggle": {**option["toggle"], "name": convert(option["toggle"]["name"])}}
                           if isinstance(option.get("toggle"), dict) and "name" in option["toggle"] else option
                           for option in palette]
            context["traditional_ui"], context["traditional_lang"] = UI_LANGUAGE, shown["lang"]
            context["config"] = _Shown(config, site_name=str(escape(shown["site_name"])), copyright=shown["copyright"],
                                       theme=_Shown(config.theme, palette=palette))
        return context

    def on_post_page(self, output, page, config):
        from fanzha.site.csp import with_script_hashes

        # Under serve MkDocs adds its live-reload script to each page as it sends it: that one has no hash here.
        return output if self.serving else with_script_hashes(output)

    def on_template_context(self, context, template_name, config):
        # MkDocs gives the 404 page root-absolute links ("/assets/…") when site_url is unset, which break when the
        # site sits in a sub-folder of an intranet server: relative ones work wherever the folder is put.
        if template_name == "404.html" and not config.site_url:
            from mkdocs import utils

            context["base_url"] = "."
            context["extra_css"] = [utils.normalize_url(path, None, ".") for path in config.extra_css]
            context["extra_javascript"] = [utils.normalize_url(str(path), None, ".")
                                           for path in config.extra_javascript]
        return context

    def on_post_build(self, config) -> None:
        if self.content is not None and not search_index.finish(Path(config.site_dir), self.content.search_synonyms):
            logging.getLogger("mkdocs").warning(messages.SITE_SEARCH_SCRIPT_UNEXPECTED)

    def on_serve(self, server, config, builder):
        server.watch(str(Path(config.config_file_path).parent / "materials"))
        return server


class _Shown:
    """The site's configuration as one page shows it: some of its values (site_name, copyright) replaced."""

    def __init__(self, config, **shown):
        self._config = config
        self._shown = shown

    def __getattr__(self, name):
        return self._shown[name] if name in self._shown else getattr(self._config, name)

    def __getitem__(self, key):
        return self._shown[key] if key in self._shown else self._config[key]

    def get(self, key, default=None):
        return self._shown[key] if key in self._shown else self._config.get(key, default)


def _corner_toc(items) -> None:
    for item in items:
        item.title = corner_text(item.title)
        _corner_toc(item.children)


def _linked(file, config) -> bool:
    """A file of docs/ reached through a symbolic link: it may lead anywhere on this machine, so it is not published."""
    if not file.abs_src_path or file.generated_by:
        return False
    docs = os.path.abspath(config.docs_dir)
    path = os.path.abspath(file.abs_src_path)
    if os.path.commonpath([docs, path]) != docs:
        return False  # the theme's own files
    return os.path.realpath(path) != os.path.join(os.path.realpath(docs), os.path.relpath(path, docs))


def _keep_jieba_in_project(config) -> None:
    """jieba keeps its prepared dictionary in the system's temporary folder; the build reads only the project's
    files."""
    import jieba

    jieba.setLogLevel(logging.WARNING)  # it sets its own logger to DEBUG when imported
    jieba.dt.tmp_dir = str(_cache_folder(config, "jieba"))


def _cache_folder(config, name: str) -> Path:
    folder = Path(config.config_file_path).parent / ".cache" / name
    folder.mkdir(parents=True, exist_ok=True)
    return folder
