"""The print products of issue #22 on real PDFs: the booklet (reader copy, saddle-stitch impositions folded virtually),
the cloth banner (1:10 PDF and 1:1 CMYK TIFF), the 展板 and the 台卡."""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image
from pypdf import PdfReader

from helpers import REPO, Project

from fanzha import pipeline
from fanzha.model.catalog import edition_materials, load_catalog
from fanzha.pdf import WorkerSettings, build_print_outputs, stats
from fanzha.pdf.imposition import impose, saddle_order
from fanzha.pdf.layout.page import PT_PER_MM
from fanzha.pdf.products import BANNER_SIZES, banner_layout
from fanzha.problems import Problems

SCAMS = [("shuadan-fanli", "刷单返利类诈骗"), ("maochong-kefu", "冒充客服类诈骗"),
         ("xujia-touzi", "虚假投资理财类诈骗"), ("maochong-gongjianfa", "冒充公检法类诈骗"),
         ("youxi-jiaoyi", "网络游戏产品虚假交易类诈骗")]

BOOKLET = """\
---
kind: booklet
id: shouce
title: 防骗手册
subtitle: 识骗防骗
format: {format}
audiences: [全体群众]
scam_types: [{scams}]
letters: [jumin]
creep_mm: 0.5
---
## 写在前面

请把手册读给家中老人听。
"""

LETTER = """\
---
kind: letter
id: jumin
title: 致居民的一封信
audiences: [全体群众]
salutation: 居民朋友们：
---
请留心：

1. **刷单返利**：先垫钱的兼职都是诈骗。
2. **冒充客服**：要您共享屏幕的“客服”是骗子。

遇事拨打110。
"""


def render(project: Project, kinds: tuple[str, ...]):
    checked = pipeline.check(project.root)
    assert not checked.problems.errors, checked.problems.errors
    docs = [d for d in checked.documents if d.material.kind in kinds]
    out = project.root / "out"
    items = build_print_outputs(checked.catalog, checked.editions(), out, checked.problems, WorkerSettings(jobs=1),
                                docs=docs)
    assert not checked.problems.errors, checked.problems.errors
    return {item.variant or "main": item for item in items}, out


def page_texts(pdf: bytes) -> list[str]:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        return [re.sub(r"\s+", "", document[i].get_textpage().get_text_range()) for i in range(len(document))]
    finally:
        document.close()


def halves(pdf: bytes) -> list[tuple[str, str, list[float], list[float]]]:
    """For each sheet side: the text left and right of the fold (the sheet's middle), and the x (pt) of each half's
    characters."""
    import pypdfium2 as pdfium

    out = []
    document = pdfium.PdfDocument(pdf)
    try:
        for index in range(len(document)):
            page = document[index]
            fold = page.get_width() / 2
            text = page.get_textpage()
            sides = {True: ([], []), False: ([], [])}
            for i in range(text.count_chars()):
                char = text.get_text_range(i, 1)
                if not char.strip():
                    continue
                left, _, right, _ = text.get_charbox(i)
                chars, xs = sides[(left + right) / 2 < fold]
                chars.append(char)
                xs.append(left)
            out.append(("".join(sides[True][0]), "".join(sides[False][0]), sides[True][1], sides[False][1]))
    finally:
        document.close()
    return out


def size_mm(box) -> tuple[float, float]:
    return round(float(box.width) / PT_PER_MM, 1), round(float(box.height) / PT_PER_MM, 1)


@pytest.fixture(scope="module")
def booklet(tmp_path_factory):
    project = Project(tmp_path_factory.mktemp("booklet") / "proj")
    for scam_id, title in SCAMS:
        project.scam(scam_id, title)
    project.write("materials/letter/jumin.md", LETTER)
    project.write("materials/booklet/shouce.md", BOOKLET.format(format="A5", scams=", ".join(s for s, _ in SCAMS)))
    items, out = render(project, ("booklet",))
    return items, out, dict(stats)


