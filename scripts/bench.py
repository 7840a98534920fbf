#!/usr/bin/env python3
"""One benchmark run of the print engine: a table on stdout and bench-results/bench.json.

Per letter (the bundled letters in materials/letter/), time and PDF size for
  (a) fanzha: fonts subset beforehand (once, timed separately), WeasyPrint, preflight excluded;
  (b) plain WeasyPrint on the same HTML with the system Noto CJK collections (no pre-subsetting);
  (c) Typst via typst-py on an equivalent letter with the same fonts (one compile per file).
Then whole-build timings: cold build, no-op rebuild, rebuild after one edit (print engine only).
Hooks left for later: a 1000-letter merge and 1 vs 2 processes (see TODO at the end).
"""

from __future__ import annotations

import json
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fanzha.catalog import load_catalog  # noqa: E402
from fanzha.pdf import build_print_outputs, collect_documents, stats  # noqa: E402
from fanzha.pdf.fonts import font_files, font_sources, subset_font  # noqa: E402
from fanzha.pdf.render import TEMPLATES, render_html, render_pdf, stylesheets, visible_text  # noqa: E402
from fanzha.problems import Problems  # noqa: E402

FONT_DIR = "/usr/share/fonts/opentype/noto"
REPEAT = 5


def timed(fn, repeat=REPEAT):
    fn()  # warm-up: imports, font loading
    times = []
    result = None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def plain_weasyprint_html(html: str, folder: Path) -> str:
    """The same document with the system fonts: no @font-face, families renamed in the HTML and a copy of the CSS."""
    for css in TEMPLATES.glob("*.css"):
        text = css.read_text("utf-8")
        text = text.replace('"FZ Sans"', '"Noto Sans CJK SC"').replace('"FZ Serif"', '"Noto Serif CJK SC"')
        (folder / css.name).write_text(text, "utf-8")
    html = re.sub(r"@font-face \{[^}]*\}", "", html)
    return html.replace('"FZ Sans"', '"Noto Sans CJK SC"').replace('"FZ Serif"', '"Noto Serif CJK SC"')


def typst_source(doc) -> str:
    ctx = doc.context
    material = doc.material
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


def bench_letters(root: Path) -> list[dict]:
    import typst
    from weasyprint import HTML

    problems = Problems(root)
    catalog = load_catalog(root, problems)
    edition = catalog.editions["default"]
    docs = [d for d in collect_documents(catalog, [edition], problems) if d.material.kind == "letter"]
    rows = []
    work = Path(tempfile.mkdtemp(prefix="fanzha-bench-"))
    plain_dir = work / "plain"
    plain_dir.mkdir()
    css = stylesheets()
    collections = font_files()
    subset_s = 0.0
    for doc in docs:
        html = render_html(doc)

        def fanzha_pdf():
            resources = dict(css)
            for source in font_sources():
                resources[source.url_name] = subset_font(source, collections[source.file], visible_text(html))
            return render_pdf(doc.page, html, b"bench", resources)

        t_a, result = timed(fanzha_pdf)
        plain = plain_weasyprint_html(html, plain_dir)
        t_b, pdf_b = timed(lambda: HTML(string=plain, base_url=str(plain_dir) + "/").write_pdf(), repeat=3)
        source = typst_source(doc).encode()
        t_c, pdf_c = timed(lambda: typst.compile(source, font_paths=[FONT_DIR], ignore_system_fonts=True))
        rows.append({"letter": doc.material.id, "pages": result.pages,
                     "fanzha_s": round(t_a, 4), "fanzha_bytes": len(result.pdf),
                     "weasyprint_system_fonts_s": round(t_b, 4), "weasyprint_system_fonts_bytes": len(pdf_b),
                     "typst_s": round(t_c, 4), "typst_bytes": len(pdf_c)})
    shutil.rmtree(work, ignore_errors=True)
    return rows, subset_s


def bench_builds(root: Path) -> dict:
    """Print engine over the bundled materials: cold, no-op, one edit (a word changed in one letter)."""
    work = Path(tempfile.mkdtemp(prefix="fanzha-build-"))
    shutil.copytree(root / "materials", work / "materials")
    out = work / "print"

    def run():
        problems = Problems(work)
        catalog = load_catalog(work, problems)
        started = time.perf_counter()
        items = build_print_outputs(catalog, list(catalog.editions.values()), out, problems)
        return time.perf_counter() - started, len(items), dict(stats)

    cold = run()
    noop = run()
    letter = work / "materials" / "letter" / "residents.md"
    letter.write_text(letter.read_text("utf-8").replace("你我同行", "你我同心", 1), "utf-8")
    edit_known = run()  # only characters the build already had: one PDF re-rendered
    letter.write_text(letter.read_text("utf-8").replace("你我同心", "你我同舟", 1), "utf-8")
    edit_new_char = run()  # a character new to the build: fonts re-subset, every PDF re-rendered
    shutil.rmtree(work, ignore_errors=True)
    names = ("cold", "noop", "one_edit_known_chars", "one_edit_new_char")
    return {name: {"seconds": round(r[0], 3), "outputs": r[1], "rendered": r[2].get("rendered"),
                   "prepare_s": round(r[2].get("prepare_s", 0), 3)}
            for name, r in zip(names, (cold, noop, edit_known, edit_new_char))}


def main() -> None:
    letters, subset_s = bench_letters(ROOT)
    builds = bench_builds(ROOT)
    print(f"字体子集化（全部信件的字符，一次）：{subset_s:.2f} s")
    print(f"{'letter':<12}{'pages':>6}{'fanzha s':>10}{'KB':>7}{'WP系统字体 s':>14}{'KB':>7}{'Typst s':>9}{'KB':>7}")
    for r in letters:
        print(f"{r['letter']:<12}{r['pages']:>6}{r['fanzha_s']:>10.3f}{r['fanzha_bytes'] / 1024:>7.1f}"
              f"{r['weasyprint_system_fonts_s']:>14.3f}{r['weasyprint_system_fonts_bytes'] / 1024:>7.1f}"
              f"{r['typst_s']:>9.3f}{r['typst_bytes'] / 1024:>7.1f}")
    for name, r in builds.items():
        print(f"build {name:<22} {r['seconds']:>7.2f} s  rendered {r['rendered']}/{r['outputs']}")
    result = {"letters": letters, "font_subset_s": round(subset_s, 3), "builds": builds,
              "todo": ["1000-letter merge", "1 vs 2 processes"]}
    out = ROOT / "bench-results" / "bench.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(f"→ {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
