"""A print page's geometry: trim, bleed and the slug for crop marks, in millimetres."""

from __future__ import annotations

from dataclasses import dataclass

BLEED_MM = 3.0  # 出血 on print-shop products (FACTS.md, Print conventions)
SLUG_MM = 8.0  # room outside the bleed for crop marks
SAFE_MM = 5.0  # text at least this far inside the trim
PT_PER_MM = 72 / 25.4  # PDF points in a millimetre


@dataclass
class PageSpec:
    trim_w: float
    trim_h: float
    bleed: float = 0.0
    slug: float = 0.0
    standard: str = "pdf/x-4"  # the PDF/X variant WeasyPrint writes: the edition's pdf_standard

    @property
    def media_w(self) -> float:
        return self.trim_w + 2 * (self.bleed + self.slug)

    @property
    def media_h(self) -> float:
        return self.trim_h + 2 * (self.bleed + self.slug)
