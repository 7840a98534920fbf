"""The print engine, with real WeasyPrint on small projects written here: boxes, fonts, 回执, 两端对齐, glyph
coverage, reproducibility, size, the cache, and text that copies and searches as written."""

from __future__ import annotations

import hashlib
import io
import json
import re
import time
import zipfile
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from fanzha.model.catalog import load_catalog
from fanzha.pdf import WorkerSettings, stats, write_manifest, zip_edition
from fanzha.pdf.layout import finish as finish_module
from fanzha.pdf.preflight import font_issues
from fanzha.problems import Problems

from helpers import REPO, build_prints as build, page_char_rows, write_print_project

PT_PER_MM = 72 / 25.4

EDITION = """\
id: default
unit:
  name: 测试县公安局
  region: 测试县
  signature: |-
    测试县公安局
    测试县反诈中心
date: 2026-11-01
site_url: https://fanzha.example.cn
"""

PARAGRAPH = ("电信网络诈骗的手法不断翻新，骗子常常冒充客服、老师、领导和公检法人员，编造各种理由让你转账汇款，"
             "请大家一定提高警惕，遇到要钱、要验证码、要求保密的情况先停下来，和家人商量，再打电话向本人核实")


def write_project(root: Path, materials: dict[str, str]) -> Path:
    return write_print_project(root, materials, EDITION)


def letter(id_, paragraphs, receipt=True, large=False, extra=""):
    receipt_yaml = ("receipt:\n  statement: 我已认真阅读《测试信》，并与孩子一起学习了防范电信网络诈骗知识。\n"
                    "  fields: [班级, 学生姓名, 家长签字, 联系电话, 日期]\n") if receipt else ""
    body = "\n\n".join(paragraphs)
    return (f"---\nkind: letter\nid: {id_}\ntitle: 致家长的一封测试信\nsalutation: 尊敬的家长朋友们：\n"
            f"large_print: {'true' if large else 'false'}\n{receipt_yaml}---\n{body}\n{extra}")


def poster(id_, size, layout="list"):
    size_yaml = size if isinstance(size, str) else f"\n  width_mm: {size[0]}\n  height_mm: {size[1]}"
    return (f"---\nkind: poster\nid: {id_}\ntitle: 测试海报{id_}\nsize: {size_yaml}\nlayout: {layout}\n"
            f"headline: 全民反诈 你我同行\nsubhead: 不听 不信 不转账\n---\n"
            f"被骗请立即拨打110，接到96110来电请务必接听。\n")


POSTERS = {"p-a3": "A3", "p-a2": "A2", "p-ylb": "易拉宝", "p-x": "X展架", "p-zb": "展板", "p-custom": (500, 700)}


SHORT = [PARAGRAPH + "。", PARAGRAPH + "，" + PARAGRAPH[:40] + "。", "请您阅读后填写下方回执，让孩子交给班主任。"]
LONG = [PARAGRAPH + "，" + PARAGRAPH + "。"] * 5  # ends low on page 1: the 回执 must move


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = tmp_path_factory.mktemp("proj")
    materials = {
        "letter/short.md": letter("short", SHORT),
        "letter/long.md": letter("long", LONG),
        "letter/big.md": letter("big", SHORT[:2], receipt=False, large=True),
        "handout/a5.md": ("---\nkind: handout\nid: a5\ntitle: 测试宣传单\nformat: A5\nsides: 2\n---\n"
                          "## 这些都是骗局\n\n- **刷单**：先垫钱的兼职都是诈骗。\n\n"
                          "## 求助电话\n\n1. 被骗请立即拨打110。\n"),
        "handout/tri.md": ("---\nkind: handout\nid: tri\ntitle: 测试三折页\nformat: 三折页\nsides: 2\n---\n"
                           + "".join(f"## 第{n}栏\n\n第{n}栏的内容。\n\n" for n in "一二三四五六")),
        "handout/card.md": ("---\nkind: handout\nid: card\ntitle: 警民联系卡\nformat: 名片卡\nsides: 2\n---\n"
                            "## 警民联系卡\n\n有困难找民警。\n\n## 防骗提示\n\n被骗请立即拨打110。\n"),
        "form/f.md": ("---\nkind: form\nid: f\ntitle: 测试登记表\norientation: landscape\nheader_fields: [村, 日期]\n"
                      "columns: [序号, 姓名, 签字]\nrows: 5\n---\n**填表说明**：每户填一行。\n"),
    }
    for id_, size in POSTERS.items():
        materials[f"poster/{id_}.md"] = poster(id_, size, "hero" if id_ in ("p-ylb", "p-zb") else "list")
    write_project(root, materials)
    out = root / "out"
    items, problems = build(root, out)
    return {"root": root, "out": out, "items": {i.material: i for i in items}, "problems": problems}


def test_every_output_and_preview(project):
    items = project["items"]
    assert set(items) == {"short", "long", "big", "a5", "tri", "card", "f", *POSTERS}
    for item in items.values():
        assert (project["out"] / item.file).is_file() and (project["out"] / item.preview).is_file()
        assert item.preflight == "ok", (item.material, item.preflight)
        reader = PdfReader(project["out"] / item.file)
        assert len(reader.pages) == item.pages
        assert item.bytes == (project["out"] / item.file).stat().st_size
        assert reader.metadata.title == item.title and reader.metadata.author == "测试县公安局"
        assert reader.trailer["/Root"]["/Lang"] == "zh-CN"
    assert items["tri"].pages == 2 and items["card"].pages == 2 and items["card"].trim_mm == [90, 54]


@pytest.mark.parametrize("material", list(POSTERS) + ["card"])
def test_trim_and_bleed_boxes_and_marks_outside_bleed(project, material):
    item = project["items"][material]
    w, h = item.trim_mm
    assert item.bleed_mm == 3
    for page in PdfReader(project["out"] / item.file).pages:
        trim, bleed, media = page.trimbox, page.bleedbox, page.mediabox
        assert abs(float(trim.width) / PT_PER_MM - w) <= 0.1 and abs(float(trim.height) / PT_PER_MM - h) <= 0.1
        assert abs(float(bleed.width) / PT_PER_MM - (w + 6)) <= 0.1
        assert abs(float(bleed.height) / PT_PER_MM - (h + 6)) <= 0.1
        # Every side: bleed 3 mm outside trim, and the media (with the crop marks) further out still.
        for a, b in zip(trim.lower_left, bleed.lower_left):
            assert abs((float(a) - float(b)) / PT_PER_MM - 3) <= 0.1
        assert float(media.width) > float(bleed.width) + 10


def test_crop_marks_stay_off_the_artwork(project):
    """Render the poster and look at the band between trim and bleed edge: only artwork colour, no black marks."""
    item = project["items"]["p-a3"]
    document = pdfium.PdfDocument(project["out"] / item.file)
    page = document[0]
    scale = 4
    image = page.render(scale=scale).to_pil().convert("RGB")
    left, bottom, right, top = page.get_bleedbox()
    height = page.get_height()
    # Sample the 3 mm bleed strip on the left side, inside the bleed box.
    x0 = int((left + 1) * scale)
    x1 = int((left + 2.5 * PT_PER_MM) * scale)
    y0, y1 = int((height - top) * scale), int((height - bottom) * scale)
    strip = image.crop((x0, y0, x1, y1))
    darkest = min(sum(px) for px in strip.get_flattened_data())
    assert darkest > 150, "something dark (a crop mark) sits on the artwork in the bleed"
    # The marks exist: dark pixels in the slug at the trim line.
    tx = int((page.get_trimbox()[0]) * scale)
    slug = image.crop((tx - 2, 0, tx + 2, int((height - top) * scale) - 4))
    assert min(sum(px) for px in slug.get_flattened_data()) < 200
    document.close()


def test_fonts_embedded_subset_no_type3(project):
    for item in project["items"].values():
        for page in PdfReader(project["out"] / item.file).pages:
            assert font_issues(page) == [], item.material
            fonts = page["/Resources"]["/Font"]
            assert all(str(f.get_object()["/BaseFont"]).split("+")[1].startswith("FZ-") for f in fonts.values())


def _system_glyph_outlines():
    """Embedded font name ("FZ-Sans-Bold") -> a function from a character to its outline in the system font."""
    from fontTools.pens.recordingPen import RecordingPen
    from fontTools.ttLib import TTFont

    from fanzha.pdf.layout.fonts import FACES, face_file

    outlines = {}
    for face in FACES:
        path, number, _ = face_file(face)
        font = TTFont(str(path), fontNumber=number, lazy=True)
        cmap, glyphs = font.getBestCmap(), font.getGlyphSet()

        def outline(char, cmap=cmap, glyphs=glyphs):
            pen = RecordingPen()
            glyphs[cmap[ord(char)]].draw(pen)
            return pen.value
        outlines[face.family.replace(" ", "-") + ("-Bold" if face.weight == 700 else "")] = outline
    return outlines


