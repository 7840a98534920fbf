"""Sticker sheets with real WeasyPrint: label positions measured in the PDFs, text fitted or rejected (never clipped),
the three files per sheet, fill/each/repeat, a custom template, a roll label with bleed, and the bundled sheets."""

from __future__ import annotations

import json
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from helpers import build_prints as build, write_print_project
from test_pdf import EDITION as PRINT_EDITION

from fanzha.model.labels import LabelTemplate, label_templates

PT_PER_MM = 72 / 25.4
SLOGANS = """\
---
kind: slogans
id: tz
title: 测试贴纸标语
channels: [贴纸]
---
- 不听不信不转账 {#a}
- 验证码谁要都不给 {#b}
- 96110来电请接听 {#c}
- {{ unit.region }}反诈提醒您 {#d}
- 天上不会掉馅饼 {#e}
"""
CUSTOM = LabelTemplate(name="自定义 2×4", sheet=(100, 150), shape="rect", label=(45, 30), corner=3, columns=2, rows=4,
                       margin=(4, 10.5), pitch=(47, 33), min_font_pt=7)
# An over-long text for a 70×37 mm label: it fits only well below the usual size.
LONG = "接到自称客服、警察、领导的电话，凡是让你转账汇款、提供验证码、下载会议软件共享屏幕的，一律先挂断再核实"


def sticker(id_: str, template: str | LabelTemplate, text: str = "不听 不信 不转账", mode: str = "repeat",
            slogans: str = "", extra: str = "") -> str:
    if isinstance(template, LabelTemplate):
        data = template.model_dump()
        template = "\n" + "".join(f"  {k}: {json.dumps(list(v) if isinstance(v, tuple) else v, ensure_ascii=False)}\n"
                                  for k, v in data.items()).rstrip("\n")
    return (f"---\nkind: stickers\nid: {id_}\ntitle: 测试贴纸{id_}\ntemplate: {template}\nmode: {mode}\n"
            f"text: {text}\nsubtext: 被骗请拨110\n{slogans}{extra}---\n")


TEMPLATE_IDS = {f"t{i}": key for i, key in enumerate(label_templates())}


def write_project(root: Path, materials: dict[str, str]) -> Path:
    return write_print_project(root, {"slogans/tz.md": SLOGANS, **materials}, PRINT_EDITION)


@pytest.fixture(scope="module")
def sheets(tmp_path_factory):
    root = tmp_path_factory.mktemp("stickers")
    materials = {f"stickers/{id_}.md": sticker(id_, key) for id_, key in TEMPLATE_IDS.items()}
    materials["stickers/custom.md"] = sticker("custom", CUSTOM)
    materials["stickers/fill.md"] = sticker("fill", "a4-3x8-70x37", mode="fill",
                                            slogans="slogans: [tz/a, tz/b, tz/c]\n")
    materials["stickers/fill2.md"] = sticker("fill2", "a4-2x5-90x54", mode="fill",
                                             slogans="slogans: [tz/a, tz/d]\nper_slogan: 3\n")
    materials["stickers/each.md"] = sticker("each", "a4-3x7-63.5x38.1", mode="each", slogans="slogans: [tz]\n")
    materials["stickers/long.md"] = sticker("long", "a4-3x8-70x37", text=LONG)
    write_project(root, materials)
    out = root / "out"
    items, problems = build(root, out)
    return {"root": root, "out": out, "problems": problems,
            "items": {(i.material, i.variant): i for i in items}}


def outline_boxes(pdf: Path) -> list[tuple[float, float, float, float]]:
    """(left, top, width, height) in mm from the top-left of the TrimBox, of every path drawn on page 1."""
    document = pdfium.PdfDocument(pdf)
    try:
        page = document[0]
        trim_left, _, _, trim_top = page.get_trimbox()
        boxes = []
        for obj in page.get_objects(max_depth=4):
            if obj.type == pdfium.raw.FPDF_PAGEOBJ_PATH:
                left, bottom, right, top = obj.get_bounds()
                boxes.append(((left - trim_left) / PT_PER_MM, (trim_top - top) / PT_PER_MM,
                              (right - left) / PT_PER_MM, (top - bottom) / PT_PER_MM))
        return sorted(boxes, key=lambda b: (round(b[1], 1), b[0]))
    finally:
        document.close()


def label_texts(pdf: Path, template: LabelTemplate, page_index: int = 0) -> list[str]:
    """The text printed inside each label position of a page, in label order."""
    document = pdfium.PdfDocument(pdf)
    try:
        page = document[page_index]
        trim_left, _, _, trim_top = page.get_trimbox()
        text_page = page.get_textpage()
        out = []
        for x, y in template.positions():
            left, top = trim_left + x * PT_PER_MM, trim_top - y * PT_PER_MM
            right, bottom = left + template.label[0] * PT_PER_MM, top - template.label[1] * PT_PER_MM
            text = text_page.get_text_bounded(left, bottom, right, top)
            out.append("".join(text.split()))
        return out
    finally:
        document.close()


