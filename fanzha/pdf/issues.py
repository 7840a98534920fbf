"""Layout problems: what only the finished layout shows (a 回执 moved to a page of its own, text running out of its
box, a blank too short to write in, too many pages, an image printed below 300 dpi, a URL refused), typed.

    findings = layout_findings(doc, typeset)       # what the layout showed: kept in the print cache
    for issue in layout_issues(doc, findings):     # where in the material, how bad, how to fix it
        issue.report(problems)

A `Finding` is the fact from the layout (its kind, its wording, what it is about); a `LayoutIssue` is the problem
made of it for the material as it is now: its file and line (a front-matter key's line, the body's, the line naming
a refused URL) and severity are looked up when it is reported, so that an output reused from the cache points at
the right line of a material whose lines moved without its HTML changing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from fanzha import messages
from fanzha.messages import Message
from fanzha.problems import Problems

if TYPE_CHECKING:
    from fanzha.pdf.documents import PrintDoc

WRITABLE_BLANK_MM = 40  # an 11-digit phone number or a signature, handwritten (~3.5 mm a character)
PRINT_DPI = 300  # FACTS.md, Print conventions: raster images at 300 dpi at their printed size


class IssueKind(StrEnum):
    RECEIPT_MOVED = "receipt-moved"
    OVERFLOW = "overflow"
    SHORT_BLANK = "short-blank"
    TOO_MANY_PAGES = "too-many-pages"
    LOW_DPI = "low-dpi"
    REFUSED = "refused"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Rule:
    """How a kind of layout problem is worded and fixed, and where in the material it points."""

    message: Message
    at: tuple[str, ...] = ()  # the front-matter key the problem is about; () for the body
    error_if_fixed: bool = False  # on a fixed-size layout (poster, card, 三折页, sticker) an error, else a warning
    error: bool = False  # an error on every layout

    def severity(self, fixed: bool) -> Severity:
        return Severity.ERROR if self.error or (fixed and self.error_if_fixed) else Severity.WARNING


RULES = {
    IssueKind.RECEIPT_MOVED: Rule(messages.PDF_RECEIPT_MOVED),
    IssueKind.OVERFLOW: Rule(messages.PDF_OVERFLOW, error_if_fixed=True),
    IssueKind.SHORT_BLANK: Rule(messages.PDF_SHORT_BLANK, ("receipt", "fields")),
    IssueKind.TOO_MANY_PAGES: Rule(messages.PDF_TOO_MANY_PAGES),
    IssueKind.LOW_DPI: Rule(messages.PDF_LOW_DPI, ("image",)),
    IssueKind.REFUSED: Rule(messages.PDF_REFUSED, error=True),
}


@dataclass(frozen=True)
class Finding:
    """What the layout showed, as the print cache keeps it: [kind, text, subject]."""

    kind: IssueKind
    text: str  # what is wrong, without the document's name
    subject: str = ""  # what it is about, to find its line (a refused URL)

    @classmethod
    def of(cls, kind: IssueKind, subject: str = "", **fields) -> Finding:
        return cls(kind, RULES[kind].message.what.format(**fields), subject)

    def to_list(self) -> list[str]:
        return [str(self.kind), self.text, self.subject]

    @classmethod
    def from_list(cls, data) -> Finding:
        """A finding as to_list wrote it; ValueError for anything else (a damaged cache entry)."""
        if not (isinstance(data, list) and len(data) == 3 and all(isinstance(part, str) for part in data)):
            raise ValueError(f"not a layout finding: {data!r}")
        return cls(IssueKind(data[0]), data[1], data[2])


@dataclass(frozen=True)
class LayoutIssue:
    """A layout problem of one print document, ready to report."""

    kind: IssueKind
    severity: Severity
    file: Path
    line: int
    message: str  # what is wrong, naming the document and its edition
    fix: str

    @classmethod
    def of(cls, doc: PrintDoc, finding: Finding) -> LayoutIssue:
        rule = RULES[finding.kind]
        source = doc.material.source
        line = source.line_of(*rule.at) if rule.at else source.body_line
        if finding.kind == IssueKind.REFUSED:
            line = _line_naming(doc.material.path, finding.subject) or line
        message = messages.PDF_LAYOUT_ISSUE.format(title=doc.context["title"], edition=doc.expanded.edition.id,
                                                   issue=finding.text)
        return cls(finding.kind, rule.severity(doc.fixed), Path(doc.material.path), line, message, rule.message.fix)

    def report(self, problems: Problems) -> None:
        problems.add(self.file, self.line, Message(self.message, self.fix), warning=self.severity == Severity.WARNING)


def layout_issues(doc: PrintDoc, findings: list[Finding]) -> list[LayoutIssue]:
    """The problems the findings of a document's layout make, made now (from the cache too)."""
    return [LayoutIssue.of(doc, finding) for finding in findings
            # a sticker sheet's cut-guide copy carries the same text; the sheet itself reports it once
            if not (doc.variant and finding.kind == IssueKind.OVERFLOW)]


def layout_findings(doc: PrintDoc, result) -> list[Finding]:
    """What the typeset document (typeset.TypesetDocument) shows is wrong with its layout."""
    out = [Finding.of(IssueKind.REFUSED, url, url=url[:120]) for url in getattr(result, "refused", [])]
    if result.receipt_page and result.signoff_page and result.receipt_page != result.signoff_page:
        out.append(Finding.of(IssueKind.RECEIPT_MOVED, page=result.receipt_page, pages=result.pages))
    for name in result.overflow:
        out.append(Finding.of(IssueKind.OVERFLOW, name=name))
    if result.blanks_mm and min(result.blanks_mm) < WRITABLE_BLANK_MM:
        out.append(Finding.of(IssueKind.SHORT_BLANK, mm=min(result.blanks_mm), need=WRITABLE_BLANK_MM))
    limit = doc.expect_pages or doc.max_pages
    if limit and result.pages > limit and not result.overflow:
        out.append(Finding.of(IssueKind.TOO_MANY_PAGES, pages=result.pages, sides=doc.sides))
    image = doc.context.get("image")
    for _name, box_w, box_h in getattr(result, "images", []) if image else []:
        out += image_resolution_findings(image, box_w, box_h)
    return out


def image_resolution_findings(image: dict, box_w: float, box_h: float) -> list[Finding]:
    """The image is scaled to fit its box (object-fit: contain): its printed size, and the dpi that gives."""
    px_w, px_h = image["px"]
    scale = min(box_w / px_w, box_h / px_h)  # mm per pixel
    dpi = 25.4 / scale
    if dpi >= PRINT_DPI - 0.5:
        return []
    need_w, need_h = (math.ceil(px * PRINT_DPI / dpi) for px in (px_w, px_h))
    return [Finding.of(IssueKind.LOW_DPI, name=image["name"], px_w=px_w, px_h=px_h, w_mm=px_w * scale,
                       h_mm=px_h * scale, dpi=dpi, need_dpi=PRINT_DPI, need_w=need_w, need_h=need_h)]


def _line_naming(path: Path | str, url: str) -> int | None:
    """The material's line that names the refused URL: its host or its file's name, as the author typed it."""
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(url)
    needles = [n for n in (parts.hostname, unquote(parts.path).rsplit("/", 1)[-1]) if n]
    try:
        lines = Path(path).read_text("utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return None
    return next((number for needle in needles for number, line in enumerate(lines, start=1) if needle in line), None)