def test_fonts_are_bare_cff_whose_glyphs_are_the_system_fonts(project):
    """Each font is embedded as a bare CFF (FontFile3 /CIDFontType0C), which a PDF reads by CID: every glyph the page
    shows must be, outline for outline, the system font's glyph of the character its ToUnicode entry names."""
    from fontTools.cffLib import CFFFontSet
    from fontTools.pens.recordingPen import RecordingPen

    system = _system_glyph_outlines()
    checked = 0
    for material in ("short", "a5", "p-a3", "card"):
        for page in PdfReader(project["out"] / project["items"][material].file).pages:
            for ref in page["/Resources"]["/Font"].values():
                font = ref.get_object()
                descendant = font["/DescendantFonts"][0].get_object()
                program = descendant["/FontDescriptor"]["/FontFile3"].get_object()
                assert program["/Subtype"] == "/CIDFontType0C" and descendant["/Subtype"] == "/CIDFontType0"
                cff = CFFFontSet()
                cff.decompile(io.BytesIO(program.get_data()), None)
                top = cff.topDictIndex[0]
                order = top.charset
                assert all(name == f"cid{gid:05d}" for gid, name in enumerate(order) if gid), "charset not identity"
                outline_of = system[str(font["/BaseFont"]).split("+")[1]]
                cmap = font["/ToUnicode"].get_object().get_data().split(b"endcodespacerange")[1]
                for gid, text in re.findall(rb"<([0-9a-f]{4})> <([0-9a-f]{4})>", cmap):
                    char = chr(int(text, 16))
                    if char.isspace():
                        continue
                    pen = RecordingPen()
                    top.CharStrings[order[int(gid, 16)]].draw(pen)
                    assert pen.value == outline_of(char), (material, char)
                    checked += 1
    assert checked > 200


def test_bookmarks_read_without_the_justification_spaces(project):
    outline = PdfReader(project["out"] / project["items"]["short"].file).outline
    assert outline[0].title == "致家长的一封测试信" and outline[1][0].title == "回\u3000执"


def _page_texts(path: Path) -> list[str]:
    return ["".join(p.extract_text().split()) for p in PdfReader(path).pages]


def _colour_operations(path: Path) -> list[tuple[str, tuple[str, ...]]]:
    """(operator, operands) of every colour the pages, and the forms and patterns they draw, set, in order."""
    from fanzha.pdf.preflight import drawn_streams

    out = []
    for page in PdfReader(path).pages:
        for stream, _ in drawn_streams(page):
            data = stream.get_data() if stream is not None else b""
            for match in re.finditer(rb"((?:[-\d.]+\s+)*)(?<![A-Za-z])(rg|RG|g|G|k|K|sc|SC|scn|SCN)(?![A-Za-z])", data):
                out.append((match[2].decode(), tuple(match[1].decode().split())))
    return out


def test_print_colours_are_cmyk_and_text_is_black_ink_alone(project):
    """Every colour the layouts draw with is CMYK (print.css): no RGB colour for the printer to convert, text and
    rules in black ink alone (a four-colour black blurs small type when the plates miss), the QR code's modules too."""
    for material in ("short", "a5", "card", "f", "p-a3", "p-ylb"):
        operations = _colour_operations(project["out"] / project["items"][material].file)
        assert operations and all(op in ("sc", "SC", "scn", "SCN") and len(args) == 4 for op, args in operations), (
            material, [o for o in operations if o[0] not in ("sc", "SC", "scn", "SCN") or len(o[1]) != 4][:5])
    letter = _colour_operations(project["out"] / project["items"]["short"].file)
    assert {args for _, args in letter} == {("0", "0", "0", "1")}  # text, blanks, cut line: black ink
    poster = {args for _, args in _colour_operations(project["out"] / project["items"]["p-a3"].file)}
    assert ("0", "0", "0", "1") in poster and ("1", "1", "1", "1") in poster  # text and QR; crop marks on every plate


def test_preflight_finds_an_rgb_colour():
    """A colour a designer writes in RGB (a layout CSS with #ff0000) is a preflight problem of its page; the
    project's own colours are CMYK (every bundled output passes preflight, test_every_output_and_preview)."""
    from weasyprint import HTML

    from fanzha.pdf.preflight import draws_in_rgb

    rgb = PdfReader(io.BytesIO(HTML(string='<p style="color: #ff0000">红</p>').write_pdf()))
    cmyk = PdfReader(io.BytesIO(HTML(string='<p style="color: device-cmyk(0 1 1 0)">红</p>').write_pdf()))
    assert draws_in_rgb(rgb.pages[0]) and not draws_in_rgb(cmyk.pages[0])


def test_receipt_and_all_fields_on_one_page(project):
    item = project["items"]["short"]
    assert item.pages == 1
    texts = _page_texts(project["out"] / item.file)
    for needle in ("回执", "沿此线剪下", "我已认真阅读", "班级", "学生姓名", "家长签字", "联系电话", "日期"):
        assert needle in texts[0]
    assert not [p for p in project["problems"].warnings if "short.md" in p.path]


def test_long_letter_moves_receipt_to_its_own_page_with_warning(project):
    item = project["items"]["long"]
    texts = _page_texts(project["out"] / item.file)
    last = texts[-1]
    assert item.pages >= 2
    for needle in ("回执", "班级", "学生姓名", "家长签字", "联系电话", "日期", "我已认真阅读"):
        assert needle in last and not any(needle in t for t in texts[:-1] if needle != "日期")
    warnings = [str(p) for p in project["problems"].warnings if p.path.endswith("letter/long.md")]
    assert warnings and "回执" in warnings[0] and "单独" in warnings[0]


def test_receipt_blanks_too_short_to_write_in_are_a_warning_at_the_fields(tmp_path, project):
    """Field names so long that their blanks leave no room to write a phone number by hand (< 40 mm): a warning at
    the receipt's fields line that says how long the blanks are and what to shorten; the letter still prints. The
    fixture's letters, with the usual fields, have no such warning."""
    long_fields = "[学生就读的学校和班级全称, 家长或其他法定监护人签字, 联系电话, 日期]"
    text = letter("wide", SHORT[:1]).replace("[班级, 学生姓名, 家长签字, 联系电话, 日期]", long_fields)
    root = write_project(tmp_path, {"letter/wide.md": text})
    items, problems = build(root, root / "out")
    assert len(items) == 1 and not problems.errors
    fields_line = text.split("\n").index(f"  fields: {long_fields}") + 1
    [warning] = [p for p in problems.warnings if "填写栏" in p.message]
    assert warning.path.endswith("letter/wide.md") and warning.line == fields_line
    assert re.search(r"最短只有 \d+ 毫米", warning.message) and "改短" in warning.fix
    assert not [p for p in project["problems"].warnings if "填写栏" in p.message]


def _rows(path: Path) -> list[list[tuple[float, float, str]]]:
    """The lines of every page, top to bottom, each as its characters' (left, right, char), left to right, from the
    PDF's character boxes; white space left out."""
    document = pdfium.PdfDocument(path)
    out = []
    for index in range(len(document)):
        text_page = document[index].get_textpage()
        rows: dict[int, list] = {}
        for i in range(text_page.count_chars()):
            ch = text_page.get_text_range(i, 1)
            if not ch.strip():
                continue
            left, bottom, right, _ = text_page.get_charbox(i, loose=True)
            rows.setdefault(round(bottom), []).append((left, right, ch))
        out += [sorted(chars) for _, chars in sorted(rows.items(), reverse=True)]
    document.close()
    return out


def _lines(path: Path):
    """Lines of text on each page as (first char, last char, left, right) from the PDF's character boxes."""
    return [(chars[0][2], chars[-1][2], chars[0][0], chars[-1][1]) for chars in _rows(path)]


def justification(path: Path, left_mm=20, right_mm=20, page_w=210):
    """(share of non-final body lines that stop short of the right margin, their count, lines that start with
    punctuation 禁则 forbids there). A line is a paragraph end when it ends a sentence (。！？：；); centred and
    right-aligned lines (title, 落款) are not body lines."""
    right_edge = (page_w - right_mm) * PT_PER_MM
    lines = _lines(path)
    body = [ln for ln in lines if ln[2] < (left_mm + 14) * PT_PER_MM and ln[0] != "✂"]
    nonfinal = [ln for ln in body if ln[1] not in "。！？：；”」）"]
    short = [ln for ln in nonfinal if ln[3] < right_edge - 1.0]
    forbidden = [ln for ln in lines if ln[0] in "。，、；：？！）」』》"]
    return len(short) / max(1, len(nonfinal)), len(nonfinal), forbidden


def test_chinese_paragraphs_are_justified_and_keep_line_start_rules(project):
    share, count, forbidden = justification(project["out"] / project["items"]["long"].file)
    assert count >= 12
    assert share <= 0.05
    assert forbidden == []


