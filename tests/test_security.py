"""Security and integrity (issue 20): nothing outside the project gets into an output, nothing is deleted, no script
runs, and every fault ends in a Chinese message instead of a traceback. Each test is a case an attacker or a clumsy
user tried; run in-process on small projects written in tmp_path."""

from __future__ import annotations

import functools
import io
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pypdf
from markupsafe import Markup
import pytest

from fanzha import pipeline
from fanzha.pdf.executor import make_task, run_task
from fanzha.pdf.html import stylesheets

from helpers import (ARGS, CHROMIUM, EDITION, LETTER_BODY_LINE as BODY_LINE, LETTER_WITH_BODY as LETTER, PARENTS_LETTER,
                     Project, QuietHandler)

class CountingHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        self.server.requests.append(self.path)
        super().do_GET()


@pytest.fixture
def listener(tmp_path):
    """A web server on 127.0.0.1 that counts every request it gets: a build must send none."""
    folder = tmp_path / "outside"
    folder.mkdir()
    from PIL import Image

    Image.new("RGB", (8, 8), "red").save(folder / "e.png")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(CountingHandler, directory=str(folder)))
    server.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server, f"127.0.0.1:{server.server_address[1]}", folder
    server.shutdown()


def letter_project(tmp_path, body: str = "刷单就是诈骗，被骗请立即拨打110。") -> Project:
    project = Project(tmp_path / "proj")
    project.write("materials/letter/jumin.md", LETTER.format(body=body))
    return project


def checked_letter(project: Project):
    checked = pipeline.check(project.root)
    assert not checked.problems.errors, checked.problems.errors
    return checked, next(d for d in checked.documents if d.key == "default/jumin")


# --- the render reads only the project's layout files and data: URIs ---------------------------------------------

def test_the_renderer_fetches_nothing_outside_and_names_what_it_refused(tmp_path, listener):
    """Past every check of the text (HTML put straight into a document), WeasyPrint still gets nothing from outside:
    no request to a web server however the URL is spelled (CSS escapes, entities), no file of this machine as an
    image, an <object>, a CSS url() or an attachment; each refusal is recorded for the build to report."""
    server, host, folder = listener
    secret = folder / "secret.txt"
    secret.write_text("机密", "utf-8")
    _, doc = checked_letter(letter_project(tmp_path))
    evil = (f'<p style="background: url(h\\74tp://{host}/css-escaped.png)">a</p>'
            f'<img src="http&#58;&#47;&#47;{host}/entity.png" />'
            f'<object data="http://{host}/object.png" type="image/png"></object>'
            f'<embed src="{(folder / "e.png").as_uri()}" type="image/png" />'
            f'<img src="{(folder / "e.png").as_uri()}" />'
            f'<a rel="attachment" href="{secret.as_uri()}">附件</a>'
            f'<div style="background-image: url(\'{(folder / "e.png").as_uri()}\')">b</div>')
    html = doc.html.replace("</body>", evil + "</body>")
    result = run_task(make_task("k" * 64, doc.key, html, doc.page, stylesheets(), preview=False))
    assert server.requests == []
    refused = result.typeset.refused
    assert any("css-escaped.png" in url for url in refused)
    assert any("entity.png" in url for url in refused)
    assert any("object.png" in url for url in refused)
    assert any(url.endswith("secret.txt") for url in refused)
    assert any(url.startswith("file:") and url.endswith("e.png") for url in refused)
    reader = pypdf.PdfReader(io.BytesIO(result.typeset.pdf))
    assert "/EmbeddedFiles" not in reader.trailer["/Root"].get("/Names", {})
    assert not any("/XObject" in (page.get("/Resources") or {}) and page["/Resources"]["/XObject"]
                   for page in reader.pages), "an outside image was embedded"


def test_a_refused_resource_fails_the_build_at_its_line(tmp_path, listener, monkeypatch):
    """What the renderer refused is an error at the material's line, not a silent drop, and no PDF is kept."""
    from fanzha.pdf import documents

    server, host, _ = listener
    project = letter_project(tmp_path, "刷单就是诈骗。\n\n被骗请立即拨打110。")
    original = documents.md_html
    # The text checks are not what is tested here: the picture reaches the HTML as if they had missed it.
    monkeypatch.setattr(documents, "md_html", lambda text: original(text) + Markup(
        f'<p><img src="http://{host}/e.png" /></p>'))
    with pytest.raises(pipeline.ContentError) as raised:
        pipeline.build(project.root)
    assert server.requests == []
    problem = next(p for p in raised.value.problems if "项目之外" in p.message)
    assert problem.path == "materials/letter/jumin.md" and problem.line >= 7, problem
    assert not (project.root / ".cache" / "print" / "default" / "jumin.pdf").exists()
    assert not (project.root / "site").exists()


