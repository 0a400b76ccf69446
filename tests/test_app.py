"""The full-screen app, driven headless by Textual's pilot: every flow, on two datasets."""

from __future__ import annotations

import asyncio
import html
import os
import re
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from salesroles import queries
from salesroles.advise import advise
from salesroles.app.app import SalesRolesApp
from salesroles.app.screens.advise import AdviseScreen, choice_label
from salesroles.app.screens.career import CareerScreen, TargetPicker
from salesroles.app.screens.compare import CompareScreen
from salesroles.app.screens.detail import DetailScreen
from salesroles.app.screens.export import ExportDialog
from salesroles.app.screens.help import KEYS, HelpScreen
from salesroles.app.screens.profile import ProfileScreen
from salesroles.app.screens.roles import RolesScreen
from salesroles.app.widgets.result_view import ResultView
from salesroles.dataset import load
from salesroles.models import DIMENSIONS, GLANCE_DIMENSIONS
from salesroles.questions import QUESTIONS
from salesroles.render import words
from salesroles.results import CareerPath, Comparison

from .conftest import ROOT, run

HOSTILE = ROOT / "tests" / "fixtures" / "hostile.toml"
Script = Callable[[Pilot[None]], Awaitable[None]]


def drive(
    script: Script,
    roles: Sequence[str] = (),
    *,
    data: Path | None = None,
    size: tuple[int, int] = (100, 30),
    color: bool = True,
) -> SalesRolesApp:
    """Run the app headless at ``size``, let ``script`` drive it, return the app.

    ``color=False`` is what ``--no-color`` does: NO_COLOR for the app's run.
    """
    catalog = load.load(data)
    ids = [catalog.resolve(name).id for name in roles]
    saved = os.environ.get("NO_COLOR")
    if not color:
        os.environ["NO_COLOR"] = "1"
    try:
        app = SalesRolesApp(catalog, ids)
    finally:
        if saved is None:
            os.environ.pop("NO_COLOR", None)

    async def go() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await script(pilot)

    asyncio.run(go())
    return app


def screen_text(app: SalesRolesApp) -> str:
    """What the terminal shows, line by line, read from Textual's own screenshot."""
    svg = app.export_screenshot()
    lines: dict[int, list[tuple[float, str]]] = {}
    pattern = r'<text class="[^"]*" x="([\d.]+)" y="[\d.]+"[^>]*line-(\d+)\)">(.*?)</text>'
    for x, line, text in re.findall(pattern, svg):
        lines.setdefault(int(line), []).append((float(x), html.unescape(text)))
    out = []
    for number in sorted(lines):
        row = ""
        for x, text in sorted(lines[number]):
            row = row.ljust(round(x / 12.2)) + text
        out.append(row.replace("\xa0", " ").rstrip())
    return "\n".join(out)


async def typed(pilot: Pilot[None], text: str) -> None:
    await pilot.press(*["space" if c == " " else c for c in text])
    await pilot.pause()


def shown_ids(app: SalesRolesApp) -> list[str]:
    screen = app.screen
    assert isinstance(screen, RolesScreen)
    return [r.id for r in screen.shown]


# --- the roles list -------------------------------------------------------------


def test_opens_on_every_role_with_id_title_and_scope() -> None:
    async def script(pilot: Pilot[None]) -> None:
        text = screen_text(pilot.app)  # type: ignore[arg-type]
        assert "Sales Representative" in text and "Chief Commercial Officer" in text
        assert "company" in text and "team" in text
        assert "10 roles" in text

    app = drive(script)
    assert app.return_code is None or app.return_code == 0


