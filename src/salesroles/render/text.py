"""Helpers shared by the text renderers (table, Markdown, CSV)."""

from __future__ import annotations

import re
from functools import cache

# C0 and C1 controls but tab and newline, and the bidi controls that can make a
# terminal show text in another order than it is stored ("Trojan Source").
# Lone surrogates (from arguments or file names that are not UTF-8) are shown too.
_CONTROL = r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
_URL_UNSAFE = r"[^A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]"


@cache
def _pattern(source: str) -> re.Pattern[str]:
    """A pattern compiled when first used: the --json path never needs these."""
    return re.compile(source)


def clean(text: str) -> str:
    """Make control characters harmless: ESC shows as the text ``\\x1b``, U+202E as ``\\u202e``."""
    return _pattern(_CONTROL).sub(_visible, text)


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe_url(url: str) -> str | None:
    """An http(s) URL with every character an autolink or a terminal could misread
    percent-encoded (spaces, angle brackets, quotes, controls); None for any other scheme."""
    if not re.match(r"(?i)https?://", url):
        return None
    return _pattern(_URL_UNSAFE).sub(
        lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), url
    )
