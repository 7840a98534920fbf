"""The site as a 宣传干部 uses it, in real headless Chromium on a phone inside WeChat (375 px) and on a desktop
(1280 px): the right unit's files, a print centre that fits, one-tap copy, search that answers questions, legible
safety boxes; and the slogans tagged one by one."""

from __future__ import annotations

import functools
import json
import re
import threading
from http.server import ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest

from helpers import REPO, Project, QuietHandler

from fanzha import pipeline
from fanzha.problems import ContentError

WECHAT = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
          "Mobile/15E148 MicroMessenger/8.0.50(0x18003231) NetType/WIFI Language/zh_CN")
PHONE = {"viewport": {"width": 375, "height": 667}, "is_mobile": True, "has_touch": True, "user_agent": WECHAT}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
WIDTHS = {"phone": PHONE, "desktop": DESKTOP}

# Natural questions and the pages that answer them (any one in the first three pages of results). Written as people
# ask, most of them before the search was tuned; the synonyms they needed are in materials/search-synonyms.txt.
QUESTIONS = [
    ("共享屏幕", ["/scam/maochong-kefu/"]),
    ("屏幕共享", ["/scam/maochong-kefu/"]),
    ("网贷", ["/scam/daikuan-zhengxin/"]),
    ("有人让我共享屏幕怎么办", ["/scam/maochong-kefu/"]),
    ("客服说要退款让我开屏幕共享", ["/scam/maochong-kefu/"]),
    ("快递丢了客服打电话说要理赔", ["/scam/maochong-kefu/"]),
    ("对方说我的快递丢失了要双倍赔偿", ["/scam/maochong-kefu/"]),
    ("网上兼职刷单先垫钱是不是骗局", ["/scam/shuadan-fanli/"]),
    ("做任务点赞返佣靠谱吗", ["/scam/shuadan-fanli/"]),
    ("兼职打字员要先交押金", ["/scam/shuadan-fanli/", "/scam/xujia-zhaogong/"]),
    ("自称警察说我涉嫌洗钱要转到安全账户", ["/scam/maochong-gongjianfa/"]),
    ("接到电话说我名下有逮捕令", ["/scam/maochong-gongjianfa/"]),
    ("检察院打电话说我涉嫌犯罪", ["/scam/maochong-gongjianfa/"]),
    ("网贷放款前要交保证金", ["/scam/daikuan-zhengxin/"]),
    ("有人打电话说帮我修复征信", ["/scam/daikuan-zhengxin/"]),
    ("不用征信就能贷款", ["/scam/daikuan-zhengxin/"]),
    ("QQ上领导让我转账", ["/scam/maochong-lingdao-shuren/"]),
    ("微信上老板让财务打钱", ["/scam/maochong-lingdao-shuren/", "/letter/enterprise/"]),
    ("老同学加我微信要借钱", ["/scam/maochong-lingdao-shuren/"]),
    ("家长信", ["/letter/parents/"]),
    ("给家长的一封信有回执吗", ["/letter/parents/"]),
    ("网恋对象带我投资", ["/scam/wangluo-hunlian/"]),
    ("杀猪盘是什么", ["/scam/wangluo-hunlian/"]),
    ("网上认识的男朋友叫我去平台投资", ["/scam/wangluo-hunlian/"]),
    ("航班取消短信让我改签退钱", ["/scam/jipiao-tuigaiqian/"]),
    ("机票退改签要先交钱", ["/scam/jipiao-tuigaiqian/"]),
    ("游戏装备私下交易被骗了", ["/scam/youxi-jiaoyi/"]),
    ("低价买游戏账号", ["/scam/youxi-jiaoyi/"]),
    ("中奖了要先交手续费", ["/scam/zhongjiang/"]),
    ("收到中奖短信领奖要交税", ["/scam/zhongjiang/"]),
    ("老人买保健品被骗怎么办", ["/scam/yanglao/"]),
    ("以房养老靠谱吗", ["/scam/yanglao/"]),
    ("老年人免费体检送鸡蛋", ["/scam/yanglao/"]),
    ("收到ETC认证失效的短信", ["/scam/etc-renzheng-shixiao/"]),
    ("退税补贴短信里有链接", ["/scam/tuishui-butie/"]),
    ("短信说网银要升级", ["/scam/wangyin-diaoyu/"]),
    ("视频里的亲人找我借钱是不是AI换脸", ["/scam/ai-huanlian-nisheng/"]),
    ("说我医保卡异常要转账", ["/scam/xujia-yibao-shebao/"]),
    ("社保卡被冻结", ["/scam/xujia-yibao-shebao/"]),
    ("高薪招工要先交钱", ["/scam/xujia-zhaogong/"]),
    ("出国打工高薪", ["/scam/xujia-zhaogong/"]),
    ("手机显示境外来电", ["/scam/jingwai-laidian/"]),
    ("让我把银行卡贴在手机背面", ["/scam/nfc-daoshua/"]),
    ("家长群里老师收费", ["/scam/maochong-laoshi/"]),
    ("有人冒充老师要学费", ["/scam/maochong-laoshi/"]),
    ("说要注销校园贷", ["/scam/xiaoyuandai-jianzhi/", "/scam/daikuan-zhengxin/"]),
    ("电话说我话费欠费要转接公安", ["/scam/dianhua-qianfei/"]),
    ("手机号码违规要停机", ["/scam/dianhua-qianfei/"]),
    ("部队采购订货让我垫钱", ["/scam/maochong-junjing-caigou/"]),
    ("股票群里老师带我炒股", ["/scam/xujia-touzi-licai/"]),
    ("稳赚不赔的理财产品", ["/scam/xujia-touzi-licai/", "/scam/feifa-jizi/"]),
    ("网上买东西卖家让私下转账", ["/scam/xujia-gouwu/"]),
    ("网络赌博稳赚不赔", ["/scam/wangluo-dubo/"]),
    ("网络赌博翻本", ["/scam/wangluo-dubo/"]),
    ("养老项目保本高息集资", ["/scam/feifa-jizi/", "/scam/yanglao/"]),
    ("城关支行的贴纸", ["/print/"]),
    ("清水镇的印刷文件", ["/print/"]),
    ("实验小学", ["/print/"]),
    ("实验小学的家长信", ["/print/", "/letter/parents/"]),
    ("横幅标语", ["/slogans/hengfu/"]),
    ("LED屏滚动标语", ["/slogans/led/"]),
    ("群发短信提示语", ["/slogans/duanxin/"]),
    ("企业标语", ["/slogans/qiye/"]),
    ("防骗顺口溜", ["/slogans/koujue/"]),
    ("给老年人的一封信", ["/letter/elderly/"]),
    ("致居民朋友的一封信", ["/letter/residents/"]),
    ("企业财务转账核实海报", ["/poster/qiye-caiwu/"]),
    ("ATM防骗贴纸", ["/stickers/atm-fangpian-jingshi/"]),
    ("餐桌贴纸", ["/stickers/canzhuo-xiaotieshi/"]),
    ("快递包裹上贴的提示", ["/stickers/kuaidi-wenxin-tishi/"]),
    ("入户宣传登记表", ["/form/ruhu-dengji/"]),
    ("告知单", ["/form/gaozhidan/"]),
    ("回执统计表", ["/form/huizhi-tongji/"]),
    ("主题班会教案", ["/handout/banhui-jiaoan/"]),
    ("银行柜台台卡", ["/handout/yinhang-taika/"]),
    ("学生防骗小手册", ["/handout/xuesheng-a5/"]),
]


