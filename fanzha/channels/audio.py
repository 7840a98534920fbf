"""Draft audio of a 广播稿, for an edition that asks for it (`broadcast_audio: true`): eSpeak NG 1.52 with its Mandarin
(cmn) dictionary, from the espeakng-loader wheel — offline, and reading the tones (Debian 12's espeak-ng 1.51 reads
Mandarin tone numbers in English). It sounds robotic: every file is named and labelled a draft, to try a script's
length and wording before a person records it."""

from __future__ import annotations

import ctypes
import functools
import io
import threading
import wave
from pathlib import Path

VOICE = b"cmn"
WORDS_PER_MINUTE = 150  # eSpeak's rate; for Chinese about a syllable a word, near the 220 字 a minute of a reader
_AUDIO_OUTPUT_SYNCHRONOUS = 2  # speak_lib.h: espeak_AUDIO_OUTPUT
_ESPEAK_RATE = 1  # espeak_PARAMETER
_POS_CHARACTER = 1  # espeak_POSITION_TYPE
_CHARS_UTF8 = 1
_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p)
_lock = threading.Lock()  # the library keeps one synthesiser per process


class AudioUnavailable(RuntimeError):
    """The speech engine is not installed."""


def engine_version() -> str:
    from importlib import metadata

    try:
        return f"espeakng-loader {metadata.version('espeakng-loader')}"
    except metadata.PackageNotFoundError:
        raise AudioUnavailable("espeakng-loader") from None


@functools.cache
def _engine():
    try:
        import espeakng_loader
    except ImportError:
        raise AudioUnavailable("espeakng-loader") from None
    library = ctypes.CDLL(espeakng_loader.get_library_path())
    # The folder that holds espeak-ng-data, not the data folder itself.
    rate = library.espeak_Initialize(_AUDIO_OUTPUT_SYNCHRONOUS, 0,
                                     str(Path(espeakng_loader.get_data_path()).parent).encode(), 0)
    if rate <= 0 or library.espeak_SetVoiceByName(VOICE) != 0:
        raise AudioUnavailable("espeak-ng cmn")
    library.espeak_SetParameter(_ESPEAK_RATE, WORDS_PER_MINUTE, 0)
    return library, rate


def synthesize(text: str) -> tuple[bytes, float]:
    """A mono 16-bit WAV of `text` read in Mandarin, and its length in seconds."""
    library, rate = _engine()
    chunks: list[bytes] = []

    def collect(samples, count, _events):
        if count > 0:
            chunks.append(ctypes.string_at(samples, count * 2))
        return 0

    callback = _CALLBACK(collect)  # kept referenced until the synthesis is over
    data = text.encode("utf-8")
    with _lock:
        library.espeak_SetSynthCallback(callback)
        library.espeak_Synth(data, len(data) + 1, 0, _POS_CHARACTER, 0, _CHARS_UTF8, None, None)
        library.espeak_Synchronize()
    pcm = b"".join(chunks)
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(pcm)
    return buffer.getvalue(), len(pcm) / 2 / rate