def test_bundled_letters_are_justified(tmp_path):
    letters = {f"letter/{p.name}": p.read_text("utf-8") for p in (REPO / "materials" / "letter").glob("*.md")}
    if not letters:
        pytest.skip("no bundled letters")
    root = write_project(tmp_path / "p", letters)
    items, _ = build(root, tmp_path / "out")
    total_short = total = 0
    for item in items:
        share, count, forbidden = justification(tmp_path / "out" / item.file)
        total_short += share * count
        total += count
        assert forbidden == [], item.material
    assert total > 15 and total_short / total <= 0.05


def test_large_print_body_is_at_least_16pt(project):
    document = pdfium.PdfDocument(project["out"] / project["items"]["big"].file)
    text_page = document[0].get_textpage()
    sizes = [pdfium.raw.FPDFText_GetFontSize(text_page.raw, i) for i in range(60, 120)
             if text_page.get_text_range(i, 1).strip()]
    document.close()
    assert sizes and min(sizes) >= 15.9


def test_missing_glyph_is_an_error_naming_char_material_and_line(tmp_path):
    root = write_project(tmp_path / "p",
                         {"letter/x.md": letter("x", ["第一段。", "这里有个表情😀，印不出来。"], receipt=False)})
    items, problems = build(root, tmp_path / "out")
    errors = [str(p) for p in problems.errors]
    assert len(errors) == 1, errors
    assert "materials/letter/x.md:10:" in errors[0] and "😀" in errors[0] and "U+1F600" in errors[0]
    assert items == []


def test_identical_inputs_give_identical_bytes_and_cache_skips(project, tmp_path):
    out = tmp_path / "again"
    items, _ = build(project["root"], out)
    before = {i.material: i.sha256 for i in items}
    assert before == {m: i.sha256 for m, i in project["items"].items()}
    for item in items:
        assert hashlib.sha256((out / item.file).read_bytes()).hexdigest() == item.sha256
    again, _ = build(project["root"], out)
    assert stats["rendered"] == 0  # how fast a no-op rebuild is lives in scripts/bench.py, not here
    assert [i.sha256 for i in again] == [i.sha256 for i in items]


def test_one_page_letter_is_small(project):
    """60 KB and the press's colour profile, which every print file embeds once as its PDF/X output intent."""
    item = project["items"]["short"]
    reader = PdfReader(project["out"] / item.file)
    profile = reader.trailer["/Root"]["/OutputIntents"][0].get_object()["/DestOutputProfile"].get_object()
    assert item.pages == 1 and item.bytes - len(profile.get_data()) <= 60 * 1024


def test_manifest_and_deterministic_zip(project):
    out = project["out"]
    items = list(project["items"].values())
    write_manifest(items, out / "manifest.json")
    data = json.loads((out / "manifest.json").read_text("utf-8"))
    row = data["items"][0]
    for key in ("file", "material", "kind", "title", "edition", "trim_mm", "bleed_mm", "pages", "bytes", "sha256",
                "preflight"):
        assert key in row
    assert row["file"].startswith("print/default/")
    first = zip_edition(out, "default").read_bytes()
    time.sleep(1.1)
    (out / "default-全部印刷文件.zip").unlink()
    assert zip_edition(out, "default").read_bytes() == first
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert len([n for n in archive.namelist() if n.endswith(".pdf")]) == len(items)


def test_list_poster_text_starts_below_the_band(project):
    """A list poster with text only (no scam cards, slogans or photo): its text starts below the red band of the
    head, not on the band's edge."""
    document = pdfium.PdfDocument(project["out"] / project["items"]["p-a3"].file)
    page = document[0]
    trim_left, _, trim_right, trim_top = page.get_trimbox()
    # The band: of the fills across the whole width from the top (the band, the page's background), the shorter.
    band_bottom = max(bottom for obj in page.get_objects() if obj.type == pdfium.raw.FPDF_PAGEOBJ_PATH
                      for left, bottom, right, top in [obj.get_bounds()]
                      if left <= trim_left and right >= trim_right and top >= trim_top)
    text_page = page.get_textpage()
    text = text_page.get_text_range()
    body_top = text_page.get_charbox(text.index("被骗请立即拨打110，"))[3]
    document.close()
    assert body_top < band_bottom - 2  # pt


def test_qr_code_points_at_the_material_page(project):
    item = project["items"]["p-a3"]
    assert b"/Subtype /Image" not in (project["out"] / item.file).read_bytes()  # vector, not a bitmap


def test_a_face_is_declared_and_subset_only_where_the_markup_uses_it(project):
    """No layout sets text in 宋体 today: a letter neither declares FZ Serif nor pays for its subset, while markup that
    asks for it (class "serif") gets it."""
    from fanzha.pdf import collect_documents
    from fanzha.pdf.layout.fonts import font_files, font_resources, font_sources
    from fanzha.pdf.html import document_html

    catalog = load_catalog(project["root"], Problems(project["root"]))
    doc = next(d for d in collect_documents(catalog, [catalog.editions["default"]], Problems(project["root"]))
               if d.material.id == "short")
    html = document_html(doc)
    assert "FZ Sans" in html and "FZ Serif" not in html
    assert set(font_resources(html, font_sources(), font_files())) == {"fonts/sans.otf", "fonts/sans-bold.otf"}
    serif = next(s for s in font_sources() if s.family == "FZ Serif")
    assert serif.used_by('<div class="letter serif">') and not serif.used_by('<div class="letter">')
    serif_html = html.replace('<div class="letter">', '<div class="letter serif">').replace(
        "<style>", f'<style>\n@font-face {{ font-family: "FZ Serif"; src: url("{serif.url_name}"); }}')
    assert serif.url_name in font_resources(serif_html, font_sources(), font_files())
    for page in PdfReader(project["out"] / project["items"]["short"].file).pages:
        assert not any("Serif" in str(f.get_object()["/BaseFont"]) for f in page["/Resources"]["/Font"].values())
    # The base template declares a face when the body asks for it.
    from fanzha.pdf.html import environment

    layout = environment.from_string(
        '{% extends "base.html.j2" %}{% block body %}<p class="serif">字</p>{% endblock %}')
    context = {"kind": "letter", "title": "", "author": "", "subject": "", "date": "2026-11-01"}
    declared = layout.render(doc=context, page=doc.page, fonts=font_sources(), version="")
    assert f'url("{serif.url_name}")' in declared and 'url("fonts/sans.otf")' in declared


def test_list_numbers_keep_their_space_before_the_text(project):
    """A list number ("1." and an en space) stands apart from the item's text."""
    document = pdfium.PdfDocument(project["out"] / project["items"]["a5"].file)
    text_page = document[0].get_textpage()
    chars = [text_page.get_text_range(i, 1) for i in range(text_page.count_chars())]
    number = next(i for i in range(1, len(chars)) if chars[i - 1:i + 1] == ["1", "."])
    _, dot_bottom, dot_right, dot_top = text_page.get_charbox(number)
    text_left, text_bottom, text_right, text_top = text_page.get_charbox(chars.index("被"))
    assert dot_bottom < text_top and text_bottom < dot_top  # on one line
    assert text_left - dot_right >= 0.3 * (text_right - text_left)
    document.close()


def test_list_markers_are_text_and_items_line_up(tmp_path):
    """List numbers and bullets are written into the text (cjk.ListMarkers), not laid out as ::marker boxes: each
    item's text starts where its other lines start, whatever its number (1. … 10., start="8"), in a loose item (its
    number in its first paragraph) and after a bullet; numbers of one and two digits end in line."""
    from fanzha.text.cjk import space_html
    from fanzha.pdf.layout.boxes import boxes as _boxes
    from fanzha.pdf.typeset import lay_out

    assert space_html('<ol start="9">\n<li>九</li>\n<li class="x">十<ul><li>子</li></ul></li></ol><li>孤</li>') == (
        '<ol start="9">\n<li>9.\u2002九</li>\n<li class="digits-2 x">10.\u2002十<ul><li>•子</li></ul></li></ol>'
        '<li>•孤</li>')
    assert space_html("<ol>\n<li>\n<p>甲</p>\n<p>乙</p>\n</li>\n</ol>") == (
        "<ol>\n<li>\n<p>1.\u2002甲</p>\n<p>乙</p>\n</li>\n</ol>")

    marks = "甲乙丙丁戊己庚辛壬癸"
    numbered = "".join(f"{n}. {mark}{PARAGRAPH}。\n" for n, mark in enumerate(marks, 1))
    loose = f"8. 鼠{PARAGRAPH}。\n\n    牛{PARAGRAPH}。\n\n9. 虎{PARAGRAPH[:20]}。\n"
    bullets = f"- 兔{PARAGRAPH}。\n- 龙{PARAGRAPH[:20]}。\n"
    root = write_project(tmp_path, {"letter/lists.md": letter("lists", [numbered, "列表之间的一段。", loose, bullets],
                                                              receipt=False)})
    items, _ = build(root, root / "out")
    document = pdfium.PdfDocument(root / "out" / items[0].file)
    boxes, text = [], ""
    for page in document:
        text_page = page.get_textpage()
        text += text_page.get_text_range()
        boxes += [text_page.get_charbox(i, loose=True) for i in range(text_page.count_chars())]
    document.close()

    def next_line_start(index: int) -> int:
        """The first character on the line after the one of character `index`."""
        return next(i for i in range(index + 1, len(text)) if boxes[i][3] < boxes[index][1] and text[i].strip())

    for mark in marks + "鼠兔":
        first = text.index(mark)
        assert boxes[first][0] == pytest.approx(boxes[next_line_start(first)][0], abs=0.05), mark
    for mark in marks:  # number and en space before the text
        first = text.index(mark)
        assert text[first - 1] in "\u2002 " and text[first - 2] == "." and text[first - 3].isdigit(), mark
    assert text.index("10.") < text.index("癸")
    dots = [boxes[text.index(mark) - 2][2] for mark in marks]
    assert max(dots) - min(dots) < 0.05
    assert boxes[text.index("牛")][0] == pytest.approx(boxes[text.index("鼠")][0], abs=0.05)
    assert text[text.index("鼠") - 3:text.index("鼠")].startswith("8.") and text[text.index("虎") - 3] == "9"
    assert text[text.index("兔") - 1] == "•"

    # And no ::marker box is laid out, which is what the markers as text are for (~0.4 ms each).
    from fanzha.pdf import collect_documents
    from fanzha.pdf.layout.fonts import font_files, font_resources, font_sources
    from fanzha.pdf.html import document_html, stylesheets

    catalog = load_catalog(root, Problems(root))
    doc = collect_documents(catalog, [catalog.editions["default"]], Problems(root))[0]
    html = document_html(doc)
    laid_out = lay_out(html, {**stylesheets(), **font_resources(html, font_sources(), font_files())})
    assert not [box for page in laid_out.pages for box in _boxes(page._page_box)
                if getattr(box, "pseudo_type", None) == "marker"]