# --- the text checks: an allowlist over the HTML Markdown makes, not a line-by-line blocklist --------------------

def problems_of(project: Project) -> list[str]:
    return [str(p) for p in pipeline.check(project.root, print_documents=False).problems.errors]




@pytest.mark.parametrize("body, line, words", [
    ("<details open\nontoggle=alert(1)>点开</details>", BODY_LINE + 1, "on…= 事件属性（ontoggle）"),
    ("[领补贴](jav&#x61;script:alert(1))", BODY_LINE, "javascript:"),
    ("[领补贴](java\tscript:alert(1))", BODY_LINE, "javascript:"),
    ('<a rel="attachment" href="file:///etc/passwd">附件</a>', BODY_LINE, "file:"),
    ('<object data="file:///usr/share/pixmaps/debian-logo.png"></object>', BODY_LINE, "<object>"),
    ('<embed src="https://www.gov.cn/x.png">', BODY_LINE, "<embed>"),
    ('<p style="background: url(h\\74tp://127.0.0.1:8765/e.png)">字</p>', BODY_LINE, "style"),
    ('<image src="http&#58;&#47;&#47;127.0.0.1:8765/e.png">', BODY_LINE, "<image>"),
    ("第一段。\n\n第二段。\n{: onclick=\"alert(1)\" }", BODY_LINE + 3, "onclick"),
    ("<svg><script>alert(1)</script></svg>", BODY_LINE, "<script>"),
    ("请拨打 138 1234 5678 咨询", BODY_LINE, "138 1234 5678"),
    ("客服 400 820 8820", BODY_LINE, "400 820 8820"),
    ("详见 evil-example.com 下载", BODY_LINE, "evil-example.com"),
    ("详见 ｈｔｔｐｓ://ｅｖｉｌ.ｃｏｍ/app", BODY_LINE, "域名不在允许范围内"),
    ("详见 evil。com", BODY_LINE, "evil.com"),
    ("请联系某某咨询", BODY_LINE, "占位符“某某”"),
    ("【单位名称】提醒您", BODY_LINE, "【单位名称】"),
    ("联系人（待填写）", BODY_LINE, "（待填写）"),
    ("TODO 补上案例", BODY_LINE, "TODO"),
])
def test_a_planted_or_unfinished_text_is_an_error_at_its_line(tmp_path, body, line, words):
    problems = problems_of(letter_project(tmp_path, body))
    assert any(p.startswith(f"materials/letter/jumin.md:{line}:") and words in p for p in problems), problems


def test_plain_text_with_case_names_and_allowed_numbers_passes(tmp_path):
    body = "张某某接到电话，李某某被骗。请拨打 110 或 96110。详见 https://www.gov.cn/ 和 [上一页](../index.md)。"
    assert problems_of(letter_project(tmp_path, body)) == []


@pytest.mark.parametrize("field, value, words", [
    ("title", '"x</title><script>alert(1)</script>"', "<script>"),
    ("region", '"{{ foo }}"', "模板变量"),
])
def test_edition_fields_are_linted_like_materials(tmp_path, field, value, words):
    project = letter_project(tmp_path)
    edition = (project.root / "materials/editions/default.yml").read_text("utf-8")
    if field == "title":
        edition += f"title: {value}\n"
    else:
        edition = edition.replace("region: 测试县", f"region: {value}")
    project.write("materials/editions/default.yml", edition)
    problems = problems_of(project)
    assert any(p.startswith("materials/editions/default.yml:") and words in p for p in problems), problems


def test_a_url_in_a_phone_label_is_an_error(tmp_path):
    project = letter_project(tmp_path)
    project.write("materials/editions/default.yml", (project.root / "materials/editions/default.yml").read_text("utf-8")
                  + "phones:\n  local:\n    - label: 详见 evil-example.com\n      number: 0571-88886666\n")
    problems = problems_of(project)
    assert any(p.startswith("materials/editions/default.yml:9:") and "evil-example.com" in p
               for p in problems), problems


# --- YAML that loads wrong ------------------------------------------------------------------------------------------

