"""Own datasets: data init / validate / export, --data and SALESROLES_DATA, extends, schema."""

from __future__ import annotations

import json
import os
import tomllib
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from salesroles.dataset import check, load
from salesroles.models import (
    Compensation,
    Dataset,
    Figure,
    Move,
    Point,
    Points,
    Role,
    Scope,
    Source,
    Title,
)
from salesroles.render.dataset import dump, file_values

from .conftest import FIXTURE, ROOT, run, write
from .helpers import (
    MINIMAL,
    SOURCES,
    assert_error,
    dataset,
    promotion,
    real,
    role,
)

# --- data init ---------------------------------------------------------------


def test_init_writes_a_commented_starter_that_validates(tmp_path: Path) -> None:
    path = tmp_path / "our-ladder.toml"
    result = run("data", "init", str(path))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "Edit it, then: salesroles data validate" in result.stderr
    text = path.read_text(encoding="utf-8")
    assert '# extends = "bundled"' in text
    assert text.count("[[roles]]") == 3
    checked = run("data", "validate", str(path))
    assert (checked.exit_code, checked.stdout) == (0, f"{path}: valid; 3 roles.\n")


def test_the_starter_also_validates_with_extends_switched_on(tmp_path: Path) -> None:
    path = tmp_path / "ladder.toml"
    run("data", "init", str(path))
    text = path.read_text(encoding="utf-8").replace('# extends = "bundled"', 'extends = "bundled"')
    path.write_text(text, encoding="utf-8")
    checked = run("data", "validate", str(path))
    assert checked.stdout == f"{path}: valid; with the bundled roles, 13 roles in all.\n"
    compared = run("--data", str(path), "compare", "ae", "manager", "--json")
    assert [r["id"] for r in json.loads(compared.stdout)["roles"]] == ["rep", "manager"]


def test_the_starter_shows_every_dimension_key() -> None:
    from salesroles.files import starter_text
    from salesroles.models import DIMENSIONS

    text = starter_text()
    for name in DIMENSIONS:
        if name not in ("career", "compensation"):
            assert name in text, name


def test_init_never_overwrites_without_force(tmp_path: Path) -> None:
    path = tmp_path / "ladder.toml"
    path.write_text("mine", encoding="utf-8")
    result = run("data", "init", str(path))
    assert result.exit_code == 1
    assert result.stderr == f"Error: '{path}' already exists; add --force to replace it.\n"
    assert path.read_text(encoding="utf-8") == "mine"
    assert run("data", "init", str(path), "--force").exit_code == 0
    assert "[[roles]]" in path.read_text(encoding="utf-8")


def test_init_into_a_missing_folder(tmp_path: Path) -> None:
    result = run("data", "init", str(tmp_path / "nope" / "x.toml"))
    assert result.exit_code == 1
    assert "does not exist" in result.stderr


# --- data validate: every error class, with its message ----------------------

HEAD = 'schema_version = 1\n[[sources]]\ntitle = "Ours"\nkind = "other"\n'


OURS = "source = 'Ours'\n"


def role_toml(role_id: str, title: str, extra: str = "") -> str:
    return (
        f'[[roles]]\nid = "{role_id}"\ntitle = "{title}"\nseniority = 1\n'
        f'summary = "x"\nsources = ["Ours"]\n{extra}'
    )


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("schema_version = 1\nroles = [\n  {id = 'a'\n", ":3:12: Unclosed inline table"),
        (
            HEAD + role_toml("a", "A").replace("title", "tittle"),
            ":7: roles[0].tittle: unknown key (did you mean 'title'?)",
        ),
        (
            HEAD + role_toml("a", "A", "[roles.scope]\nlevel = 'galaxy'\n"),
            ":12: roles[0].scope.level: input should be 'company', 'division', 'region' or 'team', "
            "not 'galaxy'",
        ),
        (
            HEAD
            + role_toml(
                "a", "A", "[[roles.career]]\nto = ['ghost']\nkind = 'promotion'\nsource = 'Ours'\n"
            ),
            ":12: roles[0].career[0].to[0]: no role has the id 'ghost'",
        ),
        (HEAD + role_toml("a", "A") + role_toml("a", "B"), ":12: roles[1].id: duplicate id 'a'"),
        (
            HEAD + role_toml("a", "A") + role_toml("b", "A"),
            ":13: roles[1].title: the name 'A' is already used by role 'a'",
        ),
        (
            HEAD + role_toml("a", "A").replace('["Ours"]', '["Theirs"]'),
            ":10: roles[0].sources[0]: no source has the id 'theirs' (see [[sources]])",
        ),
        (
            HEAD + role_toml("A b", "A"),
            ":6: roles[0].id: 'A b' must be lower-case letters, digits and dashes",
        ),
        (
            HEAD
            + role_toml(
                "a", "A", "[[roles.career]]\nto = ['b']\nkind = 'promotion'\nsource = 'Ours'\n"
            )
            + role_toml(
                "b", "B", "[[roles.career]]\nto = ['a']\nkind = 'promotion'\nsource = 'Ours'\n"
            ),
            ":22: roles[1].career[0].to: promotion to 'a' closes a loop back to a role "
            "it came from",
        ),
        (
            HEAD.replace("schema_version = 1", "schema_version = 9") + role_toml("a", "A"),
            ":1: schema_version: this salesroles reads dataset_version = 2 and files of "
            "schema_version = 1; the file says 9",
        ),
    ],
)
def test_validate_reports_each_problem_with_line_and_field(
    tmp_path: Path, content: str, expected: str
) -> None:
    path = write(tmp_path, content)
    result = run("data", "validate", path)
    assert result.exit_code == 1, result.stdout
    assert result.stdout == ""
    assert result.stderr.startswith(f"Error: Invalid dataset '{path}': ")
    assert f"  {path}{expected}" in result.stderr
    loaded = run("--data", path, "list")  # the same checks, the same words, on every load
    assert loaded.stderr == result.stderr


