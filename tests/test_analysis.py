"""Stage 6: relation states over time, source grading, cross-article events,
network, exports and tracked questions."""

import csv
import io
import json

import networkx as nx
import pytest
from typer.testing import CliRunner

from factions.analysis import grading
from factions.analysis.states import periods
from factions.cli import app

runner = CliRunner()


def _run(*args, code=0):
    result = runner.invoke(app, list(args))
    assert result.exit_code == code, result.output
    return result.stdout


def _json(*args):
    return json.loads(_run(*args, "--json"))


@pytest.fixture()
def db(demo_url):
    return demo_url  # the test's own copy of the demo store, on SQLite and PostgreSQL


@pytest.fixture(scope="module")
def demo(demo_module_url):
    return demo_module_url  # the demo store shared by the tests that only read it, on both backends


def test_state_as_of_and_known_on(demo):
    data = _json("relation", "ISIS", "al-Qaeda", "--as-of", "2017-06-01", "--db", demo)
    st = data["state"]
    assert (st["state"], st["since"]) == ("negotiating", "2017-04-17")
    assert [(i["speaker"], i["reliability"], i["credibility"]) for i in st["evidence_for"]] == [("Iraqi intelligence sources", "E", 4)]
    assert [(i["speaker"], i["modality"]) for i in st["evidence_against"]] == [("senior IS leader", "denied")]
    assert [(i["state"], i["modality"]) for i in st["prospects"]] == [("allied", "conditional")]
    assert 0 < st["confidence"] < 0.3
    assert _json("relation", "ISIS", "al-Qaeda", "--as-of", "2017-06-01", "--known-on", "2017-04-30", "--db", demo)["state"]["state"] == "none"
    assert _json("relation", "ISIS", "al-Qaeda", "--as-of", "2016-12-31", "--db", demo)["state"]["state"] == "none"


def _item(state, date, polarity="for", speaker="s1", background=False, text=None):
    return {"state": state, "date": date, "polarity": polarity, "source_key": speaker, "content": text or f"{speaker} {state} {date}",
            "reliability": "B", "background": background}


def test_a_state_holds_until_another_is_reported_or_a_party_ends():
    items = [_item("fighting", "2014-01"), _item("fighting", "2014-06", speaker="s2"), _item("allied", "2016-03"),
             _item("rivals", "2016-03", speaker="s3"), _item("negotiating", "2019-01")]
    history = periods(items, ended="2018-05")
    assert [(p.state, p.start, p.end) for p in history] == [("fighting", "2014-01", "2016-03"), ("allied", "2016-03", "2018-05")]
    assert [i["state"] for i in history[1].competing] == ["rivals"]  # side by side, not overwritten
    assert [p.state for p in periods([_item("rivals", "2015", background=True)])] == ["rivals"]
    assert [p.state for p in periods([_item("rivals", "2017", background=True), _item("allied", "2016")])] == ["allied"]


def test_independence_and_credibility():
    wire = _item("allied", "2016", speaker="actor:1", text="The two groups agreed to merge, the official said.")
    copy = _item("allied", "2016", speaker="outlet:Other Daily", text="The two groups agreed to merge, the official said.")
    same_official = _item("allied", "2016", speaker="actor:1", text="A different wording from the same official.")
    other = _item("allied", "2016", speaker="actor:2", text="A second, independent source.")
    assert len(grading.independent_groups([wire, copy, same_official, other])) == 2
    assert grading.credibility([other, _item("allied", "2016", speaker="actor:3")], []) == 1
    assert grading.credibility([other], []) == 2
    assert grading.credibility([], []) == 3
    assert grading.credibility([], [_item("allied", "2016", "against", speaker="actor:4")]) == 4
    assert grading.credibility([], [_item("allied", "2016", "against", speaker="actor:4"), _item("allied", "2016", "against", speaker="actor:5")]) == 5
    assert grading.credibility([other], [], prospective=True) == 6


