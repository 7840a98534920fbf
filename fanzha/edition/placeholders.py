"""Numbers that look made up: the example numbers a unit is to replace before anything is printed.

The bundled editions carry phone numbers with the area code 0123, which no place has; an edition copied from them
keeps such a number until someone replaces it, and then it is printed on every poster and handout. Such a number is a
warning in `fanzha check`, in the manifest and on the print centre, naming the number and the edition file line
it comes from."""

from __future__ import annotations

import re
from pathlib import Path

from fanzha import messages

# Chinese area codes start 01x/02x for the largest cities (010, 020–029) and 03–09 elsewhere: 0123 is none of them.
_MADE_UP_AREA = re.compile(r"^0123(?!\d)|^0123-")
_RUNS = ("0000", "1234")  # what an example number is typed as; a real number rarely holds them (a warning only)
_REPEATED = re.compile(r"(\d)\1{5,}")  # 6 times the same digit: 888888, 000000
# Phone-like numbers in printed text: an area code and number, or an 11-digit mobile number.
PHONE_IN_TEXT = re.compile(r"(?<![\d.])(0\d{2,3}-?\d{7,8}|1\d{10})(?![\d.])")
SHORT_NUMBERS = {"110", "119", "120", "122", "96110", "12381", "12321", "12337", "95555"}


def looks_made_up(number: str) -> str | None:
    """Why `number` looks like an example, or None: the area code 0123, a run such as 0000 or 1234, one digit
    repeated."""
    digits = re.sub(r"\D", "", number)
    if not digits or digits in SHORT_NUMBERS:
        return None
    if _MADE_UP_AREA.match(number.strip()) or digits.startswith("0123"):
        return messages.EDITION_MADE_UP_AREA_CODE
    body = digits[3:] if digits.startswith("0") and len(digits) > 8 else digits  # past the area code's 0xx
    for run in _RUNS:
        if run in body:
            return messages.EDITION_MADE_UP_RUN.format(run=run)
    if _REPEATED.search(body):
        return messages.EDITION_MADE_UP_REPEATED
    return None


def edition_numbers(edition) -> list[tuple[tuple, str]]:
    """(key path in the edition file, number) of every phone number an edition prints."""
    phones = edition.meta.phones
    out = [(("phones", "police"), phones.police), (("phones", "hotline"), phones.hotline)]
    out += [(("phones", "local", index, "number"), phone.number) for index, phone in enumerate(phones.local)]
    return out


def where_set(edition, editions: dict, key: tuple) -> tuple[Path, int]:
    """The file and line that set `key` for `edition`: its own file, or that of the edition it extends."""
    seen = set()
    current = edition
    while current is not None and current.id not in seen:
        seen.add(current.id)
        for length in range(len(key), 0, -1):
            if key[:length] in current.lines:
                return current.path, current.lines[key[:length]]
        current = editions.get(current.meta.extends) if current.meta.extends else None
    return edition.path, 1


def warn_edition_placeholders(edition, editions: dict, problems) -> None:
    for key, number in edition_numbers(edition):
        reason = looks_made_up(number)
        if reason:
            path, line = where_set(edition, editions, key)
            problems.warn(path, line, messages.EDITION_MADE_UP_NUMBER.format(edition=edition.id, number=number,
                                                                             reason=reason))


def made_up_numbers_in(text: str) -> list[str]:
    """The phone-like numbers of a printed text that look made up, in order, each once."""
    found = [number for number in PHONE_IN_TEXT.findall(text) if looks_made_up(number)]
    return sorted(set(found), key=found.index)