# Text as a reader extracts it: the spaces that take no room (beside quotation marks, fanzha/text/cjk.py) are drawn as
# space glyphs, which the finisher takes out of the content streams; the spaces an author typed stay.

TYPED = "国家反诈中心 APP 开启来电预警"
FADED = "这一段半透明的文字画在表单对象里"  # with opacity WeasyPrint draws it in a form XObject
STICKER = ("---\nkind: stickers\nid: s\ntitle: 测试贴纸\ntemplate: a4-3x8-70x37\nmode: repeat\ntext: 不听 不信 不转账\n"
           "subtext: 被骗请拨110\n---\n")


@pytest.fixture(scope="module")
def spaced(tmp_path_factory):
    """A small project rendered twice, in this process: as the build does, and without taking the spaces out."""
    root = tmp_path_factory.mktemp("spaced")
    write_project(root, {
        "letter/short.md": letter("short", SHORT),
        "letter/typed.md": letter("typed", [f"请在手机上安装：{TYPED}。", f"{FADED}。"], receipt=False),
        "handout/a5.md": ("---\nkind: handout\nid: a5\ntitle: 测试宣传单\nformat: A5\nsides: 2\n---\n"
                          "## 这些都是骗局\n\n- **刷单返利**：先垫钱的兼职都是诈骗。\n\n"
                          "## 求助电话\n\n被骗请立即拨打110。\n"),
        "stickers/s.md": STICKER,
    })
    out = {}
    for strip in (True, False):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(finish_module, "UNSPACE_TEXT", strip)
            items, _ = build(root, root / f"out-{strip}", WorkerSettings(jobs=1))
        out[strip] = {(i.material, i.variant): root / f"out-{strip}" / i.file for i in items}
    assert out[True].keys() == out[False].keys() and len(out[True]) == 6  # the sticker sheet makes three files
    return out


def _pdfium_texts(path: Path) -> list[str]:
    document = pdfium.PdfDocument(path)
    try:
        return [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()


def _unbroken(text: str) -> str:
    """The text without its line breaks, and nothing else taken out."""
    return text.replace("\r", "").replace("\n", "")


def test_text_extracts_as_it_reads(spaced):
    path = spaced[True][("short", "")]
    pdfium_text = _unbroken("".join(_pdfium_texts(path)))
    pypdf_text = _unbroken("".join(page.extract_text() for page in PdfReader(path).pages))
    for text in (pdfium_text, pypdf_text):
        for paragraph in SHORT:
            assert paragraph in text
        assert not any(ch in text for ch in "\x01\u200b")
        assert not re.search(r"[\u4e00-\u9fff][ \x01\u200b]+[\u4e00-\u9fff]", text)

    document = pdfium.PdfDocument(path)
    try:
        search = document[0].get_textpage().search("电信网络诈骗")
        assert search.get_next() is not None
    finally:
        document.close()


def test_typed_spaces_stay_and_text_in_a_form_xobject_loses_its_spaces(spaced, tmp_path):
    path = spaced[True][("typed", "")]
    pdfium_text = _unbroken("".join(_pdfium_texts(path)))
    pypdf_text = _unbroken("".join(page.extract_text() for page in PdfReader(path).pages))
    for text in (pdfium_text, pypdf_text):
        assert TYPED in text and FADED in text
    # A material's style attribute is taken out by the allowlist; a layout's CSS may still make a form XObject (an
    # opacity), and the spaces of the text drawn in it go too.
    from fanzha import pipeline
    from fanzha.pdf.executor import make_task, run_task
    from fanzha.pdf.html import stylesheets

    root = next(folder for folder in path.parents if (folder / "materials").is_dir())
    doc = next(d for d in pipeline.check(root).documents if d.material.id == "typed")
    html = doc.html.replace("</head>", "<style>.justify p:last-of-type { opacity: 0.6 }</style></head>")
    faded = tmp_path / "faded.pdf"
    faded.write_bytes(run_task(make_task("f" * 64, doc.key, html, doc.page, stylesheets(), preview=False))
                      .typeset.pdf)
    assert FADED in _unbroken("".join(_pdfium_texts(faded)))
    forms = [x.get_object() for x in PdfReader(faded).pages[0]["/Resources"]["/XObject"].values()]
    assert any(x["/Subtype"] == "/Form" and b"TJ" in x.get_data() for x in forms)


def test_taking_the_spaces_out_moves_nothing(spaced):
    """Every page rendered by pdfium with and without the space glyphs: the same pixels, but for anti-aliasing noise
    (a glyph moves by a rounding error, at most 0.0005/1000 em, which can tip an edge pixel)."""
    from PIL import ImageChops

    for key, path in spaced[True].items():
        with_spaces, without = pdfium.PdfDocument(spaced[False][key]), pdfium.PdfDocument(path)
        try:
            assert len(with_spaces) == len(without)
            for index in range(len(without)):
                before = with_spaces[index].render(scale=2).to_pil().convert("RGB")
                after = without[index].render(scale=2).to_pil().convert("RGB")
                red, green, blue = ImageChops.difference(before, after).split()
                histogram = ImageChops.lighter(ImageChops.lighter(red, green), blue).histogram()
                assert max(level for level, count in enumerate(histogram) if count) <= 40, (key, index)
                assert sum(histogram[1:]) < 0.0001 * before.width * before.height, (key, index)
        finally:
            with_spaces.close()
            without.close()


def test_tj_arrays_it_cannot_read_for_sure_stay_as_they_are():
    unspace = finish_module.unspace_chunks
    fonts = {"F": {1: 224.0}}
    line = [b"BT", b"1 0 0 -1 10 20 Tm", b"/F 12 Tf", b"[<0085><>114.68690904248236<0001>109<00b1><0001>] TJ", b"ET"]
    # The collapsed space becomes the number -224, merged with its neighbours; the typed one (full advance) stays.
    assert unspace(line, fonts)[3] == b"[<0085>-0.313<00b10001>] TJ"
    assert unspace(["BT", "/F 12 Tf", "[<0085>100<0001>124<00b1>] TJ"], fonts)[2] == b"[<008500b1>] TJ"
    for chunks in (
        [b"BT", b"/G 12 Tf", line[3]],  # a font without a known space glyph
        [b"/F 12 Tf", b"BT", line[3]],  # no Tf in this text object
        [b"BT", b"/F 12 Tf", b"[(a)<0085>114<0001>110<00b1>] TJ"],  # a literal string
        [b"BT", b"/F 12 Tf", b"[<085>114<0001>110<00b1>] TJ"],  # not 2-byte codes
        [b"BT", b"/F 12 Tf", b"[<0085>1e2<0001>110<00b1>] TJ"],  # not a PDF number
        [b"BT", b"/F 12 Tf", b"[<0085>114-10<0001>110<00b1>] TJ"],  # two numbers run together
        [b"1 Tc", b"BT", b"/F 12 Tf", line[3]],  # character spacing: a glyph advances by more than its width
        [*line, b"BI", b"/W", 1, b"/H", 1, b"ID", b"\x00BT", b"EI"],  # an inline image: its data are chunks too
    ):
        assert unspace(chunks, fonts) == chunks, chunks


def test_page_numbers_keep_their_spaces(project):
    """"2 / 2" in the page foot: the spaces of generated content are not spaces that take no room."""
    document = pdfium.PdfDocument(project["out"] / project["items"]["long"].file)
    assert document[1].get_textpage().get_text_range().rstrip().endswith("2 / 2")
    document.close()


def test_print_text_carries_no_spaces_between_chinese_characters(project):
    """No text of the print HTML has spaces between its Chinese characters, justified or not (justify.py letter-spaces
    the laid-out lines); the title's joiners, which keep its words whole, draw nothing."""
    from fanzha.pdf import collect_documents
    from fanzha.text.cjk import JOINER
    from fanzha.pdf.html import document_html

    problems = Problems(project["root"])
    catalog = load_catalog(project["root"], problems)
    doc = next(d for d in collect_documents(catalog, [catalog.editions["default"]], problems)
               if d.material.id == "short")
    html = document_html(doc)
    for plain in ('<h1 class="title">致家长的一封测试信</h1>', "尊敬的家长朋友们：", "<p>测试县反诈中心</p>",
                  "学生姓名："):
        assert plain in html.replace(JOINER, "")
    assert "电信网络诈骗" in html and "我已认真阅读" in html
    assert not re.search(r"[\u4e00-\u9fff] [\u4e00-\u9fff]", html)


def _render_inputs(project, ids=None) -> list:
    """(doc, html, resources) of each document of the project's default edition (those in `ids`), as typeset_pdf
    takes them."""
    from fanzha.pdf import collect_documents
    from fanzha.pdf.layout.fonts import font_files, font_resources, font_sources
    from fanzha.pdf.html import document_html, stylesheets

    problems = Problems(project["root"])
    catalog = load_catalog(project["root"], problems)
    css = stylesheets()
    out = []
    for doc in collect_documents(catalog, [catalog.editions["default"]], problems):
        if ids is None or doc.material.id in ids:
            html = document_html(doc)
            out.append((doc, html, {**css, **font_resources(html, font_sources(), font_files())}))
    return out


def test_a_layout_stylesheet_that_imports_another_still_applies(project):
    """Layout CSS is parsed once per process, except a sheet with @import (or @font-face), which loads other files
    as it is parsed: the document then loads it itself, and what it imports applies."""
    from fanzha.pdf.layout.boxes import element_boxes as _element_boxes
    from fanzha.pdf.typeset import lay_out

    [(_, html, resources)] = _render_inputs(project, {"short"})

    def title_colour(resources):
        page = lay_out(html, resources).pages[0]
        return next(_element_boxes(page, lambda e: e.tag == "h1")).style["color"]

    plain = title_colour(resources)
    resources["letter.css"] = b'@import "red.css";\n' + resources["letter.css"]
    resources["red.css"] = b".title { color: #ff0000; }"
    red = title_colour(resources)
    assert tuple(red.coordinates) == (1, 0, 0) and tuple(plain.coordinates) != (1, 0, 0)


def test_form_blanks_share_a_row_and_line_up(tmp_path):
    """Header blanks sit side by side, two a row on a portrait form; in a column, the labels end (and the blanks
    start) at one x, whatever the labels' lengths."""
    root = write_project(tmp_path, {"form/p.md": "---\nkind: form\nid: p\ntitle: 回执统计表\n"
                                                 "header_fields: [学校, 日期, 统计人]\ncolumns: [序号, 班级]\n"
                                                 "rows: 3\n---\n"
                                                 "每班填一行。\n"})
    items, _ = build(root, root / "out")
    document = pdfium.PdfDocument(root / "out" / items[0].file)
    text_page = document[0].get_textpage()
    chars = [text_page.get_text_range(i, 1) for i in range(text_page.count_chars())]
    box = {ch: text_page.get_charbox(chars.index(ch)) for ch in "校日人"}
    _, school_bottom, school_right, school_top = box["校"]
    date_left, date_bottom, _, date_top = box["日"]
    assert school_bottom < date_top and date_bottom < school_top and date_left > school_right
    colons = [text_page.get_charbox(i)[2] for i, ch in enumerate(chars) if ch == "："]
    assert len(colons) == 3 and abs(colons[0] - colons[2]) < 0.5  # 学校： and 统计人： end at one x
    assert abs(box["校"][2] - box["人"][2]) < 0.5
    document.close()


def _rules(pdf: bytes, page_index: int) -> list[tuple[float, float, float]]:
    """The horizontal rules a page draws (paths at most 1.5 pt high and 10 mm long), as (left, right, y) in pt, top
    to bottom, left to right."""
    import pypdfium2.raw as pdfium_c

    document = pdfium.PdfDocument(pdf)
    rules = []
    for path in document[page_index].get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH]):
        left, bottom, right, top = path.get_bounds()
        if top - bottom <= 1.5 and right - left >= 10 * PT_PER_MM:
            rules.append((round(left, 2), round(right, 2), round((top + bottom) / 2, 2)))
    document.close()
    return sorted(rules, key=lambda rule: (-rule[2], rule[0]))


