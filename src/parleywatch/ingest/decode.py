"""Bytes to text: UTF-8 first, then charset detection for cp1251 / koi8-r pages."""

from __future__ import annotations

import logging

from charset_normalizer import from_bytes

from parleywatch.errors import InputError

logger = logging.getLogger(__name__)

BINARY_SAMPLE = 8192
MAX_CONTROL_SHARE = 0.05
CONTROL_BYTES = frozenset(range(0, 32)) - {9, 10, 12, 13}


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control bytes in the first kilobytes mean this is not a text file.

    >>> looks_binary(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00")
    True
    >>> looks_binary("Переговоры".encode())
    False
    """
    sample = data[:BINARY_SAMPLE]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte in CONTROL_BYTES)
    return bool(sample) and controls / len(sample) > MAX_CONTROL_SHARE


def decode_bytes(data: bytes, path: str) -> str:
    """Decode a file's bytes, or raise an :class:`InputError` that says why it is not text."""
    if not data.strip():
        raise InputError(path, "file is empty")
    if looks_binary(data):
        raise InputError(path, "file is binary, not text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return _detect(data, path)


def _detect(data: bytes, path: str) -> str:
    best = from_bytes(data, cp_isolation=["cp1251", "koi8_r", "koi8_u", "utf_8", "latin_1", "cp1252"]).best()
    if best is None:
        raise InputError(path, "text encoding could not be detected")
    logger.info("%s decoded as %s", path, best.encoding)
    text = str(best)
    if text.count("\ufffd") > len(text) / 100:
        raise InputError(path, f"text is mis-encoded (too many undecodable bytes as {best.encoding})")
    return text
