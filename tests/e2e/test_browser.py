"""The built site in a real headless Chromium: Chinese search finds the right pages, no request leaves 127.0.0.1."""

import functools
import threading
from http.server import ThreadingHTTPServer

import pytest

from helpers import QuietHandler

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def served(bundled_site):
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(bundled_site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture
def page(browser):
    # A phone-sized viewport: most readers open the site inside WeChat on a phone.
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                                  locale="zh-CN")
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    context.close()


def search(page, base: str, query: str) -> list[str]:
    page.goto(base + "/", wait_until="networkidle")
    page.locator("label.md-search__icon, label[for='__search']").first.click()
    box = page.locator("input.md-search__input")
    box.fill(query)
    # fill() inserts text without key events; a phone IME ends with one, and Material searches on keyup.
    box.press("End")
    page.wait_for_selector(".md-search-result__item > a", timeout=20000)
    return page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")


@pytest.mark.parametrize("query, expected", [
    ("杀猪盘", "/scam/wangluo-hunlian/"),
    ("刷单", "/scam/shuadan-fanli/"),
    ("安全账户", "/scam/maochong-gongjianfa/"),
])
def test_chinese_search_finds_the_page(page, served, query, expected):
    results = search(page, served, query)
    assert any(expected in url for url in results[:5]), results[:5]
    outside = [u for u in page.requests if not u.startswith(served) and not u.startswith(("data:", "blob:"))]
    assert not outside, outside


def test_every_section_loads_without_outside_requests(page, served):
    for path in ["/", "/scam/", "/scam/by-audience/", "/letter/parents/", "/slogans/", "/poster/", "/print/",
                 "/guide/"]:
        response = page.goto(served + path, wait_until="networkidle")
        assert response.status == 200, path
    outside = [u for u in page.requests if not u.startswith(served) and not u.startswith(("data:", "blob:"))]
    assert not outside, outside


@pytest.mark.parametrize("query", ["殺豬盤", "杀猪盘", "安全賬戶", "安全账户"])
def test_search_finds_the_traditional_page_typed_in_either_script(page, served, query):
    """The 繁體版 pages (zh-hant/, fanzha/site/traditional.py) are found by a query in Traditional or in Simplified."""
    expected = {"殺豬盤": "/zh-hant/scam/wangluo-hunlian/", "杀猪盘": "/zh-hant/scam/wangluo-hunlian/",
                "安全賬戶": "/zh-hant/scam/maochong-gongjianfa/", "安全账户": "/zh-hant/scam/maochong-gongjianfa/"}
    results = search(page, served, query)
    assert any(expected[query] in url for url in results[:10]), results[:10]


def _open_search(page, base: str, path: str):
    page.goto(base + path, wait_until="networkidle")
    page.locator("label.md-search__icon, label[for='__search']").first.click()
    return page.locator("input.md-search__input")


@pytest.mark.parametrize("path, placeholder, ready, found, footer", [
    ("/zh-hant/scam/shuadan-fanli/", "搜尋", "打字進行搜尋", "個符合的項目", "報警電話"),
    ("/scam/shuadan-fanli/", "搜索", "键入以开始搜索", "个符合条件的结果", "报警电话"),
])
def test_the_themes_own_words_are_in_the_pages_script(page, served, path, placeholder, ready, found, footer):
    """A 繁體版 page shows the theme's words (search box, its messages from the search script, the footer) in
    Traditional characters, a page of the Simplified site in Simplified ones."""
    import opencc

    box = _open_search(page, served, path)
    assert box.get_attribute("placeholder") == placeholder
    # The search script writes its own message in place of the template's 正在初始化… once its index is loaded.
    page.wait_for_function("text => document.querySelector('.md-search-result__meta').textContent.trim() === text",
                           arg=ready, timeout=20000)
    box.fill("诈骗")
    box.press("End")
    page.wait_for_selector(".md-search-result__item > a", timeout=20000)
    assert found in page.inner_text(".md-search-result__meta")
    text = page.text_content("footer.md-footer")
    assert footer in text
    if path.startswith("/zh-hant/"):
        chrome = " ".join(page.text_content(selector) for selector in ("footer.md-footer", ".md-header__title"))
        assert opencc.OpenCC("s2tw").convert(chrome) == chrome, chrome
        assert page.get_attribute("html", "lang") == "zh-Hant-TW"