@pytest.mark.parametrize(
    ("typed_text", "expected"),
    [
        ("revenue", ["cro"]),  # a word of the title
        ("account exec", ["rep"]),  # an alias, spaces for dashes
        ("DOS", ["director"]),  # an alias, any case
        ("inside salesperson", ["rep"]),  # a real-world title the dataset knows
        ("director of sales", ["director", "dsm"]),
        ("Vice President, Sales", ["vp"]),  # read as `which` reads a title
        ("Sr. Director, Sales EMEA", ["director"]),  # qualifiers set aside
        ("zzz", []),
    ],
)
def test_slash_filters_as_you_type(typed_text: str, expected: list[str]) -> None:
    seen: list[list[str]] = []

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("slash")
        await typed(pilot, typed_text)
        seen.append(shown_ids(pilot.app))  # type: ignore[arg-type]
        await pilot.press("escape")  # clears the filter
        await pilot.pause()
        seen.append(shown_ids(pilot.app))  # type: ignore[arg-type]

    drive(script)
    assert seen[0] == expected
    assert len(seen[1]) == 10


def test_filtering_narrows_with_each_key() -> None:
    counts: list[int] = []

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("slash")
        for key in "chief":
            await pilot.press(key)
            await pilot.pause()
            counts.append(len(shown_ids(pilot.app)))  # type: ignore[arg-type]

    drive(script)
    assert counts[-1] == 3  # cso, cro, cco
    assert counts == sorted(counts, reverse=True)


def test_enter_opens_the_highlighted_role_and_esc_comes_back() -> None:
    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("j", "j", "enter")  # the third role: rsm
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, ProfileScreen)
        assert screen.role_id == "rsm"
        assert "Regional Sales Manager (rsm)" in screen_text(pilot.app)  # type: ignore[arg-type]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, RolesScreen)

    drive(script)


def test_mouse_click_highlights_a_role_and_a_second_click_opens_it() -> None:
    async def script(pilot: Pilot[None]) -> None:
        table = pilot.app.screen.query_one(DataTable)
        await pilot.click(DataTable, offset=(5, table.header_height + 1))  # second row
        await pilot.pause()
        assert table.cursor_row == 1
        assert isinstance(pilot.app.screen, RolesScreen)
        await pilot.click(DataTable, offset=(5, table.header_height + 1))
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, ProfileScreen)
        assert screen.role_id == "manager"

    drive(script)


# --- marking and comparing --------------------------------------------------------


def test_space_marks_and_c_compares_side_by_side() -> None:
    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("slash")
        await typed(pilot, "hos")
        await pilot.press("down", "space", "escape")  # mark head, clear the filter
        await pilot.press("slash")
        await typed(pilot, "dos")
        await pilot.press("enter", "space")  # back to the list, mark director
        await pilot.pause()
        roles = pilot.app.screen
        assert isinstance(roles, RolesScreen)
        assert roles.marked == ["head", "director"]
        await pilot.press("c")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.role_ids == ("head", "director")
        text = screen_text(pilot.app)  # type: ignore[arg-type]
        header = next(line for line in text.splitlines() if "Head of Sales (head)" in line)
        assert "Director of Sales" in header  # the two columns side by side
        scope = next(line for line in text.splitlines() if "Scope" in line)
        assert "company ·" in scope and "division ·" in scope  # one row, aligned

    drive(script)


def test_compare_needs_two_to_four_marked_roles() -> None:
    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("space", "c")
        await pilot.pause()
        assert isinstance(pilot.app.screen, RolesScreen)  # one marked: nothing opens
        for _ in range(4):
            await pilot.press("down", "space")
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(pilot.app.screen, RolesScreen)  # five marked: too many
        await pilot.press("space", "c")  # unmark the fifth
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.role_ids == ("rep", "manager", "rsm", "director")

    drive(script)


def test_d_and_a_toggle_differences_and_all_dimensions() -> None:
    states: list[Comparison] = []

    async def script(pilot: Pilot[None]) -> None:
        screen = pilot.app.screen
        assert isinstance(screen, CompareScreen)
        for key in ("a", "d", "a", "d"):
            await pilot.press(key)
            await pilot.pause()
            states.append(screen.shown)

    drive(script, ["head", "director"])
    every, every_diff, glance_diff, glance = states
    assert [r.dimension for r in every.rows] == list(DIMENSIONS)
    assert every_diff.diff_only and all(r.differs for r in every_diff.rows)
    assert len(every_diff.rows) < len(DIMENSIONS)
    assert {r.dimension for r in glance_diff.rows} <= set(GLANCE_DIMENSIONS)
    assert [r.dimension for r in glance.rows] == list(GLANCE_DIMENSIONS)


