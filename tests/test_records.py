"""Analysts' judgements on relations, events and claims — reject, retype, confirm, add
by hand — recorded, reversible, and honoured by every query and export."""

import csv
import io
import json
import re
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from factions import analysis
from factions.analysis.network import network
from factions.cli import app
from factions.export import export
from factions.model import Document
from factions.store import open_store, records
from factions.store import schema as t

runner = CliRunner()

FIGHTS = ("a.txt", "2019-03-02",
          "The Islamic State attacked the Kurdish YPG near the town of Hajin on Tuesday, a spokesman for the Syrian "
          "Democratic Forces said. Islamic State fighters clashed with the YPG again on Friday, the spokesman added.")
ALLIANCE = ("b.txt", "2019-04-10",
            "Hayat Tahrir al-Sham and the Islamic State are allied, a Syrian Observatory official claimed on Monday. "
            "Hayat Tahrir al-Sham denied any alliance with the Islamic State.")
# What the two texts give: two fights, "Islamic State fighters" (a member) and the spokesman
# for the SDF (one of its own) in the first; the alliance claimed ("are allied"), the alliance
# denied, and the official's body in the second.
EXTRACTED_RELATIONS = 7


@pytest.fixture()
def url(extractor, store_url):
    url = store_url
    store = open_store(url)
    for source, published, text in (FIGHTS, ALLIANCE):
        store.ingest(extractor.extract(Document(source=source, text=text, published=date.fromisoformat(published))))
    return url


def _ids(conn, table, **where):
    return conn.execute(select(table.c.id).where(*(table.c[k] == v for k, v in where.items())).order_by(table.c.id)).scalars().all()


@pytest.fixture()
def ids(url):
    """The records the two texts gave: the two reported fights and their claims and events."""
    with open_store(url).engine.connect() as conn:
        fights = _ids(conn, t.relations, type="fights")
        claims = _ids(conn, t.claims, document_id=1)
        assaults = _ids(conn, t.events, type="ASSAULT")
        pair = conn.execute(select(t.relations.c.source_id, t.relations.c.target_id).where(t.relations.c.id == fights[0])).one()
    assert len(fights) == 2 and len(claims) == 2 and len(assaults) == 2
    return {"fights": fights, "claims": claims, "assaults": assaults, "pair": tuple(pair)}


def _evidence(conn, include_rejected=False):
    return analysis.relation_evidence(conn, "Islamic State", "YPG", include_rejected=include_rejected)


def test_a_rejected_relation_leaves_the_state_and_the_network_and_undo_brings_it_back(url, ids):
    first, second = ids["fights"]
    engine = open_store(url).engine
    with engine.begin() as conn:
        before = _evidence(conn)
        assert before["state"]["state"] == "fighting" and [i["relation"] for i in before["relations"]["fights"]] == [first, second]
        assert network(conn).has_edge(*ids["pair"])
        j1 = records.reject(conn, "relation", first, "ana", "the first report is a misreading")
        after = _evidence(conn)
        assert [i["relation"] for i in after["state"]["evidence_for"]] == [second]
        j2 = records.reject(conn, "relation", second, "ana", "so is the second")
        assert _evidence(conn)["state"]["state"] == "none" and _evidence(conn)["relations"] == {}
        assert not network(conn).has_edge(*ids["pair"])
        shown = _evidence(conn, include_rejected=True)["rejected"]
        assert [(i["relation"], i["rejected"]) for i in shown] == [(first, True), (second, True)]
        records.undo(conn, j1, "ana")
        records.undo(conn, j2, "ana")
        with pytest.raises(records.AlreadyUndone):
            records.undo(conn, j1, "ana")
        assert _evidence(conn)["state"]["state"] == "fighting"
        assert [(h["action"], h["author"], h["undone_by"]) for h in records.history(conn, "relation", first)] == [("reject", "ana", "ana")]
        # The extracted rows were never touched.
        assert conn.execute(select(func.count()).select_from(t.relations)).scalar() == EXTRACTED_RELATIONS