@pytest.mark.parametrize("id_", [*TEMPLATE_IDS, "custom"])
def test_label_positions_in_the_pdf_match_the_template(sheets, id_):
    template = CUSTOM if id_ == "custom" else label_templates()[TEMPLATE_IDS[id_]]
    for variant in ("alignment", "cut-guides"):
        item = sheets["items"][(id_, variant)]
        measured = outline_boxes(sheets["out"] / item.file)
        if variant == "cut-guides":  # the guides are the last paths of each label; keep the label-sized ones
            measured = [b for b in measured
                        if abs(b[2] - template.label[0]) < 0.5 and abs(b[3] - template.label[1]) < 0.5]
        expected = [(x, y, *template.label) for x, y in template.positions()]
        assert len(measured) == len(expected) == template.per_sheet, (variant, len(measured))
        for got, want in zip(measured, expected):
            assert all(abs(g - w) <= 0.2 for g, w in zip(got, want)), (variant, got, want)


@pytest.mark.parametrize("id_", [*TEMPLATE_IDS, "custom"])
def test_three_files_per_sheet_with_the_templates_page_boxes(sheets, id_):
    template = CUSTOM if id_ == "custom" else label_templates()[TEMPLATE_IDS[id_]]
    for variant in ("", "cut-guides", "alignment"):
        item = sheets["items"][(id_, variant)]
        assert item.kind == "stickers" and item.preflight == "ok", item
        assert item.trim_mm == list(template.sheet) and item.bleed_mm == template.bleed
        assert (sheets["out"] / item.preview).is_file()
        page = PdfReader(sheets["out"] / item.file).pages[0]
        trim, bleed = page.trimbox, page.bleedbox
        assert abs(float(trim.width) / PT_PER_MM - template.sheet[0]) <= 0.05
        assert abs(float(trim.height) / PT_PER_MM - template.sheet[1]) <= 0.05
        assert abs(float(bleed.width) / PT_PER_MM - template.sheet[0] - 2 * template.bleed) <= 0.05
        assert abs((float(trim.left) - float(bleed.left)) / PT_PER_MM - template.bleed) <= 0.05
    texts = label_texts(sheets["out"] / sheets["items"][(id_, "")].file, template)
    assert texts == ["不听不信不转账被骗请拨110"] * template.per_sheet
    assert label_texts(sheets["out"] / sheets["items"][(id_, "alignment")].file, template) == [""] * template.per_sheet


def test_roll_template_is_one_label_per_page_with_3mm_bleed(sheets):
    roll = next(id_ for id_, key in TEMPLATE_IDS.items() if key.startswith("roll-"))
    item = sheets["items"][(roll, "")]
    assert item.trim_mm == [70, 37] and item.bleed_mm == 3 and item.pages == 1


def test_fill_shares_the_sheet_and_per_slogan_counts(sheets):
    template = label_templates()["a4-3x8-70x37"]
    texts = label_texts(sheets["out"] / sheets["items"][("fill", "")].file, template)
    assert texts == (["不听不信不转账被骗请拨110"] * 8 + ["验证码谁要都不给被骗请拨110"] * 8
                     + ["96110来电请接听被骗请拨110"] * 8)
    cards = label_templates()["a4-2x5-90x54"]
    texts = label_texts(sheets["out"] / sheets["items"][("fill2", "")].file, cards)
    # Edition variables are filled in; what is left of the sheet stays blank.
    assert texts == ["不听不信不转账被骗请拨110"] * 3 + ["测试县反诈提醒您被骗请拨110"] * 3 + [""] * 4


def test_each_puts_one_slogan_per_label_in_order(sheets):
    template = label_templates()["a4-3x7-63.5x38.1"]
    texts = label_texts(sheets["out"] / sheets["items"][("each", "")].file, template)
    assert texts[:5] == [t + "被骗请拨110" for t in
                         ("不听不信不转账", "验证码谁要都不给", "96110来电请接听", "测试县反诈提醒您",
                          "天上不会掉馅饼")]
    assert texts[5:] == [""] * 16


def char_boxes(pdf: Path) -> list[tuple[str, float, float, float, float, float]]:
    """(char, left, top, right, bottom in mm from the trim's top-left, font size pt) of every drawn character."""
    document = pdfium.PdfDocument(pdf)
    try:
        page = document[0]
        trim_left, _, _, trim_top = page.get_trimbox()
        text_page = page.get_textpage()
        out = []
        for i in range(text_page.count_chars()):
            char = text_page.get_text_range(i, 1)
            if not char.strip():
                continue
            left, bottom, right, top = text_page.get_charbox(i)
            size = pdfium.raw.FPDFText_GetFontSize(text_page.raw, i)
            out.append((char, (left - trim_left) / PT_PER_MM, (trim_top - top) / PT_PER_MM,
                        (right - trim_left) / PT_PER_MM, (trim_top - bottom) / PT_PER_MM, size))
        return out
    finally:
        document.close()