def test_compare_shows_what_the_cli_shows_and_the_contrasts() -> None:
    async def script(pilot: Pilot[None]) -> None:
        text = screen_text(pilot.app)  # type: ignore[arg-type]
        assert "Differences only" not in text
        view = pilot.app.screen.query_one("#view", ResultView)
        for _ in range(5):  # the mouse wheel scrolls the table, columns and all
            view.post_message(events.MouseScrollDown(view, 1, 1, 0, 0, 0, False, False, False))
        await pilot.pause()
        assert view.scroll_offset.y > 0
        await pilot.press("end")  # and so do the keys
        await pilot.pause()
        assert "Key differences" in view.text()  # the differences the sources draw
        last = view.text().strip().splitlines()[-1].strip()
        assert last in screen_text(pilot.app)  # type: ignore[arg-type]

    screens: list[CompareScreen] = []

    async def keep(pilot: Pilot[None]) -> None:
        screen = pilot.app.screen
        assert isinstance(screen, CompareScreen)
        screens.append(screen)
        await script(pilot)

    drive(keep, ["head", "director"])
    screen = screens[0]
    data = load.load()
    chosen = [data.roles["head"], data.roles["director"]]
    cli = queries.compare(data, chosen, GLANCE_DIMENSIONS)
    assert [r.dimension for r in screen.shown.rows] == [r.dimension for r in cli.rows]
    assert [c.text for c in screen.shown.differences] == [c.text for c in cli.differences]
    assert cli.differences


def test_opens_straight_on_roles_given() -> None:
    async def script(pilot: Pilot[None]) -> None:
        screen = pilot.app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.role_ids == ("vp", "cro")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, RolesScreen)

    drive(script, ["vp-sales", "Chief Revenue Officer"])

    async def one(pilot: Pilot[None]) -> None:
        screen = pilot.app.screen
        assert isinstance(screen, ProfileScreen)
        assert screen.role_id == "head"

    drive(one, ["hos"])


# --- profile and sources ------------------------------------------------------------


def test_profile_folds_away_uncovered_dimensions_and_marks_every_point() -> None:
    async def script(pilot: Pilot[None]) -> None:
        screen = pilot.app.screen
        assert isinstance(screen, ProfileScreen)
        view = screen.query_one("#view", ResultView).text()
        uncovered = [r.dimension for r in screen.shown.rows if r.cells[0] is None]
        assert uncovered  # the rep's profile has gaps, folded into one line
        assert "Not covered by the sources:" in view
        assert "not covered by the sources" not in view.replace("Not covered", "")
        assert re.search(r"\[1\]", view)  # source markers
        assert "Sources: [1] " in view  # and the sources they number
        covered = [r for r in screen.shown.rows if r.cells[0] is not None]
        for row in covered:  # a headline for every covered row, at a glance
            headline = row.cells[0].headline  # type: ignore[union-attr]
            assert headline is not None
            assert " ".join(headline.text.split()[:3]) in " ".join(view.split())

    drive(script, ["rep"])


def test_s_shows_the_sources_pane() -> None:
    async def script(pilot: Pilot[None]) -> None:
        pane = pilot.app.screen.query_one("#sources")
        assert not pane.display
        await pilot.press("s")
        await pilot.pause()
        assert pane.display
        text = screen_text(pilot.app)  # type: ignore[arg-type]
        assert "s hides them" in text
        listed = pane.text()  # type: ignore[attr-defined]
        view = pilot.app.screen.query_one("#view", ResultView).text()
        numbers = set(re.findall(r"\[(\d+)\]", view))
        assert numbers and numbers == set(re.findall(r"^\[(\d+)\] ", listed, re.M))
        assert "https://" in listed  # whole URLs, numbered as the view's markers are
        await pilot.press("s")
        await pilot.pause()
        assert not pane.display

    drive(script, ["manager"])


