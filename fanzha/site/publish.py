"""Putting a new site in place of the old one: one build at a time, the new site made beside the old one and swapped
in whole, what a killed build left repaired by the next one, and a marker saying which inputs a site was built from.
"""

from __future__ import annotations

import ctypes
import fcntl
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

from fanzha.files import PART  # a file still being written; what a killed build left of them is removed

MARKER = ".fanzha-site"  # in a site folder fanzha built: the digest of what it was built from


class BuildBusy(Exception):
    """Another `fanzha build` of the same project is running."""


_locked: set[Path] = set()  # projects whose lock this process holds


@contextmanager
def build_lock(root: Path, wait: bool = False):
    """One build of a project at a time: a second one would clear the first one's staging folder and the print files
    it is writing. `fanzha build` refuses to wait (BuildBusy); `fanzha serve` waits for a running build before each of
    its rebuilds. Within one process the lock is taken once."""
    root = Path(root).resolve()
    if root in _locked:
        yield
        return
    path = root / ".cache" / "build.lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            raise BuildBusy(root) from None
        _locked.add(root)
        try:
            yield  # the kernel releases the lock when the process ends, killed or not
        finally:
            _locked.discard(root)


def is_current(site_dir: Path, digest: str) -> bool:
    """Is the site in place the one these inputs build?"""
    try:
        return (site_dir / MARKER).read_text("utf-8") == digest and (site_dir / "index.html").is_file()
    except (OSError, UnicodeDecodeError):
        return False


def mark(site_dir: Path, digest: str) -> None:
    (site_dir / MARKER).write_text(digest, "utf-8")


@contextmanager
def staging(site_dir: Path):
    """A new folder beside `site_dir` to build the site in; swapped in when the block ends without an error, removed
    when it raises."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.new-", dir=site_dir.parent))
    try:
        yield staged
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
    os.chmod(staged, 0o755)  # mkdtemp makes 0700; the site is published on a web server
    swap_in(staged, site_dir)


def swap_in(staging: Path, target: Path) -> None:
    """Put the new site in place of the old one. Where the system can exchange two folders in one step there is no
    moment without a complete site; elsewhere a build killed between the two renames is repaired by recover()."""
    if target.exists() and exchange_atomically(staging, target):
        shutil.rmtree(staging, ignore_errors=True)  # it now holds the previous site
        return
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(staging, target)
    shutil.rmtree(old, ignore_errors=True)


def exchange_atomically(a: Path, b: Path) -> bool:
    """Linux renameat2(RENAME_EXCHANGE): swap two paths atomically; False where the system or file system lacks it."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def recover(site_dir: Path, print_dir: Path) -> None:
    """Repair what a killed build left: the old site set aside between the two renames of swap_in goes back, and
    half-built staging folders and half-written print files go away."""
    old = site_dir.with_name(f".{site_dir.name}.old")
    if old.exists() and not site_dir.exists():
        os.replace(old, site_dir)
    shutil.rmtree(old, ignore_errors=True)
    for staged in site_dir.parent.glob(f".{site_dir.name}.new-*"):
        shutil.rmtree(staged, ignore_errors=True)
    if print_dir.is_dir():
        for part in print_dir.rglob(f".*{PART}"):
            part.unlink(missing_ok=True)
