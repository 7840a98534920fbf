"""Per-student letters (`fanzha merge`): a letter once per student of a class roster, the student's 班级 and 姓名
printed on the 回执, and a 回执回收登记表 for each class teacher.

    merge_letters(root, letter_id, students, edition_id, out_dir) -> list[Path]

One WeasyPrint document per class (a class of 45 is one render, not 45), rendered as tasks of the print executor
(fanzha/pdf/executor.py: worker processes on all cores), fonts subset per document to exactly its characters.
Names are personal data: the output goes to a private folder (default private/merge/<letter>/<edition>/) that is
git-ignored and never inside a folder the site is built from, and the default executor keeps them on this machine
(`--executor dask://…` sends each class's HTML, names included, to the cluster's workers, which write nothing).
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable
from pathlib import Path

from fanzha import messages
from fanzha.edition import expand_material, lint_edition, lint_expanded
from fanzha.merge.roster import Student, read_roster
from fanzha.model import Catalog, load_catalog
from fanzha.pdf.executor import WorkerSettings, make_task, open_runner
from fanzha.pdf.html import stylesheets
from fanzha.problems import Problem, Problems
from fanzha.site.guard import UnsafeOutput, refuse_unsafe_output

PRIVATE_DIR = Path("private") / "merge"
# Folders whose contents end up on the website: merged letters must never be written there.
PUBLISHED_DIRS = ("site", "docs", "materials", "overrides", ".cache/print")
NAME_FIELDS = (messages.MERGE_STUDENT_NAME, messages.MERGE_NAME)  # the 回执's name blank, as letters call it
CLASS_FIELD = messages.MERGE_CLASS
NUMBER_FIELD = messages.MERGE_NUMBER
REGISTER_TITLE = messages.MERGE_REGISTER_TITLE

Progress = Callable[[int, int, str], None]  # (students done, students in all, class just finished)


class MergeUsageError(Exception):
    """The command names something that does not exist (letter, edition) or a place it must not write to."""


def default_out_dir(root: Path, letter_id: str, edition_id: str) -> Path:
    return Path(root) / PRIVATE_DIR / letter_id / edition_id


def merge_roster(root: Path, letter_id: str, roster: Path, edition_id: str = "default", out_dir: Path | None = None,
                 progress: Progress | None = None, settings: WorkerSettings | None = None,
                 warnings: list[Problem] | None = None) -> list[Path]:
    """Read a roster file and merge it; raises ContentError listing every problem of the roster and the letter."""
    problems = Problems(Path(root))
    students = read_roster(Path(roster), problems)
    problems.raise_if_errors()
    if warnings is not None:
        warnings += problems.warnings
    if not students:
        problems.add(roster, 1, messages.MERGE_NO_STUDENTS)
        problems.raise_if_errors()
    return merge_letters(root, letter_id, students, edition_id, out_dir, roster=roster, progress=progress,
                         settings=settings, warnings=warnings)


def merge_letters(root: Path, letter_id: str, students: list[Student], edition_id: str = "default",
                  out_dir: Path | None = None, *, roster: Path | str = messages.MERGE_ROSTER,
                  progress: Progress | None = None, settings: WorkerSettings | None = None,
                  warnings: list[Problem] | None = None) -> list[Path]:
    """Write one PDF of letters and one 登记表 per class into out_dir; returns the files written.

    `roster` names the roster in messages (a student's glyph problem is reported at its row there); `warnings`, when
    given, receives what was printed but costs paper (a letter longer than one page per student)."""
    from fanzha.edition.script import converter_for
    from fanzha.pdf import check_glyphs
    from fanzha.pdf.documents import letter_doc
    from fanzha.pdf.layout.fonts import missing_characters, require_harfbuzz_subset, visible_text
    from fanzha.pdf.manifest import write_atomic
    from fanzha.pdf.html import document_html

    root = Path(root).resolve()
    out_dir = Path(out_dir) if out_dir else default_out_dir(root, letter_id, edition_id)
    refuse_published(root, out_dir)
    try:
        refuse_unsafe_output(root, out_dir, "--out", replaced_whole=False)
    except UnsafeOutput as exc:
        raise MergeUsageError(str(exc)) from None
    require_harfbuzz_subset()
    problems = Problems(root)
    catalog = load_catalog(root, problems)
    problems.raise_if_errors()
    edition = _edition(catalog, edition_id)
    material = _letter(catalog, letter_id)

    lint_edition(edition, problems)
    expanded = expand_material(material, edition, problems)
    problems.raise_if_errors()
    lint_expanded(edition, {material.id: expanded}, problems)
    converter = converter_for(edition)
    if converter is not None:  # a 繁體版's letter text; the students' names stay as the roster writes them
        expanded = converter.expanded({material.id: expanded})[material.id]
    doc = letter_doc(expanded, catalog, problems)
    fields = doc.context["receipt"]["fields"]
    name_field = next((f for f in NAME_FIELDS if f in fields), None)
    if name_field is None or CLASS_FIELD not in fields:
        missing = "”“".join(f for f in (NAME_FIELDS[0], CLASS_FIELD) if f not in fields)
        problems.add(material.path, material.source.line_of("receipt", "fields"),
                     messages.MERGE_RECEIPT_LACKS_FIELDS.format(missing=missing))
    check_glyphs(doc, visible_text(document_html(doc)), problems)
    for student in students:
        for label, value in ((messages.MERGE_NAME, student.name), (messages.MERGE_CLASS, student.klass),
                             (messages.MERGE_NUMBER, student.number)):
            for char in missing_characters(value):
                problems.add(roster, student.line,
                             messages.MERGE_MISSING_GLYPH.format(label=label, value=value, char=char, code=ord(char)))
    problems.raise_if_errors()

    classes: dict[str, list[Student]] = {}
    for student in students:
        classes.setdefault(student.klass, []).append(student)
    by_file: dict[str, str] = {}
    for klass, members in classes.items():
        # 1/2班, 1_2班 and 1:2班 make one file name: the letters of one class would overwrite the other's.
        first = by_file.setdefault(_file_name(klass).casefold(), klass)
        if first != klass:
            problems.add(roster, members[0].line, messages.MERGE_CLASS_FILE_NAME_CLASH.format(
                klass=klass, other=first, line=classes[first][0].line, file=_file_name(klass)))
    problems.raise_if_errors()
    has_numbers = any(s.number for s in students)
    plans = {}  # file name -> (document, its students: the letters' class, or none for a 登记表)
    for klass, members in classes.items():
        rows = [{"name": s.name, "number": s.number,
                 "filled": {name_field: s.name, CLASS_FIELD: s.klass, **({NUMBER_FIELD: s.number} if s.number else {})}}
                for s in members]
        letters = dataclasses.replace(doc, template="letters-merged.html.j2",
                                      context={**doc.context, "students": rows, "klass": klass})
        register = dataclasses.replace(doc, template="register.html.j2", context={
            **doc.context, "kind": "register", "title": f"{klass}{REGISTER_TITLE}",
            "letter_title": doc.context["title"], "klass": klass, "students": rows, "has_numbers": has_numbers})
        plans[f"{_file_name(klass)}-{_file_name(doc.context['title'])}.pdf"] = (letters, members)
        plans[f"{_file_name(klass)}-{REGISTER_TITLE}.pdf"] = (register, [])

    css = stylesheets()

    def tasks():
        """Each class's HTML made as the renderers take it, so that what is held at once does not grow with the
        roster."""
        for name, (plan, _) in plans.items():
            html = document_html(plan)
            if converter is not None:  # corner quotes too; names and classes stay as written
                html = converter.keeping(s for row in plan.context["students"]
                                         for s in (row["name"], plan.context["klass"])).finish_html(html)
            yield make_task(hashlib.sha256(html.encode()).hexdigest(), name, html, plan.page, css, preview=False,
                            glyphs=plan.context["glyphs"])

    done = 0
    long_letter_noted = False
    runner = open_runner(settings or WorkerSettings())
    try:
        for result in runner.run(tasks()):
            plan, members = plans[result.name]
            count = len(members)
            if result.typeset.refused:  # the letter's own text is checked before; this is the last line of defence
                for url in result.typeset.refused:
                    problems.add(material.path, material.source.body_line,
                                 messages.MERGE_OUTSIDE_FILE.format(url=url[:120]))
                problems.raise_if_errors()
            write_atomic(out_dir / result.name, result.typeset.pdf)
            if count and result.typeset.pages > count and warnings is not None and not long_letter_noted:
                # A school prints one sheet per student; a second page per letter doubles the paper for every class.
                long_letter_noted = True
                long_letter = messages.MERGE_LONG_LETTER.format(
                    title=doc.context["title"], pages_each=result.typeset.pages / count, klass=plan.context["klass"],
                    count=count, pages=result.typeset.pages)
                warnings.append(Problem(problems.relative(material.path), material.source.body_line,
                                        long_letter.what, long_letter.fix, warning=True))
            if warnings is not None:
                warnings += _overfilled(result.typeset.overfilled, members, problems.relative(roster))
            done += count
            if progress and count:  # a class counts as done with its letters; its 登记表 adds no students
                progress(done, len(students), plan.context["klass"])
    finally:
        runner.close()
    written = [out_dir / name for name in plans]
    # Letters of classes an earlier roster had and this one has not; any other file in the folder is the user's.
    ours = (f"-{_file_name(doc.context['title'])}.pdf", f"-{REGISTER_TITLE}.pdf")
    for old in out_dir.glob("*.pdf"):
        if old not in written and old.name.endswith(ours):
            old.unlink()
    return written


def _overfilled(values: list[str], students: list[Student], roster: str) -> list[Problem]:
    """A warning at the first roster row of each value (a name, a class) that runs past its 回执 blank."""
    out = []
    for value in dict.fromkeys(values):
        student = next((s for s in students if value in (s.name, s.klass, s.number)), None)
        if student is not None:
            overfilled = messages.MERGE_VALUE_OVERFILLS_BLANK.format(value=value)
            out.append(Problem(roster, student.line, overfilled.what, overfilled.fix, warning=True))
    return out


def refuse_published(root: Path, out_dir: Path) -> None:
    target = out_dir.resolve()
    for name in PUBLISHED_DIRS:
        folder = (root / name).resolve()
        if target == folder or folder in target.parents:
            raise MergeUsageError(messages.MERGE_OUT_IN_PUBLISHED.format(out=out_dir, folder=name, default=PRIVATE_DIR))


def _edition(catalog: Catalog, edition_id: str):
    if edition_id not in catalog.editions:
        raise MergeUsageError(messages.MERGE_NO_SUCH_EDITION.format(edition=edition_id,
                                                                    editions="、".join(sorted(catalog.editions))))
    return catalog.editions[edition_id]


def _letter(catalog: Catalog, letter_id: str):
    letters = catalog.of_kind("letter")
    with_receipt = "、".join(m.id for m in letters if m.meta.receipt) or messages.MERGE_NONE
    material = catalog.materials.get(letter_id)
    if material is None or material.kind != "letter":
        raise MergeUsageError(messages.MERGE_NO_SUCH_LETTER.format(letter=letter_id, letters=with_receipt))
    if material.meta.receipt is None:
        raise MergeUsageError(messages.MERGE_LETTER_WITHOUT_RECEIPT.format(title=material.meta.title,
                                                                           letters=with_receipt))
    return material


def _file_name(text: str) -> str:
    """A file name from a class name or title: no path separators or characters Windows refuses."""
    cleaned = "".join("_" if c in '\\/:*?"<>|' or ord(c) < 32 else c for c in text).strip(" .")
    return cleaned or messages.MERGE_UNNAMED
