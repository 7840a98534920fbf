"""Where the PDFs are rendered: in this process, in local worker processes (all cores by default), or on a Dask
distributed cluster. The same self-contained task runs in all three.

    runner = open_runner(WorkerSettings(jobs=4))       # or executor="dask-local" / "dask://HOST:PORT"
    try:
        for result in runner.run([make_task(...), ...]):   # in the order they finish
            ...
    finally:
        runner.close()

A PrintTask is plain data (HTML, page box, stylesheets, which fonts, cache key): it pickles, and it needs nothing
from the disk of the machine that runs it except the full font collections, which a local worker opens by path and a
Dask worker receives once per build as bytes (client.scatter). Workers write nothing; the caller writes the outputs.
"""

from __future__ import annotations

import os
import resource
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from itertools import chain, islice
from dataclasses import dataclass
from typing import Iterable, Iterator, Protocol

from fanzha import messages
from fanzha.pdf.layout.page import PageSpec
from fanzha.pdf.layout.fonts import FontSource, PrintEnvironmentError, font_files, font_resources, font_sources
from fanzha.pdf.typeset import TypesetDocument

PROGRESS_FROM = 8  # show a progress bar when at least this many documents are rendered
# A batch this small (an edit that touches a few files) is rendered here: starting worker processes, each importing
# the renderer, would take longer than the renders.
IN_PROCESS_UP_TO = 3


class ExecutorError(PrintEnvironmentError):
    """The executor asked for cannot be used (unknown name, Dask missing or unreachable): a usage problem."""


@dataclass
class WorkerSettings:
    executor: str = "local"  # "local", "dask-local" or "dask://HOST:PORT"
    jobs: int | None = None  # worker processes; None: all cores
    progress: bool = False  # a rich progress bar on stderr for long builds

    def __post_init__(self) -> None:
        if self.executor not in ("local", "dask-local") and not self.executor.startswith("dask://"):
            raise ExecutorError(messages.PDF_UNKNOWN_EXECUTOR.format(executor=self.executor))
        if self.jobs is not None and self.jobs < 1:
            raise ExecutorError(messages.PDF_TOO_FEW_JOBS.format(jobs=self.jobs))

    @property
    def workers(self) -> int:
        return self.jobs or os.cpu_count() or 1


@dataclass
class PrintTask:
    key: str  # hash of everything the output depends on; also the PDF's /ID
    name: str  # "edition/material", for messages
    html: str
    page: PageSpec
    stylesheets: dict[str, bytes]
    fonts: tuple[FontSource, ...]
    preview: bool = True  # also a PNG of the first page


@dataclass
class TaskResult:
    key: str
    name: str
    typeset: TypesetDocument
    preview: bytes  # PNG of the first page, or b"" when the task asked for none
    seconds: float
    cpu_seconds: float  # CPU time of the render alone: on a busy machine `seconds` also counts waiting for a core
    peak_rss_mb: float  # of the process that rendered it, over its life so far


def make_task(key: str, name: str, html: str, page: PageSpec, stylesheets: dict[str, bytes],
              preview: bool = True, glyphs: str = "SC") -> PrintTask:
    """`glyphs`: the Noto CJK faces the document prints with (fonts.faces_for)."""
    return PrintTask(key, name, html, page, stylesheets, font_sources(glyphs), preview)


def run_task(task: PrintTask, font_data: dict[str, bytes] | None = None) -> TaskResult:
    """Run one task: subset the fonts to the document's characters, render, make the preview. `font_data` maps
    collection file names to their bytes where the fonts are not on this machine's disk."""
    from fanzha.pdf.layout.preview import first_page_png
    from fanzha.pdf.typeset import typeset_pdf

    started, started_cpu = time.perf_counter(), time.process_time()
    resources = {**task.stylesheets, **font_resources(task.html, task.fonts, font_data or font_files())}
    typeset = typeset_pdf(task.page, task.html, task.key[:32].encode(), resources)
    preview = first_page_png(typeset.pdf) if task.preview else b""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return TaskResult(task.key, task.name, typeset, preview, time.perf_counter() - started,
                        time.process_time() - started_cpu, peak)


