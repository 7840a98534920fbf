"""SMS and LED texts of one edition: the slogans marked for the 短信 and LED channels, SMS signed 【unit】 and counted
against the 70-character segment."""

from __future__ import annotations

import math
from dataclasses import dataclass

from fanzha import messages
from fanzha.edition import Expanded
from fanzha.problems import Problems

SEGMENT = 70  # characters in one SMS (UCS-2)
LONG_SEGMENT = 67  # characters per segment of a long (concatenated) SMS: each carries a header


@dataclass(frozen=True)
class ChannelLine:
    anchor: str  # stable id on the site, e.g. "sms-duanxin-san-bu" (an unmarked slogan: its line in the file)
    text: str
    segments: int = 1  # SMS only


def signature(unit_name: str) -> str:
    return f"【{unit_name}】"


def sms_segments(text: str) -> int:
    """Every character counts, punctuation and the signature too: the operators' billing rule."""
    return 1 if len(text) <= SEGMENT else math.ceil(len(text) / LONG_SEGMENT)


def channel_lines(expanded: dict[str, Expanded], channel: str, problems: Problems) -> list[ChannelLine]:
    """The slogans of `channel` ("短信" or "LED") in the order of the slogan sets, each once; SMS signed."""
    prefix = "sms" if channel == messages.MODEL_CHANNEL_SMS else "led"
    out: list[ChannelLine] = []
    seen: set[str] = set()
    for item in sorted((e for e in expanded.values() if e.material.kind == "slogans"), key=lambda e: e.material.id):
        for slogan, text in item.slogans:
            if channel not in slogan.channels or not text or text in seen:
                continue
            seen.add(text)
            anchor = f"{prefix}-{slogan.collection}-{slogan.id or f'l{slogan.line}'}"
            if channel != messages.MODEL_CHANNEL_SMS:
                out.append(ChannelLine(anchor, text))
                continue
            mark = signature(item.edition.meta.unit.name)
            signed = text if text.startswith("【") else mark + text  # a slogan may carry its own 【{{ unit.name }}】
            segments = sms_segments(signed)
            if segments > 1:
                room = SEGMENT - len(mark)
                problems.warn(item.material.path, slogan.line, messages.CHANNELS_SMS_TWO_SEGMENTS.format(
                    text=text, chars=len(signed), edition=item.edition.id, segments=segments, signature=mark,
                    room=room))
            out.append(ChannelLine(anchor, signed, segments))
    return out


BOM = "\ufeff"


def text_file(lines: list[ChannelLine]) -> bytes:
    """One text a line, UTF-8 with a byte-order mark: a browser served the file without a charset, and Windows
    Notepad, both read it as UTF-8 by the mark (without it they show mojibake); CRLF for Notepad and SMS platforms'
    import boxes."""
    return (BOM + "".join(line.text + "\r\n" for line in lines)).encode("utf-8")