@pytest.mark.parametrize("actor,grade", [
    ({"name": "Amaq News Agency", "kind": "media", "kb_id": "amaq"}, "D"),
    ({"name": "Reuters", "kind": "media", "kb_id": "reuters"}, "B"),
    ({"name": "intelligence sources", "kind": "population", "kb_id": None}, "E"),
    ({"name": "International Crisis Group", "kind": "organization", "kb_id": "international-crisis-group"}, "B"),
    ({"name": "Abu Bakr al-Baghdadi", "kind": "person", "kb_id": "abu-bakr-al-baghdadi"}, "D"),
    ({"name": "Iraq", "kind": "state", "kb_id": "iraq"}, "C"),
    (None, "B"),
])
def test_default_reliability_by_kind_of_source(actor, grade):
    assert grading.reliability(actor) == grade


def test_hostile_government_and_user_overrides(tmp_path, monkeypatch):
    assert grading.reliability({"name": "Iraq", "kind": "state", "kb_id": "iraq"}, hostile=True) == "D"
    mine = tmp_path / "grades.toml"
    mine.write_text('[override]\n"reuters" = "A"\n')
    monkeypatch.setenv("FACTIONS_GRADES", str(mine))
    grading.grading.cache_clear()
    try:
        assert grading.reliability({"name": "Reuters", "kind": "media", "kb_id": "reuters"}) == "A"
    finally:
        grading.grading.cache_clear()


def test_the_same_event_from_two_articles_is_one_event(tmp_path, store_url):
    url = store_url
    a = tmp_path / "a.jsonl"
    a.write_text(
        json.dumps({"text": "Liwa al-Nasr fighters clashed with the Islamic State near Raqqa on March 3, 2016, a local official said.", "published": "2016-03-05", "publisher": "Outlet One"}) + "\n"
        + json.dumps({"text": "The Islamic State clashed with Liwa al-Nasr near Raqqa on March 3, 2016, according to activists.", "published": "2016-03-07", "publisher": "Outlet Two"}) + "\n"
    )
    _run("ingest", str(a), "--db", url)
    events = [e for e in _json("timeline", "Liwa al-Nasr", "Islamic State", "--db", url) if e["type"] == "ASSAULT"]
    assert len(events) == 1
    assert sorted((r["speaker"], r["outlet"]) for r in events[0]["reports"]) == [("activists", "Outlet Two"), ("local official", "Outlet One")]
    assert events[0]["when"] == "2016-03-03"


def test_network_graphml_and_json(demo, tmp_path):
    out = tmp_path / "net.graphml"
    _run("network", "--as-of", "2030-01-01", "--format", "graphml", "--out", str(out), "--db", demo)
    graph = nx.read_graphml(out)
    names = {d["name"]: n for n, d in graph.nodes(data=True)}
    edge = graph.edges[names["Islamic State"], names["al-Qaeda"]]
    assert edge["state"] == "negotiating"
    data = json.loads(_run("network", "--as-of", "2030-01-01", "--format", "json", "--db", demo))
    assert {"nodes", "edges"} <= set(data) and len(data["edges"]) == graph.number_of_edges()


def test_exports_validate_with_their_libraries(demo, tmp_path):
    import stix2
    from prov.model import ProvDocument

    bundle = stix2.parse(_run("export", "--format", "stix", "--db", demo), allow_custom=True)
    kinds = {o.type for o in bundle.objects}
    assert {"threat-actor", "identity", "relationship", "report", "note", "opinion"} <= kinds
    groups = {o.name for o in bundle.objects if o.type == "threat-actor"}
    assert {"Islamic State", "al-Qaeda"} <= groups
    assert any(o.type == "relationship" and o.relationship_type == "negotiates-with" and 0 <= o.confidence <= 100 for o in bundle.objects)

    prov = ProvDocument.deserialize(content=_run("export", "--format", "prov", "--db", demo), format="json")
    assert len(prov.get_records()) > 50

    rows = list(csv.DictReader(io.StringIO(_run("export", "--format", "csv", "--db", demo))))
    assert rows and {"type", "source", "target", "modality", "speaker", "reliability"} <= set(rows[0])

    events = json.loads(_run("export", "--format", "plover", "--db", demo))
    assert all(e["event_type"] and e["report_count"] >= 1 for e in events)

    graph = nx.parse_graphml(_run("export", "--format", "graphml", "--db", demo))
    assert graph.number_of_nodes() > 5

    result = runner.invoke(app, ["export", "--format", "pdf", "--db", demo])
    assert result.exit_code == 2 and "--format must be one of" in result.stderr


