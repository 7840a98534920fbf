"""繁體版 (script: traditional): every PDF and site page of the edition in Traditional characters, numbers, URLs,
hotlines and kept terms untouched, Taiwan or Hong Kong glyph forms embedded, and search in either script."""

from __future__ import annotations

import html
import io
import json
import re
from pathlib import Path

import pypdf
import pytest

from fanzha import pipeline
from fanzha.pdf.layout.fonts import faces_for
from fanzha.edition.script import converter_for

from helpers import EDITION, SCAM, STICKER_SHEET, Project, channel_text, simplified_left

LETTER = """\
---
kind: letter
id: jumin
title: 致居民朋友的一封信
salutation: 各位居民朋友：
receipt:
  statement: 我已认真阅读这封信，并与家人一起学习了防范电信网络诈骗知识。
  fields: [班级, 学生姓名, 家长签字]
---
{{ unit.name }}提醒您：不要下载陌生软件，不要泄露个人信息，请安装国家反诈中心APP。
详情请访问 https://www.gov.cn/fanzha/ 。接到{{ phones.hotline }}来电请务必接听，被骗请立即拨打{{ phones.police }}报警。

凡是自称“公检法”、要您把钱转进“安全账户”的，都是诈骗；所谓‘保证金’“解冻费”“刷单返利”和“高额回报”，一律不信、不转账。
对方说“这是‘秘密侦查’，不能告诉家人”时，请立即挂断，拨打“96110”核实；“先垫付、后返利”的“兼职”全是骗局。
"""

SLOGANS = """\
---
kind: slogans
id: s
title: 标语
channels: [贴纸, 短信, LED]
---
- 不听不信不转账 {#san-bu}
- 陌生链接不点击 {#lianjie}
- 不做电诈“工具人”，银行卡不出借 {#gongjuren}
"""

SITE = "https://fanzha.example.cn"

# A scam type with a 广播稿: numbers to dial, a clock time and quantities read out, quotation marks.
BROADCAST = """\
broadcast: |-
  乡亲们注意啦，下面说说刷单返利诈骗。骗子在网上发广告，说在家点个赞就能赚佣金，头几回真给您返300块钱，
  接着就让您下载一个陌生软件，先垫钱做“任务”，说做完连本带利一起返，有人就这样垫进去40000元。
  大家记住，要先垫钱的兼职，全是诈骗。找工作要走正规招聘渠道，家里有人在做刷单任务，赶紧劝一劝。
  万一被骗，马上拨打{{ phones.police }}报警。接到{{ phones.hotline }}来电，请一定接听。
  每天10:30村里的广播还会再播一遍，这些话，请转告家里的老人和孩子。多一人知道，少一人受骗。
"""

STICKERS = STICKER_SHEET.replace("slogans: [s/san-bu]\n",
                                 'subtext: "报警 {{ phones.police }} · 咨询 {{ phones.hotline }}"\n'
                                 "slogans: [s/san-bu, s/lianjie]\n")

POSTER = """\
---
kind: poster
id: p
title: 防范刷单诈骗海报
size: A3
headline: 刷单就是诈骗
subhead: 先垫钱的兼职都是骗局
scam_types: [shuadan-fanli]
slogans: [s]
---
"""

FORM = """\
---
kind: form
id: f
title: 入户宣传登记表
columns: [序号, 户主姓名, 住址, 是否安装国家反诈中心APP, 备注]
rows: 10
---
宣传员逐户登记，发现可疑情况立即报告。
"""

BOOKLET = """\
---
kind: booklet
id: b
title: 防骗小手册
format: A6
scam_types: [shuadan-fanli]
---
## 写在前面

遇到“刷单返利”的兼职，请先问一问家人。
"""

TRADITIONAL = """\
id: fanti
extends: default
title: 测试县反诈宣传物料（繁体版）
script: traditional
script_variant: {variant}
keep_terms: [国家反诈中心]
phones:
  local:
    - label: 县反诈中心咨询电话
      number: "0123-6600110"
"""

KEEP = "国家反诈中心"


def pdf_text(path: Path) -> str:
    return "".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def article_text(page: Path) -> str:
    """The page's own content, without the theme's chrome (search box, footer)."""
    source = page.read_text("utf-8")
    article = re.search(r"<article\b.*?</article>", source, re.S)[0]
    return html.unescape(re.sub(r"<[^>]+>", "", article))


