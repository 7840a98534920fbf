#!/usr/bin/env python3
"""One benchmark run (`make bench`, or `scripts/bench.py builds merge …` for some sections): a table on stdout and
bench-results/bench.json.

  letters    per bundled letter: time and PDF size for (a) fanzha — fonts subset to the letter's characters with
             HarfBuzz, then WeasyPrint (what a render worker does, preview PNG excluded); (b) plain WeasyPrint on the
             same HTML with the system Noto CJK collections; (c) Typst via typst-py on an equivalent letter with the
             same fonts, one compile per file. Medians of 9 runs after a warm-up, fanzha and Typst taking turns, and
             the quartiles of the 9 turns' time ratios (how much one run's ratio may be off).
  builds     the whole `make build` a user types, over a copy of the project: cold (no .cache/, no site/), no-op, one
             slogan appended, one slogan edited with characters the build has, one with a character new to the build;
             with how many PDFs were written anew and the command's peak memory. The cold build per PDF is set
             against Typst's time per letter above.
  processes  the same ≥ 100 PDFs rendered by 1 and by 2 processes.
  merge      the whole `fanzha merge` of 1,000 and of 10,000 generated students (classes of 40): time and memory
             against the roster's size.
  search     the site's search_index.json against the Markdown it indexes.
Targets are ratios inside this one run; timings are only comparable within it. The machine's load average is recorded
at the start and the end: other work on the machine makes every timing slower, and with Linux's per-session CPU
sharing (autogroup) a second process gains nothing while other sessions keep the cores busy, so the 1-vs-2 figure
means something only on an idle machine; the CPU seconds of the renders are reported beside it.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fanzha.model.catalog import load_catalog  # noqa: E402
from fanzha.edition import converter_for  # noqa: E402
from fanzha.pdf import WorkerSettings, collect_documents  # noqa: E402
from fanzha.text.cjk import unspace_text  # noqa: E402
from fanzha.pdf.executor import make_task, open_runner  # noqa: E402
from fanzha.pdf.layout.fonts import font_files, font_resources, font_sources, visible_text  # noqa: E402
from fanzha.pdf.html import TEMPLATES, document_html, stylesheets  # noqa: E402
from fanzha.pdf.typeset import typeset_pdf  # noqa: E402
from fanzha.problems import Problems  # noqa: E402

FONT_DIR = "/usr/share/fonts/opentype/noto"
REPEAT = 5
LETTER_LIMIT_KB = 60  # KB of 1,024 bytes: 61,440 bytes
SCALING_COPIES = 3  # the bundled documents rendered this many times over: ≥ 100 PDFs
MERGE_STUDENTS, MERGE_CLASS_SIZE = 1000, 40


def timed(fn, repeat=REPEAT):
    fn()  # warm-up: imports, font loading
    times = []
    result = None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


# The system fonts' spaces have their advance: cancelled by word-spacing, as fanzha did before its fonts lost it.
SYSTEM_FONT_SPACES = """
* { word-spacing: -0.224em; } .serif, .serif * { word-spacing: -0.256em; }
strong, b, h1, h2, h3, .bold { word-spacing: -0.227em; } .sp { word-spacing: normal !important; }
li::marker { word-spacing: normal; }
"""


def plain_weasyprint_html(html: str, folder: Path) -> str:
    """The same document with the system fonts: no @font-face, families renamed in the HTML and a copy of the CSS."""
    for css in TEMPLATES.glob("*.css"):
        text = css.read_text("utf-8") + (SYSTEM_FONT_SPACES if css.name == "print.css" else "")
        text = text.replace('"FZ Sans"', '"Noto Sans CJK SC"').replace('"FZ Serif"', '"Noto Serif CJK SC"')
        (folder / css.name).write_text(text, "utf-8")
    for profile in TEMPLATES.glob("*.icc"):  # the PDF/X output intent's colour profile
        shutil.copy(profile, folder / profile.name)
    html = re.sub(r"@font-face \{[^}]*\}", "", html)
    return html.replace('"FZ Sans"', '"Noto Sans CJK SC"').replace('"FZ Serif"', '"Noto Serif CJK SC"')


def typst_source(doc) -> str:
    ctx = doc.context
    body = doc.expanded.body

    def inline(text: str) -> str:
        text = re.sub(r"([#$\\@<>\[\]_`~])", r"\\\1", text)
        return re.sub(r"\*\*(.+?)\*\*", r"#strong[\1]", text)

    parts = []
    for block in re.split(r"\n\s*\n", body.strip()):
        lines = block.strip().split("\n")
        if all(re.match(r"^\d+\.\s", ln) for ln in lines):
            parts.append("\n".join("+ " + inline(re.sub(r"^\d+\.\s+", "", ln)) for ln in lines))
        elif all(re.match(r"^[-*]\s", ln) for ln in lines):
            parts.append("\n".join("- " + inline(ln[2:]) for ln in lines))
        else:
            parts.append(inline(" ".join(lines)))
    receipt = ""
    if ctx["receipt"]:
        fields = ", ".join(f"[{f}：], line(length: 100%, stroke: 0.6pt)" for f in ctx["receipt"]["fields"])
        receipt = f"""
