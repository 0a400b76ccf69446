"""Titles as job postings write them: noise, typos, assistants, levels, eight languages.

The titles are the kind job boards carry (a German board's "(m/w/d)", a French
"H/F", "– Remote", "| Healthtech"). The bundled dataset has English titles only, so
the languages, notes and titles outside sales are read against ``fixtures/titles.toml``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import get_args

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesroles import names
from salesroles.catalog import INDEX, Catalog, Unmatched, compile_index
from salesroles.dataset import load
from salesroles.errors import UsageError

from .conftest import read_entry, write_entry

TITLES = Path(__file__).parent / "fixtures" / "titles.toml"


@pytest.fixture(scope="module")
def bundled() -> Catalog:
    return load.load(use_cache=False)


@pytest.fixture(scope="module")
def titled() -> Catalog:
    return load.load(TITLES, use_cache=False)


# --- posting noise -----------------------------------------------------------------------

NOISY = [
    ("VP OF SALES - REMOTE", "vp", ("REMOTE",)),
    ("Head of Sales DACH (m/w/d) – Remote", "head", ("DACH", "(m/w/d)", "Remote")),
    ("Sales Director (Hybrid, UK)", "director", ("Hybrid", "UK")),
    ("Account Executive (AE) | Healthtech", "rep", ("AE", "Healthtech")),
    ("Chief Revenue Officer (CRO)", "cro", ("CRO",)),
    ("Senior Account Executive - SaaS", "rep", ("Senior", "SaaS")),
    ("Regional Sales Manager – Onsite", "rsm", ("Onsite",)),
    ("Inside Sales Rep - Homeoffice (w/m/d)", "rep", ("Inside", "Homeoffice", "(w/m/d)")),
    ("Key Account Manager (f/m/x) - Pharma", "rep", ("Key", "(f/m/x)", "Pharma")),
    (
        "Enterprise Account Executive, Fintech (Remote, US)",
        "rep",
        ("Enterprise", "Fintech", "Remote", "US"),
    ),
    ("Area Sales Manager (m/f/d) - Medical Devices", "rsm", ("(m/f/d)", "Medical", "Devices")),
    ("Sales Director - Stuttgart", "director", ("Stuttgart",)),
    ("Sales Director | Acme GmbH", "director", ("Acme", "GmbH")),
    ("Director of Sales – Full-time, Permanent", "director", ("Full-time", "Permanent")),
    ("Sales Manager (Vollzeit, unbefristet)", "manager", ("Vollzeit", "unbefristet")),
    ("HEAD OF SALES (ALL GENDERS) - HYBRID", "head", ("(ALL GENDERS)", "HYBRID")),
    ("Regional Vice President (RVP) – Remote, East", "vp", ("RVP", "Remote", "East")),
    ("Mid-Market Account Executive – Work From Home", "rep", ("Mid", "Market", "Work From Home")),
    (
        "Inside Sales Representative (m/w/d) in Vollzeit",
        "rep",
        ("Inside", "(m/w/d)", "Vollzeit"),
    ),
    ("Account Executive - OTE 150k", "rep", ("OTE", "150k")),
    ("Head of Sales (HoS)", "head", ("HoS",)),
    ("Sales Manager - Pittsburgh, PA", "manager", ("Pittsburgh", "PA")),
    ("Pharma Sales Rep", "rep", ("Pharma",)),
    ("Commercial Account Executive", "rep", ("Commercial",)),
]


@pytest.mark.parametrize(("title", "role", "aside"), NOISY, ids=[t for t, _, _ in NOISY])
def test_posting_noise_is_set_aside_and_reported(
    bundled: Catalog, title: str, role: str, aside: tuple[str, ...]
) -> None:
    reading = bundled.read(title)
    assert (reading.role, reading.set_aside) == (role, aside)
    # a title the dataset lists beside a role (an RVP beside the VP) is read as that
    expected = "nearest role" if reading.note else "qualifiers set aside"
    assert reading.how == expected


@pytest.mark.parametrize(
    "title",
    [
        "Chief Commercial Officer",  # "Commercial" is a segment of reps, but here the role
        "Director of Sales and Marketing",  # "Sales" and "Marketing" are never set aside
        "Sales Engineer",
    ],
)
def test_a_word_that_is_the_role_is_never_set_aside(bundled: Catalog, title: str) -> None:
    reading = bundled.read(title)
    assert reading.role is not None and reading.set_aside == ()


@pytest.mark.parametrize(
    "title",
    [
        "Commercial Director",  # "Director" alone is no sales title
        "Insurance Director",
        "Software Engineer",
        "Head - Marketing",
        "Director - Purchasing",
        "E-Commerce Manager",
    ],
)
def test_setting_aside_never_leaves_a_bare_rank_that_is_not_sales(
    bundled: Catalog, title: str
) -> None:
    assert bundled.read(title).role is None


def test_a_title_of_noise_only_names_no_job(bundled: Catalog) -> None:
    assert bundled.read("(m/w/d)").reason == names.NOISE_ONLY


# --- typos -------------------------------------------------------------------------------

CORRECTED = [
    ("Dircetor of Sales", "director", (("Dircetor", "director"),)),
    ("Head of Salse", "head", (("Salse", "sales"),)),
    ("VP of Slaes", "vp", (("Slaes", "sales"),)),
    ("Regional Sales Manger", "rsm", (("Manger", "manager"),)),
    ("Chief Revneue Officer", "cro", (("Revneue", "revenue"),)),
    ("Acount Executive", "rep", (("Acount", "account"),)),
    ("Sales Maanger", "manager", (("Maanger", "manager"),)),
    ("Sr. Dirctor of Sales, EMEA", "director", (("Dirctor", "director"),)),
]


@pytest.mark.parametrize(("title", "role", "fixes"), CORRECTED, ids=[t for t, _, _ in CORRECTED])
def test_a_typo_the_title_confirms_is_corrected_and_said(
    bundled: Catalog, title: str, role: str, fixes: tuple[tuple[str, str], ...]
) -> None:
    reading = bundled.read(title)
    assert (reading.role, reading.how, reading.corrected) == (role, "typo corrected", fixes)


SUGGESTED = [
    ("drector", ("director",)),  # one word: nothing in the title confirms it
    ("manger", ("manager",)),
    ("Salse Manger", ("manager", "rsm")),
    ("Dirctor Slaes", ("director",)),
    ("Seinor Director of Sales", ("director", "dsm")),  # a typo of a qualifier confirms nothing
    ("dir\ufffdctor", ("director",)),  # not read as "director" with a typo of "sector" set aside
    ("Chief Risk Officer", ()),  # "risk" is no typo of "revenue": no suggestion at all
    ("Chief Marketing Officer", ()),
]


@pytest.mark.parametrize(("title", "suggested"), SUGGESTED, ids=[t for t, _ in SUGGESTED])
def test_otherwise_did_you_mean_offers_close_roles_only(
    bundled: Catalog, title: str, suggested: tuple[str, ...]
) -> None:
    reading = bundled.read(title)
    assert (reading.role, reading.how, reading.suggestions) == (None, "none", suggested)
    assert [a.role for a in reading.alternatives] == list(suggested)


def test_show_and_compare_still_ask_did_you_mean_for_a_lone_typo(bundled: Catalog) -> None:
    with pytest.raises(Unmatched, match=r"No role called 'drector'\. Did you mean 'director'\?"):
        bundled.match("drector")


def test_a_corrected_typo_can_land_on_a_guard(bundled: Catalog) -> None:
    reading = bundled.read("Executive Asistant to the VP of Sales")
    assert (reading.role, reading.reason) == (None, names.ASSISTANT)
    assert reading.corrected == (("Asistant", "assistant"),)


# --- assistants and chiefs of staff --------------------------------------------------------

GUARDED = [
    ("Executive Assistant to the VP of Sales", names.ASSISTANT),
    ("Assistant to the Sales Director", names.ASSISTANT),
    ("EA to CRO", names.ASSISTANT),
    ("Chief of Staff to the CRO", names.CHIEF_OF_STAFF),
    ("PA to Head of Sales", names.ASSISTANT),
    ("Personal Assistant to the Chief Revenue Officer", names.ASSISTANT),
    ("Administrative Assistant - Sales", names.ASSISTANT),
    ("EA/PA to the Sales Director", names.ASSISTANT),
    ("Executive Assistant, Office of the CRO", names.ASSISTANT),
    ("Chief of Staff, Sales", names.CHIEF_OF_STAFF),
    ("Sales Assistant", names.SUPPORT),
    ("Inside Sales Assistant (m/w/d)", names.SUPPORT),
    ("Sales Support Assistant", names.SUPPORT),
    ("Team Assistant Vertrieb (m/w/d)", names.ASSISTANT),
    ("Assistentin der Vertriebsleitung (m/w/d)", names.ASSISTANT),
    ("Vertriebsassistent (m/w/d)", names.SUPPORT),
    ("Assistante commerciale H/F", names.SUPPORT),
    ("Asistente del Director de Ventas", names.ASSISTANT),
    ("Säljassistent", names.SUPPORT),
]


@pytest.mark.parametrize(("title", "reason"), GUARDED, ids=[t for t, _ in GUARDED])
def test_an_assistant_or_chief_of_staff_to_someone_matches_no_role(
    bundled: Catalog, titled: Catalog, title: str, reason: str
) -> None:
    for catalog in (bundled, titled):
        reading = catalog.read(title)
        assert (reading.role, reading.how, reading.reason) == (None, "none", reason)
        assert reading.candidates == reading.suggestions == reading.alternatives == ()


def test_show_says_why_an_assistant_is_no_role(bundled: Catalog) -> None:
    with pytest.raises(UsageError) as info:
        bundled.resolve("EA to CRO")
    assert str(info.value) == f"No role called 'EA to CRO': {names.ASSISTANT}"
    assert info.value.exit_code == 2


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Assistant Sales Manager", "manager"),  # an assistant manager: a manager
        ("Assistant Regional Sales Manager", "rsm"),
        ("Assistant Director of Sales", "director"),
        ("AVP Sales", "vp"),
        ("Assistant Vice President, Sales", "vp"),
    ],
)
def test_an_assistant_manager_is_still_a_manager(bundled: Catalog, title: str, role: str) -> None:
    assert bundled.read(title).role == role


# --- level words ---------------------------------------------------------------------------

LEVELS = [
    ("SVP of Sales", ("SVP",)),
    ("EVP Sales", ("EVP",)),
    ("AVP Sales", ("AVP",)),
    ("GVP Sales", ("GVP",)),
    ("Senior Vice President of Sales", ("Senior",)),
    ("Executive Vice President, Sales", ("Executive",)),
    ("Assistant Vice President, Sales", ("Assistant",)),
    ("Area Vice President, Sales", ("Area",)),
    ("Group VP Sales", ("Group",)),
    ("Global Vice President of Sales", ("Global",)),
    ("Regional Vice President of Sales", ("Regional",)),
    ("Senior Executive Vice President - Sales", ("Senior", "Executive")),
]


@pytest.mark.parametrize(("title", "level"), LEVELS, ids=[t for t, _ in LEVELS])
def test_level_words_map_to_the_vp_and_are_kept_apart(
    bundled: Catalog, title: str, level: tuple[str, ...]
) -> None:
    reading = bundled.read(title)
    assert (reading.role, reading.level) == ("vp", level)
    assert not set(level) & set(reading.set_aside)


def test_global_is_a_level_only_next_to_vice_president(bundled: Catalog) -> None:
    reading = bundled.read("SVP, Global Sales")
    assert (reading.level, reading.set_aside) == (("SVP",), ("Global",))
    assert bundled.read("Global Head of Sales").level == ()


def test_match_carries_the_level(bundled: Catalog) -> None:
    match = bundled.match("EVP Sales")
    assert (match.role.id, match.level, match.set_aside) == ("vp", ("EVP",), ())


# --- eight languages ----------------------------------------------------------------------------

LANGUAGES = [
    # German: gender markers, inclusive endings, compounds, the feminine form
    ("Vertriebsleiter (m/w/d)", "head", "de", ("(m/w/d)",)),
    ("Vertriebsleiter:in", "head", "de", (":in",)),
    ("Vertriebsleiter*in", "head", "de", ("*in",)),
    ("Vertriebsleiter/-in", "head", "de", ("/-in",)),
    ("VertriebsleiterIn – Remote", "head", "de", ("In", "Remote")),
    ("Vertriebsleiterin", "head", "de", ()),
    ("Leiter Vertrieb DACH (m/w/d)", "head", "de", ("DACH", "(m/w/d)")),
    ("Gebietsverkaufsleiter:in", "rsm", "de", (":in",)),  # the dataset lists the -in form
    ("Senior Vertriebsdirektor (w/m/d)", "director", "de", ("Senior", "(w/m/d)")),
    # French
    ("Directeur Commercial H/F", "director", "fr", ("H/F",)),
    ("Directrice commerciale - CDI", "director", "fr", ("CDI",)),
    ("Directeur·rice des ventes", "director", "fr", ("·rice",)),
    ("Directeur commercial régional", "director", "fr", ("régional",)),
    # Spanish
    ("Director/a Comercial (h/m)", "director", "es", ("/a", "(h/m)")),
    ("Directora de Ventas - Madrid", "director", "es", ("Madrid",)),
    ("Director Comercial Regional", "director", "es", ("Regional",)),
    # Italian
    ("Direttore Commerciale (m/f)", "director", "it", ("(m/f)",)),
    ("Direttrice commerciale Nord Italia", "director", "it", ("Nord", "Italia")),
    ("Area Manager Nord Italia", "rsm", "it", ("Nord", "Italia")),
    # Dutch
    ("Commercieel Directeur (m/v)", "cco", "nl", ("(m/v)",)),
    ("Verkoopleider M/V", "manager", "nl", ("M/V",)),
    # Portuguese
    ("Diretor(a) Comercial", "director", "pt", ("(a)",)),
    ("Gerente de Vendas - Remoto", "manager", "pt", ("Remoto",)),
    # Polish
    ("Dyrektor Sprzedaży (k/m)", "director", "pl", ("(k/m)",)),
    ("Dyrektor ds. sprzedaży", "director", "pl", ()),
    ("Dyrektorka sprzedaży", "director", "pl", ()),
    ("Kierownik sprzedaży m/k", "manager", "pl", ("m/k",)),
    # Swedish
    ("Försäljningschef", "head", "sv", ()),
    ("Chef för försäljning", "head", "sv", ()),
    ("Säljchef till Stockholm", "manager", "sv", ("Stockholm",)),
]


@pytest.mark.parametrize(
    ("title", "role", "lang", "aside"), LANGUAGES, ids=[t for t, _, _, _ in LANGUAGES]
)
def test_titles_in_other_languages_read_like_english_ones(
    titled: Catalog, title: str, role: str, lang: str, aside: tuple[str, ...]
) -> None:
    reading = titled.read(title)
    assert (reading.role, reading.lang, reading.set_aside) == (role, lang, aside)
    assert reading.how == "other language"


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Directeur général", "Directeur general"),
        ("Dyrektor sprzedaży", "Dyrektor sprzedazy"),
        ("Vertriebsleiter:in", "Vertriebsleiter"),
        ("Vertriebsleiter*in", "Vertriebsleiter"),
        ("VertriebsleiterIn", "Vertriebsleiter"),
        ("Vertriebsleiterin", "Leiter Vertrieb"),
        ("Leiter für Vertrieb und Marketing", "Leiter Vertrieb Marketing"),
        ("Directeur des ventes et du marketing", "directeur ventes marketing"),
        ("Director de Ventas y Marketing", "director ventas marketing"),
        ("Responsabile dell'area vendite", "responsabile area vendite"),
        ("Hoofd van de verkoop", "hoofd verkoop"),
        ("Diretor de Vendas e Marketing", "diretor vendas marketing"),
        ("Dyrektor ds. Sprzedaży i Marketingu", "Dyrektor Sprzedaży Marketingu"),
        ("Chef för försäljning och marknad", "Försäljningschef marknad"),
        ("Salesmanager", "Sales Manager"),
        ("Directrice commerciale", "Directeur commercial"),
    ],
)
def test_glue_words_accents_and_word_forms_fold_away(one: str, other: str) -> None:
    assert names.key(one) == names.key(other)


def test_an_english_dataset_title_spelled_as_one_word_reads_as_english(titled: Catalog) -> None:
    reading = titled.read("Salesmanager")
    assert (reading.role, reading.how, reading.lang) == ("manager", "exact", "en")


@pytest.mark.parametrize(
    ("title", "role", "fixes"),
    [
        ("Direttore Comerciale", "director", (("Comerciale", "commercial"),)),
        ("Dyrektor sprzedarzy", "director", (("sprzedarzy", "sprzedazy"),)),
    ],
)
def test_typos_are_corrected_in_other_languages_too(
    titled: Catalog, title: str, role: str, fixes: tuple[tuple[str, str], ...]
) -> None:
    reading = titled.read(title)
    assert (reading.role, reading.corrected) == (role, fixes)


# --- titles outside sales ----------------------------------------------------------------------

FALSE_FRIENDS = [
    "Purchasing Director",
    "Purchasing Manager",
    "Head of Procurement",
    "Procurement Manager – Remote",
    "Einkaufsleiter (m/w/d)",
    "Directeur des achats H/F",
    "Jefe de Compras",
    "Responsabile Acquisti",
    "Chief Marketing Officer",
    "Marketing Director",
    "Director of Marketing",
    "Head of Marketing EMEA",
    "Marketingleiter (m/w/d)",
    "Directeur Marketing H/F",
]


@pytest.mark.parametrize("title", FALSE_FRIENDS)
def test_purchasing_and_marketing_leaders_match_nothing(
    bundled: Catalog, titled: Catalog, title: str
) -> None:
    assert bundled.read(title).role is None
    reading = titled.read(title)
    assert (reading.role, reading.how) == (None, "none")
    assert reading.reason and reading.reason.startswith(("Purchasing: ", "Marketing: "))


def test_a_fuller_dataset_title_wins_over_a_phrase_outside_sales(titled: Catalog) -> None:
    # "marketing director" is outside, but the whole title is the sales-and-marketing role
    reading = titled.read("Senior Director of Sales & Marketing")
    assert (reading.role, reading.set_aside) == ("dsm", ("Senior",))


def test_a_phrase_outside_sales_wins_over_setting_aside_its_words(titled: Catalog) -> None:
    # "Sales Manager" matches once "Partner" is set aside; "partner manager" is outside
    reading = titled.read("Partner Sales Manager")
    assert reading.reason == "Partner management: Looks after partners; leads no sellers."


def test_a_title_holding_two_phrases_outside_sales_gets_the_first_reason(
    titled: Catalog,
) -> None:
    for title, first in [
        ("Marketing Director, Procurement Manager", "Marketing: "),
        ("Procurement Manager, Marketing Director", "Purchasing: "),
    ]:
        assert (titled.read(title).reason or "").startswith(first)


def test_chief_risk_officer_gets_its_reason_and_cro_alone_its_other_meanings(
    titled: Catalog,
) -> None:
    assert titled.read("Chief Risk Officer").reason == (
        "Risk: Manages risk; CRO here is not revenue."
    )
    reading = titled.read("CRO")
    assert (reading.role, reading.how) == ("cro", "exact")
    assert reading.acronym and "Chief Risk Officer" in reading.acronym


# --- how each reading was reached, and the alternatives ------------------------------------

HOWS = [
    ("Head of Sales", "head", "exact", "titled"),
    ("head", "head", "exact", "titled"),  # the id
    ("hos", "head", "alias", "bundled"),
    ("Outside Sales Representative", "rep", "alias", "bundled"),  # a listed English title
    ("Sr. Director of Sales EMEA", "director", "qualifiers set aside", "titled"),
    ("Dircetor of Sales", "director", "typo corrected", "titled"),
    ("Vertriebsleiter", "head", "other language", "titled"),
    ("Sales Development Representative (SDR) - Remote", "rep", "nearest role", "titled"),
    ("Area Vice President", "vp", "nearest role", "titled"),
    ("chief", None, "ambiguous", "bundled"),
    ("Astronaut", None, "none", "titled"),
]


@pytest.mark.parametrize(("title", "role", "how", "data"), HOWS, ids=[h[0] for h in HOWS])
def test_every_reading_says_how_it_was_reached(
    request: pytest.FixtureRequest, title: str, role: str | None, how: str, data: str
) -> None:
    reading = request.getfixturevalue(data).read(title)
    assert (reading.role, reading.how) == (role, how)


@pytest.mark.parametrize(
    ("title", "read_as"),
    [
        ("Account Executive", "Account Executive"),  # an alias that is also a listed title
        ("ae", "Sales Representative"),  # an alias alone: the role's title
        ("Director, Sales", "Director of Sales"),
        ("SVP of Sales", "SVP of Sales"),
    ],
)
def test_read_as_is_the_name_the_title_matched(bundled: Catalog, title: str, read_as: str) -> None:
    assert bundled.read(title).read_as == read_as


def test_every_kind_of_reading_is_named() -> None:
    assert set(get_args(names.How)) == {
        "exact",
        "alias",
        "qualifiers set aside",
        "typo corrected",
        "other language",
        "nearest role",
        "ambiguous",
        "none",
    }


def test_a_title_beside_a_role_carries_its_note(titled: Catalog) -> None:
    reading = titled.read("Sales Development Representative (SDR) - Remote")
    assert reading.note == "Books meetings for account executives; closes no deals."
    assert reading.set_aside == ("SDR", "Remote")
    match = titled.match("Area Vice President")
    assert (match.role.id, match.how, match.level) == ("vp", "nearest role", ("Area",))
    assert match.note == "Runs one region's sales under the vice president."


def test_a_title_listed_beside_another_role_is_an_alternative(titled: Catalog) -> None:
    reading = titled.read("Account Manager")
    assert reading.role == "rep"  # cco lists it only with a note
    assert reading.alternatives == (names.Alternative("cco", "also listed for this title"),)


def test_alternatives_say_which_words_they_share(bundled: Catalog) -> None:
    reading = bundled.read("Director of Sales and Marketing")
    assert reading.role == "dsm"
    assert reading.alternatives == (
        names.Alternative("director", "shares the words director, sales"),
    )
    assert bundled.read("Regional Sales Manager").alternatives == (
        names.Alternative("manager", "shares the words sales, manager"),
    )


def test_an_ambiguous_title_lists_its_candidates_as_alternatives(bundled: Catalog) -> None:
    reading = bundled.read("chief")
    assert reading.candidates == ("cco", "cro", "cso")
    assert [a.role for a in reading.alternatives] == ["cco", "cro", "cso"]


def test_at_most_three_alternatives(bundled: Catalog) -> None:
    for title in ("chief", "Regional Sales Director of Sales and Marketing", "Salse Manger"):
        assert len(bundled.read(title).alternatives) <= 3


# --- read never raises; the index carries what reading needs ----------------------------------


@pytest.mark.parametrize("title", ["", "   ", "—", "(m/w/d)", "x" * 5000, "\x00\x1b[31m"])
def test_read_never_raises_and_says_none(bundled: Catalog, title: str) -> None:
    reading = bundled.read(title)
    assert (reading.role, reading.how) == (None, "none")


@cache
def _bundled() -> Catalog:
    """The bundled catalog for hypothesis tests (which take no function-scoped fixtures)."""
    return load.load(use_cache=False)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_any_text_reads_without_error(text: str) -> None:
    reading = _bundled().read(text)
    assert reading.how in get_args(names.How)
    assert (reading.role is None) == (reading.how in ("none", "ambiguous"))
    assert len(reading.alternatives) <= 3


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["Executive Assistant to", "EA to", "Chief of Staff to", "Assistant to"]),
    st.sampled_from(["the VP of Sales", "CRO", "Head of Sales", "the Sales Director"]),
    st.sampled_from(["", " (m/w/d)", " - Remote", " | SaaS", ", EMEA"]),
)
def test_no_assistant_title_ever_lands_on_a_role(who: str, to: str, noise: str) -> None:
    assert _bundled().read(f"{who} {to}{noise}").role is None


def test_the_index_carries_language_note_and_outside_phrases(titled: Catalog) -> None:
    index = compile_index(titled.dataset)
    assert index["rules"] == names.RULES
    (sdr,) = index["real_titles"][names.key("Sales Development Representative")]
    assert sdr[:3] == ("rep", "en", "Books meetings for account executives; closes no deals.")
    assert index["real_titles"][names.key("Vertriebsleiter")] == [
        ("head", "de", None, "Vertriebsleiter")
    ]
    phrase = names.key("Einkaufsleiter")
    held = index["outside_phrases"][phrase.split()[0]]
    assert (phrase, "Purchasing", "Buys for the company; it sells nothing.") in held


def test_an_index_made_by_other_rules_is_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SALESROLES_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "titles.toml"
    path.write_bytes(TITLES.read_bytes())
    load.load(path)
    (entry,) = (tmp_path / "cache").glob("*.json")
    meta, index = read_entry(entry)
    index["real_titles"] = {}  # what an index of other rules could hold: other keys
    write_entry(entry, meta, index)
    assert load.load(path).read("Vertriebsleiter").role is None  # served from the cache
    write_entry(entry, meta, {**index, "rules": "older"})
    assert load.load(path).read("Vertriebsleiter").role == "head"  # validated again
    assert read_entry(entry)[1]["rules"] == names.RULES
    assert set(INDEX) == set(compile_index(load.load(path).dataset))
