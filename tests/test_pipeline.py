"""The one-way pipeline, in-process: each stage runs once per input, the print files need no site generator, an
unchanged project skips MkDocs, an edit redoes only what it touches, and layouts made while checking are kept."""

from __future__ import annotations

import subprocess
import sys

import pytest

from fanzha import pipeline
from fanzha.edition import expand
from fanzha.pdf import html as print_html, stats, stickers

from helpers import REPO, RESIDENTS_LETTER as LETTER, STICKER_SHEET as STICKERS, STICKER_SLOGANS as SLOGANS, Project

TOWN = """\
id: zhen
extends: default
unit:
  name: 测试镇派出所
  region: 测试镇
  signature: 测试镇派出所
select:
  kinds: [letter]
"""


@pytest.fixture
def small(tmp_path) -> Project:
    project = Project(tmp_path / "proj")
    project.scam()
    project.write("materials/letter/jumin.md", LETTER)
    project.write("materials/slogans/s.md", SLOGANS)
    project.write("materials/stickers/t.md", STICKERS)
    project.write("materials/editions/zhen.yml", TOWN)
    return project


def counting(monkeypatch, module, name: str) -> list:
    calls = []
    original = getattr(module, name)

    def wrapper(*args, **kwargs):
        calls.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, wrapper)
    return calls


def test_each_material_is_expanded_once_per_edition_and_each_document_rendered_once(small, monkeypatch):
    expanded = counting(monkeypatch, expand, "expand_material")
    htmls = counting(monkeypatch, print_html, "template_html")
    project = pipeline.check(small.root)
    assert not project.problems.errors, project.problems.errors
    # default: scam, letter, slogans, stickers; zhen: its letter only
    assert sorted((m.id, e.id) for m, e, _ in expanded) == sorted(
        [(m, "default") for m in ("shuadan-fanli", "jumin", "s", "t")] + [("jumin", "zhen")])
    documents = [d.key for d in project.documents]
    assert sorted(documents) == ["default/jumin", "default/t", "default/t--alignment", "default/t--cut-guides",
                                 "zhen/jumin"]
    measuring = [args for args in htmls if args[0] == "stickers-measure.html.j2"]
    assert len(htmls) - len(measuring) == len(documents)
    pipeline.site_content(project)  # the print build takes the documents' HTML as the check made it
    assert len(htmls) - len(measuring) == len(documents)


def test_print_files_are_made_without_the_site_generator(small):
    """The engine up to the print files imports nothing of MkDocs (a fresh interpreter: this one has it loaded)."""
    code = ("import sys; from fanzha import pipeline; p = pipeline.check(sys.argv[1]); "
            "c = pipeline.site_content(p); assert 'mkdocs' not in sys.modules, 'mkdocs imported'; "
            "print(sorted(c.print_files))")
    result = subprocess.run([sys.executable, "-c", code, str(small.root)], capture_output=True, text=True,
                            cwd=REPO, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "'print/default/jumin.pdf'" in result.stdout and "'print/zhen/jumin.pdf'" in result.stdout
    assert (small.root / ".cache" / "print" / "default" / "t--cut-guides.pdf").is_file()


def test_an_unchanged_project_skips_the_site_generator_and_an_edit_redoes_only_what_it_touches(small):
    first = pipeline.build(small.root)
    assert first.site_rebuilt and stats["rendered"] == 5
    index = first.site_dir / "index.html"
    before = index.stat().st_mtime_ns

    again = pipeline.build(small.root)
    assert not again.site_rebuilt and stats["rendered"] == 0
    assert index.stat().st_mtime_ns == before

    small.write("materials/slogans/s.md", SLOGANS.replace("陌生链接不点击", "陌生链接不要点"))
    edited = pipeline.build(small.root)
    # The slogan is on no print file; the slogans page changed, so the site is built again.
    assert edited.site_rebuilt and stats["rendered"] == 0
    assert "陌生链接不要点" in (edited.site_dir / "slogans" / "s" / "index.html").read_text("utf-8")

    small.write("materials/letter/jumin.md", LETTER.replace("先垫钱的兼职", "先交钱的兼职"))
    assert pipeline.build(small.root).site_rebuilt and stats["rendered"] == 2  # the letter of both editions

    (first.site_dir / "index.html").unlink()  # a site that is not whole is built again
    assert pipeline.build(small.root).site_rebuilt and index.is_file()


def test_sticker_fits_are_kept_between_builds_and_check_writes_nothing(small, monkeypatch):
    pipeline.check(small.root)
    assert not (small.root / ".cache").exists()  # `fanzha check` writes nothing
    pipeline.build(small.root)
    assert (small.root / pipeline.LAYOUT_CACHE).is_file()

    def no_layout(*args):
        raise AssertionError("a kept fit was laid out again")

    monkeypatch.setattr(stickers, "measure", no_layout)
    stickers._process_fits.entries.clear()  # not this process's memory: the file
    project = pipeline.check(small.root)
    assert not project.problems.errors and any(d.key == "default/t" for d in project.documents)

    small.write("materials/slogans/s.md", SLOGANS.replace("不听不信不转账", "不听不信不汇款"))
    with pytest.raises(AssertionError, match="laid out again"):  # a new text is measured
        pipeline.check(small.root)


def test_a_content_error_stops_before_anything_is_written(small):
    pipeline.build(small.root)
    site = small.root / "site"
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    small.write("materials/letter/jumin.md", LETTER.replace("{{ phones.police }}", "{{ phones.polic }}"))
    with pytest.raises(pipeline.ContentError) as raised:
        pipeline.build(small.root)
    assert any("未定义的变量" in p.message and p.path == "materials/letter/jumin.md" for p in raised.value.problems)
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before


def test_under_serve_a_content_problem_is_the_page_instead_of_a_failed_build(small):
    """The hooks' plugin makes the content itself; under `mkdocs serve` a broken material gives a page listing the
    problems at every page's address, and the next good build brings the site back."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from fanzha.site.mkdocs_plugin import FanzhaPlugin

    plugin = FanzhaPlugin(make_content=pipeline.prepared_content)
    plugin.on_startup(command="serve", dirty=False)

    def build_with_plugin():
        config = load_config(str(small.root / "mkdocs.yml"), site_dir=str(small.root / "served"), hooks=[])
        config.plugins["fanzha"] = plugin
        build(config)
        return small.root / "served"

    served = build_with_plugin()
    assert "致居民的一封信" in (served / "letter" / "jumin" / "index.html").read_text("utf-8")
    small.write("materials/letter/jumin.md", LETTER.replace("{{ phones.police }}", "{{ phones.polic }}"))
    served = build_with_plugin()
    page = (served / "letter" / "jumin" / "index.html").read_text("utf-8")
    assert "素材有问题" in page and "materials/letter/jumin.md:7: 未定义的变量" in page
    assert "素材有问题" in (served / "index.html").read_text("utf-8")
    small.write("materials/letter/jumin.md", LETTER)
    served = build_with_plugin()
    assert "素材有问题" not in (served / "letter" / "jumin" / "index.html").read_text("utf-8")