def _colon_ends(pdf: bytes, page_index: int) -> list[float]:
    """The right edge of every full-width colon on a page, in pt."""
    document = pdfium.PdfDocument(pdf)
    text_page = document[page_index].get_textpage()
    out = [round(text_page.get_charbox(i)[2], 2)
           for i in range(text_page.count_chars()) if text_page.get_text_range(i, 1) == "："]
    document.close()
    return out


def test_receipt_blanks_are_ruled_alike_and_line_up(tmp_path):
    """The 回执's fields, two a line: each blank a rule of one length (writable: ≥ 50 mm), the lines 10 mm apart, the
    labels of a column ending (and its blanks starting) at one x, whatever the labels' lengths, an ASCII one with a
    space included; a line of one field has the blank of the others. The cut line: a dash either side of 沿此线剪下,
    alike, from the scissors to the right margin. Printed names (a merged letter) move no blank."""
    from fanzha.pdf import collect_documents
    from fanzha.pdf.layout.fonts import font_files, font_resources, font_sources
    from fanzha.pdf.html import template_html, stylesheets
    from fanzha.pdf.typeset import typeset_pdf

    fields = "[班级, QQ 号, 家长签字, 联系电话, 日期]"
    root = write_project(tmp_path, {"letter/r.md": letter("r", SHORT[:1]).replace(
        "[班级, 学生姓名, 家长签字, 联系电话, 日期]", fields)})
    problems = Problems(root)
    catalog = load_catalog(root, problems)
    [doc] = collect_documents(catalog, [catalog.editions["default"]], problems)
    students = [{"filled": {"班级": "七年级（12）班", "QQ 号": "12345678"}}, {"filled": {}}]
    html = template_html("letters-merged.html.j2", doc.page, {**doc.context, "students": students}, font_sources())
    resources = {**stylesheets(), **font_resources(html, font_sources(), font_files())}
    rendered = typeset_pdf(doc.page, html, b"t", resources)
    pdf = rendered.pdf
    assert rendered.overfilled == []

    filled, empty = _rules(pdf, 0), _rules(pdf, 1)
    assert filled == empty
    dashes, blanks = empty[:2], empty[2:]
    assert len(blanks) == 5
    lengths = {round(right - left, 1) for left, right, _ in blanks}
    assert len(lengths) == 1 and lengths.pop() >= 50 * PT_PER_MM
    rows = sorted({y for _, _, y in blanks}, reverse=True)
    assert len(rows) == 3 and all(abs(a - b - 10 * PT_PER_MM) < 0.5 for a, b in zip(rows, rows[1:]))
    first, second = [blank[0] for blank in blanks[0::2]], [blank[0] for blank in blanks[1::2]]
    assert max(first) - min(first) < 0.3 and max(second) - min(second) < 0.3

    colons = _colon_ends(pdf, 1)[-5:]  # the fields' labels, after the salutation's
    assert max(colons[0::2]) - min(colons[0::2]) < 0.3 and max(colons[1::2]) - min(colons[1::2]) < 0.3
    assert all(0 < blank[0] - colon < 5 * PT_PER_MM for blank, colon in zip(blanks, colons))

    (left_dash, right_dash) = dashes
    assert left_dash[2] == right_dash[2] and abs((left_dash[1] - left_dash[0]) - (right_dash[1] - right_dash[0])) < 0.3
    assert abs(right_dash[1] - (210 - 20) * PT_PER_MM) < 1 and left_dash[0] < 30 * PT_PER_MM  # bounds: ± half a stroke


