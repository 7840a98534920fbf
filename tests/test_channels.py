"""Digital channels (fanzha.channels) on a small project built once: 公众号 articles with inline styles only and links
as footnotes, 1080 px share images, SMS/LED files a browser reads right, 广播稿 read out with their reading time and
an A4 PDF, all in the manifest and on the site; the 复制到公众号 button in headless Chromium."""

from __future__ import annotations

import functools
import io
import json
import threading
from html.parser import HTMLParser
from http.server import ThreadingHTTPServer

import pytest
from PIL import Image
from pypdf import PdfReader

from fanzha import pipeline
from fanzha.channels import broadcast, share_image, texts

from helpers import ARGS, CHROMIUM, EDITION, RESIDENTS_LETTER as LETTER, Project, QuietHandler

SITE = "https://fanzha.example.gov.cn"

SCAM = """\
---
kind: scam
id: shuadan-fanli
title: 刷单返利类诈骗
audiences: [全体群众]
summary: 先垫钱的兼职都是诈骗。
broadcast: |-
  乡亲们注意啦，下面说说刷单返利诈骗。
  骗子在网上发广告，说在家动动手指，点个赞、关注个账号，就能赚佣金。头几回，他真给您返几块钱，让您尝到甜头。
  接着就让您下载一个陌生APP，先垫钱做任务，说做完连本带利一起返。钱越垫越多，他又说连单没做完、操作失误、账户冻结，要您再交钱。等您不再转钱，他就把您拉黑了。
  大家记住，刷单本身就违法，要先垫钱的兼职，全是诈骗。找工作要走正规招聘渠道。家里有人在做刷单任务，赶紧劝一劝。
  万一被骗，马上拨打{{ phones.police }}报警。接到{{ phones.hotline }}来电，请一定接听。
  这些话，请转告家里的老人和孩子。多一人知道，少一人受骗。
---
## 常见对象
所有人。
## 作案手法
1. 先返小利，再要垫付。
## 识别要点
- 要先垫钱的兼职都是诈骗，详见[国家反诈中心说明](https://www.gov.cn/fanzha/shuadan.html)。
## 典型案例
李某被骗四万余元。
## 防范提示
- 不转账，不垫付。
## 被骗后怎么办
- 立即拨打110，96110来电要接听。
"""

SHORT_SCAM = """\
---
kind: scam
id: zhongjiang
title: 中奖诈骗
audiences: [全体群众]
broadcast: 中奖要先交钱的，都是诈骗。被骗请拨打{{ phones.police }}。
---
## 常见对象
所有人。
## 作案手法
1. 说你中奖。
## 识别要点
- 先交钱。
## 典型案例
王某被骗。
## 防范提示
- 不交钱。
## 被骗后怎么办
- 拨打110。
"""


# 64 characters: within the slogan limit of 70, and two messages once the build signs it 【测试县公安局】.
LONG_SMS = ("陌生来电说您涉嫌洗钱、要求把钱转到安全账户的都是诈骗，"
            "请立即挂断电话，并拨打110报警核实，也可以随时拨打96110咨询，谢谢。")

SLOGANS = f"""\
---
kind: slogans
id: duanxin
title: 短信
channels: [短信]
groups:
  屏幕:
    channels: [LED]
---
- 【{{{{ unit.name }}}}】接到96110来电请务必接听。 {{#sms-96110}}
- {LONG_SMS} {{#long}}
- 不点陌生链接，不转账给陌生人。

## 屏幕

- 全民反诈，你我同行 {{#quan-min}}
"""