def test_a_retyped_relation_answers_under_its_new_type(url, ids):
    first, _ = ids["fights"]
    with open_store(url).engine.begin() as conn:
        retyped = records.retype(conn, "relation", first, "opposes", "ana", "a clash of words, not arms")
        grouped = _evidence(conn)["relations"]
        assert [(i["relation"], i["extracted_type"]) for i in grouped["opposes"]] == [(first, "fights")]
        assert first not in [i["relation"] for i in grouped["fights"]]
        confirmed = records.confirm(conn, "relation", first, "bo", "opposes it is")
        with pytest.raises(records.UndoOrder, match=f"undo the later judgements on relation {first} first: {confirmed}"):
            records.undo(conn, retyped, "ana")
        records.undo(conn, confirmed, "ana")
        records.undo(conn, retyped, "ana")
        assert first in [i["relation"] for i in _evidence(conn)["relations"]["fights"]]
        records.retype(conn, "relation", first, "opposes", "ana", "a clash of words, not arms")
        with pytest.raises(records.AlreadyJudged, match="already of type opposes"):
            records.retype(conn, "relation", first, "opposes", "ana", "again")
        with pytest.raises(records.UnknownType, match="no relation type 'hates'"):
            records.retype(conn, "relation", first, "hates", "ana", "r")
        with pytest.raises(records.UnknownType, match="no event type 'FIGHT'"):
            records.retype(conn, "event", ids["assaults"][0], "FIGHT", "ana", "r")
        with pytest.raises(records.UnknownRecord, match="no relation 999"):
            records.reject(conn, "relation", 999, "ana", "r")


def test_a_rejected_claim_takes_its_events_and_relations_with_it(url, ids):
    claim = ids["claims"][0]
    with open_store(url).engine.begin() as conn:
        records.reject(conn, "claim", claim, "ana", "the spokesman said no such thing")
        assert claim not in [c["id"] for c in analysis.list_claims(conn)]
        assert [c["rejected"] for c in analysis.list_claims(conn, include_rejected=True) if c["id"] == claim] == [True]
        reports = [r["event"] for e in analysis.timeline(conn, "Islamic State") for r in e["reports"]]
        assert ids["assaults"][0] not in reports and ids["assaults"][1] in reports
        assert [i["relation"] for i in _evidence(conn)["relations"]["fights"]] == [ids["fights"][1]]
        with pytest.raises(records.AlreadyJudged, match="already rejected"):
            records.confirm(conn, "claim", claim, "ana", "r")


def test_event_judgements_show_in_the_timeline_and_take_implied_relations(url, ids):
    first, second = ids["assaults"]
    with open_store(url).engine.begin() as conn:
        records.retype(conn, "event", second, "COERCE", "ana", "a raid, not a battle")
        records.confirm(conn, "event", second, "bo", "seen in two other reports")
        records.reject(conn, "event", first, "ana", "no attack on Tuesday")
        events = analysis.timeline(conn, "Islamic State", "YPG")
        assert [(e["type"], [(r["event"], r["confirmed"], r["extracted_type"]) for r in e["reports"]]) for e in events] == [
            ("COERCE", [(second, True, "ASSAULT")])]
        # The fight read from the rejected event is gone with it.
        implied = conn.execute(select(t.relations.c.id).where(t.relations.c.event_id == first)).scalars().all()
        assert implied and not set(implied) & {i["relation"] for i in _evidence(conn)["relations"]["fights"]}


