"""The bundled site: a page for every material, nothing loaded from another origin, a compact search index."""

import json
import re
from html.parser import HTMLParser

from helpers import REPO, channel_text, simplified_left

from fanzha.pipeline import check

ASSET_ATTRS = {"script": "src", "img": "src", "iframe": "src", "source": "src", "video": "src", "audio": "src",
               "embed": "src", "object": "data", "link": "href"}
FOREIGN = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.I)


class Assets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []
        self.csp = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ASSET_ATTRS and attrs.get(ASSET_ATTRS[tag]):
            self.urls.append(attrs[ASSET_ATTRS[tag]])
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "content-security-policy":
            self.csp = "default-src 'self'" in (attrs.get("content") or "")
        for value in attrs.values():
            if value and "url(" in value:
                self.urls += re.findall(r"url\(['\"]?([^)'\"]+)", value)


def test_every_material_has_a_page(bundled_site):
    catalog = check(REPO).catalog
    assert len(catalog.materials) >= 10
    for material in catalog.materials.values():
        page = bundled_site / material.kind / material.id / "index.html"
        assert page.exists(), f"no page for {material.kind}/{material.id}"
        assert material.meta.title.split("{{")[0] in page.read_text(encoding="utf-8")


def test_no_asset_from_another_origin_and_a_csp_on_every_page(bundled_site):
    pages = list(bundled_site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        parser = Assets()
        parser.feed(page.read_text(encoding="utf-8"))
        foreign = [u for u in parser.urls if FOREIGN.match(u)]
        assert not foreign, f"{page}: {foreign}"
        assert parser.csp, f"{page} has no Content-Security-Policy"
    for css in bundled_site.rglob("*.css"):
        imports = re.findall(r"(?:@import|url\()\s*['\"]?((?:https?:)?//[^'\")]+)", css.read_text(encoding="utf-8"))
        assert not imports, f"{css}: {imports}"


def test_every_page_names_the_unit_and_its_numbers(bundled_site):
    # A county office expects its own name and phone on every page, not the tool's. Under print/ are downloads of each
    # edition (公众号 articles), not the site's pages. The 繁體版 pages (zh-hant/) name it as their edition does.
    for page in bundled_site.rglob("*.html"):
        if page.relative_to(bundled_site).parts[0] == "print" and page.name != "index.html":
            continue
        html = page.read_text(encoding="utf-8")
        traditional = page.relative_to(bundled_site).parts[0] == "zh-hant"
        name, unit = ("平安縣反詐宣傳物料", "平安縣公安局") if traditional else ("平安县反诈宣传物料", "平安县公安局")
        assert "<title>" in html and name in html.split("</title>")[0], page
        footer = html.split('class="md-copyright"')[1]
        assert unit in footer and "96110" in footer and "0123-6600110" in footer, page


def test_the_traditional_editions_channel_files_hold_no_simplified_only_character(bundled_site):
    """The bundled 繁體版 (gangaotai): its 公众号 articles, SMS, LED and 广播稿 texts and 广播稿 sheet as
    helpers.simplified_left decides (OpenCC: what s2tw still changes and t2s leaves as it is), quoted with corner
    brackets."""
    folder = bundled_site / "print" / "gangaotai" / "channels"
    files = sorted(p for p in folder.iterdir() if p.suffix in (".html", ".txt", ".pdf"))
    assert {"sms.txt", "led.txt", "broadcast.txt", "broadcast.pdf"} <= {p.name for p in files}
    assert len([p for p in files if p.suffix == ".html"]) > 20
    for path in files:
        text = channel_text(path)
        assert not simplified_left(text), (path.name, simplified_left(text))
        assert not re.search("[“”‘’]", text), path.name
    assert "九六幺幺零" in (folder / "broadcast.txt").read_text("utf-8-sig")


def test_scam_pages_carry_their_aliases(bundled_site):
    page = (bundled_site / "scam" / "wangluo-hunlian" / "index.html").read_text(encoding="utf-8")
    assert "又称" in page and "杀猪盘" in page


def test_search_index_is_utf8_and_at_most_1_7_times_the_indexed_text(bundled_site):
    index = bundled_site / "search" / "search_index.json"
    raw = index.read_bytes()
    # A JSON escape is \uXXXX after a lone backslash; the separator regex legitimately holds \\u200b (an escaped
    # backslash).
    assert b"\\u" not in raw.replace(b"\\\\", b""), "index still holds \\uXXXX escapes"
    docs = json.loads(raw)["docs"]
    # The text it indexes: the Markdown of every page, hand-written and generated (the 繁體版 pages too); the
    # Simplified words hidden in the 繁體版 entries are measured by tests/test_traditional.py.
    sources = sum(p.stat().st_size for p in (REPO / "docs").glob("*.md"))
    sources += sum(len(t.encode("utf-8")) for t in _generated_markdown().values())
    indexed = len(re.sub(rb"<span hidden>.*?</span>", b"", raw))
    assert len(docs) > 50
    assert indexed <= 1.7 * sources, (indexed, sources, indexed / sources)


def test_led_and_sms_exports_are_plain_text(bundled_site):
    led = (bundled_site / "slogans" / "led.txt").read_text(encoding="utf-8").splitlines()
    sms = (bundled_site / "slogans" / "sms.txt").read_text(encoding="utf-8").splitlines()
    assert len(led) >= 10 and len(sms) >= 5
    assert all(line and "{{" not in line and "<" not in line for line in led + sms)
    assert all(len(line) <= 70 for line in sms)


def _generated_markdown() -> dict[str, str]:
    """The pages as the build generates them, with their print and channel files (made by the bundled build)."""
    from fanzha.pipeline import site_content

    return site_content(check(REPO)).pages.pages


def test_a_space_typed_beside_a_full_width_mark_is_not_shown(bundled_site):
    """"**刷单返利都是诈骗。** 要您…" (CommonMark editors end bold only before a space): the site, like the print
    files, drops the space beside the mark's blank half, across bold; a space in code, or between words, stays."""
    import markdown

    from fanzha.site.markdown import SiteText

    def html(text: str) -> str:
        return markdown.markdown(text, extensions=[SiteText()])

    assert (html("1. **刷单返利都是诈骗。** 要您垫钱")
            == "<ol>\n<li><strong>刷单返利都是诈骗。</strong>要您垫钱</li>\n</ol>")
    assert html("安装 APP “国家反诈中心” 请**“客服”** 走开") == (
        "<p>安装 APP“国家反诈中心”请<strong>“客服”</strong>走开</p>")
    assert html("输入 `是。 否` 后。 再看[链接](https://x.cn)。 好") == (
        '<p>输入 <code>是。 否</code> 后。再看<a href="https://x.cn">链接</a>。好</p>')

    page = (bundled_site / "form" / "gaozhidan" / "index.html").read_text(encoding="utf-8")
    assert "都是诈骗。</strong>要您先垫钱" in page and "。</strong> " not in page
