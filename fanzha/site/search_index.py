"""The site's search index: domain terms kept whole by jieba, and the index file rewritten compactly."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from fanzha import messages
from fanzha.site.traditional import is_traditional_location, segmented_as_simplified, simplified_terms

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


def finish(site_dir: Path, synonyms: dict[str, list[str]] | None = None) -> bool:
    """After the site generator wrote the site: a compact UTF-8 index, and a worker that cuts a Chinese question
    into the index's words. False if the worker was not recognised."""
    compact(site_dir)
    return install_segmenter(site_dir, synonyms or {})


# Material weighs a word in a title 1000 times one in the text: any question with 短信 or 贴纸 in it then finds the
# pages titled so before the one it is about. Titles count a few times more than text, no more.
TITLE_BOOST = 10.0


def compact(site_dir: Path) -> None:
    """Rewrite search_index.json as UTF-8 instead of \\uXXXX escapes (about half the bytes for Chinese), without
    the word breaks that punctuation already provides."""
    path = site_dir / "search" / "search_index.json"
    if not path.exists():
        return
    data = json.loads(path.read_text(encoding="utf-8"))
    separator = re.compile(data["config"]["separator"])
    data["config"]["fields"]["title"]["boost"] = TITLE_BOOST
    for doc in data["docs"]:
        traditional = is_traditional_location(doc.get("location", ""))  # 繁體版 pages (fanzha/site/traditional.py)
        for field in ("title", "text"):
            if field in doc:
                value = segmented_as_simplified(doc[field]) if traditional else doc[field]
                doc[field] = _drop_redundant_word_breaks(value, separator)
        if traditional:
            doc["text"] = doc.get("text", "") + simplified_terms(doc, separator)
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


# Material's worker cuts each run of Chinese characters in a query with this function (minified: its name and
# argument names vary); fanzha/site/search_segment.js takes its place.
_SEGMENTER = re.compile(r'function (\w+)\((\w+),(\w+)\)\{let \w+=new Set,\w+=new Uint16Array\(\2\.length\);'
                        r'.*?return \w+\.has\(""\)\?new Set\(\[\2\]\):\w+\}')
SEGMENTER_JS = Path(__file__).with_name("search_segment.js")


def load_synonyms(path: Path, problems) -> dict[str, list[str]]:
    """materials/search-synonyms.txt: one line per colloquial term, `家长信 = 致学生家长的一封信 家长`: what a reader
    types, then the words the pages use. Lines starting with # are notes."""
    synonyms: dict[str, list[str]] = {}
    if not path.is_file():
        return synonyms
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        term, sep, words = line.partition("=")
        term, words = term.strip(), words.split()
        if not sep or not term or not words or " " in term:
            problems.add(path, number, messages.SITE_SYNONYM_LINE_UNREADABLE.format(line=line))
            continue
        synonyms[term.lower()] = [w.lower() for w in words]
    return synonyms


def install_segmenter(site_dir: Path, synonyms: dict[str, list[str]]) -> bool:
    """Put fanzha's query cutting into the search worker; False if the worker was not recognised."""
    code = SEGMENTER_JS.read_text(encoding="utf-8")
    code = code.replace("/*FZ_SYNONYMS*/{}", json.dumps(synonyms, ensure_ascii=False, sort_keys=True))
    stopwords = dict.fromkeys(messages.SITE_SEARCH_STOPWORDS, 1)
    code = code.replace("/*FZ_STOPWORDS*/{}", json.dumps(stopwords, ensure_ascii=False))
    fixed = False
    for worker in (site_dir / "assets" / "javascripts" / "workers").glob("search.*.min.js"):
        text = worker.read_text(encoding="utf-8")
        new, count = _SEGMENTER.subn(lambda m: f"function {m[1]}({m[2]},{m[3]}){{return fzSegment({m[2]},{m[3]})}}",
                                     text, count=1)
        if count != 1:
            return False
        worker.write_text(code + "\n" + new, encoding="utf-8")
        fixed = True
    return fixed