# --- career -------------------------------------------------------------------------


def test_g_shows_the_ladder_and_enter_recentres() -> None:
    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("j", "j", "j", "g")  # director
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, CareerScreen)
        assert screen.centre.id == "director"
        text = screen_text(pilot.app)  # type: ignore[arg-type]
        assert "Comes from" in text and "Leads to" in text
        # move down to the first role the director leads to, then re-centre on it
        tree = screen.query_one("#ladder")
        leads = [e.target for e in screen.catalog.moves_from("director")]
        for _ in range(12):
            node = tree.cursor_node  # type: ignore[attr-defined]
            data = None if node is None else node.data
            if data is not None and data.id == leads[0] and node.parent.parent is not None:
                break
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.centre.id == leads[0]
        await pilot.press("escape")  # back to the director
        await pilot.pause()
        assert screen.centre.id == "director"

    drive(script)


def test_t_shows_the_shortest_path_with_each_moves_steps() -> None:
    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("g", "t")
        await pilot.pause()
        picker = pilot.app.screen
        assert isinstance(picker, TargetPicker)
        await pilot.press(*["down"] * 8, "enter")  # the last role: cco
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, CareerScreen)
        assert screen.goal is not None
        shown = screen.shown
        assert isinstance(shown, CareerPath)
        cli = queries.career_path(screen.catalog, screen.catalog.roles["rep"], screen.goal)
        assert [(s.source.id, s.target[0].id) for s in shown.steps or ()] == [
            (s.source.id, s.target[0].id) for s in cli.steps or ()
        ]
        text = screen_text(pilot.app)  # type: ignore[arg-type]
        assert "Sales Representative →" in text
        await pilot.press("escape")  # from the path back to the ladder
        await pilot.pause()
        assert screen.goal is None

    drive(script)


@pytest.mark.parametrize("role_id", list(load.load().order))
def test_the_career_screen_at_80x24_clips_no_title(role_id: str) -> None:
    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("g")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, CareerScreen)
        text = screen_text(pilot.app)  # type: ignore[arg-type]
        ladder = screen.query_one("#ladder")
        assert ladder.virtual_size.width <= ladder.size.width  # nothing to scroll sideways
        for line in (*screen.careers.comes_from, *screen.careers.leads_to):
            for role in line.roles:
                if line.depth == 1:
                    assert f"{role.title} ({role.id})" in text, role.id  # the ladder, whole
        view = screen.query_one("#view", ResultView)
        assert view.virtual_size.width <= view.size.width
        assert not re.search(r"^ *\d+\. ", view.text(), re.M)  # depth is no numbered list

    drive(script, [role_id], size=(80, 24))


# --- advise -------------------------------------------------------------------------


def expected_advice(answers: dict[str, str]) -> tuple[str | None, str | None]:
    advice = advise(load.load(), answers)
    best, second = advice.best, advice.runner_up
    return (best and best.role.id), (second and second.role.id)


def defaults() -> dict[str, str]:
    return {name: question.default for name, question in QUESTIONS.items()}


def test_advise_updates_as_you_answer() -> None:
    picks: list[tuple[str | None, str | None]] = []
    texts: list[str] = []

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("h")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, AdviseScreen)

        def now() -> tuple[str | None, str | None]:
            best, second = screen.shown.best, screen.shown.runner_up
            return (best and best.role.id), (second and second.role.id)

        picks.append(now())
        await pilot.press("down", "down", "enter")  # the keyboard: from small to large
        await pilot.pause()
        assert screen.answers["size"] == "large"
        for name, choice in (("horizon", "long"), ("scope", "company"), ("budget", "yes")):
            label = "○ " + choice_label(name, choice)
            lines = screen_text(pilot.app).splitlines()  # type: ignore[arg-type]
            row = next(n for n, line in enumerate(lines) if label in line)
            await pilot.click(offset=(lines[row].index(label) + 2, row))  # the mouse
            await pilot.pause()
            assert screen.answers[name] == choice
        picks.append(now())
        texts.append(screen_text(pilot.app))  # type: ignore[arg-type]
        await pilot.press("c")  # compare the two
        await pilot.pause()
        compare = pilot.app.screen
        assert isinstance(compare, CompareScreen)
        assert compare.role_ids == picks[-1]

    drive(script, size=(100, 50))
    answers = defaults()
    assert picks[0] == expected_advice(answers)
    answers |= {"size": "large", "horizon": "long", "scope": "company", "budget": "yes"}
    assert picks[1] == expected_advice(answers) == ("head", "vp") != picks[0]
    assert "● large company" in texts[0] and "○ small company" in texts[0]
    assert "Recommended hire: Head of Sales (head)" in texts[0]


