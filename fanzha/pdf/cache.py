"""Skip re-rendering: each output remembers a hash of everything it was made from."""

from __future__ import annotations

import json
from pathlib import Path

from fanzha.files import write_atomic

CACHE_NAME = ".print-cache.json"  # a dot file, so it is not copied into the site


def load_cache(out_dir: Path) -> dict:
    path = Path(out_dir) / CACHE_NAME
    try:
        data = json.loads(path.read_text("utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def save_cache(out_dir: Path, cache: dict) -> None:
    data = json.dumps(cache, ensure_ascii=False, sort_keys=True, indent=0).encode()
    path = Path(out_dir) / CACHE_NAME
    if not path.exists() or path.read_bytes() != data:
        write_atomic(path, data)


class LayoutCache:
    """Results of layouts made while checking (a sticker text's fitted sizes), by what they were made from, so that
    a build does not lay out again what it laid out before. The whole file is keyed by the layout's inputs
    (templates, CSS, fonts, code): when any of them changes, every entry is stale. Loaded by a check, written by a
    build only (`fanzha check` writes nothing)."""

    def __init__(self, path: Path | None, inputs: str, entries: dict | None = None):
        self.path = path
        self.inputs = inputs
        self.entries: dict = entries or {}
        self.changed = False

    @classmethod
    def load(cls, path: Path, inputs: str) -> "LayoutCache":
        """The cache at `path` if it was made from these layout `inputs` (pdf.layout_inputs), else an empty one."""
        try:
            data = json.loads(Path(path).read_text("utf-8"))
            entries = data["entries"] if isinstance(data, dict) and data.get("inputs") == inputs else {}
        except (OSError, ValueError, KeyError, TypeError):
            entries = {}
        return cls(path, inputs, entries if isinstance(entries, dict) else {})

    def get(self, key: str):
        return self.entries.get(key)

    def put(self, key: str, value) -> None:
        self.entries[key] = value
        self.changed = True

    def save(self) -> None:
        if self.path is None or not self.changed:
            return
        data = {"inputs": self.inputs, "entries": self.entries}
        write_atomic(self.path, json.dumps(data, ensure_ascii=False, sort_keys=True).encode())
        self.changed = False