def _serve(directory):
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="module")
def site(bundled_site):
    """The bundled site served from a sub-folder, as on an intranet server, where root-absolute links break."""
    server, base = _serve(bundled_site.parent)
    yield base + "/" + bundled_site.name
    server.shutdown()


def _new_page(browser, site, width: str):
    context = browser.new_context(locale="zh-CN", **WIDTHS[width])
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.prefix = urlsplit(site).path
    page.width = WIDTHS[width]["viewport"]["width"]
    page.height = WIDTHS[width]["viewport"]["height"]
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.open = lambda path: page.goto(site + path, wait_until="networkidle")
    return context, page


@pytest.fixture(params=list(WIDTHS))
def page(request, browser, site):
    """A page at each width: a phone inside WeChat, and a desktop."""
    context, page = _new_page(browser, site, request.param)
    yield page
    assert not page.errors, page.errors  # no script error on any page visited
    context.close()


@pytest.fixture
def desktop(browser, site):
    context, page = _new_page(browser, site, "desktop")
    yield page
    assert not page.errors, page.errors
    context.close()


def choose_unit(page, unit: str) -> None:
    page.locator("select[data-fz-unit-select]").first.select_option(unit)


# --- the right unit's file ---------------------------------------------------------------------------------------

@pytest.mark.browser
def test_shared_pages_link_the_default_file_and_the_chosen_unit_is_remembered(page):
    for section in ("poster", "stickers", "handout"):
        page.open(f"/{section}/")
        hrefs = page.eval_on_selector_all("a.fz-unit-link", "els => els.map(e => e.getAttribute('href'))")
        assert hrefs and all("/print/default/" in h for h in hrefs), (section, hrefs)

    page.open("/poster/laonianren/")
    units = page.eval_on_selector_all(".fz-card .fz-card__unit", "els => els.map(e => e.textContent)")
    assert len(units) >= 2 and units[0].startswith("平安县公安局"), units
    assert any("平安农商银行城关支行" in u for u in units)

    choose_unit(page, "chengguan-zhihang")
    shown = page.eval_on_selector_all(".fz-card:not([hidden])", "els => els.map(e => e.dataset.fzUnit)")
    assert shown == ["chengguan-zhihang"]

    # Another page, another visit: the choice holds.
    page.open("/poster/")
    link = page.locator("a.fz-unit-link[href*='laonianren']")
    assert "/print/chengguan-zhihang/laonianren.pdf" in link.get_attribute("href")
    assert "平安农商银行城关支行" in link.text_content()
    assert page.request.get(link.evaluate("e => e.href")).ok
    # A material the bank does not print: the default file, said so.
    page.open("/letter/parents/")
    assert page.eval_on_selector_all(".fz-card:not([hidden])", "els => els.map(e => e.dataset.fzUnit)") == ["default"]
    assert page.locator(".fz-unit-missing").is_visible()
    page.open("/print/")
    assert page.locator("select[data-fz-filter=unit]").input_value() == "chengguan-zhihang"
    sections = page.eval_on_selector_all(".fz-unit-section:not([hidden])", "els => els.map(e => e.dataset.fzUnit)")
    assert sections == ["chengguan-zhihang"]


