"""Property-based: whatever text lands in front matter or a slogan, check() reports problems or passes —
never crashes."""

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import EDITION
from fanzha.pipeline import check
from fanzha.edition.lint import CHANNEL_LIMITS, char_count

# Text as people type it: CJK, full-width punctuation, YAML-significant characters, digits and stray braces.
ALPHABET = st.sampled_from(list("刷单返利诈骗公检法安全账户：，。、；！？（）“”【】《》 \t-:#{}[]'\"|>&*!%@`"
                                "0123456789xX_某"))
TEXT = st.text(ALPHABET, max_size=40)


def project_with(files: dict[str, str]) -> Path:
    root = Path(tempfile.mkdtemp(prefix="fz-prop-"))
    (root / "materials" / "editions").mkdir(parents=True)
    (root / "materials" / "editions" / "default.yml").write_text(EDITION, encoding="utf-8")
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(key=st.sampled_from(["title", "salutation", "id", "kind", "audiences", "receipt", "large_print"]), value=TEXT)
def test_any_front_matter_value_gives_problems_not_tracebacks(key, value):
    front = {"kind": "letter", "id": "parents", "title": "信", "salutation": "您好："}
    front[key] = value
    text = "---\n" + "".join(f"{k}: {v}\n" for k, v in front.items()) + "---\n正文\n"
    root = project_with({"materials/letter/parents.md": text})
    try:
        checked = check(root)
        for problem in checked.problems.items:
            assert problem.path and problem.message and problem.fix
            assert problem.line >= 0
    finally:
        shutil.rmtree(root)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(slogan=TEXT.filter(lambda s: s.strip() and "\n" not in s))
def test_banner_slogans_pass_exactly_when_within_the_limit(slogan):
    text = f"---\nkind: slogans\nid: s\ntitle: 标语\nchannels: [横幅]\n---\n- {slogan}\n"
    root = project_with({"materials/slogans/s.md": text})
    try:
        checked = check(root)
        too_long = [p for p in checked.problems.errors if "超过上限" in p.message]
        if checked.catalog.materials.get("s") and "s" in checked.default:
            (_, expanded), = checked.default["s"].slogans
            assert bool(too_long) == (char_count(expanded) > CHANNEL_LIMITS["横幅"])
        for problem in checked.problems.items:
            assert problem.path.startswith("materials/") and problem.fix
    finally:
        shutil.rmtree(root)
