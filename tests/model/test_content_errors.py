"""Bad input gets `file:line: 问题 — 怎么改` in Chinese, exit code 1, no traceback — all problems at once."""

import pytest

LETTER = """\
---
kind: letter
id: parents
title: 致家长的一封信
salutation: 尊敬的家长朋友们：
---
{body}
"""

CASES = [
    # (id, files {path: text}, expected file:line, expected words in the message)
    ("fullwidth-colon", {"materials/letter/parents.md": "---\nkind: letter\nid： parents\n---\n正文\n"},
     "materials/letter/parents.md:3", "全角冒号"),
    ("tab-indent", {"materials/letter/parents.md": "---\nkind: letter\nreceipt:\n\tstatement: x\n---\n"},
     "materials/letter/parents.md:4", "制表符"),
    ("unclosed-front-matter", {"materials/letter/parents.md": "---\nkind: letter\nid: parents\n正文\n"},
     "materials/letter/parents.md:1", "没有结束"),
    ("no-front-matter", {"materials/letter/parents.md": "正文\n"}, "materials/letter/parents.md:1", "缺少 YAML 头部"),
    ("empty-file", {"materials/letter/parents.md": ""}, "materials/letter/parents.md:1", "空的"),
    ("unknown-kind", {"materials/letter/parents.md": "---\nkind: leter\nid: parents\ntitle: x\n---\n"},
     "materials/letter/parents.md:2", "未知的素材类型"),
    ("missing-field", {"materials/letter/parents.md": "---\nkind: letter\nid: parents\ntitle: 信\n---\n正文\n"},
     "materials/letter/parents.md", "缺少必填项 `salutation`"),
    ("unknown-key", {"materials/letter/parents.md": LETTER.replace("title:", "titel: x\ntitle:").format(body="正文")},
     "materials/letter/parents.md:4", "不认识的键 `titel`"),
    ("bad-id", {"materials/letter/parents.md": LETTER.replace("id: parents", "id: 家长").format(body="正文")},
     "materials/letter/parents.md:3", "格式不对"),
    ("undefined-variable", {"materials/letter/parents.md": LETTER.format(body="第一行\n\n{{ unit.nmae }}提醒您")},
     "materials/letter/parents.md:9", "未定义的变量"),
    ("placeholder", {"materials/letter/parents.md": LETTER.format(body="xx县公安局提醒您")},
     "materials/letter/parents.md:7", "占位符"),
    ("wrong-hotline", {"materials/letter/parents.md": LETTER.format(body="请拨打12337举报")},
     "materials/letter/parents.md:7", "12337 不是反诈电话"),
    ("unknown-phone", {"materials/letter/parents.md": LETTER.format(body="咨询电话 0571-88886666")},
     "materials/letter/parents.md:7", "既不是反诈专用号码"),
    ("foreign-link", {"materials/letter/parents.md": LETTER.format(body="详见 https://evil.example.com/a")},
     "materials/letter/parents.md:7", "域名不在允许范围内"),
    ("script", {"materials/letter/parents.md": LETTER.format(body="<script>alert(1)</script>")},
     "materials/letter/parents.md:7", "<script>"),
    ("unknown-scam-ref", {"materials/poster/p.md": "---\nkind: poster\nid: p\ntitle: 海报\nsize: A3\nheadline: 标题\n"
                                                   "scam_types: [shuadan-fanli, no-such]\n---\n"},
     "materials/poster/p.md:7", "不存在的诈骗类型 `no-such`"),
    ("unknown-slogan-ref", {"materials/poster/p.md": "---\nkind: poster\nid: p\ntitle: 海报\nsize: A3\nheadline: 标题\n"
                                                     "slogans:\n  - nope/nope\n---\n"},
     "materials/poster/p.md:8", "不存在的标语"),
    ("banner-too-long", {"materials/slogans/s.md": "---\nkind: slogans\nid: s\ntitle: 标语\nchannels: [横幅]\n---\n"
                                                   "- 这是一条非常非常长的横幅标语已经超过了二十个字的上限\n"},
     "materials/slogans/s.md:7", "超过上限 20 字"),
    ("duplicate-id", {"materials/scam/dup.md": "---\nkind: scam\nid: shuadan-fanli\ntitle: 重复\n---\n"},
     "materials/scam/shuadan-fanli.md:3", "与 materials/scam/dup.md 重复"),
    ("wrong-folder", {"materials/poster/parents.md": LETTER.format(body="正文")},
     "materials/poster/parents.md:2", "不在 materials/letter/"),
    ("unknown-audience", {"materials/letter/parents.md": LETTER.replace("title:", "audiences: [外星人]\ntitle:")
                          .format(body="正文")}, "materials/letter/parents.md:4", "未知的受众"),
]


@pytest.mark.parametrize("files, where, words", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_material_is_reported_with_file_line_and_fix(project, files, where, words):
    project.scam()
    for rel, text in files.items():
        project.write(rel, text)
    result = project.run("check")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith(where)]
    assert any(words in line and " — " in line for line in lines), result.stderr


def test_gbk_file_names_the_encoding_and_the_fix(project):
    project.scam()
    project.write("materials/letter/parents.md", LETTER.format(body="刷单就是诈骗"), encoding="gbk")
    result = project.run("check")
    assert result.returncode == 1
    assert "GBK" in result.stderr and "UTF-8" in result.stderr


def test_bom_and_crlf_are_accepted(project):
    project.scam()
    text = "\ufeff" + LETTER.format(body="刷单就是诈骗").replace("\n", "\r\n")
    (project.root / "materials/letter/parents.md").parent.mkdir(parents=True, exist_ok=True)
    (project.root / "materials/letter/parents.md").write_bytes(text.encode("utf-8"))
    result = project.run("check")
    assert result.returncode == 0, result.stderr


def test_all_problems_of_a_run_are_listed_together(project):
    project.scam()
    project.write("materials/letter/a.md", LETTER.replace("parents", "a").format(body="xx县"))
    project.write("materials/letter/b.md", LETTER.replace("parents", "b").format(body="拨打12337"))
    result = project.run("check")
    assert result.returncode == 1
    assert "materials/letter/a.md:7" in result.stderr and "materials/letter/b.md:7" in result.stderr


def test_unit_placeholder_in_edition_is_an_error(project):
    project.scam()
    project.write("materials/editions/default.yml", EDITION_WITH_PLACEHOLDER)
    result = project.run("check")
    assert result.returncode == 1
    assert "materials/editions/default.yml:3" in result.stderr and "占位符" in result.stderr


EDITION_WITH_PLACEHOLDER = """\
id: default
unit:
  name: xx县公安局
  region: 测试县
  signature: 测试县公安局
date: 2026-11-01
"""