def test_every_card_link_and_thumbnail_on_every_page_resolves(bundled_site):
    checked = 0
    for html in bundled_site.rglob("*.html"):
        text = html.read_text("utf-8")
        cards = re.findall(r'<article class="fz-card.*?</article>', text, re.S)
        links = [u for card in cards for u in re.findall(r'(?:href|src)="([^"]+)"', card)]
        links += re.findall(r'<a class="fz-unit-link"[^>]*href="([^"]+)"', text)
        links += re.findall(r'<a[^>]*href="([^"]+)"[^>]*class="fz-unit-link', text)
        for link in links:
            assert (html.parent / link).resolve().is_file(), (html, link)
        checked += len(links)
    assert checked > 500


# --- the print centre ---------------------------------------------------------------------------------------------

@pytest.mark.browser
def test_the_print_centre_fits_the_screen_with_tappable_downloads(page, bundled_site):
    page.open("/print/")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= page.width
    manifest = json.loads((bundled_site / "print" / "manifest.json").read_text("utf-8"))["items"]
    downloads = page.locator(".fz-card .fz-download")
    assert downloads.count() == len(manifest)
    shown = "els => els.filter(e => e.getClientRects().length).map(e => e.getBoundingClientRect().toJSON())"
    boxes = page.eval_on_selector_all(".fz-download, .fz-zip, .fz-expand, .fz-zoom, select[data-fz-filter]", shown)
    assert len(boxes) > 40
    for box in boxes:
        assert box["left"] >= 0 and box["right"] <= page.width, box
    for box in page.eval_on_selector_all(".fz-download, .fz-zip, .fz-expand, select[data-fz-filter]", shown):
        assert box["height"] >= 44, box
    # The other units' sets (most repeat the default one) folded under a button, so the page stays short.
    page.locator(".fz-expand").first.click()
    assert page.locator(".fz-unit-section").nth(1).locator(".fz-download").first.is_visible()
    # No unit ids shown as text: each unit under its name.
    headings = page.eval_on_selector_all(".fz-unit-section h2", "els => els.map(e => e.textContent)")
    assert headings[0] == "平安县公安局" and not any(re.search(r"[a-z]-[a-z]", h) for h in headings)


