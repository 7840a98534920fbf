"""Shared fixtures: small projects written by the tests themselves, and the bundled set built once."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import textwrap
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FANZHA = [sys.executable, "-m", "fanzha.cli"]

EDITION = """\
id: default
unit:
  name: 测试县公安局
  region: 测试县
  signature: 测试县公安局
date: 2026-11-01
"""

SCAM = """\
---
kind: scam
id: {id}
title: {title}
aliases: [{aliases}]
audiences: [全体群众]
summary: 一句话识破。
---
## 常见对象
所有人。
## 作案手法
1. 第一步。
## 识别要点
- 要点。
## 典型案例
张某某被骗。
## 防范提示
- 不转账。
## 被骗后怎么办
- 立即拨打110，保留证据，96110来电要接听。
"""


class Project:
    """A throwaway fanzha project: the repository's site scaffolding plus materials the test writes."""

    def __init__(self, root: Path):
        self.root = root
        root.mkdir(parents=True)
        for name in ("mkdocs.yml", "docs", "overrides", "hooks"):
            src = REPO / name
            (shutil.copytree if src.is_dir() else shutil.copy)(src, root / name)
        (root / "materials" / "editions").mkdir(parents=True)
        shutil.copy(REPO / "materials" / "search-terms.txt", root / "materials" / "search-terms.txt")
        self.write("materials/editions/default.yml", EDITION)
        self.write("materials/audiences.yml", "全体群众: 所有人。\n老年人: 长者。\n")

    def write(self, rel: str, text: str, encoding: str = "utf-8") -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(textwrap.dedent(text).encode(encoding))
        return path

    def scam(self, id: str = "shuadan-fanli", title: str = "刷单返利类诈骗", aliases: str = "兼职刷单") -> Path:
        return self.write(f"materials/scam/{id}.md", SCAM.format(id=id, title=title, aliases=aliases))

    def run(self, *args: str) -> subprocess.CompletedProcess:
        """`fanzha --root <project> <args>` as the console script runs it, in this process: exit code, stdout and
        stderr as a user sees them, without starting Python again for every error case."""
        from fanzha import cli

        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = cli.main(["--root", str(self.root), *args])
            except SystemExit as exit:
                code = exit.code
        return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())

    def run_process(self, *args: str) -> subprocess.CompletedProcess:
        """The real `python -m fanzha.cli` in a process of its own (for what only a process shows: signals, exit)."""
        return subprocess.run([*FANZHA, "--root", str(self.root), *args], capture_output=True, text=True,
                              cwd=self.root, timeout=600)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project(tmp_path / "proj")


@pytest.fixture(scope="session")
def bundled_site(tmp_path_factory) -> Path:
    """The bundled materials built once with `fanzha build` into a temporary site directory."""
    site = tmp_path_factory.mktemp("bundled") / "site"
    result = subprocess.run([*FANZHA, "--root", str(REPO), "build", "--site-dir", str(site)],
                            capture_output=True, text=True, timeout=1200)
    assert result.returncode == 0, result.stdout + result.stderr
    return site
