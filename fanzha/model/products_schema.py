"""Schemas of the print products of issue #22: 宣传手册 (booklet), 横幅 (banner), 展板 (board), 台卡 (tent)."""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import Field, field_validator

from fanzha.model.schema import CustomSize, Id, MaterialMeta, Strict

# Trim sizes in mm (width, height).
BOOKLET_SIZES: dict[str, tuple[float, float]] = {"A5": (148, 210), "A6": (105, 148)}
# Cloth banners (横幅), named as shops name them: height × length in metres.
BANNER_SIZES: dict[str, tuple[float, float]] = {"0.7×5": (5000, 700), "0.9×8": (8000, 900), "1×10": (10000, 1000)}
# 展板 (FACTS.md, Print conventions), named width × height in cm.
BOARD_SIZES: dict[str, tuple[float, float]] = {"120×90": (1200, 900), "90×60": (900, 600), "90×120": (900, 1200),
                                               "120×60": (1200, 600)}
# A table tent is one sheet folded in half across its height: each face is half the sheet.
TENT_SHEETS: dict[str, tuple[float, float]] = {"A4": (210, 297), "A5": (148, 210)}


def _named_size(sizes: dict, value):
    if isinstance(value, str) and value not in sizes:
        raise ValueError(f"尺寸“{value}”不认识 — 改成 {'、'.join(sizes)} 之一，"
                         "或写出自定义尺寸：换行后缩进写 width_mm: 宽 和 height_mm: 高（毫米）")
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
