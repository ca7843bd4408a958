"""Issue 13, the output side: what reaches a terminal is plain text (no escape sequences,
no rich markup, brackets kept); CSV cells never start a formula; GraphML parses whatever
the names hold; every export reads back through its own library; --out writes through
an unguessable temporary file."""

import csv
import io
import json
import re
from datetime import date, datetime

import networkx as nx
import pytest
import stix2
from sqlalchemy import insert, select, update
from typer.testing import CliRunner

from factions.cli import app
from factions.names import normalise
from factions.model import Document
from factions.store import open_store
from factions.store import schema as t

runner = CliRunner()

# Article text with what hostile or careless pages carry: a clear-screen and a
# set-title sequence, a bell, rich's closing tag "[/]", editorial brackets.
HOSTILE = ("The Islamic State attacked the Kurdish YPG [sic] near the town of Hajin on Tuesday, a spokesman for the Syrian "
           "Democratic Forces said. \"The group [/] struck \x1b[2J\x1b]0;owned\x07 our positions [bold]twice[/bold],\" "
           "the spokesman said on Wednesday.")
# Names as a hostile knowledge base or alias could make them: a formula, a control
# character XML forbids, an 8-bit CSI, markup.
EVIL_NAME = "=HYPERLINK(\"http://evil.example\",\"x\")\x01\x9b31m [red]IS[/red]"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
TERMINAL_HAZARD = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@pytest.fixture(scope="module")
def db(extractor, tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('hostile') / 'store.db'}"
    store = open_store(url)
    store.ingest(extractor.extract(Document(source="hostile\x1b[31m.txt", text=HOSTILE, published=date(2019, 3, 2))))
    with store.engine.begin() as conn:
        # The YPG (the target of the "fights" relation) takes the hostile name.
        actor = conn.execute(select(t.relations.c.target_id).where(t.relations.c.type == "fights")).scalar()
        conn.execute(update(t.actors).where(t.actors.c.id == actor).values(name=EVIL_NAME))
        conn.execute(insert(t.actor_names).values(actor_id=actor, name=EVIL_NAME, norm=normalise(EVIL_NAME), basis="text",
                                                  recorded_at=datetime(2019, 3, 2)))
    store.engine.dispose()
    return url


def _run(*args):
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def _plain(out: str) -> None:
    assert out.strip(), "no output: nothing was checked"
    assert not TERMINAL_HAZARD.search(out), repr(TERMINAL_HAZARD.search(out).group())


def test_claims_print_brackets_and_no_escape_sequences(db):
    out = _run("claims", "--db", db)
    _plain(out)
    flat = re.sub(r"[\s│]+", " ", out)  # table cells wrap: read the words across lines
    assert "[/]" in flat and "[bold]twice[/bold]" in flat  # shown as written, not read as markup
    assert "struck our positions" in flat  # the sequences are gone, the words around them stay


def test_hostile_names_are_plain_in_every_table(db):
    for args in (["actors"], ["relation", "Islamic State", "YPG"], ["timeline", "Islamic State"], ["summary"],
                 ["actor", "Islamic State"]):
        out = _run(*args, "--db", db)
        _plain(out)
        if args[0] != "actor":
            assert "[red]IS[/red]" in re.sub(r"[\s│]+", " ", out), args


def test_json_output_escapes_c1_and_keeps_the_data(db):
    out = _run("actors", "--json", "--db", db)
    _plain(out)
    assert EVIL_NAME in [a["name"] for a in json.loads(out)]


def _csv_rows(text: str) -> list[list[str]]:
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) > 1, "no data rows: nothing was checked"
    return rows


def _no_formula(rows: list[list[str]]) -> None:
    for row in rows:
        for cell in row:
            if cell[:1] in FORMULA_START:
                float(cell)  # only a number (a negative longitude) may start with "-"


@pytest.mark.parametrize("fmt", ["csv", "acled"])
def test_csv_exports_have_no_formula_cells(db, fmt):
    rows = _csv_rows(_run("export", "--format", fmt, "--db", db))
    _no_formula(rows)
    if fmt == "csv":  # the hostile name is there, neutralised with a leading quote
        assert "'" + EVIL_NAME in [cell for row in rows for cell in row]


@pytest.mark.parametrize("table", ["documents", "actors", "claims", "events", "relations"])
def test_csv_tables_have_no_formula_cells(db, table):
    rows = _csv_rows(_run("export", "--format", "csv", "--table", table, "--db", db))
    assert len(rows) > 1, "no rows: nothing was checked"
    _no_formula(rows)
    if table in ("actors", "relations"):  # the hostile name is there, neutralised with a leading quote
        assert "'" + EVIL_NAME in [cell for row in rows for cell in row]


def test_graphml_reads_back_through_networkx(db):
    for out in (_run("export", "--format", "graphml", "--db", db), _run("network", "--format", "graphml", "--db", db)):
        graph = nx.parse_graphml(out)
        names = [d.get("name") or d.get("label") for _, d in graph.nodes(data=True)]
        assert EVIL_NAME.replace("\x01", "") in names  # the control character XML forbids is dropped, the rest kept


def test_stix_reads_back_through_stix2(db):
    bundle = stix2.parse(_run("export", "--format", "stix", "--db", db), allow_custom=True)
    names = {getattr(o, "name", None) for o in bundle.objects}
    assert EVIL_NAME in names and any(o.type == "relationship" for o in bundle.objects)


def test_out_writes_through_an_unguessable_temporary_file(db, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n")
    out = tmp_path / "relations.csv"
    (tmp_path / "relations.csv.partial").symlink_to(victim)  # the old predictable name, planted
    result = runner.invoke(app, ["export", "--format", "csv", "--out", str(out), "--db", db])
    assert result.exit_code == 0, result.output
    assert victim.read_text() == "keep me\n"
    assert out.read_text("utf-8") == _run("export", "--format", "csv", "--db", db)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["relations.csv", "relations.csv.partial", "victim.txt"]  # no temporary left


@pytest.mark.parametrize("target,message", [("missing/out.csv", "does not exist"), (".", "is a directory"), ("sub/", "is a directory")])
def test_a_bad_out_is_one_line_and_writes_nothing(db, tmp_path, target, message):
    (tmp_path / "sub").mkdir()
    result = runner.invoke(app, ["export", "--format", "csv", "--out", str(tmp_path / target), "--db", db])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["sub"]
