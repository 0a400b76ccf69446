"""Reading a role name or a real-world job title the way a person means it.

"Sales Director", "Director of Sales" and "director, sales" are one title; "VP",
"Sr." and "Mgr" are spelled out; accents, German compounds and inclusive endings
("Vertriebsleiter:in" is "Leiter Vertrieb") are folded, and each language's glue
words (of, für, de, di, van, ds., för...) are dropped. Words that qualify a title
without changing the role (senior, global, EMEA, enterprise...) and the noise of
job postings (work mode, gender markers, industry tags, a bracketed acronym) are
set aside, and the caller is told which; level words (SVP, Area Vice President)
are kept in a field of their own. A typo is corrected when the rest of the title
confirms one role. A title naming an assistant or a chief of staff *to* someone
matches nothing, and says why.

Pure functions over strings and plain values: no dataset models, no output.
``read(title, lookup)`` gives a ``Reading``; ``Lookup`` holds a dataset's names as
plain dictionaries (the catalog's index).
"""

import re
from bisect import bisect_left
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache, partial
from itertools import combinations, product
from typing import Literal, NamedTuple

RULES = "titles-3"  # changes whenever a rule changes a key: cached indexes are then rebuilt

How = Literal[
    "exact",  # the role's id or title
    "alias",  # one of its aliases or English titles (or the start of one of its names)
    "qualifiers set aside",  # after setting aside qualifiers or posting noise
    "typo corrected",  # after correcting a typo the rest of the title confirms
    "other language",  # a dataset title in another language than English
    "nearest role",  # a title beside a role (it has a note): mapped to the nearest one
    "ambiguous",  # several roles have this title
    "none",  # no role: ``reason`` says why when a guard or a title outside sales decided
]

# Abbreviations people write in titles, spelled out.
ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "vp": ("vice", "president"),
    "svp": ("senior", "vice", "president"),
    "evp": ("executive", "vice", "president"),
    "avp": ("assistant", "vice", "president"),
    "gvp": ("group", "vice", "president"),
    "rvp": ("regional", "vice", "president"),
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

# Words that join a title's parts without meaning anything on their own, by language.
# "i" (Polish, Swedish "and"/"in") is glue only between words: last, it is a level ("AE I").
# fmt: off
GLUE: dict[str, frozenset[str]] = {
    "en": frozenset({"of", "the", "for", "and", "in", "a", "an", "at", "to"}),
    "de": frozenset({"der", "die", "das", "des", "dem", "den", "fur", "und", "im", "vom",
                     "von", "zum", "zur"}),
    "fr": frozenset({"de", "des", "du", "la", "le", "les", "et", "d", "l", "au", "aux",
                     "en", "pour"}),
    "es": frozenset({"de", "del", "y", "el", "la", "los", "las", "en", "para", "al"}),
    "it": frozenset({"di", "del", "della", "dello", "dei", "degli", "delle", "e", "ed", "il",
                     "lo", "la", "per", "al", "alla", "dell", "all", "nel", "nella"}),
    "nl": frozenset({"van", "de", "en", "het", "voor", "der", "een"}),
    "pt": frozenset({"de", "do", "da", "dos", "das", "e", "o", "a", "para", "em"}),
    "pl": frozenset({"ds", "i", "do", "w", "dla"}),
    "sv": frozenset({"for", "och", "av", "i", "till"}),
}
# fmt: on
_GLUE = frozenset().union(*GLUE.values())

# Words that qualify a title without changing the role, by kind.
# fmt: off
QUALIFIERS: dict[str, frozenset[str]] = {
    "seniority": frozenset({"senior", "principal", "junior", "executive", "assistant",
                            "associate", "starszy", "mlodszy"}),
    "reach": frozenset({
        "global", "group", "worldwide", "international", "national", "regional", "corporate",
        "interim", "globale", "globaal", "globalny", "regionale", "regionaal", "regionalny",
        "internationale", "internacional", "internazionale", "internationaal",
        "miedzynarodowy", "internationell", "nationale", "nacional", "nazionale",
        "nationaal", "krajowy", "nationell", "internationaler", "regionaler", "nationaler",
        "globaler", "regionali", "internazionali",
    }),
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
        # the same places as the other languages write them
        "deutschland", "osterreich", "schweiz", "europa", "suisse", "belgique", "belgie",
        "espana", "italia", "nederland", "polska", "sverige", "brasil", "portugal",
        "iberica", "nord", "sud", "ost", "norte", "sur", "norden", "suden", "westen",
        "osten", "munchen", "hamburg", "frankfurt", "wien", "zurich", "madrid",
        "barcelona", "milano", "roma", "amsterdam", "warszawa", "stockholm", "lisboa",
    }),
    "segment": frozenset({
        "enterprise", "mid", "market", "midmarket", "smb", "smbs", "sme", "smes", "inside",
        "outside", "field", "strategic", "key", "named", "major", "public", "sector",
        "channel", "partner", "new", "business", "commercial", "aussendienst",
        "innendienst", "buitendienst", "binnendienst", "terrain", "sedentaire",
    }),
    # set aside only when two words of the title stay: "Pharma Sales Rep" is a rep,
    # "Insurance Director" is not a sales director
    "industry": frozenset({
        "saas", "paas", "b2b", "b2c", "healthtech", "medtech", "fintech", "insurtech",
        "proptech", "edtech", "martech", "adtech", "hrtech", "legaltech", "regtech",
        "cleantech", "climatetech", "agritech", "foodtech", "biotech", "deeptech", "pharma",
        "pharmaceutical", "pharmaceuticals", "biopharma", "medical", "devices",
        "diagnostics", "healthcare", "software", "hardware", "cloud", "cybersecurity", "ai",
        "iot", "telecom", "telecoms", "telecommunications", "tech", "technology", "it",
        "ict", "ecommerce", "commerce", "retail", "fmcg", "cpg", "logistics", "automotive",
        "manufacturing", "industrial", "energy", "utilities", "solar", "renewables", "media",
        "advertising", "publishing", "hospitality", "travel", "construction", "insurance",
        "banking", "payments", "crypto", "web3", "blockchain", "gaming", "education",
        "government", "defense", "defence", "aerospace", "chemicals", "semiconductor",
        "semiconductors", "electronics", "food", "beverage", "beverages", "luxury",
        "fashion", "beauty", "cosmetics", "apparel", "consumer", "startup", "scaleup",
        "dental", "veterinary", "agriculture", "packaging", "aviation", "erp", "crm",
    }),
}
# fmt: on
_SOFT = QUALIFIERS["industry"] | {"commercial"}  # the role in "Chief Commercial Officer"
_LEVELS = frozenset({"i", "ii", "iii", "iv", "v", "1", "2", "3", "4", "5"})  # "AE II", "Rep 2"
SET_ASIDE = frozenset().union(*QUALIFIERS.values(), _LEVELS)