#block(breakable: false)[
  #v(6mm)
  #grid(columns: (auto, 1fr, auto, 1fr), align: horizon, [✂], line(length: 100%, stroke: (dash: "dashed")),
        [#text(size: 8.5pt)[沿此线剪下]], line(length: 100%, stroke: (dash: "dashed")))
  #align(center)[#text(size: 14pt, weight: "bold")[回　执]]
  #par(first-line-indent: 2em)[{inline(ctx["receipt"]["statement"])}]
  #grid(columns: (auto, 1fr, auto, 1fr), row-gutter: 6mm, column-gutter: 2mm, {fields})
]"""
    signed = " \\\n".join(inline(x) for x in ctx["signed_lines"] + [ctx["date_text"]])
    size = "16pt" if ctx["large_print"] else "11pt"
    return f"""#set document(title: "{ctx['title']}", author: "{ctx['author']}")
#set page(paper: "a4", margin: (top: 15mm, bottom: 13mm, x: 20mm))
#set text(font: "Noto Sans CJK SC", size: {size}, lang: "zh", region: "cn")
#set par(justify: true, leading: 0.75em, first-line-indent: (amount: 2em, all: true))
#align(center)[#text(size: 18pt, weight: "bold")[{inline(ctx['title'])}]]
#v(4mm)
#par(first-line-indent: 0em)[{inline(ctx['salutation'])}]

{chr(10).join(parts)}

