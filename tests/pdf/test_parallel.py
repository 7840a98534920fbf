"""Rendering in worker processes and on Dask gives the same bytes as in one process; an edit re-renders only what it
touches, even when it brings a character new to the build."""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

import pytest

from fanzha.model.catalog import load_catalog
from fanzha.pdf import WorkerSettings, build_print_outputs, stats
from fanzha.pdf.executor import ExecutorError, run_task
from fanzha.problems import Problems

from helpers import REPO

EDITION = "id: default\nunit:\n  name: 测试县公安局\n  region: 测试县\n  signature: 测试县公安局\ndate: 2026-11-01\n"


def letter(id_: str, text: str) -> str:
    return (f"---\nkind: letter\nid: {id_}\ntitle: 致居民的一封信{id_}\nsalutation: 尊敬的居民朋友们：\n"
            f"receipt:\n  statement: 我已认真阅读这封信。\n  fields: [姓名, 签字]\n---\n{text}\n")


MATERIALS = {
    "letter/a.md": letter("a", "骗子冒充客服，让你转账到安全账户。请不听、不信、不转账，被骗请立即拨打110。"),
    "letter/b.md": letter("b", "刷单返利都是诈骗，先垫钱的兼职一律不做。接到96110来电请务必接听。"),
    "letter/c.md": letter("c", "网络贷款要先交保证金的，都是诈骗。"),
    "poster/p.md": ("---\nkind: poster\nid: p\ntitle: 测试海报\nsize: A3\nlayout: list\nheadline: 全民反诈 你我同行\n"
                    "subhead: 不听 不信 不转账\n---\n被骗请立即拨打110。\n"),
}


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("par")
    (root / "materials" / "editions").mkdir(parents=True)
    (root / "materials" / "editions" / "default.yml").write_text(EDITION, "utf-8")
    for rel, text in MATERIALS.items():
        (root / "materials" / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / "materials" / rel).write_text(text, "utf-8")
    return root


def build(root: Path, out: Path, settings: WorkerSettings) -> dict[str, bytes]:
    problems = Problems(root)
    catalog = load_catalog(root, problems)
    items = build_print_outputs(catalog, list(catalog.editions.values()), out, problems, settings)
    assert not problems.errors, problems.errors
    return {item.file: (out / item.file).read_bytes() + (out / item.preview).read_bytes() for item in items}


@pytest.fixture(scope="module")
def in_process(root, tmp_path_factory) -> dict[str, bytes]:
    return build(root, tmp_path_factory.mktemp("one") / "print", WorkerSettings(jobs=1))


def test_worker_processes_give_the_same_bytes(root, in_process, tmp_path):
    pooled = build(root, tmp_path / "print", WorkerSettings(jobs=2))
    assert stats["rendered"] == len(MATERIALS) and stats["peak_worker_rss_mb"] > 0
    assert pooled == in_process


def test_dask_local_cluster_gives_the_same_bytes(root, in_process, tmp_path):
    pytest.importorskip("distributed")
    on_dask = build(root, tmp_path / "print", WorkerSettings(executor="dask-local", jobs=2))
    assert stats["rendered"] == len(MATERIALS)
    assert sorted(on_dask) == sorted(in_process)
    for name in in_process:
        assert hashlib.sha256(on_dask[name]).digest() == hashlib.sha256(in_process[name]).digest(), name


def test_edit_with_a_new_character_re_renders_only_that_output(root, tmp_path):
    project = tmp_path / "proj"
    (project / "materials").mkdir(parents=True)
    for path in (root / "materials").rglob("*.*"):
        target = project / "materials" / path.relative_to(root / "materials")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    out = tmp_path / "print"
    before = build(project, out, WorkerSettings(jobs=1))
    edited = project / "materials" / "letter" / "c.md"
    assert "鳏" not in "".join(MATERIALS.values())
    edited.write_text(edited.read_text("utf-8").replace("都是诈骗", "都是诈骗，鳏寡老人尤其要当心"), "utf-8")
    after = build(project, out, WorkerSettings(jobs=1))
    assert stats["rendered"] == 1
    changed = sorted(name for name in before if before[name] != after[name])
    assert changed == ["default/c.pdf"]


def test_render_task_is_self_contained(root, tmp_path):
    """A task pickles, and renders from the font bytes it is handed, without the templates folder."""
    from fanzha.pdf import collect_documents
    from fanzha.pdf.executor import make_task
    from fanzha.pdf.layout.fonts import font_files
    from fanzha.pdf.html import document_html, stylesheets

    problems = Problems(root)
    catalog = load_catalog(root, problems)
    doc = next(d for d in collect_documents(catalog, [catalog.editions["default"]], problems) if d.material.id == "a")
    task = pickle.loads(pickle.dumps(make_task("k" * 64, doc.key, document_html(doc), doc.page, stylesheets())))
    from_disk = run_task(task)
    from_bytes = run_task(task, {name: path.read_bytes() for name, path in font_files().items()})
    assert from_bytes.typeset.pdf == from_disk.typeset.pdf and from_disk.typeset.pages == 1


@pytest.mark.parametrize("executor, jobs", [("ftp://x", None), ("local", 0)])
def test_bad_executor_settings_are_refused(executor, jobs):
    with pytest.raises(ExecutorError):
        WorkerSettings(executor=executor, jobs=jobs)


def test_cli_refuses_bad_jobs_as_usage_error(project):
    result = project.run("build", "--jobs", "0")
    assert result.returncode == 2 and "--jobs" in result.stderr
    result = project.run("build", "--executor", "cloud")
    assert result.returncode == 2 and "cloud" in result.stderr


def test_merge_on_dask_gives_the_same_files_as_in_process(tmp_path):
    pytest.importorskip("distributed")
    from fanzha.merge.letters import merge_letters
    from fanzha.merge.roster import Student

    repo = REPO
    students = [Student(name, klass, "", line) for line, (name, klass) in enumerate(
        [("王小明", "七年级（1）班"), ("李华", "七年级（1）班"), ("张伟", "七年级（2）班")], start=2)]
    outputs = {}
    for executor, jobs in (("local", 1), ("dask-local", 2)):
        files = merge_letters(repo, "parents", students, "default", tmp_path / executor,
                              settings=WorkerSettings(executor=executor, jobs=jobs))
        outputs[executor] = {path.name: path.read_bytes() for path in files}
    assert len(outputs["local"]) == 4 and outputs["dask-local"] == outputs["local"]


def test_cli_merge_refuses_bad_jobs_as_usage_error(project):
    roster = project.write("private/roster.csv", "姓名,班级\n王小明,七年级（1）班\n")
    result = project.run("merge", "parents", "--roster", str(roster), "--jobs", "0")
    assert result.returncode == 2 and "--jobs" in result.stderr