def test_advise_tab_and_arrows_move_between_questions_space_and_enter_choose() -> None:
    """Tab and Shift+Tab, ← and →, go from question to question; ↑ ↓ past a question's
    last or first choice go on to the next or previous one; Space and Enter choose."""
    seen: list[tuple[str, str]] = []
    shown: list[tuple[str | None, str | None]] = []

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("h")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, AdviseScreen)

        def where() -> tuple[str, str]:
            focused = pilot.app.focused
            question = getattr(focused, "question", "")
            highlighted = getattr(focused, "highlighted", None)
            assert highlighted is not None
            return question, QUESTIONS[question].choices[highlighted]

        async def press(*keys: str) -> None:
            await pilot.press(*keys)
            await pilot.pause()
            seen.append(where())

        seen.append(where())  # size, on its chosen answer
        await press("up")  # founding
        await press("space")  # chosen with Space
        assert screen.answers["size"] == "founding"
        await press("tab")  # horizon, on its chosen answer
        await press("tab")  # scope
        await press("shift+tab")  # back to horizon
        await press("right")  # scope again
        await press("down", "down", "enter")  # the whole company, chosen with Enter
        assert screen.answers["scope"] == "company"
        await press("down")  # past the last choice: budget, on its first choice
        await press("left")  # back to scope, on its chosen answer
        await press("up", "up", "up")  # past the first choice: horizon, on its last
        await press("right", "right", "right", "down", "space")  # team: no
        assert screen.answers["team"] == "no"
        shown.append((screen.shown.best and screen.shown.best.role.id, None))

    drive(script, size=(100, 50))
    assert seen == [
        ("size", "small"),
        ("size", "founding"),
        ("size", "founding"),
        ("horizon", "short"),
        ("scope", "team"),
        ("horizon", "short"),
        ("scope", "team"),
        ("scope", "company"),
        ("budget", "yes"),
        ("scope", "company"),
        ("horizon", "long"),
        ("team", "no"),
    ]
    answers = defaults() | {"size": "founding", "scope": "company", "team": "no"}
    assert shown == [(expected_advice(answers)[0], None)]  # the advice followed every answer
    assert expected_advice(answers)[0] == "rep"


def test_advise_reads_the_questions_from_the_words() -> None:
    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("h")
        await pilot.pause()
        text = screen_text(pilot.app).replace("\n", " ")  # type: ignore[arg-type]
        for name, question in words.QUESTIONS.items():
            assert question in text
            for choice in QUESTIONS[name].choices:
                assert choice_label(name, choice) in text

    drive(script, size=(120, 60))


# --- export -------------------------------------------------------------------------


def export(pilot: Pilot[None]) -> Awaitable[None]:
    return pilot.press("e")


def test_export_writes_the_markdown_the_cli_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("d", "e")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.query_one(Input).value == "salesroles-compare-head-director.md"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, CompareScreen)

    drive(script, ["head", "director"])
    written = (tmp_path / "salesroles-compare-head-director.md").read_text(encoding="utf-8")
    cli = run("compare", "head", "director", "--diff", "--format", "markdown")
    assert written == cli.stdout


