"""Fixtures: small projects written by the tests themselves, and the bundled set built once (helpers.py has the
rest of what tests share)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from helpers import ARGS, CHROMIUM, FANZHA, REPO, Project

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


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, headless, driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()