def test_round_label_text_stays_clear_of_the_round_frame(tmp_path):
    """On round labels every character lies inside the circle 5.5 mm within the label's edge: 2 mm clear of the printed
    frame (3 mm in, 0.5 mm wide), as on rectangular labels. The text area had been the square 0.5 mm inside the
    edge, whose corners lie across the frame. Of the square and the 4:3 rectangle inside that circle, a design of two
    short lines and a subtext takes the rectangle, where its type is larger."""
    from fanzha.pdf.stickers import Design, fit_sizes, text_areas, text_padding

    template = label_templates()["a4-round-40-4x6"]
    root = write_project(tmp_path / "p", {"stickers/r.md": sticker("r", "a4-round-40-4x6", text="验证码，谁要都不给")})
    items, problems = build(root, root / "out")
    assert not problems.errors
    boxes = char_boxes(root / "out" / next(i for i in items if i.variant == "").file)
    radius = template.label[0] / 2 - text_padding(template)
    assert text_padding(template) == 5.5
    square, wide = text_areas(template)
    design = Design("验证码，谁要都不给", "被骗请拨110", root, 1)
    in_square, in_wide = (fit_sizes([design], template, area)[design][0] for area in (square, wide))
    assert in_wide > in_square
    # WeasyPrint writes sizes in CSS px (pdfium reads 4/3 of the size in pt).
    assert {round(b[5] * 3 / 4, 2) for b in boxes if b[0] == "验"} == {in_wide}
    for x, y in template.positions():
        cx, cy = x + template.label[0] / 2, y + template.label[1] / 2
        inside = [b for b in boxes if abs(b[1] - cx) < template.label[0] / 2 and abs(b[2] - cy) < template.label[1] / 2]
        assert len(inside) == len("验证码谁要都不给被骗请拨110")
        for _, left, top, right, bottom, _ in inside:
            corners = ((left, top), (right, top), (left, bottom), (right, bottom))
            assert max(((px - cx) ** 2 + (py - cy) ** 2) ** 0.5 for px, py in corners) <= radius + 0.1


def test_over_long_text_is_fitted_smaller_and_stays_inside_every_label(sheets):
    template = label_templates()["a4-3x8-70x37"]
    item = sheets["items"][("long", "")]
    assert item.preflight == "ok" and not item.warnings
    boxes = char_boxes(sheets["out"] / item.file)
    main = [b for b in boxes if b[0] not in "被骗请拨110"]
    short = [b for b in char_boxes(sheets["out"] / sheets["items"][("t0", "")].file) if b[0] in "不听信转账"]
    # Every character of the long text is printed, smaller than the short text's, and at least the minimum size.
    assert len(main) == template.per_sheet * len("".join(LONG.split("，")))
    assert template.min_font_pt <= min(b[5] for b in main) <= max(b[5] for b in main) < min(b[5] for b in short)
    for x, y in template.positions():
        inside = [b for b in boxes if x <= b[1] < x + template.label[0] and y <= b[2] < y + template.label[1]]
        assert inside
        for _, left, top, right, bottom, _ in inside:  # 2.5 mm off the label edge: inside its frame
            assert left >= x + 2.5 and right <= x + template.label[0] - 2.5, (left, right, x)
            assert top >= y + 2.5 and bottom <= y + template.label[1] - 2.5, (top, bottom, y)


def test_text_that_cannot_fit_is_an_error_naming_sheet_text_and_line(tmp_path):
    text = "凡是" + "自称客服让你转账汇款的都是诈骗" * 12
    root = write_project(tmp_path / "p", {"stickers/big.md": sticker("big", "a4-round-40-4x6", text=text),
                                          "stickers/each.md": sticker("each", "a4-3x8-70x37", mode="each",
                                                                      slogans="slogans: [tz/a, tz/b]\n")})
    items, problems = build(root, tmp_path / "out")
    errors = [str(p) for p in problems.errors]
    assert len(errors) == 1, errors
    assert errors[0].startswith("materials/stickers/big.md:7: 贴纸《测试贴纸big》"), errors[0]
    assert text in errors[0] and "最小字号 7 磅" in errors[0] and "缩短" in errors[0]
    assert {i.material for i in items} == {"each"}  # the other sheet is still made


