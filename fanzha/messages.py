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


# --- merge/: rosters and merged letters ----------------------------------------------------------------------------


# --- channels/: 公众号, share images, SMS/LED, 广播稿 ----------------------------------------------------------------


# --- site/: pages, search, publishing ------------------------------------------------------------------------------


# --- pipeline, files, problems -------------------------------------------------------------------------------------

PROBLEMS_WARNING = "警告 {problem}"  # a warning as listed, before the errors


# --- cli: usage, help, progress, summaries ---------------------------------------------------------------------------
