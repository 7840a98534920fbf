"""Layout problems as typed records (fanzha/pdf/issues.py): each kind's severity and line on a fixed-size and on a
flowing layout, and a finding kept in the print cache reported again as the same problem."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from fanzha import messages
from fanzha.model.sources import Source
from fanzha.pdf.issues import (Finding, IssueKind, LayoutIssue, Severity, image_resolution_findings, layout_findings,
                               layout_issues)
from fanzha.pdf.typeset import TypesetDocument
from fanzha.problems import Problem, Problems

MATERIAL = """\
---
kind: poster
id: p
title: 测试
image: photo.jpg
receipt:
  fields: [班级, 学生姓名]
---
正文第一行，![](https://cdn.example.com/a.png)
"""


def document(root: Path, fixed: bool, variant: str = "", text: str = MATERIAL):
    """The parts of a PrintDoc a layout problem reads: its material (file, key lines, body line), title, edition."""
    path = root / "materials" / "poster" / "p.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    lines = {("image",): text.split("\n").index("image: photo.jpg") + 1,
             ("receipt", "fields"): text.split("\n").index("  fields: [班级, 学生姓名]") + 1}
    source = Source(path, {}, "", text.split("\n").index("---", 1) + 2, lines)
    material = SimpleNamespace(source=source, path=path)
    return SimpleNamespace(material=material, context={"title": "测试海报"}, fixed=fixed, variant=variant,
                           expanded=SimpleNamespace(edition=SimpleNamespace(id="default")), expect_pages=1,
                           max_pages=None, sides=1)


FINDINGS = [Finding.of(IssueKind.RECEIPT_MOVED, page=2, pages=2), Finding.of(IssueKind.OVERFLOW, name="标题"),
            Finding.of(IssueKind.SHORT_BLANK, mm=31.6, need=40), Finding.of(IssueKind.TOO_MANY_PAGES, pages=3, sides=1),
            *image_resolution_findings({"name": "photo.jpg", "px": [600, 400]}, 100, 100),
            Finding.of(IssueKind.REFUSED, "https://cdn.example.com/a.png", url="https://cdn.example.com/a.png")]


@pytest.mark.parametrize("fixed", [True, False])
def test_each_kind_has_its_severity_and_line(tmp_path, fixed):
    doc = document(tmp_path, fixed)
    issues = {issue.kind: issue for issue in layout_issues(doc, FINDINGS)}
    assert set(issues) == set(IssueKind)
    body, image, fields = 9, 5, 7
    assert {kind: (issue.severity, issue.line) for kind, issue in issues.items()} == {
        IssueKind.RECEIPT_MOVED: (Severity.WARNING, body),
        IssueKind.OVERFLOW: (Severity.ERROR if fixed else Severity.WARNING, body),
        IssueKind.SHORT_BLANK: (Severity.WARNING, fields),
        IssueKind.TOO_MANY_PAGES: (Severity.WARNING, body),
        IssueKind.LOW_DPI: (Severity.WARNING, image),
        IssueKind.REFUSED: (Severity.ERROR, body),  # the line naming the URL is the body's first
    }
    overflow = issues[IssueKind.OVERFLOW]
    assert overflow == LayoutIssue(IssueKind.OVERFLOW, overflow.severity, doc.material.path, body,
                                   "《测试海报》（default 版）：标题的文字太多，超出了版面，印出来会被裁掉",
                                   messages.PDF_OVERFLOW.fix)
    assert issues[IssueKind.SHORT_BLANK].message.endswith("最短只有 32 毫米，手写填不下（至少要 40 毫米）")
    assert "只有 152 dpi，低于印刷要求的 300 dpi" in issues[IssueKind.LOW_DPI].message


def test_report_makes_the_problem(tmp_path):
    doc = document(tmp_path, fixed=True)
    problems = Problems(tmp_path)
    for issue in layout_issues(doc, FINDINGS):
        issue.report(problems)
    path = "materials/poster/p.md"
    assert Problem(path, 9, "《测试海报》（default 版）：标题的文字太多，超出了版面，印出来会被裁掉",
                   messages.PDF_OVERFLOW.fix) in problems.errors
    assert Problem(path, 7, "《测试海报》（default 版）：回执的填写栏最短只有 32 毫米，手写填不下（至少要 40 毫米）",
                   messages.PDF_SHORT_BLANK.fix, warning=True) in problems.warnings
    assert len(problems.errors) == 2 and len(problems.warnings) == 4


def test_a_cached_finding_is_reported_as_the_same_problem_at_the_line_of_today(tmp_path):
    fresh = Problems(tmp_path)
    for issue in layout_issues(document(tmp_path, fixed=True), FINDINGS):
        issue.report(fresh)
    cached = json.loads(json.dumps([finding.to_list() for finding in FINDINGS], ensure_ascii=False))
    again = Problems(tmp_path)
    for issue in layout_issues(document(tmp_path, fixed=True), [Finding.from_list(data) for data in cached]):
        issue.report(again)
    assert again.items == fresh.items

    # Two lines added above the front matter's end: the same cached findings point at the lines as they are now.
    moved = MATERIAL.replace("title: 测试\n", "title: 测试\nsummary: 一\nnote: 二\n")
    doc = document(tmp_path, fixed=True, text=moved)
    lines = {i.kind: i.line for i in layout_issues(doc, [Finding.from_list(data) for data in cached])}
    assert lines[IssueKind.OVERFLOW] == 11 and lines[IssueKind.LOW_DPI] == 7 and lines[IssueKind.REFUSED] == 11


@pytest.mark.parametrize("data", [["overflow", "x"], ["nonsense", "x", ""], ["overflow", 1, ""], "overflow", None])
def test_a_damaged_cache_entry_is_no_finding(data):
    with pytest.raises(ValueError):
        Finding.from_list(data)


def test_a_sticker_sheets_copy_does_not_report_its_overflow_again(tmp_path):
    copy = document(tmp_path, fixed=True, variant="cut-guides")
    assert [i.kind for i in layout_issues(copy, FINDINGS)] == [k for k in IssueKind if k != IssueKind.OVERFLOW]


def test_findings_from_the_typeset_facts(tmp_path):
    doc = document(tmp_path, fixed=True)
    doc.context["image"] = {"name": "photo.jpg", "px": [3000, 2000]}
    result = TypesetDocument(b"", pages=2, receipt_page=2, signoff_page=1, overflow=[], blanks_mm=[55.0, 38.2],
                             images=[("photo", 100, 100)], refused=["file:///etc/passwd"])
    found = layout_findings(doc, result)
    assert [f.kind for f in found] == [IssueKind.REFUSED, IssueKind.RECEIPT_MOVED, IssueKind.SHORT_BLANK,
                                       IssueKind.TOO_MANY_PAGES]
    assert found[0] == Finding(IssueKind.REFUSED, "引用了项目之外的“file:///etc/passwd”，已拒绝读取", "file:///etc/passwd")
    assert found[1].text == "回执在这一页放不下，已整体移到第 2 页单独打印（共 2 页）"
    assert found[3].text == "内容排了 2 页，超过了 1 面的版式"
