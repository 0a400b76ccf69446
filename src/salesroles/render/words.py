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
    from salesroles.results import Advice, Identification, Reason, Recommendation

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


# --- advise ---------------------------------------------------------------------------
# The questions, their choices and their help: --help, the prompts and the app read them
# here. advise.QUESTIONS holds the choices' values and defaults.

QUESTIONS: dict[str, str] = {
    "size": "How big is the company?",
    "horizon": "What must the hire deliver first?",
    "scope": "What will the hire be responsible for?",
    "budget": "Will the hire own a budget?",
    "team": "Is there a sales team already?",
    "leads": "What must the hire lead?",
}

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
    "leads": {
        "sales": "sales only",
        "sales-marketing": "sales and marketing",
        "revenue": "every revenue function",
    },
}

# Each size and lead in brief, for --help: the bundled dataset's [[sizes]] (advise prints the
# full definition of the size asked, with its sources) and what each --leads means.
SIZE_HELP = {
    "founding": "the founders still sell: under about $1M ARR (Notion Capital); most hand "
    "founder-led selling on before about $1.5-2m ARR (SaaStr)",
    "small": "the first handful of reps: a Series A start-up, or the $1M-3M ARR band "
    "(Notion Capital); under the 100-150 employees at which formal titles come (Pave)",
    "mid": "layers of sales management: past 15 salespeople and two sales managers (a "
    "recruiter), formal titles from 100-150 employees (Pave); no revenue band is sourced",
    "large": "a large or listed company: hundreds in sales under layers of directors (a "
    "postings blog), $500M+ in sales (a Heidrick & Struggles partner)",
}
LEADS_HELP = {
    "sales": "one leader over sales only",
    "sales-marketing": "one leader over sales and marketing",
    "revenue": "every revenue function: sales, marketing and customer success",
}
_OPTION_HELP = {
    "size": "founding, small, mid or large, as defined above",
    "horizon": "short: this quarter's numbers; long: long-term growth",
    "scope": "team: one team; region: a region; company: the whole company",
    "budget": "yes or no",
    "team": "no: the hire must build the team",
    "leads": "sales, sales-marketing or revenue, as defined above",
}


def question_help(name: str, default: str) -> str:
    """The help of one advise option: the question, its choices, the default."""
    return f"{QUESTIONS[name]} {_OPTION_HELP[name]}. (default {default})"


def _block(title: str, items: dict[str, str]) -> str:
    """A list that ``--help`` keeps as laid out (Click's ``\\b``), 78 columns at most."""
    import textwrap

    lines = ["\b", title]
    width = max(map(len, items)) + 2
    for key, text in items.items():
        wrapped = textwrap.wrap(text, 76 - width)
        lines.append(f"  {key:<{width}}{wrapped[0]}")
        lines += [" " * (width + 2) + more for more in wrapped[1:]]
    return "\n".join(lines)


ADVISE_HELP = "\n\n".join(
    [
        "Recommend whom to hire next, and the runner-up, with sourced reasons.",
        "Six questions: the company's size, what the hire must deliver first, what it "
        "will be responsible for, whether it owns a budget, whether a sales team exists, "
        "and what it must lead. Only the roles' structured, sourced values count "
        "(company sizes, scope level, focus horizon, budget level, whether it builds its "
        "team, what it owns). Unknown is never a fit: a role the sources say nothing "
        "about on an answer is neither recommended for it nor ruled out by it, and the "
        "recommendation is always a role the sources place at the company's size. A role "
        "whose values contradict an answer is ruled out, and said why. The advice the "
        "sources give on hiring at that size follows, every side where they disagree.",
        _block("Company sizes (stages), from the sources:", SIZE_HELP),
        _block("What the hire leads (--leads):", LEADS_HELP),
        "At a terminal it asks each question not given as a flag; elsewhere it takes the "
        "defaults and says so on stderr; --no-input makes a missing answer an error.",
        "Example: salesroles advise --size founding --scope team --team no --json",
    ]
)

ADVISE = {
    "for": "For",
    "defined": "{size}, as the sources define it",
    "recommended": "Recommended hire: ",
    "runner_up": "Runner-up: ",
    "nearest": "Nearest: ",
    "none": "No role the sources place at a {size} fits every answer; "
    "what they advise at that size follows.",
    "none_bare": "No role in the dataset fits every answer.",
    "assumed_only": "Only answers assumed, not given, rule out {roles}: give {flags} "
    "to weigh {them}.",
    "nearest_note": "No answer rules it out, but the sources do not place it at a {size}.",
    "why": "Why, answer by answer",
    "ahead": "Ahead of the runner-up on: {answer}.",
    "behind": "Behind the recommendation on: {answer}.",
    "tied": "Alike on every answer; listed second by the dataset's order.",
    "stage": "What the sources advise at this size",
    "disputed": "{topic} (the sources disagree; every side):",
    "topic": "{topic}:",
    "ruled_out": "Ruled out by an answer",
    "also": "also contradicts: {answers}",
    "compare": "Compare them",
}

