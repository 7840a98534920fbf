"""One pydantic schema per kind of material, and the edition schema."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator

from fanzha import messages
from fanzha.messages import Message
from fanzha.model.formats import BANNER_SIZES, BOARD_SIZES, BOOKLET_SIZES, HANDOUT_SIZES, POSTER_SIZES, TENT_SHEETS
from fanzha.model.labels import LabelTemplate

Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=60)]
Channel = Literal[messages.MODEL_CHANNELS]

KINDS = ("scam", "letter", "slogans", "poster", "stickers", "handout", "form", "booklet", "banner", "board", "tent",
         "article")
KIND_NAMES = messages.MODEL_KIND_NAMES


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class MaterialMeta(Strict):
    kind: str
    id: Id
    title: Annotated[str, Field(min_length=1, max_length=60)]
    summary: str = ""
    audiences: list[str] = []
    scam_types: list[Id] = []
    # where the printed QR code leads (an allowed domain); default: this material's page on the edition's site
    qr: str = ""


class ScamMeta(MaterialMeta):
    kind: Literal["scam"]
    aliases: list[str] = []
    keywords: list[str] = []
    rank: Annotated[int, Field(ge=1, le=10)] | None = None
    source: str = ""  # the national release this type and its advice follow, e.g. 公安部 2025 年版反诈宣传手册
    # 广播稿 for village loudspeakers: spoken register, short sentences, 60–90 s at about 220 字/分钟; numbers as
    # digits or {{ phones.police }} (the loudspeaker channel reads them out: 幺幺零, 九六幺幺零).
    broadcast: str = ""


class Receipt(Strict):
    statement: Annotated[str, Field(min_length=1)]
    fields: Annotated[list[Annotated[str, Field(min_length=1, max_length=12)]], Field(min_length=1, max_length=8)]
    # The 回执 says by when it comes back: this many days after the edition's date, to whom (e.g. 班主任).
    return_days: Annotated[int, Field(ge=1, le=90)] = 7
    return_to: Annotated[str, Field(max_length=12)] = ""


class LetterMeta(MaterialMeta):
    kind: Literal["letter"]
    salutation: Annotated[str, Field(min_length=1)]
    signed: str = "{{ unit.signature }}"
    date: str = "{{ edition.date }}"
    large_print: bool = False
    receipt: Receipt | None = None


class SloganGroup(Strict):
    channels: list[Channel] | None = None
    audiences: list[str] | None = None
    scam_types: list[Id] | None = None


class SlogansMeta(MaterialMeta):
    kind: Literal["slogans"]
    channels: list[Channel] = []
    groups: dict[str, SloganGroup] = {}


class CustomSize(Strict):
    width_mm: Annotated[float, Field(gt=20, le=5000)]
    height_mm: Annotated[float, Field(gt=20, le=5000)]


class PosterMeta(MaterialMeta):
    kind: Literal["poster"]
    size: Union[Literal[tuple(POSTER_SIZES)], CustomSize]  # type: ignore[valid-type]
    layout: Literal["list", "hero"] = "list"
    headline: Annotated[str, Field(min_length=1)]
    subhead: str = ""
    slogans: list[str] = []
    image: str = ""  # a photo or drawing (JPG or PNG), path relative to this material's file

    @field_validator("size", mode="before")
    @classmethod
    def _known_size(cls, value):
        return _named_size(POSTER_SIZES, value)


class HandoutMeta(MaterialMeta):
    kind: Literal["handout"]
    format: Literal[tuple(HANDOUT_SIZES)]  # type: ignore[valid-type]
    sides: Literal[1, 2] = 1
    large_print: bool = False  # for older readers: body text at 16 pt


class FormMeta(MaterialMeta):
    kind: Literal["form"]
    orientation: Literal["portrait", "landscape"] = "portrait"
    header_fields: list[str] = []
    columns: list[str] = []
    rows: Annotated[int, Field(ge=0, le=60)] = 0
    footer_fields: list[str] = []


class StickersMeta(MaterialMeta):
    """A sticker sheet: one design repeated, slogans each filling some labels, or one slogan per label in order."""

    kind: Literal["stickers"]
    template: Union[str, LabelTemplate]  # an id in fanzha/data/labels.yml, or a custom template
    mode: Literal["repeat", "fill", "each"] = "repeat"
    text: str = ""  # repeat: the design's main text
    subtext: str = ""  # a small second line on every label, e.g. the hotlines
    slogans: list[str] = []  # fill / each: slogan refs, or whole slogan sets
    per_slogan: Annotated[int, Field(ge=0, le=200)] = 0  # fill: labels per slogan; 0 shares the sheet evenly
    sheets: Annotated[int, Field(ge=1, le=20)] = 1


class ArticleMeta(MaterialMeta):
    """A short 公众号 article of a numbered series (每日一案): published as a 公众号 article and a share image."""

    kind: Literal["article"]
    series: Annotated[str, Field(min_length=1, max_length=20)] = messages.MODEL_ARTICLE_SERIES_DEFAULT
    issue: Annotated[int, Field(ge=1, le=999)] | None = None


# The print products: 宣传手册 (booklet), 横幅 (banner), 展板 (board), 台卡 (tent).

def _refused(message: Message) -> ValueError:
    """A validator's problem, what and fix joined by " — " (catalog.describe_validation_error splits them again)."""
    return ValueError(f"{message.what} — {message.fix}")