def test_records_added_by_hand_appear_with_basis_analyst_until_undone(url):
    text = ALLIANCE[2]
    span = (0, text.index(", a Syrian"))
    with open_store(url).engine.begin() as conn:
        hts, isis = analysis.resolve_actor(conn, "Hayat Tahrir al-Sham")[0], analysis.resolve_actor(conn, "Islamic State")[0]
        doc = records.document_id(conn, "b.txt")
        jid, rid = records.add_relation(conn, doc, hts, isis, "allied_with", "ana", "the observatory's claim, read by hand", span, "2019-04")
        data = analysis.relation_evidence(conn, "Hayat Tahrir al-Sham", "Islamic State")
        added = [i for i in data["relations"]["allied_with"] if i["relation"] == rid]
        assert [(i["basis"], i["evidence"], i["date"]) for i in added] == [("analyst", text[span[0]:span[1]], "2019-04")]
        _, eid = records.add_event(conn, doc, "AGREE", [hts, isis], [], "ana", "they agreed to it", span, "2019-04-01")
        assert [(e["type"], e["reports"][0]["basis"]) for e in analysis.timeline(conn, "Hayat Tahrir al-Sham") if e["reports"][0]["event"] == eid] == [("AGREE", "analyst")]
        _, cid = records.add_claim(conn, doc, hts, (text.index("any alliance"), len(text) - 1), "ana", "the denial is a claim too")
        claim = [c for c in analysis.list_claims(conn, speaker="Hayat Tahrir al-Sham") if c["id"] == cid]
        assert [(c["basis"], c["content"], c["said_on"]) for c in claim] == [("analyst", "any alliance with the Islamic State", "2019-04-10")]
        records.undo(conn, jid, "ana")
        assert rid not in [i["relation"] for items in analysis.relation_evidence(conn, "Hayat Tahrir al-Sham", "Islamic State")["relations"].values() for i in items]
        assert conn.execute(select(t.relations.c.rule).where(t.relations.c.id == rid)).scalar() == "analyst"  # kept, not deleted
        with pytest.raises(records.BadEvidence, match="span 0:9999 is not within document"):
            records.add_relation(conn, doc, hts, isis, "allied_with", "ana", "r", (0, 9999))
        with pytest.raises(records.BadEvidence, match="no document 'c.txt'"):
            records.document_id(conn, "c.txt")
        with pytest.raises(records.BadEvidence, match="not a date"):
            records.add_event(conn, doc, "AGREE", [hts], [], "ana", "r", span, "April 2019")


def test_exports_honour_the_judgements(url, ids):
    first, second = ids["fights"]
    with open_store(url).engine.begin() as conn:
        records.reject(conn, "relation", first, "ana", "misread")
        records.confirm(conn, "relation", second, "ana", "checked")
        records.reject(conn, "claim", ids["claims"][1], "ana", "not a claim")  # carries the second assault
        rows = list(csv.DictReader(io.StringIO(export(conn, "csv"))))
        assert str(first) not in [r["relation"] for r in rows]
        assert [(r["basis"], r["confirmed"]) for r in rows if r["relation"] == str(second)] == []  # carried by the rejected claim
        records.undo(conn, records.history(conn, "claim")[-1]["id"], "ana")
        rows = list(csv.DictReader(io.StringIO(export(conn, "csv"))))
        assert [(r["basis"], r["confirmed"]) for r in rows if r["relation"] == str(second)] == [("extracted", "yes")]
        stix = json.loads(export(conn, "stix"))
        relationships = [o for o in stix["objects"] if o["type"] == "relationship" and o["relationship_type"] == "fights"]
        assert [o["x_factions_confirmed"] for o in relationships] == [True]
        assert [o["modified"] > o["created"] for o in relationships] == [True]  # the confirmation is a new version
        records.reject(conn, "event", ids["assaults"][0], "ana", "no attack on Tuesday")
        plover = json.loads(export(conn, "plover"))
        assert ids["assaults"][0] not in [r["event"] for e in plover for r in e["reports"]]
        assert ids["assaults"][1] in [r["event"] for e in plover for r in e["reports"]]
        records.reject(conn, "claim", ids["claims"][0], "ana", "not a claim")
        prov = export(conn, "prov")
        assert f"claim-{ids['claims'][0]}\"" not in prov and f"claim-{ids['claims'][1]}\"" in prov
        graph = network(conn)
        assert [graph.edges[e]["sources"] for e in graph.edges if {graph.nodes[n]["name"] for n in e} == {"Islamic State", "People's Protection Units"}] == [1]