# Words that tell a vice president's rank when they come just before "vice president".
LEVEL_WORDS = frozenset({
    "senior", "executive", "assistant", "associate", "area", "group", "global", "regional",
    "corporate", "deputy", "divisional", "national", "first",
})  # fmt: skip

# Words that name a function: never set aside as a tag, however they are written.
PROTECTED = frozenset({
    "sales", "marketing", "revenue", "commercial", "business", "purchasing", "procurement",
    "buying", "buyer", "sourcing", "finance", "financial", "operations", "ops", "product",
    "customer", "success", "support", "service", "engineering", "hr", "people", "legal",
    "compliance", "risk", "strategy", "partnerships", "alliances", "growth", "vertrieb",
    "verkauf", "einkauf", "ventas", "ventes", "vendite", "verkoop", "sprzedazy", "sprzedaz",
    "forsaljning", "salj", "comercial", "commerciale", "commercieel", "handlowy", "achats",
    "compras", "acquisti", "inkoop", "zakupow", "inkop", "marknad",
})  # fmt: skip

# Posting noise: words and phrases that never change the role, wherever they are.
# fmt: off
_NOISE_WORDS = frozenset({
    # work mode
    "remote", "remotely", "hybrid", "hybride", "hibrido", "ibrido", "hybrydowo", "onsite",
    "wfh", "homeoffice", "teletravail", "telearbeit", "teletrabajo", "telelavoro", "remoto",
    "zdalnie", "presencial", "telework", "teleworking", "thuiswerken", "smartworking",
    # employment type
    "fulltime", "parttime", "permanent", "temporary", "temp", "contract", "freelance",
    "vollzeit", "teilzeit", "festanstellung", "unbefristet", "befristet", "cdi", "cdd",
    "heltid", "deltid",
    # the posting itself
    "urgent", "urgently", "hiring", "asap",
})
_NOISE_PHRASES: tuple[tuple[str, ...], ...] = (
    ("on", "site"), ("in", "office"), ("home", "office"), ("work", "from", "home"),
    ("working", "from", "home"), ("fully", "remote"), ("full", "remote"), ("remote", "first"),
    ("100", "remote"), ("smart", "working"), ("da", "remoto"), ("en", "remoto"),
    ("a", "distancia"), ("mobiles", "arbeiten"), ("mobile", "arbeit"), ("praca", "zdalna"),
    ("pa", "distans"), ("op", "afstand"), ("remote", "friendly"), ("remote", "possible"),
    ("office", "based"), ("home", "based"), ("field", "based"), ("in", "person"),
    ("full", "time"), ("part", "time"), ("fixed", "term"), ("tiempo", "completo"),
    ("jornada", "completa"), ("media", "jornada"), ("tempo", "pieno"),
    ("tempo", "indeterminato"), ("tempo", "determinato"), ("tempo", "integral"),
    ("pelny", "etat"), ("all", "genders"), ("alle", "geschlechter"), ("now", "hiring"),
    ("immediate", "start"),
)
# fmt: on
_PHRASES_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _phrase in _NOISE_PHRASES:
    _PHRASES_BY_FIRST.setdefault(_phrase[0], []).append(_phrase)

# Acronyms that name a sales office only when written alone: each means other offices too.
ACRONYMS: dict[str, str] = {
    "cro": "CRO also means Chief Risk Officer (and conversion-rate optimisation)",
    "cso": "CSO also means Chief Strategy, Security or Scientific Officer",
    "cco": "CCO also means Chief Compliance Officer and Chief Customer Officer",
}

# --- guards: titles that name someone who works *for* a sales leader ---------------------

ASSISTANT = "An assistant to a leader supports that leader; the title is not the leader's role."
SUPPORT = "An assistant in sales is support staff: the title leads no one and is no sales role."
CHIEF_OF_STAFF = (
    "A chief of staff runs an executive's office; the title is not that executive's role."
)
EMPTY = "An empty title names no role."
NOISE_ONLY = "The title holds only posting noise (work mode, gender marker, tags): it names no job."

# fmt: off
_ASSISTANTS = frozenset({
    "assistant", "assistante", "assistent", "assistenz", "asistente", "assistente",
    "asystent", "asystentka", "secretary", "secretaire", "secretaria", "sekretar",
    "segretaria", "segretario", "secretaresse", "sekreterare", "sekretarka", "aide",
})
_ASSISTANT_STEMS = ("assist", "asyst", "sekret", "secreta", "segreta")  # in compounds
_SUPPORT_BEFORE = frozenset({"executive", "personal", "administrative", "admin", "office",
                             "virtual", "team", "management", "ea", "pa"})