def _named_size(sizes: dict, value):
    if isinstance(value, str) and value not in sizes:
        raise _refused(messages.MODEL_UNKNOWN_SIZE.format(value=value, sizes="、".join(sizes)))
    return value


class BookletMeta(MaterialMeta):
    """A saddle-stitched 宣传手册: cover, 目录, the body's `##` sections, a page or two per scam type (scam_types, in
    order), the key points of `letters`, notes pages to a multiple of four, hotlines on the back cover."""

    kind: Literal["booklet"]
    format: Literal[tuple(BOOKLET_SIZES)] = "A5"  # type: ignore[valid-type]
    subtitle: str = ""
    letters: list[Id] = []
    creep_mm: Annotated[float, Field(ge=0, le=3)] = 0.0  # how far the innermost sheet's pages move to the spine


class BannerSize(Strict):
    """A banner of any size: up to 50 m long (its 1:10 PDF page stays under the 200 in a PDF page may have)."""

    width_mm: Annotated[float, Field(gt=500, le=50000)]
    height_mm: Annotated[float, Field(gt=100, le=5000)]


class BannerMeta(MaterialMeta):
    """A cloth banner: one line (`text`, or a banner slogan by `slogan: set/id`) filling the banner."""

    kind: Literal["banner"]
    size: Union[Literal[tuple(BANNER_SIZES)], BannerSize]  # type: ignore[valid-type]
    text: str = ""
    slogan: str = ""

    @field_validator("size", mode="before")
    @classmethod
    def _known_size(cls, value):
        return _named_size(BANNER_SIZES, value)


class BoardMeta(MaterialMeta):
    """A 展板 for a village or a firm: one scam type's ways, red flags and advice, or the body's `##` tips."""

    kind: Literal["board"]
    size: Union[Literal[tuple(BOARD_SIZES)], CustomSize]  # type: ignore[valid-type]
    headline: str = ""
    scam_type: Id | None = None

    @field_validator("size", mode="before")
    @classmethod
    def _known_size(cls, value):
        return _named_size(BOARD_SIZES, value)


class TentMeta(MaterialMeta):
    """A 台卡 folded from one sheet: the body's first `##` section on the front face, the second (or the first again)
    on the back, each upright when the card stands."""

    kind: Literal["tent"]
    format: Literal[tuple(TENT_SHEETS)] = "A4"  # type: ignore[valid-type]

META_BY_KIND: dict[str, type[MaterialMeta]] = {
    "scam": ScamMeta,
    "letter": LetterMeta,
    "slogans": SlogansMeta,
    "poster": PosterMeta,
    "stickers": StickersMeta,
    "handout": HandoutMeta,
    "form": FormMeta,
    "booklet": BookletMeta,
    "banner": BannerMeta,
    "board": BoardMeta,
    "tent": TentMeta,
    "article": ArticleMeta,
}


class Phone(Strict):
    label: str
    number: Annotated[str, Field(pattern=r"^[0-9][0-9-]{2,19}$")]


class Unit(Strict):
    name: Annotated[str, Field(min_length=2)]
    region: Annotated[str, Field(min_length=2)]
    signature: Annotated[str, Field(min_length=2)]


class EditionPhones(Strict):
    police: str = "110"
    hotline: str = "96110"
    local: list[Phone] = []


EditionType = Literal[messages.MODEL_EDITION_TYPES]


class Selection(Strict):
    """Which materials an edition prints; empty lists mean no restriction."""

    kinds: list[Literal[KINDS]] = []  # type: ignore[valid-type]
    audiences: list[str] = []
    include: list[Id] = []  # always printed, whatever the filters say
    exclude: list[Id] = []


class EditionMeta(Strict):
    id: Id
    extends: Id | None = None
    title: str = ""
    type: EditionType = messages.MODEL_EDITION_TYPE_DEFAULT
    unit: Unit
    logo: str = ""
    select: Selection = Selection()
    date: dt.date
    phones: EditionPhones = EditionPhones()
    site_url: str = ""
    allowed_domains: list[str] = []
    # What the print files are written as: PDF/X-4, or PDF/X-1a for a print shop that asks for it (pdf/cmyk.py).
    pdf_standard: Literal["pdf/x-4", "pdf/x-1a"] = "pdf/x-4"
    # 繁體版 (fanzha/edition/script.py): everything this edition prints and shows in Traditional characters, with
    # Taiwan (tw, OpenCC s2twp) or Hong Kong (hk, s2hk) forms; keep_terms stay as written (e.g. an app's name in the
    # app stores).
    script: Literal["simplified", "traditional"] = "simplified"
    script_variant: Literal["tw", "hk"] = "tw"
    keep_terms: list[Annotated[str, Field(min_length=1)]] = []
    broadcast_audio: bool = False  # also a machine-read draft WAV of each 广播稿 (fanzha/channels/audio.py)

    @field_validator("site_url")
    @classmethod
    def _url(cls, value: str) -> str:
        if value and not value.startswith(("https://", "http://")):
            raise _refused(messages.MODEL_SITE_URL_SCHEME)
        return value.rstrip("/")
