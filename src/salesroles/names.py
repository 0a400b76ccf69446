"""Reading a role name or a real-world job title the way a person means it.

"Sales Director", "Director of Sales" and "director, sales" are one title; "VP",
"Sr." and "Mgr" are spelled out; words that qualify a title without changing the
role (senior, global, EMEA, enterprise...) are set aside, and the caller is told
which. Pure functions over strings: no dataset, no output.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# Abbreviations people write in titles, spelled out.
ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "vp": ("vice", "president"),
    "svp": ("senior", "vice", "president"),
    "evp": ("executive", "vice", "president"),
    "avp": ("assistant", "vice", "president"),
    "vice-president": ("vice", "president"),
    "sr": ("senior",),
    "snr": ("senior",),
    "jr": ("junior",),
    "dir": ("director",),
    "mgr": ("manager",),
    "mngr": ("manager",),
    "rep": ("representative",),
    "reps": ("representative",),
    "exec": ("executive",),
    "mktg": ("marketing",),
    "mkt": ("marketing",),
    "biz": ("business",),
    "dev": ("development",),
    "natl": ("national",),
    "intl": ("international",),
    "&": ("and",),
    "+": ("and",),
}

# Words that join a title's parts without meaning anything on their own.
_GLUE = frozenset({"of", "the", "for", "and", "in", "a", "an", "at", "to"})

# Words that qualify a title without changing the role, by kind.
# fmt: off
QUALIFIERS: dict[str, frozenset[str]] = {
    "seniority": frozenset({"senior", "principal", "junior", "executive", "assistant",
                            "associate"}),
    "reach": frozenset({"global", "group", "worldwide", "international", "national",
                        "corporate", "interim"}),
    "geography": frozenset({
        "emea", "apac", "apj", "dach", "latam", "amer", "amers", "americas", "anz", "mena",
        "nordics", "nordic", "benelux", "iberia", "cee", "ssa", "na", "noram", "eu",
        "europe", "european", "asia", "pacific", "africa", "america", "middle", "east",
        "north", "south", "west", "western", "eastern", "northern", "southern", "central",
        "northeast", "northwest", "southeast", "southwest", "midwest", "uk", "us", "usa",
        "gb", "ireland", "germany", "france", "spain", "italy", "netherlands", "belgium",
        "switzerland", "austria", "poland", "sweden", "norway", "denmark", "finland",
        "canada", "mexico", "brazil", "argentina", "chile", "colombia", "india", "china",
        "japan", "korea", "singapore", "australia", "zealand", "new", "emirates", "uae",
        "saudi", "arabia", "israel", "turkey", "london", "paris", "berlin", "munich",
        "york", "california", "texas", "florida", "atlantic", "coast", "territory",
        "territories",
    }),
    "segment": frozenset({
        "enterprise", "mid", "market", "midmarket", "smb", "smbs", "sme", "smes", "inside",
        "outside", "field", "strategic", "key", "named", "major", "public", "sector",
        "channel", "partner", "new", "business",
    }),
}
# fmt: on
SET_ASIDE = frozenset().union(*QUALIFIERS.values())

# Acronyms that name a sales office only when written alone: each means other offices too.
ACRONYMS: dict[str, str] = {
    "cro": "CRO also means Chief Risk Officer (and conversion-rate optimisation)",
    "cso": "CSO also means Chief Strategy, Security or Scientific Officer",
    "cco": "CCO also means Chief Compliance Officer and Chief Customer Officer",
}

_WORD = re.compile(r"[a-z0-9]+|&|\+")
_LETTERS = re.compile(r"[^\W_]+", re.UNICODE)


class Word(NamedTuple):
    """One word of a title as read: its spelled-out form, and the text it came from."""

    word: str
    typed: str


def words(text: str) -> list[Word]:
    """The words of ``text`` in order, lower-cased, abbreviations spelled out.

    Dots join initials and abbreviations ("Sr." is "sr"); dashes, slashes, commas and
    brackets separate words; ``&`` is "and". "mid-market" gives "mid", "market".
    """
    found: list[Word] = []
    lowered = text.casefold().replace(".", "").replace("'", "").replace("\u2019", "")
    for typed in _WORD.findall(lowered):
        for word in ABBREVIATIONS.get(typed, (typed,)):
            found.append(Word(word, typed))
    return found


def key(text: str) -> str:
    """A title's key: its meaningful words in a fixed order, so word order never matters.

    ``key("Director of Sales") == key("Sales Director") == key("director, sales")``.
    """
    return " ".join(sorted(w.word for w in words(text) if w.word not in _GLUE))


def slug(text: str) -> str:
    """``"Head of Sales"``, ``head_of_sales`` and ``HEAD-OF-SALES`` all give ``head-of-sales``."""
    return "-".join(_LETTERS.findall(text.casefold().replace("_", " ")))


class Reading(NamedTuple):
    """How a title was read: the key it matched on and the words set aside for it."""

    key: str
    set_aside: tuple[str, ...]  # as the user typed them ("EMEA"), abbreviations spelled out


def readings(text: str) -> list[Reading]:
    """The ways to read ``text``, best first: as written, then with qualifiers set aside."""
    found = [w for w in words(text) if w.word not in _GLUE]
    shown = _shown_words(text)
    whole = Reading(" ".join(sorted(w.word for w in found)), ())
    kept = [w for w in found if w.word not in SET_ASIDE]
    if len(kept) == len(found) or not kept:
        return [whole]
    aside: list[str] = []
    for w in found:
        if w.word in SET_ASIDE:
            label = w.word if w.typed in ABBREVIATIONS else shown.get(w.typed, w.typed)
            if label not in aside:
                aside.append(label)
    return [whole, Reading(" ".join(sorted(w.word for w in kept)), tuple(aside))]


def _shown_words(text: str) -> dict[str, str]:
    """Each word as typed (case kept), by its lower-case form: "EMEA" for "emea"."""
    shown: dict[str, str] = {}
    for raw in re.findall(r"[A-Za-z0-9]+", text.replace(".", "")):
        shown.setdefault(raw.casefold(), raw)
    return shown


def acronym(text: str) -> str | None:
    """The sales acronym ``text`` is on its own ("CRO", "c.r.o."), or None."""
    letters = "".join(w.typed for w in words(text))
    return letters if letters in ACRONYMS and len(words(text)) == 1 else None