_RANKS = frozenset({
    "manager", "director", "vice", "president", "head", "supervisor", "leader", "lead",
    "executive", "representative", "officer", "leiter", "direktor", "directeur", "direttore",
    "diretor", "gerente", "jefe", "responsable", "kierownik", "dyrektor", "chef", "leider",
})
_STAFF = (("chief", "of", "staff"), ("jefe", "de", "gabinete"), ("chef", "de", "cabinet"),
          ("directeur", "de", "cabinet"), ("capo", "di", "gabinetto"))
# fmt: on

# --- word forms -----------------------------------------------------------------------------

# Feminine forms read as the masculine one, so either finds a title listed in the other.
_FEMININE = {
    "directrice": "directeur",
    "commerciale": "commercial",
    "vendeuse": "vendeur",
    "directora": "director",
    "diretora": "diretor",
    "direttrice": "direttore",
    "dyrektorka": "dyrektor",
    "kierowniczka": "kierownik",
    "handlowa": "handlowy",
    "regionalna": "regionalny",
    "asystentka": "asystent",
    "gerenta": "gerente",
}
_GERMAN_FEMININE = ("erin", "orin", "entin", "antin", "istin", "eurin", "arin")  # Leiterin
# Heads of German, Dutch and Swedish compounds: "Vertriebsleiter" is "Leiter Vertrieb".
_HEADS = (
    "mitarbeiter", "secretaresse", "directeur", "assistent", "assistenz", "vertreter",
    "direktor", "ansvarig", "manager", "leitung", "sekretar", "saljare", "berater",
    "leiter", "leider", "chef",
)  # fmt: skip
_SPECIAL = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ı": "i", "æ": "ae", "œ": "oe"})


def fold(word: str) -> str:
    """``word`` lower-cased with its accents taken off: "Général" is "general", "ż" is "z"."""
    folded = word.casefold()
    if folded.isascii():
        return folded
    import unicodedata

    folded = unicodedata.normalize("NFKD", folded.translate(_SPECIAL))
    return "".join(c for c in folded if not unicodedata.combining(c))


@lru_cache(maxsize=8192)
def _spelled(typed: str) -> tuple[tuple[str, ...], bool]:
    """The words ``typed`` stands for, and whether each shows as typed (else as itself)."""
    folded = fold(typed)
    forms = _forms(folded)
    return forms, len(forms) == 1 or folded in ABBREVIATIONS


def _forms(folded: str) -> tuple[str, ...]:
    """The words one typed word stands for: spelled out, masculine, a compound split."""
    if folded in ABBREVIATIONS:
        return ABBREVIATIONS[folded]
    word = _FEMININE.get(folded, folded)
    if len(word) >= 7 and word.endswith(_GERMAN_FEMININE):
        word = word[:-2]
    if not word.endswith(_HEADS):
        return (word,)
    for head in _HEADS:
        stem = word[: -len(head)]
        if word.endswith(head) and len(stem) >= 4:
            if stem[-1] == "s" and stem[-2] not in "aeiouys":  # Vertriebs-, Försäljnings-
                stem = stem[:-1]
            return (stem.strip("-"), head)
    return (word,)


# --- reading a title into words ---------------------------------------------------------------

# Patterns compiled when first needed (each costs about a millisecond), and tried only on a
# title that holds a character they need: most names given to show or compare hold none.
_G = r"(?:[mwdfxhvk]|div(?:erse|ers)?\.?)"
_PATTERNS: dict[str, tuple[str, str]] = {  # name -> (pattern, characters one of which it needs)
    # German inclusive endings: "Leiter:in", "Leiter*in", "Leiter/-in", "Leiter(in)", "LeiterIn".
    "inclusive": (
        r"(?i:(?<=[^\W\d_])(?:[:*_·]|/-?)(?:innen|in)(?![^\W\d_])|(?<=[^\W\d_])\((?:innen|in)\))"
        r"|(?:(?<=er)|(?<=or)|(?<=nt)|(?<=ur)|(?<=ar)|(?<=st))In(?:nen)?(?![^\W\d_])",
        ":*_·/(I",
    ),
    # French, Spanish, Italian, Portuguese, Polish endings: "commercial(e)", "Director/a".
    "endings": (
        r"(?i)(?<=[^\W\d_]{2})(?:\((?:e|es|a|as|ne|rice|trice|euse|ka)\)"
        r"|(?:·(?:e|rice|trice|euse)|/(?:a|ka|e|rice|trice))(?=\s|$|[)\],|]))",
        "(·/",
    ),
    # Gender markers: "(m/w/d)", "H/F", "M/V", "(k/m)", "(all genders)".
    "gender": (
        rf"(?i)\(\s*{_G}(?:\s*[/|,]\s*{_G}){{1,3}}\s*\)\*?"
        rf"|(?<![^\W_]){_G}(?:\s*/\s*{_G}){{1,3}}(?![^\W_])"
        r"|\(\s*(?:all(?:e)?\s+genders?|alle\s+geschlechter|any\s+gender|gn|genderneutral"
        r"|tous\s+genres)\s*\)",
        "/(",
    ),
    # Elided articles: "d'affaires", "dell'area".
    "elision": (r"(?i)(?<![^\W_])(d|l|dell|all|nell|sull|dall|un|qu)['’]", "'’"),
    "token": (
        r"(?P<word>[^\W_]+(?:['’.][^\W_]+)*)\.?"
        r"|(?P<amp>[&+])"
        r"|(?P<open>[(\[{])|(?P<close>[)\]}])"
        r"|(?P<bar>\s-+\s|\s-+|-+\s|[|–—•;:,])",
        "",
    ),
}
_COMPILED: dict[str, re.Pattern[str]] = {}


def _pattern(name: str) -> re.Pattern[str]:
    found = _COMPILED.get(name)
    if found is None:
        found = _COMPILED[name] = re.compile(_PATTERNS[name][0])
    return found


