"""Stage 5: the store — whole documents or nothing, idempotent ingest, migrations; on SQLite
and PostgreSQL (the store_url fixture)."""

import copy

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, inspect, select

from conftest import EXAMPLES, store_content
from factions.read import read_inputs
from factions.store import open_store
from factions.store import schema as t
from factions.store.fulltext import PG_INDEXES, SQLITE_TABLES


def _count(store, table):
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar()


@pytest.fixture()
def store(store_url):
    return open_store(store_url)


@pytest.fixture(scope="module")
def extractions(extractor):
    docs = [d for d in read_inputs([str(EXAMPLES / "01-will-they-unite.txt"), str(EXAMPLES / "07-wire-items.jsonl")])]
    return list(extractor.extract_many(docs))


def _declared(name, type_, parent_names) -> bool:
    """Everything but the full-text index: on SQLite its FTS5 tables (and their shadow
    tables), virtual tables outside the metadata; on PostgreSQL its GIN expression
    indexes (store/fulltext.py)."""
    return not ((type_ == "table" and name.startswith(SQLITE_TABLES)) or (type_ == "index" and name in PG_INDEXES))


def test_migrations_build_exactly_the_declared_schema(store):
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"include_name": _declared}), t.metadata)
    assert diff == []
    assert "alembic_version" in inspect(store.engine).get_table_names()


def test_ingest_stores_every_part_with_record_times(store, extractions):
    x = extractions[0]
    doc_id = store.ingest(x)
    assert doc_id is not None
    assert _count(store, t.claims) == len(x.claims)
    assert _count(store, t.events) == len(x.events)
    assert _count(store, t.relations) == len(x.relations)
    assert _count(store, t.mentions) == len(x.mentions)
    with store.engine.connect() as conn:
        row = conn.execute(select(t.documents)).one()._mapping
        assert row["published"] == "2017-05-01" and row["publisher"] == "Levant Monitor"
        for table in (t.documents, t.actors, t.claims, t.events, t.relations, t.mentions):
            assert conn.execute(select(func.count()).select_from(table).where(table.c.recorded_at.is_(None))).scalar() == 0
        # The claim content is stored with its span and its own date (said_on).
        claim = conn.execute(select(t.claims).where(t.claims.c.said_on == "2017-04-17")).one()._mapping
        assert row["text"][claim["content_start"] : claim["content_end"]] == claim["content"]


def test_reingesting_the_same_text_changes_nothing(store, extractions):
    for x in extractions:
        store.ingest(x)
    before = {tbl.name: _count(store, tbl) for tbl in t.metadata.sorted_tables}
    assert all(store.ingest(x) is None for x in extractions)
    assert {tbl.name: _count(store, tbl) for tbl in t.metadata.sorted_tables} == before


def test_a_failure_mid_document_leaves_nothing_half_written(store, extractions):
    x = copy.deepcopy(extractions[0])
    x.relations[0].source = "a9999"  # an actor that does not exist: fails after documents, claims, events
    with pytest.raises(KeyError):
        store.ingest(x)
    for table in (t.documents, t.actors, t.claims, t.events, t.mentions):
        assert _count(store, table) == 0


def test_actors_are_shared_across_documents_but_descriptions_are_not(store, extractions):
    for x in extractions:
        store.ingest(x)
    with store.engine.connect() as conn:
        keys = [r[0] for r in conn.execute(select(t.actors.c.key))]
    assert keys.count("kb:islamic-state") == 1
    assert any(k.startswith("doc1:population:iraqi intelligence sources") for k in keys)


def test_reopening_an_existing_store_keeps_its_data(store_url, extractions):
    open_store(store_url).ingest(extractions[0])
    assert _count(open_store(store_url), t.documents) == 1


