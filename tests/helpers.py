"""What the tests share: the repository, the command, throwaway projects (Project), the small good project that
the bad-input and kill tests break (good_project), rosters as schools send them, and the print engine run on its own."""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import sys
import textwrap
from contextlib import redirect_stderr, redirect_stdout
from http.server import SimpleHTTPRequestHandler
from pathlib import Path

import openpyxl

from fanzha.model import load_catalog
from fanzha.pdf import WorkerSettings, build_print_outputs
from fanzha.problems import Problems

REPO = Path(__file__).resolve().parent.parent
FANZHA = [sys.executable, "-m", "fanzha.cli"]

# Debian's chromium (Ubuntu: chromium-browser), started as a closed network wants it: no background connections.
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-default-apps"]


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

EDITION = """\
id: default
unit:
  name: 测试县公安局
  region: 测试县
  signature: 测试县公安局
date: 2026-11-01
"""

# A letter to residents whose body the test gives (str.format: {body}; its template variables are doubled).
LETTER_WITH_BODY = """\
---
kind: letter
id: jumin
title: 致居民的一封信
salutation: 各位居民：
---
{body}
"""
LETTER_BODY_LINE = 7  # the first body line of LETTER_WITH_BODY

# A one-paragraph letter to residents: the smallest material that makes a PDF and a page.
RESIDENTS_LETTER = LETTER_WITH_BODY.format(
    body="刷单就是诈骗，先垫钱的兼职都是骗局。被骗请立即拨打{{ phones.police }}。")

# A letter to parents with a 回执, as `fanzha merge` takes it.
PARENTS_LETTER = """\
---
kind: letter
id: jiazhang
title: 致家长的一封测试信
audiences: [全体群众]
salutation: 尊敬的家长朋友们：
receipt:
  statement: {statement}
  fields: [班级, 学生姓名, 家长签字]
---
请和孩子一起记住：不听、不信、不转账。被骗请立即拨打{{{{ phones.police }}}}。
"""

# Slogans for stickers, and a sheet of them.
STICKER_SLOGANS = """\
---
kind: slogans
id: s
title: 标语
channels: [贴纸]
---
- 不听不信不转账 {#san-bu}
- 陌生链接不点击 {#lianjie}
"""
STICKER_SHEET = """\
---
kind: stickers
id: t
title: 反诈贴纸
template: a4-3x8-70x37
mode: fill
slogans: [s/san-bu]
---
"""

SCAM = """\
---
kind: scam
id: {id}
title: {title}
aliases: [{aliases}]
audiences: [全体群众]
summary: 一句话识破。
---
## 常见对象
所有人。
## 作案手法
1. 第一步。
## 识别要点
- 要点。
## 典型案例
张某某被骗。
## 防范提示
- 不转账。
## 被骗后怎么办
- 立即拨打110，保留证据，96110来电要接听。
"""


def run_cli(root: Path, *args: str) -> subprocess.CompletedProcess:
    """`fanzha --root <root> <args>` as the console script runs it, in this process: exit code, stdout and stderr as
    a user sees them, without starting Python again for every case."""
    from fanzha import cli

    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = cli.main(["--root", str(root), *args])
        except SystemExit as exit:
            code = exit.code
    return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())


class Project:
    """A throwaway fanzha project: the repository's site scaffolding plus materials the test writes."""

    def __init__(self, root: Path):
        self.root = root
        root.mkdir(parents=True)
        for name in ("mkdocs.yml", "docs", "overrides", "hooks"):
            src = REPO / name
            (shutil.copytree if src.is_dir() else shutil.copy)(src, root / name)
        (root / "materials" / "editions").mkdir(parents=True)
        shutil.copy(REPO / "materials" / "search-terms.txt", root / "materials" / "search-terms.txt")
        self.write("materials/editions/default.yml", EDITION)
        self.write("materials/audiences.yml", "全体群众: 所有人。\n老年人: 长者。\n")

    def write(self, rel: str, text: str, encoding: str = "utf-8") -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(textwrap.dedent(text).encode(encoding))
        return path

    def scam(self, id: str = "shuadan-fanli", title: str = "刷单返利类诈骗", aliases: str = "兼职刷单") -> Path:
        return self.write(f"materials/scam/{id}.md", SCAM.format(id=id, title=title, aliases=aliases))

    def run(self, *args: str) -> subprocess.CompletedProcess:
        return run_cli(self.root, *args)

    def run_process(self, *args: str) -> subprocess.CompletedProcess:
        """The real `python -m fanzha.cli` in a process of its own (for what only a process shows: signals, exit)."""
        return subprocess.run([*FANZHA, "--root", str(self.root), *args], capture_output=True, text=True,
                              cwd=self.root, timeout=600)


GOOD_EDITION = EDITION + """\
phones:
  local:
    - label: 测试县反诈中心
      number: 0571-87654321
site_url: https://fanzha.example.cn
"""

LETTER = """\
---
kind: letter
id: parents
title: 致家长的一封信
salutation: 尊敬的家长朋友们：
summary: 防范电信网络诈骗。
---
刷单就是诈骗，先垫钱的兼职都是骗局。

被骗请立即拨打{{ phones.police }}，接到96110来电请务必接听。
"""
LETTER_PATH = "materials/letter/parents.md"
BODY_LINE = 8  # first body line of LETTER

SLOGANS = """\
---
kind: slogans
id: s
title: 标语
channels: [横幅]
---
- 全民反诈，你我同行 {#tongxing}
- 不听不信不转账 {#san-bu}
"""