def _normal(text: str) -> str:
    """``text`` in Unicode's compatibility form (full-width letters as letters)."""
    if text.isascii():
        return text
    import unicodedata

    return unicodedata.normalize("NFKC", text)


class Word(NamedTuple):
    """One word of a title as read: its spelled-out form, and the text it came from."""

    word: str
    typed: str
    pos: int = 0  # where it starts in the title
    end: int = 0  # where it ends
    group: int = 0  # 0: before any separator; n: the n-th part after a dash, bar, comma or bracket


class Title(NamedTuple):
    """A title read into words: those to match on, what was set aside, what guards said."""

    words: tuple[Word, ...]  # in order, glue included, posting noise taken out
    noise: tuple[tuple[int, str], ...]  # (position, label) of the noise set aside
    level: tuple[str, ...]  # level words as typed ("SVP", "Area")
    levels: frozenset[str]  # the same, as read ("senior", "area")
    guard: str | None  # why the title names nobody's role, when it does not


def words(text: str) -> list[Word]:
    """The words of ``text`` in order, folded, abbreviations spelled out, compounds split.

    Dots join initials and abbreviations ("Sr." is "sr"); dashes, slashes, commas and
    brackets separate words; ``&`` is "and". "mid-market" gives "mid", "market".
    """
    return list(_words(_clean(_normal(text), [])))


def _clean(text: str, noise: list[tuple[int, str]]) -> str:
    """``text`` with gender markers and inclusive endings blanked out (positions kept)."""

    def blank(found: re.Match[str], mark: str = " ") -> str:
        noise.append((found.start(), found.group().strip()))
        return mark + " " * (len(found.group()) - 1)

    for name, mark in (("inclusive", " "), ("endings", " "), ("gender", "|")):
        if any(c in text for c in _PATTERNS[name][1]):
            text = _pattern(name).sub(partial(blank, mark=mark), text)
    if "'" in text or "’" in text:
        text = _pattern("elision").sub(lambda m: m.group(1) + " ", text)
    return text


def _words(text: str) -> Iterator[Word]:
    group = 0
    for token in _pattern("token").finditer(text):
        kind = token.lastgroup
        if kind == "word":
            typed = token.group("word").replace(".", "").replace("'", "").replace("’", "")
            forms, whole = _spelled(typed)
            for form in forms:
                yield Word(form, typed if whole else form, token.start(), token.end("word"), group)
        elif kind == "amp":
            yield Word("and", token.group(), token.start(), token.end(), group)
        else:
            group += 1


def parse(text: str) -> Title:
    """``text`` read into words, posting noise set aside, level words and guards found."""
    noise: list[tuple[int, str]] = []
    cleaned = _clean(_normal(text), noise)
    found = list(_words(cleaned))
    is_noise = [False] * len(found)
    labels: dict[int, str] = {}
    for i, w in enumerate(found):
        if w.word in _NOISE_WORDS or (w.group and w.word in QUALIFIERS["industry"]):
            is_noise[i] = True
        for phrase in _PHRASES_BY_FIRST.get(w.word, ()):
            stop = i + len(phrase)
            if tuple(x.word for x in found[i:stop]) == phrase and found[stop - 1].group == w.group:
                for k in range(i, stop):
                    is_noise[k] = True
                labels[i] = cleaned[w.pos : found[stop - 1].end]
    for i in _spelled_acronyms(found, is_noise):
        is_noise[i] = True
    if all(is_noise[i] or _is_glue(found, i) for i in range(len(found))):
        is_noise = [False] * len(found)  # a title made of noise only is its own words
        noise = []
    reach = -1  # noise is labelled once per typed word or phrase
    for i, w in enumerate(found):
        if is_noise[i] and w.pos >= reach:
            label = labels.get(i, w.typed)
            noise.append((w.pos, label))
            reach = w.pos + len(label)
    kept = tuple(w for i, w in enumerate(found) if not is_noise[i])
    level = _level(kept)
    return Title(
        kept,
        tuple(sorted(dict.fromkeys(noise))),
        tuple(dict.fromkeys(kept[i].typed for i in level)),
        frozenset(kept[i].word for i in level),
        guard(found),
    )


def _is_glue(found: Sequence[Word], i: int) -> bool:
    w = found[i]
    if w.word == "i":  # Polish and Swedish "and": glue between words, a level at the end
        return i + 1 < len(found) and found[i + 1].group == w.group
    return w.word in _GLUE


def _spelled_acronyms(found: Sequence[Word], is_noise: Sequence[bool]) -> Iterator[int]:
    """Words alone in a part that spell the initials of the rest: "(CRO)", "- AE", "(RVP)"."""
    groups: dict[int, list[int]] = {}
    for i, w in enumerate(found):
        groups.setdefault(w.group, []).append(i)
    for group, members in groups.items():
        w = found[members[0]]
        if not group or {found[k].pos for k in members} != {w.pos}:
            continue  # the title's first part, or more than one typed word
        if not 2 <= len(w.typed) <= 5 or not w.typed.isalpha():
            continue
        rest = [x for k, x in enumerate(found) if x.group != group and not is_noise[k]]
        for skip_glue in (False, True):
            typed = [x for n, x in enumerate(rest) if n == 0 or x.pos != rest[n - 1].pos]
            heads = "".join(fold(x.typed)[0] for x in typed if not skip_glue or x.word not in _GLUE)
            if fold(w.typed) in heads:
                yield from members
                break


def _level(kept: Sequence[Word]) -> list[int]:
    """Positions of level words: those just before "vice president" (SVP, Area VP...)."""
    found: list[int] = []
    for i, w in enumerate(kept):
        following = kept[i + 1] if i + 1 < len(kept) else None
        if w.word != "vice" or following is None or following.word != "president":
            continue
        k = i - 1
        while k >= 0 and kept[k].group == w.group and kept[k].word in LEVEL_WORDS:
            found.append(k)
            k -= 1
    return sorted(found)


