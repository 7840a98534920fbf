"""Label-sheet templates as data (fanzha/data/labels.yml): where every label sits on the sheet."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from fanzha import messages

DATA = Path(__file__).parents[1] / "data" / "labels.yml"
Mm = Annotated[float, Field(ge=0, le=1000)]


class LabelTemplate(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    sheet: tuple[Mm, Mm]
    shape: Literal["rect", "round"] = "rect"
    label: tuple[Annotated[float, Field(gt=5, le=1000)], Annotated[float, Field(gt=5, le=1000)]]
    corner: Mm = 0
    columns: Annotated[int, Field(ge=1, le=20)]
    rows: Annotated[int, Field(ge=1, le=40)]
    margin: tuple[Mm, Mm]
    pitch: tuple[Mm, Mm]
    bleed: Annotated[float, Field(ge=0, le=5)] = 0
    min_font_pt: Annotated[float, Field(ge=4, le=72)] = 8

    @model_validator(mode="after")
    def _fits_on_sheet(self) -> "LabelTemplate":
        right = self.margin[0] + (self.columns - 1) * self.pitch[0] + self.label[0]
        bottom = self.margin[1] + (self.rows - 1) * self.pitch[1] + self.label[1]
        if right > self.sheet[0] + 0.01 or bottom > self.sheet[1] + 0.01:
            raise ValueError(messages.MODEL_LABELS_DO_NOT_FIT.format(width=right, height=bottom,
                                                                     sheet_width=self.sheet[0],
                                                                     sheet_height=self.sheet[1]))
        if self.pitch[0] < self.label[0] - 0.01 or self.pitch[1] < self.label[1] - 0.01:
            raise ValueError(messages.MODEL_LABEL_PITCH_TOO_SMALL)
        return self

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows

    def positions(self) -> list[tuple[float, float]]:
        """Top-left corner of every label on the trimmed sheet, row by row, in mm."""
        return [(self.margin[0] + c * self.pitch[0], self.margin[1] + r * self.pitch[1])
                for r in range(self.rows) for c in range(self.columns)]


@cache
def label_templates() -> dict[str, LabelTemplate]:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    return {key: LabelTemplate.model_validate(value) for key, value in data.items()}


def resolve_template(value: "str | LabelTemplate") -> LabelTemplate | None:
    """A material's `template`: a custom template as written, or a shipped one by id (None when there is none)."""
    return value if isinstance(value, LabelTemplate) else label_templates().get(value)
