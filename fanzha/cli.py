"""The `fanzha` command: build, check, serve, new. Messages in Chinese; exit 0 fine, 1 content errors, 2 usage."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from rich.console import Console

from fanzha import __version__
from fanzha.problems import ContentError

OK, CONTENT_ERROR, USAGE_ERROR, INTERNAL_ERROR = 0, 1, 2, 3
console = Console(stderr=True, highlight=False)

_ARGPARSE_ZH = [
    (r"the following arguments are required: (.+)", r"缺少参数：\1"),
    (r"argument (\S+): invalid choice: '?([^' ]+)'? \(choose from (.+)\)", r"参数 \1 的值“\2”无效，可选：\3"),
    (r"unrecognized arguments: (.+)", r"不认识的参数：\1"),
    (r"argument (\S+): expected one argument", r"参数 \1 后面要跟一个值"),
    (r"argument (\S+): invalid int value: '?([^']+)'?", r"参数 \1 要求整数，“\2”不是整数"),
]


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's own messages are English
        for pattern, replacement in _ARGPARSE_ZH:
            message = re.sub(pattern, replacement, message)
        console.print(f"用法错误：{message}\n运行 `{self.prog} --help` 查看用法。")
        sys.exit(USAGE_ERROR)


def make_parser() -> Parser:
    parser = Parser(prog="fanzha", description="反诈宣传物料工坊：从 materials/ 生成网站和可直接印刷的 PDF。",
                    add_help=False)
    parser.add_argument("-h", "--help", action="help", help="显示帮助")
    parser.add_argument("--version", action="version", version=f"fanzha {__version__}", help="显示版本")
    parser.add_argument("--root", type=Path, default=Path("."), help="项目目录（默认当前目录）")
    sub = parser.add_subparsers(dest="command", metavar="命令", parser_class=Parser)
    sub.required = True

    build = sub.add_parser("build", help="生成网站和全部印刷文件", add_help=False)
    build.add_argument("-h", "--help", action="help", help="显示帮助")
    build.add_argument("--site-dir", type=Path, default=None, help="网站输出目录（默认 site/）")
    build.add_argument("--edition", metavar="版本", default=None,
                       help="只生成这个版本的印刷文件（materials/editions/ 下的文件名，不带 .yml）；"
                            "网站内容仍是默认版本")
    add_render_options(build)

    check = sub.add_parser("check", help="只检查素材，不写任何文件", add_help=False)
    check.add_argument("-h", "--help", action="help", help="显示帮助")

    serve = sub.add_parser("serve", help="本地预览网站，素材改动后自动刷新", add_help=False)
    serve.add_argument("-h", "--help", action="help", help="显示帮助")
    serve.add_argument("--addr", default="127.0.0.1:8000", help="监听地址（默认 127.0.0.1:8000）")

    merge = sub.add_parser("merge", help="按班级名单给每个学生印一封信（回执上印好班级和姓名），另附回执回收登记表",
                           add_help=False)
    merge.add_argument("-h", "--help", action="help", help="显示帮助")
    merge.add_argument("letter", metavar="信的编号", help="带回执的一封信的编号，例如 parents")
    merge.add_argument("--roster", type=Path, required=True, metavar="名单",
                       help="班级名单 .xlsx 或 .csv，列：姓名、班级（学号可选）")
    merge.add_argument("--edition", metavar="版本", default="default", help="用哪个版本的落款和电话（默认 default）")
    merge.add_argument("--out", type=Path, default=None, metavar="目录",
                       help="输出目录（默认 private/merge/<信的编号>/<版本>/，不会进入网站）")
    add_render_options(merge)

    new = sub.add_parser("new", help="按模板新建一个素材", add_help=False)
    new.add_argument("-h", "--help", action="help", help="显示帮助")
    new.add_argument("kind",
                     help="素材类型：scam、letter、slogans、poster、stickers、handout、form、booklet、banner、board、tent")
    new.add_argument("id", help="编号：小写英文字母、数字和连字符，例如 dianhua-qianfei")
    new.add_argument("--title", default=None, help="标题")
    return parser


def add_render_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                        help="同时排版 PDF 的进程数（默认用上全部 CPU 核）")
    parser.add_argument("--executor", default="local", metavar="方式",
                        help="在哪里排版 PDF：local（本机，默认）、dask-local（本机 Dask 集群）、"
                             "dask://主机:端口（已运行的 Dask 调度器，工作节点要装好 fanzha）")


def worker_settings(args, progress: bool):
    """--jobs and --executor as WorkerSettings, or None after printing the usage error."""
    from fanzha.pdf import WorkerSettings
    from fanzha.pdf.executor import ExecutorError

    try:
        return WorkerSettings(executor=args.executor, jobs=args.jobs, progress=progress)
    except ExecutorError as exc:
        console.print(f"用法错误：{exc}", markup=False)
        return None


def print_problems(problems) -> None:
    for problem in problems.warnings:
        console.print(str(problem), style="yellow", markup=False, soft_wrap=True, highlight=False)
    for problem in problems.errors:
        console.print(str(problem), style="red", markup=False, soft_wrap=True)
    if problems.errors:
        console.print(f"共 {len(problems.errors)} 个问题，请按提示修改后再运行。", style="bold red")


def cmd_check(args) -> int:
    from fanzha.pipeline import check

    project = check(args.root)
    print_problems(project.problems)
    if project.problems.errors:
        return CONTENT_ERROR
    reminders = (f"；有 {len(project.problems.warnings)} 条提醒（见上），印刷前请处理"
                 if project.problems.warnings else "")
    console.print(f"检查通过：{len(project.catalog.materials)} 个素材，"
                  f"{len(project.catalog.editions)} 个版本{reminders}。")
    return OK


def cmd_build(args) -> int:
    from fanzha.pdf import PrintEnvironmentError
    from fanzha.pdf.executor import ExecutorError
    from fanzha.pipeline import build, check
    from fanzha.site.guard import UnsafeOutput
    from fanzha.site.publish import BuildBusy

    render = worker_settings(args, progress=console.is_terminal)
    if render is None:
        return USAGE_ERROR
    project = check(args.root)
    if project.problems.errors:
        print_problems(project.problems)
        console.print("没有生成任何文件，之前生成的网站和 PDF 保持不变。")
        return CONTENT_ERROR
    if args.edition is not None and args.edition not in project.catalog.editions:
        return unknown_edition(args.edition, project.catalog.editions)
    # A line, not a spinner: the PDF progress bar needs the terminal's one live display.
    console.print("正在生成网站和印刷文件…")
    try:
        result = build(args.root, args.site_dir, only_edition=args.edition, settings=render, project=project)
    except ContentError:  # what only the print build finds (a layout that cannot be printed), or the site generator
        print_problems(project.problems)
        console.print("之前生成的网站和 PDF 保持不变。")
        return CONTENT_ERROR
    except ExecutorError as exc:
        console.print(f"用法错误：{exc}", markup=False)
        return USAGE_ERROR
    except PrintEnvironmentError as exc:
        console.print(str(exc), style="red", markup=False, soft_wrap=True)
        console.print("之前生成的网站和 PDF 保持不变。")
        return CONTENT_ERROR
    except BuildBusy:
        console.print("这个项目的另一次 fanzha build 正在运行 — 等它结束后再运行", markup=False)
        return USAGE_ERROR
    except UnsafeOutput as exc:
        console.print(f"用法错误：{exc}", markup=False, soft_wrap=True)
        return USAGE_ERROR
    print_problems(project.problems)
    site = result.site_dir
    unchanged = "" if result.site_rebuilt else "（网站的内容没有变化，沿用上一次生成的）"
    console.print(f"完成：网站在 {site}{unchanged}，印刷文件在 {site / 'print'}。")
    return OK


def unknown_edition(name: str, editions) -> int:
    console.print(f"用法错误：没有名为“{name}”的版本 — 可选的版本：{'、'.join(sorted(editions))}"
                  "（materials/editions/ 下的文件名，不带 .yml）", markup=False, soft_wrap=True)
    return USAGE_ERROR


def cmd_serve(args) -> int:
    import os
    import socket

    host, _, port = args.addr.rpartition(":")
    if not port.isdigit():
        console.print(f"用法错误：--addr 要写成 主机:端口，例如 127.0.0.1:8000，“{args.addr}”不是", markup=False)
        return USAGE_ERROR
    # Asked before MkDocs builds the whole site only to find the port taken.
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        try:
            probe.bind((host.strip("[]") or "127.0.0.1", int(port)))
        except OSError as exc:
            console.print(f"用法错误：无法在 {args.addr} 上启动预览（{exc.strerror}），这个端口可能已被另一个程序占用"
                          f" — 用 --addr 换一个端口，例如 --addr {host or '127.0.0.1'}:{int(port) + 1}", markup=False)
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
        console.print(f"用法错误：找不到名单文件 {roster} — 检查路径，名单是 .xlsx 或 .csv 文件", markup=False)
        return USAGE_ERROR
    try:
        # A roster in a published folder would itself end up on the website.
        refuse_published(args.root.resolve(), roster)
    except MergeUsageError as exc:
        console.print(f"用法错误：名单文件放在了会被发布到网站的目录里 — 把它移到 private/ 下（{exc}）", markup=False,
                      soft_wrap=True)
        return USAGE_ERROR
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("名学生"))
    warnings: list = []
    try:
        with Progress(*columns, console=console, transient=True) as progress:
            task = progress.add_task("正在生成每个学生的信", total=None)

            def advance(done: int, total: int, klass: str) -> None:
                progress.update(task, completed=done, total=total, description=f"已完成 {klass}")

            files = merge_roster(args.root, args.letter, roster, args.edition, args.out, advance, settings, warnings)
    except MergeUsageError as exc:
        console.print(f"用法错误：{exc}", markup=False, soft_wrap=True)
        return USAGE_ERROR
    except PrintEnvironmentError as exc:
        console.print(f"无法生成 PDF：{exc}", markup=False, soft_wrap=True)
        return USAGE_ERROR
    except OSError as exc:
        console.print(f"无法写入 {exc.filename or args.out}（{exc.strerror}） — 检查输出目录的权限和剩余空间，"
                      "或用 --out 换一个目录", markup=False, soft_wrap=True)
        return USAGE_ERROR
    except ContentError as exc:
        for problem in exc.problems:
            console.print(str(problem), style="red", markup=False, soft_wrap=True)
        console.print(f"共 {len(exc.problems)} 个问题，没有生成任何信，请按提示修改后再运行。", style="bold red")
        return CONTENT_ERROR
    for warning in warnings:
        console.print(str(warning), style="yellow", markup=False, soft_wrap=True)
    folder = files[0].parent if files else args.out
    console.print(f"完成：{len(files) // 2} 个班，每班一份信（PDF）和一份回执回收登记表，在 {folder}。"
                  "这些文件含学生姓名，只在本单位内部打印，不要上传到网站。", markup=False, soft_wrap=True)
    return OK


def cmd_new(args) -> int:
    from fanzha.model.scaffold import ScaffoldError, scaffold

    try:
        path = scaffold(args.root, args.kind, args.id, args.title)
    except ScaffoldError as exc:
        console.print(f"用法错误：{exc}", markup=False)
        return USAGE_ERROR
    console.print(f"已新建 {path}，打开它填写内容，然后运行 `fanzha check`。")
    return OK


COMMANDS = {"build": cmd_build, "check": cmd_check, "serve": cmd_serve, "new": cmd_new, "merge": cmd_merge}


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    if not (args.root / "materials").is_dir() and args.command != "new":
        console.print(f"用法错误：{args.root.resolve()} 下没有 materials/ 目录 — "
                      "在项目目录里运行，或用 --root 指定项目目录")
        return USAGE_ERROR
    try:
        return COMMANDS[args.command](args)
    except OSError as exc:  # the machine, not the materials: a full disk, a read-only or immutable folder…
        console.print(system_error(exc), markup=False, soft_wrap=True)
        console.print("之前生成的网站和 PDF 保持不变。", markup=False)
        return USAGE_ERROR
    except KeyboardInterrupt:
        console.print("已中断。之前生成的网站和 PDF 保持不变，下次运行会清理中断留下的临时文件。", markup=False)
        return 130
    except Exception as exc:  # a fault of fanzha itself: the user gets a sentence, the maintainers the traceback
        log = _write_traceback(args.root)
        console.print(f"fanzha 内部错误（{type(exc).__name__}：{exc}）— 这不是素材的问题，"
                      f"之前生成的网站和 PDF 保持不变；请把 {log} 交给维护人员", markup=False, soft_wrap=True)
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

    where = exc.filename or "文件"
    if exc.errno == errno.ENOSPC:
        return f"磁盘空间不足，无法写入 {where} — 清理磁盘（例如删掉 .cache/ 和不用的文件）后再运行"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (f"没有权限修改 {where}（{exc.strerror}） — 检查它和所在目录的权限；用 chattr +i 锁定过的，"
                "先 chattr -i 解除")
    if exc.errno in (errno.EEXIST, errno.ENOTDIR):
        return f"{where} 应当是一个目录，现在却是文件 — 把它删掉或改名后再运行（.cache/ 可以随时删除）"
    return f"无法读写 {where}（{exc.strerror or exc}） — 检查磁盘和文件权限后再运行"


if __name__ == "__main__":
    sys.exit(main())
