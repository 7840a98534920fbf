"""Class rosters as schools really keep them: Excel .xlsx, or CSV saved by Excel/WPS in UTF-8, UTF-8 with BOM or GBK."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from fanzha import messages
from fanzha.edition.lint import invisible_character
from fanzha.problems import Problems

NAME, CLASS, NUMBER = messages.MERGE_NAME, messages.MERGE_CLASS, messages.MERGE_NUMBER


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
        problems.add(path, 1, messages.MERGE_ROSTER_EMPTY)
        return []
    header = [messages.MERGE_HEADER_ALIASES.get(h.strip(), h.strip()) for h in rows[0][1]]
    missing = [c for c in (NAME, CLASS) if c not in header]
    if missing:
        problems.add(path, rows[0][0], messages.MERGE_ROSTER_MISSING_COLUMNS.format(
            missing="”“".join(missing), columns="、".join(h for h in header if h) or messages.MERGE_NONE))
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
        invisible = [(label, value, char) for label, value in ((NAME, student.name), (CLASS, student.klass),
                                                                (NUMBER, student.number))
                     if (char := invisible_character(value)) is not None]
        if invisible:
            # 张\u200b三 prints as 张三 beside the real 张三, and is no duplicate to the check below.
            for label, value, char in dict.fromkeys(invisible):
                problems.add(path, line,
                             messages.MERGE_INVISIBLE_CHARACTER.format(label=label, value=value, code=ord(char)))
            continue
        if not student.name:
            problems.add(path, line, messages.MERGE_ROW_WITHOUT_NAME)
            continue
        if not student.klass:
            problems.add(path, line, messages.MERGE_ROW_WITHOUT_CLASS.format(name=student.name))
            continue
        key = (student.name, student.klass, student.number)
        if key in seen:
            problems.add(path, line,
                         messages.MERGE_DUPLICATE_ROW.format(line=seen[key], klass=student.klass, name=student.name))
            continue
        seen[key] = line
        students.append(student)
    return students


def _read_rows(path: Path, problems: Problems) -> list[tuple[int, list[str]]] | None:
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _read_xlsx(path, problems)
    if suffix not in (".csv", ".txt"):
        problems.add(path, 0, messages.MERGE_ROSTER_FORMAT.format(suffix=path.suffix))
        return None
    try:
        data = path.read_bytes()
    except OSError as exc:
        problems.add(path, 0, messages.MERGE_ROSTER_UNREADABLE.format(reason=exc.strerror))
        return None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        problems.add(path, 0, messages.MERGE_ROSTER_ENCODING)
        return None
    reader = csv.reader(io.StringIO(text.replace("\r\n", "\n").replace("\r", "\n")))
    return [(reader.line_num, row) for row in reader]


def _read_xlsx(path: Path, problems: Problems) -> list[tuple[int, list[str]]] | None:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged or mislabelled file
        problems.add(path, 0, messages.MERGE_XLSX_UNREADABLE.format(error=type(exc).__name__))
        return None
    sheet = book.worksheets[0]
    if sheet.sheet_state != "visible":  # what Excel shows first is another sheet: the teacher never saw this one
        problems.add(path, 0, messages.MERGE_FIRST_SHEET_HIDDEN.format(sheet=sheet.title))
        book.close()
        return None
    if len(book.worksheets) > 1:
        problems.warn(path, 0, messages.MERGE_FIRST_SHEET_READ.format(sheet=sheet.title, count=len(book.worksheets)))
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
