"""Content rules beyond the schemas: required sections, slogan lengths, placeholders, phone numbers, links."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from fanzha.edition.expand import Expanded
from fanzha.edition.sanitize import findings
from fanzha.model.catalog import Edition
from fanzha.problems import Problems

SCAM_SECTIONS = ("常见对象", "作案手法", "识别要点", "典型案例", "防范提示", "被骗后怎么办")
CHANNEL_LIMITS = {"横幅": 20, "贴纸": 16, "短信": 70}
ALLOWED_HOTLINES = {"110": "报警电话", "96110": "反诈预警劝阻专线", "12381": "涉诈预警劝阻短信",
                    "12321": "诈骗短信电话举报"}
PHONE_FIXES = {"police": "报警电话只能是 110，删掉这一行即用默认值",
               "hotline": "反诈专线写 96110，或在 phones.local 里登记后再用本单位号码"}

# A case's people are 张某某, 李某某: 某某 after a surname is the usual way to keep a name out; anywhere else it is a
# blank someone forgot to fill.
SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩"
            "冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔"
            "钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢"
            "安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路"
            "游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全"
            "佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝")
PLACEHOLDER = re.compile(r"(?<![A-Za-z])[xX]{2,}(?![A-Za-z])|××|＿{2,}|_{2,}"
                         r"|某某(?:县|市|区|镇|乡|村|街道|社区|单位|学校|公司|银行|派出所|局)"
                         rf"|(?<![{SURNAMES}])某某"
                         r"|【[^】\n]{0,10}(?:名称|填写|待定|待补|待填)[^】\n]{0,6}】"
                         r"|[（(]\s*待[填补定确写][^）)\n]{0,8}[）)]|\b(?:TODO|TBD|FIXME)\b")
UNIT_PLACEHOLDER = re.compile(PLACEHOLDER.pattern + r"|某某|##")
# Five or more digits (with hyphens) that are not a quantity, a year or a date.
PHONE = re.compile(r"(?<![\d.A-Za-z])(\d[\d-]{3,}\d)(?![\d.])(?![元万亿年月日号人件户名份次岁个%余多条张天期])")
# Written with spaces, as on a business card: 138 1234 5678, 400 820 8820, 0571 8888 6666.
SPACED_PHONE = re.compile(r"(?<![\d.])(\d{3,4}(?: \d{3,4}){1,2})(?![\d.])"
                          r"(?![元万亿年月日号人件户名份次岁个%余多条张天期])")
# A domain without scheme or www. (evil-example.com): a phone's browser opens it as typed.
BARE_DOMAIN = re.compile(r"(?<![\w@.\-/])((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+"
                         r"(?:com|cn|net|org|top|xyz|vip|cc|info|app|"
                         r"io|me|co|shop|site|online|club|ltd|wang|ren|ink|tech|pro|biz|mobi|tv|hk|tw|asia|link|live|fun))"
                         r"(?![\w.-]*\w)", re.I)
DOTS = str.maketrans({"。": ".", "｡": ".", "．": "."})  # a browser reads each as the dot of a domain name
# With a scheme, starting www., or protocol-relative (//host/…, which a browser opens like https://host/…).
URL = re.compile(r"\b(?:https?|ftp)://[^\s<>()\"'）】]+|\bwww\.[^\s<>()\"'）】]+"
                 r"|(?<![:/\w])//[\w-]+(?:\.[\w-]+)+[^\s<>()\"'）】]*", re.I)
# An image in the text would be looked for next to the generated page and the print templates, and found in neither.
TEXT_IMAGE = re.compile(r"!\[[^\]]*\]\s*[(\[]|<\s*img\b", re.I)


def char_count(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


# Edition fields that are not text for a reader: ids, paths, addresses with their own checks, dates.
EDITION_UNCHECKED = {"id", "extends", "type", "logo", "select", "date", "site_url", "allowed_domains"}
TEMPLATE_SYNTAX = re.compile(r"\{\{|\{%|\{#")


def lint_edition(edition: Edition, problems: Problems) -> None:
    _check_edition_texts(edition, problems)
    unit = edition.meta.unit.model_dump()
    for key, value in unit.items():
        found = UNIT_PLACEHOLDER.search(value)
        if found:
            problems.add(edition.path, edition.lines.get(("unit", key), 1),
                         f"单位信息 unit.{key} 里还有占位符“{found.group()}”", "填上本单位的真实名称")
    # phones.police and phones.hotline go onto every print layout, whether or not a material names them.
    phones = edition.meta.phones
    own = {p.number.replace("-", "") for p in phones.local}
    for key, value in (("police", phones.police), ("hotline", phones.hotline)):
        number = value.replace("-", "").strip()
        if number == "12337" or (number not in ALLOWED_HOTLINES and number not in own) or (
                key == "police" and number != "110"):
            problems.add(edition.path, edition.lines.get(("phones", key), 1),
                         f"phones.{key} 的号码“{value}”不对", PHONE_FIXES[key])


def _check_edition_texts(edition: Edition, problems: Problems) -> None:
    """The edition's texts reach every page and print file as they are (a unit's name in each page's <title>): the
    same rules as a material's text, and no template syntax, which would be printed as typed."""
    meta = edition.meta
    numbers = dict(ALLOWED_HOTLINES) | {p.number.replace("-", ""): p.label for p in meta.phones.local}
    domains = ["gov.cn", *meta.allowed_domains] + ([urlsplit(meta.site_url).hostname or ""] if meta.site_url else [])
    data = meta.model_dump(exclude=EDITION_UNCHECKED)
    for key, value in _front_matter_texts(data):
        if key[:1] == ("phones",) and (key[-1] == "number" or key[1:] in (("police",), ("hotline",))):
            continue  # checked as numbers (lint_edition); police and hotline must be exactly the allowed ones
        line = edition.lines.get(key) or edition.lines.get(key[:-1], 1)
        if TEMPLATE_SYNTAX.search(value):
            problems.add(edition.path, line, f"版本信息 {'.'.join(map(str, key))} 里写了模板变量“{value}”",
                         "版本文件里直接写本单位的文字，不能用 {{ }}")
        # Placeholders in the unit's details have their own message below; the rest is linted like a material.
        _check_text(value, line, edition.path, numbers, domains, [] if key[0] != "unit" else [value], problems)