def _cli(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_cli_judges_lists_and_undoes(url, ids):
    first, second = ids["fights"]
    result = _cli("relation", "reject", first, "--reason", "misread", "--author", "ana", "--db", url)
    assert result.exit_code == 0 and result.stdout.strip() == f"judgement 1: relation {first} rejected"
    assert _cli("relation", "confirm", second, "--reason", "checked", "--by", "bo", "--db", url).exit_code == 0
    assert "is now COERCE" in _cli("event", "retype", ids["assaults"][1], "COERCE", "--reason", "a raid", "--by", "cy", "--db", url).stdout
    shown = _cli("relation", "Islamic State", "YPG", "--show-rejected", "--db", url).stdout
    assert re.search(rf"│ {second} \(confirmed\) +│", shown) and "Rejected by an analyst (1)" in shown and f"{first} (rejected)" in shown
    data = json.loads(_cli("relation", "--json", "Islamic State", "YPG", "--db", url).stdout)  # options may come first
    assert [i["relation"] for i in data["relations"]["fights"]] == [second]
    assert f"{ids['assaults'][1]} (was ASSAULT)" in _cli("timeline", "Islamic State", "--db", url).stdout
    listed = json.loads(_cli("judgements", "--db", url, "--json").stdout)
    assert [(j["action"], f"{j['record']}:{j['record_id']}", j["author"]) for j in listed] == [
        ("reject", f"relation:{first}", "ana"), ("confirm", f"relation:{second}", "bo"), ("retype", f"event:{ids['assaults'][1]}", "cy")]
    assert [j["id"] for j in json.loads(_cli("judgements", "--record", f"relation:{second}", "--db", url, "--json").stdout)] == [2]
    result = _cli("event", "undo", 1, "--db", url)
    assert result.exit_code == 2 and f"judgement 1 judged relation {first}, not an event" in result.stderr
    assert _cli("relation", "undo", 1, "--db", url).stdout.strip() == f"judgement 1 (reject relation {first}) undone"
    added = _cli("relation", "add", "Hayat Tahrir al-Sham", "Islamic State", "allied_with", "--doc", "b.txt", "--span", "0:51",
                 "--when", "2019-04", "--reason", "by hand", "--db", url)
    assert added.exit_code == 0 and re.fullmatch(r"judgement 4: relation \d+ added \(Hayat Tahrir al-Sham allied_with Islamic State\)\n", added.stdout)
    assert "(analyst)" in _cli("relation", "Hayat Tahrir al-Sham", "Islamic State", "--db", url).stdout
    claim = _cli("claim", "add", "Hayat Tahrir al-Sham", "--doc", "b.txt", "--span", "130:165", "--reason", "missed", "--db", url)
    assert claim.exit_code == 0, claim.output
    assert re.search(r"│ \d+ \(analyst\) +│ 2019-04-10", _cli("claims", "--speaker", "Hayat Tahrir al-Sham", "--db", url).stdout)


@pytest.mark.parametrize("args,message", [
    (["relation", "reject", "999", "--reason", "r"], "no relation 999 in the store"),
    (["event", "retype", "1", "FIGHT", "--reason", "r"], "no event type 'FIGHT'; the types are AGREE, "),
    (["claim", "undo", "7"], "no judgement 7"),
    (["relation", "add", "Islamic State", "YPG", "fights", "--doc", "z.txt", "--reason", "r"], "no document 'z.txt' in the store"),
    (["relation", "add", "Islamic State", "YPG", "fights", "--doc", "a.txt", "--span", "5", "--reason", "r"], "--span must be START:END"),
    (["relation", "add", "Islamic State", "Liwa al-Nowhere", "fights", "--doc", "a.txt", "--reason", "r"], "no actor named 'Liwa al-Nowhere'"),
    (["judgements", "--record", "relation-1"], "'relation-1' is not a record as relation:ID"),
    (["relation", "add", "ISIS", "Islamic State", "fights", "--doc", "a.txt", "--reason", "r"], "a relation needs two different actors"),
    (["event", "add", "ASSAULT", "--doc", "a.txt", "--reason", "r"], "an event needs a participant"),
    (["claim", "add", "Islamic State", "--doc", "a.txt", "--span", "0:9", "--said-on", "Tuesday", "--reason", "r"], "'Tuesday' is not a date"),
])
def test_cli_bad_input_is_one_line_and_exit_2_and_writes_nothing(url, args, message):
    result = _cli(*args, "--db", url)
    assert result.exit_code == 2 and result.stderr.startswith(f"factions: error: {message}") and result.stderr.count("\n") == 1
    with open_store(url).engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(t.record_judgements)).scalar() == 0
        assert conn.execute(select(func.count()).select_from(t.relations)).scalar() == EXTRACTED_RELATIONS