_SIZE_WORDS = {
    "founding": "founding-stage",
    "small": "small",
    "mid": "mid-size",
    "large": "large",
}
_LEVEL_WORDS = {
    "team": "one team's scope",
    "region": "a region's scope",
    "division": "a division's scope (particular departments or regions)",
    "company": "company-wide scope",
}
_BUDGET_WORDS = {
    "company": "a company-wide budget",
    "department": "a department's budget",
    "region": "a region's budget",
    "none": "no budget of its own",
}
_HORIZON_WORDS = {"short": "a short-term", "medium": "a medium-term", "long": "a long-term"}


def _listed(items: Iterable[str]) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def functions(values: Iterable[str]) -> str:
    """``["sales", "customer-success"]`` as "sales and customer success"."""
    return _listed([v.replace("-", " ") for v in values]) if values else "nothing"


def _sizes(values: Iterable[str]) -> str:
    return _listed([_SIZE_WORDS.get(v, v) for v in values]) + " companies"


def reason(question: str, answer_value: str, verdict: str, value: Any) -> str:
    """What the sources say about a role on one answer, as a sentence after the answer.

    Never the role's value as the user's answer: it always reads "<your answer>: the
    sources ...", or says the sources do not cover it.
    """
    said = f"{answer(question, answer_value)[:1].upper()}{answer(question, answer_value)[1:]}"
    if verdict == "unknown":
        return f"{said}: not covered by the sources for this answer"
    return f"{said}: {_verdict(question, answer_value, verdict, value)}"


def _verdict(question: str, given: str, verdict: str, value: Any) -> str:
    fits = verdict != "contradicts"
    if question == "size":
        return f"the sources place it {'at' if fits else 'only at'} {_sizes(value)}"
    if question == "scope":
        if verdict == "partly":
            return f"the sources give it {_LEVEL_WORDS[value]}, which can be one region"
        return f"the sources give it {_LEVEL_WORDS.get(value, value)}{'' if fits else ' instead'}"
    if question == "horizon":
        tail = "" if verdict == "fits" else ", between the two" if fits else " instead"
        return f"the sources give it {_HORIZON_WORDS.get(value, value)} focus{tail}"
    if question == "budget":
        return f"the sources give it {_BUDGET_WORDS.get(value, value)}"
    if question == "team":
        if given == "no":
            return (
                "the sources have it recruit and build its own team"
                if fits
                else "the sources have it lead a team it is given, not build one"
            )
        return "the sources have it lead a sales team"
    if question == "leads":
        typical, at_times = value["functions"], value["sometimes"]
        if verdict == "fits":
            return f"the sources have it typically lead {functions(typical)}"
        if verdict == "partly":
            return (
                f"the sources have it typically lead {functions(typical)}, and "
                f"{functions(at_times)} only at times"
            )
        if given == "sales":
            return f"the sources have it typically lead {functions(typical)}: more than sales"
        owned = [*typical, *(f for f in at_times if f not in typical)]
        return f"the sources have it lead {functions(owned)}, not all that is asked"
    return verdict


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


def described(answers: Mapping[str, str]) -> str:
    """Every answer in words: "small company, this quarter's numbers, ..."."""
    return ", ".join(answer(n, v) for n, v in answers.items())


def size_defined(answers: Mapping[str, str]) -> str:
    label = answer("size", answers["size"])
    return ADVISE["defined"].format(size=label[:1].upper() + label[1:])


def no_fit(advice: Advice) -> str:
    """The heading when nothing is recommended; the stage advice, if any, follows it."""
    said = (
        ADVISE["none"].format(size=answer("size", advice.answers["size"]))
        if advice.stage
        else ADVISE["none_bare"]
    )
    held = [out for out in advice.ruled_out if out.assumed_only]
    if not held:
        return said
    flags = dict.fromkeys(f"--{c.question}" for out in held for c in out.clashes)
    roles = [out.role.title for out in held]
    listed = ", ".join(roles[:-1]) + " and " + roles[-1] if len(roles) > 1 else roles[0]
    hint = ADVISE["assumed_only"].format(
        roles=listed, flags=" and ".join(flags), them="them" if len(roles) > 1 else "it"
    )
    return f"{said} {hint}"


def advised_note(advice: Advice, rec: Recommendation) -> str:
    """Why this role stands where it does: the answer that put it ahead, or behind."""
    if advice.best is None:
        return ADVISE["nearest_note"].format(size=answer("size", advice.answers["size"]))
    if advice.runner_up is None:
        return ""
    if rec.decided_by is None:
        return ADVISE["tied"] if rec is advice.runner_up else ""
    said = answer(rec.decided_by, advice.answers[rec.decided_by])
    return ADVISE["ahead" if rec is advice.best else "behind"].format(answer=said)


def stage_topic(topic: str, *, disputed: bool) -> str:
    shown = topic[:1].upper() + topic[1:]
    return ADVISE["disputed" if disputed else "topic"].format(topic=shown)


def also(clashes: Iterable[Reason]) -> str:
    """The other answers a ruled-out role contradicts, in words; empty when none."""
    others = [answer(c.question, c.answer) for c in clashes]
    return ADVISE["also"].format(answers=", ".join(others)) if others else ""