def test_saddle_order_puts_the_first_and_last_pages_on_the_outer_sheet():
    assert saddle_order(8) == [((8, 1), (2, 7)), ((6, 3), (4, 5))]
    with pytest.raises(ValueError):
        saddle_order(6)


def test_the_reader_booklet_has_cover_contents_chapters_and_back_and_a_multiple_of_four_pages(booklet):
    items, out, made = booklet
    assert made["renders"] == 1 and made["rendered"] == 3  # three files from one layout
    reader = (out / items["main"].file).read_bytes()
    pdf = PdfReader(io.BytesIO(reader))
    texts = page_texts(reader)
    assert len(pdf.pages) % 4 == 0 and items["main"].pages == len(pdf.pages)
    assert all(size_mm(p.trimbox) == (148, 210) and size_mm(p.bleedbox) == (154, 216) for p in pdf.pages)
    assert all(size_mm(p.cropbox) == (148, 210) for p in pdf.pages)  # a screen shows the finished page
    assert "防骗手册" in texts[0] and "测试县公安局" in texts[0] and "2026" in texts[0]
    assert "求助电话" in texts[-1] and "96110" in texts[-1] and "国家反诈中心APP" in texts[-1]
    assert items["main"].preflight == "ok"
    assert all((out / item.preview).is_file() for item in items.values())  # a preview for each file
    # 目录: every chapter with the page it starts on.
    contents = texts[1]
    assert contents.startswith("目录")
    for _, title in SCAMS:
        number = int(re.search(re.escape(title) + r"\.*(\d+)", contents)[1])
        assert texts[number - 1].endswith(str(number))  # its page number, at the foot
        assert title in texts[number - 1] and re.search(r"识别要点", texts[number - 1])
    assert "《致居民的一封信》要点" in "".join(texts) and "先垫钱的兼职都是诈骗" in "".join(texts)
    # Notes pages only where the count needs them, right before the back cover.
    notes = [i for i, t in enumerate(texts) if t.startswith("笔记")]
    assert notes == list(range(len(texts) - 1 - len(notes), len(texts) - 1)) and len(notes) <= 3