def lint_expanded(edition: Edition, expanded: dict[str, Expanded], problems: Problems) -> None:
    """Lint the materials as this edition prints them: its own phone numbers and site are allowed."""
    allowed_numbers = dict(ALLOWED_HOTLINES)
    allowed_domains = ["gov.cn"]
    for phone in edition.meta.phones.local:
        allowed_numbers[phone.number.replace("-", "")] = phone.label
    if edition.meta.site_url:
        allowed_domains.append(urlsplit(edition.meta.site_url).hostname or "")
    allowed_domains += edition.meta.allowed_domains

    # A placeholder in the unit's details is reported once, at the edition (lint_edition), not in every material.
    unit_values = list(edition.meta.unit.model_dump().values())
    for item in expanded.values():
        material = item.material
        path = material.path
        if material.kind == "scam":
            _check_scam_sections(item, problems)
        texts = [(item.body, material.source.body_line)]
        texts += [(value, material.source.line_of(name)) for name, value in item.fields.items() if value]
        # Every other text of the front matter (aliases, receipt fields, table columns…) reaches a page as it is.
        texts += [(value, material.source.line_of(*key)) for key, value in _front_matter_texts(material.source.meta)
                  if key[0] not in item.fields and key[0] not in UNCHECKED_KEYS]
        if item.receipt_statement:
            texts.append((item.receipt_statement, material.source.line_of("receipt", "statement")))
        if material.meta.qr:
            _check_qr(material, allowed_domains, problems)
        for text, first_line in texts:
            _check_text(text, first_line, path, allowed_numbers, allowed_domains, unit_values, problems)
        for slogan, text in item.slogans:
            for channel in slogan.channels:
                limit = CHANNEL_LIMITS.get(channel)
                if limit and char_count(text) > limit:
                    problems.add(path, slogan.line,
                                 f"{channel}标语“{text}”有 {char_count(text)} 字，超过上限 {limit} 字",
                                 f"删减到 {limit} 字以内，或把它从“{channel}”渠道中去掉")


UNCHECKED_KEYS = {"kind", "id", "qr", "image"}  # ids and paths; the QR target has its own check


def _front_matter_texts(value, key: tuple = ()):
    if isinstance(value, str):
        yield key, value
    elif isinstance(value, dict):
        for name, child in value.items():
            yield from _front_matter_texts(child, key + (name,))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _front_matter_texts(child, key + (index,))


def host_of(url: str) -> str:
    """The host a browser would open: it reads \\ as / and folds full-width forms (ｅｖｉｌ．ｃｏｍ) to ASCII."""
    url = unicodedata.normalize("NFKC", url).replace("\\", "/")
    if url.startswith("//"):
        url = "https:" + url
    elif "://" not in url:
        url = "https://" + url
    try:
        return (urlsplit(url).hostname or "").rstrip(".")
    except ValueError:  # e.g. an unbalanced [ in the host
        return ""


def _check_qr(material, domains: list[str], problems: Problems) -> None:
    """A QR code is a link nobody can read before scanning it: only https/http to an allowed domain."""
    url = material.meta.qr
    if urlsplit(url).scheme not in ("https", "http") or not _allowed_host(host_of(url), domains):
        problems.add(material.path, material.source.line_of("qr"), f"二维码网址“{url}”不在允许范围内",
                     f"二维码只能指向 https:// 开头、域名为 {'、'.join(d for d in domains if d)} 的网址；"
                     "其他域名请在版本文件的 allowed_domains 里登记")


def _allowed_host(host: str, domains: list[str]) -> bool:
    return any(host == d or host.endswith("." + d) for d in domains if d)