def traditional_project(tmp_path: Path, variant: str = "tw") -> Project:
    project = Project(tmp_path / "proj")
    project.write("materials/editions/default.yml", EDITION + f"site_url: {SITE}\n")
    scam = SCAM.format(id="shuadan-fanli", title="刷单返利类诈骗", aliases="兼职刷单")
    project.write("materials/scam/shuadan-fanli.md", scam.replace("---\n## ", BROADCAST + "---\n## ", 1))
    project.write("materials/letter/jumin.md", LETTER)
    project.write("materials/slogans/s.md", SLOGANS)
    project.write("materials/stickers/t.md", STICKERS)
    project.write("materials/poster/p.md", POSTER)
    project.write("materials/form/f.md", FORM)
    project.write("materials/booklet/b.md", BOOKLET)
    project.write("materials/editions/fanti.yml", TRADITIONAL.format(variant=variant))
    return project


def test_conversion_is_phrase_level_and_leaves_numbers_urls_hotlines_and_kept_terms():
    text = ("请下载国家反诈中心APP，不要安装陌生软件、泄露个人信息；访问https://www.gov.cn/fanzha/?q=ruanjian了解软件，或拨打"
            " 96110、0123-6600110，广播里读作九六幺幺零。")
    tw = converter_for(_edition("tw")).text(text)
    assert "軟體" in tw and "資訊" in tw  # Taiwan wording, not characters only
    assert "國家反詐中心" not in tw and "国家反诈中心APP" in tw
    assert "https://www.gov.cn/fanzha/?q=ruanjian瞭解軟體" in tw  # the text right after the address converted
    assert "96110、0123-6600110" in tw and "九六幺幺零" in tw
    assert not simplified_left(tw)
    hk = converter_for(_edition("hk")).text(text)
    assert "軟件" in hk and "信息" in hk and "九六幺幺零" in hk  # Hong Kong: characters, mainland words
    assert not simplified_left(hk, "hk")


def _edition(variant: str, edition_id: str = "fanti", script: str = "traditional"):
    from fanzha.model.catalog import Edition
    from fanzha.model.schema import EditionMeta

    meta = EditionMeta.model_validate({"id": edition_id, "unit": {"name": "测试县公安局", "region": "测试县",
                                                                   "signature": "测试县公安局"},
                                       "date": "2026-11-01", "script_variant": variant, "keep_terms": [KEEP],
                                       "site_url": SITE, **({"script": script} if script else {})})
    return Edition(meta, Path(f"{edition_id}.yml"), {})


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = traditional_project(tmp_path_factory.mktemp("traditional"))
    pipeline.build(project.root)
    return project.root / "site"


def test_every_print_file_of_the_edition_is_in_traditional_characters(built):
    files = sorted((built / "print" / "fanti").glob("*.pdf"))
    assert {f.stem for f in files} >= {"jumin", "p", "f", "t", "t--cut-guides", "t--alignment"}
    texts = {f.stem: pdf_text(f) for f in files}
    for name, text in texts.items():
        assert not simplified_left(text), (name, simplified_left(text))
    letter = texts["jumin"]
    assert "測試縣公安局提醒您" in letter and "軟體" in letter and "資訊" in letter
    assert "沿此線剪下" in letter and "家長簽字" in letter  # the layout's own words and the receipt's fields
    assert "國家反詐中心" not in letter and KEEP in letter
    assert "https://www.gov.cn/fanzha/" in letter.replace("\n", "")
    assert "96110" in letter and "110" in letter
    assert "刷單返利" in texts["p"]  # a scam title taken from another material
    assert "是否安裝" in texts["f"]
    assert "不聽不信不轉賬" in texts["t"] and "96110" in texts["t"]
    # The Simplified edition of the same project is left as it was.
    assert "测试县公安局提醒您" in pdf_text(built / "print" / "default" / "jumin.pdf")


def test_quotation_marks_print_as_corner_brackets_and_a_closing_one_never_starts_a_line(built):
    texts = {f.stem: pdf_text(f) for f in sorted((built / "print" / "fanti").glob("*.pdf"))}
    letter = texts["jumin"].replace("\n", "")
    assert "「安全賬戶」" in letter and "『保證金』「解凍費」" in letter and "「這是『" in letter, letter
    for name, text in texts.items():
        assert not re.search("[“”‘’]", text), name
        # No space left where a “ or ” had one for its line break, no line starting with 」 or ending with 「.
        assert not re.search("[ ][「『]|[」』][ ]", text), (name, re.findall(".{3}[ ][「『]|[」』][ ].{3}", text))
        for line in text.splitlines():
            assert not line.startswith(("」", "』")) and not line.rstrip().endswith(("「", "『")), (name, line)
    assert "「安全账户」" not in pdf_text(built / "print" / "default" / "jumin.pdf")
    assert "“安全账户”" in pdf_text(built / "print" / "default" / "jumin.pdf").replace("\n", "")


