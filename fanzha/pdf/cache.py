"""Skip re-rendering: each output remembers a hash of everything it was made from."""

from __future__ import annotations

import json
from pathlib import Path

CACHE_NAME = ".print-cache.json"  # a dot file, so it is not copied into the site


def load_cache(out_dir: Path) -> dict:
    path = Path(out_dir) / CACHE_NAME
    try:
        data = json.loads(path.read_text("utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def save_cache(out_dir: Path, cache: dict) -> None:
    from .manifest import write_atomic

    data = json.dumps(cache, ensure_ascii=False, sort_keys=True, indent=0).encode()
    path = Path(out_dir) / CACHE_NAME
    if not path.exists() or path.read_bytes() != data:
        write_atomic(path, data)
