"""Rosters as schools send them: GBK CSV from Excel, UTF-8 with BOM, CRLF, .xlsx; clear errors for bad rows."""


import pytest

from fanzha.merge.roster import read_roster
from fanzha.problems import Problems

from helpers import class_of_45, write_csv, write_xlsx


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
