"""The channels' layouts through the print engine: Jinja2 templates in fanzha/templates/channels/ (which may extend
the print layouts' base.html.j2 and use their filters), rendered by WeasyPrint in the print executor's tasks (fonts
subset per document), and a cache that skips a render whose inputs are unchanged."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import jinja2

from fanzha.files import write_atomic
from fanzha.pdf import layout_inputs
from fanzha.pdf.executor import WorkerSettings, make_task, open_runner
from fanzha.pdf.layout.fonts import font_sources
from fanzha.pdf.layout.page import PageSpec
from fanzha.pdf.html import FILTERS, TEMPLATES as PRINT_TEMPLATES, stylesheets

TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "channels"

env = jinja2.Environment(loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(TEMPLATES)),
                                                     jinja2.FileSystemLoader(str(PRINT_TEMPLATES))]),
                         autoescape=True, undefined=jinja2.StrictUndefined)
env.filters.update(FILTERS)  # cjk, cjk_plain, cjk_heading, mm: the print layouts' typography


def channel_files() -> list[Path]:
    return sorted(p for p in TEMPLATES.iterdir() if p.is_file())


def inputs_digest() -> str:
    """What a channel output depends on besides its own data: the print engine's inputs, these templates, this code."""
    digest = hashlib.sha256(layout_inputs().encode())
    for path in channel_files() + sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def layout_html(template: str, page: PageSpec, context: dict, converter=None) -> str:
    """The layout's HTML, as pdf/html.py makes a print file's: for a 繁體版 (`converter`, edition/script.py) the
    template's own words in the edition's wording, the whole page in Traditional characters with corner quotes, and
    the fonts with its glyph forms (`context["glyphs"]`, documents.script_context)."""
    environment = env if converter is None else converter.templates(env)
    html = environment.get_template(template).render(doc=context, page=page,
                                                     fonts=font_sources(context.get("glyphs", "SC")),
                                                     version="channels")
    return html if converter is None else converter.finish_html(html)


def resources() -> dict[str, bytes]:
    """The print stylesheets and the channels' own, by the names the HTML links them with."""
    return {**stylesheets(), **{p.name: p.read_bytes() for p in channel_files() if p.suffix == ".css"}}


class ChannelCache:
    """out_dir/channels-cache.json: output file -> the key of the inputs it was made from and its bytes' hash. A file
    is reused only when both match (a build killed between writing a file and the cache leaves a mismatch)."""

    def __init__(self, out_dir: Path):
        self.path = Path(out_dir) / "channels-cache.json"
        try:
            self.entries = json.loads(self.path.read_text("utf-8"))
        except (OSError, ValueError):
            self.entries = {}
        self.used: dict[str, dict] = {}

    def reuse(self, out_dir: Path, file: str, key: str) -> bytes | None:
        entry = self.entries.get(file)
        path = Path(out_dir) / file
        if not entry or entry.get("key") != key or not path.is_file():
            return None
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() != entry.get("sha256"):
            return None
        self.used[file] = entry
        return data

    def keep(self, file: str, key: str, data: bytes, extra: dict | None = None) -> None:
        self.used[file] = {"key": key, "sha256": hashlib.sha256(data).hexdigest(), **(extra or {})}

    def extra(self, file: str) -> dict:
        return self.used.get(file, {})

    def save(self) -> None:
        data = json.dumps(self.used, ensure_ascii=False, indent=1, sort_keys=True).encode()
        if not (self.path.is_file() and self.path.read_bytes() == data):
            write_atomic(self.path, data)


def typeset_all(jobs: list[tuple[str, str, PageSpec, bool, str]], settings: WorkerSettings | None):
    """Render (key, html, page, preview, glyphs) jobs with the print executor; yields (key, TaskResult). `glyphs`: the
    Noto CJK faces the layout prints with (SC; TC or HK for a 繁體版)."""
    if not jobs:
        return
    css = resources()
    tasks = [make_task(key, key[:12], html, page, css, preview, glyphs) for key, html, page, preview, glyphs in jobs]
    runner = open_runner(settings or WorkerSettings())
    try:
        for result in runner.run(tasks):
            yield result.key, result
    finally:
        runner.close()