@pytest.mark.browser
def test_the_print_centre_filters_by_unit_kind_and_audience(page):
    page.open("/print/")
    total = page.locator(".fz-card").count()
    page.select_option("select[data-fz-filter=kind]", "stickers")
    kinds = page.eval_on_selector_all(".fz-card:not([hidden])", "els => els.map(e => e.dataset.fzKind)")
    assert kinds and set(kinds) == {"stickers"} and len(kinds) < total
    assert page.locator("[data-fz-count]").text_content() == f"共 {len(kinds)} 份"
    page.select_option("select[data-fz-filter=kind]", "")
    page.select_option("select[data-fz-filter=audience]", "老年人")
    audiences = page.eval_on_selector_all(".fz-card:not([hidden])", "els => els.map(e => e.dataset.fzAudiences)")
    assert audiences and all("老年人" in a.split() for a in audiences) and len(audiences) < total
    page.select_option("select[data-fz-filter=unit]", "shiyan-xiaoxue")
    units = page.eval_on_selector_all(".fz-card:not([hidden])", "els => els.map(e => e.dataset.fzUnit)")
    assert set(units) <= {"shiyan-xiaoxue"}
    page.select_option("select[data-fz-filter=audience]", "")
    page.select_option("select[data-fz-filter=unit]", "")
    assert page.locator(".fz-card:not([hidden])").count() == total


@pytest.mark.browser
def test_every_print_file_has_a_small_lazy_thumbnail_that_enlarges_on_tap(page, bundled_site):
    images: dict[str, int] = {}
    page.on("response", lambda r: images.__setitem__(r.url, len(r.body()))
            if r.request.resource_type == "image" else None)
    page.open("/print/")
    manifest = json.loads((bundled_site / "print" / "manifest.json").read_text("utf-8"))["items"]
    thumbs = page.eval_on_selector_all(".fz-zoom img", "els => els.map(e => [e.getAttribute('src'), e.loading])")
    # Every file, cut-guide and alignment files too, has its thumbnail.
    assert len(thumbs) == len(manifest)
    assert all(src.endswith(".thumb.webp") and loading == "lazy" for src, loading in thumbs)
    assert 0 < sum(images.values()) < 200_000, images  # the first screen, not 862 KB of full previews
    assert not any(url.endswith(".png") for url in images)

    zoom = page.locator(".fz-zoom").first
    zoom.scroll_into_view_if_needed()
    page.wait_for_function("() => { const i = document.querySelector('.fz-zoom img');"
                           " return i.complete && i.naturalWidth; }")
    assert page.eval_on_selector(".fz-zoom img", "e => Math.max(e.naturalWidth, e.naturalHeight)") <= 240
    zoom.click()
    viewer = page.locator("dialog.fz-viewer[open] img")
    viewer.wait_for()
    page.wait_for_function("() => document.querySelector('dialog.fz-viewer img').naturalWidth > 0")
    assert page.eval_on_selector("dialog.fz-viewer img", "e => Math.max(e.naturalWidth, e.naturalHeight)") > 500
    assert viewer.evaluate("e => e.getBoundingClientRect().right") <= page.width
    page.locator(".fz-viewer__close").click()
    assert page.locator("dialog.fz-viewer[open]").count() == 0