def test_every_problem_is_reported_in_one_run(tmp_path: Path) -> None:
    content = (
        HEAD
        + role_toml("a", "A").replace("title", "tittle")
        + role_toml("A", "B", "[roles.budget]\nlevel = 'lots'\n")
    )
    result = run("data", "validate", write(tmp_path, content))
    assert "3 problems" in result.stderr
    assert len(result.stderr.splitlines()) == 4


def test_messages_carry_no_pydantic_urls(tmp_path: Path) -> None:
    result = run(
        "data", "validate", write(tmp_path, HEAD + role_toml("a", "A", "seniority2 = 'x'\n"))
    )
    assert "pydantic" not in result.stderr and "http" not in result.stderr


# --- --data, SALESROLES_DATA, extends ----------------------------------------

EXTENDING = (
    'extends = "bundled"\nschema_version = 1\n'
    '[[sources]]\ntitle = "Ours"\nkind = "other"\n'
    + role_toml(
        "enterprise-ae",
        "Enterprise AE",
        "[[roles.career]]\nto = ['manager']\nkind = 'promotion'\nsource = 'Ours'\n",
    )
    + role_toml("head", "Head of Sales", "[roles.scope]\nlevel = 'region'\n")
)


def test_an_extending_file_adds_and_replaces_roles(tmp_path: Path) -> None:
    path = write(tmp_path, EXTENDING)
    listed = json.loads(run("--data", path, "list", "--json").stdout)
    ids = [r["id"] for r in listed["roles"]]
    assert "enterprise-ae" in ids and "cro" in ids and len(ids) == 11
    head = json.loads(run("--data", path, "show", "head", "--json").stdout)
    assert head["dimensions"]["scope"]["level"] == "region"  # replaced
    assert head["role"]["sources"] == ["ours"]  # a version-1 file: ids made from titles
    path_json = json.loads(
        run(
            "career", "enterprise-ae", "--to", "cro", "--json", env={"SALESROLES_DATA": path}
        ).stdout
    )
    assert [s["from"] for s in path_json["moves"]] == ["enterprise-ae", "manager", "director"]


def test_without_extends_a_file_stands_alone(tmp_path: Path) -> None:
    path = write(tmp_path, HEAD + role_toml("a", "A"))
    assert run("--data", path, "show", "manager").exit_code == 2
    assert [r["id"] for r in json.loads(run("--data", path, "list", "--json").stdout)["roles"]] == [
        "a"
    ]


def test_problems_in_an_extending_file_point_into_that_file(tmp_path: Path) -> None:
    content = EXTENDING.replace("to = ['manager']", "to = ['ghost']")
    result = run("data", "validate", write(tmp_path, content))
    assert "ladder.toml:13: roles[0].career[0].to[0]: no role has the id 'ghost'" in result.stderr


# --- data export -------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_export_of_the_bundled_dataset_loads_back_the_same(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"all.{fmt}"
    result = run("data", "export", "--format", fmt, "-o", str(out))
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    raw = tomllib.loads(text) if fmt == "toml" else json.loads(text)
    assert raw == file_values(load.load().dataset)


def test_export_to_stdout_and_of_an_extended_dataset(tmp_path: Path) -> None:
    exported = run("--data", write(tmp_path, EXTENDING), "data", "export").stdout
    assert "extends =" not in exported  # an export stands alone
    again = write(tmp_path, exported, "again.toml")
    assert json.loads(run("--data", again, "list", "--json").stdout) == json.loads(
        run("--data", str(tmp_path / "ladder.toml"), "list", "--json").stdout
    )


def test_export_never_overwrites_without_force(tmp_path: Path) -> None:
    out = tmp_path / "x.toml"
    out.write_text("old", encoding="utf-8")
    result = run("data", "export", "-o", str(out))
    assert (result.exit_code, out.read_text(encoding="utf-8")) == (1, "old")
    assert run("data", "export", "-o", str(out), "--force").exit_code == 0


