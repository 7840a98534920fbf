"""Content rules beyond the schemas: required sections, slogan lengths, placeholders, phone numbers, links."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from fanzha import messages
from fanzha.edition.expand import Expanded
from fanzha.edition.sanitize import findings
from fanzha.model.catalog import Edition
from fanzha.problems import Problems

SCAM_SECTIONS = messages.EDITION_SCAM_SECTIONS
CHANNEL_LIMITS = {messages.MODEL_CHANNEL_BANNER: 20, messages.MODEL_CHANNEL_STICKER: 16, messages.MODEL_CHANNEL_SMS: 70}
ALLOWED_HOTLINES = messages.EDITION_HOTLINES
WRONG_NUMBER = {"police": messages.EDITION_POLICE_NUMBER_WRONG, "hotline": messages.EDITION_HOTLINE_NUMBER_WRONG}

# A case's people are 张某某, 李某某: 某某 after a surname is the usual way to keep a name out; anywhere else it is a
# blank someone forgot to fill.
SURNAMES = messages.EDITION_SURNAMES
PLACEHOLDER = re.compile(messages.EDITION_PLACEHOLDER_PATTERN.format(surnames=SURNAMES))
UNIT_PLACEHOLDER = re.compile(messages.EDITION_UNIT_PLACEHOLDER_PATTERN.format(placeholder=PLACEHOLDER.pattern))
# Five or more digits (with hyphens) that are not a quantity, a year or a date.
PHONE = re.compile(rf"(?<![\d.A-Za-z])(\d[\d-]{{3,}}\d)(?![\d.])(?![{messages.EDITION_QUANTITY_UNITS}])")
# Written with spaces, as on a business card: 138 1234 5678, 400 820 8820, 0571 8888 6666.
SPACED_PHONE = re.compile(r"(?<![\d.])(\d{3,4}(?: \d{3,4}){1,2})(?![\d.])"
                          rf"(?![{messages.EDITION_QUANTITY_UNITS}])")
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
                         messages.EDITION_UNIT_PLACEHOLDER.format(key=key, placeholder=found.group()))
    # phones.police and phones.hotline go onto every print layout, whether or not a material names them.
    phones = edition.meta.phones
    own = {p.number.replace("-", "") for p in phones.local}
    for key, value in (("police", phones.police), ("hotline", phones.hotline)):
        number = value.replace("-", "").strip()
        if number == "12337" or (number not in ALLOWED_HOTLINES and number not in own) or (
                key == "police" and number != "110"):
            problems.add(edition.path, edition.lines.get(("phones", key), 1), WRONG_NUMBER[key].format(number=value))


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
            problems.add(edition.path, line,
                         messages.EDITION_TEXT_TEMPLATE_SYNTAX.format(key=".".join(map(str, key)), value=value))
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
                    problems.add(path, slogan.line, messages.EDITION_SLOGAN_TOO_LONG.format(
                        channel=channel, text=text, count=char_count(text), limit=limit))


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
        problems.add(material.path, material.source.line_of("qr"),
                     messages.EDITION_QR_NOT_ALLOWED.format(url=url, domains="、".join(d for d in domains if d)))


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
            problems.add(item.material.path, source.body_line, messages.EDITION_SCAM_SECTION_MISSING.format(
                section=section, sections="、".join(SCAM_SECTIONS)))
    present = [n for n in names if n in SCAM_SECTIONS]
    if present == [s for s in SCAM_SECTIONS if s in present]:
        return
    problems.add(item.material.path, source.body_line,
                 messages.EDITION_SCAM_SECTIONS_ORDER.format(sections="、".join(SCAM_SECTIONS)))


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
            name = unicodedata.name(hidden, messages.EDITION_UNNAMED_CHARACTER)
            problems.add(path, lineno, messages.EDITION_INVISIBLE_CHARACTER.format(code=ord(hidden), name=name))
        found = PLACEHOLDER.search(line)
        if found and not any(found.group() in value for value in unit_values):
            problems.add(path, lineno, messages.EDITION_PLACEHOLDER_LEFT.format(placeholder=found.group()))
        for match in PHONE.finditer(line):
            number = match.group(1).replace("-", "")
            if number == "12337":
                problems.add(path, lineno, messages.EDITION_NUMBER_12337)
            elif number not in numbers:
                problems.add(path, lineno, messages.EDITION_PHONE_NOT_ALLOWED.format(number=match.group(1)))
        for match in SPACED_PHONE.finditer(line):
            parts = match.group(1).split(" ")
            if "".join(parts) not in numbers and not all(part in numbers for part in parts):
                problems.add(path, lineno, messages.EDITION_PHONE_NOT_ALLOWED.format(number=match.group(1)))
        # As a browser reads it: full-width letters folded (ｈｔｔｐｓ), 。 and ． as dots.
        readable = unicodedata.normalize("NFKC", line).translate(DOTS)
        for match in URL.finditer(readable):
            if not _allowed_host(host_of(match.group()), domains):
                problems.add(path, lineno, messages.EDITION_LINK_NOT_ALLOWED.format(
                    url=match.group(), domains="、".join(d for d in domains if d)))
        for match in BARE_DOMAIN.finditer(URL.sub(" ", readable)):
            if not _allowed_host(match.group(1).lower(), domains):
                problems.add(path, lineno, messages.EDITION_DOMAIN_NOT_ALLOWED.format(
                    domain=match.group(1), domains="、".join(d for d in domains if d)))
        if TEXT_IMAGE.search(line):
            problems.add(path, lineno, messages.EDITION_IMAGE_IN_TEXT)
    lines = text.split("\n")
    for finding in findings(text):
        offset = next((i for needle in finding.needles for i, line in enumerate(lines) if needle and needle in line), 0)
        problems.add(path, first_line + offset, messages.EDITION_MARKUP_REFUSED.format(finding=finding.message))
