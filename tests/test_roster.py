"""Rosters as schools send them: GBK CSV from Excel, UTF-8 with BOM, CRLF, .xlsx; clear errors for bad rows."""

from pathlib import Path

import openpyxl
import pytest

from fanzha.problems import Problems
from fanzha.merge.roster import read_roster

# Names chosen to cover characters a careless decoder mangles (GBK two-byte trail bytes such as 镕, 昇).
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐"
GIVEN = ["子涵", "欣怡", "浩然", "梓萱", "宇轩", "雨桐", "昇", "镕基", "一诺", "思远", "嘉怡", "俊杰", "诗琪", "博文", "佳琪"]


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


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8", "utf-8-sig"])
def test_csv_in_every_encoding_excel_and_wps_write(tmp_path, encoding):
    rows = class_of_45()
    problems = Problems(tmp_path)
    students = read_roster(write_csv(tmp_path / "名单.csv", rows, encoding), problems)
    assert not problems.items
    assert [(s.name, s.klass, s.number) for s in students] == rows


def test_xlsx_roster_with_numeric_student_numbers(tmp_path):
    rows = class_of_45()
    problems = Problems(tmp_path)
    students = read_roster(write_xlsx(tmp_path / "名单.xlsx", rows), problems)
    assert not problems.items
    assert [(s.name, s.klass, s.number) for s in students] == rows


def test_missing_column_empty_name_and_duplicate_row_are_named(tmp_path):
    problems = Problems(tmp_path)
    (tmp_path / "a.csv").write_text("名字,年级\n张三,一年级\n", encoding="utf-8")
    read_roster(tmp_path / "a.csv", problems)
    assert "缺少“班级”列" in str(problems.items[0]) and "a.csv:1" in str(problems.items[0])

    problems = Problems(tmp_path)
    (tmp_path / "b.csv").write_text("姓名,班级\n张三,一班\n,一班\n张三,一班\n", encoding="utf-8")
    students = read_roster(tmp_path / "b.csv", problems)
    messages = [str(p) for p in problems.items]
    assert [s.name for s in students] == ["张三"]
    assert any("b.csv:3" in m and "没有填姓名" in m for m in messages)
    assert any("b.csv:4" in m and "与第 2 行重复" in m for m in messages)