def test_export_into_an_unwritable_folder(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        result = run("data", "export", "-o", str(folder / "x.toml"))
        assert result.exit_code == 1
        assert "Cannot write" in result.stderr and "ermission denied" in result.stderr
    finally:
        folder.chmod(0o700)


def test_export_below_a_file(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = run("data", "export", "-o", str(blocker / "x.toml"))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"Error: Cannot write '{blocker / 'x.toml'}': Not a directory.\n"


def test_a_failed_write_leaves_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    out = tmp_path / "x.toml"
    out.write_text("old", encoding="utf-8")

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    result = run("data", "export", "-o", str(out), "--force")
    assert result.exit_code == 1
    assert "No space left on device" in result.stderr
    assert out.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.toml"]  # no temporary file left


# --- the round trip, over generated datasets ---------------------------------

texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=20)


@st.composite
def datasets(draw: st.DrawFn) -> Dataset:
    ids = draw(
        st.lists(
            st.from_regex(r"r[a-z0-9]{0,5}", fullmatch=True), min_size=1, max_size=5, unique=True
        )
    )
    source_ids = draw(
        st.lists(st.from_regex(r"s[a-z0-9]{0,4}", fullmatch=True), min_size=1, max_size=3,
                 unique=True)
    )  # fmt: skip
    cite = st.sampled_from(source_ids)
    title = st.builds(Title, text=texts, sources=st.lists(cite, min_size=1, max_size=2).map(tuple))
    point = st.builds(Point, text=texts, sources=st.lists(cite, min_size=1, max_size=2,
                                                            unique=True).map(tuple))  # fmt: skip
    roles = []
    for i, role_id in enumerate(ids):
        later = ids[i + 1 :]
        moves = (
            draw(
                st.lists(
                    st.builds(
                        Move,
                        to=st.lists(
                            st.sampled_from(later), min_size=1, max_size=2, unique=True
                        ).map(tuple),
                        kind=st.just("promotion"),
                        source=cite,
                        steps=st.lists(texts, max_size=2).map(tuple),
                        note=st.none() | texts,
                    ),
                    max_size=2,
                )
            )
            if later
            else []
        )
        figures = draw(
            st.lists(
                st.builds(
                    Figure,
                    kind=st.just("median"),
                    currency=st.just("USD"),
                    period=st.just("year"),
                    source=cite,
                    amount=st.integers(0, 10**7),
                    covers=st.none() | texts,
                ),
                max_size=1,
            )
        )
        roles.append(
            Role(
                id=role_id,
                title=f"Title {i}: {draw(texts)}",
                summary=draw(point),
                titles=tuple(draw(st.lists(title, max_size=2))),
                sources=tuple(source_ids),
                aliases=tuple(f"{role_id}-alias{k}" for k in range(draw(st.integers(0, 2)))),
                scope=draw(
                    st.none()
                    | st.builds(
                        Scope,
                        points=st.lists(point, min_size=1, max_size=3).map(tuple),
                        level=st.sampled_from(["company", "team", None]),
                    )
                ),
                metrics=draw(
                    st.none() | st.builds(Points, points=st.lists(point, max_size=3).map(tuple))
                ),
                career=tuple(moves),
                compensation=None
                if not figures
                else draw(
                    st.builds(
                        Compensation,
                        figures=st.just(tuple(figures)),
                    )
                ),
            )
        )
    return Dataset(
        dataset_version=2,
        roles=tuple(roles),
        sources=tuple(Source(id=i, title=draw(texts), kind="other") for i in source_ids),
        executives=draw(
            st.dictionaries(st.from_regex(r"x[a-z]{1,4}", fullmatch=True), texts, max_size=2)
        ),
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets())
def test_export_and_load_give_the_same_data(dataset: Dataset) -> None:
    assert check.check_references(dataset) == []
    text = dump(dataset, "toml")
    assert file_values(load.from_bytes(text.encode(), "generated.toml")) == file_values(dataset)
    again = load.from_bytes(dump(dataset, "json").encode(), "g.json")
    assert file_values(again) == file_values(dataset)
    assert json.loads(dump(dataset, "json")) == file_values(dataset)


# --- schema ------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["show", "director"],
        ["compare", "head", "director", "--all"],
        ["career", "director"],
        ["career", "rep", "--to", "cro"],
        ["career", "cso", "--to", "rep"],
        ["search", "budget"],
        ["which", "VP of Sales", "Chief Risk Officer", "chief"],
        ["sources"],
        ["sources", "cro"],
        ["advise", "--size", "mid", "--horizon", "long", "--scope", "company"],
        ["advise", "--size", "mid", "--horizon", "short", "--scope", "region"],
        ["advise", "--size", "founding", "--team", "no", "--leads", "revenue"],
        ["advise", "--size", "small", "--scope", "company", "--leads", "sales-marketing"],
    ],
)
def test_every_json_output_matches_the_published_schema(args: list[str]) -> None:
    schema = json.loads(run("schema").stdout)
    jsonschema.validate(json.loads(run(*args, "--json").stdout), schema)