def test_a_tracked_question_from_forecast_to_score(db):
    out = _run("question", "add", "Will al-Qaeda and the Islamic State unite?", "--by", "2018-12-31",
               "--criteria", "a merger announced by both", "--author", "ana", "--db", db)
    assert out.startswith("question 1:")
    shown = _json("question", "show", "1", "--db", db)
    assert sorted(shown["actors"]) == ["Islamic State", "al-Qaeda"]
    fired = {i["name"]: i["fired"] for i in shown["current"]["indicators"]}
    assert fired["talks denied"] and not fired["negotiation claims from at least two independent sources"]
    assert shown["current"]["probability"] == pytest.approx(0.1667, abs=1e-4)  # odds 0.25 × 0.8
    computed = shown["forecasts"][0]
    assert computed["author"] == "computed" and computed["basis"][0]["indicator"] == "talks denied" and computed["basis"][0]["claims"]
    _run("question", "forecast", "1", "--p", "0.1", "--author", "ana", "--db", db)
    assert "unchanged" in _run("question", "update", "1", "--db", db)
    scores = _run("question", "resolve", "1", "--outcome", "H2", "--on", "2019-01-01", "--author", "ana", "--db", db)
    assert "ana: 1 forecasts, Brier 0.010, log 0.105" in scores
    assert "computed: 1 forecasts, Brier 0.028, log 0.182" in scores
    bad = runner.invoke(app, ["question", "resolve", "1", "--outcome", "H9", "--on", "2019-01-01", "--db", db])
    assert bad.exit_code == 1 and "outcome must be one of H1, H2" in bad.stderr


def test_a_dated_war_lapses_after_its_horizon(tmp_path, store_url):
    # "fought a border war in 1999", reported in 2017: fighting then, not in 2017.
    text = tmp_path / "war.txt"
    text.write_text("Ethiopia and Eritrea fought a three-week border war in 1999.", encoding="utf-8")
    db = store_url
    _run("ingest", str(text), "--db", db, "--published", "2017-05-01")
    then = _json("relation", "Ethiopia", "Eritrea", "--as-of", "1999-06-01", "--db", db)
    later = _json("relation", "Ethiopia", "Eritrea", "--as-of", "2017-05-01", "--db", db)
    assert then["state"]["state"] == "fighting" and then["state"]["until"] == "2000-06-28"
    assert later["state"]["state"] == "none"


def test_undated_fighting_does_not_lapse():
    items = [{"type": "fights", "state": "fighting", "polarity": "for", "background": False, "date": "2017-03-01",
              "when_end": None, "when_precision": None}]
    assert periods(items)[0].end is None


def test_an_unknown_name_is_an_error_with_suggestions_never_another_actor(tmp_path, store_url):
    text = tmp_path / "a.txt"
    text.write_text("The United States struck the Islamic State near Raqqa on 3 May 2017.", encoding="utf-8")
    db = store_url
    _run("ingest", str(text), "--db", db)
    # Known to the knowledge base but named by no stored document: no answer about "US".
    result = runner.invoke(app, ["relation", "ISIL", "al-Nusra Front", "--db", db])
    assert result.exit_code == 2
    assert "no actor named 'al-Nusra Front' in the store" in result.stderr and "knowledge base knows it" in result.stderr
    assert "United States" not in result.stdout
    # A misspelling is suggested, not answered.
    result = runner.invoke(app, ["actor", "Islamic Stat", "--db", db])
    assert result.exit_code == 2 and "did you mean 'Islamic State'" in result.stderr
