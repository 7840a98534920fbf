"""Traditional-character editions (繁體版): an edition with `script: traditional` prints and shows everything in
Traditional characters.

    converter_for(edition) -> ScriptConverter | None    None for a Simplified edition

Two passes, both OpenCC (the official `opencc` wheel):

- `expanded`: each material as the edition prints it (after its template variables are filled in), with OpenCC's
  phrase-level conversion: Taiwan wording for `tw` (s2twp: 软件→軟體, 信息→資訊), Hong Kong characters for `hk`
  (s2hk). The unit's details are converted once, unless the edition already gives them in Traditional.
  A few words s2twp gives their computing sense (对象→物件, 类型→型別, 文件→檔案) are converted character by
  character instead (CHARACTER_LEVEL): in these materials 交友对象 is a person and 诈骗类型 a kind of scam.
- The layout templates' own words (回执, 印刷说明 …) in the same wording: `templates` gives a Jinja environment
  whose templates come with their text converted phrase by phrase before they are filled in (TemplateWording).
- `finish`: a finished print HTML or site page, which also holds text taken straight from other materials (a
  poster's scam titles) and the words of the templates' statements ({% if c == "序号" %}): character-level
  conversion (s2tw, s2hk), which leaves text already converted as it is, so running it after the first pass
  changes nothing the first one wrote. `finish_html` also quotes with corner brackets, as Taiwan and Hong Kong do:
  “ ” and ‘ ’ become 「 」 and 『 』 in the text (cjk.corner_quotes), never in tags, attributes or code.

Neither pass touches numbers, URLs, hotlines (also as read out: 幺幺零, 九六幺幺零) or the edition's `keep_terms`:
those are masked before OpenCC sees the text and put back after.

    site_folder(editions, edition) -> str          "" for a Simplified edition, else zh-hant or zh-hant-<id>
    page_url(editions, edition, material) -> str   the address of the material's page as the edition shows it

The site shows each Traditional edition's pages in a folder of its own (site/traditional.py), and what the edition
prints or sends (a poster's QR code, a 公众号 article's link) points there, at the page in its own script.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass

import jinja2

from fanzha import messages
from fanzha.edition.expand import Expanded
from fanzha.model.catalog import Edition, Material
from fanzha.text.cjk import corner_quotes, corner_text

# Per variant: the phrase-level configuration for material text, the character-level one for finished pages, the HTML
# language (which also tells readers and search engines the script), and the Noto CJK faces with its glyph forms.
VARIANTS = {
    "tw": ("s2twp", "s2tw", "zh-Hant-TW", "TC"),
    "hk": ("s2hk", "s2hk", "zh-Hant-HK", "HK"),
}

# What OpenCC must not see: web and mail addresses, up to the first character that cannot be part of one as typed
# (a space, a quote, a Chinese character or mark: Chinese text often runs on right after an address), and a hotline
# read out digit by digit (幺 is how 1 is read in a phone number; s2twp would write it 么).
_DIGITS, _ONE = messages.EDITION_READ_OUT_DIGITS, messages.EDITION_READ_OUT_ONE
_PROTECTED = re.compile(r"(?:https?://|www\.)[!#-;=?-~]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
                        rf"|[{_DIGITS}]*{_ONE}[{_DIGITS}]*")
_MASK_BASE = 0xF0000  # Supplementary Private Use Area-A: no material holds it, and OpenCC passes it through

CHARACTER_LEVEL = messages.EDITION_CHARACTER_LEVEL_WORDS  # converted character by character in tw


@functools.cache
def _opencc(config: str):
    import opencc

    return opencc.OpenCC(config)


@dataclass(frozen=True)
class ScriptConverter:
    """How one Traditional edition converts its text."""

    variant: str  # "tw" or "hk"
    keep_terms: tuple[str, ...] = ()  # the edition's keep_terms, and its unit details already in Traditional

    @property
    def lang(self) -> str:
        return VARIANTS[self.variant][2]

    @property
    def glyphs(self) -> str:
        """The Noto CJK region whose glyph forms print this edition: TC (Taiwan) or HK."""
        return VARIANTS[self.variant][3]

    def text(self, value: str) -> str:
        """Material text, phrase by phrase (CHARACTER_LEVEL words character by character)."""
        phrases, characters = VARIANTS[self.variant][:2]
        words = CHARACTER_LEVEL if phrases != characters else ()
        return self._convert(value, phrases, self.keep_terms, words, characters)

    def finish(self, value: str) -> str:
        """A finished page or print HTML, character by character: what the first pass wrote stays as it is."""
        return self._convert(value, VARIANTS[self.variant][1], self.keep_terms)

    def finish_html(self, html: str) -> str:
        """A finished print HTML: `finish`, and its text quoted with corner brackets (「」『』)."""
        return corner_quotes(self.finish(html))

    def finish_text(self, text: str) -> str:
        """A finished plain text (an SMS, a 广播稿): `finish`, quoted with corner brackets."""
        return corner_text(self.finish(text))

    def templates(self, env):
        """`env` (a Jinja environment of layout templates) with its templates' own words in this edition's wording."""
        return _template_env(env, self)

    def keeping(self, terms) -> "ScriptConverter":
        """This converter, leaving `terms` as they are too (students' names and classes, as the roster writes them)."""
        return dataclasses.replace(self, keep_terms=self.keep_terms + tuple(term for term in terms if term))

    def is_traditional(self, value: str) -> bool:
        """Already written in Traditional characters: the character-level conversion changes nothing."""
        return self.finish(value) == value

    def edition(self, edition: Edition) -> Edition:
        """The edition with its unit's details, phone labels and title in Traditional characters, each left as
        written where the edition already gives it in Traditional."""
        meta = edition.meta
        unit = meta.unit.model_copy(update={key: self._unit_value(value)
                                            for key, value in meta.unit.model_dump().items()})
        local = [phone.model_copy(update={"label": self._unit_value(phone.label)}) for phone in meta.phones.local]
        phones = meta.phones.model_copy(update={"local": local})
        converted = meta.model_copy(update={"unit": unit, "phones": phones, "title": self._unit_value(meta.title)})
        return dataclasses.replace(edition, meta=converted)

    def expanded(self, items: dict[str, Expanded]) -> dict[str, Expanded]:
        """An edition's expanded materials in Traditional characters (see the module's docstring)."""
        if not items:
            return items
        shown = self.edition(next(iter(items.values())).edition)
        convert = self.text
        out = {}
        for material_id, item in items.items():
            out[material_id] = dataclasses.replace(
                item, edition=shown, body=convert(item.body),
                fields={name: convert(value) if isinstance(value, str) else value
                        for name, value in item.fields.items()},
                slogans=[(slogan, convert(text)) for slogan, text in item.slogans],
                receipt_statement=convert(item.receipt_statement))
        return out

    def _unit_value(self, value: str) -> str:
        return value if self.is_traditional(value) else self.text(value)

    @staticmethod
    def _convert(value: str, config: str, keep: tuple[str, ...], words: tuple[str, ...] = (),
                 words_config: str = "") -> str:
        """`value` through OpenCC's `config`, the kept terms and protected text as they are, and `words` through
        `words_config` on their own."""
        if not value or not _has_han(value):
            return value
        masked: list[str] = []
        kept = set(keep)

        def mask(match: re.Match) -> str:
            word = match[0]
            masked.append(word if word in kept or word not in words else _opencc(words_config).convert(word))
            return chr(_MASK_BASE + len(masked) - 1)

        pattern = _protected_pattern(keep, words)
        hidden = pattern.sub(mask, value)
        converted = _opencc(config).convert(hidden)
        return re.sub("[\U000F0000-\U000FFFFD]", lambda m: masked[ord(m[0]) - _MASK_BASE], converted)


@functools.lru_cache(maxsize=64)
def _protected_pattern(keep: tuple[str, ...], words: tuple[str, ...] = ()) -> re.Pattern:
    # The longest term first, so that a term inside a longer one does not split it.
    terms = sorted(set(keep) | set(words), key=len, reverse=True)
    return re.compile("|".join([*(re.escape(term) for term in terms), _PROTECTED.pattern]))


# Jinja's statements and comments: left as written by TemplateWording.
_JINJA_STATEMENT = re.compile(r"(\{%.*?%\}|\{#.*?#\})", re.S)


class TemplateWording(jinja2.BaseLoader):
    """The templates of `loader` with their own words in a Traditional edition's wording, phrase by phrase as its
    materials (ScriptConverter.text): the text between Jinja's tags and the strings that {{ }} prints. Statements
    ({% if c == "序号" %}, {% set kinds = … %}) stay as written: they compare with material fields, and what they
    print is converted character by character with the finished page (ScriptConverter.finish)."""

    def __init__(self, loader: jinja2.BaseLoader, converter: ScriptConverter):
        self.loader = loader
        self.converter = converter

    def get_source(self, environment, template):
        source, filename, uptodate = self.loader.get_source(environment, template)
        parts = _JINJA_STATEMENT.split(source)
        converted = "".join(part if index % 2 else self.converter.text(part) for index, part in enumerate(parts))
        return converted, filename, uptodate


_template_envs: dict[tuple[int, ScriptConverter], "jinja2.Environment"] = {}


def _template_env(env, converter: ScriptConverter):
    """One overlay of `env` per converter: its templates compiled once."""
    key = (id(env), converter)
    if key not in _template_envs:
        _template_envs[key] = env.overlay(loader=TemplateWording(env.loader, converter))
    return _template_envs[key]


_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


def _has_han(value: str) -> bool:
    return _HAN.search(value) is not None


def converter_for(edition: Edition) -> ScriptConverter | None:
    """The converter of an edition that prints in Traditional characters; None for a Simplified one."""
    meta = edition.meta
    if meta.script != "traditional":
        return None
    plain = ScriptConverter(meta.script_variant, tuple(meta.keep_terms))
    # Unit details given in Traditional stay as written inside the material text too. For an edition already
    # converted (ScriptConverter.edition) that is all of them: text filled in from it is converted only once.
    values = [*meta.unit.model_dump().values(), *(phone.label for phone in meta.phones.local), meta.title]
    lines = {line.strip() for value in values for line in value.split("\n")}
    unit = [line for line in lines if line and _has_han(line) and plain.is_traditional(line)]
    return dataclasses.replace(plain, keep_terms=plain.keep_terms + tuple(sorted(unit)))


SITE_FOLDER = "zh-hant"  # the first Traditional edition's folder in the site; each other one's is zh-hant-<its id>


def site_folders(editions: Mapping[str, Edition]) -> dict[str, str]:
    """Each Traditional edition's folder in the site, by edition id: the first (by id) zh-hant, each other one
    zh-hant-<its id>."""
    ids = sorted(edition_id for edition_id, edition in editions.items() if converter_for(edition) is not None)
    return {edition_id: SITE_FOLDER if not n else f"{SITE_FOLDER}-{edition_id}" for n, edition_id in enumerate(ids)}


def site_folder(editions: Mapping[str, Edition], edition: Edition) -> str:
    """The folder of the site that shows `edition`'s pages: "" (the site's own pages) for a Simplified edition."""
    return site_folders(editions).get(edition.id, "") if converter_for(edition) is not None else ""


def page_url(editions: Mapping[str, Edition], edition: Edition, material: Material) -> str:
    """The address of `material`'s page on the edition's site (its `site_url`), in the edition's script: a 繁體版's
    page in its own folder. "" for an edition without a site_url."""
    site_url = edition.meta.site_url
    if not site_url:
        return ""
    folder = site_folder(editions, edition)
    return f"{site_url}/{folder + '/' if folder else ''}{material.kind}/{material.id}/"


__all__ = ["converter_for", "page_url", "ScriptConverter", "site_folder", "site_folders", "SITE_FOLDER"]