class Runner(Protocol):
    def run(self, tasks: Iterable[PrintTask]) -> Iterator[TaskResult]: ...

    def close(self) -> None: ...


class InProcess:
    def run(self, tasks: Iterable[PrintTask]) -> Iterator[TaskResult]:
        for task in tasks:
            yield run_task(task)

    def close(self) -> None:
        pass


class ProcessPool:
    """Worker processes on this machine, started on first use from a fork server that has already imported the
    renderer (forking the build itself is unsafe: MkDocs' server runs threads)."""

    def __init__(self, workers: int):
        self.workers = workers
        self.pool: ProcessPoolExecutor | None = None

    def run(self, tasks: Iterable[PrintTask]) -> Iterator[TaskResult]:
        pending = iter(tasks)
        first = list(islice(pending, IN_PROCESS_UP_TO + 1))
        if len(first) <= IN_PROCESS_UP_TO or self.workers == 1:  # not worth starting processes for
            yield from InProcess().run(chain(first, pending))
            return
        if self.pool is None:
            import multiprocessing

            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload([__name__, "weasyprint", "uharfbuzz", "pypdfium2"])
            self.pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=context)
        # A bounded number in flight: a merge of 100,000 letters does not sit pickled in the pool's queue at once.
        pending = chain(first, pending)
        running = {self.pool.submit(run_task, t) for t in islice(pending, 4 * self.workers)}
        while running:
            done, running = wait(running, return_when=FIRST_COMPLETED)
            running |= {self.pool.submit(run_task, t) for t in islice(pending, len(done))}
            for future in done:
                yield future.result()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
            self.pool = None


class DaskRunner:
    """The same tasks on a Dask distributed cluster: `dask://HOST:PORT` (a running scheduler; its workers need fanzha
    installed, not the project's files) or a LocalCluster of `workers` processes."""

    def __init__(self, address: str | None, workers: int):
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise ExecutorError(messages.PDF_DASK_NOT_INSTALLED) from None
        self.cluster = None
        try:
            if address is None:
                # Any free port for the scheduler's web server: a second cluster on the machine must not collide.
                self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                            dashboard_address=":0")
                self.client = Client(self.cluster)
            else:
                self.client = Client(address, timeout=20)
        except OSError as exc:
            self.close()
            raise ExecutorError(messages.PDF_DASK_UNREACHABLE.format(address=address, error=exc)) from None
        self.fonts = None

    def run(self, tasks: Iterable[PrintTask]) -> Iterator[TaskResult]:
        from distributed import as_completed

        tasks = list(tasks)
        if not tasks:
            return
        if self.fonts is None:
            # The full collections, once per worker; each task then subsets them there.
            data = {name: path.read_bytes() for name, path in font_files().items()}
            [self.fonts] = self.client.scatter([data], broadcast=True, hash=False)
        futures = [self.client.submit(run_task, task, self.fonts, key=f"render-{task.key}", pure=False)
                   for task in tasks]
        for future in as_completed(futures):
            yield future.result()
            future.release()

    def close(self) -> None:
        for part in ("client", "cluster"):
            if getattr(self, part, None) is not None:
                getattr(self, part).close()
                setattr(self, part, None)


def open_runner(settings: WorkerSettings) -> Runner:
    if settings.executor == "local":
        return ProcessPool(settings.workers)
    if settings.executor == "dask-local":
        return DaskRunner(None, settings.workers)
    return DaskRunner("tcp://" + settings.executor.removeprefix("dask://"), settings.workers)


def run_with_progress(runner: Runner, tasks: list[PrintTask], show: bool) -> Iterator[TaskResult]:
    """runner.run(tasks), with a progress bar (done/total, ETA) on stderr when asked for and the batch is long."""
    if not show or len(tasks) < PROGRESS_FROM:
        yield from runner.run(tasks)
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn(messages.PDF_PROGRESS_TYPESETTING), BarColumn(), MofNCompleteColumn(),
               TextColumn(messages.PDF_PROGRESS_REMAINING), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        bar = progress.add_task("render", total=len(tasks))
        for result in runner.run(tasks):
            progress.advance(bar)
            yield result
