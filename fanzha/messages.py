"""Everything fanzha says to its users, in Chinese, in one place: content problems (what is wrong, how to fix it),
the command line's help, progress and summaries, and the words the engine itself puts on pages and into files.

The code names a message and fills in its fields; it never writes Chinese wording itself (tests/test_messages.py
keeps it so). One place, so that wording is reviewed, kept consistent and corrected together.

    problems.add(path, line, messages.MODEL_DUPLICATE_ID.format(id=..., other=...))
    console.print(messages.CLI_BUILD_DONE.format(count=...))

A `Message` is a problem's two halves (`what`, `fix`); every other wording is a plain string, with str.format
fields where it has any. Names start with the package that says them (MODEL_, EDITION_, PDF_, SITE_, MERGE_,
CHANNELS_, CLI_, PIPELINE_, FILES_); a message two packages say alike is defined once and shared.

The layout templates' own words (回执, 印刷说明 …) stay in fanzha/templates/, where a designer edits the layouts.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Message:
    """A content problem's wording: what is wrong, and how to fix it; {fields} filled in by `format`."""

    what: str
    fix: str = ""

    def format(self, **fields) -> Message:
        return Message(self.what.format(**fields), self.fix.format(**fields))


# --- shared: said by more than one package -----------------------------------------------------------------------


# --- model/: materials read and validated --------------------------------------------------------------------------


# --- edition/: expansion, lint, sanitizing, placeholders, script ---------------------------------------------------


# --- pdf/: print documents, layout problems, preflight, outputs ----------------------------------------------------

# Layout problems (pdf/issues.py): what the finished layout shows, said of a document as PDF_LAYOUT_ISSUE.
PDF_LAYOUT_ISSUE = "《{title}》（{edition} 版）：{issue}"
PDF_RECEIPT_MOVED = Message("回执在这一页放不下，已整体移到第 {page} 页单独打印（共 {pages} 页）",
                            "缩短正文，让回执和信在同一页；或保持现状，回执单独一页")
PDF_OVERFLOW = Message("{name}的文字太多，超出了版面，印出来会被裁掉", "删减这一栏的文字，或改用更大的尺寸")
PDF_SHORT_BLANK = Message("回执的填写栏最短只有 {mm:.0f} 毫米，手写填不下（至少要 {need} 毫米）",
                          "把 receipt 的 fields 里过长的字段名改短（四五个字为宜），或少列几项")
PDF_TOO_MANY_PAGES = Message("内容排了 {pages} 页，超过了 {sides} 面的版式", "删减文字，或改成双面/更大的版式")
PDF_LOW_DPI = Message("图片“{name}”（{px_w}×{px_h} 像素）印出来约 {w_mm:.0f}×{h_mm:.0f} mm，只有 {dpi:.0f} dpi，"
                      "低于印刷要求的 {need_dpi} dpi，会发虚；请换一张至少 {need_w}×{need_h} 像素的图片",
                      "用原图或相机拍的大图；从网页或微信里保存的图片通常太小")
PDF_REFUSED = Message("引用了项目之外的“{url}”，已拒绝读取",
                      "删掉它：印刷文件只能用项目里的字体、版式和 image: 指定的图片，不能引用网址或本机的其他文件")


# --- merge/: rosters and merged letters ----------------------------------------------------------------------------


# --- channels/: 公众号, share images, SMS/LED, 广播稿 ----------------------------------------------------------------


# --- site/: pages, search, publishing ------------------------------------------------------------------------------


# --- pipeline, files, problems -------------------------------------------------------------------------------------

PROBLEMS_WARNING = "警告 {problem}"  # a warning as listed, before the errors


# --- cli: usage, help, progress, summaries ---------------------------------------------------------------------------