def test_a_batch_stores_what_documents_one_at_a_time_store(store, store_url, tmp_path, extractions):
    one_at_a_time = f"sqlite:///{tmp_path / 'one-at-a-time.db'}"
    single = open_store(one_at_a_time)
    for x in extractions:
        single.ingest(x)
    outcomes = store.ingest_many(extractions)
    assert len(extractions) > 2 and all(isinstance(o, int) for o in outcomes)
    content = store_content(store_url)
    assert content["claims"] and content["relations"] and content["events"]
    assert content == store_content(one_at_a_time)


def test_a_bad_document_in_a_batch_costs_only_itself(store, extractions):
    bad = copy.deepcopy(extractions[0])
    bad.relations[0].source = "a9999"  # fails after its document, claims and events were written
    outcomes = store.ingest_many([*extractions[1:], bad])
    assert isinstance(outcomes[-1], KeyError) and all(isinstance(o, int) for o in outcomes[:-1])
    assert _count(store, t.documents) == len(extractions) - 1
    with store.engine.connect() as conn:
        hashes = set(conn.execute(select(t.documents.c.text_sha256)).scalars())
        assert bad.document.text_sha256 not in hashes
        assert conn.execute(select(func.count()).select_from(t.claims)).scalar() == sum(len(x.claims) for x in extractions[1:])


def test_a_batch_skips_stored_texts_and_repeats(store, extractions):
    first, second = extractions[0], extractions[1]
    store.ingest(first)
    outcomes = store.ingest_many([first, second, second])
    assert outcomes[0] is None and isinstance(outcomes[1], int) and outcomes[2] is None
    assert _count(store, t.documents) == 2
    assert store.stored_hashes([first.document.text_sha256, "0" * 64]) == {first.document.text_sha256}


def test_every_extracted_relation_is_stored_with_its_rules_confidence(store, extractions):
    from factions.rules import relation_confidence

    store.ingest(extractions[0])
    with store.engine.connect() as conn:
        rows = conn.execute(select(t.relations.c.rule, t.relations.c.confidence)).all()
    assert rows and all(c == relation_confidence(rule) and 0 < c < 1 for rule, c in rows)
    assert relation_confidence("analyst") is None


def test_upgrading_fills_the_confidence_of_relations_stored_before(store_url):
    """Migration 0010: each relation stored without a confidence gets its rule's, one
    whose rule was not measured (or had no id yet) the prior; an analyst's keeps none."""
    from alembic import command
    from sqlalchemy import create_engine, text

    from factions.lexicons import validated_table
    from factions.store.db import alembic_config

    engine = create_engine(store_url)
    config = alembic_config(engine)
    rules = ["relations.control", "relations.not-measured", None, "analyst"]
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0009")
        conn.execute(text("INSERT INTO documents (id, text_sha256, source, authors, translators, text, recorded_at) "
                          "VALUES (1, 'x', 'old.txt', '[]', '[]', 'Old text.', '2025-01-01 00:00:00')"))
        conn.execute(text("INSERT INTO actors (id, key, name, kind, basis, recorded_at) VALUES (1, 'armed_group:a', 'A', 'armed_group', 'text', '2025-01-01 00:00:00'), "
                          "(2, 'armed_group:b', 'B', 'armed_group', 'text', '2025-01-01 00:00:00')"))
        for n, rule in enumerate(rules, 1):
            conn.execute(text("INSERT INTO relations (id, document_id, type, source_id, target_id, source_start, source_end, target_start, target_end, "
                              "evidence, evidence_start, evidence_end, modality, rule, recorded_at) "
                              "VALUES (:id, 1, 'fights', 1, 2, 0, 1, 2, 3, 'Old text.', 0, 9, 'asserted', :rule, '2025-01-01 00:00:00')"),
                         {"id": n, "rule": rule})
    engine.dispose()
    table = validated_table("rule_confidence")
    with open_store(store_url).engine.connect() as conn:
        stored = dict(conn.execute(select(t.relations.c.id, t.relations.c.confidence)).all())
    prior = table["prior"]["confidence"]
    assert stored == {1: table["rule"]["relations.control"]["confidence"], 2: prior, 3: prior, 4: None}
