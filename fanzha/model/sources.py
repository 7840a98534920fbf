"""Reads material and edition files as they really arrive: encodings, BOM, CRLF, YAML with line numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from fanzha import messages
from fanzha.problems import Problems

MAX_BYTES = 2 * 1024 * 1024
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's, where PyYAML was built with it
FULLWIDTH_KEY = re.compile(r"^\s*-?\s*[\w\u4e00-\u9fff-]+\s*：")
BLOCK_SCALAR_START = re.compile(r"(?:^|[:\s-])\s*[|>][+-]?\d*\s*(?:#.*)?$")


@dataclass
class Source:
    """A Markdown file split into front matter (with the line of every key) and body."""

    path: Path
    meta: dict[str, Any]
    body: str
    body_line: int  # 1-based line of the first body line in the file
    lines: dict[tuple, int] = field(default_factory=dict)

    def line_of(self, *key: Any) -> int:
        """Line of a front-matter key path such as ('receipt', 'fields', 2); falls back to its parents."""
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key[:-1]
        return 1


def read_text(path: Path, problems: Problems) -> str | None:
    """Decode a text file; Windows editors often save GBK, which is named with a fix instead of a traceback."""
    try:
        if not _inside(path.resolve(), problems.root):
            _refuse_link(path, problems)
            return None
        data = path.read_bytes()
    except OSError as exc:
        problems.add(path, 0, messages.MODEL_UNREADABLE_FILE.format(reason=exc.strerror))
        return None
    if len(data) > MAX_BYTES:
        problems.add(path, 0, messages.MODEL_FILE_TOO_LARGE.format(size_kb=len(data) // 1024,
                                                                   limit_kb=MAX_BYTES // 1024))
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        problems.add(path, 1, messages.MODEL_UTF16_FILE)
        return None
    if b"\x00" in data:
        problems.add(path, data.split(b"\x00", 1)[0].count(b"\n") + 1, messages.MODEL_BINARY_FILE)
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        try:
            data.decode("gb18030")
            problems.add(path, line, messages.MODEL_GBK_FILE)
        except UnicodeDecodeError:
            problems.add(path, line, messages.MODEL_NOT_UTF8_FILE)
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def refuse_outside_links(folder: Path, problems: Problems) -> None:
    """Symlinked folders are not searched for materials; one that leads outside the project is named, not ignored."""
    for path in sorted(Path(folder).rglob("*")):
        if path.is_symlink() and path.is_dir() and not _inside(path.resolve(), problems.root):
            _refuse_link(path, problems)


def _refuse_link(path: Path, problems: Problems) -> None:
    problems.add(path, 0, messages.MODEL_LINK_OUTSIDE)


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root.resolve())
        return True
    except ValueError:
        return False


def parse_yaml(text: str, path: Path, problems: Problems, first_line: int = 1) -> tuple[Any, dict[tuple, int]] | None:
    """Load YAML and record the line of every key and list item, so schema errors can point at it."""
    block_indent = None  # indentation of the line that opened a | or > block scalar, while inside it
    for offset, line in enumerate(text.split("\n")):
        indent = len(line) - len(line.lstrip())
        if "\t" in line[:indent]:
            problems.add(path, first_line + offset, messages.MODEL_YAML_TAB)
            return None
        if block_indent is not None:
            if not line.strip() or indent > block_indent:
                continue  # text of a block scalar: "：" there is prose, not a key
            block_indent = None
        if BLOCK_SCALAR_START.search(line):
            block_indent = indent
        if FULLWIDTH_KEY.match(line) and ":" not in line.split("：", 1)[0]:
            problems.add(path, first_line + offset, messages.MODEL_YAML_FULLWIDTH_COLON)
            return None
    try:
        alias = next((event for event in yaml.parse(text, Loader=YAML_LOADER)
                      if isinstance(event, yaml.AliasEvent)), None)
        if alias is not None:  # a few nested aliases expand a short file into billions of values
            problems.add(path, first_line + alias.start_mark.line, messages.MODEL_YAML_ALIAS)
            return None
        node = yaml.compose(text, Loader=YAML_LOADER)
        if node is not None and _refuse_duplicates(node, path, problems, first_line):
            return None
        data = yaml.load(text, Loader=YAML_LOADER)
    except ValueError as exc:  # a value YAML reads as a date that is no date (2026-02-30): not a YAMLError
        bad = _impossible_date(node) if node is not None else None
        line = first_line + (bad.start_mark.line if bad is not None else 0)
        problems.add(path, line, messages.MODEL_IMPOSSIBLE_DATE.format(value=bad.value, error=exc) if bad is not None
                     else messages.MODEL_IMPOSSIBLE_DATE_UNNAMED.format(error=exc))
        return None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = first_line + (mark.line if mark else 0)
        detail = getattr(exc, "problem", None) or str(exc)
        problems.add(path, line, messages.MODEL_YAML_SYNTAX.format(detail=detail))
        return None
    lines: dict[tuple, int] = {}
    if node is not None:
        _record_lines(node, (), lines, first_line)
    return data, lines


def _refuse_duplicates(node: yaml.Node, path: Path, problems: Problems, first_line: int) -> bool:
    """A key written twice: YAML keeps the last one silently, and the author edits the other."""
    found = False
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key, value in node.value:
            line = first_line + key.start_mark.line
            if isinstance(key, yaml.ScalarNode) and key.value in seen:
                problems.add(path, line, messages.MODEL_YAML_DUPLICATE_KEY.format(key=key.value,
                                                                                  first_line=seen[key.value]))
                found = True
            seen.setdefault(getattr(key, "value", ""), line)
            found = _refuse_duplicates(value, path, problems, first_line) or found
    elif isinstance(node, yaml.SequenceNode):
        for child in node.value:
            found = _refuse_duplicates(child, path, problems, first_line) or found
    return found


def _impossible_date(node: yaml.Node) -> yaml.ScalarNode | None:
    import datetime as dt

    if isinstance(node, yaml.ScalarNode):
        if node.tag == "tag:yaml.org,2002:timestamp":
            try:
                dt.date.fromisoformat(node.value[:10])
            except ValueError:
                return node
        return None
    children = [v for pair in node.value for v in pair] if isinstance(node, yaml.MappingNode) else node.value
    return next((bad for child in children if (bad := _impossible_date(child)) is not None), None)


def _record_lines(node: yaml.Node, key: tuple, lines: dict[tuple, int], first_line: int) -> None:
    lines[key] = first_line + node.start_mark.line
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            child = key + (k.value,)
            lines[child] = first_line + k.start_mark.line
            _record_lines(v, child, lines, first_line)
            lines[child] = first_line + k.start_mark.line
    elif isinstance(node, yaml.SequenceNode):
        for i, v in enumerate(node.value):
            _record_lines(v, key + (i,), lines, first_line)


def read_material(path: Path, problems: Problems) -> Source | None:
    text = read_text(path, problems)
    if text is None:
        return None
    if not text.strip():
        problems.add(path, 1, messages.MODEL_EMPTY_FILE)
        return None
    all_lines = text.split("\n")
    if all_lines[0].strip() != "---":
        problems.add(path, 1, messages.MODEL_NO_FRONT_MATTER)
        return None
    try:
        end = next(i for i, line in enumerate(all_lines[1:], start=1) if line.strip() == "---")
    except StopIteration:
        problems.add(path, 1, messages.MODEL_FRONT_MATTER_UNCLOSED)
        return None
    parsed = parse_yaml("\n".join(all_lines[1:end]), path, problems, first_line=2)
    if parsed is None:
        return None
    meta, lines = parsed
    if not isinstance(meta, dict):
        problems.add(path, 2, messages.MODEL_FRONT_MATTER_NOT_MAPPING)
        return None
    return Source(path=path, meta=meta, body="\n".join(all_lines[end + 1:]), body_line=end + 2, lines=lines)


def read_yaml_file(path: Path, problems: Problems) -> tuple[Any, dict[tuple, int]] | None:
    text = read_text(path, problems)
    if text is None:
        return None
    return parse_yaml(text, path, problems)