def test_a_slogan_that_cannot_fit_names_the_slogans_line(tmp_path):
    tiny = LabelTemplate(name="小标签", sheet=(50, 20), label=(20, 12), columns=2, rows=1, margin=(4, 4),
                         pitch=(22, 12), min_font_pt=8)
    root = write_project(tmp_path / "p", {"stickers/s.md": sticker("s", tiny, mode="fill",
                                                                   slogans="slogans:\n  - tz/a\n  - tz/b\n")})
    _, problems = build(root, tmp_path / "out")
    errors = [str(p) for p in problems.errors]
    assert any(e.startswith("materials/stickers/s.md:") and "“验证码谁要都不给”" in e for e in errors), errors


def test_overflow_on_any_fixed_size_format_is_an_error(tmp_path):
    """Checked from the laid-out boxes on every build: a card and a poster with too much text fail, naming the box."""
    much = "骗子冒充客服、老师、领导和公检法人员，编造各种理由让你转账汇款。" * 40
    root = write_project(tmp_path / "p", {
        "handout/card.md": (f"---\nkind: handout\nid: card\ntitle: 联系卡\nformat: 名片卡\nsides: 2\n---\n"
                            f"## 正面\n\n{much}\n\n## 背面\n\n被骗请立即拨打110。\n"),
        "poster/p.md": (f"---\nkind: poster\nid: p\ntitle: 海报\nsize: A3\nheadline: 全民反诈\n---\n{much * 4}\n"),
    })
    _, problems = build(root, tmp_path / "out")
    errors = sorted(str(p) for p in problems.errors)
    assert len(errors) == 2, errors
    assert errors[0].startswith("materials/handout/card.md:8: 《联系卡》（default 版）："
                                "名片卡第1面的文字太多，超出了版面")
    assert errors[1].startswith("materials/poster/p.md:8: 《海报》（default 版）：海报版面的文字太多，超出了版面")


BUNDLED = {"kuaidi-wenxin-tishi": "快递温馨提示", "canzhuo-xiaotieshi": "餐桌小贴士", "shouji-beitie": "手机背贴",
           "atm-fangpian-jingshi": "ATM 防骗警示"}


def test_bundled_sheets_are_in_the_manifest_print_centre_and_their_pages(bundled_site):
    items = json.loads((bundled_site / "print" / "manifest.json").read_text("utf-8"))["items"]
    centre = (bundled_site / "print" / "index.html").read_text("utf-8")
    for id_, title in BUNDLED.items():
        files = {i["variant"]: i for i in items if i["material"] == id_ and i["edition"] == "default"}
        assert set(files) == {"", "cut-guides", "alignment"}, (id_, files)
        page = (bundled_site / "stickers" / id_ / "index.html").read_text("utf-8")
        # The page shows a small thumbnail of the sheet that opens the full preview.
        assert f'src="../../print/default/{id_}.thumb.webp"' in page and f'href="../../print/default/{id_}.png"' in page
        assert (bundled_site / "print" / "default" / f"{id_}.thumb.webp").is_file()
        for item in files.values():
            assert item["kind"] == "stickers" and item["preflight"] == "ok" and item["title"].startswith(title)
            assert (bundled_site / item["file"]).is_file() and (bundled_site / item["preview"]).is_file()
            name = item["file"].removeprefix("print/")
            assert f'href="{name}"' in centre and f'href="../../print/{name}"' in page
    round_sheet = next(i for i in items if i["material"] == "shouji-beitie" and i["edition"] == "default")
    assert round_sheet["size_name"] == label_templates()["a4-round-40-4x6"].name


def test_check_command_names_a_text_that_cannot_fit(project):
    """`fanzha check` lays the sheets out too: exit 1, file:line and the fix in Chinese, no traceback."""
    text = "凡是" + "自称客服让你转账汇款的都是诈骗" * 12
    project.write("materials/stickers/big.md", sticker("big", "a4-round-40-4x6", text=text))
    result = project.run("check")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    assert "materials/stickers/big.md:7: 贴纸《测试贴纸big》（default 版）" in output and "缩短这句话" in output


def test_subtext_parts_are_set_apart_by_a_wide_gap(tmp_path):
    """The parts of a sticker's subtext (the unit's 温馨提示, the hotline) stand 0.8 em apart on one line."""
    root = write_project(tmp_path, {"stickers/gap.md": sticker("gap", "a4-2x5-90x54").replace(
        "subtext: 被骗请拨110", "subtext: 测试县提醒 · 被骗请拨110")})
    items, _ = build(root, root / "out")
    document = pdfium.PdfDocument(root / "out" / items[0].file)
    try:
        text_page = document[0].get_textpage()
        text = text_page.get_text_range()
        醒, 被 = (text_page.get_charbox(text.index(ch), loose=True) for ch in "醒被")
        em = 被[2] - 被[0]  # a Chinese character is one em wide
        assert abs(醒[1] - 被[1]) < 0.5  # one line
        assert 被[0] - 醒[2] == pytest.approx(0.8 * em, abs=0.05 * em)
    finally:
        document.close()
