"""A build killed with SIGKILL at any moment leaves a complete site in place — the previous one or the new one, never a
mix, never a truncated PDF — and nothing that stops the next build."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from hashlib import sha256
from pathlib import Path

import pypdfium2 as pdfium
from pypdf import PdfReader

from helpers import FANZHA, LETTER, LETTER_PATH, good_project, tree_digest

# Kill moments as fractions of a full build: from start-up through the print build, MkDocs and the swap at the
# end (the last ones may come after the build finished: then the new site must be there).
KILL_AT = (0.1, 0.3, 0.5, 0.7, 0.85, 0.92, 0.97, 1.0, 1.04)
# Each build brings a character of its own, so the font subset changes and every PDF is rendered again.
VERSIONS = "甲乙丙丁戊己庚辛壬癸子丑寅卯"

HANDOUT = """\
---
kind: handout
id: h
title: 测试宣传单
format: A5
sides: 2
---
## 这些都是骗局

- **刷单**：先垫钱的兼职都是诈骗。

## 求助电话

被骗请立即拨打110。
"""

FORM = """\
---
kind: form
id: f
title: 入户宣传登记表
header_fields: [村, 日期]
columns: [序号, 户主姓名, 签字]
rows: 12
---
每户填一行。
"""


def set_version(project, version: str) -> None:
    project.write(LETTER_PATH, LETTER.replace("刷单就是诈骗", f"本信第{version}版：刷单就是诈骗"))


def site_version(site: Path, paths: set[str]) -> str:
    """Check that `site` is complete and consistent; return the version its letter page and letter PDF carry."""
    assert set(tree_digest(site)) == paths, "files missing or left over"
    manifest = json.loads((site / "print" / "manifest.json").read_text("utf-8"))
    assert manifest["items"]
    for item in manifest["items"]:
        data = (site / item["file"]).read_bytes()
        assert len(data) == item["bytes"] and sha256(data).hexdigest() == item["sha256"], item["file"]
    for pdf in site.rglob("*.pdf"):
        assert len(PdfReader(pdf, strict=True).pages) >= 1
    page = (site / "letter" / "parents" / "index.html").read_text("utf-8")
    version = page.split("本信第", 1)[1][0]
    assert version in VERSIONS
    document = pdfium.PdfDocument(site / "print" / "default" / "parents.pdf")
    try:
        text = document[0].get_textpage().get_text_range()
    finally:
        document.close()
    assert f"第{version}版" in "".join(text.split()), "the letter's page and its PDF come from different builds"
    return version


def unreadable_pdfs(folder: Path) -> list[str]:
    bad = []
    for pdf in folder.rglob("*.pdf"):
        if pdf.name.startswith("."):
            continue
        try:
            PdfReader(pdf, strict=True).pages[0]
        except Exception:  # noqa: BLE001 — any failure to read is what this looks for
            bad.append(pdf.name)
    return bad


def test_killed_builds_leave_a_complete_site_and_the_next_build_succeeds(tmp_path):
    project = good_project(tmp_path / "proj")
    project.write("materials/handout/h.md", HANDOUT)
    project.write("materials/form/f.md", FORM)
    site = project.root / "site"
    set_version(project, VERSIONS[0])
    assert project.run("build").returncode == 0
    paths = set(tree_digest(site))

    set_version(project, VERSIONS[1])
    started = time.monotonic()
    result = project.run_process("build")  # timed as the killed builds below run: a process of its own
    duration = time.monotonic() - started
    assert result.returncode == 0, result.stderr
    assert site_version(site, paths) == VERSIONS[1]

    outcomes = []
    for number, fraction in enumerate(KILL_AT, start=2):
        set_version(project, VERSIONS[number])
        process = subprocess.Popen([*FANZHA, "--root", str(project.root), "build"], cwd=project.root,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(duration * fraction)
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass  # already finished
        process.wait()
        version = site_version(site, paths)
        assert version in VERSIONS[: number + 1]
        assert not unreadable_pdfs(project.root / ".cache" / "print")
        outcomes.append("new" if version == VERSIONS[number] else "old")
    print(f"full build {duration:.1f} s; after each kill the site was: {' '.join(outcomes)}")

    set_version(project, VERSIONS[-1])
    result = project.run("build")
    assert result.returncode == 0, result.stderr
    assert site_version(site, paths) == VERSIONS[-1]
    assert not [p.name for p in project.root.iterdir() if p.name.startswith(".site")]
    assert not list((project.root / ".cache").rglob("*.part"))


def test_a_second_build_of_the_same_project_waits_its_turn(tmp_path):
    import fcntl

    project = good_project(tmp_path / "proj")
    lock = project.root / ".cache" / "build.lock"
    lock.parent.mkdir(parents=True)
    with open(lock, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)  # as a running build holds it
        result = project.run("build")
    assert result.returncode == 2 and "另一次 fanzha build 正在运行" in result.stderr
    assert not (project.root / "site").exists()


def test_serve_waits_for_a_running_build_before_it_writes_print_files(tmp_path):
    """`fanzha serve` renders into the same print cache as `fanzha build`: while a build holds the lock, serve's
    rebuild waits for it (seen in /proc/locks as a blocked request of its process), then goes on and serves."""
    import fcntl
    import socket
    import urllib.request

    project = good_project(tmp_path / "proj")
    lock = project.root / ".cache" / "build.lock"
    lock.parent.mkdir(parents=True)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    handle = open(lock, "w")
    fcntl.flock(handle, fcntl.LOCK_EX)  # as a running build holds it
    serve = subprocess.Popen([*FANZHA, "--root", str(project.root), "serve", "--addr", f"127.0.0.1:{port}"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.time() + 120
        while not any("->" in line and f" {serve.pid} " in line
                      for line in Path("/proc/locks").read_text().splitlines()):
            assert serve.poll() is None, serve.stderr.read()
            assert time.time() < deadline, "serve never asked for the build lock"
            time.sleep(0.2)
        assert not list((project.root / ".cache" / "print").rglob("*.pdf"))
        handle.close()  # the build ends
        while True:
            assert serve.poll() is None, serve.stderr.read()
            assert time.time() < deadline, "serve did not come up after the build ended"
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/print/", timeout=5) as response:
                    assert response.status == 200 and "印刷" in response.read().decode()
                break
            except OSError:
                time.sleep(0.5)
        assert list((project.root / ".cache" / "print").rglob("*.pdf"))
    finally:
        handle.close()
        serve.terminate()
        serve.wait(timeout=30)


def _tree(folder: Path, marker: str) -> Path:
    (folder / "print").mkdir(parents=True)
    (folder / "index.html").write_text(marker, "utf-8")
    (folder / "print" / "a.pdf").write_bytes(marker.encode() * 100)
    return folder


def test_swap_without_an_atomic_exchange_and_a_kill_between_its_renames(tmp_path, monkeypatch):
    """Where renameat2(RENAME_EXCHANGE) is missing (other systems, some file systems) the new site goes in with two
    renames; a build killed between them has set the old site aside, and the next build puts it back."""
    from fanzha.site import publish

    site = _tree(tmp_path / "site", "old")
    monkeypatch.setattr(publish, "exchange_atomically", lambda a, b: False)
    publish.swap_in(_tree(tmp_path / ".site.new-1", "new"), site)
    assert (site / "index.html").read_text("utf-8") == "new" and (site / "print" / "a.pdf").stat().st_size == 300
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]

    # Killed after the first rename: the complete old site is set aside, no site/, a half-made staging folder.
    os.replace(site, tmp_path / ".site.old")
    _tree(tmp_path / ".site.new-2", "half")
    publish.recover(site, tmp_path / ".cache" / "print")
    assert (site / "index.html").read_text("utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