POSTER = """\
---
kind: poster
id: p
title: 测试海报
size: A3
layout: list
headline: 全民反诈 你我同行
scam_types: [shuadan-fanli]
slogans: [s/tongxing]
image: images/photo.png
---
被骗请立即拨打110。
"""
POSTER_PATH = "materials/poster/p.md"
IMAGE_PATH = "materials/poster/images/photo.png"


def save_image(path: Path, width: int, height: int) -> None:
    from PIL import Image, ImageDraw

    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", (width, height), (255, 236, 200))
    ImageDraw.Draw(image).ellipse((width // 10, height // 10, width // 2, height * 9 // 10), fill=(200, 22, 29))
    image.save(path)


def good_project(root: Path) -> Project:
    project = Project(root)
    project.write("materials/editions/default.yml", GOOD_EDITION)
    project.write("materials/scam/shuadan-fanli.md", SCAM.format(id="shuadan-fanli", title="刷单返利类诈骗",
                                                                 aliases="兼职刷单"))
    project.write("materials/slogans/s.md", SLOGANS)
    project.write(LETTER_PATH, LETTER)
    project.write(POSTER_PATH, POSTER)
    save_image(project.root / IMAGE_PATH, 2400, 1200)  # 2:1 in an A3 poster's 261×89 mm band: 178 mm wide, 342 dpi
    return project


def simplified_left(text: str, variant: str = "tw", keep: str = "国家反诈中心") -> set[str]:
    """The Simplified-only characters of a text that should be all Traditional, as OpenCC itself decides: a character
    is Simplified-only where converting the whole text to Traditional (s2tw, or s2hk for `variant` hk) changes it —
    in context, so that 干 in 若干, a character Traditional writes too, stays — and converting that character back
    to Simplified (t2s) leaves it as it is: a form only Simplified writes (约, 听), not a Traditional one written
    another way in Taiwan or Hong Kong (裏 → 裡). The edition's kept term (`keep`) and hotlines read out digit by digit
    (九六幺幺零: OpenCC would write 幺 as 么, a broadcast reads it as written) are left aside."""
    import re

    import opencc

    text = re.sub("[零一二三四五六七八九幺]*幺[零一二三四五六七八九幺]*", "", text.replace("\n", "").replace(keep, ""))
    converted = opencc.OpenCC("s2tw" if variant == "tw" else "s2hk").convert(text)
    assert len(converted) == len(text)
    back = opencc.OpenCC("t2s")
    return {a for a, b in zip(text, converted) if a != b and back.convert(a) == a}


def channel_text(path: Path) -> str:
    """What a channel file says: a 公众号 article's text without its tags, a text file, a PDF's text."""
    import html
    import re

    from pypdf import PdfReader

    if path.suffix == ".html":
        return html.unescape(re.sub(r"<[^>]+>", "", path.read_text("utf-8")))
    if path.suffix == ".pdf":
        return "".join(page.extract_text() for page in PdfReader(path).pages)
    return path.read_text("utf-8-sig")


def page_char_rows(path: Path, page_index: int) -> dict[int, list[tuple[float, float, str]]]:
    """The visible characters of a PDF page as (left, right, char), by the rounded bottom of their boxes (one row per
    line of text)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(path)
    text_page = document[page_index].get_textpage()
    rows: dict[int, list] = {}
    for i in range(text_page.count_chars()):
        ch = text_page.get_text_range(i, 1)
        if ch.strip():
            left, bottom, right, _ = text_page.get_charbox(i, loose=True)
            rows.setdefault(round(bottom), []).append((left, right, ch))
    document.close()
    return rows


def tree_digest(folder: Path) -> dict[str, str]:
    """sha256 of every file under `folder`, dot files included."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


# Names chosen to cover characters a careless decoder mangles (GBK two-byte trail bytes such as 镕, 昇).
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐"
GIVEN = ["子涵", "欣怡", "浩然", "梓萱", "宇轩", "雨桐", "昇", "镕基", "一诺", "思远", "嘉怡", "俊杰", "诗琪", "博文",
         "佳琪"]


def class_of_45() -> list[tuple[str, str, str]]:
    rows = []
    for i in range(45):
        name = SURNAMES[i % len(SURNAMES)] + GIVEN[i % len(GIVEN)]
        rows.append((name, f"七年级（{i % 3 + 1}）班", f"2026{i + 1:03d}"))
    return rows


def write_csv(path: Path, rows, encoding: str, newline: str = "\r\n") -> Path:
    text = newline.join(["姓名,班级,学号", *(",".join(r) for r in rows)]) + newline
    path.write_bytes(text.encode(encoding))
    return path


def write_xlsx(path: Path, rows) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "班级", "学号"])
    for name, klass, number in rows:
        sheet.append([name, klass, int(number)])
    book.save(path)
    return path


def write_print_project(root: Path, materials: dict[str, str], edition: str) -> Path:
    (root / "materials" / "editions").mkdir(parents=True)
    (root / "materials" / "editions" / "default.yml").write_text(edition, "utf-8")
    for rel, text in materials.items():
        path = root / "materials" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return root


def build_prints(root: Path, out: Path, settings: WorkerSettings | None = None):
    problems = Problems(root)
    catalog = load_catalog(root, problems)
    assert not problems.errors, problems.errors
    items = build_print_outputs(catalog, list(catalog.editions.values()), out, problems, settings)
    return items, problems