def test_cli_judging_twice_is_an_error(url, ids):
    first = ids["fights"][0]
    assert _cli("relation", "reject", first, "--reason", "r", "--db", url).exit_code == 0
    again = _cli("relation", "reject", first, "--reason", "r", "--db", url)
    assert again.exit_code == 2 and f"relation {first} is already rejected (judgement 1); undo that first" in again.stderr
    _cli("relation", "undo", 1, "--db", url)
    twice = _cli("relation", "undo", 1, "--db", url)
    assert twice.exit_code == 2 and "judgement 1 was already undone" in twice.stderr


def test_no_query_reads_the_record_tables_around_the_judgements():
    """Queries and exports read relations, events and claims through store/records.py,
    so a new query cannot forget the analysts' judgements."""
    src = Path(__file__).resolve().parent.parent / "src" / "factions"
    direct = re.compile(r"\b(?:t|schema)\.(?:relations|events|claims)\b")
    offenders = [f"{p.relative_to(src)}:{n}" for folder in ("analysis", "export", "cli") for p in sorted((src / folder).rglob("*.py"))
                 for n, line in enumerate(p.read_text("utf-8").splitlines(), 1) if direct.search(line)]
    assert offenders == []


def test_show_rejected_lists_rejected_events_and_claims_flagged(url, ids):
    event, claim = ids["assaults"][0], ids["claims"][1]
    _cli("event", "reject", event, "--reason", "no attack on Tuesday", "--db", url)
    _cli("claim", "reject", claim, "--reason", "not a claim", "--db", url)
    assert f"{event} (rejected)" not in _cli("timeline", "Islamic State", "--db", url).stdout
    assert f"{event} (rejected)" in _cli("timeline", "Islamic State", "--show-rejected", "--db", url).stdout
    assert f"│ {claim} (rejected)" not in _cli("claims", "--db", url).stdout
    assert re.search(rf"│ {claim} \(rejected\) +│ 2019-03-02", _cli("claims", "--show-rejected", "--db", url).stdout)


def test_the_review_queue_is_unjudged_relations_least_sure_first(extractor, store_url):
    """analysis.review.review_queue (the API's /review and the review page): by stored
    confidence, ties by id; judged relations leave it, undone ones come back, an
    analyst's own are not queued; `sources` counts the documents reporting the pair."""
    from factions.analysis.review import review_queue
    from factions.rules import relation_confidence

    store = open_store(store_url)
    for n, text in enumerate(("Hezbollah fighters clashed with the Islamic State near Qusayr on Monday, a spokesman said.",
                              "Hezbollah fought the Islamic State in Qalamoun, the group's commander said on Tuesday.")):
        store.ingest(extractor.extract(Document(source=f"{n}.txt", text=text, published=date(2014, 5, 5 + n))))
    with store.engine.connect() as conn:
        queue = review_queue(conn, limit=50)
        stored = conn.execute(select(t.relations.c.id, t.relations.c.rule, t.relations.c.confidence)).all()
    assert queue["total"] == len(stored) == len(queue["items"]) >= 3
    assert [(i["confidence"], i["relation"]) for i in queue["items"]] == sorted((c, i) for i, _, c in stored)
    assert all(c == relation_confidence(rule) for _, rule, c in stored)
    fights = [i for i in queue["items"] if i["type"] == "fights"]
    assert len(fights) == 2 and all(i["sources"] == 2 for i in fights)
    assert all(i["sources"] == 1 for i in queue["items"] if i["type"] != "fights")
    first, second = queue["items"][0]["relation"], queue["items"][1]["relation"]
    with store.engine.begin() as conn:
        confirmed = records.confirm(conn, "relation", first, "rev", "read it")
        records.retype(conn, "relation", second, "opposes", "rev", "read it")
        records.add_relation(conn, fights[0]["document_id"], fights[0]["source_id"], fights[0]["target_id"], "allied_with", "rev", "missed")
    with store.engine.connect() as conn:
        left = review_queue(conn, limit=1, offset=0)
    assert left["total"] == queue["total"] - 2 and left["items"][0]["relation"] == queue["items"][2]["relation"]
    with store.engine.begin() as conn:
        records.undo(conn, confirmed, "rev")
    with store.engine.connect() as conn:
        assert review_queue(conn, limit=1)["items"][0]["relation"] == first