def guard(found: Sequence[Word]) -> str | None:
    """Why a title names someone who works for a leader (an assistant, a chief of staff)."""
    spelled = [w.word for w in found]
    for phrase in _STAFF:
        if phrase[-1] in spelled and any(
            tuple(spelled[i : i + len(phrase)]) == phrase for i in range(len(spelled))
        ):
            return CHIEF_OF_STAFF
    if spelled[:1] == ["cos"] and spelled[1:2] == ["to"]:
        return CHIEF_OF_STAFF
    for i, w in enumerate(found):
        before = found[i - 1].word if i and found[i - 1].group == w.group else None
        if w.word in ("ea", "pa"):
            if i == 0 or (i + 1 < len(found) and found[i + 1].word == "to"):
                return ASSISTANT
            continue
        if w.word not in _ASSISTANTS:
            if w.word.startswith(_ASSISTANT_STEMS) and w.word.isalpha() and len(w.word) > 9:
                return SUPPORT  # Vertriebsassistenz, säljassistent written as one word
            continue
        if before in _SUPPORT_BEFORE:
            return ASSISTANT  # executive, personal, administrative assistant
        following: list[str] = []
        for x in found[i + 1 :]:
            if x.group != w.group or x.word in _GLUE:
                break
            following.append(x.word)
        if not _RANKS.intersection(following):
            to = i + 1 < len(found) and found[i + 1].word in _GLUE
            return ASSISTANT if to else SUPPORT  # "assistant to the...", "Sales Assistant"
    return None


def _meaningful(title: Title) -> list[Word]:
    """The words that carry meaning, each once: glue dropped, unless glue is all there is."""
    kept = [w for i, w in enumerate(title.words) if not _is_glue(title.words, i)]
    return list({w.word: w for w in reversed(kept or title.words)}.values())[::-1]


def key(text: str) -> str:
    """A title's key: its meaningful words in a fixed order, so word order never matters.

    ``key("Director of Sales") == key("Sales Director") == key("director, sales")``.
    """
    return " ".join(sorted(w.word for w in _meaningful(parse(text))))


def phrase(text: str) -> str:
    """A phrase's meaningful words in their order, read as titles are ("sales ops")."""
    return " ".join(w.word for w in _meaningful(parse(text)))


def slug(text: str) -> str:
    """``"Head of Sales"``, ``head_of_sales`` and ``HEAD-OF-SALES`` all give ``head-of-sales``."""
    return "-".join(re.findall(r"[^\W_]+", text.casefold().replace("_", " ")))


def acronym(text: str) -> str | None:
    """The sales acronym ``text`` is on its own ("CRO", "c.r.o."), or None."""
    found = _meaningful(parse(text))
    if len(found) == 1 and fold(found[0].typed) in ACRONYMS:
        return fold(found[0].typed)
    return None


# --- a dataset's names ------------------------------------------------------------------------


class Entry(NamedTuple):
    """What one key names in a dataset."""

    role: str
    how: How  # "exact" (id or title) or "alias" (alias or a real-world title)
    name: str  # the role's title, or the real-world title as the dataset writes it
    lang: str = "en"
    note: str | None = None  # a title beside the role: how it differs


class Alternative(NamedTuple):
    """Another role a title could mean, and why."""

    role: str
    why: str  # "shares the words director, sales", "also listed for this title"...


class Reading(NamedTuple):
    """How a title was read: the role it means (or none), and how that was decided."""

    typed: str
    role: str | None  # role id
    how: How
    read_as: str | None = None  # the role's name or the real-world title it matched
    set_aside: tuple[str, ...] = ()  # qualifiers and posting noise, as typed
    level: tuple[str, ...] = ()  # level words kept apart, as typed: "SVP", "Area"
    corrected: tuple[tuple[str, str], ...] = ()  # (typed, corrected) for each typo
    lang: str = "en"  # of the dataset title it matched
    note: str | None = None  # a title beside the role: how it differs from it
    reason: str | None = None  # why no role, when a guard or a title outside sales decided
    acronym: str | None = None  # what else the acronym means, when it was one
    candidates: tuple[str, ...] = ()  # ambiguous: the roles it could be
    suggestions: tuple[str, ...] = ()  # no role: close role ids ("did you mean")
    alternatives: tuple[Alternative, ...] = ()  # up to three other roles, with why


