"""广播稿 for village loudspeakers (村村响, 小喇叭): each scam type's `broadcast:` text as it is read out — phone
numbers digit by digit (110 → 幺幺零, 96110 → 九六幺幺零), quantities and years in words (cn2an) — with its reading
time at about 220 字 a minute, checked against the 60–90 s a slot takes. A 繁體版's script is read out in
Traditional characters (十點三十分), its numbers to dial as everywhere (九六幺幺零)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from fanzha import messages
from fanzha.edition import Expanded, converter_for
from fanzha.problems import Problems

CHARS_PER_MINUTE = 220
SHORTEST_S, LONGEST_S = 60, 90

# Digits as a phone number is read aloud: 1 is 幺 (一 is misheard as 七 over a loudspeaker), 0 is 零.
DIGITS_SPOKEN = str.maketrans("0123456789", messages.CHANNELS_SPOKEN_DIGITS)
# A clock time, read as 十点三十分.
CLOCK = re.compile(r"(?<!\d)([01]?\d|2[0-3])[:：]([0-5]\d)(?!\d)")
# A run of digits (with hyphens, as in 0123-6600110) that is a number to dial or key in, not a quantity: three digits
# or more, or starting with 0, not followed by a unit (元, 年, 次 …).
NUMBER_TO_DIAL = re.compile(rf"(?<![\d.])(0\d*|\d{{3,}})((?:-\d+)*)(?![\d.])(?![{messages.CHANNELS_SPOKEN_UNITS}])")


@dataclass(frozen=True)
class Script:
    material: Expanded
    title: str
    written: str  # as the author wrote it, numbers as digits
    spoken: str  # as it is read out
    chars: int  # the characters read out
    seconds: int

    @property
    def anchor(self) -> str:
        return f"broadcast-{self.material.material.id}"


def spoken(text: str) -> str:
    """The text as a reader says it: numbers to dial digit by digit, other numbers in words."""

    def dial(match: re.Match) -> str:
        parts = [match[1], *filter(None, match[2].split("-"))]
        return "，".join(part.translate(DIGITS_SPOKEN) for part in parts)

    def clock(match: re.Match) -> str:
        from cn2an import an2cn

        if match[2] == "00":
            return messages.CHANNELS_SPOKEN_HOUR.format(hour=an2cn(match[1]))
        return messages.CHANNELS_SPOKEN_TIME.format(hour=an2cn(match[1]), minute=an2cn(match[2]))

    text = CLOCK.sub(clock, text)
    text = NUMBER_TO_DIAL.sub(dial, text)
    # +00 开头的来电
    text = re.sub(rf"[+＋](?=[{messages.CHANNELS_SPOKEN_DIGITS}])", messages.CHANNELS_SPOKEN_PLUS, text)
    if not re.search(r"\d", text):
        return text
    import cn2an  # here: its import takes a quarter of a second, and most scripts have only numbers to dial

    return cn2an.transform(text, "an2cn")  # quantities and years


def read_chars(text: str) -> int:
    """Characters a reader says: letters, digits and ideographs, not punctuation or spaces."""
    return sum(1 for ch in text if unicodedata.category(ch)[0] in "LN")


def reading_seconds(chars: int) -> int:
    return round(chars * 60 / CHARS_PER_MINUTE)


def scripts(expanded: dict[str, Expanded], problems: Problems) -> list[Script]:
    """The 广播稿 of the edition's scam types, in the order of the scam index (rank, then id); a script outside
    60–90 s is a warning at its `broadcast:` key."""
    out = []
    chosen = [e for e in expanded.values() if e.material.kind == "scam" and e.fields.get("broadcast")]
    for item in sorted(chosen, key=lambda e: (e.material.meta.rank is None, e.material.meta.rank or 0, e.material.id)):
        written = item.fields["broadcast"].strip()
        said = spoken(written)
        converter = converter_for(item.edition)
        if converter is not None:  # a 繁體版: what the reading wrote (点, 万) in Traditional too; 幺 stays 幺
            said = converter.finish_text(said)
        chars = read_chars(said)
        seconds = reading_seconds(chars)
        title = item.fields.get("title") or item.material.meta.title
        if not SHORTEST_S <= seconds <= LONGEST_S:
            low, high = SHORTEST_S * CHARS_PER_MINUTE // 60, LONGEST_S * CHARS_PER_MINUTE // 60
            too_long = seconds > LONGEST_S
            wording = messages.CHANNELS_BROADCAST_TOO_LONG if too_long else messages.CHANNELS_BROADCAST_TOO_SHORT
            problems.warn(item.material.path, item.material.source.line_of("broadcast"),
                          wording.format(title=title, chars=chars, per_minute=CHARS_PER_MINUTE, seconds=seconds,
                                         shortest=SHORTEST_S, longest=LONGEST_S, low=low, high=high))
        out.append(Script(item, title, written, said, chars, seconds))
    return out


def paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]