#align(right)[{signed}]
{receipt}
"""


def timed_alternately(first, second, repeat=2 * REPEAT - 1):
    """Medians of `first` and `second` run in turns, so that a change in the machine's load hits both alike; and the
    quartiles of the ratio of each turn's two times, to show how far one run's ratio of medians can be trusted."""
    first(), second()  # warm-up
    times: tuple[list[float], list[float]] = ([], [])
    results = [None, None]
    for _ in range(repeat):
        for index, fn in enumerate((first, second)):
            started = time.perf_counter()
            results[index] = fn()
            times[index].append(time.perf_counter() - started)
    quartiles = statistics.quantiles([a / b for a, b in zip(*times)], n=4)
    return ((statistics.median(times[0]), results[0]), (statistics.median(times[1]), results[1]),
            (quartiles[0], quartiles[2]))


def bench_letters(root: Path) -> list[dict]:
    import typst
    from pypdf import PdfReader
    from weasyprint import HTML

    problems = Problems(root)
    catalog = load_catalog(root, problems)
    docs = [d for d in collect_documents(catalog, [catalog.editions["default"]], problems)
            if d.material.kind == "letter"]
    work = Path(tempfile.mkdtemp(prefix="fanzha-bench-"))
    plain_dir = work / "plain"
    plain_dir.mkdir()
    css = stylesheets()
    collections = font_files()
    rows = []
    for doc in docs:
        html = document_html(doc)

        def fanzha_pdf():
            return typeset_pdf(doc.page, html, b"bench", {**css, **font_resources(html, font_sources(), collections)})

        source = typst_source(doc).encode()
        (t_a, result), (t_c, pdf_c), (low, high) = timed_alternately(
            fanzha_pdf, lambda: typst.compile(source, font_paths=[FONT_DIR], ignore_system_fonts=True))
        plain = plain_weasyprint_html(html, plain_dir)
        t_b, pdf_b = timed(lambda: HTML(string=plain, base_url=str(plain_dir) + "/").write_pdf(), repeat=3)
        typst_pages = len(PdfReader(io.BytesIO(pdf_c)).pages)
        rows.append({"letter": doc.material.id, "pages": result.pages, "typst_pages": typst_pages,
                     "fanzha_s": round(t_a, 4), "fanzha_bytes": len(result.pdf),
                     "weasyprint_system_fonts_s": round(t_b, 4), "weasyprint_system_fonts_bytes": len(pdf_b),
                     "typst_s": round(t_c, 4), "typst_bytes": len(pdf_c),
                     "time_vs_typst": round(t_a / t_c, 2), "time_vs_typst_quartiles": [round(low, 2), round(high, 2)],
                     "bytes_vs_typst": round(len(result.pdf) / len(pdf_c), 3)})
    shutil.rmtree(work, ignore_errors=True)
    return rows


def _project_copy(root: Path) -> Path:
    """A copy of the project as a user has it, sharing this checkout's .venv (its setup is then a no-op, as for a
    user's second `make build`), without .cache/ and site/."""
    work = Path(tempfile.mkdtemp(prefix="fanzha-build-"))
    for name in ("materials", "docs", "overrides", "hooks"):
        shutil.copytree(root / name, work / name)
    for name in ("mkdocs.yml", "Makefile", "pyproject.toml", "scripts/setup.sh"):
        (work / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / name, work / name)
    os.symlink(root / ".venv", work / ".venv")
    return work