class Lookup:
    """A dataset's names as plain values (a catalog's index): all that ``read`` needs."""

    def __init__(
        self,
        names: Mapping[str, Sequence[str]],
        titles: Mapping[str, Sequence[Sequence[str | None]]],
        slugs: Mapping[str, str],
        outside: Mapping[str, Sequence[Sequence[str]]],
        role_titles: Mapping[str, str],
        own: Sequence[str] = (),
    ) -> None:
        self.names = names  # key -> (role id, "exact" | "alias", the name to show)
        self.titles = titles  # key -> [(role id, lang, note, text), ...]
        self.slugs = slugs  # slug of an id, title or alias -> role id
        self.outside = outside  # first word of a phrase's key -> [(key, name, reason), ...]
        self.role_titles = role_titles  # role id -> its title
        self.own = frozenset(own)  # the roles a dataset file defines itself: read first
        self._vocabulary: Vocabulary | None = None
        self._sorted_slugs: list[str] | None = None
        self._entries: dict[str, list[Entry]] = {}  # by key, as looked up

    def entries(self, found: str) -> list[Entry]:
        """What the key ``found`` names: the role it is a name of first, then titles."""
        result = self._entries.get(found)
        if result is None:
            result = []
            if primary := self.names.get(found):
                role, how, name = primary[0], primary[1], primary[2]
                result.append(Entry(role, "exact" if how == "exact" else "alias", name))
            for listed, lang, note, text in self.titles.get(found, ()):
                result.append(Entry(str(listed), "alias", str(text), str(lang), note))
            if result:  # a key that names nothing is not kept: any text could be one
                self._entries[found] = result
        return result

    def title(self, role: str) -> str:
        return self.role_titles.get(role, role)

    @property
    def vocabulary(self) -> "Vocabulary":
        if self._vocabulary is None:
            self._vocabulary = Vocabulary(self)
        return self._vocabulary

    def starting(self, wanted: str) -> list[str]:
        """Role ids with a name that starts with the slug ``wanted``."""
        if self._sorted_slugs is None:
            self._sorted_slugs = sorted(self.slugs)
        found: set[str] = set()
        for s in self._sorted_slugs[bisect_left(self._sorted_slugs, wanted) :]:
            if not s.startswith(wanted):
                break
            found.add(self.slugs[s])
        return sorted(found)

    def outside_for(self, held: Sequence[str]) -> Iterator[tuple[set[str], str]]:
        """Phrases of titles outside sales that ``held`` holds: (their words, the reason).

        A phrase's words must come in its order ("sales assistant", never "Assistant
        Sales Manager"), other words between them allowed ("Sales & Revenue Operations").
        In the order of ``held`` (the title's order), so the same title always gets
        the same reason.
        """
        for start, word in enumerate(held):
            for phrase, name, reason in self.outside.get(word, ()):
                wanted = phrase.split()
                rest = iter(held[start:])
                if all(any(w == have for have in rest) for w in wanted):
                    yield set(wanted), f"{name}: {reason}"


class Vocabulary:
    """The words of a dataset's names, for finding near-misses quickly.

    Made once per catalog, on the first title that needs it: for each word, the keys
    it appears in; for each pair of letters, the words holding it (typos share most).
    """

    def __init__(self, lookup: Lookup) -> None:
        self.roles: dict[str, list[str]] = {}  # key -> role ids
        for found, primary in lookup.names.items():
            self.roles.setdefault(found, []).append(primary[0])
        for found, entries in lookup.titles.items():
            listed = self.roles.setdefault(found, [])
            self.roles[found] = list(dict.fromkeys([*listed, *(str(e[0]) for e in entries)]))
        self.names: dict[str, set[str]] = {}  # word -> keys holding it
        for found in self.roles:
            for word in found.split():
                self.names.setdefault(word, set()).add(found)
        known = set(self.names) | SET_ASIDE | LEVEL_WORDS | _ASSISTANTS | _NOISE_WORDS
        known |= {w for phrases in lookup.outside.values() for p in phrases for w in p[0].split()}
        self.known = frozenset(known)
        self._by_length: dict[int, list[str]] = {}
        for word in sorted(self.known):
            self._by_length.setdefault(len(word), []).append(word)
        self._grams: dict[int, dict[str, list[str]]] = {}  # length -> pair of letters -> words
        self._near: dict[tuple[str, float], list[str]] = {}

    def similar(self, word: str, cutoff: float = 0.8) -> list[str]:
        """Known words ``word`` is a typo of, closest first (at most three).

        Only the 30 words of about its length that share the most pairs of letters
        with it are compared, so the cost does not grow with the dataset.
        """
        found = self._near.get((word, cutoff))
        if found is None:
            import difflib

            shared: dict[str, int] = {}
            for length in range(len(word) - 2, len(word) + 3):
                grams = self._grams_of(length)
                for gram in _grams(word):
                    for other in grams.get(gram, ()):
                        shared[other] = shared.get(other, 0) + 1
            pool = sorted(shared, key=lambda w: (-shared[w], w))[:30]
            found = self._near[word, cutoff] = difflib.get_close_matches(word, pool, 3, cutoff)
        return found

    def _grams_of(self, length: int) -> dict[str, list[str]]:
        """For each pair of letters, the known words of ``length`` letters holding it."""
        found = self._grams.get(length)
        if found is None:
            found = self._grams[length] = {}
            for other in self._by_length.get(length, ()):
                for gram in _grams(other):
                    found.setdefault(gram, []).append(other)
        return found

    def qualifier_typo(self, word: str) -> bool:
        """Whether ``word`` is no name's word, but a typo of a qualifier ("seinor")."""
        nearest = self.similar(word)
        return word not in self.names and bool(nearest) and nearest[0] in SET_ASIDE

    def near(self, word: str) -> set[str]:
        """The keys holding a word that ``word`` is a typo of (or is)."""
        return set().union(*(self.names.get(w, ()) for w in self.similar(word, 0.7)))


def _grams(word: str) -> set[str]:
    """The pairs of letters in ``word``, its first and last marked: "^s", "sa", ..., "s$"."""
    padded = f"^{word}$"
    return {padded[i : i + 2] for i in range(len(padded) - 1)}


def close(typed: Sequence[str], vocabulary: Vocabulary) -> list[str]:
    """Role ids whose names ``typed`` (words) is a near-miss of: every word a typo of theirs.

    "drector" is close to "director"; "Chief Risk Officer" is not close to "Chief
    Revenue Officer", since "risk" is no typo of any of its words.
    """
    import difflib

    typed = [w for w in typed if w not in _GLUE and (w not in SET_ASIDE or w in _SOFT)]
    typed = [w for w in typed if not vocabulary.qualifier_typo(w)]
    if not typed:
        return []
    candidates: set[str] | None = None
    for word in typed:
        keys = vocabulary.near(word)
        candidates = keys if candidates is None else candidates & keys
        if not candidates:
            return []
    scored: list[tuple[float, str]] = []
    for found in sorted(candidates or ()):
        ratio = difflib.SequenceMatcher(None, " ".join(sorted(typed)), found).ratio()
        if ratio >= 0.7:
            scored += [(ratio, role) for role in vocabulary.roles[found]]
    return list(dict.fromkeys(role for _, role in sorted(scored, reverse=True)))[:3]


