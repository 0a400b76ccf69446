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
                        "regional", "corporate", "interim"}),
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
_LEVELS = frozenset({"i", "ii", "iii", "iv", "v", "1", "2", "3", "4", "5"})  # "AE II", "Rep 2"
SET_ASIDE = frozenset().union(*QUALIFIERS.values(), _LEVELS)

# Acronyms that name a sales office only when written alone: each means other offices too.
ACRONYMS: dict[str, str] = {
    "cro": "CRO also means Chief Risk Officer (and conversion-rate optimisation)",
    "cso": "CSO also means Chief Strategy, Security or Scientific Officer",
    "cco": "CCO also means Chief Compliance Officer and Chief Customer Officer",
}

_WORD = re.compile(r"[^\W_]+|&|\+")
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
    return " ".join(sorted(w.word for w in _meaningful(words(text))))


def _meaningful(found: list[Word]) -> list[Word]:
    """The words that carry meaning: glue dropped, unless glue is all there is ("A")."""
    kept = [w for w in found if w.word not in _GLUE]
    return kept or found


def slug(text: str) -> str:
    """``"Head of Sales"``, ``head_of_sales`` and ``HEAD-OF-SALES`` all give ``head-of-sales``."""
    return "-".join(_LETTERS.findall(text.casefold().replace("_", " ")))


class Reading(NamedTuple):
    """How a title was read: the key it matched on and the words set aside for it."""

    key: str
    set_aside: tuple[str, ...]  # as the user typed them ("EMEA"), abbreviations spelled out


def readings(text: str) -> list[Reading]:
    """The ways to read ``text``, best first: as written, then with qualifiers set aside.

    Qualifiers are set aside a few at a time, fewest first, so "Strategic Account
    Executive EMEA" finds the title "Strategic Account Executive" (setting aside only
    EMEA) before "Account" alone.
    """
    from itertools import combinations

    found = _meaningful(words(text))
    shown = _shown_words(text)
    optional = list(dict.fromkeys(w.word for w in found if w.word in SET_ASIDE))
    if len(optional) > 6:  # too many to try each way: all or nothing
        sizes: list[int] = [0, len(optional)]
    else:
        sizes = list(range(len(optional) + 1))
    found_readings: list[Reading] = []
    for size in sizes:
        for dropped in combinations(optional, size):
            kept = [w.word for w in found if w.word not in dropped]
            if not kept:
                continue
            aside = [_label(w, shown) for w in found if w.word in dropped]
            found_readings.append(Reading(" ".join(sorted(kept)), tuple(dict.fromkeys(aside))))
    return found_readings


def _label(w: Word, shown: dict[str, str]) -> str:
    """A set-aside word as the user wrote it ("EMEA"), or spelled out ("senior" for "Sr.")."""
    return w.word if w.typed in ABBREVIATIONS else shown.get(w.typed, w.typed)


def _shown_words(text: str) -> dict[str, str]:
    """Each word as typed (case kept), by its lower-case form: "EMEA" for "emea"."""
    shown: dict[str, str] = {}
    for raw in re.findall(r"[A-Za-z0-9]+", text.replace(".", "")):
        shown.setdefault(raw.casefold(), raw)
    return shown


class Vocabulary:
    """The words of a dataset's names, for finding near-misses quickly.

    Made once per catalog: for each word, the names (slugs) it appears in.
    """

    def __init__(self, known: dict[str, str]) -> None:
        self.known = known  # slug -> role id
        self.names: dict[str, set[str]] = {}
        for name in known:
            for word in name.split("-"):
                if word not in _GLUE:
                    self.names.setdefault(word, set()).add(name)
        self._near: dict[str, set[str]] = {}

    def near(self, word: str) -> set[str]:
        """The names holding a word that ``word`` is a typo of (or is)."""
        found = self._near.get(word)
        if found is None:
            import difflib

            close = difflib.get_close_matches(word, list(self.names), n=8, cutoff=0.7)
            found = self._near[word] = set().union(*(self.names[w] for w in close))
        return found


def close(text: str, vocabulary: Vocabulary) -> list[str]:
    """Role ids whose names ``text`` is a near-miss of: every word a typo of one of theirs.

    "drector" is close to "director"; "Chief Risk Officer" is not close to "Chief
    Revenue Officer", since "risk" is no typo of any of its words.
    """
    import difflib

    typed = [w.word for w in words(text) if w.word not in _GLUE and w.word not in SET_ASIDE]
    if not typed:
        return []
    candidates: set[str] | None = None
    for word in typed:
        names = vocabulary.near(word)
        candidates = names if candidates is None else candidates & names
        if not candidates:
            return []
    scored: list[tuple[float, str]] = []
    for name in sorted(candidates or ()):
        theirs = "-".join(w for w in name.split("-") if w not in _GLUE)
        ratio = difflib.SequenceMatcher(None, "-".join(typed), theirs).ratio()
        if ratio >= 0.7:
            scored.append((ratio, vocabulary.known[name]))
    return list(dict.fromkeys(role_id for _, role_id in sorted(scored, reverse=True)))[:3]


def acronym(text: str) -> str | None:
    """The sales acronym ``text`` is on its own ("CRO", "c.r.o."), or None."""
    letters = "".join(w.typed for w in words(text))
    return letters if letters in ACRONYMS and len(words(text)) == 1 else None