@pytest.mark.parametrize(
    ("command", "outputs"),
    [("list", ["ListOutput"]), ("show", ["ShowOutput"]), ("compare", ["CompareOutput"]),
     ("career", ["CareerTreeOutput", "CareerPathOutput"]), ("search", ["SearchOutput"]),
     ("which", ["WhichOutput", "SheetOutput"]), ("sources", ["SourcesOutput"]),
     ("advise", ["AdviceOutput"])],
)  # fmt: skip
def test_schema_of_one_command(command: str, outputs: list[str]) -> None:
    result = run("schema", command)
    assert result.exit_code == 0, result.stderr
    schema = json.loads(result.stdout)
    assert schema["title"] == f"salesroles {command} --json output"
    assert schema["oneOf"] == [{"$ref": f"#/$defs/{name}"} for name in outputs]
    jsonschema.Draft202012Validator.check_schema(schema)
    assert json.loads(run("schema", command.upper()).stdout) == schema  # as typed


def test_schema_without_a_name_is_every_output_and_dataset_stays() -> None:
    whole = json.loads(run("schema").stdout)
    assert len(whole["oneOf"]) == 10 and whole["title"] == "salesroles --json output"
    assert json.loads(run("schema", "--dataset").stdout)["title"] == "salesroles dataset file"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["schema", "comapre"], "Error: No command 'comapre' has a --json output (did you mean "
         "'compare'?). Choose from: list, show, compare, career, search, which, sources, "
         "advise.\n"),
        (["schema", "data"], "Error: No command 'data' has a --json output. Choose from: list, "
         "show, compare, career, search, which, sources, advise.\n"),
        (["schema", "show", "--dataset"], "Error: schema takes a command name or --dataset, "
         "not both.\n"),
    ],
)  # fmt: skip
def test_schema_of_an_unknown_command_is_a_usage_error(args: list[str], message: str) -> None:
    result = run(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)


def test_the_schema_rejects_what_it_should() -> None:
    schema = json.loads(run("schema").stdout)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"schema_version": 2, "roles": [{"id": "x"}]}, schema)


def test_the_dataset_schema_accepts_the_bundled_file_and_rejects_a_typo() -> None:
    schema = json.loads(run("schema", "--dataset").stdout)
    raw = tomllib.loads((ROOT / "data" / "roles.toml").read_text(encoding="utf-8"))
    jsonschema.validate(raw, schema)
    raw["roles"][0]["tittle"] = "x"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(raw, schema)


def _dataset_toml(texts: list[str]) -> str:

    roles = [
        {
            "id": f"r{i}",
            "title": f"Role{i} {t}",  # "Role 1 2" and "Role 2 1" are one bag of words
            "seniority": i,
            "summary": t,
            "sources": ["S"],
            "metrics": {"points": [t]},
        }
        for i, t in enumerate(texts)
    ]
    return tomli_w.dumps({"schema_version": 1, "roles": roles})


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("roles = [", "not valid TOML"),
        ("schema_version = 1\n", "roles: required key is missing"),
        (
            'schema_version = 1\n[[roles]]\nid = "x"\ntittle = "X"\n',
            "roles[0].tittle: unknown key (did you mean 'title'?)",
        ),
    ],
)
def test_invalid_datasets_exit_1(tmp_path: Path, content: str, message: str) -> None:
    path = write(tmp_path, content)
    assert_error(["--data", path, "list"], 1, message)


def test_missing_dataset(tmp_path: Path) -> None:
    assert_error(["--data", str(tmp_path / "nope.toml"), "list"], 1, "no such file")


def test_folder_as_dataset(tmp_path: Path) -> None:
    assert_error(["--data", str(tmp_path), "list"], 1, "it is a folder, not a file")


def test_dataset_from_the_environment(tmp_path: Path) -> None:
    assert_error(["list"], 1, "no such file", env={"SALESROLES_DATA": str(tmp_path / "x.toml")})


def test_dangling_career_reference_names_the_field(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL.format(target="ghost"))
    assert_error(
        ["--data", path, "list"], 1, "roles[0].career[0].to[0]: no role has the id 'ghost'"
    )