def test_export_never_replaces_a_file_without_asking(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "salesroles-head.md"
    target.write_text("mine\n", encoding="utf-8")

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter")  # exists: asks
        await pilot.pause()
        assert isinstance(pilot.app.screen, ExportDialog)
        assert "already exists" in screen_text(pilot.app)  # type: ignore[arg-type]
        assert target.read_text(encoding="utf-8") == "mine\n"
        await pilot.press("escape")  # cancel: nothing written
        await pilot.pause()
        assert target.read_text(encoding="utf-8") == "mine\n"
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter", "enter")  # asked, and agreed
        await pilot.pause()

    drive(script, ["head"])
    assert target.read_text(encoding="utf-8") == run("show", "head", "--format", "markdown").stdout


def test_export_reports_a_file_it_cannot_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("e")
        await pilot.pause()
        pilot.app.screen.query_one(Input).value = str(tmp_path / "no" / "such" / "x.md")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ExportDialog)
        said = pilot.app.screen.query_one("#said", Static).render()
        assert "does not exist" in str(said)

    drive(script)
    assert not list(tmp_path.iterdir())


# --- help and quitting ----------------------------------------------------------------


def test_question_mark_lists_every_key_of_every_screen() -> None:
    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HelpScreen)
        text = screen_text(pilot.app)  # type: ignore[arg-type]
        assert "compare the marked roles" in text and "Esc" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, RolesScreen)

    drive(script, size=(100, 40))
    listed = " ".join(keys for keys, _, _ in KEYS).split()
    screens = (SalesRolesApp, RolesScreen, ProfileScreen, CompareScreen, CareerScreen)
    for owner in (*screens, AdviseScreen):
        for binding in owner.BINDINGS:
            assert not isinstance(binding, tuple)
            key = binding.key_display or binding.key  # type: ignore[union-attr]
            shown = {"escape": "Esc", "space": "Space", "ctrl+c": "Ctrl+C", "slash": "/"}
            assert shown.get(key, key) in listed, f"{owner.__name__}: {key}"


@pytest.mark.parametrize(("down", "up"), [("j", "k"), ("down", "up")])
def test_j_and_k_scroll_the_key_list(down: str, up: str) -> None:
    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("question_mark")
        await pilot.pause()
        keys = pilot.app.screen.query_one("#keys")
        assert keys.max_scroll_y > 0  # at 80x24 the list is taller than its dialog
        await pilot.press(*[down] * 3)
        await pilot.pause()
        assert keys.scroll_y == 3
        await pilot.press(up)
        await pilot.pause()
        assert keys.scroll_y == 2
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, RolesScreen)

    drive(script, size=(80, 24))


@pytest.mark.parametrize("key", ["q", "ctrl+c"])
def test_q_and_ctrl_c_quit_with_exit_0(key: str) -> None:
    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("g")  # from a screen further in
        await pilot.press(key)
        await pilot.pause()

    app = drive(script)
    assert app.return_code == 0
    assert not app.is_running


def test_q_in_the_filter_is_a_letter() -> None:
    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("slash", "q")
        await pilot.pause()
        assert pilot.app.is_running
        assert pilot.app.screen.query_one(Input).value == "q"

    drive(script)


# --- any dataset, shown literally -------------------------------------------------------


def test_hostile_text_is_shown_literally_everywhere(tmp_path: Path) -> None:
    texts: list[str] = []

    async def script(pilot: Pilot[None]) -> None:
        texts.append(screen_text(pilot.app))  # type: ignore[arg-type]
        await pilot.press("j", "enter", "s")  # boss's profile, with its sources
        await pilot.pause()
        texts.append(screen_text(pilot.app))  # type: ignore[arg-type]
        await pilot.press("escape", "space", "up", "space", "c")
        await pilot.pause()
        texts.append(screen_text(pilot.app))  # type: ignore[arg-type]
        await pilot.press("escape", "g")
        await pilot.pause()
        texts.append(screen_text(pilot.app))  # type: ignore[arg-type]
        await pilot.press("t", "enter")
        await pilot.pause()
        texts.append(screen_text(pilot.app))  # type: ignore[arg-type]
        await pilot.press("h")
        await pilot.pause()
        texts.append(screen_text(pilot.app))  # type: ignore[arg-type]

    drive(script, data=HOSTILE, size=(140, 40))
    listing, profile, compare, career, path, advice = texts
    for text in texts:
        assert "\x1b" not in text and "\u202e" not in text and "\x07" not in text
    assert "[bold]Boss[/bold] \\x1b[31mRed\\x1b[0m \\u202eevil" in listing
    assert "Team \\x1b[1mLead\\x1b[0m [reverse]x[/reverse]" in listing
    assert "Point [red]one[/red] \\x1b[31mred\\x1b[0m \\u202ereversed" in profile
    assert "[link=http://evil.example]Handbook[/link]" in profile
    assert "[italic]markup[/italic]" in profile
    assert "[bold]Boss[/bold]" in compare and "This [bold]quarter[/bold]." in compare
    assert "[bold]Boss[/bold]" in career
    assert "Step [bold]one[/bold] \\x1b[31m." in path
    assert "Recommended hire" in advice or "No role in the dataset fits" in advice