def test_the_layouts_own_words_are_in_taiwan_wording(built):
    """The templates' own words, phrase by phrase as the materials (s2twp): 短信 is 簡訊 in Taiwan, which the
    character-level conversion (s2tw) would leave as 短信."""
    booklet = pdf_text(built / "print" / "fanti" / "b.pdf").replace("\n", "")
    assert "涉詐預警勸阻簡訊" in booklet and "開啟來電和簡訊預警" in booklet and "短信" not in booklet
    assert "「国家反诈中心」下載安裝" in booklet  # a kept term, quoted as the edition quotes
    assert "涉诈预警劝阻短信" in pdf_text(built / "print" / "default" / "b.pdf").replace("\n", "")
    letter = (built / "zh-hant" / "letter" / "jumin" / "index.html").read_text("utf-8")
    description = html.unescape(re.search(r'<meta name="description" content="([^"]*)"', letter)[1])
    assert "直接列印" in description  # 打印 in the site template
    stickers = article_text(built / "zh-hant" / "stickers" / "t" / "index.html")
    assert "列印前先對位" in stickers and "選擇「實際大小」" in stickers


def test_site_pages_of_the_traditional_version_quote_with_corner_brackets(built):
    page = built / "zh-hant" / "letter" / "jumin" / "index.html"
    text = article_text(page)
    assert "「安全賬戶」" in text and "『保證金』「解凍費」" in text and not re.search("[“”‘’]", text)
    assert "“安全账户”" in article_text(built / "letter" / "jumin" / "index.html")
    index = json.loads((built / "search" / "search_index.json").read_text("utf-8"))
    entry = next(doc for doc in index["docs"] if doc["location"] == "zh-hant/letter/jumin/")
    assert "「" in entry["text"] and "“" not in entry["text"]
    assert "「" in index["config"]["separator"]  # a query next to a bracket still finds the word


def test_the_theme_shows_the_editions_name_and_footer_on_its_pages(built):
    page = (built / "zh-hant" / "letter" / "jumin" / "index.html").read_text("utf-8")
    assert 'placeholder="搜尋"' in page and "回到頂端" in page
    assert "<title>致居民朋友的一封信 - 測試縣反詐宣傳物料（繁體版）</title>" in page
    footer = re.search(r'<div class="md-copyright__highlight">(.*?)</div>', page, re.S)[1]
    assert "測試縣公安局 · 報警電話" in footer and "0123-6600110" in footer
    simplified = (built / "letter" / "jumin" / "index.html").read_text("utf-8")
    assert 'placeholder="搜索"' in simplified and "测试县公安局 · 报警电话" in simplified


def test_the_site_has_a_traditional_version_of_the_materials(built):
    pages = sorted((built / "zh-hant").rglob("index.html"))
    assert {p.parent.relative_to(built / "zh-hant").as_posix() for p in pages} >= {
        "scam/shuadan-fanli", "letter/jumin", "poster/p", "stickers/t", "slogans/s"}
    for page in pages:
        text = article_text(page)
        assert not simplified_left(text), (page, simplified_left(text))
    letter = built / "zh-hant" / "letter" / "jumin" / "index.html"
    assert "軟體" in article_text(letter) and "96110" in article_text(letter)
    assert '<html lang="zh-Hant-TW"' in letter.read_text("utf-8")
    assert '<html lang="zh"' in (built / "letter" / "jumin" / "index.html").read_text("utf-8")
    # Its downloads are the Traditional edition's own files, and the links reach them.
    links = re.findall(r'href="([^"]+\.pdf)"', letter.read_text("utf-8"))
    assert links and all("fanti/" in link for link in links)
    assert all((letter.parent / link).resolve().is_file() for link in links)
    assert "刷单就是诈骗" not in article_text(built / "zh-hant" / "poster" / "p" / "index.html")