def test_a_valid_own_dataset_is_used(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        MINIMAL.replace(
            '[[roles.career]]\nto = ["{target}"]\nkind = "promotion"\nsource = "Our handbook"\n', ""
        ),
    )
    result = run("--data", path, "show", "account executive", "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["role"]["title"] == "Account Executive"


@settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    texts=st.lists(st.text(max_size=30), min_size=1, max_size=4),
    cut=st.integers(0, 400),
    insert=st.sampled_from(["", "[", "]", '"', "=", "\n[[roles]]\n", "x"]),
)
def test_random_datasets_load_or_fail_with_exit_1(
    tmp_path: Path, texts: list[str], cut: int, insert: str
) -> None:
    valid = _dataset_toml(texts)
    path = write(tmp_path, valid)
    result = run("--data", path, "show", "r0", "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["role"]["summary"]["text"] == texts[0]  # exact round trip
    mutated = valid[:cut] + insert + valid[cut:]
    path = write(tmp_path, mutated, "mutated.toml")
    result = run("--data", path, "list", "--json")
    assert result.exit_code in (0, 1)
    assert "Traceback" not in result.output
    if result.exit_code == 1:
        assert result.stdout == "" and result.stderr.startswith("Error: ")


def test_an_extending_file_that_defines_an_id_twice_is_invalid(tmp_path: Path) -> None:
    path = tmp_path / "twice.toml"
    path.write_text(dataset([role("a"), role("a")], extends="bundled"), encoding="utf-8")
    result = run("data", "validate", str(path))
    assert result.exit_code == 1
    assert "roles[1].id: duplicate id 'a'" in result.stderr


@pytest.mark.parametrize(
    ("roles", "extra", "expected"),
    [
        ([role("ceo")], {"executives": {"ceo": "Boss"}}, "'ceo' is also the id of an executive"),
        ([{**role("a"), "sources": []}], {}, "every role needs at least one source"),
        ([role("a", reporting={"reports_to": ["ghost"]})], {},
         "'ghost' is neither a role nor an executive"),
        ([role("a", reporting={"reports_to": ["a"]})], {}, "a role cannot report to itself"),
        ([role("a", career=promotion("a"))], {}, "a role cannot move to itself"),
        ([role("a"), role("b")],
         {"contrasts": [{"roles": ["a", "ghost"], "topic": "t", "text": "x", "source": "s"}]},
         "contrasts[0].roles[1]: no role has the id 'ghost'"),
        ([role("a"), role("b")],
         {"contrasts": [{"roles": ["a", "b"], "topic": "t", "text": "x", "source": "nope"}]},
         "contrasts[0].source: no source has the id 'nope'"),
        ([role("a"), role("b")],
         {"contrasts": [{"roles": ["a", "b"], "topic": "t", "text": "x", "source": "s",
                         "dimensions": ["salary"]}]},
         "'salary' is not a dimension"),
        ([role("a")],
         {"disagreements": [{"roles": ["a"], "topic": "t",
                             "positions": [{"text": "x", "source": "s"}]}]},
         "a disagreement needs two positions"),
        ([role("a", metrics={"points": [{"text": "x", "sources": []}]})], {},
         "metrics.points[0].sources: every point needs a source"),
        ([role("a", metrics={"points": [{"text": "x", "source": "zz"}]})], {},
         "no source has the id 'zz'"),
        ([role("a", seniority=5, reporting={"reports_to": ["b"]}), role("b", seniority=2)], {},
         "ranks 5, not below 'b' (2)"),
        ([role("a")], {"sources": [*SOURCES, *SOURCES]}, "duplicate source id 's'"),
        ([role("a", compensation={"figures": [{"kind": "median", "currency": "USD",
                                               "period": "year", "source": "s"}]})], {},
         "a figure needs an amount, or a low and a high"),
    ],
)  # fmt: skip
def test_each_reference_rule(
    tmp_path: Path, roles: list[dict[str, Any]], extra: dict[str, Any], expected: str
) -> None:
    path = tmp_path / "rule.toml"
    path.write_text(dataset(roles, **extra), encoding="utf-8")
    result = run("data", "validate", str(path))
    assert result.exit_code == 1, result.stdout
    assert expected in result.stderr


def test_a_json_export_loads_back(tmp_path: Path) -> None:
    out = tmp_path / "g.json"
    assert run("data", "export", "--format", "json", "-o", str(out)).exit_code == 0
    again = run("--data", str(out), "compare", "vp", "cro", "--json")
    assert again.exit_code == 0, again.stderr
    assert again.stdout == run("compare", "vp", "cro", "--json").stdout


def test_a_version_1_file_loads_unchanged_and_upgrades(tmp_path: Path) -> None:
    old = tmp_path / "old.toml"
    old.write_text(
        'schema_version = 1\n[[sources]]\ntitle = "Our handbook"\nkind = "other"\n'
        '[[roles]]\nid = "a"\ntitle = "A role"\nseniority = 1\nsummary = "x"\n'
        'sources = ["Our handbook"]\n[roles.scope]\nlevel = "team"\n'
        'points = ["One team."]\n',
        encoding="utf-8",
    )
    shown = json.loads(run("--data", str(old), "show", "a", "--json").stdout)
    assert shown["dimensions"]["scope"]["points"] == [{"text": "One team.", "kind": "core",
                                                       "sources": ["our-handbook"]}]  # fmt: skip
    new = tmp_path / "new.toml"
    assert run("data", "upgrade", str(old), "-o", str(new)).exit_code == 0
    text = new.read_text(encoding="utf-8")
    assert "dataset_version = 2" in text and 'id = "our-handbook"' in text
    assert "schema_version" not in text
    assert run("data", "validate", str(new)).exit_code == 0


def test_validate_takes_several_files_and_the_environment(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("dataset_version = 2\nroles = 3\n", encoding="utf-8")
    both = run("data", "validate", str(FIXTURE), str(bad))
    assert both.exit_code == 1
    assert f"{FIXTURE}: valid; 3 roles." in both.stdout
    assert "bad.toml" in both.stderr
    from_env = run("data", "validate", env={"SALESROLES_DATA": str(FIXTURE)})
    assert (from_env.exit_code, from_env.stdout) == (0, f"{FIXTURE}: valid; 3 roles.\n")
    assert run("data", "validate").exit_code == 2


def test_the_starter_names_the_file_it_was_written_to(tmp_path: Path) -> None:
    path = tmp_path / "globex.toml"
    run("data", "init", str(path))
    text = path.read_text(encoding="utf-8")
    assert "salesroles data validate globex.toml" in text and "our-ladder" not in text


# --- own datasets: errors a person understands -----------------------------------

ONE_ROLE = (
    'dataset_version = 2\n[executives]\nceo = "Chief Executive Officer"\n'
    '[[sources]]\nid = "hb"\ntitle = "Handbook"\nkind = "other"\n'
    '[[roles]]\nid = "area-vp"\ntitle = "Area Vice President"\nsummary = "Runs an area."\n'
    'sources = ["hb"]\n'
)


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ('[roles.scope]\npoints = "one line"\n', ":14: roles[0].scope.points: a list of points "
         'is expected, not a single string: points = ["One point.", { text = "Another point.", '
         'source = "source-id" }]'),
        ('[roles.scope]\npoints = { text = "x" }\n', ":14: roles[0].scope.points: a list of "
         "points is expected, not a table: points = "),
        ("[roles.metrics]\npoints = [3]\n", ':14: roles[0].metrics.points[0]: a point is text in '
         'quotes, or { text = "…", source = "source-id" }, not a number'),
        ('aliases = "avp"\n', ':13: roles[0].aliases: a list is expected, not a single string: '
         'aliases = ["another-name"]'),
        ('[roles.reporting]\nreports_to = "ceo"\n', ":14: roles[0].reporting.reports_to: a list "
         'is expected, not a single string: reports_to = ["role-id"]'),
        ('[roles.career]\nto = ["x"]\nkind = "promotion"\nsource = "hb"\n', ":13: roles[0].career:"
         " a list is expected, not one table: write [[roles.career]], two brackets, for each "
         "one"),
    ],
)  # fmt: skip
def test_a_value_of_the_wrong_form_says_which_form_is_expected(
    tmp_path: Path, extra: str, expected: str
) -> None:
    path = write(tmp_path, ONE_ROLE + extra)
    result = run("data", "validate", path)
    assert result.exit_code == 1
    assert f"  {path}{expected}" in result.stderr
    assert "tuple" not in result.stderr and "instance of" not in result.stderr


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ('[roles.reporting]\nreports_to = ["area_vp"]\n', "reporting.reports_to[0]: "
         "'area_vp' is neither a role nor an executive (did you mean 'area-vp'?)"),
        ('[roles.reporting]\nreports_to = ["CEO"]\n', "reporting.reports_to[0]: 'CEO' is "
         "neither a role nor an executive (did you mean 'ceo'?)"),
        ('[roles.reporting]\nreports_to = ["vp"]\n', "reporting.reports_to[0]: 'vp' is neither "
         'a role nor an executive; the bundled dataset has it: add extends = "bundled" to use it'),
        ('[roles.reporting]\nreports_to = ["ghost"]\n', "reporting.reports_to[0]: 'ghost' is "
         'neither a role nor an executive (a role of the bundled dataset needs extends = '
         '"bundled")'),
        ('[[roles.career]]\nto = ["director"]\nkind = "promotion"\nsource = "hb"\n',
         "career[0].to[0]: no role has the id 'director'; the bundled dataset has it: add "
         'extends = "bundled" to use it'),
        ('[[roles.career]]\nto = ["diretor"]\nkind = "promotion"\nsource = "hb"\n',
         "career[0].to[0]: no role has the id 'diretor'; the bundled dataset has 'director': "
         'add extends = "bundled" to use it'),
    ],
)  # fmt: skip
def test_a_role_that_names_nothing_says_what_was_meant(
    tmp_path: Path, extra: str, expected: str
) -> None:
    result = run("data", "validate", write(tmp_path, ONE_ROLE + extra))
    assert result.exit_code == 1
    assert f": roles[0].{expected}\n" in result.stderr