# --- reading a title against a dataset ----------------------------------------------------


class _Found(NamedTuple):
    title: Title
    key: str
    dropped: frozenset[str]  # the words set aside to find it
    entry: Entry | None  # None: ambiguous
    others: tuple[str, ...]  # the other roles listed for the key (the candidates, if ambiguous)


def read(text: str, lookup: Lookup) -> Reading:
    """How a person means the title ``text``: a role, several, or none and why. Never raises."""
    if not text.strip():
        return Reading(text, None, "none", reason=EMPTY)
    title = parse(text)
    if title.guard:
        return Reading(text, None, "none", reason=title.guard)
    meaningful = _meaningful(title)
    if not meaningful:
        return Reading(text, None, "none", reason=NOISE_ONLY)
    found = _own_first(title, lookup) or _first(title, lookup)
    outside = _outside(title, lookup, found)
    if outside:
        return Reading(text, None, "none", reason=outside)
    if found is None and (loose := _without_unknown_tags(title, lookup)):
        found = _first(loose, lookup)
    if found is not None:
        return _answer(text, found, lookup)
    wanted = slug(text)
    starts = lookup.starting(wanted) if wanted else []
    if len(starts) == 1:
        role = starts[0]
        return Reading(text, role, "alias", lookup.title(role), _set_aside(title, frozenset()))
    if starts:
        why = f"a name that starts with {text.strip()!r}"
        return _ambiguous(text, starts, why)
    typo = _typo(text, title, lookup)
    if typo is not None:
        return typo
    suggestions = tuple(close([w.word for w in meaningful], lookup.vocabulary))
    alternatives = tuple(Alternative(r, f"close to {lookup.title(r)}") for r in suggestions)
    return Reading(text, None, "none", suggestions=suggestions, alternatives=alternatives)


def _attempts(title: Title) -> Iterator[tuple[str, frozenset[str]]]:
    """Keys to look up, best first: as written, then with qualifiers set aside.

    Qualifiers are set aside a few at a time, fewest first, so "Strategic Account
    Executive EMEA" finds the title "Strategic Account Executive" (setting aside only
    EMEA) before "Account" alone.
    """
    found = _meaningful(title)
    optional = [w.word for w in found if w.word in SET_ASIDE or w.word in title.levels]
    sizes = range(len(optional) + 1) if len(optional) <= 6 else (0, len(optional))
    for size in sizes:
        for dropped in combinations(optional, size):
            kept = [w.word for w in found if w.word not in dropped]
            if not kept or (len(kept) < 2 and _SOFT.intersection(dropped)):
                continue
            yield " ".join(sorted(kept)), frozenset(dropped)


def _first(title: Title, lookup: Lookup) -> _Found | None:
    """The first key of ``title`` that names something, and what it names.

    A role's own name (id, title, alias) wins; then a title listed for one role only,
    titles beside a role (with a note) counting only when no other role lists it.
    """
    for found, dropped in _attempts(title):
        entries = lookup.entries(found)
        if not entries:
            continue
        roles = list(dict.fromkeys(e.role for e in entries))
        if found in lookup.names:
            chosen = entries[0]
        else:
            plain = list(dict.fromkeys(e.role for e in entries if e.note is None))
            if len(plain) > 1 or (not plain and len(roles) > 1):
                return _Found(title, found, dropped, None, tuple(plain or roles))
            role = plain[0] if plain else roles[0]
            chosen = min(
                (e for e in entries if e.role == role),
                key=lambda e: (e.note is not None, e.lang != "en"),
            )
        others = tuple(r for r in roles if r != chosen.role)
        return _Found(title, found, dropped, chosen, others)
    return None


def _own_first(title: Title, lookup: Lookup) -> _Found | None:
    """The first key of ``title`` that names one of a file's own roles, "sales" implied.

    A company's own names win over the bundled ones: with its alias "avp", "AVP Sales"
    is its Area VP, though the bundled reading keeps "AVP" as a level of the VP of Sales.
    Every role in a company's file is a sales role, so "Sales" beside its name (or
    "of Sales") adds nothing: each key is tried with it and without it.
    """
    if not lookup.own:
        return None
    for found, dropped in _attempts(title):
        for wanted in dict.fromkeys((found, " ".join(w for w in found.split() if w != "sales"))):
            entries = [e for e in lookup.entries(wanted) if e.role in lookup.own]
            if wanted and entries:
                chosen = min(entries, key=lambda e: (e.how != "exact", e.note is not None))
                roles = dict.fromkeys(e.role for e in lookup.entries(wanted))
                others = tuple(r for r in roles if r != chosen.role)
                return _Found(title, wanted, dropped, chosen, others)
    return None


def _outside(title: Title, lookup: Lookup, found: _Found | None) -> str | None:
    """The reason a phrase of a title outside sales gives, unless a fuller title matched.

    A phrase decides when all its words are in the title and the role's title that
    matched does not hold them all: "Channel Sales Manager" is outside when "channel
    sales" is listed as outside, though "Sales Manager" matched after setting aside
    "channel"; "Director of Sales and Marketing" is a role even if "marketing
    director" is listed as outside.
    """
    held = [w.word for w in _meaningful(title)]
    matched = set(found.key.split()) if found else set()
    for phrase, reason in lookup.outside_for(held):
        if not phrase <= matched:
            return reason
    return None


