"""Where a build may write: a site folder is replaced whole, so a wrong --site-dir (the project itself, materials/,
a folder of someone's files) would delete what is there. Refused before anything is written."""

from __future__ import annotations

from pathlib import Path

from fanzha import messages
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
            folder = messages.SITE_PROJECT_ITSELF if name == "." else f"{name}/"
            wording = (messages.SITE_OUTPUT_IS_PROJECT_FOLDER if target == kept
                       else messages.SITE_OUTPUT_HOLDS_PROJECT_FOLDER)
            raise UnsafeOutput(wording.format(option=option, target=target, folder=folder, site=root / "site"))
    if not replaced_whole or target == root / "site" or not target.is_dir():
        return
    if (target / MARKER).is_file() or not any(target.iterdir()):
        return
    raise UnsafeOutput(messages.SITE_OUTPUT_HOLDS_OTHER_FILES.format(option=option, target=target))