def test_the_filter_searches_a_datasets_own_names() -> None:
    seen: list[list[str]] = []

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("slash")
        await typed(pilot, "[bold]")
        seen.append(shown_ids(pilot.app))  # type: ignore[arg-type]

    drive(script, data=HOSTILE)
    assert seen == [["boss"]]


# --- colour, size, speed -----------------------------------------------------------------


WINDOW_BUTTONS = {"ff5f57", "febc2e", "28c840"}  # drawn by the SVG export, not the app


def fills(app: SalesRolesApp) -> set[str]:
    return set(re.findall(r'fill="#([0-9a-f]{6})"', app.export_screenshot())) - WINDOW_BUTTONS


def grey(colour: str) -> bool:
    r, g, b = (int(colour[i : i + 2], 16) for i in (0, 2, 4))
    return max(r, g, b) - min(r, g, b) <= 8


@pytest.mark.parametrize("how", ["NO_COLOR", "--no-color"])
def test_no_color_gives_a_colourless_app(how: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    if how == "NO_COLOR":
        monkeypatch.setenv("NO_COLOR", "1")
    holder: list[set[str]] = []

    async def script(pilot: Pilot[None]) -> None:
        holder.append(fills(pilot.app))  # type: ignore[arg-type]

    drive(script, ["head", "director"], color=how != "--no-color")
    assert holder[0] and all(grey(c) for c in holder[0])


def test_with_colour_the_app_has_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    holder: list[set[str]] = []

    async def script(pilot: Pilot[None]) -> None:
        holder.append(fills(pilot.app))  # type: ignore[arg-type]

    drive(script, ["head", "director"])
    assert not all(grey(c) for c in holder[0])  # so the check above can fail


@pytest.mark.parametrize("size", [(80, 24), (60, 15)])
def test_small_terminals_still_show_every_screen(size: tuple[int, int]) -> None:
    async def script(pilot: Pilot[None]) -> None:
        assert "Sales Representative" in screen_text(pilot.app)  # type: ignore[arg-type]
        await pilot.press("space", "down", "space", "c")
        await pilot.pause()
        assert "Scope" in screen_text(pilot.app)  # type: ignore[arg-type]
        for key in ("escape", "g", "escape", "h", "escape", "question_mark"):
            await pilot.press(key)
            await pilot.pause()
        assert isinstance(pilot.app.screen, HelpScreen)
        assert "move" in screen_text(pilot.app)  # type: ignore[arg-type]

    drive(script, size=size)


def test_toggling_a_comparison_reuses_the_views_drawn_while_reading(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Why toggles are instant (timed in benchmarks/app_steps.py): the other views are
    drawn while the user reads, so a toggle draws nothing new."""
    from salesroles.render import table as tables

    drawn: list[str] = []
    real = tables.build

    def counting(result: object, **options: object) -> object:
        drawn.append(type(result).__name__)
        return real(result, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(tables, "build", counting)

    async def script(pilot: Pilot[None]) -> None:
        await pilot.pause(1.0)  # reading: the three other views are prepared
        before = len(drawn)
        await pilot.press("a", "d", "a", "d")
        await pilot.pause()
        assert len(drawn) == before

    drive(script, ["head", "director"])


def test_the_app_turns_the_garbage_collector_back_on() -> None:
    import gc

    gc.disable()  # as the CLI does for a short run
    seen: list[bool] = []

    async def script(pilot: Pilot[None]) -> None:
        seen.append(gc.isenabled())

    try:
        drive(script)
    finally:
        gc.enable()
    assert seen == [True]


def test_a_bug_in_the_app_leaves_without_textuals_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(self: RolesScreen) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(RolesScreen, "action_compare", broken)
    apps: list[SalesRolesApp] = []

    async def script(pilot: Pilot[None]) -> None:
        apps.append(pilot.app)  # type: ignore[arg-type]
        await pilot.press("c")
        await pilot.pause()

    with pytest.raises(RuntimeError, match="a bug"):  # raised again for the CLI to report
        drive(script)
    assert apps[0].return_code == 1  # what ``salesroles.app.run`` reports as exit 70


def test_four_roles_at_80x24_are_side_by_side_and_cut_no_word() -> None:
    async def script(pilot: Pilot[None]) -> None:
        screen = pilot.app.screen
        assert isinstance(screen, CompareScreen)
        view = screen.query_one("#view", ResultView)
        header = view.text().splitlines()[0]
        for title in ("Sales Manager", "Director of", "Head of Sales", "Chief Sales"):
            assert title in header  # one line: columns, not roles stacked
        assert view.virtual_size.width <= view.size.width  # nothing to scroll sideways
        shown = set(view.text().split())
        for row in screen.shown.rows:
            for cell in row.cells:
                if cell is not None and cell.headline is not None:
                    assert set(cell.headline.text.split()) <= shown, cell.headline.text

    drive(script, ["manager", "director", "head", "cso"], size=(80, 24))


def test_enter_on_a_row_opens_its_every_point_and_esc_comes_back() -> None:
    async def script(pilot: Pilot[None]) -> None:
        screen = pilot.app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.mark == "scope"
        await pilot.press("down", "down")
        await pilot.pause()
        assert screen.mark == "reporting"
        await pilot.press("enter")
        await pilot.pause()
        detail = pilot.app.screen
        assert isinstance(detail, DetailScreen)
        result = detail.result()
        assert isinstance(result, Comparison) and result.detail
        assert [r.dimension for r in result.rows] == ["reporting"]
        text = detail.query_one("#view", ResultView).text()
        assert "•" in text and "Reports to:" in text  # every point, each with its source
        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.screen is screen and screen.mark == "reporting"
        await pilot.press("v")  # v does what Enter does
        await pilot.pause()
        assert isinstance(pilot.app.screen, DetailScreen)

    drive(script, ["head", "director"])


def test_a_query_that_refuses_is_a_notice_not_a_crash(tmp_path: Path) -> None:
    bare = tmp_path / "bare.toml"
    bare.write_text(
        'dataset_version = 2\n[[sources]]\nid = "s"\ntitle = "S"\nkind = "other"\n'
        '[[roles]]\nid = "a"\ntitle = "A"\nsummary = "One."\nsources = ["s"]\n'
        '[[roles]]\nid = "b"\ntitle = "B"\nsummary = "Two."\nsources = ["s"]\n',
        encoding="utf-8",
    )

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("h")  # advise needs structured values this dataset lacks
        await pilot.pause()
        assert isinstance(pilot.app.screen, RolesScreen)
        assert pilot.app.is_running
        notices = [n.message for n in pilot.app._notifications]
        assert any("advise needs roles with structured values" in m for m in notices)

    drive(script, data=bare)


def test_the_readme_key_table_is_the_apps_own() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### The full-screen app") :].split("\n## ")[0]
    rows = [line.split("|")[1] for line in section.splitlines() if line.startswith("| ")]
    in_readme = [cell.strip().replace("`", "").replace(", ", " / ") for cell in rows[1:]]
    assert in_readme == [keys for keys, _, _ in KEYS]