def test_with_extends_the_bundled_roles_are_among_those_meant(tmp_path: Path) -> None:
    extending = ONE_ROLE.replace(
        "dataset_version = 2\n", 'dataset_version = 2\nextends = "bundled"\n'
    )
    path = write(tmp_path, extending + '[roles.reporting]\nreports_to = ["Director"]\n')
    result = run("data", "validate", path)
    assert result.stderr.endswith(
        "roles[0].reporting.reports_to[0]: 'Director' is neither a role nor an executive "
        "(did you mean 'director'?)\n"
    )


EXTENDED_NAMES = ONE_ROLE.replace(
    "dataset_version = 2\n", 'dataset_version = 2\nextends = "bundled"\n'
).replace('sources = ["hb"]\n', 'sources = ["hb"]\naliases = ["avp", "sm"]\n'
          'titles = ["Sales Team Lead"]\n')  # fmt: skip


def test_a_companys_own_names_win_over_the_bundled_ones(tmp_path: Path) -> None:
    path = write(tmp_path, EXTENDED_NAMES)
    titles = ["AVP Sales", "AVP, Sales", "Area Vice President of Sales", "avp", "sm",
              "Sales Team Lead", "VP Sales", "Sales Manager"]  # fmt: skip
    read = json.loads(run("--data", path, "which", *titles, "--json").stdout)["titles"]
    assert [t["role"]["id"] for t in read] == ["area-vp"] * 6 + ["vp", "manager"]
    shown = run("--data", path, "show", "AVP Sales", "--only", "scope")
    assert shown.stdout.startswith("Area Vice President (area-vp)\n")
    listed = json.loads(run("--data", path, "list", "--json").stdout)["roles"]
    manager = next(r for r in listed if r["id"] == "manager")
    assert "sm" not in manager["aliases"]  # the company's own alias now
    assert "Sales Team Lead" not in [t["text"] for t in manager["titles"]]
    exported = write(tmp_path, run("--data", path, "data", "export").stdout, "all.toml")
    assert run("data", "validate", exported).exit_code == 0  # every name still means one role


