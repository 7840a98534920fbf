"""Reading materials: YAML front matter with line numbers and problems named in Chinese."""

from pathlib import Path

from fanzha.problems import Problems
from fanzha.model.sources import parse_yaml


def _parse(text: str, tmp_path: Path):
    problems = Problems(tmp_path)
    return parse_yaml(text, tmp_path / "x.yml", problems), [str(item) for item in problems.items]


def test_a_fullwidth_colon_in_block_text_is_prose_not_a_key(tmp_path):
    parsed, problems = _parse("broadcast: |\n  民警提醒：不要转账。\n\n  注意：骗子会说。\ntitle: 标题\n", tmp_path)
    assert problems == []
    assert parsed[0] == {"broadcast": "民警提醒：不要转账。\n\n注意：骗子会说。\n", "title": "标题"}
    parsed, problems = _parse("items:\n  - >-\n    甲：乙\n  - 丙\n", tmp_path)
    assert problems == [] and parsed[0] == {"items": ["甲：乙", "丙"]}


def test_a_fullwidth_colon_after_a_key_is_named_after_block_text_ends(tmp_path):
    parsed, problems = _parse("broadcast: |\n  提醒：不要转账。\ntitle：标题\n", tmp_path)
    assert parsed is None
    assert problems == ["x.yml:3: 键名后面用了全角冒号“：” — 把键名后的“：”改成半角冒号“:”并在后面加一个空格"]