ARTICLE = """\
---
kind: article
id: meiri-yian-01
title: 每日一案｜点赞就能赚钱？
summary: 要你先垫钱的兼职，都是诈骗。
issue: 1
audiences: [全体群众]
scam_types: [shuadan-fanli]
---
## 案情回放

周女士（化名）先后垫付四万余元。

## 警方提示

- 被骗请立即拨打{{ phones.police }}报警。
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = Project(tmp_path_factory.mktemp("channels") / "proj")
    project.write("materials/editions/default.yml", EDITION + f"site_url: {SITE}\n")
    project.write("materials/scam/shuadan-fanli.md", SCAM)
    project.write("materials/scam/zhongjiang.md", SHORT_SCAM)
    project.write("materials/letter/jumin.md", LETTER)
    project.write("materials/slogans/duanxin.md", SLOGANS)
    project.write("materials/article/meiri-yian-01.md", ARTICLE)
    result = pipeline.build(project.root)
    return project, result


def channel_file(built, name: str) -> bytes:
    project, result = built
    return (result.site_dir / "print" / "default" / "channels" / name).read_bytes()


class Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


@pytest.mark.parametrize("material", ["shuadan-fanli", "jumin", "meiri-yian-01"])
def test_wechat_article_has_inline_styles_only_and_fits_the_editor(built, material):
    page = channel_file(built, f"{material}.wechat.html").decode("utf-8")
    article = page.split("<!-- article -->")[1].split("<!-- /article -->")[0]
    parser = Elements()
    parser.feed(article)
    tags = [tag for tag, _ in parser.tags]
    assert tags[0] == "section" and "h1" in tags
    kept = {"section", "h1", "h2", "h3", "p", "blockquote", "ol", "ul", "li", "strong", "em", "sup", "span", "br", "hr"}
    assert set(tags) <= kept, tags  # what the editor keeps: no style, script, link, img, a, footer, aside
    assert all(set(attrs) <= {"style"} for _, attrs in parser.tags), [a for _, a in parser.tags if set(a) - {"style"}]
    assert all(attrs.get("style") for tag, attrs in parser.tags if tag in ("section", "h1", "p", "li"))
    assert "url(" not in article and "@import" not in article and "http" not in article.split("注释</h3>")[0]
    assert len(article) <= 20_000
    assert '<meta charset="utf-8">' in page  # opened on its own, a browser reads it right


def test_wechat_outside_links_become_numbered_footnotes(built):
    article = channel_file(built, "shuadan-fanli.wechat.html").decode("utf-8")
    assert "国家反诈中心说明<sup" in article and "[1]</sup>" in article
    notes = article.split("注释</h3>")[1]
    assert "[1] 国家反诈中心说明：https://www.gov.cn/fanzha/shuadan.html" in notes
    assert f"[2] 网页版（含可下载的印刷文件）：{SITE}/scam/shuadan-fanli/" in notes


def test_share_image_is_1080_wide_with_unit_hotlines_and_a_qr_code_to_the_page(built):
    project, result = built
    png = Image.open(io.BytesIO(channel_file(built, "shuadan-fanli.share.png"))).convert("RGB")
    assert png.width == share_image.WIDTH_PX and png.height > png.width
    red = png.getpixel((10, 10))
    assert red[0] > 180 and red[1] < 60  # the title band
    assert png.getpixel((10, png.height - 2)) != (255, 255, 255)  # cut at the card's foot, no white below it
    checked = pipeline.check(project.root, print_documents=False)
    html = share_image.html(checked.default["shuadan-fanli"], checked.catalog)
    assert "测试县公安局" in html and ">110<" in html and ">96110<" in html
    from fanzha.pdf.documents import qr_data_uri

    assert qr_data_uri(f"{SITE}/scam/shuadan-fanli/") in html


def test_sms_and_led_files_are_utf8_with_a_bom_and_sms_are_signed_and_counted(built):
    project, result = built
    sms = channel_file(built, "sms.txt")
    led = channel_file(built, "led.txt")
    for data in (sms, led):
        assert data.startswith(b"\xef\xbb\xbf") and data.endswith(b"\r\n")
    lines = sms[3:].decode("utf-8").split("\r\n")[:-1]
    assert lines[0] == "【测试县公安局】接到96110来电请务必接听。"
    assert lines[2] == "【测试县公安局】不点陌生链接，不转账给陌生人。"  # signed by the build
    assert led[3:].decode("utf-8") == "全民反诈，你我同行\r\n"
    long = [p for p in result.project.problems.warnings if "要分 2 条发送" in p.message]
    assert [(p.path, p.line) for p in long] == [("materials/slogans/duanxin.md", 11)]


def test_sms_segments_count_every_character():
    assert [texts.sms_segments("字" * n) for n in (70, 71, 134, 135)] == [1, 2, 2, 3]


@pytest.mark.parametrize("written, said", [
    ("被骗请拨打110，接到96110来电请接听", "被骗请拨打幺幺零，接到九六幺幺零来电请接听"),
    ("咨询电话0123-6600110", "咨询电话零幺二三，六六零零幺幺零"),
    ("共计40000元，2025年", "共计四万元，二零二五年"),
    ("每天10:30和17:00播出", "每天十点三十分和十七点整播出"),
])
def test_numbers_are_read_out(written, said):
    assert broadcast.spoken(written) == said


def test_broadcast_scripts_expand_phones_are_timed_and_printed_on_a4(built):
    project, result = built
    scripts = {s.material.material.id: s for s in broadcast.scripts(result.project.default, result.project.problems)}
    script = scripts["shuadan-fanli"]
    assert "{{" not in script.written and "拨打110报警" in script.written
    assert "拨打幺幺零报警" in script.spoken and "九六幺幺零来电" in script.spoken
    assert script.seconds == round(script.chars * 60 / 220) and 60 <= script.seconds <= 90
    short = [p for p in result.project.problems.warnings if "广播稿" in p.message]
    assert [(p.path, p.line) for p in short] == [("materials/scam/zhongjiang.md", 6)]
    reader = PdfReader(io.BytesIO(channel_file(built, "broadcast.pdf")))
    box = reader.pages[0].mediabox
    assert (round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)) == (210, 297)
    text = "".join(page.extract_text() for page in reader.pages)
    assert "刷单返利类诈骗" in text and "幺幺零" in text and "中奖诈骗" in text
    spoken = channel_file(built, "broadcast.txt")
    assert spoken.startswith(b"\xef\xbb\xbf") and "九六幺幺零".encode() in spoken


def test_every_channel_file_is_in_the_manifest_with_its_kind(built):
    project, result = built
    manifest = json.loads((result.site_dir / "print" / "manifest.json").read_text("utf-8"))
    assert not [row for row in manifest["items"] if "/channels/" in row["file"]]  # "items" are the print files
    rows = manifest["channels"]
    assert {row["kind"] for row in rows} == {"wechat-article", "share-image", "sms", "led", "broadcast"}
    for row in rows:
        data = (result.site_dir / row["file"]).read_bytes()
        assert row["bytes"] == len(data) and row["edition"] == "default"
    shares = [row for row in rows if row["kind"] == "share-image"]
    assert {row["material"] for row in shares} == {"shuadan-fanli", "zhongjiang", "jumin", "meiri-yian-01"}
    assert all(row["size_px"][0] == 1080 for row in shares)


def test_site_lists_the_channel_files(built):
    project, result = built
    site = result.site_dir
    centre = (site / "print" / "index.html").read_text("utf-8")
    assert "数字渠道文件" in centre and "default/channels/sms.txt" in centre and "broadcast.pdf" in centre
    page = (site / "scam" / "shuadan-fanli" / "index.html").read_text("utf-8")
    # The button is made by docs/assets/wechat-copy.js (the HTML allowlist has no <button>) beside the article's link.
    assert 'class="fz-wechat"' in page and "assets/wechat-copy.js" in page
    assert 'class="fz-wechat-source" href="../../print/default/channels/shuadan-fanli.wechat.html"' in page
    assert "shuadan-fanli.share.png" in page
    assert 'id="broadcast-shuadan-fanli"' in page
    channels = (site / "channels" / "index.html").read_text("utf-8")
    for anchor in ("sms-duanxin-sms-96110", "sms-duanxin-long", "led-duanxin-quan-min", "broadcast-zhongjiang"):
        assert f'id="{anchor}"' in channels
    assert (site / "article" / "meiri-yian-01" / "index.html").is_file()


def test_an_unchanged_build_renders_no_channel_file_again(built):
    project, result = built
    folder = result.site_dir.parent / ".cache" / "print" / "default" / "channels"
    before = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    again = pipeline.build(project.root)
    assert not again.site_rebuilt
    assert {p.name: p.stat().st_mtime_ns for p in folder.iterdir()} == before


@pytest.mark.browser
def test_copy_to_wechat_puts_the_article_on_the_clipboard_as_rich_text(built):
    from playwright.sync_api import sync_playwright

    project, result = built
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(result.site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            context = browser.new_context(locale="zh-CN")
            context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
            page = context.new_page()
            page.goto(base + "/scam/shuadan-fanli/", wait_until="networkidle")
            page.click("button.fz-wechat-copy")
            page.wait_for_selector(".fz-wechat-copy[data-copied]", timeout=10000)
            copied = page.evaluate("""async () => {
                const [item] = await navigator.clipboard.read();
                const html = await (await item.getType("text/html")).text();
                const plain = await (await item.getType("text/plain")).text();
                return {types: item.types, html, plain};
            }""")
            browser.close()
    finally:
        server.shutdown()
    assert "text/html" in copied["types"]
    assert '<section style="' in copied["html"] and "刷单返利类诈骗" in copied["html"]
    assert "class=" not in copied["html"].split("<section", 1)[1] and "<!-- article -->" not in copied["html"]
    assert "刷单返利类诈骗" in copied["plain"] and "<" not in copied["plain"]


def test_an_edit_makes_again_only_the_files_of_the_material_it_touches(project):
    project.scam()
    project.write("materials/scam/zhongjiang.md", SHORT_SCAM)
    folder = project.root / ".cache" / "print" / "default" / "channels"
    pipeline.site_content(pipeline.check(project.root))
    before = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    project.write("materials/scam/zhongjiang.md", SHORT_SCAM.replace("- 不交钱。", "- 一分钱也不交。"))
    pipeline.site_content(pipeline.check(project.root))
    changed = {p.name for p in folder.iterdir() if p.stat().st_mtime_ns != before.get(p.name)}
    assert changed == {"zhongjiang.share.png", "zhongjiang.wechat.html", "channels-cache.json"}


def test_an_edition_that_asks_gets_a_draft_wav_of_each_script_clearly_labelled(project):
    import wave

    project.write("materials/editions/default.yml", EDITION + "broadcast_audio: true\n")
    project.write("materials/scam/shuadan-fanli.md", SCAM)
    checked = pipeline.check(project.root)
    content = pipeline.site_content(checked)
    path = content.print_files["print/default/channels/broadcast-shuadan-fanli.draft.wav"]
    with wave.open(str(path)) as audio:
        seconds = audio.getnframes() / audio.getframerate()
        frames = audio.readframes(audio.getnframes())
    assert audio.getnchannels() == 1 and audio.getsampwidth() == 2
    script = broadcast.scripts(checked.default, checked.problems)[0]
    assert 0.5 * script.seconds < seconds < 2 * script.seconds  # read, not silence or a stub
    loudest = max(abs(int.from_bytes(frames[i:i + 2], "little", signed=True)) for i in range(0, len(frames), 2))
    assert loudest > 1000
    manifest = json.loads((project.root / ".cache" / "print" / "manifest.json").read_text("utf-8"))
    [row] = [r for r in manifest["channels"] if r["file"].endswith(".wav")]
    assert row["kind"] == "broadcast" and "机器合成草稿" in row["title"]
    assert "试听草稿（机器合成" in content.pages.pages["scam/shuadan-fanli.md"]