def test_without_the_companys_file_the_bundled_reading_stays(tmp_path: Path) -> None:
    read = json.loads(run("which", "AVP Sales", "sm", "--json").stdout)["titles"]
    assert [t["role"]["id"] for t in read] == ["vp", "manager"]


def test_an_own_name_that_is_a_bundled_roles_title_says_so(tmp_path: Path) -> None:
    path = write(tmp_path, EXTENDED_NAMES.replace('"avp", "sm"', '"avp", "Sales Director"'))
    result = run("data", "validate", path)
    assert result.exit_code == 1
    assert ("roles[0].aliases[1]: the name 'Sales Director' is already the id or title of the "
            "bundled role 'director': choose another, or replace that role by giving yours the "
            "id 'director'") in result.stderr  # fmt: skip


@pytest.mark.parametrize(("fmt", "count"), [("toml", 10), ("json", 10)])
def test_export_to_a_file_says_what_it_wrote(tmp_path: Path, fmt: str, count: int) -> None:
    out = tmp_path / f"all.{fmt}"
    result = run("data", "export", "--format", fmt, "-o", str(out))
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == f"Wrote {out} ({count} roles, {fmt.upper()}).\n"
    assert run("data", "export").stderr == ""  # to stdout: the data alone


def test_upgrade_to_a_file_says_what_it_wrote(tmp_path: Path) -> None:
    old = write(tmp_path, HEAD + role_toml("a", "A"), "old.toml")
    new = tmp_path / "new.toml"
    result = run("data", "upgrade", old, "-o", str(new))
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == f"Wrote {new} ({old} in today's form).\n"


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "ftp://files.example/a",
        "https://ok.example/a> <img src=x onerror=alert(1)>",
        "https://ok.example/\x1b[31m",
        "https://ok.example/\x07",
        "https://ok.example/\u202eevil",  # bidi: shows in another order than stored
        "https://ok.example/a\u00a0b",  # a space of another script
        "https://ok.example/a\u2028b",  # a line separator
        "https://ok.example/a\u200bb",  # zero width
    ],
)
@pytest.mark.parametrize("where", ["source", "code"])
def test_urls_are_checked_when_a_dataset_loads(tmp_path: Path, url: str, where: str) -> None:
    text = (ROOT / "tests" / "fixtures" / "formulas.toml").read_text(encoding="utf-8")
    if where == "code":
        code = {"system": "SOC 2018", "code": "11-2022", "name": "Sales Managers", "lumps": "x",
                "source": "s", "url": url}  # fmt: skip
        text = text.replace('sources = ["s"]\n', f'sources = ["s"]\ncodes = [{_inline(code)}]\n', 1)
        place, field = ":23:", "roles[0].codes[0].url"
    else:
        text = text.replace('"https://ok.example/a"', json.dumps(url))
        place, field = ":13:", "sources[0].url"
    path = write(tmp_path, text)
    result = run("data", "validate", path)
    assert (result.exit_code, result.stdout) == (1, "")
    assert f"{path}{place} {field}: a URL must start with http:// or https://" in result.stderr


def _inline(table: dict[str, str]) -> str:
    return "{ " + ", ".join(f"{k} = {json.dumps(v)}" for k, v in table.items()) + " }"


def test_urls_of_any_script_and_case_are_fine(tmp_path: Path) -> None:
    text = (ROOT / "tests" / "fixtures" / "formulas.toml").read_text(encoding="utf-8")
    url = "HTTPS://de.wikipedia.org/wiki/Vertriebsleiter_(Beruf)?q=ä&x=1#Gehalt"
    path = write(tmp_path, text.replace('"https://ok.example/a"', json.dumps(url)))
    assert run("data", "validate", path).exit_code == 0


def test_init_shows_a_file_name_with_escapes_harmlessly(tmp_path: Path) -> None:
    path = tmp_path / "\x1b]0;owned\x07\x1b[2J new.toml"
    result = run("data", "init", str(path))
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "\\x1b]0;owned\\x07\\x1b[2J new.toml" in result.stderr
    assert run("data", "validate", str(path)).exit_code == 0


# --- "-" for stdin and stdout, and datasets Python cannot take as they are ---------------