def test_the_imposed_booklet_folds_into_the_reader_order(booklet):
    items, out, _ = booklet
    reader = page_texts((out / items["main"].file).read_bytes())
    count = len(reader)
    for variant, sheet in (("imposed-a4", (297, 210)), ("imposed-a3", (420, 297))):
        imposed = (out / items[variant].file).read_bytes()
        pdf = PdfReader(io.BytesIO(imposed))
        assert len(pdf.pages) == count // 2
        assert all(size_mm(p.mediabox) == sheet and size_mm(p.trimbox) == sheet for p in pdf.pages)
        assert items[variant].preflight == "ok"
        marks = pdf.pages[0].get_contents().get_data()
        assert b"1 1 1 1 K" in marks and b"[2 2] 0 d" in marks  # crop marks, and dashed fold marks, in all four inks
        sides = halves(imposed)
        # Fold virtually: sheets stacked outermost first (front side up), folded along the middle. Reading the
        # booklet goes through each sheet's front right and back left from the outside in, then the back right and
        # front left from the inside out.
        sheets = [(sides[2 * s], sides[2 * s + 1]) for s in range(count // 4)]
        order = [half for front, back in sheets for half in (front[1], back[0])]
        order += [half for front, back in reversed(sheets) for half in (back[1], front[0])]
        assert order == reader, variant
    assert "缩印" in items["imposed-a4"].size_name and "缩印" not in items["imposed-a3"].size_name


def test_creep_moves_the_inner_sheets_pages_towards_the_spine(booklet):
    items, out, _ = booklet
    reader = (out / items["main"].file).read_bytes()
    plain, _ = impose(reader, (420, 297), 0.0)
    crept, _ = impose(reader, (420, 297), 2.0)
    sheets = len(PdfReader(io.BytesIO(plain)).pages) // 2
    outer_plain, outer_crept = halves(plain)[0], halves(crept)[0]
    inner_plain, inner_crept = halves(plain)[2 * (sheets - 1)], halves(crept)[2 * (sheets - 1)]
    assert min(outer_crept[3]) == pytest.approx(min(outer_plain[3]), abs=0.01)  # the outermost sheet stays
    # The innermost sheet's right page moves left (to the fold) by 2 mm, its left page right by as much.
    assert min(inner_crept[3]) == pytest.approx(min(inner_plain[3]) - 2 * PT_PER_MM, abs=0.05)
    assert min(inner_crept[2]) == pytest.approx(min(inner_plain[2]) + 2 * PT_PER_MM, abs=0.05)


def test_an_a6_booklet_imposes_two_pages_on_a4_at_full_size(tmp_path):
    project = Project(tmp_path / "proj")
    project.scam()
    project.write("materials/letter/jumin.md", LETTER)
    project.write("materials/booklet/shouce.md", BOOKLET.format(format="A6", scams="shuadan-fanli"))
    items, out = render(project, ("booklet",))
    reader = PdfReader(io.BytesIO((out / items["main"].file).read_bytes()))
    assert size_mm(reader.pages[0].trimbox) == (105, 148) and len(reader.pages) % 4 == 0
    assert "缩印" not in items["imposed-a4"].size_name and items["imposed-a4"].preflight == "ok"


BANNER = """\
---
kind: banner
id: hengfu
title: 横幅
audiences: [全体群众]
size: {size}
text: {text}
---
"""


def test_a_banner_is_a_one_to_ten_pdf_and_a_full_size_cmyk_tiff_both_listed_at_the_real_size(tmp_path):
    project = Project(tmp_path / "proj")
    project.write("materials/banner/hengfu.md", BANNER.format(size="0.7×5", text="刷单就是诈骗，返利都是陷阱"))
    items, out = render(project, ("banner",))
    pdf = PdfReader(out / items["main"].file)
    assert len(pdf.pages) == 1 and size_mm(pdf.pages[0].mediabox) == (500, 70)
    assert items["main"].trim_mm == [5000, 700] and items["tiff"].trim_mm == [5000, 700]
    assert items["main"].scale == 10 and items["main"].preflight == "ok" and items["tiff"].preflight == "ok"
    assert "刷单就是诈骗" in page_texts((out / items["main"].file).read_bytes())[0]
    with Image.open(out / items["tiff"].file) as tiff:
        assert tiff.mode == "CMYK" and tiff.size == (8858, 1240) and round(tiff.info["dpi"][0]) == 45
        # The banner's own inks, not a conversion from RGB: the red cloth is magenta and yellow with 10 % black.
        assert tiff.getpixel((20, 20)) == (0, 255, 255, 26)
        colours = {colour for _, colour in tiff.getcolors(maxcolors=1 << 16) or []}
        assert (0, 0, 0, 0) in colours  # the white letters: no ink
        # The text fills the banner's length: white runs from the left margin to the right one on the middle line.
        row = [tiff.getpixel((x, 620)) == (0, 0, 0, 0) for x in range(tiff.size[0])]
        first, last = row.index(True), len(row) - row[::-1].index(True)
        edge = banner_layout((5000, 700), "")["side"] / 25.4 * 45
        assert edge - 2 <= first < edge + 200 and tiff.size[0] - edge - 200 < last <= tiff.size[0] - edge + 2


def test_a_banner_of_any_size_is_listed_at_its_real_size(tmp_path):
    project = Project(tmp_path / "proj")
    project.write("materials/banner/hengfu.md", BANNER.format(size="\n  width_mm: 12000\n  height_mm: 800",
                                                              text="全民反诈你我同行"))
    items, out = render(project, ("banner",))
    assert size_mm(PdfReader(out / items["main"].file).pages[0].mediabox) == (1200, 80)
    assert items["main"].trim_mm == items["tiff"].trim_mm == [12000, 800] and items["tiff"].preflight == "ok"
    assert "0.8×12 m" in items["main"].size_name


def test_a_banner_line_too_long_for_its_size_is_a_content_error_with_the_limit(tmp_path):
    project = Project(tmp_path / "proj")
    path = project.write("materials/banner/hengfu.md",
                         BANNER.format(size="0.7×5", text="打击电信网络诈骗，建设平安和谐家园，守护百姓的钱袋子"))
    checked = pipeline.check(project.root)
    [error] = [e for e in checked.problems.errors if "横幅" in str(e)]
    text = str(error)
    assert str(path.name) in text and ":7:" in text and "最多 16 个字" in text


def test_every_bundled_banner_slogan_fits_the_eight_and_ten_metre_banners_and_bundled_banners_fit_theirs():
    problems = Problems(REPO)
    catalog = load_catalog(REPO, problems)
    assert not problems.errors
    slogans = [s for s in catalog.slogans if s.collection == "hengfu"]
    assert len(slogans) >= 30
    for slogan in slogans:
        text = slogan.text.replace("{{ unit.region }}", "平安县")
        for size in ("0.9×8", "1×10"):
            layout = banner_layout(BANNER_SIZES[size], text)
            assert layout["font"] >= layout["min_font"], (text, size)
    checked = pipeline.check(REPO)
    banners = [d for d in checked.documents if d.material.kind == "banner" and not d.variant]
    assert len(banners) >= 3 and not [e for e in checked.problems.errors if "banner" in str(e)]


BOARD = """\
---
kind: board
id: zhanban
title: 展板
audiences: [全体群众]
size: 90×60
scam_type: shuadan-fanli
headline: 刷单就是诈骗
---
"""

TENT = """\
---
kind: tent
id: taika
title: 台卡
format: A5
audiences: [全体群众]
---
## 正面提醒

转账之前先核实。

## 背面说明

柜员多问一句是在帮您。
"""


def test_a_board_has_bleed_and_marks_and_a_tent_has_both_faces_upright(tmp_path):
    import pypdfium2 as pdfium

    project = Project(tmp_path / "proj")
    project.scam()
    project.write("materials/board/zhanban.md", BOARD)
    project.write("materials/tent/taika.md", TENT)
    items, out = render(project, ("board", "tent"))
    board = PdfReader(out / "default" / "zhanban.pdf").pages[0]
    assert size_mm(board.trimbox) == (900, 600) and size_mm(board.bleedbox) == (906, 606)
    assert size_mm(board.mediabox) == (922, 622)  # the slug with the crop marks
    assert "识别要点" in page_texts((out / "default" / "zhanban.pdf").read_bytes())[0]
    assert all(item.preflight == "ok" and (out / item.preview).is_file() for item in items.values()), \
        {k: i.preflight for k, i in items.items()}
    tent = PdfReader(out / "default" / "taika.pdf").pages[0]
    assert size_mm(tent.mediabox) == (148, 210)
    document = pdfium.PdfDocument(str(out / "default" / "taika.pdf"))
    try:
        text = document[0].get_textpage()
        height = document[0].get_height()
        chars = [(text.get_text_range(i, 1), text.get_charbox(i)) for i in range(text.count_chars())]
    finally:
        document.close()
    front = [box for char, box in chars if char in "正提醒"]
    back = [box for char, box in chars if char in "背说明"]
    # The front face is the lower half, read left to right; the back the upper half, turned 180°: its heading
    # runs right to left on the sheet, which reads left to right once the card is folded and stands.
    assert all(box[3] < height / 2 for box in front) and all(box[1] > height / 2 for box in back)
    assert [b[0] for b in front] == sorted(b[0] for b in front)
    assert [b[0] for b in back] == sorted((b[0] for b in back), reverse=True)


def test_editions_choose_the_new_products_by_kind():
    problems = Problems(REPO)
    catalog = load_catalog(REPO, problems)
    school = {m.kind for m in edition_materials(catalog, catalog.editions["shiyan-xiaoxue"])}
    bank = {m.kind for m in edition_materials(catalog, catalog.editions["chengguan-zhihang"])}
    assert {"booklet", "banner"} <= school and "tent" not in school
    assert "tent" in bank and "booklet" not in bank