def test_a_document_sees_no_font_but_its_own(project):
    """Each document starts from an empty Fontconfig configuration: a character its subset fonts lack (the build
    reports it before rendering) is never drawn from a font installed on this machine. WeasyPrint's default
    configuration would take it from a system font, here Noto Sans CJK; this checks the render itself."""
    from weasyprint.text.fonts import FontConfiguration

    from fanzha.pdf.typeset import document_fonts_class, typeset_pdf

    [(doc, html, resources)] = _render_inputs(project, {"short"})
    stray = html.replace("尊敬的家长朋友们", "尊敬的家长朋友们鑫", 1)  # 鑫 is in no letter of the fixture
    assert "鑫" not in html and "鑫" in stray
    reader = PdfReader(io.BytesIO(typeset_pdf(doc.page, stray, b"test", resources).pdf))
    fonts = {str(font["/BaseFont"]) for font in reader.pages[0]["/Resources"]["/Font"].values()}
    assert fonts and all(name.split("+", 1)[1].startswith("FZ-Sans") for name in fonts), fonts
    # The configuration is WeasyPrint's with another starting point: it sets every attribute WeasyPrint's does.
    assert set(vars(document_fonts_class()())) == set(vars(FontConfiguration()))


def test_a_name_too_long_for_its_blank_is_reported(project):
    """What a merged letter prints in a 回执 blank sits in a box of no width: a value that runs past the blank's rule
    (into the next field) is reported, one that fits is not."""
    from fanzha.pdf.layout.fonts import font_files, font_resources, font_sources
    from fanzha.pdf.html import template_html, stylesheets
    from fanzha.pdf.typeset import typeset_pdf

    [(doc, _, _)] = _render_inputs(project, {"short"})
    long_class = "平安县实验小学南校区二〇二六级七年级（12）班"
    students = [{"filled": {"班级": long_class, "学生姓名": "欧阳明月"}}]
    html = template_html("letters-merged.html.j2", doc.page, {**doc.context, "students": students}, font_sources())
    resources = {**stylesheets(), **font_resources(html, font_sources(), font_files())}
    rendered = typeset_pdf(doc.page, html, b"t", resources)
    assert rendered.overfilled == [long_class]


def test_long_lived_objects_leave_full_collections_and_no_document_stays(project, monkeypatch):
    """From a process's second render on, what outlives every render is frozen out of the garbage collector's full
    collections; no laid-out document is frozen with it: every one is freed."""
    import gc
    import weakref

    from fanzha.pdf import typeset

    [(doc, html, resources)] = _render_inputs(project, {"short"})
    documents = []
    lay_out = typeset.lay_out

    def kept_track_of(*args, **kwargs):
        document = lay_out(*args, **kwargs)
        documents.append(weakref.ref(document))
        return document

    monkeypatch.setattr(typeset, "lay_out", kept_track_of)
    monkeypatch.setattr(typeset, "renders_in_process", 0)
    gc.unfreeze()
    try:
        typeset.typeset_pdf(doc.page, html, b"t", resources)
        assert gc.get_freeze_count() == 0
        for _ in range(2):
            typeset.typeset_pdf(doc.page, html, b"t", resources)
        assert gc.get_freeze_count() > 0
        gc.collect()
        assert len(documents) == 3 and all(ref() is None for ref in documents)
    finally:
        gc.unfreeze()


def _tree(element) -> list:
    """An element tree as a list of (depth, tag, attributes, text, tail), depth first."""
    out = []

    def walk(element, depth):
        out.append((depth, element.tag, sorted(element.attrib.items()), element.text, element.tail))
        for child in element:
            walk(child, depth + 1)

    walk(element, 0)
    return out


def test_print_html_is_read_as_weasyprint_reads_it():
    """The print HTML is parsed by expat, not by WeasyPrint's HTML5 parser: for every bundled document of every
    edition, and a merged letter and register, into the very tree the HTML5 parser gives. Only documents with SVG
    (posters' crop marks) are left to WeasyPrint, and HTML that is not well-formed or that an HTML parser reads
    otherwise."""
    import dataclasses

    import tinyhtml5
    from weasyprint import HTML

    from fanzha.pdf import collect_documents
    from fanzha.pdf.html import document_html
    from fanzha.pdf.typeset import BASE_URL, print_html_class, well_formed_tree

    problems = Problems(REPO)
    catalog = load_catalog(REPO, problems)
    docs = collect_documents(catalog, list(catalog.editions.values()), problems)
    letter = next(doc for doc in docs if doc.context.get("receipt"))
    rows = [{"name": "张三", "number": "01", "filled": {"班级": "七年级（1）班", "学生姓名": "张三"}}]
    docs += [dataclasses.replace(letter, template="letters-merged.html.j2",
                                 context={**letter.context, "students": rows}),
             dataclasses.replace(letter, template="register.html.j2", context={
                 **letter.context, "kind": "register", "title": "回执回收登记表", "letter_title": "信",
                 "klass": "七年级（1）班", "students": rows, "has_numbers": True})]
    kinds = set()
    for doc in docs:
        html = document_html(doc)
        tree = well_formed_tree(html)
        if tree is None:
            assert "<svg" in html, doc.key
            continue
        kinds.add(doc.context["kind"])
        assert _tree(tree) == _tree(tinyhtml5.parse(html, namespace_html_elements=False)), doc.key
    assert {"letter", "handout", "form", "register", "stickers"} <= kinds
    for not_for_expat in ("<p>&nbsp;</p>", "<p><STRONG>要</STRONG></p>", '<p CLASS="a">要</p>', "<pre>\n要</pre>",
                          "<p>要<span/>钱</p>", "<p>要<div>钱</div></p>", "<table><tr><td>要</td></tr></table>"):
        assert well_formed_tree(f"<!DOCTYPE html><html><body>{not_for_expat}</body></html>") is None, not_for_expat
    assert well_formed_tree("<!DOCTYPE html><html><body><p>要</p></body></html>") is not None

    # HTML.__init__ replaced: the document has every attribute WeasyPrint's own gives it.
    html = document_html(letter)
    assert set(vars(print_html_class()(string=html, base_url=BASE_URL, url_fetcher=None))) == set(
        vars(HTML(string=html, base_url=BASE_URL)))


def test_narrowed_user_agent_stylesheet_changes_no_output(project, monkeypatch):
    """The engine's user-agent stylesheet is WeasyPrint's with the marker rule on list items only and no footnote
    rules: each narrowing still finds its rule in this WeasyPrint's stylesheet, and every document of the project
    (lists, 回执, forms, posters, cards) renders to the same PDF with either stylesheet."""
    import weasyprint
    from weasyprint.html import UA

    from fanzha.pdf import typeset as typeset_module

    narrowed, counts = typeset_module.narrowed_user_agent_css(UA)
    assert counts == [1, 5] and "li::marker {" in narrowed and "::footnote-call" not in narrowed

    inputs = _render_inputs(project)
    assert {"short", "a5", "f", "card", "p-a3"} <= {doc.material.id for doc, _, _ in inputs}
    ours = [typeset_module.typeset_pdf(doc.page, html, b"ua", resources).pdf for doc, html, resources in inputs]
    monkeypatch.setattr(typeset_module, "print_html_class", lambda: weasyprint.HTML)
    for (doc, html, resources), pdf in zip(inputs, ours):
        assert typeset_module.typeset_pdf(doc.page, html, b"ua", resources).pdf == pdf, doc.material.id


def test_streams_compressed_once_write_the_same_file(project, monkeypatch):
    """The finisher compresses each stream once, as pydyf would (pydyf compressed each twice, the PDF having an
    identifier): the files are the same, byte for byte, as pydyf writes them on its own."""
    from fanzha.pdf.typeset import typeset_pdf

    inputs = _render_inputs(project, {"short", "card", "p-a3"})
    assert len(inputs) == 3
    ours = [typeset_pdf(doc.page, html, b"once", resources).pdf for doc, html, resources in inputs]
    monkeypatch.setattr(finish_module, "compress_once", lambda pdf: None)
    for (doc, html, resources), pdf in zip(inputs, ours):
        assert b"/FlateDecode" in pdf
        assert typeset_pdf(doc.page, html, b"once", resources).pdf == pdf, doc.material.id


def test_phone_numbers_stand_apart_from_their_words(project):
    """The spaces the layouts put between words and a number (被骗请立即拨打 110, 96110 来电请务必接听, in a poster's
    foot) show as wide as a space of the face: the fonts' space glyph has no advance, so a space typed bare in a
    template printed as 拨打110."""
    document = pdfium.PdfDocument(project["out"] / project["items"]["p-a3"].file)
    text_page = document[0].get_textpage()
    text = text_page.get_text_range()
    x = lambda index: text_page.get_charbox(index, loose=True)  # noqa: E731 (left, bottom, right, top)
    foot = text.rindex("测试县公安局")
    for before, after in (("拨打", "110"), ("110", "来电")):
        found = re.compile(f"{before} ?{after}").search(text, foot)
        assert found is not None, (before, after, text[foot:])
        last, first = found.start() + len(before) - 1, found.end() - len(after)
        em = x(last)[2] - x(last - 1)[2] if before == "拨打" else x(first + 1)[0] - x(first)[0]
        assert x(first)[0] - x(last)[2] == pytest.approx(0.224 * em, abs=0.02 * em), (before, after)
    document.close()


