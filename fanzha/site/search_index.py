"""The site's search index: domain terms kept whole by jieba, and the index file rewritten compactly."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

WORD_BREAK = "\u200b"  # what Material's jieba step puts between words


def register_terms(terms: list[str], user_dict: Path | None) -> None:
    """Teach jieba the domain terms (刷单, 杀猪盘, 96110 …) and the project's dictionary, so that they are indexed as
    whole words. Material's search plugin segments page text with the process-wide jieba tokenizer, so words added
    here take effect for the build that follows."""
    import jieba

    if user_dict is not None:
        jieba.load_userdict(str(user_dict))
    for word in terms:
        jieba.add_word(word, freq=20000)


def finish(site_dir: Path) -> bool:
    """After the site generator wrote the site: a compact UTF-8 index, and a worker that searches a whole Chinese
    query. False if the worker was not recognised."""
    compact(site_dir)
    return fix_query_segmentation(site_dir)


def compact(site_dir: Path) -> None:
    """Rewrite search_index.json as UTF-8 instead of \\uXXXX escapes (about half the bytes for Chinese), without
    the word breaks that punctuation already provides."""
    path = site_dir / "search" / "search_index.json"
    if not path.exists():
        return
    data = json.loads(path.read_text(encoding="utf-8"))
    separator = re.compile(data["config"]["separator"])
    for doc in data["docs"]:
        for field in ("title", "text"):
            if field in doc:
                doc[field] = _drop_redundant_word_breaks(doc[field], separator)
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    os.replace(tmp, path)


def _drop_redundant_word_breaks(text: str, separator: re.Pattern) -> str:
    """Remove the word breaks that sit next to punctuation or a tag: those already split words (3 bytes each)."""
    def keep(match: re.Match) -> str:
        before, after = text[match.start() - 1:match.start()], text[match.end():match.end() + 1]
        for neighbour in (before, after):
            if not neighbour or neighbour in "<>" or (neighbour != WORD_BREAK and separator.fullmatch(neighbour)):
                return ""
        return WORD_BREAK

    return re.sub(WORD_BREAK, keep, text)


# Material's worker cuts a Chinese query into the longest index terms, but its loop stops one character short of the
# query's end (`j < query.length`), so a query that is itself a term (安全账户) is searched as 安全 + 账 and its page
# ranks low or not at all. The two patterns below are that loop and its continuation test in the minified worker.
_SEGMENT_FIXES = [
    (re.compile(r"for\(let (\w)=(\w)\+1;\1<(\w)\.length;\1\+\+\)\3\.slice\(\2,\1\)in"),
     r"for(let \1=\2+1;\1<=\3.length;\1++)\3.slice(\2,\1)in"),
    (re.compile(r"(\w)\[(\w)\]&&\2<(\w)\.length-1&&"), r"\1[\2]&&\2<\3.length&&"),
]


def fix_query_segmentation(site_dir: Path) -> bool:
    """Let the search worker match a Chinese query up to its last character; False if the worker was not recognised."""
    fixed = False
    for worker in (site_dir / "assets" / "javascripts" / "workers").glob("search.*.min.js"):
        code = worker.read_text(encoding="utf-8")
        new = code
        for pattern, replacement in _SEGMENT_FIXES:
            new, count = pattern.subn(replacement, new, count=1)
            if count != 1:
                return False
        worker.write_text(new, encoding="utf-8")
        fixed = True
    return fixed
