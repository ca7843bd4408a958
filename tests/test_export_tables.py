"""Issue 15, exports that stay linear: the five tables as CSV and Parquet on the example
corpus (ids join, spans index the text, dates carry their precision, judgements
apply), every export the same whether the store fits in one chunk or many, and
--pretty the same data as the compact default."""

import csv
import io
import json
import sqlite3

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from factions.cli import app
from factions.export import FORMATS, export, stream
from factions.export.tables import TABLES, columns, write_table
from factions.store import open_store, records

runner = CliRunner()
PRECISION = {"year": 4, "month": 7, "week": 10, "day": 10}  # a week is dated by its first day


def _run(*args) -> str:
    result = runner.invoke(app, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.stdout


def _csv(db: str, table: str, *flags: str) -> list[dict]:
    rows = list(csv.DictReader(io.StringIO(_run("export", "--format", "csv", "--table", table, *flags, "--db", db))))
    assert rows, f"no {table}: nothing was checked"
    return rows


def _parquet(db: str, table: str, tmp_path, *flags: str) -> pa.Table:
    out = tmp_path / f"{table}.parquet"
    _run("export", "--format", "parquet", "--table", table, *flags, "--out", out, "--db", db)
    return pq.read_table(out)


@pytest.fixture(scope="module")
def tables(demo_db, tmp_path_factory):
    """Each table of the demo store as Parquet rows (typed), checked equal to its CSV."""
    tmp = tmp_path_factory.mktemp("tables")
    out = {}
    for name in TABLES:
        parquet = _parquet(demo_db, name, tmp)
        rows = parquet.to_pylist()
        assert rows, f"no {name}"
        as_csv = _csv(demo_db, name)
        assert [list(r) for r in as_csv[:1]] == [[c.name for c in columns(name)]]
        assert [r["id"] for r in as_csv] == [str(r["id"]) for r in rows]  # the same rows, in the same order
        for text_row, typed in zip(as_csv, rows):
            for key, value in typed.items():
                if isinstance(value, list):
                    value = ";".join(map(str, value))
                elif isinstance(value, bool):
                    value = "true" if value else "false"
                elif value is None:
                    value = ""
                elif key.endswith("_at"):
                    value = value.isoformat(sep=" ")
                assert text_row[key] in (str(value), "'" + str(value)), (name, key)
        out[name] = rows
    return out


def test_parquet_columns_are_typed(demo_db, tmp_path):
    schema = _parquet(demo_db, "claims", tmp_path).schema
    assert schema.field("id").type == pa.int64() and schema.field("content_start").type == pa.int64()
    assert schema.field("direct_quote").type == pa.bool_() and schema.field("confirmed").type == pa.bool_()
    assert schema.field("via_ids").type == pa.list_(pa.int64()) and schema.field("recorded_at").type == pa.timestamp("us")
    assert schema.field("said_on").metadata[b"description"].startswith(b"when it was said")
    relations = _parquet(demo_db, "relations", tmp_path).schema
    assert relations.field("credibility").type == pa.int64() and relations.field("confidence").type == pa.float64()


def test_ids_join_across_tables(tables):
    ids = {name: {r["id"] for r in rows} for name, rows in tables.items()}
    claims, events, relations = tables["claims"], tables["events"], tables["relations"]
    assert {c["document_id"] for c in claims} | {e["document_id"] for e in events} | {r["document_id"] for r in relations} <= ids["documents"]
    actors = {c["speaker_id"] for c in claims} | {v for c in claims for v in c["via_ids"]}
    actors |= {a for e in events for a in e["actor_ids"] + e["recipient_ids"]} | {e["where_id"] for e in events if e["where_id"]}
    actors |= {x for r in relations for x in (r["source_id"], r["target_id"], r["speaker_id"]) if x}
    assert actors <= ids["actors"]
    assert {e["claim_id"] for e in events if e["claim_id"]} <= ids["claims"]
    assert {r["claim_id"] for r in relations if r["claim_id"]} <= ids["claims"]
    assert {r["event_id"] for r in relations if r["event_id"]} <= ids["events"]
    names = {a["id"]: a["name"] for a in tables["actors"]}
    assert all(names[r["source_id"]] == r["source"] and names[r["target_id"]] == r["target"] for r in relations)
    assert all(names[c["speaker_id"]] == c["speaker"] for c in claims)
    assert len(ids["documents"]) == 10 and len(claims) >= 40 and len(events) >= 40 and len(relations) >= 40


def test_spans_index_the_document_text(tables):
    text = {d["id"]: d["text"] for d in tables["documents"]}
    assert all(d["characters"] == len(d["text"]) for d in tables["documents"])
    for c in tables["claims"]:
        doc = text[c["document_id"]]
        assert doc[c["content_start"]:c["content_end"]] == c["content"]
        assert doc[c["cue_start"]:c["cue_end"]] == c["cue"]
        assert 0 <= c["speaker_start"] < c["speaker_end"] <= len(doc)
    for r in tables["relations"]:
        doc = text[r["document_id"]]
        assert doc[r["evidence_start"]:r["evidence_end"]] == r["evidence"]
        assert r["evidence_start"] <= r["source_start"] < r["source_end"] <= len(doc)
    for e in tables["events"]:
        assert e["trigger"] in text[e["document_id"]][e["evidence_start"]:e["evidence_end"]]


def test_dates_carry_their_precision(tables):
    for d in tables["documents"]:
        assert d["published"] is None or len(d["published"]) == PRECISION[d["published_precision"]]
    dated = [(c["said_on"], c["said_on_precision"]) for c in tables["claims"] if c["said_on"]]
    dated += [(x["when_start"], x["when_precision"]) for x in tables["events"] + tables["relations"] if x["when_start"]]
    assert dated and all(len(day) == PRECISION[precision] for day, precision in dated)
    assert {"year", "day"} <= {p for _, p in dated}  # "split in 2013" and dated attacks


def test_grades_and_judgement_columns(tables):
    assert {r["reliability"] for r in tables["relations"]} <= set("ABCDEF")
    assert {r["credibility"] for r in tables["relations"]} <= set(range(1, 7))
    assert len({r["credibility"] for r in tables["relations"]}) > 1  # corroboration and denials tell reports apart
    assert {x["basis"] for t in ("claims", "events", "relations") for x in tables[t]} == {"extracted"}
    assert not any(x["confirmed"] for t in ("claims", "events", "relations") for x in tables[t])
    assert "rejected" not in tables["claims"][0]


@pytest.fixture
def judged_db(demo_db, tmp_path):
    """A copy of the demo store with one claim rejected and one relation confirmed."""
    path = tmp_path / "judged.db"
    with sqlite3.connect(demo_db.removeprefix("sqlite:///")) as source, sqlite3.connect(path) as copy:
        source.backup(copy)  # the WAL's pages too
    url = f"sqlite:///{path}"
    store = open_store(url)
    with store.engine.begin() as conn:
        claim = next(r for r in _rows(conn, "relations") if r["claim_id"])["claim_id"]
        carried = {r["id"] for r in _rows(conn, "relations") if r["claim_id"] == claim}
        confirmed = next(r["id"] for r in _rows(conn, "relations") if r["claim_id"] != claim)
        records.reject(conn, "claim", claim, "ana", "not a claim")
        records.confirm(conn, "relation", confirmed, "ana", "checked")
    store.engine.dispose()
    return url, claim, carried, confirmed


def _rows(conn, table: str, include_rejected: bool = False) -> list[dict]:
    return list(TABLES[table].read(conn, include_rejected))


def test_rejected_records_are_absent_unless_asked_for(judged_db, tmp_path):
    url, claim, carried, confirmed = judged_db
    claims, relations = _csv(url, "claims"), _csv(url, "relations")
    assert str(claim) not in {c["id"] for c in claims}
    assert not {str(r) for r in carried} & {r["id"] for r in relations}  # what the claim carried went with it
    assert [r["confirmed"] for r in relations if r["id"] == str(confirmed)] == ["true"]
    assert {e["claim_id"] for e in _csv(url, "events")} - {""} <= {c["id"] for c in claims}
    flagged = _parquet(url, "relations", tmp_path, "--include-rejected").to_pylist()
    assert {r["id"] for r in flagged if r["rejected"]} == carried
    assert len(flagged) == len(relations) + len(carried)
    assert [c["rejected"] for c in _csv(url, "claims", "--include-rejected") if c["id"] == str(claim)] == ["true"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_exports_are_the_same_read_in_small_chunks(demo_db, monkeypatch, fmt):
    """A store many times the chunk size gives what one chunk gives."""
    store = open_store(demo_db, write=False)
    with store.engine.connect() as conn:
        whole = export(conn, fmt)
        monkeypatch.setattr(stream, "CHUNK", 3)
        chunked = export(conn, fmt)
    if fmt == "stix":
        whole, chunked = json.loads(whole)["objects"], json.loads(chunked)["objects"]
    assert whole and whole == chunked


@pytest.mark.parametrize("table", TABLES)
def test_tables_are_the_same_read_in_small_chunks(demo_db, monkeypatch, table):
    store = open_store(demo_db, write=False)
    with store.engine.connect() as conn:
        for fmt in ("csv", "parquet"):
            outputs = []
            for chunk in (100_000, 3):
                monkeypatch.setattr(stream, "CHUNK", chunk)
                out = io.StringIO() if fmt == "csv" else io.BytesIO()
                write_table(conn, table, fmt, out)
                outputs.append(out.getvalue() if fmt == "csv" else pq.read_table(io.BytesIO(out.getvalue())))
            whole, chunked = outputs
            if fmt == "parquet":
                assert pq.ParquetFile(io.BytesIO(out.getvalue())).num_row_groups == -(-chunked.num_rows // 3)
                whole, chunked = whole.to_pylist(), chunked.to_pylist()
            assert len(whole) > 3 and whole == chunked


@pytest.mark.parametrize("fmt", ["stix", "plover", "prov"])
def test_pretty_is_the_compact_data_indented(demo_db, fmt):
    compact = _run("export", "--format", fmt, "--db", demo_db)
    pretty = _run("export", "--format", fmt, "--pretty", "--db", demo_db)
    assert compact.count("\n") == 1 and pretty.count("\n") > 100
    compact, pretty = json.loads(compact), json.loads(pretty)
    if fmt == "stix":
        assert compact.pop("id") != pretty.pop("id")  # a bundle is a new package each time
        assert len(compact["objects"]) > 100
    assert compact == pretty


def test_graphml_pretty_and_compact_read_back_alike(demo_db):
    import networkx as nx

    compact = nx.parse_graphml(_run("export", "--format", "graphml", "--db", demo_db))
    pretty = nx.parse_graphml(_run("export", "--format", "graphml", "--pretty", "--db", demo_db))
    assert compact.number_of_edges() > 5 and nx.utils.graphs_equal(compact, pretty)


@pytest.mark.parametrize("args,message", [
    (["--format", "csv", "--table", "people"], "--table must be one of documents, actors, claims, events, relations, not 'people'"),
    (["--format", "stix", "--table", "claims"], "--table claims is written as --format csv or parquet, not 'stix'"),
    (["--format", "parquet"], "--format parquet writes one table: add --table"),
    (["--format", "csv", "--include-rejected"], "--include-rejected applies to --table claims, events or relations"),
    (["--format", "csv", "--table", "actors", "--include-rejected"], "--include-rejected applies to --table claims, events or relations"),
])
def test_bad_table_arguments_are_one_line_and_write_nothing(demo_db, tmp_path, args, message):
    result = runner.invoke(app, ["export", *args, "--out", str(tmp_path / "out"), "--db", demo_db])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_failing_export_leaves_no_file(demo_db, tmp_path, monkeypatch):
    from factions.export import tables

    def broken(conn, include_rejected):
        yield from _rows_then_fail()

    monkeypatch.setitem(tables.TABLES, "claims", tables.Table(tables.CLAIMS, broken, True))
    result = runner.invoke(app, ["export", "--format", "parquet", "--table", "claims", "--out", str(tmp_path / "c.parquet"), "--db", demo_db])
    assert result.exit_code != 0 and list(tmp_path.iterdir()) == []


def _rows_then_fail():
    raise RuntimeError("the store went away")
    yield  # a generator


def test_exports_set_the_heap_aside_only_while_they_run(demo_db, monkeypatch):
    """The objects alive when an export starts are kept out of the collector's full passes
    while it runs (stream.heap_set_aside) and handed back when it ends, failed or not."""
    import gc

    from factions.export import tables

    seen = []

    def reading(conn, include_rejected):
        seen.append(gc.get_freeze_count())
        yield from tables._documents(conn, include_rejected)

    def failing(conn, include_rejected):
        seen.append(gc.get_freeze_count())
        yield from _rows_then_fail()

    store = open_store(demo_db, write=False)
    with store.engine.connect() as conn:
        monkeypatch.setitem(tables.TABLES, "documents", tables.Table(tables.DOCUMENTS, reading, False))
        write_table(conn, "documents", "csv", io.StringIO())
        assert gc.get_freeze_count() == 0
        monkeypatch.setitem(tables.TABLES, "documents", tables.Table(tables.DOCUMENTS, failing, False))
        with pytest.raises(RuntimeError):
            write_table(conn, "documents", "parquet", io.BytesIO())
        assert gc.get_freeze_count() == 0
        assert export(conn, "graphml") and gc.get_freeze_count() == 0
    assert len(seen) == 2 and all(n > 1000 for n in seen) and stream._SETTING_ASIDE == 0


def test_what_an_export_keeps_of_each_chunk_is_set_aside_too(demo_db, monkeypatch):
    """Every chunk read, the export's own growing objects join the heap set aside (a PROV
    document is built whole before it is written), so full passes do not rescan them."""
    import gc

    from factions.export import tables

    frozen = []

    def counting(conn, include_rejected):
        for row in tables._documents(conn, include_rejected):
            frozen.append(gc.get_freeze_count())
            yield row

    monkeypatch.setattr(stream, "CHUNK", 2)
    monkeypatch.setitem(tables.TABLES, "documents", tables.Table(tables.DOCUMENTS, counting, False))
    store = open_store(demo_db, write=False)
    with store.engine.connect() as conn:
        write_table(conn, "documents", "csv", io.StringIO())
    assert len(frozen) > 4 and frozen[-1] > frozen[0] and gc.get_freeze_count() == 0
