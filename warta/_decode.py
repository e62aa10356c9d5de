"""Article bytes to text: which encoding, and a note when it was not plain UTF-8.

The order, and why:

1. a byte-order mark (UTF-8, UTF-16, UTF-32) says it outright; UTF-16 is
   full of NUL bytes, so this comes before the binary check;
2. NUL bytes anywhere else: binary, not text;
3. UTF-8, strictly;
4. UTF-8 with a few broken bytes (a truncated copy, one bad byte in a long
   article) stays UTF-8, the bad bytes replaced: decoding it all as a
   single-byte code page would garble every accented letter instead;
5. a charset declared in HTML (``<meta charset=...>``);
6. Windows-1252, else Latin-1. Indonesian news is written in the Latin
   alphabet: in a legacy single-byte file the non-ASCII letters are
   Western European (``Sénàtor``) and the quotes typographic, which is
   what Windows-1252 (a superset of Latin-1's letters) holds. Statistical
   detection guessed Central European or Chinese code pages for such short
   texts (issue 20, point 8).
"""

from __future__ import annotations

import codecs
import re
from typing import Optional

from . import errors
from .config import settings

_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"), (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"), (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)
_DECLARED = re.compile(rb"""charset=["']?([A-Za-z0-9_\-]+)""")
# at most this share of the non-ASCII bytes may be broken for text to stay UTF-8
_MOSTLY_UTF8 = 0.05


def _with_bom(data: bytes) -> Optional[tuple[str, str]]:
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), f"assumed encoding {name} (byte-order mark)"
            except UnicodeDecodeError:
                raise errors.UndecodableInput(f"input starts with a {name} byte-order mark but is not {name}") from None
    return None


def _mostly_utf8(data: bytes) -> Optional[tuple[str, str]]:
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    non_ascii = sum(1 for b in data if b >= 0x80)
    multibyte = sum(1 for ch in text if ord(ch) >= 0x80 and ch != "\ufffd")
    if multibyte and broken <= _MOSTLY_UTF8 * non_ascii:
        return text, f"assumed encoding utf-8; {broken} invalid byte sequence(s) replaced with U+FFFD"
    return None


def _declared(data: bytes) -> Optional[tuple[str, str]]:
    found = _DECLARED.search(data[:4096])
    if not found:
        return None
    enc = found.group(1).decode("ascii")
    try:
        return data.decode(enc), f"assumed declared encoding {enc}"
    except (LookupError, UnicodeDecodeError):
        return None


def _single_byte(data: bytes) -> tuple[str, str]:
    try:
        return data.decode("cp1252"), "assumed encoding cp1252 (Windows Western European; not UTF-8)"
    except UnicodeDecodeError:  # one of the five bytes cp1252 leaves undefined
        return data.decode("latin-1"), "assumed encoding latin-1 (not UTF-8)"


def decode_bytes(data: bytes, max_bytes: Optional[int] = None) -> tuple[str, Optional[str]]:
    """Decode article bytes; return ``(text, note)``, ``note`` saying which encoding when not plain UTF-8.

    Raises:
        EmptyInput, BinaryInput, InputTooLarge, UndecodableInput
    """
    limit = settings.max_bytes if max_bytes is None else max_bytes
    if len(data) > limit:
        raise errors.InputTooLarge(
            f"input is {len(data):,} bytes, over the limit of {limit:,} bytes (raise it with --max-bytes)"
        )
    decoded = _with_bom(data)
    if decoded is not None:
        if not decoded[0].strip():
            raise errors.EmptyInput("input is empty")
        return decoded
    if not data.strip():
        raise errors.EmptyInput("input is empty")
    if b"\x00" in data:
        raise errors.BinaryInput("input looks binary (contains NUL bytes), not text")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    return _mostly_utf8(data) or _declared(data) or _single_byte(data)