def _check_scam_sections(item: Expanded, problems: Problems) -> None:
    source = item.material.source
    found = []
    for offset, line in enumerate(item.body.split("\n")):
        if line.startswith("## "):
            found.append((line[3:].strip(), source.body_line + offset))
    names = [name for name, _ in found]
    for section in SCAM_SECTIONS:
        if section not in names:
            problems.add(item.material.path, source.body_line, f"诈骗类型说明缺少“## {section}”一节",
                         f"按顺序写齐：{'、'.join(SCAM_SECTIONS)}")
    present = [n for n in names if n in SCAM_SECTIONS]
    if present == [s for s in SCAM_SECTIONS if s in present]:
        return
    problems.add(item.material.path, source.body_line, "诈骗类型说明各节的顺序不对",
                 f"按顺序排列：{'、'.join(SCAM_SECTIONS)}")


def invisible_character(line: str) -> str | None:
    """The first character of `line` that shows nothing or changes how its neighbours show: zero-width spaces and
    joiners, byte-order marks, soft hyphens, direction overrides (which can show 01169 as 96110), private-use and
    control characters. Text copied from web pages and chats carries them; a number with one is not found by search
    and not dialled by a phone."""
    return next((ch for ch in line if unicodedata.category(ch) in ("Cf", "Co", "Cs", "Cn")
                 or (unicodedata.category(ch) == "Cc" and ch not in "\t\r")), None)


def _check_text(text: str, first_line: int, path, numbers: dict[str, str], domains: list[str],
                unit_values: list[str], problems: Problems) -> None:
    for offset, line in enumerate(text.split("\n")):
        lineno = first_line + offset
        if (hidden := invisible_character(line)) is not None:
            name = unicodedata.name(hidden, "无名称")
            problems.add(path, lineno, f"这一行里有看不见的字符 U+{ord(hidden):04X}（{name}），"
                         "号码和网址里有它会搜不到、拨不通，方向控制符还能让文字倒着显示",
                         "删掉这个字符：把这一行重新打一遍，或粘贴成纯文本（从网页、微信复制的文字常带这种字符）")
        found = PLACEHOLDER.search(line)
        if found and not any(found.group() in value for value in unit_values):
            problems.add(path, lineno, f"还有未替换的占位符“{found.group()}”",
                         "写成具体内容；本单位的名称、辖区、电话请用 {{ unit.name }} 等变量")
        for match in PHONE.finditer(line):
            number = match.group(1).replace("-", "")
            if number == "12337":
                problems.add(path, lineno, "12337 不是反诈电话（它受理政法干警违纪违法举报）",
                             "删掉它；报警打 110，咨询打 96110，举报诈骗短信电话打 12321")
            elif number not in numbers:
                problems.add(path, lineno, f"电话号码“{match.group(1)}”既不是反诈专用号码，也不是本单位登记的号码",
                             "只能写 110、96110、12381、12321，"
                             "或在 materials/editions/*.yml 的 phones.local 里登记本单位号码")
        for match in SPACED_PHONE.finditer(line):
            parts = match.group(1).split(" ")
            if "".join(parts) not in numbers and not all(part in numbers for part in parts):
                problems.add(path, lineno, f"电话号码“{match.group(1)}”既不是反诈专用号码，也不是本单位登记的号码",
                             "只能写 110、96110、12381、12321，"
                             "或在 materials/editions/*.yml 的 phones.local 里登记本单位号码")
        # As a browser reads it: full-width letters folded (ｈｔｔｐｓ), 。 and ． as dots.
        readable = unicodedata.normalize("NFKC", line).translate(DOTS)
        for match in URL.finditer(readable):
            if not _allowed_host(host_of(match.group()), domains):
                problems.add(path, lineno, f"链接“{match.group()}”的域名不在允许范围内",
                             f"只能链接 {'、'.join(d for d in domains if d)}；"
                             "其他域名请在版本文件的 allowed_domains 里登记")
        for match in BARE_DOMAIN.finditer(URL.sub(" ", readable)):
            if not _allowed_host(match.group(1).lower(), domains):
                problems.add(path, lineno, f"网址“{match.group(1)}”的域名不在允许范围内",
                             f"只能写 {'、'.join(d for d in domains if d)} 的网址；"
                             "其他域名请在版本文件的 allowed_domains 里登记")
        if TEXT_IMAGE.search(line):
            problems.add(path, lineno, "正文里的图片在网站和印刷品上都显示不出来",
                         "海报可在头部用 image: 指定一张 JPG/PNG 图片；其他素材请删掉这张图片")
    lines = text.split("\n")
    for finding in findings(text):
        offset = next((i for needle in finding.needles for i, line in enumerate(lines) if needle and needle in line), 0)
        problems.add(path, first_line + offset, finding.message,
                     "删掉这段代码，素材只写 Markdown 文字；链接只能是 https:// 开头的网址或站内页面")