def test_a_phone_number_stays_on_the_line_of_its_label(tmp_path):
    """Posters of several widths: each phone entry of the foot (县反诈中心咨询电话 0123-6600110) is on one line,
    where the foot used to put a number on the line after its label."""
    root = write_project(tmp_path, {f"poster/{id_}.md": poster(id_, size, layout)
                                    for id_, size, layout in (("a3", "A3", "list"), ("ylb", "易拉宝", "hero"),
                                                              ("narrow", (300, 800), "hero"), ("zb", "展板", "hero"))})
    edition = root / "materials" / "editions" / "default.yml"
    edition.write_text(EDITION + 'phones:\n  police: "110"\n  hotline: "96110"\n  local:\n'
                       '    - label: 县反诈中心咨询电话\n      number: "0123-6600110"\n', "utf-8")
    items, problems = build(root, root / "out")
    assert len(items) == 4 and not problems.errors
    for item in items:
        rows = ["".join(ch for _, _, ch in row) for row in _rows(root / "out" / item.file)]
        for entry in ("县反诈中心咨询电话0123-6600110", "被骗请立即拨打110", "96110来电请务必接听"):
            assert any(entry in row for row in rows), (item.material, entry, rows[-4:])


def test_neighbouring_punctuation_is_compressed(tmp_path):
    """标点挤压: of two neighbouring full-width marks one is set half-width, so 甲：“乙 spans 2.5 em, not 3 em, from
    甲 to 乙; ordinary characters keep a whole em each."""
    from fanzha.text.cjk import space_text

    assert space_text("甲：“乙”“丙”，（“丁”）。") == (
        '甲<span class="halt">：</span> “乙<span class="halt">”</span> “丙<span class="halt">”</span>'
        '<span class="halt">，</span>（<span class="halt">“</span>丁<span class="halt">”</span>'
        '<span class="halt">）</span>。')
    assert space_text("甲，乙。") == "甲，乙。"  # no neighbouring marks: nothing changes

    root = write_project(tmp_path, {"letter/p.md": letter("p", SHORT, receipt=False).replace(
        "salutation: 尊敬的家长朋友们：", "salutation: 甲：“乙”“丙”，丁戊 己")})
    items, _ = build(root, root / "out")
    document = pdfium.PdfDocument(root / "out" / items[0].file)
    text_page = document[0].get_textpage()
    chars = [text_page.get_text_range(i, 1) for i in range(text_page.count_chars())]
    x = {ch: text_page.get_charbox(chars.index(ch), loose=True)[0] for ch in "甲乙丙丁戊己"}
    em = x["戊"] - x["丁"]  # the salutation is 11 pt, not justified
    assert em == pytest.approx(11, abs=0.05)
    assert x["乙"] - x["甲"] == pytest.approx(2.5 * em, abs=0.05)  # ： half-width
    assert x["丙"] - x["乙"] == pytest.approx(2.5 * em, abs=0.05)  # the first ” half-width
    assert x["丁"] - x["丙"] == pytest.approx(2.5 * em, abs=0.05)  # ”，: the ” half-width
    # A typed space shows as wide as a space of the face (224/1000 em), though the fonts' space glyph has no advance.
    assert x["己"] - x["戊"] == pytest.approx(1.224 * em, abs=0.05)
    document.close()


def _lines_of(path: Path, chars: str) -> list[str]:
    """The lines of page text made only of `chars`, top to bottom: each line's characters that are in `chars`."""
    return [line for row in _rows(path) if (line := "".join(ch for _, _, ch in row if ch in chars))]


def test_no_heading_or_paragraph_ends_on_a_line_of_one_character(tmp_path):
    """Headings and justified paragraphs of every length around a full line: none leaves a single character (孤字)
    on its last line."""
    heading_glyphs, body_glyphs = "壹贰叁肆伍陆柒捌玖拾", "甲乙丙丁戊己庚辛壬癸"
    sections = "".join(f"## {(heading_glyphs * 5)[:length]}\n\n{(body_glyphs * 9)[:length + 14]}。\n\n"
                       for length in range(28, 41))
    root = write_project(tmp_path, {"handout/h.md": "---\nkind: handout\nid: h\ntitle: 标题测试\nformat: A4\nsides: 2\n"
                                                    "---\n" + sections})
    items, _ = build(root, root / "out")
    for glyphs in (heading_glyphs, body_glyphs):
        lines = _lines_of(root / "out" / items[0].file, glyphs)
        assert any(len(line) > 30 for line in lines)  # some take two lines
        assert all(len(line) >= 2 for line in lines), lines


def test_a_justified_paragraph_from_a_template_keeps_its_last_two_characters():
    """The `cjk` filter sets whole paragraphs (a poster's scam tips, the 回执's statement): their last two characters
    stay on one line, as those of the Markdown body do; labels and names (`cjk_plain`) are left alone."""
    from fanzha.pdf.html import environment

    assert str(environment.filters["cjk"]("诱你私下交易后骗钱。")).endswith('骗\u200d钱<span class="pc">。</span>')
    assert "\u200d" not in str(environment.filters["cjk_plain"]("家长签字"))


def test_display_lines_break_between_phrases(tmp_path):
    """Headings of every length around a full line, made of short phrases: each line but a heading's last ends with
    a whole phrase (…甲乙丙丁戊、 / 甲乙丙丁戊、…), where Chinese text may otherwise break between any two
    characters."""
    phrase = "甲乙丙丁戊、"
    sections = "".join(f"## {(phrase * 9)[:length]}终\n\n正文。\n\n" for length in range(36, 44))
    root = write_project(tmp_path, {"handout/h.md": "---\nkind: handout\nid: h\ntitle: 标题测试\nformat: A4\nsides: 2\n"
                                                    "---\n" + sections})
    items, _ = build(root, root / "out")
    lines = _lines_of(root / "out" / items[0].file, phrase + "终")
    assert sum("终" in line for line in lines) == 8 and len(lines) > 8  # every heading, some on two lines
    assert all(line.endswith("、") for line in lines if "终" not in line), lines


def test_display_text_keeps_short_phrases_whole():
    """cjk_heading: joiners inside each phrase of up to 8 characters; a longer phrase keeps its last two characters
    only; none between the letters of a Latin word."""
    from fanzha.text.cjk import JOINER, space_text

    def marked(text):
        return space_text(text, keep_end=True, keep_phrases=True).replace(JOINER, "+")

    assert marked("转账汇款多核实，APP 下载") == '转+账+汇+款+多+核+实，APP<span class="sp"> </span>下+载'
    assert marked("是为了帮您把好最后一道关") == "是为了帮您把好最后一道+关"


def test_markdown_blocks_keep_their_last_two_characters():
    from fanzha.text.cjk import space_html

    assert space_html("<h3>听到这些话就是骗子。</h3><p>先和子女<b>商量</b></p><li>不转账。</li>") == (
        '<h3>听到这些话就是骗\u200d子。</h3><p>先和子女<b>商量</b></p><li>•不转\u200d账。</li>')
    assert space_html("<h2>骗子</h2><h2>APP 下载</h2>") == '<h2>骗子</h2><h2>APP<span class="sp"> </span>下载</h2>'


def test_a_line_break_between_inline_tags_joins_the_lines():
    from fanzha.text.cjk import space_html

    assert space_html("<p><strong>甲</strong>：乙。\n<strong>丙</strong>：丁。</p>") == (
        "<p><strong>甲</strong>：乙。<strong>丙</strong>：丁。</p>")
    assert space_html("<p><b>Hello</b>\nworld</p>") == '<p><b>Hello</b><span class="sp"> </span>world</p>'


def test_an_opening_mark_that_starts_a_list_item_is_set_half_width():
    """A list item's text starts flush with the others: its opening quote gives up its blank left half (clreq, 行首);
    one inside a paragraph, or at a paragraph's indented start, keeps its whole width."""
    from fanzha.text.cjk import space_html

    assert space_html("<ol>\n<li>“我是警察”</li>\n<li><p><strong>“安全账户”</strong>是骗局</p></li></ol>") == (
        '<ol>\n<li>1.\u2002<span class="halt">“</span>我是警\u200d察”</li>\n'
        '<li><p>2.\u2002<strong><span class="halt">“</span>安全账户”</strong>是骗\u200d局</p></li></ol>')
    assert space_html("<p>“我是警察”</p><li>说“我是警察”</li>") == (
        '<p>“我是警\u200d察”</p><li>•说 “我是警\u200d察”</li>')


def test_a_space_beside_a_full_width_marks_blank_half_is_dropped():
    """"**诈骗。** 要您": the space an author types after a full-width mark (or before an opening one), in the text or
    across bold, would only widen the mark's blank half; spaces elsewhere, between Chinese and Latin or digits, stay."""
    from fanzha.pdf.documents import md_html

    assert str(md_html("1. **刷单返利都是诈骗。** 要您垫钱")) == (
        '<ol>\n<li>1.\u2002<strong>刷单返利都是诈骗<span class="pc">。</span></strong>要您垫\u200d钱</li>\n</ol>')
    assert str(md_html("安装 APP “国家反诈中心” 请**“客服”** 走开")) == (
        '<p>安装<span class="sp"> </span>APP“国家反诈中心<span class="pc">”</span> 请<strong>“客服'
        '<span class="pc">”</span></strong>走开</p>')


