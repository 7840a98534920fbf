"""Trim sizes of the print formats, in millimetres (width, height), portrait."""

from __future__ import annotations

POSTER_SIZES: dict[str, tuple[float, float]] = {
    "A3": (297, 420),
    "A2": (420, 594),
    "易拉宝": (800, 2000),
    "X展架": (600, 1600),
    "展板": (900, 1200),
}

HANDOUT_SIZES: dict[str, tuple[float, float]] = {
    "A4": (210, 297),
    "A5": (148, 210),
    "三折页": (297, 210),  # A4 landscape, folded in three
    "名片卡": (90, 54),  # 警民联系卡、外卖小卡片: two-sided 90×54 mm cards, print shop with bleed
}

CARD_SIZE = (90, 54)
