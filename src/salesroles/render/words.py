"""The words a reader sees, shared by the table, Markdown, CSV and app renderers.

Queries hand back values ("division", ["ceo", "coo"]); this module says them
("Level: division", "Reports to: Chief Executive Officer, Chief Operating Officer"),
numbers the sources a view cites, and says what kind of source each is.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from salesroles.models import DIMENSIONS, Figure, Headline, Point, Source
from salesroles.names import Reading

if TYPE_CHECKING:
    from salesroles.results import Identification

NOT_COVERED = "not covered by the sources"
NO_DIFFERENCE = "The structured values of these roles do not differ."

# How each kind of source is named beside it; articles and statistics go unmarked.
KIND_LABELS = {
    "article": "article",
    "statistics": "official statistics",
    "encyclopedia": "encyclopedia",
    "research": "research",
    "publication": "publication",
    "search-firm": "search firm",
    "practitioner": "practitioner's view",
    "vendor-blog": "vendor blog",
    "other": "other",
}
UNMARKED_KINDS = frozenset({"article", "statistics"})
# The kind in one word, for the glance's list of sources.
KIND_WORDS = {
    "article": "article",
    "statistics": "statistics",
    "encyclopedia": "encyclopedia",
    "research": "research",
    "publication": "publication",
    "search-firm": "search firm",
    "practitioner": "practitioner",
    "vendor-blog": "vendor",
    "other": "other",
}


def more(*, differences: int = 0, omitted: int = 0, detail: bool = True) -> str:
    """What the glance leaves for a flag: ``More: --detail (...) · --all (...)``."""
    parts = []
    if detail:
        extra = f", {differences} more difference{'s' * (differences != 1)}" if differences else ""
        parts.append(f"--detail (every point{extra}, each side of a dispute, titles and URLs)")
    if omitted:
        parts.append(f"--all ({omitted} more dimensions) or --only DIM,...")
    return "More: " + " · ".join(parts)


GLANCE_DIFFERENCES = 6  # the key differences a glance shows at most; --detail shows them all
DISPUTED = "Where the sources disagree (both sides with --detail)"
CODES = "Official occupation codes (each lumps this role with others)"
CONTEXT_NOTE = "◦ context: how statistics classify the title, history, notes on a source"

_FIELD_LABELS = {
    ("scope", "level"): "Level",
    ("focus", "horizon"): "Horizon",
    ("focus", "orientation"): "Orientation",
    ("reporting", "reports_to"): "Reports to",
    ("budget", "level"): "Level",
    ("owns", "functions"): "Owns",
    ("owns", "sometimes"): "At times",
    ("stage", "company_size"): "Company size",
    ("team", "builds_team"): "Builds the team",
    ("career", "comes_from"): "Comes from",
    ("career", "leads_to"): "Leads to",
}


def label(dimension: str) -> str:
    return DIMENSIONS.get(dimension, dimension.replace("_", " ").capitalize())


def facts(dimension: str, values: Mapping[str, Any], names: Mapping[str, str]) -> list[str]:
    """A dimension's structured values in words, one line each."""
    lines = []
    for field, value in values.items():
        if field == "figures" or value in ((), []):
            continue
        if field in ("reports_to", "comes_from", "leads_to"):
            shown = ", ".join(names.get(v, v) for v in value)
        elif isinstance(value, bool):
            shown = "yes" if value else "no"
        elif isinstance(value, (tuple, list)):
            shown = ", ".join(str(v) for v in value)
        else:
            shown = str(value)
        lines.append(f"{_FIELD_LABELS.get((dimension, field), field)}: {shown}")
    return lines


_HORIZONS = {"long": "long-term", "medium": "medium-term", "short": "short-term"}


def short_name(ref: str, names: Mapping[str, str]) -> str:
    """A role or executive in few letters, for a narrow cell: CEO, CRO, Director of Sales."""
    title = names.get(ref, ref)
    return ref.upper() if len(ref) <= 3 and ref.isalpha() and len(title) > 12 else title


