"""Where a build may write: a site folder is replaced whole, so a wrong --site-dir (the project itself, materials/,
a folder of someone's files) would delete what is there. Refused before anything is written."""

from __future__ import annotations

from pathlib import Path

from fanzha.site.publish import MARKER

# The project's own folders: an output must be neither one of them nor a folder holding one.
KEPT = (".", "materials", "docs", "private", "overrides", "hooks", "fanzha", "tests", "scripts", ".git")


class UnsafeOutput(Exception):
    """The output folder asked for would replace or mix with files that are not fanzha's outputs."""


def refuse_unsafe_output(root: Path, target: Path, option: str, *, replaced_whole: bool) -> None:
    """`replaced_whole`: the folder is swapped for a new one (a site), so any other files in it would be lost: it must
    be empty, missing, the project's site/ or a site fanzha built (its marker file)."""
    root = Path(root).resolve()
    target = Path(target).resolve()
    for name in KEPT:
        kept = (root / name).resolve()
        if target == kept or target in kept.parents:
            where = "项目目录本身" if name == "." else f"{name}/"
            holds = "就是" if target == kept else "包含了"
            raise UnsafeOutput(f"{option} {target} {holds}{where}，生成时会替换掉里面的文件"
                               f" — 换一个单独的新目录，例如 {root / 'site'}")
    if not replaced_whole or target == root / "site" or not target.is_dir():
        return
    if (target / MARKER).is_file() or not any(target.iterdir()):
        return
    raise UnsafeOutput(f"{option} {target} 里已有别的文件，又不是 fanzha 生成的网站，生成时会被整个替换掉"
                       " — 换一个空目录或不存在的目录，或先把里面的文件移走")
