"""A corpus of bad inputs, each applied to a project that has already been built: `fanzha build` names the problem as
`file:line: 问题 — 怎么改` in Chinese, exits 1 without a traceback, and leaves every file of the previous site — pages,
PDFs, previews, manifest, zips — byte for byte as it was."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Callable

import pytest

from fanzha.model.catalog import load_catalog
from fanzha.site.pages import site_pages
from fanzha.pdf.manifest import PrintItem
from fanzha.problems import Problems

from helpers import (BODY_LINE, IMAGE_PATH, LETTER, LETTER_PATH, POSTER_PATH, Project, good_project, save_image,
                     tree_digest)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    project = good_project(tmp_path_factory.mktemp("good") / "proj")
    result = project.run("build")
    assert result.returncode == 0, result.stderr
    digest = tree_digest(project.root / "site")
    assert any(name.endswith(".pdf") for name in digest) and "print/manifest.json" in digest
    return project.root, digest


def copy_of(built_root: Path, tmp_path: Path) -> Project:
    root = tmp_path / "proj"
    shutil.copytree(built_root, root, symlinks=True)
    project = Project.__new__(Project)
    project.root = root
    return project


# --- the bad inputs -----------------------------------------------------------------------------------------------

def replace(rel: str, old: str, new: str) -> Callable[[Project], None]:
    def apply(project: Project) -> None:
        path = project.root / rel
        text = path.read_text("utf-8")
        assert old in text, (rel, old)
        path.write_text(text.replace(old, new, 1), "utf-8")
    return apply


def write(rel: str, data: str | bytes) -> Callable[[Project], None]:
    def apply(project: Project) -> None:
        path = project.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return apply


def letter_body(body: str) -> Callable[[Project], None]:
    return replace(LETTER_PATH, "刷单就是诈骗，先垫钱的兼职都是骗局。", body)


def symlink_outside(project: Project) -> None:
    outside = project.root.parent / "outside.md"
    outside.write_text(LETTER.replace("parents", "outside"), "utf-8")
    os.symlink(outside, project.root / "materials/letter/outside.md")


def symlink_folder_outside(project: Project) -> None:
    outside = project.root.parent / "shared"
    outside.mkdir()
    (outside / "other.md").write_text(LETTER.replace("parents", "other"), "utf-8")
    os.symlink(outside, project.root / "materials/letter/shared")


def image_outside(project: Project) -> None:
    save_image(project.root.parent / "outside.png", 2400, 1200)
    replace(POSTER_PATH, "image: images/photo.png", "image: ../../../outside.png")(project)


def png_header(width: int, height: int) -> bytes:
    """A PNG that claims a size: what Pillow reads before the pixels."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IEND", b""))


def huge_material(project: Project) -> None:
    filler = "刷单就是诈骗，先垫钱的兼职都是骗局。\n" * 100_000  # about 5.6 MB
    (project.root / LETTER_PATH).write_text(LETTER + filler, "utf-8")