def test_an_impossible_date_is_an_error_at_its_line(tmp_path):
    project = letter_project(tmp_path)
    project.write("materials/editions/default.yml",
                  (project.root / "materials/editions/default.yml").read_text("utf-8")
                  .replace("2026-11-01", "2026-02-30"))
    problems = problems_of(project)
    assert any(p.startswith("materials/editions/default.yml:6:") and "2026-02-30" in p for p in problems), problems


def test_a_key_written_twice_is_an_error_at_its_line(tmp_path):
    project = letter_project(tmp_path)
    project.write("materials/letter/jumin.md",
                  LETTER.replace("title: 致居民的一封信\n", "title: 致居民的一封信\ntitle: 另一个标题\n")
                  .format(body="正文。"))
    problems = problems_of(project)
    assert any(p.startswith("materials/letter/jumin.md:5:") and "写了两次" in p for p in problems), problems


# --- where outputs may go -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("target", [".", "materials", "docs", "private", "private/merge"])
def test_the_site_is_never_built_over_the_project_or_its_folders(tmp_path, target):
    project = letter_project(tmp_path)
    (project.root / "private").mkdir(exist_ok=True)
    (project.root / "private" / "名单.csv").write_text("姓名,班级\n张三,一班\n", "utf-8")
    before = sorted(p.relative_to(project.root) for p in project.root.rglob("*"))
    site_dir = project.root / target
    if target == "private/merge":  # inside private/ is not refused by the rule above, only if it holds files
        site_dir.mkdir()
        (site_dir / "x.pdf").write_bytes(b"%PDF")
        before = sorted(p.relative_to(project.root) for p in project.root.rglob("*"))
    from fanzha.site.guard import UnsafeOutput

    with pytest.raises(UnsafeOutput):
        pipeline.build(project.root, site_dir)
    assert sorted(p.relative_to(project.root) for p in project.root.rglob("*")) == before


def test_the_site_goes_where_asked_when_it_is_new_or_a_previous_site(tmp_path):
    project = letter_project(tmp_path)
    site = tmp_path / "out" / "site"
    pipeline.build(project.root, site)
    assert (site / "index.html").is_file()
    project.write("materials/letter/jumin.md", LETTER.format(body="改过的正文，被骗请拨打110。"))
    assert pipeline.build(project.root, site).site_rebuilt


def test_the_cli_refuses_site_dir_dot_with_a_usage_error(tmp_path, capsys):
    from fanzha import cli

    project = letter_project(tmp_path)
    assert cli.main(["--root", str(project.root), "build", "--site-dir", str(project.root)]) == 2
    assert "项目目录本身" in capsys.readouterr().err
    assert (project.root / "materials" / "letter" / "jumin.md").is_file()


# --- merge: one file per class, the sheet the teacher saw, names as printed -------------------------------------

MERGE_LETTER = PARENTS_LETTER.format(statement="我已认真阅读本信。")


def test_merge_refuses_classes_that_make_one_file_name(tmp_path):
    from fanzha.merge import merge_roster

    project = Project(tmp_path / "proj")
    project.write("materials/letter/jiazhang.md", MERGE_LETTER)
    roster = project.write("private/名单.csv", "姓名,班级\n张三,1/2班\n李四,1_2班\n王五,1:2班\n")
    with pytest.raises(pipeline.ContentError) as raised:
        merge_roster(project.root, "jiazhang", roster)
    messages = [str(p) for p in raised.value.problems]
    assert any(m.startswith("private/名单.csv:3:") and "互相覆盖" in m for m in messages), messages
    assert any(m.startswith("private/名单.csv:4:") for m in messages), messages
    assert not (project.root / "private" / "merge").exists()


def test_a_hidden_first_sheet_is_refused_and_the_sheet_read_is_named(tmp_path):
    import openpyxl

    from fanzha.problems import Problems
    from fanzha.merge.roster import read_roster

    book = openpyxl.Workbook()
    book.active.title = "旧名单"
    book.active.append(["姓名", "班级"])
    book.active.append(["错人", "一班"])
    book.active.sheet_state = "hidden"
    current = book.create_sheet("名单")
    current.append(["姓名", "班级"])
    current.append(["张三", "一班"])
    book.active = 1
    book.save(tmp_path / "hidden.xlsx")
    problems = Problems(tmp_path)
    assert read_roster(tmp_path / "hidden.xlsx", problems) == []
    assert any("第一个工作表“旧名单”是隐藏的" in p.message for p in problems.errors), problems.items

    book["旧名单"].sheet_state = "visible"
    book.save(tmp_path / "two.xlsx")
    problems = Problems(tmp_path)
    assert [s.name for s in read_roster(tmp_path / "two.xlsx", problems)] == ["错人"]
    assert any("读取的是第一个工作表“旧名单”（共 2 个工作表）" in p.message for p in problems.warnings), problems.items


