"""Facts the bundled materials must keep: hotline numbers and their roles, channel lengths, the 2025 list, the scam
types' sources and 广播稿, and de-identified case names that do not repeat. Run in-process on materials/."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from fanzha.model.catalog import Catalog, load_catalog
from fanzha.edition.expand import edition_context, expand_material, fill_variables
from fanzha.edition.lint import CHANNEL_LIMITS, char_count
from fanzha.problems import Problems

from helpers import REPO

MATERIALS = REPO / "materials"

# 公安部 2025 年版反诈宣传手册, in the order published (贷款征信 merged, 机票退改签 new).
TOP_TEN_2025 = ["刷单返利", "虚假网络投资理财", "虚假购物服务", "冒充电商物流客服", "贷款征信", "冒充领导熟人",
                "冒充公检法", "婚恋交友", "网络游戏产品虚假交易", "机票退改签"]

# Words that give a number a role it does not have. A clause is text between Chinese punctuation marks, so
# "可拨打96110咨询；被骗请拨打110报警" checks 96110 against "咨询" and 110 against "报警" separately.
WRONG_ROLE = {
    "110": ("咨询", "劝阻", "预警", "短信", "来电", "举报"),  # 110 is where you report; warnings come from 96110
    "96110": ("报警",),  # 96110 warns, advises and takes tips; a fraud is reported to 110
    "12381": ("拨打", "来电", "咨询", "报警", "举报"),  # an outbound SMS port: nobody can call it
    "12321": ("报警", "咨询", "来电", "预警"),  # takes reports of spam calls and SMS
}
REQUIRED_ROLE = {"12381": ("短信",), "12321": ("举报",)}
CLAUSE = re.compile(r"[，。；！？、\n：（）“”]")
NUMBER = re.compile(r"(?<![\d-])(110|96110|12381|12321)(?![\d-])")

# Surnames that start the de-identified names (张某某, 李女士（化名）); 向、于、和 are left out because they also
# start ordinary phrases before 某 (向某平台).
SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘蒋蔡余杜叶程苏魏吕丁"
            "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔")
CASE_NAME = re.compile(rf"[{SURNAMES}](?:某某|某|(?:女士|先生|阿姨|大爷)（化名）)")


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    problems = Problems(REPO)
    loaded = load_catalog(REPO, problems)
    assert not problems.errors, "\n".join(map(str, problems.errors))
    return loaded


def material_texts() -> dict[Path, str]:
    return {path: path.read_text(encoding="utf-8") for path in sorted(MATERIALS.rglob("*"))
            if path.suffix in (".md", ".yml", ".txt")}


def as_printed(text: str, catalog: Catalog) -> str:
    """A text with the default edition's variables filled in ({{ phones.police }} → 110)."""
    problems = Problems(REPO)
    rendered = fill_variables(text, edition_context(catalog.default_edition), "<test>", 1, problems)
    assert rendered is not None and not problems.errors, problems.errors
    return rendered


def test_12337_is_nowhere_in_the_materials():
    found = [path.relative_to(REPO) for path, text in material_texts().items() if "12337" in text]
    assert found == []


def role_problems(line: str) -> list[str]:
    """Each number in the line whose clause gives it a wrong role, or whose line lacks its own role."""
    found = []
    for clause in CLAUSE.split(line):
        for number in NUMBER.findall(clause):
            bad = [w for w in WRONG_ROLE[number] if w in clause]
            missing = [w for w in REQUIRED_ROLE.get(number, ()) if w not in line]
            if bad or missing:
                found.append(f"{number} in “{clause}” {bad or missing}")
    return found


def test_every_hotline_keeps_its_role(catalog):
    wrong = [f"{path.relative_to(REPO)}:{lineno}: {problem}"
             for path, text in material_texts().items() if path.suffix == ".md"
             for lineno, line in enumerate(as_printed(text, catalog).split("\n"), 1)
             for problem in role_problems(line)]
    assert wrong == []


def test_the_role_check_catches_swapped_numbers():
    assert len(role_problems("被骗请立即拨打96110报警，拿不准可以拨打110咨询，也可以拨打12381问一问。")) == 3
    assert role_problems("被骗请立即拨打110报警；拿不准可以拨打96110咨询；收到12381短信请停止转账。") == []


def slogans_as_printed(catalog: Catalog):
    for edition in catalog.editions.values():
        for material in catalog.of_kind("slogans"):
            problems = Problems(REPO)
            expanded = expand_material(material, edition, problems)
            assert expanded is not None, problems.errors
            for slogan, text in expanded.slogans:
                yield edition.id, slogan, text


def test_sms_slogans_fit_one_message_in_every_edition(catalog):
    sms = [(e, s, t) for e, s, t in slogans_as_printed(catalog) if "短信" in s.channels]
    assert len(sms) >= 20
    too_long = [(e, t, char_count(t)) for e, s, t in sms if char_count(t) > 70]
    assert too_long == []


def test_banner_slogans_fit_the_banner_limit(catalog):
    banners = [(s, t) for _, s, t in slogans_as_printed(catalog) if "横幅" in s.channels]
    assert len(banners) >= 40
    too_long = {(t, char_count(t)) for s, t in banners if char_count(t) > CHANNEL_LIMITS["横幅"]}
    assert too_long == set()


def test_at_least_25_scam_types_each_with_source_and_broadcast(catalog):
    scams = catalog.of_kind("scam")
    assert len(scams) >= 25
    assert [m.id for m in scams if not m.meta.source.strip()] == []
    lengths = {m.id: char_count(as_printed(m.meta.broadcast, catalog)) for m in scams}
    assert {k: n for k, n in lengths.items() if not 220 <= n <= 330} == {}


def test_broadcasts_speak_numbers_through_the_edition_or_as_digits(catalog):
    """The loudspeaker channel reads digits and the phone variables aloud; numbers written as 一一〇 it cannot."""
    spelled = {m.id: m.meta.broadcast for m in catalog.of_kind("scam")
               if re.search(r"幺幺零|九六幺幺零|一一零|一一〇", m.meta.broadcast)}
    assert spelled == {}


def test_the_top_ten_follow_the_2025_list_and_say_so(catalog):
    ranked = [m for m in catalog.of_kind("scam") if m.meta.rank is not None]
    assert [m.meta.rank for m in ranked] == list(range(1, 11))
    assert [m.meta.title.removesuffix("类诈骗") for m in ranked] == TOP_TEN_2025
    top_ten = [m.id for m in ranked]
    for material_id in ("shida-gaofa", "shida-gaofa-danye"):
        material = catalog.materials[material_id]
        assert material.meta.scam_types == top_ten
        assert "2025" in material.path.read_text(encoding="utf-8")


def test_case_names_are_de_identified_and_varied(catalog):
    """Cases name people as 张某某 or 李女士（化名）; no name stands in more than two cases (a case is a paragraph)."""
    cases = Counter()
    for material in catalog.materials.values():
        for paragraph in material.source.body.split("\n\n"):
            cases.update(set(CASE_NAME.findall(paragraph)))
    assert len(cases) >= 20
    assert {name: n for name, n in cases.items() if n > 2} == {}


def test_hotline_and_app_are_named_in_full():
    short = [f"{path.relative_to(REPO)}: {match.group()}" for path, text in material_texts().items()
             for match in re.finditer(r"反诈APP|“国家反诈中心”APP|反诈预警专线", text)]
    assert short == []