def _timed_command(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and peak memory (MiB, the largest of the command's processes) of a whole command."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    stderr = process.stderr.read().decode("utf-8", "replace")
    process.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{stderr}")
    return seconds, usage.ru_maxrss / 1024


def _make_build(work: Path) -> dict:
    """`make build` as a user types it, and which print files it wrote anew."""
    before = {p: p.stat().st_mtime_ns for p in (work / ".cache" / "print").rglob("*.pdf")}
    seconds, peak = _timed_command(["make", "-s", "build"], work)
    pdfs = list((work / ".cache" / "print").rglob("*.pdf"))
    rendered = sum(before.get(p) != p.stat().st_mtime_ns for p in pdfs)
    return {"seconds": round(seconds, 3), "outputs": len(pdfs), "rendered": rendered, "peak_mb": round(peak, 1)}


def _new_character(work: Path) -> str:
    """A character the fonts draw that no bundled material uses."""
    text = "".join(p.read_text("utf-8") for p in (work / "materials").rglob("*.*")
                   if p.suffix in (".md", ".yml", ".txt"))
    return next(c for c in "鳏蹚犇燚骉淼垚" if c not in text)


def bench_builds(root: Path) -> dict:
    """The whole `make build` over a copy of the project: cold (no cache, no site), no-op, one slogan appended, one
    slogan edited with characters the build has, one with a character new to it."""
    work = _project_copy(root)
    slogans = work / "materials" / "slogans" / "xuesheng.md"
    slogan = "小手拉大手，反诈一起走"
    problems = Problems(work)
    catalog = load_catalog(work, problems)
    docs = collect_documents(catalog, list(catalog.editions.values()), problems)
    # Print HTML has joiners, and spaces beside quotation marks, in Chinese text (cjk.py): compare without them; a
    # 繁體版 prints the slogan in Traditional characters.
    def as_printed(doc) -> str:
        converter = converter_for(doc.expanded.edition)
        return converter.text(slogan) if converter else slogan

    holding = sum(as_printed(d) in unspace_text(visible_text(document_html(d))).replace(" ", "") for d in docs)
    runs = {"cold": _make_build(work), "noop": _make_build(work)}
    with open(work / "materials" / "slogans" / "tongyong.md", "a", encoding="utf-8") as handle:
        handle.write("- 陌生来电多核实，转账之前问一问\n")
    runs["one_slogan_appended"] = _make_build(work)
    slogans.write_text(slogans.read_text("utf-8").replace(slogan, "小手拉大手，反诈一起行", 1), "utf-8")
    runs["one_slogan_edit_known_chars"] = _make_build(work)
    new = _new_character(work)
    slogans.write_text(slogans.read_text("utf-8").replace("反诈一起行", f"反诈一起{new}", 1), "utf-8")
    runs["one_slogan_edit_new_char"] = _make_build(work)
    shutil.rmtree(work, ignore_errors=True)
    cold = runs["cold"]["seconds"]
    for run in runs.values():
        run["vs_cold"] = round(run["seconds"] / cold, 3)
    return {**runs, "slogan": {"text": slogan, "outputs_holding_it": holding, "new_character": new},
            "how": "make build in a copy of the project (setup a no-op), wall time of the whole command"}


def bench_processes(root: Path) -> dict:
    """The bundled documents, each rendered SCALING_COPIES times as distinct tasks, by 1 and by 2 processes."""
    problems = Problems(root)
    catalog = load_catalog(root, problems)
    docs = collect_documents(catalog, list(catalog.editions.values()), problems)
    css = stylesheets()
    tasks = [make_task(f"{copy:02d}{doc.key}".ljust(64, "0"), f"{copy}/{doc.key}", document_html(doc), doc.page, css)
             for copy in range(SCALING_COPIES) for doc in docs]
    result = {"pdfs": len(tasks)}
    for jobs in (1, 2):
        runner = open_runner(WorkerSettings(jobs=jobs))
        started = time.perf_counter()
        results = list(runner.run(tasks))
        result[f"jobs_{jobs}_s"] = round(time.perf_counter() - started, 2)
        result[f"jobs_{jobs}_peak_rss_mb"] = round(max(r.peak_rss_mb for r in results), 1)
        # CPU seconds the renders used: equal for 1 and 2 processes means the work splits without overhead, and on
        # an idle machine 2 processes would take half the time; wall time above also counts waiting for a core.
        result[f"jobs_{jobs}_cpu_s"] = round(sum(r.cpu_seconds for r in results), 2)
        runner.close()
    result["speedup"] = round(result["jobs_1_s"] / result["jobs_2_s"], 2)
    return result


def _roster(path: Path, count: int) -> None:
    surnames = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
    given = "子涵欣怡梓轩浩然雨桐一诺思远佳怡俊杰诗琪宇航嘉怡博文"
    n = len(given)
    lines = ["姓名,班级,学号"]
    for i in range(count):
        k = i // MERGE_CLASS_SIZE
        lines.append(f"{surnames[i % len(surnames)]}{given[(i * 7) % n]}{given[(i * 11 + 3) % n]},"
                     f"{k // 5 + 1}年级{k % 5 + 1}班,{i + 1:05d}")
    path.write_text("\n".join(lines) + "\n", "utf-8")


def bench_merge(root: Path) -> dict:
    """`fanzha merge` as a user types it, for MERGE_STUDENTS and ten times as many (classes of MERGE_CLASS_SIZE):
    wall time and peak memory of the command."""
    work = Path(tempfile.mkdtemp(prefix="fanzha-merge-"))
    result = {}
    for count in (MERGE_STUDENTS, 10 * MERGE_STUDENTS):
        roster = work / f"roster-{count}.csv"
        _roster(roster, count)
        out = work / f"out-{count}"
        seconds, peak = _timed_command([str(root / ".venv" / "bin" / "fanzha"), "--root", str(root), "merge", "parents",
                                        "--roster", str(roster), "--out", str(out)], root)
        files = sorted(out.glob("*.pdf"))
        result[str(count)] = {"students": count, "files": len(files), "seconds": round(seconds, 2),
                              "letters_per_s": round(count / seconds, 1), "peak_mb": round(peak, 1)}
    small, large = result[str(MERGE_STUDENTS)], result[str(10 * MERGE_STUDENTS)]
    result["time_ratio_10x"] = round(large["seconds"] / small["seconds"], 2)
    result["memory_ratio_10x"] = round(large["peak_mb"] / small["peak_mb"], 2)
    result["how"] = "fanzha merge parents --roster N.csv, all cores, whole command"
    shutil.rmtree(work, ignore_errors=True)
    return result


def bench_search(root: Path) -> dict:
    from fanzha.site.pages import site_pages
    from fanzha.pipeline import build, check

    site = Path(tempfile.mkdtemp(prefix="fanzha-site-")) / "site"
    build(root, site)
    index = (site / "search" / "search_index.json").read_bytes()
    checked = check(root)
    text = sum(p.stat().st_size for p in (root / "docs").glob("*.md"))
    text += sum(len(t.encode("utf-8")) for t in site_pages(checked.catalog, checked.default, [], []).pages.values())
    shutil.rmtree(site.parent, ignore_errors=True)
    return {"index_bytes": len(index), "indexed_markdown_bytes": text, "ratio": round(len(index) / text, 2)}


def targets(letters: list[dict] | None, builds: dict | None, processes: dict | None, merge: dict | None) -> list[dict]:
    """The targets of the sections that ran (None: not run this time)."""
    rows = []

    def add(name, value, limit, met):
        rows.append({"target": name, "value": value, "limit": limit, "met": bool(met)})

    for r in letters or []:
        add(f"{r['letter']}: time ≤ Typst", r["time_vs_typst"], 1.0, r["time_vs_typst"] <= 1.0)
        add(f"{r['letter']}: time ≤ 0.5× Typst", r["time_vs_typst"], 0.5, r["time_vs_typst"] <= 0.5)
        add(f"{r['letter']}: bytes ≤ 1.0× Typst", r["bytes_vs_typst"], 1.0, r["bytes_vs_typst"] <= 1.0)
        if r["pages"] == 1:
            kb = round(r["fanzha_bytes"] / 1024, 1)
            add(f"{r['letter']}: one-page letter ≤ {LETTER_LIMIT_KB} KB", kb, LETTER_LIMIT_KB, kb <= LETTER_LIMIT_KB)
    if builds:
        _build_targets(builds, letters, add)
    if merge:
        add("merge: 10× the students ≤ 11× the time", merge["time_ratio_10x"], 11, merge["time_ratio_10x"] <= 11)
        add("merge: memory does not grow with the roster (10× students ≤ 1.2× peak)", merge["memory_ratio_10x"], 1.2,
            merge["memory_ratio_10x"] <= 1.2)
    if processes:
        peak = processes["jobs_2_peak_rss_mb"]
        add("peak memory per worker ≤ 500 MB", peak, 500, peak <= 500)
        add(f"2 processes ≥ 1.7× 1 process ({processes['pdfs']} PDFs)", processes["speedup"], 1.7,
            processes["speedup"] >= 1.7)
    return rows


def _build_targets(builds: dict, letters: list[dict] | None, add) -> None:
    add("no-op make build ≤ 10% of cold", builds["noop"]["vs_cold"], 0.1, builds["noop"]["vs_cold"] <= 0.1)
    holding = builds["slogan"]["outputs_holding_it"]
    for name in ("one_slogan_appended", "one_slogan_edit_known_chars", "one_slogan_edit_new_char"):
        run = builds[name]
        add(f"{name}: make build ≤ 20% of cold", run["vs_cold"], 0.2, run["vs_cold"] <= 0.2)
    for name in ("one_slogan_edit_known_chars", "one_slogan_edit_new_char"):
        run = builds[name]
        add(f"{name}: re-renders only the {holding} outputs holding the slogan", run["rendered"], holding,
            run["rendered"] == holding)
    if letters:
        typst = statistics.median(r["typst_s"] for r in letters)
        per_pdf = builds["cold"]["seconds"] / builds["cold"]["outputs"]
        add("cold make build per PDF ≤ 1.0× Typst per letter", round(per_pdf / typst, 2), 1.0, per_pdf <= typst)


SECTIONS = ("letters", "builds", "processes", "merge", "search")


def main(argv: list[str]) -> None:
    """`scripts/bench.py [section …]`: the named sections (default: all), in the order of SECTIONS."""
    unknown = sorted(set(argv) - set(SECTIONS))
    if unknown:
        sys.exit(f"未知的测试项：{'、'.join(unknown)} — 可选：{' '.join(SECTIONS)}")
    wanted = set(argv or SECTIONS)
    load_start = os.getloadavg()
    started = time.perf_counter()
    letters = bench_letters(ROOT) if "letters" in wanted else None
    builds = bench_builds(ROOT) if "builds" in wanted else None
    processes = bench_processes(ROOT) if "processes" in wanted else None
    merge = bench_merge(ROOT) if "merge" in wanted else None
    search = bench_search(ROOT) if "search" in wanted else None
    load_end = os.getloadavg()
    checks = targets(letters, builds, processes, merge)

    print(f"机器：{os.cpu_count()} 核；负载（1/5/15 分钟平均）"
          f"开始 {load_start[0]:.2f}/{load_start[1]:.2f}/{load_start[2]:.2f}，"
          f"结束 {load_end[0]:.2f}/{load_end[1]:.2f}/{load_end[2]:.2f}")
    print(f"{'letter':<12}{'pages':>6}{'fanzha s':>10}{'KB':>7}{'WP系统字体 s':>14}{'KB':>7}{'Typst s':>9}{'KB':>7}"
          f"{'time×':>7}{'(quartiles)':>13}{'bytes×':>8}")
    for r in letters or []:
        print(f"{r['letter']:<12}{r['pages']:>6}{r['fanzha_s']:>10.3f}{r['fanzha_bytes'] / 1024:>7.1f}"
              f"{r['weasyprint_system_fonts_s']:>14.3f}{r['weasyprint_system_fonts_bytes'] / 1024:>7.1f}"
              f"{r['typst_s']:>9.3f}{r['typst_bytes'] / 1024:>7.1f}{r['time_vs_typst']:>7.2f}"
              f"{'({:.2f}–{:.2f})'.format(*r['time_vs_typst_quartiles']):>13}{r['bytes_vs_typst']:>8.2f}")
    for name, r in (builds or {}).items():
        if isinstance(r, dict) and "seconds" in r:
            print(f"make build {name:<28} {r['seconds']:>7.2f} s  {r['vs_cold']:>6.1%} of cold  "
                  f"rendered {r['rendered']}/"
                  f"{r['outputs']}  peak {r['peak_mb']:.0f} MB")
    if builds:
        print(f"slogan “{builds['slogan']['text']}” is in {builds['slogan']['outputs_holding_it']} outputs")
    if processes:
        print(f"{processes['pdfs']} PDFs: 1 process {processes['jobs_1_s']:.2f} s, "
              f"2 processes {processes['jobs_2_s']:.2f} s"
              f" → {processes['speedup']:.2f}×  (CPU used by the renders: {processes['jobs_1_cpu_s']:.1f} s vs "
              f"{processes['jobs_2_cpu_s']:.1f} s)")
    for count in (str(MERGE_STUDENTS), str(10 * MERGE_STUDENTS)) if merge else ():
        m = merge[count]
        print(f"fanzha merge {m['students']} students ({m['files']} files): {m['seconds']:.1f} s = "
              f"{m['letters_per_s']:.1f} letters/s, peak {m['peak_mb']:.0f} MB")
    if search:
        print(f"search index {search['index_bytes'] / 1024:.0f} KB for {search['indexed_markdown_bytes'] / 1024:.0f} KB"
              f" of Markdown = {search['ratio']:.2f}×")
    print("targets:")
    for t in checks:
        print(f"  {'met    ' if t['met'] else 'NOT MET'}  {t['target']}: {t['value']} (limit {t['limit']})")
    result = {"machine": {"cpus": os.cpu_count(), "load_start": load_start, "load_end": load_end,
                          "seconds": round(time.perf_counter() - started, 1)},
              "letters": letters, "builds": builds, "processes": processes, "merge": merge, "search": search,
              "targets": checks}
    out = ROOT / "bench-results" / "bench.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(f"→ {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main(sys.argv[1:])