# (id, how to spoil the project, file:line the message names, words it must contain)
CASES: list[tuple[str, Callable[[Project], None], str, str]] = [
    # Files as Windows editors save them
    ("gbk", write(LETTER_PATH, LETTER.encode("gbk")), f"{LETTER_PATH}:4",
     "GBK/GB18030 编码，不是 UTF-8 — 用记事本或 WPS 另存为“UTF-8”"),
    ("gb18030", write(LETTER_PATH, LETTER.replace("刷单", "𠮷刷单").encode("gb18030")), f"{LETTER_PATH}:4",
     "GBK/GB18030 编码"),
    ("utf16", write(LETTER_PATH, LETTER.encode("utf-16")), f"{LETTER_PATH}:1", "UTF-16"),
    ("search-terms-gbk", write("materials/search-terms.txt", "刷单 20 n\n杀猪盘 20 n\n".encode("gbk")),
     "materials/search-terms.txt:1", "GBK/GB18030 编码"),
    ("binary-file", write("materials/letter/photo.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
     "materials/letter/photo.md:3", "不是文本文件"),
    ("fullwidth-colon", replace(LETTER_PATH, "title: 致家长", "title： 致家长"), f"{LETTER_PATH}:4", "全角冒号"),
    ("tab-in-yaml", replace(POSTER_PATH, "slogans: [s/tongxing]", "slogans:\n\t- s/tongxing"), f"{POSTER_PATH}:10",
     "制表符"),
    ("unclosed-front-matter", write(LETTER_PATH, LETTER.replace("---\n刷单", "刷单")), f"{LETTER_PATH}:1", "没有结束"),
    ("no-front-matter", write(LETTER_PATH, "刷单就是诈骗。\n"), f"{LETTER_PATH}:1", "缺少 YAML 头部"),
    ("yaml-syntax", replace(LETTER_PATH, "summary: 防范电信网络诈骗。", "summary: \"防范电信网络诈骗。"),
     f"{LETTER_PATH}:", "YAML 格式错误"),
    ("yaml-alias-bomb", replace(LETTER_PATH, "summary: 防范电信网络诈骗。",
                                "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                                "c: [*b, *b, *b, *b, *b, *b, *b, *b, *b]"), f"{LETTER_PATH}:7", "* 引用"),
    ("empty-file", write("materials/letter/empty.md", ""), "materials/letter/empty.md:1", "文件是空的"),
    ("blank-file", write("materials/letter/blank.md", "\n  \r\n\n"), "materials/letter/blank.md:1", "文件是空的"),
    ("huge-file", huge_material, LETTER_PATH, "文件太大"),
    ("symlink-outside", symlink_outside, "materials/letter/outside.md", "符号链接指向项目之外"),
    ("symlinked-folder-outside", symlink_folder_outside, "materials/letter/shared", "符号链接指向项目之外"),
    # Found only once the PDF is made, inside the site build: that build fails and leaves the old site as well
    ("poster-overflow",
     replace(POSTER_PATH, "被骗请立即拨打110。", "被骗请立即拨打110，先垫钱的兼职都是诈骗。\n\n" * 60),
     f"{POSTER_PATH}:12", "超出了版面"),
    # Names and references
    ("duplicate-id", write("materials/letter/copy.md", LETTER), f"{LETTER_PATH}:3",
     "编号 `parents` 与 materials/letter/copy.md 重复"),
    ("unknown-kind", replace(LETTER_PATH, "kind: letter", "kind: leter"), f"{LETTER_PATH}:2", "未知的素材类型"),
    ("kind-in-wrong-folder", write("materials/poster/parents2.md", LETTER.replace("id: parents", "id: parents2")),
     "materials/poster/parents2.md:2", "不在 materials/letter/"),
    ("unknown-layout", replace(POSTER_PATH, "layout: list", "layout: fancy"), f"{POSTER_PATH}:6",
     "`layout` 的值“fancy”不在可选范围内"),
    ("unknown-size", replace(POSTER_PATH, "size: A3", "size: A7"), f"{POSTER_PATH}:5", "`size`：尺寸“A7”不认识"),
    ("unknown-label-template", write("materials/stickers/st.md", "---\nkind: stickers\nid: st\ntitle: 贴纸\n"
                                                                "template: avery-9999\ntext: 全民反诈\n---\n"),
     "materials/stickers/st.md:5", "未知的标签纸模板 `avery-9999`"),
    ("unknown-slogan", replace(POSTER_PATH, "s/tongxing", "s/nope"), f"{POSTER_PATH}:9", "不存在的标语 `s/nope`"),
    ("unknown-scam", replace(POSTER_PATH, "[shuadan-fanli]", "[shuadan-fanli, maoming]"), f"{POSTER_PATH}:8",
     "不存在的诈骗类型 `maoming`"),
    ("unknown-edition-parent", write("materials/editions/town.yml", "id: town\nextends: county\n"),
     "materials/editions/town.yml:2", "extends 指向不存在的版本 `county`"),
    ("undefined-variable", letter_body("{{ unit.nmae }}提醒您"), f"{LETTER_PATH}:{BODY_LINE}", "未定义的变量"),
    # Characters the print fonts lack: named with the character and where it is
    ("rare-character", letter_body("受害人王𪚥被骗。"), f"{LETTER_PATH}:{BODY_LINE}", "字符“𪚥”（U+2A6A5）"),
    ("emoji-in-headline", replace(POSTER_PATH, "headline: 全民反诈", "headline: 全民反诈😀"), f"{POSTER_PATH}:7",
     "字符“😀”（U+1F600）"),
    ("rare-character-in-unit", replace("materials/editions/default.yml", "name: 测试县公安局", "name: 测试县𪚥公安局"),
     "materials/editions/default.yml:3", "字符“𪚥”"),
    # Images
    ("missing-image", replace(POSTER_PATH, "images/photo.png", "images/nope.jpg"), f"{POSTER_PATH}:10",
     "找不到图片“images/nope.jpg”"),
    ("not-an-image", write(IMAGE_PATH, "这不是图片"), f"{POSTER_PATH}:10", "不是能读的 JPG 或 PNG 图片"),
    ("image-too-many-pixels", write(IMAGE_PATH, png_header(20_000, 20_000)), f"{POSTER_PATH}:10", "百万像素"),
    ("image-outside-project", image_outside, f"{POSTER_PATH}:10", "在项目之外"),
    ("image-in-text", letter_body("![宣传图](images/photo.png)"), f"{LETTER_PATH}:{BODY_LINE}",
     "正文里的图片在网站和印刷品上都显示不出来"),
    # Links, QR codes and code planted in materials
    ("qr-foreign", replace(POSTER_PATH, "layout: list", "layout: list\nqr: https://evil.example.com/app"),
     f"{POSTER_PATH}:7", "二维码网址“https://evil.example.com/app”不在允许范围内"),
    ("qr-lookalike", replace(LETTER_PATH, "summary:", "qr: https://fanzha.example.cn.evil.com/\nsummary:"),
     f"{LETTER_PATH}:6", "二维码网址"),
    ("qr-javascript", replace(LETTER_PATH, "summary:", "qr: javascript:alert(1)\nsummary:"), f"{LETTER_PATH}:6",
     "二维码网址"),
    ("foreign-link", letter_body("详见 https://evil.example.com/a"), f"{LETTER_PATH}:{BODY_LINE}",
     "链接“https://evil.example.com/a”的域名不在允许范围内"),
    ("markdown-link", letter_body("[国家反诈中心](https://fanzha-gov.cn.example.com/app)"),
     f"{LETTER_PATH}:{BODY_LINE}", "域名不在允许范围内"),
    ("bare-www-link", letter_body("下载请到 www.evil-app.com"), f"{LETTER_PATH}:{BODY_LINE}", "域名不在允许范围内"),
    ("lookalike-gov-domain", letter_body("详见 https://mps-gov.cn/"), f"{LETTER_PATH}:{BODY_LINE}",
     "域名不在允许范围内"),
    ("link-in-front-matter", replace(LETTER_PATH, "summary: 防范电信网络诈骗。", "summary: 详见 http://evil.example.com"),
     f"{LETTER_PATH}:6", "域名不在允许范围内"),
    ("protocol-relative-link", letter_body("[官网](//evil.example.com/app)"), f"{LETTER_PATH}:{BODY_LINE}",
     "链接“//evil.example.com/app”的域名不在允许范围内"),
    ("backslash-host-trick", letter_body('<a href="https://evil.example.com\\@www.gov.cn/">国家反诈中心</a>'),
     f"{LETTER_PATH}:{BODY_LINE}", "域名不在允许范围内"),
    ("fullwidth-host", letter_body("详见 https://ｅｖｉｌ．ｃｏｍ/app"), f"{LETTER_PATH}:{BODY_LINE}",
     "域名不在允许范围内"),
    ("link-in-alias", replace("materials/scam/shuadan-fanli.md", "aliases: [兼职刷单]",
                              "aliases: [兼职刷单, 详见 www.evil-app.com]"), "materials/scam/shuadan-fanli.md:5",
     "域名不在允许范围内"),
    ("html-in-alias", replace("materials/scam/shuadan-fanli.md", "aliases: [兼职刷单]",
                              "aliases: [兼职刷单, \"<img src=x onerror=alert(1)>\"]"),
     "materials/scam/shuadan-fanli.md:5", "on…= 事件属性"),
    ("script", letter_body("<script>alert(1)</script>"), f"{LETTER_PATH}:{BODY_LINE}", "<script>"),
    ("iframe", letter_body("<iframe src=\"https://www.gov.cn\"></iframe>"), f"{LETTER_PATH}:{BODY_LINE}", "<iframe>"),
    ("javascript-link", letter_body("[点这里领补贴](javascript:alert(1))"), f"{LETTER_PATH}:{BODY_LINE}",
     "javascript:"),
    ("event-attribute", letter_body("<img src=\"x.png\" onerror=\"alert(1)\">"), f"{LETTER_PATH}:{BODY_LINE}",
     "on…= 事件属性"),
    ("data-url-link", letter_body("[点这里](data:text/html;base64,PHNjcmlwdD4=)"), f"{LETTER_PATH}:{BODY_LINE}",
     "data: 或 vbscript:"),
    # Wrong numbers and placeholders
    ("unknown-phone", letter_body("咨询电话 0571-88886666"), f"{LETTER_PATH}:{BODY_LINE}", "既不是反诈专用号码"),
    ("12337", letter_body("请拨打12337举报诈骗"), f"{LETTER_PATH}:{BODY_LINE}", "12337 不是反诈电话"),
    ("wrong-police-number", replace("materials/editions/default.yml", "phones:\n", "phones:\n  police: \"120\"\n"),
     "materials/editions/default.yml:8", "phones.police 的号码“120”不对"),
    ("phone-in-slogan", replace("materials/slogans/s.md", "不听不信不转账", "不听不信请拨13812345678"),
     "materials/slogans/s.md:8", "既不是反诈专用号码"),
    ("placeholder-xx", letter_body("xx县公安局提醒您"), f"{LETTER_PATH}:{BODY_LINE}", "占位符“xx”"),
    ("placeholder-cross", letter_body("××派出所提醒您"), f"{LETTER_PATH}:{BODY_LINE}", "占位符“××”"),
    ("placeholder-mouxian", letter_body("某某县公安局提醒您"), f"{LETTER_PATH}:{BODY_LINE}", "占位符“某某县”"),
    ("placeholder-in-unit",
     replace("materials/editions/default.yml", "signature: 测试县公安局", "signature: 某某派出所"),
     "materials/editions/default.yml:5", "unit.signature 里还有占位符“某某派出所”"),
    # The site's own configuration
    ("broken-mkdocs-yml", lambda project: (project.root / "mkdocs.yml").open("a").write("nav: [\n"), "mkdocs.yml:",
     "网站没有生成"),
    ("banner-too-long",
     replace("materials/slogans/s.md", "全民反诈，你我同行", "全民反诈你我同行，不听不信不转账，守好每个人的钱袋子"),
     "materials/slogans/s.md:7", "超过上限 20 字"),
]


@pytest.mark.parametrize("spoil, where, words", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input_is_named_and_the_previous_outputs_stay(built, tmp_path, spoil, where, words):
    built_root, digest = built
    project = copy_of(built_root, tmp_path)
    spoil(project)
    result = project.run("build")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    named = [line for line in result.stderr.splitlines() if line.startswith(where)]
    assert any(words in line and " — " in line for line in named), output
    assert tree_digest(project.root / "site") == digest
    assert not [p.name for p in project.root.iterdir() if p.name.startswith(".site")]


def test_the_corpus_has_at_least_30_cases():
    assert len(CASES) >= 30 and len({c[0] for c in CASES}) == len(CASES)


def test_bom_and_crlf_are_accepted_and_built(built, tmp_path):
    project = copy_of(built[0], tmp_path)
    text = "\ufeff" + LETTER.replace("刷单就是诈骗", "BOM和CRLF的信").replace("\n", "\r\n")
    (project.root / LETTER_PATH).write_bytes(text.encode("utf-8"))
    result = project.run("build")
    assert result.returncode == 0, result.stderr
    page = (project.root / "site/letter/parents/index.html").read_text("utf-8")
    assert "BOM和CRLF的信" in page and "\ufeff" not in page and "\r" not in page


def test_three_problems_in_three_files_are_listed_in_one_run(built, tmp_path):
    project = copy_of(built[0], tmp_path)
    write(LETTER_PATH, LETTER.encode("gbk"))(project)
    replace(POSTER_PATH, "headline: 全民反诈", "headline: 全民反诈😀")(project)
    replace("materials/slogans/s.md", "不听不信不转账", "不听不信请拨12337")(project)
    result = project.run("build")
    assert result.returncode == 1
    named = {line.split(": ", 1)[0] for line in result.stderr.splitlines() if line.startswith("materials/")}
    assert named == {f"{LETTER_PATH}:4", f"{POSTER_PATH}:7", "materials/slogans/s.md:8"}, result.stderr
    assert "共 3 个问题" in result.stderr
    assert tree_digest(project.root / "site") == built[1]


def test_an_image_under_300_dpi_is_a_warning_in_the_output_the_manifest_and_the_print_centre(built, tmp_path):
    project = copy_of(built[0], tmp_path)
    save_image(project.root / IMAGE_PATH, 600, 300)
    result = project.run("build")
    assert result.returncode == 0, result.stderr
    warning = next(line for line in result.stderr.splitlines() if "dpi" in line)
    assert warning.startswith(f"警告 {POSTER_PATH}:10:") and "600×300 像素" in warning and " 86 dpi" in warning
    assert "至少 2105×1053 像素" in warning and " — " in warning
    manifest = json.loads((project.root / "site/print/manifest.json").read_text("utf-8"))
    poster = next(item for item in manifest["items"] if item["material"] == "p")
    assert poster["preflight"] == "ok" and any("86 dpi" in w for w in poster["warnings"])
    centre = (project.root / "site/print/index.html").read_text("utf-8")
    assert "86 dpi" in centre


def test_preflight_results_in_the_manifest_and_the_print_centre(built, tmp_path):
    root = built[0]
    manifest = json.loads((root / "site/print/manifest.json").read_text("utf-8"))
    assert {item["material"] for item in manifest["items"]} == {"parents", "p"}
    assert all(item["preflight"] == "ok" and not item["warnings"] for item in manifest["items"])
    centre = (root / "site/print/index.html").read_text("utf-8")
    assert centre.count("印前检查通过") == len(manifest["items"])

    # A finished PDF that failed a check: the print centre lists what is wrong.
    catalog = load_catalog(root, Problems(root))
    cached = json.loads((root / ".cache/print/.print-cache.json").read_text("utf-8"))
    items = [PrintItem.from_dict(entry["item"]) for entry in cached.values()]
    items[0].preflight = ["第1页字体 Foo：没有嵌入", "页数为 2，应为 1"]
    page = site_pages(catalog, {}, items, []).pages["print/index.md"]
    assert "有问题：第1页字体 Foo：没有嵌入；页数为 2，应为 1" in page and page.count("印前检查通过") == len(items) - 1


def test_a_symbol_with_an_emoji_selector_prints_in_text_style(built, tmp_path):
    import pypdfium2 as pdfium

    project = copy_of(built[0], tmp_path)
    letter_body("\u260e\ufe0f 咨询请拨打96110。")(project)
    result = project.run("build")
    assert result.returncode == 0, result.stderr
    document = pdfium.PdfDocument(project.root / "site/print/default/parents.pdf")
    try:
        text = document[0].get_textpage().get_text_range()
    finally:
        document.close()
    assert "\u260e" in text and "\ufe0f" not in text