@pytest.mark.parametrize("command", [["data", "export"], ["data", "upgrade", str(FIXTURE)]])
def test_output_dash_is_stdout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run(*command, "-o", "-")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("dataset_version = 2\n")
    assert list(tmp_path.iterdir()) == []  # no file called -
    named = run(*command, "-o", "./-")  # the way to name a file called -
    assert (named.exit_code, named.stdout) == (0, "")
    assert (tmp_path / "-").read_text(encoding="utf-8") == result.stdout


def test_data_dash_reads_the_dataset_from_stdin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    listed = run("--data", "-", "list", "--json", input=text)
    assert listed.exit_code == 0, listed.stderr
    assert [r["id"] for r in json.loads(listed.stdout)["roles"]] == ["seller", "lead", "chief"]
    after = run("show", "chief", "--json", "--data", "-", input=text)
    assert json.loads(after.stdout)["role"]["id"] == "chief"
    env = run("list", "--json", env={"SALESROLES_DATA": "-"}, input=text)
    assert env.stdout == listed.stdout
    assert run("data", "validate", "-", input=text).stdout == "stdin: valid; 3 roles.\n"
    version_1 = (
        'schema_version = 1\n[[sources]]\ntitle = "Our handbook"\nkind = "other"\n'
        '[[roles]]\nid = "a"\ntitle = "A role"\nseniority = 1\nsummary = "x"\n'
        'sources = ["Our handbook"]\n'
    )
    upgraded = run("data", "upgrade", "-", input=version_1)  # read twice: checked, upgraded
    assert upgraded.exit_code == 0, upgraded.stderr
    assert "dataset_version = 2" in upgraded.stdout and 'id = "our-handbook"' in upgraded.stdout
    bad = run("--data", "-", "list", input="roles = [\n  1,,\n]\n")
    assert bad.exit_code == 1
    assert "Invalid dataset 'stdin': not valid TOML.\n  stdin:2:" in bad.stderr
    monkeypatch.chdir(tmp_path)
    (tmp_path / "-").write_text(text, encoding="utf-8")  # a file called -, named ./-
    named = run("--data", "./-", "list", "--json", input="not a dataset")
    assert named.stdout == listed.stdout


def test_data_dash_is_read_capped_and_never_cached(cache_dir: Path) -> None:
    with open("/dev/zero", "rb") as zeros:  # noqa: PTH123 - a device for the child's stdin
        done = real(["--data", "-", "list"], stdin=zeros, SALESROLES_CACHE_DIR=str(cache_dir))
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == (
        "Error: Cannot read dataset 'stdin': stdin holds more than the 20 MiB salesroles reads.\n"
    )
    before = set(cache_dir.iterdir())
    run("--data", "-", "list", input=FIXTURE.read_text(encoding="utf-8"))
    assert set(cache_dir.iterdir()) == before


def test_which_dash_and_data_dash_cannot_share_stdin() -> None:
    assert_error(["--data", "-", "which", "-"], 2, "which - and --data - cannot both read stdin")


@pytest.mark.parametrize(
    ("name", "text", "place"),
    [
        ("big.toml", 'dataset_version = 2\n\n[executives]\nceo = "C"\nyear = 1' + "0" * 5000,
         ":5:8"),
        ("big.json", '{\n  "dataset_version": 2,\n  "roles": [' + "9" * 5000 + "]\n}", ":3:13"),
    ],
    ids=["toml", "json"],
)  # fmt: skip
def test_an_integer_python_cannot_read_is_a_dataset_error(
    tmp_path: Path, name: str, text: str, place: str
) -> None:
    path = write(tmp_path, text, name)
    kind = "TOML" if name.endswith("toml") else "JSON"
    assert_error(
        ["--data", path, "list"],
        1,
        f"Invalid dataset '{path}': not valid {kind}.\n  {path}{place}: an integer with more "
        "digits than salesroles reads",
    )


def test_an_integer_too_long_to_print_is_a_dataset_error(tmp_path: Path) -> None:
    """0x with 4,000 digits parses (TOML), but no output could print it."""
    text = (ROOT / "tests" / "fixtures" / "formulas.toml").read_text(encoding="utf-8")
    path = write(tmp_path, text.replace("year = 2024", "year = 0x" + "f" * 4000))
    for args in (["sources"], ["sources", "--json"], ["data", "validate", path]):
        assert_error(
            ["--data", path, *args],
            1,
            f"  {path}:12: sources[0].year: an integer with more digits than salesroles reads",
        )


def test_a_json_key_given_twice_is_a_dataset_error(tmp_path: Path) -> None:
    exported = run("data", "export", "--format", "json").stdout
    twice = exported.replace('"dataset_version": 2,', '"dataset_version": 2,\n  "roles": [],', 1)
    path = write(tmp_path, twice, "twice.json")
    line = twice[: twice.index('"roles": [\n')].count("\n") + 1
    assert_error(
        ["--data", path, "list"],
        1,
        f"{path}:{line}:3: the key 'roles' is given twice in one object",
    )
    nested = write(tmp_path, '{"dataset_version": 2, "roles": [{"id": "a", "id": "b"}]}', "n.json")
    assert_error(["data", "validate", nested], 1, f"{nested}:1:46: the key 'id' is given twice")
