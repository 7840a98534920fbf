"""Editions and per-student letters, through the real command: `fanzha merge` on GBK CSV and .xlsx rosters (every
name on its own page's 回执, the 登记表), names the fonts cannot draw, privacy (a canary name never reaches site/),
each bundled edition's own 落款 and numbers, and `fanzha build --edition`."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from helpers import PARENTS_LETTER, REPO, Project, class_of_45, run_cli, write_csv, write_xlsx
from fanzha.pdf.layout.fonts import missing_characters
from fanzha.pdf.preflight import font_issues

CANARY = "甄测试金丝雀"

LETTER = PARENTS_LETTER.format(statement="我已认真阅读《致家长的一封测试信》，并与孩子一起学习了防范电信网络诈骗知识。")

TOWNSHIP = """\
extends: default
type: 乡镇
unit:
  name: 测试县清水镇人民政府
  region: 清水镇
  signature: 测试县清水镇人民政府
"""


def page_texts(path: Path) -> list[str]:
    """Text of every page, whitespace removed (the print text carries spaces of no advance beside quotation marks)."""
    return [re.sub(r"\s+", "", page.extract_text()) for page in PdfReader(path).pages]


def two_classes_of_45() -> list[tuple[str, str, str]]:
    """45 students: 30 in one class (its 登记表 runs onto a second page) and 15 in another."""
    return [(name, "七年级（1）班" if i < 30 else "七年级（2）班", number)
            for i, (name, _, number) in enumerate(class_of_45())]


@pytest.mark.parametrize("kind", ["gbk-csv", "xlsx"])
def test_roster_merges_into_a_letter_per_student_and_a_register_per_class(tmp_path, kind):
    rows = two_classes_of_45()
    if kind == "xlsx":
        roster = write_xlsx(tmp_path / "名单.xlsx", rows)
    else:
        roster = write_csv(tmp_path / "名单.csv", rows, "gbk", newline="\r\n")
    out = tmp_path / "out"
    result = run_cli(REPO, "merge", "parents", "--roster", str(roster), "--edition", "shiyan-xiaoxue",
                     "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    files = sorted(p.name for p in out.iterdir())
    assert files == ["七年级（1）班-回执回收登记表.pdf", "七年级（1）班-致学生家长的一封信.pdf",
                     "七年级（2）班-回执回收登记表.pdf", "七年级（2）班-致学生家长的一封信.pdf"]

    for klass in ("七年级（1）班", "七年级（2）班"):
        members = [r for r in rows if r[1] == klass]
        pages = page_texts(out / f"{klass}-致学生家长的一封信.pdf")
        receipts = [p for p in pages if "沿此线剪下" in p]
        assert len(receipts) == len(members)
        for (name, _, _), page in zip(members, receipts):
            # The student's own name and class in the 回执 blanks of their own page, and no one else's.
            assert f"学生姓名：{name}" in page and f"班级：{klass}" in page
            assert page.count("学生姓名：") == 1
            assert "平安县实验小学" in page  # the school edition's 落款

        register = page_texts(out / f"{klass}-回执回收登记表.pdf")
        assert all("学生姓名" in page and "回执已交回" in page for page in register)  # header on every page
        listed = "".join(register)
        assert f"{klass}回执回收登记表" in listed and f"{len(members)}人" in listed
        for position, (name, _, number) in enumerate(members, start=1):
            assert f"{position}{number}{name}□" in listed
    assert len(page_texts(out / "七年级（1）班-回执回收登记表.pdf")) == 2
    for pdf in out.glob("*.pdf"):  # only the project's subset fonts: no name drawn by a fallback font
        assert all(font_issues(page) == [] for page in PdfReader(pdf).pages), pdf


def test_name_the_fonts_cannot_draw_is_an_error_naming_file_row_and_character(tmp_path):
    rare = "\U00030000"  # CJK Extension G: not in Noto CJK
    assert missing_characters(rare) == [rare]
    rows = class_of_45()[:5]
    rows[3] = ("王" + rare, rows[3][1], rows[3][2])
    roster = write_csv(tmp_path / "名单.csv", rows, "utf-8")
    out = tmp_path / "out"
    result = run_cli(REPO, "merge", "parents", "--roster", str(roster), "--out", str(out))
    assert result.returncode == 1, result.stderr
    assert f"名单.csv:5: 姓名“王{rare}”里的“{rare}”（U+30000）印刷字体里没有" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists() or not list(out.iterdir())


def test_usage_and_roster_errors_are_named_in_chinese(tmp_path):
    project = Project(tmp_path / "proj")
    project.write("materials/letter/jiazhang.md", LETTER)
    project.write("materials/letter/jumin.md", LETTER.replace("id: jiazhang", "id: jumin").split("receipt:")[0]
                  + "---\n正文。\n")
    roster = write_csv(tmp_path / "名单.csv", class_of_45()[:3], "utf-8")

    unknown = project.run("merge", "jiazhang2", "--roster", str(roster))
    assert unknown.returncode == 2 and "jiazhang" in unknown.stderr and "用法错误" in unknown.stderr
    no_receipt = project.run("merge", "jumin", "--roster", str(roster))
    assert no_receipt.returncode == 2 and "没有回执" in no_receipt.stderr
    edition = project.run("merge", "jiazhang", "--roster", str(roster), "--edition", "xiangzhen")
    assert edition.returncode == 2 and "default" in edition.stderr
    missing = project.run("merge", "jiazhang", "--roster", str(tmp_path / "没有这个.csv"))
    assert missing.returncode == 2 and "找不到名单文件" in missing.stderr
    published = project.run("merge", "jiazhang", "--roster", str(roster), "--out", str(project.root / "site" / "x"))
    assert published.returncode == 2 and "site/" in published.stderr

    (tmp_path / "坏名单.csv").write_text("姓名,年级\n张三,一年级\n", encoding="gbk")
    bad = project.run("merge", "jiazhang", "--roster", str(tmp_path / "坏名单.csv"))
    assert bad.returncode == 1 and "坏名单.csv:1: 名单缺少“班级”列" in bad.stderr
    for result in (unknown, no_receipt, edition, missing, published, bad):
        assert "Traceback" not in result.stderr
    assert not (project.root / "private").exists()


def test_a_letter_longer_than_a_page_per_student_is_a_warning(tmp_path):
    # A school prints one sheet per student: a second page per letter doubles the paper for every class.
    project = Project(tmp_path / "proj")
    project.write("materials/letter/jiazhang.md", LETTER)
    long_body = "\n\n".join(["请和孩子一起记住：不听、不信、不转账。接到陌生电话要求转账，先挂断，再和家人商量。"] * 40)
    project.write("materials/letter/changxin.md", LETTER.replace("id: jiazhang", "id: changxin").split("---\n请和")[0]
                  + "---\n" + long_body + "\n")
    roster = write_csv(tmp_path / "名单.csv", class_of_45()[:3], "utf-8")

    short = project.run("merge", "jiazhang", "--roster", str(roster))
    assert short.returncode == 0, short.stderr
    assert "警告" not in short.stderr
    long = project.run("merge", "changxin", "--roster", str(roster))
    assert long.returncode == 0, long.stderr
    assert "警告 materials/letter/changxin.md:" in long.stderr and re.search(r"每人排成了 [2-9]", long.stderr)
    assert "缩短正文" in long.stderr and "Traceback" not in long.stderr


def test_a_class_name_too_long_for_its_blank_is_a_warning_at_its_row(tmp_path):
    project = Project(tmp_path / "proj")
    project.write("materials/letter/jiazhang.md", LETTER)
    long_class = "平安县实验小学南校区二〇二六级七年级（12）班"
    roster = write_csv(tmp_path / "名单.csv", [("张三", "七年级（1）班", "01"), ("李四", long_class, "02")], "utf-8")
    result = project.run("merge", "jiazhang", "--roster", str(roster))
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "警告" in line]
    assert len(warnings) == 1 and "名单.csv:3" in warnings[0] and long_class in warnings[0], result.stderr
    assert "超出了横线" in warnings[0] and "写短一些" in result.stderr and "Traceback" not in result.stderr


def test_canary_name_never_reaches_the_site(tmp_path):
    project = Project(tmp_path / "proj")
    project.scam()
    project.write("materials/letter/jiazhang.md", LETTER)
    rows = class_of_45()[:4]
    rows[2] = (CANARY, rows[2][1], rows[2][2])
    roster = write_csv(tmp_path / "名单.csv", rows, "gbk")
    merged = project.run("merge", "jiazhang", "--roster", str(roster))
    assert merged.returncode == 0, merged.stderr
    private = project.root / "private" / "merge" / "jiazhang" / "default"
    assert any(CANARY in text for pdf in private.glob("*.pdf") for text in page_texts(pdf))

    built = project.run("build")
    assert built.returncode == 0, built.stderr
    site = project.root / "site"
    escaped = json.dumps(CANARY).strip('"').encode()  # as it would look in JSON written with \\u escapes
    searched = 0
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        assert CANARY.encode() not in data and escaped not in data, path
        if path.suffix == ".pdf":
            assert all(CANARY not in text for text in page_texts(path)), path
        searched += path.name in ("search_index.json",) or path.suffix == ".pdf"
    assert (site / "search" / "search_index.json").is_file() and searched >= 2
    # The private folder of the bundled project is git-ignored.
    ignored = subprocess.run(["git", "-C", str(REPO), "check-ignore", "-q", "private/merge/parents/default/x.pdf"])
    assert ignored.returncode == 0


def test_each_bundled_edition_prints_its_own_signature_and_numbers(bundled_site):
    import yaml

    manifest = json.loads((bundled_site / "print" / "manifest.json").read_text("utf-8"))
    editions = {}
    for path in sorted((REPO / "materials" / "editions").glob("*.yml")):
        data = yaml.safe_load(path.read_text("utf-8"))
        editions[path.stem] = data
    assert {"default", "qingshui-zhen", "shiyan-xiaoxue"} <= set(editions)
    printed = {e: {i["material"] for i in manifest["items"] if i["edition"] == e} for e in editions}
    # What each kind of unit gets: a school its parent letter and student handout, a bank branch its counter form,
    # counter poster and ATM stickers, and no letters.
    assert {"parents", "xuesheng-a5"} <= printed["shiyan-xiaoxue"] and "enterprise" not in printed["shiyan-xiaoxue"]
    centre = (bundled_site / "print" / "index.html").read_text("utf-8")
    # The print centre lists every edition, under its unit's name.
    assert all(f">{data['unit']['name']}</h2>" in centre for data in editions.values())
    bank = next(e for e, data in editions.items() if data.get("type") == "银行网点")
    assert {"guitai-fengxian", "yinhang-guitai", "atm-fangpian-jingshi"} <= printed[bank]
    assert not {i["kind"] for i in manifest["items"] if i["edition"] == bank} & {"letter"}
    for edition_id, data in editions.items():
        unit = data["unit"]
        numbers = [p["number"] for p in (data.get("phones") or {}).get("local", [])]
        # The PDFs (a banner's full-size TIFF is the same artwork as its 1:10 PDF)
        items = [i for i in manifest["items"] if i["edition"] == edition_id and i["file"].endswith(".pdf")]
        assert items, edition_id
        texts = {i["material"]: "".join(page_texts(bundled_site / i["file"])) for i in items}
        everything = "".join(texts.values())
        for item in items:
            if item["kind"] == "letter":
                for line in unit["signature"].split("\n"):  # the 落款, line by line
                    assert line in texts[item["material"]], (edition_id, item["material"], line)
        assert unit["name"] in everything
        for number in numbers:
            assert number in everything, (edition_id, number)
        for other_id, other in editions.items():
            if other_id == edition_id:
                continue
            if other["unit"]["name"] not in unit["signature"] + unit["name"]:
                assert other["unit"]["name"] not in everything, (edition_id, other_id)
            for phone in (other.get("phones") or {}).get("local", []):
                if phone["number"] not in numbers:
                    assert phone["number"] not in everything, (edition_id, other_id)


def test_build_one_edition(tmp_path):
    project = Project(tmp_path / "proj")
    project.scam()
    project.write("materials/letter/jiazhang.md", LETTER)
    project.write("materials/editions/qingshui.yml", TOWNSHIP)
    site = tmp_path / "site"
    result = project.run("build", "--edition", "qingshui", "--site-dir", str(site))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (site / "print").iterdir() if p.is_dir()) == ["qingshui"]
    assert (site / "print" / "qingshui" / "jiazhang.pdf").is_file()
    manifest = json.loads((site / "print" / "manifest.json").read_text("utf-8"))
    assert {i["edition"] for i in manifest["items"]} == {"qingshui"}
    assert "测试县清水镇人民政府" in "".join(page_texts(site / "print" / "qingshui" / "jiazhang.pdf"))
    # The site's own pages still show the default edition.
    page = (site / "letter" / "jiazhang" / "index.html").read_text("utf-8")
    letter = page.split('id="fz-letter-text"', 1)[1].split("印刷文件", 1)[0]
    assert "测试县公安局" in letter and "清水镇" not in letter

    unknown = project.run("build", "--edition", "qingshui-zhen", "--site-dir", str(site))
    assert unknown.returncode == 2
    assert "用法错误" in unknown.stderr and "default、qingshui" in unknown.stderr and "Traceback" not in unknown.stderr


def test_edition_logo_heads_every_letter_and_a_missing_logo_is_named(tmp_path):
    """Also: merging again replaces the earlier roster's letters and leaves other files in the folder alone."""
    from PIL import Image

    project = Project(tmp_path / "proj")
    project.write("materials/letter/jiazhang.md", LETTER)
    (project.root / "materials" / "editions" / "logos").mkdir()
    Image.new("RGB", (240, 240), (200, 20, 20)).save(project.root / "materials" / "editions" / "logos" / "xiao.png")
    edition = project.root / "materials" / "editions" / "default.yml"
    edition.write_text(edition.read_text("utf-8") + "logo: logos/xiao.png\n", "utf-8")
    roster = write_csv(tmp_path / "名单.csv", [(name, "一班", number) for name, _, number in class_of_45()[:3]],
                       "utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "九班-致家长的一封测试信.pdf").write_bytes(b"%PDF-")  # a class of an earlier roster: replaced
    (out / "通知.pdf").write_bytes(b"%PDF-")  # the user's own file: kept
    assert project.run("merge", "jiazhang", "--roster", str(roster), "--out", str(out)).returncode == 0
    assert sorted(p.name for p in out.iterdir()) == ["一班-回执回收登记表.pdf", "一班-致家长的一封测试信.pdf",
                                                     "通知.pdf"]
    pages = PdfReader(out / "一班-致家长的一封测试信.pdf").pages
    assert len(pages) == 3 and all(len(page.images) == 1 for page in pages)

    edition.write_text(edition.read_text("utf-8").replace("logos/xiao.png", "logos/nope.png"), "utf-8")
    checked = project.run("check")
    assert checked.returncode == 1
    assert "materials/editions/default.yml:7: 找不到图片“logos/nope.png”" in checked.stderr
