"""The `fanzha` command: build, check, serve, new. Messages in Chinese; exit 0 fine, 1 content errors, 2 usage."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from rich.console import Console

from fanzha import __version__, messages
from fanzha.problems import ContentError

OK, CONTENT_ERROR, USAGE_ERROR, INTERNAL_ERROR = 0, 1, 2, 3
console = Console(stderr=True, highlight=False)

class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's own messages are English
        for pattern, replacement in messages.CLI_ARGPARSE_ZH:
            message = re.sub(pattern, replacement, message)
        console.print(messages.CLI_PARSER_ERROR.format(error=message, prog=self.prog))
        sys.exit(USAGE_ERROR)


def make_parser() -> Parser:
    parser = Parser(prog="fanzha", description=messages.CLI_DESCRIPTION, add_help=False)
    parser.add_argument("-h", "--help", action="help", help=messages.CLI_HELP_HELP)
    parser.add_argument("--version", action="version", version=f"fanzha {__version__}", help=messages.CLI_VERSION_HELP)
    parser.add_argument("--root", type=Path, default=Path("."), help=messages.CLI_ROOT_HELP)
    sub = parser.add_subparsers(dest="command", metavar=messages.CLI_COMMAND_METAVAR, parser_class=Parser)
    sub.required = True

    build = sub.add_parser("build", help=messages.CLI_BUILD_HELP, add_help=False)
    build.add_argument("-h", "--help", action="help", help=messages.CLI_HELP_HELP)
    build.add_argument("--site-dir", type=Path, default=None, help=messages.CLI_SITE_DIR_HELP)
    build.add_argument("--edition", metavar=messages.CLI_EDITION_METAVAR, default=None,
                       help=messages.CLI_BUILD_EDITION_HELP)
    add_worker_options(build)

    check = sub.add_parser("check", help=messages.CLI_CHECK_HELP, add_help=False)
    check.add_argument("-h", "--help", action="help", help=messages.CLI_HELP_HELP)

    serve = sub.add_parser("serve", help=messages.CLI_SERVE_HELP, add_help=False)
    serve.add_argument("-h", "--help", action="help", help=messages.CLI_HELP_HELP)
    serve.add_argument("--addr", default="127.0.0.1:8000", help=messages.CLI_ADDR_HELP)

    merge = sub.add_parser("merge", help=messages.CLI_MERGE_HELP, add_help=False)
    merge.add_argument("-h", "--help", action="help", help=messages.CLI_HELP_HELP)
    merge.add_argument("letter", metavar=messages.CLI_LETTER_METAVAR, help=messages.CLI_LETTER_HELP)
    merge.add_argument("--roster", type=Path, required=True, metavar=messages.MERGE_ROSTER,
                       help=messages.CLI_ROSTER_HELP)
    merge.add_argument("--edition", metavar=messages.CLI_EDITION_METAVAR, default="default",
                       help=messages.CLI_MERGE_EDITION_HELP)
    merge.add_argument("--out", type=Path, default=None, metavar=messages.CLI_OUT_METAVAR,
                       help=messages.CLI_OUT_HELP)
    add_worker_options(merge)

    new = sub.add_parser("new", help=messages.CLI_NEW_HELP, add_help=False)
    new.add_argument("-h", "--help", action="help", help=messages.CLI_HELP_HELP)
    new.add_argument("kind", help=messages.CLI_KIND_HELP)
    new.add_argument("id", help=messages.CLI_ID_HELP)
    new.add_argument("--title", default=None, help=messages.CLI_TITLE_HELP)
    return parser


def add_worker_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                        help=messages.CLI_JOBS_HELP)
    parser.add_argument("--executor", default="local", metavar=messages.CLI_EXECUTOR_METAVAR,
                        help=messages.CLI_EXECUTOR_HELP)


def worker_settings(args, progress: bool):
    """--jobs and --executor as WorkerSettings, or None after printing the usage error."""
    from fanzha.pdf import WorkerSettings
    from fanzha.pdf.executor import ExecutorError

    try:
        return WorkerSettings(executor=args.executor, jobs=args.jobs, progress=progress)
    except ExecutorError as exc:
        console.print(messages.CLI_USAGE_ERROR.format(error=exc), markup=False)
        return None


def print_problems(problems) -> None:
    for problem in problems.warnings:
        console.print(str(problem), style="yellow", markup=False, soft_wrap=True, highlight=False)
    for problem in problems.errors:
        console.print(str(problem), style="red", markup=False, soft_wrap=True)
    if problems.errors:
        console.print(messages.CLI_PROBLEM_COUNT.format(count=len(problems.errors)), style="bold red")


def cmd_check(args) -> int:
    from fanzha.pipeline import check

    project = check(args.root)
    print_problems(project.problems)
    if project.problems.errors:
        return CONTENT_ERROR
    passed = messages.CLI_CHECK_PASSED_WITH_REMINDERS if project.problems.warnings else messages.CLI_CHECK_PASSED
    console.print(passed.format(materials=len(project.catalog.materials), editions=len(project.catalog.editions),
                                reminders=len(project.problems.warnings)))
    return OK


def cmd_build(args) -> int:
    from fanzha.pdf import PrintEnvironmentError
    from fanzha.pdf.executor import ExecutorError
    from fanzha.pipeline import build, check
    from fanzha.site.guard import UnsafeOutput
    from fanzha.site.publish import BuildBusy

    settings = worker_settings(args, progress=console.is_terminal)
    if settings is None:
        return USAGE_ERROR
    project = check(args.root)
    if project.problems.errors:
        print_problems(project.problems)
        console.print(messages.CLI_NOTHING_WRITTEN)
        return CONTENT_ERROR
    if args.edition is not None and args.edition not in project.catalog.editions:
        return unknown_edition(args.edition, project.catalog.editions)
    # A line, not a spinner: the PDF progress bar needs the terminal's one live display.
    console.print(messages.CLI_BUILDING)
    try:
        result = build(args.root, args.site_dir, only_edition=args.edition, settings=settings, project=project)
    except ContentError:  # what only the print build finds (a layout that cannot be printed), or the site generator
        print_problems(project.problems)
        console.print(messages.CLI_OUTPUTS_UNCHANGED)
        return CONTENT_ERROR
    except ExecutorError as exc:
        console.print(messages.CLI_USAGE_ERROR.format(error=exc), markup=False)
        return USAGE_ERROR
    except PrintEnvironmentError as exc:
        console.print(str(exc), style="red", markup=False, soft_wrap=True)
        console.print(messages.CLI_OUTPUTS_UNCHANGED)
        return CONTENT_ERROR
    except BuildBusy:
        console.print(messages.CLI_BUILD_BUSY, markup=False)
        return USAGE_ERROR
    except UnsafeOutput as exc:
        console.print(messages.CLI_USAGE_ERROR.format(error=exc), markup=False, soft_wrap=True)
        return USAGE_ERROR
    print_problems(project.problems)
    site = result.site_dir
    done = messages.CLI_BUILD_DONE if result.site_rebuilt else messages.CLI_BUILD_DONE_SITE_UNCHANGED
    console.print(done.format(site=site, print_dir=site / "print"))
    return OK


def unknown_edition(name: str, editions) -> int:
    console.print(messages.CLI_UNKNOWN_EDITION.format(edition=name, editions="、".join(sorted(editions))),
                  markup=False, soft_wrap=True)
    return USAGE_ERROR


def cmd_serve(args) -> int:
    import os
    import socket

    host, _, port = args.addr.rpartition(":")
    if not port.isdigit():
        console.print(messages.CLI_BAD_ADDR.format(addr=args.addr), markup=False)
        return USAGE_ERROR
    # Asked before MkDocs builds the whole site only to find the port taken.
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        try:
            probe.bind((host.strip("[]") or "127.0.0.1", int(port)))
        except OSError as exc:
            console.print(messages.CLI_PORT_TAKEN.format(addr=args.addr, reason=exc.strerror, host=host or "127.0.0.1",
                                                         port=int(port) + 1), markup=False)
            return USAGE_ERROR
    from mkdocs.commands.serve import serve

    os.chdir(args.root)
    serve(config_file="mkdocs.yml", dev_addr=args.addr, livereload=True)
    return OK


def cmd_merge(args) -> int:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from fanzha.merge import MergeUsageError, merge_roster, refuse_published
    from fanzha.pdf import PrintEnvironmentError

    settings = worker_settings(args, progress=False)  # merge shows its own progress, in students
    if settings is None:
        return USAGE_ERROR
    roster = args.roster
    if not roster.is_file():
        console.print(messages.CLI_NO_ROSTER.format(roster=roster), markup=False)
        return USAGE_ERROR
    try:
        # A roster in a published folder would itself end up on the website.
        refuse_published(args.root.resolve(), roster)
    except MergeUsageError as exc:
        console.print(messages.CLI_ROSTER_PUBLISHED.format(reason=exc), markup=False, soft_wrap=True)
        return USAGE_ERROR
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TextColumn(messages.CLI_MERGE_PROGRESS_UNIT))
    warnings: list = []
    try:
        with Progress(*columns, console=console, transient=True) as progress:
            task = progress.add_task(messages.CLI_MERGE_STARTING, total=None)

            def advance(done: int, total: int, klass: str) -> None:
                progress.update(task, completed=done, total=total,
                                description=messages.CLI_MERGE_CLASS_DONE.format(klass=klass))

            files = merge_roster(args.root, args.letter, roster, args.edition, args.out, advance, settings, warnings)
    except MergeUsageError as exc:
        console.print(messages.CLI_USAGE_ERROR.format(error=exc), markup=False, soft_wrap=True)
        return USAGE_ERROR
    except PrintEnvironmentError as exc:
        console.print(messages.CLI_NO_PDF.format(error=exc), markup=False, soft_wrap=True)
        return USAGE_ERROR
    except OSError as exc:
        console.print(messages.CLI_MERGE_CANNOT_WRITE.format(path=exc.filename or args.out, reason=exc.strerror),
                      markup=False, soft_wrap=True)
        return USAGE_ERROR
    except ContentError as exc:
        for problem in exc.problems:
            console.print(str(problem), style="red", markup=False, soft_wrap=True)
        console.print(messages.CLI_MERGE_PROBLEM_COUNT.format(count=len(exc.problems)), style="bold red")
        return CONTENT_ERROR
    for warning in warnings:
        console.print(str(warning), style="yellow", markup=False, soft_wrap=True)
    folder = files[0].parent if files else args.out
    console.print(messages.CLI_MERGE_DONE.format(classes=len(files) // 2, folder=folder), markup=False,
                  soft_wrap=True)
    return OK


def cmd_new(args) -> int:
    from fanzha.model.scaffold import ScaffoldError, scaffold

    try:
        path = scaffold(args.root, args.kind, args.id, args.title)
    except ScaffoldError as exc:
        console.print(messages.CLI_USAGE_ERROR.format(error=exc), markup=False)
        return USAGE_ERROR
    console.print(messages.CLI_NEW_DONE.format(path=path))
    return OK


COMMANDS = {"build": cmd_build, "check": cmd_check, "serve": cmd_serve, "new": cmd_new, "merge": cmd_merge}


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    if not (args.root / "materials").is_dir() and args.command != "new":
        console.print(messages.CLI_NO_MATERIALS.format(root=args.root.resolve()))
        return USAGE_ERROR
    try:
        return COMMANDS[args.command](args)
    except OSError as exc:  # the machine, not the materials: a full disk, a read-only or immutable folder…
        console.print(system_error(exc), markup=False, soft_wrap=True)
        console.print(messages.CLI_OUTPUTS_UNCHANGED, markup=False)
        return USAGE_ERROR
    except KeyboardInterrupt:
        console.print(messages.CLI_INTERRUPTED, markup=False)
        return 130
    except Exception as exc:  # a fault of fanzha itself: the user gets a sentence, the maintainers the traceback
        log = _write_traceback(args.root)
        console.print(messages.CLI_INTERNAL_ERROR.format(error=type(exc).__name__, detail=exc, log=log), markup=False,
                      soft_wrap=True)
        return INTERNAL_ERROR


def _write_traceback(root: Path) -> Path:
    """The traceback of the exception being handled, in .cache/fanzha-error.log (or in the temp folder when .cache/
    cannot be written)."""
    import tempfile
    import traceback

    text = traceback.format_exc()
    for folder in (Path(root) / ".cache", Path(tempfile.gettempdir())):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "fanzha-error.log").write_text(text, "utf-8")
            return folder / "fanzha-error.log"
        except OSError:
            continue
    return Path("fanzha-error.log")


def system_error(exc: OSError) -> str:
    import errno

    where = exc.filename or messages.CLI_SOME_FILE
    if exc.errno == errno.ENOSPC:
        return messages.CLI_DISK_FULL.format(path=where)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return messages.CLI_NO_PERMISSION.format(path=where, reason=exc.strerror)
    if exc.errno in (errno.EEXIST, errno.ENOTDIR):
        return messages.CLI_NOT_A_FOLDER.format(path=where)
    return messages.CLI_CANNOT_READ_WRITE.format(path=where, reason=exc.strerror or exc)


if __name__ == "__main__":
    sys.exit(main())
