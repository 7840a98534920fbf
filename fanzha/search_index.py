"""The site's search index: domain terms kept whole by jieba, and the index file rewritten compactly."""

from __future__ import annotations

import json
import os
from pathlib import Path

from .catalog import Catalog


def register_terms(catalog: Catalog, user_dict: Path) -> None:
    """Teach jieba the domain terms (刷单, 杀猪盘, 96110 …) so that they are indexed as whole words.

    Material's search plugin segments page text with the process-wide jieba tokenizer, so words added here
    take effect for the build that follows.
    """
    import jieba

    if user_dict.exists():
        jieba.load_userdict(str(user_dict))
    for material in catalog.of_kind("scam"):
        meta = material.meta
        for word in [*meta.aliases, *meta.keywords]:
            if 1 < len(word) <= 12:
                jieba.add_word(word, freq=20000)


def compact(site_dir: Path) -> None:
    """Rewrite search_index.json as UTF-8 instead of \\uXXXX escapes (about half the bytes for Chinese)."""
    path = site_dir / "search" / "search_index.json"
    if not path.exists():
        return
    data = json.loads(path.read_text(encoding="utf-8"))
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    os.replace(tmp, path)