def glance(dimension: str, values: Mapping[str, Any], names: Mapping[str, str]) -> str:
    """A dimension's structured values in a few words, for the glance ("long-term, strategic")."""
    parts: list[str] = []
    if dimension == "focus":
        parts += [_HORIZONS.get(values.get("horizon", ""), "")]
        parts += [str(values.get("orientation", ""))]
    elif dimension == "reporting" and values.get("reports_to"):
        parts.append("to " + ", ".join(short_name(r, names) for r in values["reports_to"]))
    elif dimension == "career" and values.get("leads_to"):
        parts.append("→ " + ", ".join(short_name(r, names) for r in values["leads_to"]))
    elif dimension == "career" and values.get("comes_from"):
        parts.append("from " + ", ".join(short_name(r, names) for r in values["comes_from"]))
    elif dimension == "owns":
        parts.append(", ".join(values.get("functions", ())))
        if values.get("sometimes"):
            parts.append("at times " + ", ".join(values["sometimes"]))
    elif dimension == "stage":
        parts.append(", ".join(values.get("company_size", ())))
    elif dimension == "team" and "builds_team" in values:
        parts.append("builds the team" if values["builds_team"] else "inherits the team")
    elif "level" in values:
        parts.append(str(values["level"]))
    return ", ".join(p for p in parts if p)


def figure(f: Figure) -> str:
    """A pay figure in words, with what it covers: figures never travel bare."""
    amount = f"{f.amount:,}" if f.amount is not None else f"{f.low or 0:,}–{f.high or 0:,}"
    where = ", ".join(str(x) for x in (f.kind, f.region, f.year) if x)
    covers = f" Covers: {f.covers}" if f.covers else ""
    return f"{f.currency} {amount} a {f.period} ({where}).{covers}"


def kind_note(source: Source) -> str:
    """`` (practitioner's view)`` for the kinds a reader should weigh; empty otherwise."""
    return (
        "" if source.kind in UNMARKED_KINDS else f" ({KIND_LABELS.get(source.kind, source.kind)})"
    )


def brief(source: Source) -> str:
    """A source in a few words, for the glance: who says it, when, and what kind it is."""
    who = source.publisher or source.title
    year = f", {source.year}" if source.year else ""
    return f"{who}{year} ({KIND_WORDS.get(source.kind, source.kind)})"


def citation(source: Source) -> str:
    """A source in one line: title, publisher, year, kind where it matters, URL."""
    parts = [source.title]
    if source.publisher:
        parts.append(source.publisher)
    if source.year:
        parts.append(str(source.year))
    text = ", ".join(parts) + kind_note(source) + "."
    return f"{text} {source.url}" if source.url else text


class Citations:
    """Numbers the sources a view cites, in the order they are first cited."""

    def __init__(self, library: Mapping[str, Source], *, enabled: bool = True) -> None:
        self.library = library
        self.enabled = enabled
        self.numbers: dict[str, int] = {}

    def marks(self, ids: Iterable[str]) -> str:
        """``[1][3]`` for these source ids (numbering any new ones); empty when hidden."""
        if not self.enabled:
            return ""
        shown = []
        for i in ids:
            if i not in self.numbers:
                self.numbers[i] = len(self.numbers) + 1
            shown.append(f"[{self.numbers[i]}]")
        return "".join(shown)

    def point(self, p: Point | Headline) -> str:
        mark = self.marks(p.sources)
        return f"{p.text} {mark}" if mark else p.text

    def listed(self) -> list[tuple[int, Source | None, str]]:
        """(number, source, id) for every source cited so far, in number order."""
        return [(n, self.library.get(i), i) for i, n in self.numbers.items()]


CHOICE_LABELS: dict[str, dict[str, str]] = {
    "size": {
        "founding": "founding team",
        "small": "small company",
        "mid": "mid-size company",
        "large": "large company",
    },
    "horizon": {"short": "this quarter's numbers", "long": "long-term growth"},
    "scope": {"team": "one team", "region": "a region", "company": "the whole company"},
    "budget": {"yes": "owns a budget", "no": "no budget of its own"},
    "team": {"yes": "a sales team exists", "no": "no sales team yet"},
}


def answer(question: str, value: str) -> str:
    """An advise answer in words: ``("size", "small")`` is "small company"."""
    return CHOICE_LABELS.get(question, {}).get(value, value)


# --- which -------------------------------------------------------------------------

