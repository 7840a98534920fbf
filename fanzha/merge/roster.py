"""Class rosters as schools really keep them: Excel .xlsx, or CSV saved by Excel/WPS in UTF-8, UTF-8 with BOM or GBK."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from fanzha.edition.lint import invisible_character
from fanzha.problems import Problems

NAME, CLASS, NUMBER = "姓名", "班级", "学号"
HEADER_ALIASES = {"学生姓名": NAME, "名字": NAME, "班别": CLASS, "班级名称": CLASS, "学籍号": NUMBER, "编号": NUMBER}


@dataclass(frozen=True)
class Student:
    name: str
    klass: str
    number: str
    line: int  # row in the file, for messages


def read_roster(path: Path, problems: Problems) -> list[Student]:
    rows = _read_rows(path, problems)
    if rows is None:
        return []
    if not rows:
        problems.add(path, 1, "名单是空的", "第一行写表头“姓名,班级”（学号可选），下面每行一名学生")
        return []
    header = [HEADER_ALIASES.get(h.strip(), h.strip()) for h in rows[0][1]]
    missing = [c for c in (NAME, CLASS) if c not in header]
    if missing:
        problems.add(path, rows[0][0],
                     f"名单缺少“{'”“'.join(missing)}”列（现有列：{'、'.join(h for h in header if h) or '无'}）",
                     "在第一行加上列名“姓名”和“班级”")
        return []
    col = {name: header.index(name) for name in (NAME, CLASS, NUMBER) if name in header}
    students: list[Student] = []
    seen: dict[tuple[str, str, str], int] = {}
    for line, cells in rows[1:]:
        if not any(c.strip() for c in cells):
            continue

        def cell(name: str) -> str:
            i = col.get(name)
            return cells[i].strip() if i is not None and i < len(cells) else ""

        student = Student(cell(NAME).replace(" ", "").replace("\u3000", ""), cell(CLASS), cell(NUMBER), line)
        invisible = [(label, value, char) for label, value in (("姓名", student.name), ("班级", student.klass),
                                                                ("学号", student.number))
                     if (char := invisible_character(value)) is not None]
        if invisible:
            # 张\u200b三 prints as 张三 beside the real 张三, and is no duplicate to the check below.
            for label, value, char in dict.fromkeys(invisible):
                problems.add(path, line, f"{label}“{value}”里有看不见的字符（U+{ord(char):04X}）",
                             "删掉这一格重新输入（从网页或微信复制的文字常带这种字符）")
            continue
        if not student.name:
            problems.add(path, line, "这一行没有填姓名", "补上学生姓名，或删掉这一行")
            continue
        if not student.klass:
            problems.add(path, line, f"{student.name} 没有填班级", "补上班级")
            continue
        key = (student.name, student.klass, student.number)
        if key in seen:
            problems.add(path, line, f"与第 {seen[key]} 行重复（{student.klass} {student.name}）",
                         "删掉重复的一行；同班同名的学生请填上学号区分")
            continue
        seen[key] = line
        students.append(student)
    return students


def _read_rows(path: Path, problems: Problems) -> list[tuple[int, list[str]]] | None:
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _read_xlsx(path, problems)
    if suffix not in (".csv", ".txt"):
        problems.add(path, 0, f"不支持的名单格式“{path.suffix}”", "在 Excel 或 WPS 里另存为 .xlsx 或 .csv")
        return None
    try:
        data = path.read_bytes()
    except OSError as exc:
        problems.add(path, 0, f"无法读取名单（{exc.strerror}）", "检查文件路径")
        return None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        problems.add(path, 0, "名单既不是 UTF-8 也不是 GBK 编码", "在 Excel 里另存为“CSV UTF-8”")
        return None
    reader = csv.reader(io.StringIO(text.replace("\r\n", "\n").replace("\r", "\n")))
    return [(reader.line_num, row) for row in reader]


def _read_xlsx(path: Path, problems: Problems) -> list[tuple[int, list[str]]] | None:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged or mislabelled file
        problems.add(path, 0, f"无法打开 Excel 文件（{type(exc).__name__}）", "用 Excel 或 WPS 打开后另存为 .xlsx")
        return None
    sheet = book.worksheets[0]
    if sheet.sheet_state != "visible":  # what Excel shows first is another sheet: the teacher never saw this one
        problems.add(path, 0, f"名单的第一个工作表“{sheet.title}”是隐藏的",
                     "在 Excel 里取消隐藏并核对它，或把名单放到第一个工作表")
        book.close()
        return None
    if len(book.worksheets) > 1:
        problems.warn(path, 0, f"读取的是第一个工作表“{sheet.title}”（共 {len(book.worksheets)} 个工作表）",
                      "名单不在这个工作表的话，把它移到最前面")
    rows = []
    for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        rows.append((number, [_cell_text(v) for v in row]))
    book.close()
    return rows


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # 学号 typed as numbers come back as floats
    return str(value)