# --- one-tap copy -------------------------------------------------------------------------------------------------

def clipboard(page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


@pytest.mark.browser
def test_every_slogan_is_a_card_with_a_copy_button(page):
    from fanzha.model import load_catalog
    from fanzha.problems import Problems

    slogans = load_catalog(REPO, Problems(REPO)).materials["tongyong"].slogans
    page.open("/slogans/tongyong/")
    cards = page.locator(".fz-slogan")
    assert cards.count() == len(slogans) and page.locator(".fz-slogan .fz-copy").count() == len(slogans)
    # Cards, not a four-column table whose slogan cell was 100 px wide on a phone.
    assert page.locator("table").count() == 0
    width = page.eval_on_selector(".fz-slogan__text", "e => e.getBoundingClientRect().width")
    assert width >= 200, width  # was 100 px in a table cell
    button = page.locator(".fz-slogan .fz-copy").nth(2)
    assert button.bounding_box()["height"] >= 44
    button.click()
    assert clipboard(page) == slogans[2].text
    page.wait_for_function("() => document.querySelectorAll('.fz-copy')[2].textContent === '已复制'")


@pytest.mark.browser
def test_letters_sms_and_led_lists_copy_in_one_tap(page):
    page.open("/letter/parents/")
    page.locator("button.fz-copy[data-copy-target=fz-letter-text]").click()
    text = clipboard(page)
    assert text.startswith("尊敬的家长朋友们") and "平安县公安局" in text and "复制" not in text
    assert "\n1. 冒充老师收费" in text  # the list keeps its numbers
    assert text.split("\n")[-1] == "2026年11月1日"  # ends with the date: the receipt is not part of it

    page.open("/slogans/")
    led = page.locator("h2", has_text="LED").locator("xpath=following::button[contains(@class,'fz-copy')][1]")
    count = int(re.search(r"复制全部 (\d+) 条", led.text_content())[1])
    led.click()
    lines = clipboard(page).split("\n")
    assert len(lines) == count and all(lines) and "复制" not in "".join(lines)
    page.open("/slogans/duanxin/")
    page.locator(".fz-slogan .fz-copy").first.click()
    assert clipboard(page).startswith("【平安县公安局】")


# --- search -------------------------------------------------------------------------------------------------------

def results(page, query: str, how: str = "type") -> list[str]:
    """The result pages for a query, in order (a page's sections count once)."""
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.locator("label[for='__search']").first.click()
    if how == "type":
        box.fill(query)  # an input event, no key released: what a phone input method sends
    else:  # a long-press paste: the text arrives with a paste event only
        box.evaluate("(e, q) => { e.focus(); e.value = q;"
                     " e.dispatchEvent(new Event('paste', {bubbles: true})); }", query)
    previous = None
    for _ in range(40):
        page.wait_for_timeout(150)
        urls = page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => new URL(e.href).pathname)")
        if urls and urls == previous:
            break
        previous = urls
    pages = []
    for url in previous or []:
        path = url.removeprefix(page.prefix)
        if path not in pages:
            pages.append(path)
    return pages


@pytest.mark.browser
def test_natural_questions_find_the_right_page_in_the_top_3(desktop):
    """The whole question set once, on the desktop (the phone asks a few, pasted, below)."""
    page = desktop
    page.open("/")
    missed = []
    for question, answers in QUESTIONS:
        found = results(page, question)
        assert found, f"nothing found for {question}"  # never empty-handed
        if not any(any(p.startswith(a) for a in answers) for p in found[:3]):
            missed.append((question, answers, found[:3]))
    share = 1 - len(missed) / len(QUESTIONS)
    assert share >= 0.95, (f"{share:.0%}", missed)


@pytest.mark.browser
def test_a_pasted_or_typed_question_searches_on_the_phone(page):
    page.open("/")
    assert "/scam/maochong-kefu/" in results(page, "有人让我共享屏幕怎么办", how="paste")[:3]
    page.open("/")
    assert "/letter/parents/" in results(page, "家长信")[:3]
    page.open("/")
    assert "/scam/maochong-lingdao-shuren/" in results(page, "QQ上领导让我转账", how="paste")[:3]


