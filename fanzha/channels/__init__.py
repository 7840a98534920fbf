"""Digital channels of one edition: 公众号 articles, 长图 share images, SMS and LED texts, 广播稿 and their A4 sheet.

    channel_outputs(catalog, edition, expanded, out_dir, problems, settings) -> list[ChannelItem]

`expanded`: the edition's expanded materials (pipeline.Project.expanded[edition.id]). The files are written under
out_dir/<edition>/channels/ (the print folder; published at print/<edition>/channels/), each listed under
"channels" in manifest.json with its kind (ChannelItem.manifest_row). Every scam type, letter and article gets an
article and a share image; the edition gets its SMS, LED and 广播稿 files (and a draft WAV of each 广播稿 when it
sets broadcast_audio: true).

    site_blocks(items, material_id) / site_page(items, edition)   Markdown for the site's pages
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from typing import TYPE_CHECKING

from fanzha import messages
from fanzha.channels import broadcast, texts
from fanzha.edition import Expanded
from fanzha.model import Catalog, Edition
from fanzha.problems import Problems

if TYPE_CHECKING:
    from fanzha.pdf.executor import WorkerSettings

__all__ = ["channel_outputs", "check_texts", "ChannelItem", "site_blocks", "site_page", "KINDS", "FOR_KINDS"]

KINDS = ("wechat-article", "share-image", "sms", "led", "broadcast")
FOR_KINDS = ("scam", "letter", "article")  # the materials that get an article and a share image
FOLDER = "channels"


@dataclass
class ChannelItem:
    file: str  # relative to the print folder, e.g. "default/channels/shuadan-fanli.wechat.html"
    material: str  # the material's id; "" for an edition's SMS, LED and 广播稿 files
    kind: str  # one of KINDS
    title: str
    edition: str
    bytes: int
    sha256: str
    preview: str = ""  # a PNG beside a PDF
    pages: int | None = None
    trim_mm: list[float] | None = None
    size_px: list[int] | None = None  # a share image's width and height
    chars: int | None = None  # a 公众号 article's characters
    warnings: list[str] = field(default_factory=list)
    entries: list[dict] = field(default_factory=list)  # SMS/LED lines, 广播稿 scripts: what the site page shows

    def manifest_row(self) -> dict:
        """A row of site/print/manifest.json, with its paths relative to site/ (DESIGN.md, Outputs)."""
        row = {"file": f"print/{self.file}", "material": self.material, "kind": self.kind, "title": self.title,
               "edition": self.edition, "trim_mm": self.trim_mm, "bleed_mm": 0, "pages": self.pages,
               "bytes": self.bytes, "sha256": self.sha256, "preflight": "ok", "warnings": self.warnings}
        if self.preview:
            row["preview"] = f"print/{self.preview}"
        if self.size_px:
            row["size_px"] = self.size_px
        if self.chars is not None:
            row["chars"] = self.chars
        return row


def check_texts(expanded: dict[str, Expanded], problems: Problems) -> None:
    """What `fanzha check` reports of the channels without writing anything: SMS that need two messages once
    signed, 广播稿 outside 60–90 s."""
    texts.channel_lines(expanded, messages.MODEL_CHANNEL_SMS, problems)
    broadcast.scripts(expanded, problems)


def channel_outputs(catalog: Catalog, edition: Edition, expanded: dict[str, Expanded], out_dir: Path,
                    problems: Problems, settings: WorkerSettings | None = None) -> list[ChannelItem]:
    # Here, not at the top: `fanzha check` imports this package for check_texts alone.
    from fanzha.channels import share_image, wechat
    from fanzha.channels.layouts import ChannelCache, inputs_digest, layout_html, typeset_all
    from fanzha.edition.expand import chinese_date
    from fanzha.edition.script import converter_for, page_url
    from fanzha.pdf.documents import script_context
    from fanzha.files import write_atomic
    from fanzha.pdf.layout.fonts import faces_for, missing_characters, visible_text
    from fanzha.pdf.layout.page import PageSpec

    out_dir = Path(out_dir)
    folder = f"{edition.id}/{FOLDER}"
    (out_dir / folder).mkdir(parents=True, exist_ok=True)
    cache = ChannelCache(out_dir / folder)
    digest = inputs_digest()
    items: list[ChannelItem] = []
    jobs: list[tuple[str, str, PageSpec, bool, str]] = []
    a4 = PageSpec(210, 297)
    pending: dict[str, tuple[str, str, Expanded | None, str]] = {}  # render key -> (kind, file, material, title)

    def write(file: str, data: bytes) -> None:
        path = out_dir / file
        if not (path.is_file() and path.read_bytes() == data):  # unchanged files keep their time: no site rebuild
            write_atomic(path, data)

    def publish(file: str, data: bytes, **fields) -> ChannelItem:
        write(file, data)
        item = ChannelItem(file=file, edition=edition.id, bytes=len(data), sha256=hashlib.sha256(data).hexdigest(),
                           **fields)
        items.append(item)
        return item

    def rendered(kind: str, file: str, item: Expanded | None, title: str, data: bytes, extra: dict) -> None:
        if kind == "share-image":
            warnings = []
            if extra.get("pages", 1) > 1:
                problems.warn(item.material.path, item.material.source.body_line,
                              messages.CHANNELS_SHARE_IMAGE_CUT.format(title=title))
                warnings.append(messages.CHANNELS_SHARE_IMAGE_CUT_NOTE)
            publish(file, data, material=item.material.id, kind=kind,
                    title=messages.CHANNELS_SHARE_IMAGE_TITLE.format(title=title),
                    size_px=extra["size_px"], warnings=warnings)
        else:
            publish(file, data, material="", kind=kind, title=title, pages=extra.get("pages"), trim_mm=[210, 297],
                    preview=_png(file))

    def printable(html: str, item: Expanded | None, title: str) -> bool:
        missing = missing_characters(visible_text(html), faces_for(glyphs))
        for char in missing:
            where = item.material if item is not None else None
            problems.add(where.path if where else edition.path, where.source.body_line if where else 0,
                         messages.CHANNELS_MISSING_GLYPH.format(char=char, code=ord(char), title=title))
        return not missing

    def drafts(scripts: list[broadcast.Script]) -> None:
        """A draft WAV of each script, read by the speech engine (channels/audio.py), cached by its text."""
        from fanzha.channels import audio

        line = edition.lines.get(("broadcast_audio",), 1)
        try:
            engine = audio.engine_version()
            for script in scripts:
                file = f"{folder}/broadcast-{script.material.material.id}.draft.wav"
                key = hashlib.sha256(f"{engine}\n{audio.WORDS_PER_MINUTE}\n{script.spoken}".encode()).hexdigest()
                data = cache.reuse(out_dir, file, key)
                if data is None:
                    data, seconds = audio.synthesize(script.spoken)
                    cache.keep(file, key, data, {"seconds": seconds})
                seconds = cache.extra(file)["seconds"]
                publish(file, data, material=script.material.material.id, kind="broadcast",
                        title=messages.CHANNELS_BROADCAST_DRAFT_TITLE.format(title=script.title, seconds=seconds))
        except audio.AudioUnavailable:
            problems.add(edition.path, line, messages.CHANNELS_NO_SPEECH_ENGINE)

    # A 繁體版 (edition/script.py): its materials come converted (`expanded`); its unit's details, the layouts' and
    # these files' own words, the reading of its 广播稿 and its quotation marks are converted here.
    converter = converter_for(edition)
    shown = converter.edition(edition) if converter else edition
    language = script_context(edition)  # lang and glyphs, as a print file's
    glyphs = language["glyphs"]
    site_url = edition.meta.site_url
    # Said once, where the key is written (the default edition's file has it): not again for each unit's edition.
    if not site_url and ("site_url",) in edition.lines and any(
            expanded.get(m.id) for kind in FOR_KINDS for m in catalog.of_kind(kind)):
        problems.warn(edition.path, edition.lines[("site_url",)],
                      messages.CHANNELS_NO_SITE_URL.format(edition=edition.id))
    chosen = [e for kind in FOR_KINDS for m in catalog.of_kind(kind) if (e := expanded.get(m.id)) is not None]
    for item in chosen:
        material = item.material
        title = item.fields.get("title") or material.meta.title
        page = page_url(catalog.editions, edition, material)  # a 繁體版's page for a 繁體版
        # Keyed by what they are made from, so that an unchanged material costs no Markdown, inlining or layout.
        source = _source_key(digest, item, page)
        file = f"{folder}/{material.id}.wechat.html"
        data = cache.reuse(out_dir, file, source)
        if data is None:
            article = wechat.article(item, page, problems)
            data, chars = article.html, article.chars
            cache.keep(file, source, data, {"chars": chars})
        else:
            chars = cache.extra(file)["chars"]
            wechat.check_length(item, chars, problems)
        publish(file, data, material=material.id, kind="wechat-article",
                title=messages.CHANNELS_ARTICLE_TITLE.format(title=title), chars=chars)
        file = f"{folder}/{material.id}.share.png"
        data = cache.reuse(out_dir, file, source)
        if data is not None:
            rendered("share-image", file, item, title, data, cache.extra(file))
            continue
        html = share_image.html(item, catalog)
        if printable(html, item, title):
            pending[source] = ("share-image", file, item, title)
            jobs.append((source, html, share_image.PAGE, False, glyphs))

    for channel, kind, file_title in ((messages.MODEL_CHANNEL_SMS, "sms", messages.CHANNELS_SMS_FILE_TITLE),
                                      ("LED", "led", messages.CHANNELS_LED_FILE_TITLE)):
        lines = texts.channel_lines(expanded, channel, problems)
        if converter:
            lines = [dataclasses.replace(line, text=converter.finish_text(line.text)) for line in lines]
        if lines:
            publish(f"{folder}/{kind}.txt", texts.text_file(lines), material="", kind=kind,
                    title=file_title.format(count=len(lines)),
                    entries=[{"anchor": line.anchor, "text": line.text, "chars": len(line.text),
                              "segments": line.segments} for line in lines])

    scripts = broadcast.scripts(expanded, problems)
    if scripts:
        entry = messages.CHANNELS_BROADCAST_TEXT_ENTRY
        spoken = "".join(entry.format(title=s.title, seconds=s.seconds, spoken=s.spoken) for s in scripts)
        if converter:
            spoken = converter.finish_text(spoken)
        publish(f"{folder}/broadcast.txt", (texts.BOM + spoken).encode("utf-8"), material="", kind="broadcast",
                title=messages.CHANNELS_BROADCAST_TEXT_TITLE,
                entries=[{"anchor": s.anchor, "title": s.title, "material": s.material.material.id, "chars": s.chars,
                          "seconds": s.seconds, "paragraphs": broadcast.paragraphs(s.spoken)} for s in scripts])
        if edition.meta.broadcast_audio:
            drafts(scripts)
        unit = shown.meta.unit.name
        sheet_title = messages.CHANNELS_BROADCAST_SHEET_TITLE.format(unit=unit)
        sheet = {"kind": "broadcast", "title": sheet_title, "subject": messages.CHANNELS_BROADCAST_SHEET_SUBJECT,
                 "author": unit, "unit_name": unit, "date": edition.meta.date.isoformat(),
                 "date_text": chinese_date(edition.meta.date), **language,
                 "per_minute": broadcast.CHARS_PER_MINUTE,
                 "scripts": [{"title": s.title, "chars": s.chars, "seconds": s.seconds,
                              "paragraphs": broadcast.paragraphs(s.spoken)} for s in scripts]}
        key = hashlib.sha256(f"{digest}\nbroadcast\n{sorted(sheet.items())}".encode()).hexdigest()
        file = f"{folder}/broadcast.pdf"
        data = cache.reuse(out_dir, file, key)
        if data is not None and cache.reuse(out_dir, _png(file), key) is not None:
            rendered("broadcast", file, None, messages.CHANNELS_BROADCAST_SHEET_FILE_TITLE, data, cache.extra(file))
        else:
            html = layout_html("broadcast.html.j2", a4, sheet, converter)
            if printable(html, None, sheet_title):
                pending[key] = ("broadcast", file, None, messages.CHANNELS_BROADCAST_SHEET_FILE_TITLE)
                jobs.append((key, html, a4, True, glyphs))

    # What the cache did not hold, rendered together.
    to_render = jobs
    for key, result in typeset_all(to_render, settings):
        kind, file, item, title = pending[key]
        if kind == "share-image":
            data, height = share_image.raster(result.typeset.pdf)
            extra = {"size_px": [share_image.WIDTH_PX, height], "pages": result.typeset.pages}
        else:
            data, extra = result.typeset.pdf, {"pages": result.typeset.pages}
            write(_png(file), result.preview)
            cache.keep(_png(file), key, result.preview)
        cache.keep(file, key, data, extra)
        rendered(kind, file, item, title, data, extra)
    cache.save()
    kept = {Path(i.file).name for i in items} | {Path(i.preview).name for i in items if i.preview}
    _remove_stale(out_dir / folder, kept)
    order = {k: n for n, k in enumerate(KINDS)}
    return sorted(items, key=lambda i: (i.material == "", i.material, order[i.kind], i.file))


def _source_key(digest: str, item: Expanded, page: str) -> str:
    """A material's article and share image are functions of its expanded text, its edition, the address of its page
    (which folder of the site shows a 繁體版 depends on the other editions too) and the channels' templates and code
    (`digest`)."""
    fields = sorted(item.fields.items())
    text = "\n".join((digest, item.material.meta.model_dump_json(), item.body, str(fields),
                      item.edition.meta.model_dump_json(), page))
    return hashlib.sha256(text.encode()).hexdigest()


def _png(file: str) -> str:
    return str(Path(file).with_suffix(".png"))


def _remove_stale(folder: Path, keep: set[str]) -> None:
    for path in folder.iterdir():
        if path.is_file() and path.name not in keep and path.name != "channels-cache.json":
            path.unlink()


def _site_template(name: str):
    import jinja2

    loader = jinja2.FileSystemLoader(str(Path(__file__).resolve().parent.parent / "templates" / "channels"))
    env = jinja2.Environment(loader=loader, undefined=jinja2.StrictUndefined, autoescape=False, trim_blocks=True,
                             lstrip_blocks=True, keep_trailing_newline=True)
    return env.get_template(name)


def site_blocks(items: list[ChannelItem], material_id: str) -> str:
    """The Markdown block on a material's page: the 复制到公众号 button with its article, and the share image."""
    own = {item.kind: item for item in items if item.material == material_id}
    if not own:
        return ""
    script = next((entry for item in items if item.kind == "broadcast" for entry in item.entries
                   if entry.get("material") == material_id), None)
    return _site_template("site-material.md.j2").render(article=own.get("wechat-article"),
                                                                 share=own.get("share-image"), script=script,
                                                                 draft=own.get("broadcast"))


def site_page(items: list[ChannelItem], edition: Edition, expanded: dict[str, Expanded]) -> str:
    """The 数字渠道 page: every article and share image, the SMS and LED lines and the 广播稿, each with its id."""
    by_kind: dict[str, list[ChannelItem]] = {}
    for item in items:
        by_kind.setdefault(item.kind, []).append(item)
    titles = {m: (e.fields.get("title") or e.material.meta.title) for m, e in expanded.items()}
    return _site_template("site-index.md.j2").render(by_kind=by_kind, titles=titles, edition=edition,
                                                              segment=texts.SEGMENT)