def test_the_print_fonts_space_has_no_advance():
    """两端对齐's spaces take no room because the subset fonts' space glyph has none; every other glyph keeps its
    own."""
    import uharfbuzz as hb

    from fanzha.pdf.layout.fonts import font_files, font_sources, subset_font

    collections = font_files()
    for source in font_sources():
        font = hb.Font(hb.Face(hb.Blob(subset_font(source, collections[source.file], "电 A。"))))
        advances = {ch: font.get_glyph_h_advance(font.get_nominal_glyph(ord(ch))) for ch in "电 A。"}
        assert advances[" "] == 0 and advances["电"] == advances["。"] == 1000 and 400 < advances["A"] < 800, advances


def test_the_print_fonts_come_without_subroutines():
    """The subset fonts' CFF is desubroutinized (WeasyPrint expands the subroutines when it embeds a font; done in
    the subset, it costs less): no global subroutines, and no local ones in any font dict."""
    from fontTools.ttLib import TTFont

    from fanzha.pdf.layout.fonts import font_files, font_sources, subset_font

    collections = font_files()
    for source in font_sources():
        cff = TTFont(io.BytesIO(subset_font(source, collections[source.file], "电信网络诈骗")))["CFF "].cff
        top = cff.topDictIndex[0]
        private_dicts = [fd.Private for fd in top.FDArray] if hasattr(top, "FDArray") else [top.Private]
        assert len(cff.GlobalSubrs) == 0 and not any(getattr(p, "Subrs", None) for p in private_dicts), source.role


def _row_numbers(path: Path, page_index: int) -> list[float]:
    """The tops (pt) of the row numbers 1, 2, 3, … a form's 序号 column prints on a page, in order: runs of digits on
    one line that are not a list number ("1."), inside a sentence ("第1项") or the page number ("1 / 2"); the first
    run of values from 1 up."""
    document = pdfium.PdfDocument(path)
    text_page = document[page_index].get_textpage()
    chars = [(text_page.get_text_range(i, 1), text_page.get_charbox(i)[3]) for i in range(text_page.count_chars())]
    document.close()
    runs: list[tuple[int, int]] = []  # (start, end) of each run of digits on one line
    for index, (ch, top) in enumerate(chars):
        if not ch.isdigit():
            continue
        if runs and runs[-1][1] == index and abs(chars[runs[-1][0]][1] - top) < 1:
            runs[-1] = (runs[-1][0], index + 1)
        else:
            runs.append((index, index + 1))
    text = "".join(ch for ch, _ in chars)
    tops = []
    for start, end in runs:
        if text[end:end + 1] == "." or text[start - 1:start] == "第" or "/" in text[max(0, start - 2):end + 2]:
            continue
        if int(text[start:end]) == len(tops) + 1:
            tops.append(chars[start][1])
        elif tops:
            break
    return tops


def test_a_form_table_is_fitted_to_its_page(tmp_path):
    """A ruled table that would spill a little onto a second page: the whole form on one page, its rows lowered but
    never below 8 mm; when that is not enough, the table whole on page 1 and the instructions after it on page 2; a
    table of more rows than a page holds runs on with its 9 mm rows."""
    notes = "".join(f"{n}. 按实际情况填写本表第{n}项，不清楚的写明原因。\n" for n in range(1, 6))

    def form(id_, rows, orientation):
        return (f"---\nkind: form\nid: {id_}\ntitle: 统计表{id_}\norientation: {orientation}\n"
                f"header_fields: [学校, 年级, 统计人, 日期]\ncolumns: [序号, 班级, 人数, 备注]\nrows: {rows}\n"
                f"footer_fields: [合计]\n---\n**填表说明**\n\n{notes}")

    root = write_project(tmp_path, {"form/a.md": form("a", 18, "portrait"), "form/b.md": form("b", 15, "landscape"),
                                    "form/c.md": form("c", 40, "portrait")})
    items, _ = build(root, root / "out")
    files = {item.material: root / "out" / item.file for item in items}

    def pitch(id_):  # the rows' height on page 1: the distance from one row number to the next (mm)
        tops = _row_numbers(files[id_], 0)
        return (tops[0] - tops[-1]) / (len(tops) - 1) / PT_PER_MM

    one_page = _page_texts(files["a"])
    assert len(one_page) == 1 and "填表说明" in one_page[0] and "合计" in one_page[0]
    assert len(_row_numbers(files["a"], 0)) == 18 and 8 <= pitch("a") < 9.5
    table_page, notes_page = _page_texts(files["b"])
    assert "填表说明" not in table_page and "填表说明" in notes_page
    assert len(_row_numbers(files["b"], 0)) == 15 and pitch("b") >= 8
    assert len(_page_texts(files["c"])) >= 2 and 9.5 < pitch("c") < 10


def test_a_dash_of_two_em_dashes_is_one_character_that_letter_spacing_cannot_part():
    """破折号 typed as two em dashes is set as the two-em dash (⸺): justify.py letter-spaces lines, which would part
    the two halves; the fonts draw both alike."""
    from fanzha.text.cjk import space_text
    from fanzha.pdf.layout.fonts import FACES, coverage

    assert space_text("先打原来的电话——不要转账") == "先打原来的电话\u2e3a不要转账"
    assert all(0x2E3A in coverage(face) for face in FACES)


def test_a_line_may_break_beside_a_quotation_mark():
    """Chinese breaks a line after ” and before “ as between any two characters; Pango's UAX #14 keeps quotation
    marks with their neighbours (借“学生专享贷款”和“网上兼 / 职”先收费 in a poster card, where 职” fitted on the line
    before): a space of no advance is each such break opportunity, and there only."""
    from fanzha.text.cjk import space_text, unspace_text

    assert space_text("借“学生专享贷款”和“网上兼职”先收费") == "借 “学生专享贷款” 和 “网上兼职” 先收费"
    assert (unspace_text(space_text("借“学生专享贷款”和“网上兼职”先收费", keep_phrases=True))
            == "借“学生专享贷款”和“网上兼职”先收费")
    assert space_text("说“我是警察”，就") == "说 “我是警察<span class=\"halt\">”</span>，就"


def test_a_paragraph_running_on_to_the_next_page_ends_its_first_page_flush(tmp_path):
    """两端对齐 is done after layout, page by page: the last line a paragraph has on a page, when the paragraph runs on
    to the next, is not its last line and ends flush at the right margin like the lines before it."""
    paragraphs = ["，".join([PARAGRAPH] * 24) + "。"]  # some 55 lines: more than a page
    root = write_project(tmp_path, {"letter/two.md": letter("two", paragraphs, receipt=False)})
    items, _ = build(root, root / "out")
    assert items[0].pages >= 2
    rows = page_char_rows(root / "out" / items[0].file, 0)
    last = sorted(min(rows.items())[1])  # the lowest line of page 1 (the letter's first page has no page number)
    assert last[-1][2] not in "。", "no paragraph should end on page 1's last line for this test to mean anything"
    assert abs(last[-1][1] - (210 - 20) * PT_PER_MM) < 1.0


def test_a_line_ended_by_a_forced_break_is_not_justified():
    """A line an author ends with a hard break (Markdown "  " at a line's end, <br />) keeps its natural width, and so
    do the lines of a centred paragraph inside a .justify block; a line the paragraph wraps is letter-spaced to the
    block's right edge."""
    from weasyprint.formatting_structure.boxes import LineBox

    from fanzha.pdf.layout.fonts import font_files, font_resources, font_sources
    from fanzha.pdf.layout.justify import justify_lines
    from fanzha.pdf.layout.boxes import boxes as _boxes
    from fanzha.pdf.html import stylesheets
    from fanzha.pdf.typeset import lay_out

    html = ('<!DOCTYPE html><html><head><style>@font-face { font-family: "FZ Sans"; src: url("fonts/sans.otf"); }'
            '</style><link rel="stylesheet" href="print.css" /></head><body><div class="justify" style="width: 100mm">'
            '<p>第一行是作者自己断开的一行文字，没有写满<br />第二行是比较长的一行文字，用来看看换行以后的这一行'
            '是不是两端对齐了</p><p style="text-align: center">居中的段落不两端对齐，哪怕它在两端对齐的块里面，'
            '而且长得要换行</p></div></body></html>')
    document = lay_out(html, {**stylesheets(), **font_resources(html, font_sources(), font_files())})
    lines = [box for box in _boxes(document.pages[0]._page_box) if isinstance(box, LineBox)]
    before = [line.width for line in lines]
    justify_lines(document.pages)
    block_width = 100 * 96 / 25.4
    assert len(lines) == 5 and lines[0].width == before[0] < block_width - 10
    assert lines[1].width == pytest.approx(block_width, abs=0.5) and before[1] < block_width
    assert [line.width for line in lines[2:]] == before[2:]  # the paragraph's last line; the centred paragraph