# --- safety boxes, dark mode, descriptions, 404, staff notes --------------------------------------------------------

@pytest.mark.browser
def test_safety_boxes_are_legible_on_the_first_screen(page):
    for path, selector in (("/", ".admonition.danger"), ("/scam/maochong-gongjianfa/", ".admonition.warning")):
        page.open(path)
        box = page.locator(selector).first
        rect = box.bounding_box()
        assert rect["y"] + rect["height"] <= page.height, (path, rect)
        size = (box.locator("li, p:not(.admonition-title)").first
                .evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))
        assert size >= 16, (path, size)


@pytest.mark.browser
def test_dark_mode_follows_the_phone_and_has_a_switch(browser, site):
    context = browser.new_context(color_scheme="dark", locale="zh-CN", **PHONE)
    page = context.new_page()
    page.goto(site + "/slogans/tongyong/", wait_until="networkidle")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    background = page.eval_on_selector(".fz-slogan", "e => getComputedStyle(e).backgroundColor")
    assert sum(int(c) for c in re.findall(r"\d+", background)[:3]) < 200, background
    page.locator("label.md-header__button[for^='__palette']").locator("visible=true").first.click()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    context.close()


def test_every_page_has_its_own_description(bundled_site):
    descriptions = {}
    for html in bundled_site.rglob("index.html"):
        text = html.read_text("utf-8")
        found = re.search(r'<meta name="description" content="([^"]*)"', text)
        assert found and found[1], html
        if html.parent != bundled_site:
            descriptions[html.relative_to(bundled_site).as_posix()] = found[1]
    site_wide = re.search(r"^site_description: (.*)$", (REPO / "mkdocs.yml").read_text("utf-8"), re.M)[1]
    same = [page for page, text in descriptions.items() if text == site_wide]
    assert not same, same
    assert len(set(descriptions.values())) == len(descriptions)


@pytest.mark.browser
def test_the_404_page_works_from_a_sub_folder(browser, site, bundled_site):
    html = (bundled_site / "404.html").read_text("utf-8")
    assert not re.findall(r'(?:href|src)="/(?!/)', html)
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(site + "/404.html", wait_until="networkidle")
    assert page.eval_on_selector(".md-header", "e => getComputedStyle(e).position") != "static"  # styled
    context.close()


def test_developer_notes_stay_off_public_pages(bundled_site):
    for html in bundled_site.rglob("*.html"):
        if html.parent.name == "guide":
            continue
        main = html.read_text("utf-8").split('<article class="md-content__inner', 1)[-1].split("</article>", 1)[0]
        for note in ("本页由", "materials/", "make build", ".yml"):
            assert note not in main, (html, note)
    guide = (bundled_site / "guide" / "index.html").read_text("utf-8")
    assert "工作人员" in guide.split("</h1>", 1)[0]


# --- slogans tagged one by one ------------------------------------------------------------------------------------

TAGGED = """\
---
kind: slogans
id: s
title: 标语
channels: [横幅]
groups:
  凡是:
    scam_types: [shuadan-fanli, zhongjiang]
---
## 凡是

- 凡是刷单，都是诈骗 {#fanshi-shuadan scam_types=shuadan-fanli}
- 凡是中奖要先交钱的，都是诈骗 {scam_types=zhongjiang}
- 天上不会掉馅饼
"""