def _without_unknown_tags(title: Title, lookup: Lookup) -> Title | None:
    """``title`` with tags set aside that name no known word: "- Stuttgart", "| Acme GmbH".

    A tag is a part after a dash, bar, comma or bracket (or before one, when the rest
    follows it); it goes only when another part of two or more words stays, and
    never when it holds a word that names a function (sales, marketing, purchasing...).
    """
    groups: dict[int, list[Word]] = {}
    for w in title.words:
        groups.setdefault(w.group, []).append(w)
    if len(groups) < 2:
        return None
    known = lookup.vocabulary.known

    def unknown(part: list[Word]) -> bool:
        spelled = [w.word for w in part if w.word not in _GLUE]
        return bool(spelled) and not any(w in known or w in PROTECTED for w in spelled)

    dropped = {g for g, part in groups.items() if unknown(part)}
    kept = [w for g, part in groups.items() if g not in dropped for w in part]
    if not dropped or len([w for w in kept if w.word not in _GLUE]) < 2:
        return None
    noise = title.noise + tuple((w.pos, w.typed) for w in title.words if w.group in dropped)
    return title._replace(words=tuple(kept), noise=tuple(sorted(noise)))


def _typo(text: str, title: Title, lookup: Lookup) -> Reading | None:
    """The reading after correcting typos, when the rest of the title confirms one role.

    Every word no name holds is replaced by a known word it is a typo of, which the
    matched title must hold (a typo of "sector", set aside, confirms nothing); a
    title with no word matched as typed ("drector") is left to "did you mean".
    """
    vocabulary = lookup.vocabulary
    spelled = [(i, w) for i, w in enumerate(title.words) if not _is_glue(title.words, i)]
    wrong = [(i, w) for i, w in spelled if w.word not in vocabulary.known]
    if not wrong or len(wrong) == len(spelled) or len(wrong) > 3:
        return None
    if any(len(w.word) < 4 or not w.word.isalpha() for _, w in wrong):
        return None
    options = [vocabulary.similar(w.word) for _, w in wrong]
    results: dict[str, tuple[_Found, tuple[tuple[str, str], ...]]] = {}
    for choice in product(*options):
        changed = list(title.words)
        for (i, w), word in zip(wrong, choice, strict=True):
            changed[i] = w._replace(word=word)
        corrected = title._replace(words=tuple(changed), guard=guard(changed))
        fixes = tuple((w.typed, word) for (_, w), word in zip(wrong, choice, strict=True))
        if corrected.guard:
            return Reading(text, None, "none", corrected=fixes, reason=corrected.guard)
        found = _first(corrected, lookup)
        reason = _outside(corrected, lookup, found)
        if reason:
            return Reading(text, None, "none", corrected=fixes, reason=reason)
        if found is not None and found.entry is not None and not found.dropped & set(choice):
            results.setdefault(found.entry.role, (found, fixes))  # each fix is in the title
    if len(results) != 1:
        if not results:
            return None
        roles = tuple(results)[:3]
        alternatives = tuple(Alternative(r, f"a typo of {lookup.title(r)}") for r in roles)
        return Reading(text, None, "none", suggestions=roles, alternatives=alternatives)
    ((found, fixes),) = results.values()
    return _answer(text, found, lookup, fixes)


def _answer(
    text: str, found: _Found, lookup: Lookup, fixes: tuple[tuple[str, str], ...] = ()
) -> Reading:
    """The reading for what ``found`` names."""
    title = found.title
    if found.entry is None:
        return _ambiguous(text, list(found.others), "also listed for this title")
    entry = found.entry
    aside = _set_aside(title, found.dropped)
    how: How
    if fixes:
        how = "typo corrected"
    elif entry.note:
        how = "nearest role"
    elif entry.lang != "en":
        how = "other language"
    elif aside:
        how = "qualifiers set aside"
    else:
        how = entry.how
    meant = found.key.split()
    alone = [w for w in _meaningful(title) if w.word not in found.dropped]
    other_meaning = None
    if len(meant) == 1 and meant[0] in ACRONYMS and fold(alone[0].typed) == meant[0]:
        other_meaning = ACRONYMS[meant[0]]
    return Reading(
        text,
        entry.role,
        how,
        entry.name,
        aside,
        title.level,
        fixes,
        entry.lang,
        entry.note,
        acronym=other_meaning,
        alternatives=_alternatives(found, lookup),
    )


def _ambiguous(text: str, roles: list[str], why: str) -> Reading:
    alternatives = tuple(Alternative(r, why) for r in roles[:3])
    return Reading(text, None, "ambiguous", candidates=tuple(roles), alternatives=alternatives)


def _set_aside(title: Title, dropped: frozenset[str]) -> tuple[str, ...]:
    """The noise and the qualifiers set aside, as typed, in the title's order."""
    qualifiers = [
        (w.pos, w.word if fold(w.typed) in ABBREVIATIONS else w.typed)
        for w in _meaningful(title)
        if w.word in dropped and w.word not in title.levels
    ]
    return tuple(dict.fromkeys(label for _, label in sorted([*title.noise, *qualifiers])))


def _alternatives(found: _Found, lookup: Lookup) -> tuple[Alternative, ...]:
    """Up to three other roles the title could mean: listed for it, or sharing words."""
    chosen = found.entry.role if found.entry else None
    result = {r: Alternative(r, "also listed for this title") for r in found.others}
    spelled = [w.word for w in _meaningful(found.title)]
    if len(spelled) <= 7:
        for size in range(len(spelled) - 1, 1, -1):
            for part in combinations(spelled, size):
                for entry in lookup.entries(" ".join(sorted(part))):
                    if len(result) >= 3:
                        return tuple(result.values())[:3]
                    if entry.role != chosen and entry.role not in result:
                        why = "shares the words " + ", ".join(part)
                        result[entry.role] = Alternative(entry.role, why)
    return tuple(result.values())[:3]