LANGUAGES = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
    "nl": "Dutch", "pt": "Portuguese", "pl": "Polish", "sv": "Swedish",
}  # fmt: skip
WHICH_COLUMNS = ("role", "role title", "match", "level", "set aside", "note", "alternatives")


def role_cell(reading: Reading) -> str:
    """The role column of a reading: the id, or what it is when there is none."""
    if reading.role:
        return reading.role
    return "ambiguous" if reading.candidates else "no match"


def reading_notes(reading: Reading, names: Mapping[str, str]) -> list[str]:
    """How a title was read, in a few clauses: corrections, level, set-aside words,
    language, the note of a title beside a role, why none, what else it could be."""
    notes: list[str] = []
    if reading.corrected:
        notes.append("read " + ", ".join(f"'{a}' as '{b}'" for a, b in reading.corrected))
    if reading.role and reading.read_as and reading.read_as != reading.typed:
        notes.append(f"as {reading.read_as}")
    if reading.level:
        notes.append(f"level: {' '.join(reading.level)}")
    if reading.set_aside:
        notes.append(f"set aside: {', '.join(reading.set_aside)}")
    if reading.role and reading.lang != "en":
        notes.append(f"a {LANGUAGES.get(reading.lang, reading.lang)} title")
    if reading.note:
        notes.append(reading.note)
    if reading.reason:
        notes.append(reading.reason)
    if reading.acronym:
        notes.append(reading.acronym)
    if reading.candidates:
        notes.append(
            "could be " + ", ".join(f"{c} ({names.get(c, c)})" for c in reading.candidates)
        )
    if reading.suggestions:
        notes.append("did you mean " + " or ".join(reading.suggestions))
    others = [a for a in reading.alternatives if a.role not in reading.candidates]
    if others:
        notes.append("or " + "; ".join(f"{a.role} ({a.why})" for a in others))
    return notes


def which_answer(reading: Reading, names: Mapping[str, str]) -> list[str]:
    """A reading as the columns a spreadsheet gets (``WHICH_COLUMNS``)."""
    if not reading.typed.strip():
        return [""] * len(WHICH_COLUMNS)
    return [
        reading.role or "",
        names.get(reading.role, "") if reading.role else "",
        reading.how,
        " ".join(reading.level),
        "; ".join(reading.set_aside),
        reading.note or reading.reason or "",
        "; ".join(f"{a.role} ({a.why})" for a in reading.alternatives)
        or "; ".join(reading.candidates),
    ]


def how_read(
    typed: str,
    read_as: str,
    set_aside: Sequence[str],
    corrected: Sequence[tuple[str, str]],
    level: Sequence[str],
    note: str | None,
) -> str:
    """``Read "Dircetor of Sales" as Director of Sales (typo corrected: ...)``, or empty
    when the name was read as written."""
    said = []
    if corrected:
        said.append("typo corrected: " + ", ".join(f"{a} -> {b}" for a, b in corrected))
    if level:
        said.append(f"level: {' '.join(level)}")
    if set_aside:
        said.append(f"set aside: {', '.join(set_aside)}")
    if note:
        said.append(f"a title beside the role: {note}")
    return f'Read "{typed}" as {read_as} ({"; ".join(said)}).' if said else ""


def which_summary(result: Identification) -> str:
    """One line for stderr: how many titles matched, were ambiguous, matched nothing."""
    readings = [item.reading for item in result.titles]
    blank = sum(not r.typed.strip() for r in readings)
    matched = sum(bool(r.role) for r in readings)
    ambiguous = sum(bool(r.candidates) and not r.role for r in readings)
    unmatched = len(readings) - matched - ambiguous - blank
    counts: dict[str, int] = {}
    for r in readings:
        if r.typed.strip() and not r.role and not r.candidates:
            counts[r.typed] = counts.get(r.typed, 0) + 1
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    line = (
        f"which: {len(readings):,} rows: {matched:,} matched, {ambiguous:,} ambiguous, "
        f"{unmatched:,} unmatched" + (f", {blank:,} blank" if blank else "") + "."
    )
    if top:
        line += " Most frequent unmatched: " + ", ".join(f'"{t}" ({n})' for t, n in top) + "."
    return line