def test_an_invisible_character_in_a_name_is_an_error(tmp_path):
    from fanzha.problems import Problems
    from fanzha.merge.roster import read_roster

    path = tmp_path / "名单.csv"
    path.write_text("姓名,班级\n张三,一班\n张\u200b三,一班\n", "utf-8")
    problems = Problems(tmp_path)
    read_roster(path, problems)
    assert [(p.line, "U+200B" in p.message) for p in problems.errors] == [(3, True)], problems.items


# --- faults of the machine and damaged caches: a Chinese message, exit 2, the previous site whole --------------

def site_files(site: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_damaged_cache_entries_are_discarded_and_rebuilt(tmp_path):
    import json

    project = letter_project(tmp_path)
    pipeline.build(project.root)
    cache = project.root / ".cache" / "print" / ".print-cache.json"
    entries = json.loads(cache.read_text("utf-8"))
    entries["default/jumin"]["item"]["issues"] = 5
    cache.write_text(json.dumps(entries), "utf-8")
    pipeline.build(project.root)
    from fanzha.pdf import stats

    assert stats["rendered"] == 1
    entries = json.loads(cache.read_text("utf-8"))
    entries["default/jumin"] = ["not", "an", "entry"]
    cache.write_text(json.dumps(entries), "utf-8")
    pipeline.build(project.root)
    assert stats["rendered"] == 1
    pipeline.build(project.root)
    assert stats["rendered"] == 0  # rebuilt once, then reused: the damage does not repeat


def test_a_truncated_preview_is_rendered_again_not_republished(tmp_path):
    from fanzha.pdf import stats
    from PIL import Image

    project = letter_project(tmp_path)
    pipeline.build(project.root)
    png = project.root / ".cache" / "print" / "default" / "jumin.png"
    png.write_bytes(png.read_bytes()[:300])
    pipeline.build(project.root)
    assert stats["rendered"] == 1
    with Image.open(project.root / "site" / "print" / "default" / "jumin.png") as image:
        image.load()


def test_cache_as_a_file_is_a_message_not_a_traceback(tmp_path, capsys):
    from fanzha import cli

    project = letter_project(tmp_path)
    (project.root / ".cache").write_text("x", "utf-8")
    assert cli.main(["--root", str(project.root), "build"]) == 2
    err = capsys.readouterr().err
    assert "应当是一个目录" in err and "Traceback" not in err


@pytest.mark.parametrize("number, words", [("ENOSPC", "磁盘空间不足"), ("EPERM", "没有权限"), ("EROFS", "没有权限")])
def test_a_full_disk_or_a_locked_folder_is_a_message_and_the_site_stays(tmp_path, capsys, monkeypatch, number, words):
    """The disk filling up (or an immutable site/) is simulated where the build writes its files."""
    import errno

    from fanzha import cli, pdf

    project = letter_project(tmp_path)
    pipeline.build(project.root)
    before = site_files(project.root / "site")
    project.write("materials/letter/jumin.md", LETTER.format(body="改过的正文，被骗请拨打110。"))

    def refuse(path, data):
        raise OSError(getattr(errno, number), "simulated", str(path))

    monkeypatch.setattr(pdf, "write_atomic", refuse)
    assert cli.main(["--root", str(project.root), "build"]) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err
    assert site_files(project.root / "site") == before


def test_a_busy_serve_port_is_a_usage_error(tmp_path, capsys):
    import socket

    from fanzha import cli

    project = letter_project(tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert cli.main(["--root", str(project.root), "serve", "--addr", f"127.0.0.1:{port}"]) == 2
    assert "端口可能已被另一个程序占用" in capsys.readouterr().err


def test_symlinks_in_docs_are_not_published(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("# 机密\n\n私密内容金丝雀\n", "utf-8")
    (outside / "key.txt").write_text("私密内容金丝雀", "utf-8")
    project = letter_project(tmp_path)
    (project.root / "docs" / "leak.md").symlink_to(outside / "secret.md")
    (project.root / "docs" / "key.txt").symlink_to(outside / "key.txt")
    (project.root / "docs" / "folder").symlink_to(outside, target_is_directory=True)
    site = pipeline.build(project.root).site_dir
    leaked = [p for p in site.rglob("*") if p.is_file() and "私密内容金丝雀".encode() in p.read_bytes()]
    assert leaked == []
    # the theme's files stay
    assert (site / "index.html").is_file() and list(site.glob("assets/javascripts/bundle.*.js"))


# --- what the checks miss still cannot run: the site and print HTML go through the allowlist --------------------

def test_markup_past_the_checks_is_cleaned_from_the_site_and_the_pdf(tmp_path, monkeypatch):
    from fanzha.edition import lint

    monkeypatch.setattr(lint, "findings", lambda text: [])  # as if the checks had missed all of it
    body = ('<details open\nontoggle="alert(1)">点开</details>\n\n[领补贴](jav&#x61;script:alert(2))\n\n'
            '<script>alert(3)</script><object data="file:///etc/passwd"></object>')
    project = letter_project(tmp_path, body)
    site = pipeline.build(project.root).site_dir
    page = (site / "letter" / "jumin" / "index.html").read_text("utf-8")
    assert "点开" in page and "领补贴" in page
    for planted in ("ontoggle", "alert(", "javascript:", "jav&#x61;", "<object", "/etc/passwd"):
        assert planted not in page, planted
    reader = pypdf.PdfReader(site / "print" / "default" / "jumin.pdf")
    actions = [annot.get_object().get("/A", {}) for page in reader.pages for annot in page.get("/Annots", [])]
    assert not any("JavaScript" in str(action) or "javascript" in str(action) for action in actions), actions


def test_the_edition_title_is_escaped_in_every_page_head(tmp_path, monkeypatch):
    from fanzha.edition import lint

    monkeypatch.setattr(lint, "findings", lambda text: [])
    project = letter_project(tmp_path)
    project.write("materials/editions/default.yml", (project.root / "materials/editions/default.yml")
                  .read_text("utf-8") + 'title: "x</title><script>alert(1)</script>"\n')
    site = pipeline.build(project.root).site_dir
    head = (site / "index.html").read_text("utf-8").split("</head>")[0]
    assert "<script>alert(1)" not in head and "&lt;script&gt;" in head


@pytest.mark.browser
def test_the_site_runs_with_a_policy_without_unsafe_inline_scripts(tmp_path):
    """In Chromium: the CSP allows the theme's inline scripts by hash only, nothing of the theme is blocked, and no
    request leaves 127.0.0.1."""
    from playwright.sync_api import sync_playwright


    project = letter_project(tmp_path)
    project.scam()
    site = pipeline.build(project.root).site_dir
    index = (site / "index.html").read_text("utf-8")
    policy = index.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]
    script_src = next(part for part in policy.split(";") if part.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src and "'sha256-" in script_src
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            page = browser.new_page()
            page.requests, blocked = [], []
            page.on("request", lambda request: page.requests.append(request.url))
            page.on("console", lambda message: blocked.append(message.text)
                    if "Content Security Policy" in message.text else None)
            page.goto(base + "/letter/jumin/", wait_until="networkidle")
            # The theme's inline script ran (its hash allowed) and so did its bundle, which uses what it defines.
            ran = page.evaluate("[typeof __md_get, typeof document$]")
            browser.close()
    finally:
        server.shutdown()
    assert ran == ["function", "object"]
    assert blocked == []
    assert [u for u in page.requests if not u.startswith(base) and not u.startswith(("data:", "blob:"))] == []


@pytest.mark.parametrize("hidden", ["\u200b", "\u202e", "\u2066", "\ufeff", "\u00ad", "\ue000"])
def test_an_invisible_character_in_a_text_is_an_error(tmp_path, hidden):
    """A direction override shows "请拨打\u202e01169" as 请拨打96110; a zero-width space hides in a number and stops
    search and dialling. Each is named by its code point at its line, in a material and in an edition."""
    project = letter_project(tmp_path, f"接到96{hidden}110来电请接听。")
    project.scam()
    result = project.run("check")
    assert result.returncode == 1
    assert f"materials/letter/jumin.md:7: 这一行里有看不见的字符 U+{ord(hidden):04X}" in result.stderr
    project.write("materials/letter/jumin.md", LETTER.format(body="被骗请立即拨打110。"))
    project.write("materials/editions/default.yml",
                  EDITION.replace("name: 测试县公安局", f"name: 测试县{hidden}公安局"))
    result = project.run("check")
    assert result.returncode == 1 and "materials/editions/default.yml:3: 这一行里有看不见的字符" in result.stderr