def test_a_slogan_tagged_with_its_own_scam_type_is_related_to_that_type_only(tmp_path):
    project = Project(tmp_path / "proj")
    project.scam()
    project.scam("zhongjiang", "中奖诈骗", "中大奖")
    project.write("materials/slogans/s.md", TAGGED)
    checked = pipeline.check(project.root, print_documents=False)
    checked.problems.raise_if_errors()
    slogans = {s.text: s for s in checked.catalog.materials["s"].slogans}
    assert slogans["凡是刷单，都是诈骗"].scam_types == ("shuadan-fanli",)
    assert slogans["凡是刷单，都是诈骗"].ref == "s/fanshi-shuadan"
    assert slogans["凡是中奖要先交钱的，都是诈骗"].scam_types == ("zhongjiang",)
    assert slogans["天上不会掉馅饼"].scam_types == ("shuadan-fanli", "zhongjiang")  # untagged: its group's

    from fanzha.site.pages import site_pages

    page = site_pages(checked.catalog, checked.default, [], []).pages["scam/zhongjiang.md"]
    related = page.split("## 相关标语", 1)[1]
    assert "凡是中奖要先交钱的" in related and "凡是刷单" not in related


def test_a_scam_page_relates_the_slogans_about_it(bundled_site):
    page = (bundled_site / "scam" / "zhongjiang" / "index.html").read_text("utf-8")
    related = re.findall(r'class="fz-slogan__text"[^>]*>([^<]*)<', page)
    assert len(related) >= 3 and all("奖" in text for text in related), related


def test_a_misspelt_slogan_tag_is_a_problem_with_its_line(tmp_path):
    project = Project(tmp_path / "proj")
    project.scam()
    project.write("materials/slogans/s.md", TAGGED.replace("{#fanshi-shuadan scam_types=", "{#fanshi-shuadan scam="))
    project.write("materials/slogans/t.md", TAGGED.replace("id: s", "id: t").replace("=zhongjiang}", "=zhongjang}"))
    with pytest.raises(ContentError) as raised:
        pipeline.check(project.root, print_documents=False).problems.raise_if_errors()
    text = str(raised.value)
    assert "materials/slogans/s.md:12" in text and "{#编号 scam_types=" in text
    assert "materials/slogans/t.md:13" in text and "zhongjang" in text


# --- thumbnails and the synonym list --------------------------------------------------------------------------------

def test_thumbnails_are_small_webp_remade_only_when_their_preview_changes(tmp_path):
    import os

    from PIL import Image

    from fanzha.site.thumbnails import make_thumbnails

    preview = tmp_path / "print" / "default" / "parents.png"
    preview.parent.mkdir(parents=True)
    Image.new("RGB", (708, 1000), "white").save(preview)
    made = make_thumbnails({"default/parents.png": preview}, tmp_path / "thumbs")
    thumb = made["default/parents.thumb.webp"]
    with Image.open(thumb) as image:
        assert image.format == "WEBP" and max(image.size) == 240 and image.size[0] == 170
    assert thumb.stat().st_size < 10_000
    first = thumb.stat().st_mtime_ns
    make_thumbnails({"default/parents.png": preview}, tmp_path / "thumbs")
    assert thumb.stat().st_mtime_ns == first  # unchanged preview: not made again
    Image.new("RGB", (1000, 708), "red").save(preview)
    os.utime(preview, ns=(first + 10**9, first + 10**9))
    make_thumbnails({"default/parents.png": preview}, tmp_path / "thumbs")
    with Image.open(thumb) as image:
        assert image.size == (240, 170)


def test_a_synonym_line_that_cannot_be_read_is_a_problem_with_its_line(tmp_path):
    from fanzha.problems import Problems
    from fanzha.site.search_index import load_synonyms

    path = tmp_path / "materials" / "search-synonyms.txt"
    path.parent.mkdir(parents=True)
    path.write_text("# 说明\n家长信 = 致学生家长的一封信 家长\n\n网贷 贷款\n"
                    "共享 屏幕 = 屏幕共享\nQQ领导 = 领导\n", "utf-8")
    problems = Problems(tmp_path)
    synonyms = load_synonyms(path, problems)
    assert synonyms == {"家长信": ["致学生家长的一封信", "家长"], "qq领导": ["领导"]}
    lines = [str(p) for p in problems.errors]
    assert len(lines) == 2 and lines[0].startswith("materials/search-synonyms.txt:4")
    assert "口语说法 = 页面上的词" in lines[0]
    assert lines[1].startswith("materials/search-synonyms.txt:5")
