"""Trim sizes of the print formats, in millimetres (width, height), portrait."""

from __future__ import annotations

from fanzha import messages

POSTER_SIZES: dict[str, tuple[float, float]] = {
    "A3": (297, 420),
    "A2": (420, 594),
    messages.MODEL_SIZE_ROLL_UP: (800, 2000),
    messages.MODEL_SIZE_X_STAND: (600, 1600),
    messages.MODEL_SIZE_BOARD: (900, 1200),
}

HANDOUT_SIZES: dict[str, tuple[float, float]] = {
    "A4": (210, 297),
    "A5": (148, 210),
    messages.MODEL_SIZE_TRIFOLD: (297, 210),  # A4 landscape, folded in three
    messages.MODEL_SIZE_CARD: (90, 54),  # 警民联系卡、外卖小卡片: two-sided 90×54 mm cards, print shop with bleed
}

CARD_SIZE = (90, 54)

# The print products (booklet, banner, board, tent).
BOOKLET_SIZES: dict[str, tuple[float, float]] = {"A5": (148, 210), "A6": (105, 148)}
# Cloth banners (横幅), named as shops name them: height × length in metres.
BANNER_SIZES: dict[str, tuple[float, float]] = {"0.7×5": (5000, 700), "0.9×8": (8000, 900), "1×10": (10000, 1000)}
# 展板 (FACTS.md, Print conventions), named width × height in cm.
BOARD_SIZES: dict[str, tuple[float, float]] = {"120×90": (1200, 900), "90×60": (900, 600), "90×120": (900, 1200),
                                               "120×60": (1200, 600)}
# A table tent is one sheet folded in half across its height: each face is half the sheet.
TENT_SHEETS: dict[str, tuple[float, float]] = {"A4": (210, 297), "A5": (148, 210)}