def test_search_finds_a_traditional_page_from_either_script(built):
    index = json.loads((built / "search" / "search_index.json").read_text("utf-8"))
    separator = re.compile(index["config"]["separator"])

    def pages_with(term: str) -> set[str]:
        found = set()
        for doc in index["docs"]:
            tokens = set(separator.split(re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"])))
            if any(token.startswith(term) for token in tokens):  # Material searches each term as a prefix
                found.add(doc["location"].split("#")[0])
        return found

    for term in ("刷單", "詐騙"):
        assert "zh-hant/scam/shuadan-fanli/" in pages_with(term), term
    for term in ("刷单", "诈骗", "软件"):
        assert any(location.startswith("zh-hant/") for location in pages_with(term)), term
    assert "scam/shuadan-fanli/" in pages_with("刷单")
    # The hidden Simplified words cost a part of what the 繁體版 entries index, not as much again.
    traditional = [doc for doc in index["docs"] if doc["location"].startswith("zh-hant/")]
    hidden = sum(len(m.encode()) for doc in traditional for m in re.findall(r"<span hidden>.*?</span>", doc["text"]))
    total = sum(len((doc["title"] + doc["text"]).encode()) for doc in traditional)
    assert 0 < hidden <= 0.4 * total, (hidden, total)


def test_unit_details_given_in_traditional_stay_as_written(tmp_path):
    project = traditional_project(tmp_path)
    # 短信 is Traditional too, but Taiwan writes 簡訊: a name given in Traditional is not reworded.
    project.write("materials/editions/fanti.yml", TRADITIONAL.format(variant="tw") + """\
unit:
  name: 測試縣短信服務中心
  region: 测试县
  signature: 測試縣短信服務中心
""")
    project.write("materials/letter/jumin.md", LETTER.replace("不要泄露个人信息", "收到可疑短信不要点链接"))
    checked = pipeline.check(project.root)
    assert not checked.problems.errors, checked.problems.errors
    letter = checked.expanded["fanti"]["jumin"]
    assert letter.edition.meta.unit.name == "測試縣短信服務中心"
    assert letter.edition.meta.unit.region == "測試縣"
    assert letter.body.startswith("測試縣短信服務中心提醒您") and "可疑簡訊" in letter.body
    assert letter.edition.meta.phones.local[0].label == "縣反詐中心諮詢電話"


def test_a_character_the_traditional_fonts_lack_is_an_error_at_its_line(tmp_path):
    project = traditional_project(tmp_path, "hk")
    project.write("materials/letter/jumin.md", LETTER.replace("提醒您：", "提醒您\U0002A6A5："))
    checked = pipeline.check(project.root)
    found = [p for p in checked.problems.errors if "U+2A6A5" in p.message]
    assert found and all(p.path.endswith("jumin.md") and p.line == 10 for p in found), checked.problems.errors


def test_traditional_pdfs_embed_the_faces_with_traditional_glyph_forms(tmp_path):
    """The same Traditional text printed by a Simplified and by a Traditional edition: the glyph of a character whose
    forms differ between the SC and the TC faces (述: its dot) is the SC one in the first and the TC one in the
    second."""
    from fontTools.cffLib import CFFFontSet
    from fontTools.pens.boundsPen import BoundsPen

    sans_sc, sans_tc = (next(f for f in faces_for(region) if f.role == "sans") for region in ("SC", "TC"))
    char = _char_with_regional_forms(sans_sc, sans_tc, "述說骨")
    project = Project(tmp_path / "proj")
    project.write("materials/letter/jumin.md", f"""\
---
kind: letter
id: jumin
title: 一封信
salutation: 各位：
date: ""
signed: ""
---
{char}
""")
    project.write("materials/editions/fanti.yml", "extends: default\nscript: traditional\n")
    pipeline.build(project.root)

    def bounds(pdf: Path) -> tuple:
        """The outline's bounds of `char` in the PDF's regular (body) font."""
        reader = pypdf.PdfReader(pdf)
        font = next(f.get_object() for f in reader.pages[0]["/Resources"]["/Font"].values()
                    if "Bold" not in f.get_object()["/BaseFont"])
        cid_font = font["/DescendantFonts"][0].get_object()
        data = cid_font["/FontDescriptor"]["/FontFile3"].get_object().get_data()
        cff = CFFFontSet()
        cff.decompile(io.BytesIO(data), None)
        top = cff[cff.fontNames[0]]
        pen = BoundsPen(top.CharStrings)
        top.CharStrings[top.charset[_glyph_of(font, char)]].draw(pen)
        return pen.bounds

    simplified = bounds(tmp_path / "proj" / "site" / "print" / "default" / "jumin.pdf")
    traditional = bounds(tmp_path / "proj" / "site" / "print" / "fanti" / "jumin.pdf")
    assert simplified == _face_bounds(sans_sc, char)
    assert traditional == _face_bounds(sans_tc, char)


def _char_with_regional_forms(sc, tc, candidates: str) -> str:
    for char in candidates:
        if _face_bounds(sc, char) != _face_bounds(tc, char):
            return char
    raise AssertionError(f"none of {candidates} differs between {sc.name} and {tc.name}")


def _face_bounds(face, char: str) -> tuple:
    import uharfbuzz as hb

    path = face.locate()
    blob = hb.Blob.from_file_path(str(path))
    index = 0
    while (candidate := hb.Face(blob, index)).glyph_count:
        if candidate.get_name(hb.OTNameIdPredefined.FULL_NAME) == face.name:
            break
        index += 1
    font = hb.Font(candidate)
    extents = font.get_glyph_extents(font.get_nominal_glyph(ord(char)))
    return (extents.x_bearing, extents.y_bearing + extents.height, extents.x_bearing + extents.width,
            extents.y_bearing)


def _glyph_of(font, char: str) -> int:
    """The glyph id (= CID, an identity charset) that the PDF's ToUnicode map gives `char`."""
    cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
    want = f"{ord(char):04X}"
    for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
        for cid, uni in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            if uni.upper() == want:
                return int(cid, 16)
    for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
        for start, end, uni in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            if int(uni, 16) <= ord(char) <= int(uni, 16) + int(end, 16) - int(start, 16):
                return int(start, 16) + ord(char) - int(uni, 16)
    raise AssertionError(f"{char} not in the PDF's ToUnicode map")


def test_merged_letters_of_the_edition_keep_the_students_names_as_the_roster_writes_them(tmp_path):
    from fanzha.merge.letters import merge_letters
    from fanzha.merge.roster import Student

    project = traditional_project(tmp_path)
    students = [Student("张晓红", "七年级（1）班", "", 2), Student("李国华", "七年级（1）班", "", 3)]
    files = merge_letters(project.root, "jumin", students, "fanti", tmp_path / "out")
    letters = next(f for f in files if "一封信" in f.name)
    text = pdf_text(letters).replace(" ", "")
    assert "學生姓名：张晓红" in text and "學生姓名：李国华" in text and "班級：七年级（1）班" in text
    assert "沿此線剪下" in text and "測試縣公安局提醒您" in text and "軟體" in text
    rest = text.replace("张晓红", "").replace("李国华", "").replace("七年级（1）班", "")
    assert not simplified_left(rest), simplified_left(rest)


def test_a_hong_kong_edition_uses_hong_kong_forms_and_faces(tmp_path):
    from fanzha.pdf.layout.fonts import visible_text

    checked = pipeline.check(traditional_project(tmp_path, "hk").root)
    assert not checked.problems.errors, checked.problems.errors
    docs = [doc for doc in checked.documents if doc.expanded.edition.id == "fanti"]
    assert {doc.material.id for doc in docs} >= {"jumin", "p", "f", "t"}
    for doc in docs:
        assert doc.context["glyphs"] == "HK" and '<html lang="zh-Hant-HK">' in doc.html, doc.key
        assert not simplified_left(visible_text(doc.html), "hk"), (doc.key, simplified_left(visible_text(doc.html)))
    letter = visible_text(next(doc.html for doc in docs if doc.material.id == "jumin"))
    assert "軟件" in letter and "信息" in letter  # Hong Kong characters, without Taiwan's wording (軟體, 資訊)
    assert [f.name for f in faces_for("HK")] == ["Noto Serif CJK HK", "Noto Sans CJK HK", "Noto Sans CJK HK Bold"]


def test_a_misspelt_script_is_named_at_its_line(tmp_path):
    project = traditional_project(tmp_path)
    project.write("materials/editions/fanti.yml", TRADITIONAL.format(variant="tw").replace("traditional", "fanti"))
    checked = pipeline.check(project.root, print_documents=False)
    [problem] = [p for p in checked.problems.errors if p.path.endswith("fanti.yml")]
    assert problem.line == 4 and "script" in problem.message and "traditional" in problem.fix


def test_corner_quotes_change_text_only():
    from fanzha.text.cjk import corner_quotes, corner_text

    fragment = ('<p title="“标题”">他说：“安全账户”是骗局，‘不要’转账。Let’s go. <code>print(“x”)</code>'
                '<a href="https://example.cn/?q=“a”">“链接”</a><script>var s = "“";</script></p>')
    assert corner_quotes(fragment) == ('<p title="“标题”">他说：「安全账户」是骗局，『不要』转账。Let’s go. '
                                       '<code>print(“x”)</code><a href="https://example.cn/?q=“a”">「链接」</a>'
                                       '<script>var s = "“";</script></p>')
    assert corner_text("“三不”口诀：I’m ‘OK’") == "「三不」口诀：I’m 『OK』"


def test_words_taiwan_wording_takes_in_a_computing_sense_keep_their_sense():
    text = "网上交友的对象带您投资，常见诈骗类型，红章文件，感谢您的支持。下载软件先查看信息。"
    tw = converter_for(_edition("tw")).text(text)
    assert tw == "網上交友的對象帶您投資，常見詐騙類型，紅章文件，感謝您的支持。下載軟體先查看資訊。"


def test_templates_words_are_converted_phrase_by_phrase_and_their_statements_left_as_written():
    import jinja2

    env = jinja2.Environment(loader=jinja2.DictLoader({
        "t": '打印{{ "短信" }}{{ field }}{% if c == "序号" %}序号栏{% endif %}{# 打印 #}{% include "u" %}',
        "u": "请安装国家反诈中心APP"}))
    converted = converter_for(_edition("tw")).templates(env)
    assert converted.get_template("t").render(field="信息", c="序号") == "列印簡訊信息序號欄請安裝国家反诈中心APP"
    assert env.get_template("t").render(field="信息", c="序号").startswith("打印短信信息")


TWO_EDITIONS = """\
id: {id}
extends: default
title: {title}
script: traditional
script_variant: {variant}
"""


def test_each_traditional_edition_gets_its_own_site_folder(tmp_path):
    project = Project(tmp_path / "proj")
    project.scam()
    project.write("materials/letter/jumin.md", LETTER)
    project.write("materials/editions/fanti.yml", TWO_EDITIONS.format(id="fanti", title="台湾版", variant="tw"))
    project.write("materials/editions/xianggang.yml", TWO_EDITIONS.format(id="xianggang", title="香港版", variant="hk"))
    pipeline.build(project.root)
    site = project.root / "site"
    tw = (site / "zh-hant" / "letter" / "jumin" / "index.html").read_text("utf-8")
    hk = (site / "zh-hant-xianggang" / "letter" / "jumin" / "index.html").read_text("utf-8")
    assert '<html lang="zh-Hant-TW"' in tw and '<html lang="zh-Hant-HK"' in hk
    assert "軟體" in article_text(site / "zh-hant" / "letter" / "jumin" / "index.html")
    assert "軟件" in article_text(site / "zh-hant-xianggang" / "letter" / "jumin" / "index.html")
    assert "<title>致居民朋友的一封信 - 香港版</title>" in hk and 'placeholder="搜尋"' in hk
    for page in (tw, hk):  # both in every page's navigation, each with its own name
        assert "繁體版（臺灣）" in page and "繁體版（香港）" in page
    # Each links its own edition's print files, and search treats both as 繁體版 pages.
    assert all("xianggang/" in link for link in re.findall(r'href="([^"]+\.pdf)"', hk))
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    for prefix in ("zh-hant/", "zh-hant-xianggang/"):
        entry = next(doc for doc in index["docs"] if doc["location"] == f"{prefix}letter/jumin/")
        assert "<span hidden>" in entry["text"], prefix


def test_every_channel_file_of_the_edition_is_in_traditional_characters(built):
    """公众号 articles, SMS, LED and 广播稿 texts and the 广播稿 sheet of the 繁體版: no Simplified-only character
    (helpers.simplified_left: what OpenCC's s2tw would still change and t2s leaves as it is), corner quotes, the
    templates' and the build's own words in Taiwan wording, numbers and hotlines as written or as read out."""
    folder = built / "print" / "fanti" / "channels"
    texts = {path.name: channel_text(path) for path in sorted(folder.iterdir())
             if path.suffix in (".html", ".txt", ".pdf")}
    assert set(texts) >= {"shuadan-fanli.wechat.html", "jumin.wechat.html", "sms.txt", "led.txt", "broadcast.txt",
                          "broadcast.pdf"}
    for name, text in texts.items():
        assert not simplified_left(text), (name, simplified_left(text))
        assert not re.search("[“”‘’]", text), name
    article = texts["jumin.wechat.html"]
    assert "被騙請立即撥打 110；96110 來電請務必接聽" in article and "「安全賬戶」" in article
    assert '<html lang="zh-Hant-TW">' in (folder / "jumin.wechat.html").read_text("utf-8")
    assert texts["sms.txt"].startswith("【測試縣公安局】不聽不信不轉賬\n") and "「工具人」" in texts["sms.txt"]
    assert "「工具人」" in texts["led.txt"]
    spoken = texts["broadcast.txt"]
    assert "刷單返利類詐騙（約" in spoken and "撥打幺幺零報警" in spoken and "接到九六幺幺零來電" in spoken
    assert "三百塊" in spoken and "四萬元" in spoken and "十點三十分" in spoken and "「任務」" in spoken
    sheet = texts["broadcast.pdf"].replace("\n", "")
    assert "測試縣公安局反詐廣播稿" in sheet and "數字已按讀法寫出" in sheet and "九六幺幺零" in sheet
    simplified = (built / "print" / "default" / "channels" / "broadcast.txt").read_text("utf-8-sig")
    assert "刷单返利类诈骗（约" in simplified and "三百块" in simplified


def test_the_editions_share_images_are_in_traditional_characters(built):
    from fanzha.channels import share_image
    from fanzha.pdf.layout.fonts import visible_text

    checked = pipeline.check(built.parent, print_documents=False)
    for material_id in ("shuadan-fanli", "jumin"):
        page = share_image.html(checked.expanded["fanti"][material_id], checked.catalog)
        text = visible_text(page)
        assert not simplified_left(text), (material_id, simplified_left(text))
        assert '<html lang="zh-Hant-TW">' in page
    scam = visible_text(share_image.html(checked.expanded["fanti"]["shuadan-fanli"], checked.catalog))
    scam = scam.replace("\u200d", "")  # the joiners that keep a heading's phrases whole
    assert "識別要點" in scam and "防範提示" in scam and "反詐提醒" in scam and "來電請務必接聽" in scam
    assert (built / "print" / "fanti" / "channels" / "shuadan-fanli.share.png").is_file()


def test_qr_codes_and_article_links_of_the_edition_open_its_traditional_pages(built):
    """A poster's QR code, a share image's and a 公众号 article's link point at the page in the edition's script:
    the 繁體版 page of the site (zh-hant/), which is there."""
    from fanzha.channels import share_image
    from fanzha.pdf.documents import qr_data_uri

    checked = pipeline.check(built.parent)
    docs = {doc.key: doc for doc in checked.documents}
    url = f"{SITE}/zh-hant/poster/p/"
    assert docs["fanti/p"].context["url"] == url and qr_data_uri(url) in docs["fanti/p"].html
    assert docs["default/p"].context["url"] == f"{SITE}/poster/p/"
    assert (built / "zh-hant" / "poster" / "p" / "index.html").is_file()
    scam = f"{SITE}/zh-hant/scam/shuadan-fanli/"
    assert qr_data_uri(scam) in share_image.html(checked.expanded["fanti"]["shuadan-fanli"], checked.catalog)
    assert scam in (built / "print" / "fanti" / "channels" / "shuadan-fanli.wechat.html").read_text("utf-8")
    assert (built / "zh-hant" / "scam" / "shuadan-fanli" / "index.html").is_file()


def test_each_edition_has_its_site_folder():
    from fanzha.edition.script import page_url, site_folder

    editions = {"default": _edition("tw", "default", ""), "xianggang": _edition("hk", "xianggang"),
                "fanti": _edition("tw", "fanti")}
    assert [site_folder(editions, editions[e]) for e in ("default", "fanti", "xianggang")] == [
        "", "zh-hant", "zh-hant-xianggang"]
    poster = type("Material", (), {"kind": "poster", "id": "p"})()
    assert page_url(editions, editions["xianggang"], poster) == f"{SITE}/zh-hant-xianggang/poster/p/"
    assert page_url(editions, editions["default"], poster) == f"{SITE}/poster/p/"
