"""The REST API (issue 14 items 1, 2, 4): every endpoint on a store made from the
example corpus, with real content; errors with their statuses; the token, the
login cookie, the loopback and same-origin rules; judgements made over HTTP that the
CLI honours and undo takes back."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import networkx as nx
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from conftest import EXAMPLES
from factions.cli import app as cli
from factions.web.app import CONTENT_SECURITY_POLICY, create_app

API = "/api/v1"


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory) -> Path:
    """The example corpus ingested once; tests that judge work on copies of it."""
    path = tmp_path_factory.mktemp("api") / "corpus.db"
    result = CliRunner().invoke(cli, ["ingest", str(EXAMPLES), "--db", f"sqlite:///{path}"])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def client(corpus_db) -> TestClient:
    return TestClient(create_app(f"sqlite:///{corpus_db}"))


@pytest.fixture()
def copy_url(corpus_db, tmp_path) -> str:
    """A private copy of the corpus store (sqlite's backup: the WAL included)."""
    target = tmp_path / "judged.db"
    with sqlite3.connect(corpus_db) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    return f"sqlite:///{target}"


def _cli_json(url: str, *args: str):
    result = CliRunner().invoke(cli, [*args, "--db", url, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_openapi_describes_every_endpoint_with_a_summary_and_a_tag(client):
    paths = client.get("/openapi.json").json()["paths"]
    expected = {"/summary", "/documents", "/documents/{document_id}", "/actors", "/actors/{actor}", "/leaders", "/relation",
                "/relations", "/network", "/claims", "/events", "/timeline", "/search", "/review", "/questions", "/questions/{question_id}",
                "/judgements", "/judgements/actors/merge", "/judgements/actors/split", "/judgements/actors/alias",
                "/judgements/actors/{judgement_id}/undo", "/judgements/records/{kind}/{record_id}/reject",
                "/judgements/records/{kind}/{record_id}/confirm", "/judgements/records/{kind}/{record_id}/retype",
                "/judgements/records/relation", "/judgements/records/event", "/judgements/records/claim",
                "/judgements/records/{judgement_id}/undo"}
    assert {API + p for p in expected} <= set(paths)
    for path, operations in paths.items():
        for op in operations.values():
            assert op["summary"] and op["tags"], path
    relation = paths[API + "/relation"]["get"]
    assert {p["name"] for p in relation["parameters"]} >= {"a", "b", "as_of", "known_on", "with_parts"}
    assert all(p.get("description") for p in relation["parameters"])


def test_documents_are_paged_and_one_document_has_every_span_with_its_rule(client):
    first = client.get(f"{API}/documents", params={"limit": 3}).json()
    second = client.get(f"{API}/documents", params={"limit": 3, "offset": 3}).json()
    assert first["total"] == second["total"] == 10 and len(first["items"]) == 3
    assert not {d["id"] for d in first["items"]} & {d["id"] for d in second["items"]}
    assert [d["published"] for d in first["items"]] == sorted(d["published"] for d in first["items"])
    clash = next(d for d in first["items"] + second["items"] if d["source"].endswith("02-deir-ez-zor-clash.txt"))
    doc = client.get(f"{API}/documents/{clash['id']}").json()
    text = doc["text"]
    assert doc["title"].startswith("Fighters loyal to Liwa al-Fajr")
    assert len(doc["mentions"]) == clash["mentions"] and len(doc["claims"]) == clash["claims"]
    assert len(doc["events"]) == clash["events"] and len(doc["relations"]) == clash["relations"]
    for m in doc["mentions"]:
        assert text[m["span"]["start"] : m["span"]["end"]] == m["text"]
    for c in doc["claims"]:
        assert text[c["content_span"]["start"] : c["content_span"]["end"]] == c["content"]
        assert c["speaker"]["name"] and c["speaker_span"]["end"] > c["speaker_span"]["start"] and c["rule"].startswith("claims.")
    observatory = next(c for c in doc["claims"] if c["speaker"]["name"] == "Syrian Observatory for Human Rights")
    assert text[observatory["cue_span"]["start"] : observatory["cue_span"]["end"]] == observatory["cue"] == "according to"
    for e in doc["events"]:
        assert e["rule"].startswith("events.") and (e["participants"] or e["rule"] == "events.no-participant")
        for p in e["participants"]:
            assert p["span"]["start"] >= 0 and text[p["span"]["start"] : p["span"]["end"]]
    for r in doc["relations"]:
        assert text[r["span"]["start"] : r["span"]["end"]] == r["evidence"] and r["rule"].startswith("relations.")
    assert any(r["type"] == "fights" and r["target"]["name"] == "Islamic State" for r in doc["relations"])
    assert client.get(f"{API}/documents/999").json() == {"detail": "no document 999 in the store"}
    assert client.get(f"{API}/documents/999").status_code == 404
    # Past what a store's ids hold, or not a number: still no document, never a database error.
    for missing in (0, -3, 2**63, 10**30):
        assert client.get(f"{API}/documents/{missing}").status_code == 404, missing
    assert client.get(f"{API}/documents/abc").status_code == 422


def test_actors_are_filtered_by_name_and_kind_and_paged(client):
    found = client.get(f"{API}/actors", params={"q": "qaeda"}).json()
    assert [a["name"] for a in found["items"]] == ["al-Qaeda"] and found["total"] == 1
    groups = client.get(f"{API}/actors", params={"kind": "armed_group", "limit": 5}).json()
    assert groups["total"] > 5 and {a["kind"] for a in groups["items"]} == {"armed_group"}
    mentions = [a["mentions"] for a in groups["items"]]
    assert mentions == sorted(mentions, reverse=True)
    rest = client.get(f"{API}/actors", params={"kind": "armed_group", "limit": 5, "offset": 5}).json()
    assert not {a["id"] for a in groups["items"]} & {a["id"] for a in rest["items"]}
    bad = client.get(f"{API}/actors", params={"kind": "army"})
    assert bad.status_code == 422 and bad.json()["detail"].startswith("kind:")


def test_an_actor_has_its_names_relations_and_claims_made_and_about(client):
    qaeda = client.get(f"{API}/actors/al-Qaeda").json()
    assert qaeda["kb_id"] == "al-qaeda" and "al-Qaeda" in qaeda["names"]
    names_over_time = client.get(f"{API}/actors/Islamic State").json()["knowledge_base"]["names_over_time"]
    assert {"Islamic State of Iraq", "Islamic State"} <= {n["name"] for n in names_over_time}
    assert any(r["target"] == "Islamic State" or r["source"] == "Islamic State" for r in qaeda["relations"])
    assert qaeda["claims_made"]["total"] >= 1
    assert {c["speaker"] for c in qaeda["claims_made"]["items"]} == {"al-Qaeda"}
    assert qaeda["claims_about"]["total"] >= 1 and all("Qaeda" in c["content"] for c in qaeda["claims_about"]["items"])
    assert client.get(f"{API}/actors/{qaeda['id']}").json()["name"] == "al-Qaeda"  # a bare id
    assert client.get(f"{API}/actors/kb:al-qaeda").json()["id"] == qaeda["id"]
    missing = client.get(f"{API}/actors/al-Qaedaa")
    assert missing.status_code == 404
    assert missing.json()["suggestions"] == ["al-Qaeda"] and "al-Qaedaa" in missing.json()["detail"]


def test_relation_is_the_object_the_cli_prints(client, corpus_db):
    params = {"a": "al-Qaeda", "b": "Islamic State", "as_of": "2017-05-01"}
    data = client.get(f"{API}/relation", params=params).json()
    assert data == _cli_json(f"sqlite:///{corpus_db}", "relation", "al-Qaeda", "Islamic State", "--as-of", "2017-05-01")
    assert data["state"]["state"] != "none" and data["state"]["evidence_for"]
    known = client.get(f"{API}/relation", params={**params, "known_on": "2017-01-01"}).json()
    assert known["known_on"] == "2017-01-01" and known["state"]["state"] == "none"
    assert client.get(f"{API}/relation", params={**params, "with_parts": True}).json()["with_parts"] is True
    bad = client.get(f"{API}/relation", params={**params, "as_of": "May 2017"})
    assert bad.status_code == 422 and bad.json() == {"detail": "as_of must be a date as YYYY-MM-DD, not 'May 2017'"}
    assert client.get(f"{API}/relation", params={"a": "al-Qaeda"}).status_code == 422
    assert client.get(f"{API}/relation", params={"a": "al-Qaeda", "b": "Nobody Brigade"}).status_code == 404


def test_relations_are_listed_by_type_party_date_modality_confidence_and_sources(client):
    everything = client.get(f"{API}/relations", params={"limit": 500}).json()
    assert everything["total"] == len(everything["items"]) > 10
    fights = client.get(f"{API}/relations", params={"type": "fights"}).json()["items"]
    assert fights and {r["type"] for r in fights} == {"fights"}
    state = client.get(f"{API}/relations", params={"party": "Islamic State"}).json()["items"]
    assert state and all("Islamic State" in (r["source"]["name"], r["target"]["name"]) for r in state)
    pair = client.get(f"{API}/relations", params=[("party", "al-Qaeda"), ("party", "Islamic State")]).json()["items"]
    assert pair and all({r["source"]["name"], r["target"]["name"]} == {"al-Qaeda", "Islamic State"} for r in pair)
    in_2019 = client.get(f"{API}/relations", params={"date_from": "2019-01-01", "date_to": "2019-12-31"}).json()["items"]
    assert in_2019 and all("2019" <= r["first"] and r["last"] <= "2019-12-31" for r in in_2019)
    denied = client.get(f"{API}/relations", params={"modality": "denied"}).json()["items"]
    assert denied and all(set(r["modalities"]) == {"denied"} and r["sources"] == 0 for r in denied)
    two = client.get(f"{API}/relations", params={"min_sources": 2}).json()["items"]
    assert two and all(r["sources"] >= 2 for r in two) and len(two) < everything["total"]
    sure = client.get(f"{API}/relations", params={"min_confidence": 0.8}).json()["items"]
    assert sure and all(r["confidence"] >= 0.8 for r in sure)
    assert client.get(f"{API}/relations", params={"type": "befriends"}).json()["detail"].startswith("no relation type 'befriends'")
    assert client.get(f"{API}/relations", params={"date_from": "2019-02-30"}).status_code == 422
    assert client.get(f"{API}/relations", params={"min_confidence": 2}).status_code == 422


def test_claims_events_and_timeline_filter_as_the_cli_does(client, corpus_db):
    url = f"sqlite:///{corpus_db}"
    page = client.get(f"{API}/claims", params={"limit": 5, "offset": 2}).json()
    every = _cli_json(url, "claims", "--limit", "500")
    assert page["total"] == len(every) and [c["id"] for c in page["items"]] == [c["id"] for c in every[2:7]]
    by = client.get(f"{API}/claims", params={"speaker": "al-Qaeda"}).json()["items"]
    assert [c["id"] for c in by] == [c["id"] for c in _cli_json(url, "claims", "--speaker", "al-Qaeda")]
    events = client.get(f"{API}/events", params={"country": "Syria"}).json()
    assert events["total"] >= 2 and all(e["place"]["country"] == "SY" for e in events["items"])
    assert events["items"] == [e for e in _cli_json(url, "events", "--country", "Syria")][:100]
    recent = client.get(f"{API}/events", params={"date_from": "2021-01-01"}).json()["items"]
    assert recent and all(e["date"] >= "2021" for e in recent)
    assert client.get(f"{API}/events", params={"country": "Narnia"}).json()["detail"].startswith("unknown country 'Narnia'")
    assert client.get(f"{API}/events", params={"date_to": "soon"}).status_code == 422
    line = client.get(f"{API}/timeline", params={"actor": "Islamic State", "limit": 3}).json()
    assert line["total"] == len(_cli_json(url, "timeline", "Islamic State")) > 3 and len(line["items"]) == 3
    assert all("Islamic State" in e["actors"] + e["recipients"] for e in line["items"])
    assert client.get(f"{API}/timeline", params={"actor": "Nobody Brigade"}).status_code == 404


def test_network_as_json_and_graphml(client):
    data = client.get(f"{API}/network").json()
    names = {n["name"] for n in data["nodes"]}
    assert {"al-Qaeda", "Islamic State"} <= names and data["edges"]
    assert all(e["state"] for e in data["edges"])
    strong = client.get(f"{API}/network", params={"min_confidence": 0.8}).json()
    assert 0 < len(strong["edges"]) < len(data["edges"]) and all(e["confidence"] >= 0.8 for e in strong["edges"])
    graphml = client.get(f"{API}/network", params={"format": "graphml"})
    assert graphml.headers["content-type"].startswith("application/graphml+xml")
    graph = nx.parse_graphml(graphml.text)
    assert graph.number_of_edges() == len(data["edges"])
    assert client.get(f"{API}/network", params={"format": "dot"}).status_code == 422


def test_search_finds_documents_claims_and_actors(client):
    found = client.get(f"{API}/search", params={"q": "al-Qaeda"}).json()
    assert "Will al-Qaeda and the Islamic State unite?" in [d["title"] for d in found["documents"]["items"]]
    assert found["claims"]["total"] >= 1 and all("Qaeda" in c["content"] for c in found["claims"]["items"])
    assert found["actors"]["items"][0]["name"] == "al-Qaeda"
    assert all("Qaeda" in " ".join(a["matched"]) for a in found["actors"]["items"])
    phrase = client.get(f"{API}/search", params={"q": '"Deir ez-Zor"', "kind": "documents"}).json()
    assert set(phrase) == {"query", "documents"} and phrase["documents"]["total"] >= 1
    assert all("Deir ez-Zor" in d["snippet"] or "Deir ez-Zor" in d["title"] for d in phrase["documents"]["items"])
    # What would be FTS5 syntax is read as words: no 500, no injected operator.
    for q in ['NEAR(al', 'Qaeda" OR "x', "title:Hamas", "*"]:
        assert client.get(f"{API}/search", params={"q": q}).status_code in (200, 422), q
    nothing = client.get(f"{API}/search", params={"q": "?!"})
    assert nothing.status_code == 422 and "no word" in nothing.json()["detail"]
    assert client.get(f"{API}/search", params={"q": "Hamas", "kind": "tweets"}).status_code == 422


def test_questions_list_and_show(copy_url):
    from factions.analysis import questions, resolve_actor
    from factions.store import open_store

    with open_store(copy_url).engine.begin() as conn:
        qid = questions.add_question(conn, "Will al-Qaeda and the Islamic State unite?",
                                     [resolve_actor(conn, "al-Qaeda")[0], resolve_actor(conn, "Islamic State")[0]], "2018-01-01", "", "test")
        questions.update_forecast(conn, qid)
    client = TestClient(create_app(copy_url))
    listed = client.get(f"{API}/questions").json()
    assert listed["total"] == 1 and listed["items"][0]["text"] == "Will al-Qaeda and the Islamic State unite?"
    shown = client.get(f"{API}/questions/{qid}").json()
    assert shown == _cli_json(copy_url, "question", "show", str(qid)) | {"forecasts": shown["forecasts"]}
    assert shown["actors"] == ["al-Qaeda", "Islamic State"] and shown["forecasts"][0]["author"] == "computed"
    assert client.get(f"{API}/questions/{qid + 1}").status_code == 404


def test_a_rejection_made_over_http_changes_the_cli_answer_and_undo_restores_it(copy_url):
    client = TestClient(create_app(copy_url))
    pair = ["relation", "al-Qaeda", "Islamic State"]
    before = _cli_json(copy_url, *pair)
    target = before["state"]["evidence_for"][0]["relation"]
    made = client.post(f"{API}/judgements/records/relation/{target}/reject", json={"by": "tester", "reason": "misread"})
    assert made.status_code == 201
    judgement = made.json()["judgement"]
    assert made.json()["message"] == f"judgement {judgement}: relation {target} rejected"
    after = _cli_json(copy_url, *pair)
    assert target not in [i["relation"] for items in after["relations"].values() for i in items]
    assert client.get(f"{API}/relation", params={"a": "al-Qaeda", "b": "Islamic State"}).json() == after
    listed = client.get(f"{API}/judgements", params={"record": f"relation:{target}"}).json()["items"]
    assert [(j["action"], j["author"], j["reason"]) for j in listed] == [("reject", "tester", "misread")]
    assert _cli_json(copy_url, "judgements")[0]["id"] == judgement
    again = client.post(f"{API}/judgements/records/relation/{target}/reject", json={"by": "tester", "reason": "twice"})
    assert again.status_code == 409 and "already rejected" in again.json()["detail"]
    undone = client.post(f"{API}/judgements/records/{judgement}/undo", json={"by": "tester"})
    assert undone.status_code == 200 and undone.json()["record"] == {"kind": "relation", "id": target}
    assert _cli_json(copy_url, *pair) == before
    assert client.post(f"{API}/judgements/records/{judgement}/undo", json={"by": "tester"}).status_code == 409


def test_confirm_retype_and_added_records_show_in_the_answers(copy_url):
    client = TestClient(create_app(copy_url))
    why = {"by": "tester", "reason": "read the source"}
    doc = client.get(f"{API}/documents/1").json()
    relation = doc["relations"][0]
    assert client.post(f"{API}/judgements/records/relation/{relation['id']}/confirm", json=why).status_code == 201
    retyped = client.post(f"{API}/judgements/records/relation/{relation['id']}/retype", json={**why, "type": "opposes"})
    assert retyped.status_code == 201
    judged = next(r for r in client.get(f"{API}/documents/1").json()["relations"] if r["id"] == relation["id"])
    assert judged["confirmed"] and judged["type"] == "opposes" and judged["extracted_type"] == relation["type"]
    bad_type = client.post(f"{API}/judgements/records/relation/{relation['id']}/retype", json={**why, "type": "befriends"})
    assert bad_type.status_code == 422 and "no relation type 'befriends'" in bad_type.json()["detail"]
    start = doc["text"].index("Islamic State")
    added = client.post(f"{API}/judgements/records/relation", json={
        **why, "source": "al-Qaeda", "target": "Islamic State", "type": "allied_with", "document": "1",
        "span": {"start": start, "end": start + 13}, "when": "2017-04"})
    assert added.status_code == 201
    rid = added.json()["record"]["id"]
    evidence = _cli_json(copy_url, "relation", "al-Qaeda", "Islamic State")["relations"]["allied_with"]
    assert [i["relation"] for i in evidence if i["basis"] == "analyst"] == [rid]
    claim = client.post(f"{API}/judgements/records/claim", json={**why, "speaker": "al-Qaeda", "document": "1", "span": {"start": start, "end": start + 13}})
    assert claim.status_code == 201 and client.get(f"{API}/claims", params={"speaker": "al-Qaeda"}).json()["items"][-1]["content"] == "Islamic State"
    event = client.post(f"{API}/judgements/records/event", json={**why, "type": "ASSAULT", "document": "1", "actors": ["Islamic State"], "recipients": ["al-Qaeda"]})
    assert event.status_code == 201
    eid = event.json()["record"]["id"]
    assert any(r["event"] == eid for e in client.get(f"{API}/timeline", params={"actor": "al-Qaeda"}).json()["items"] for r in e["reports"])
    assert client.post(f"{API}/judgements/records/claim", json={**why, "speaker": "al-Qaeda", "document": "1",
                                                                "span": {"start": 0, "end": 10**6}}).status_code == 422
    assert client.post(f"{API}/judgements/records/event", json={**why, "type": "ASSAULT", "document": "404", "actors": ["al-Qaeda"]}).status_code == 422
    assert client.post(f"{API}/judgements/records/claim/999999/reject", json=why).status_code == 404
    assert client.post(f"{API}/judgements/records/relation/{relation['id']}/reject", json={"by": "", "reason": "x"}).status_code == 422
    assert client.post(f"{API}/judgements/records/99999/undo", json={"by": "tester"}).status_code == 404


def test_merge_alias_and_split_over_http_are_honoured_and_undone(copy_url):
    client = TestClient(create_app(copy_url))
    why = {"by": "tester", "reason": "same group"}
    merged = client.post(f"{API}/judgements/actors/merge", json={**why, "keep": "Islamic State", "other": "al-Qaeda"})
    assert merged.status_code == 201
    assert _cli_json(copy_url, "actor", "al-Qaeda")["name"] == "Islamic State"
    assert client.get(f"{API}/actors/al-Qaeda").json()["name"] == "Islamic State"
    history = client.get(f"{API}/judgements", params={"about": "actors", "actor": "Islamic State"}).json()["items"]
    assert [(j["action"], j["author"], j["reason"]) for j in history] == [("merge", "tester", "same group")]
    assert client.post(f"{API}/judgements/actors/merge", json={**why, "keep": "Islamic State", "other": "al-Qaeda"}).status_code == 409
    assert client.post(f"{API}/judgements/actors/{merged.json()['judgement']}/undo", json={"by": "tester"}).status_code == 200
    assert _cli_json(copy_url, "actor", "al-Qaeda")["name"] == "al-Qaeda"

    # An alias two actors share makes the name ambiguous: a 409 with both, never one of them.
    for name in ("al-Qaeda", "Islamic State"):
        assert client.post(f"{API}/judgements/actors/alias", json={**why, "actor": name, "alias": "the Twins"}).status_code == 201
    ambiguous = client.get(f"{API}/actors/the Twins")
    assert ambiguous.status_code == 409
    assert {c["name"] for c in ambiguous.json()["candidates"]} == {"al-Qaeda", "Islamic State"}
    assert {a["name"] for a in client.get(f"{API}/search", params={"q": "Twins", "kind": "actors"}).json()["actors"]["items"]} == {"al-Qaeda", "Islamic State"}

    before = client.get(f"{API}/actors/Islamic State").json()
    split = client.post(f"{API}/judgements/actors/split", json={**why, "actor": "Islamic State", "names": ["IS"]})
    assert split.status_code == 201, split.json()
    assert client.get(f"{API}/actors/id:{before['id']}").json()["mentions"] < before["mentions"]
    assert client.post(f"{API}/judgements/actors/split", json={**why, "actor": "Islamic State", "names": ["Nobody"]}).status_code == 409
    assert client.post(f"{API}/judgements/actors/{split.json()['judgement']}/undo", json={"by": "tester"}).status_code == 200
    assert client.get(f"{API}/actors/id:{before['id']}").json()["mentions"] == before["mentions"]
    assert client.post(f"{API}/judgements/actors/99999/undo", json={"by": "tester"}).status_code == 404
    assert client.post(f"{API}/judgements/actors/merge", json={**why, "keep": "Nobody Brigade", "other": "al-Qaeda"}).status_code == 404


def test_the_search_index_follows_ingest(copy_url, tmp_path):
    client = TestClient(create_app(copy_url))
    assert client.get(f"{API}/search", params={"q": "Quxembourg"}).json()["documents"]["total"] == 0
    (tmp_path / "new.txt").write_text("Hezbollah fighters were seen near Quxembourg on Monday, a spokesman said.", "utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path / "new.txt"), "--db", copy_url, "--published", "2024-01-02"])
    assert result.exit_code == 0, result.output
    found = client.get(f"{API}/search", params={"q": "Quxembourg"}).json()
    assert found["documents"]["total"] == 1 and "Quxembourg" in found["documents"]["items"][0]["snippet"]


def test_script_in_a_document_comes_back_as_json_never_as_a_page(copy_url, tmp_path):
    hostile = 'Hamas said <script>document.title="pwned"</script> and <img src=x onerror="alert(1)"> nothing.'
    (tmp_path / "hostile.txt").write_text(hostile, "utf-8")
    assert CliRunner().invoke(cli, ["ingest", str(tmp_path / "hostile.txt"), "--db", copy_url]).exit_code == 0
    client = TestClient(create_app(copy_url))
    doc_id = client.get(f"{API}/documents", params={"limit": 500}).json()["items"][-1]["id"]
    response = client.get(f"{API}/documents/{doc_id}")
    assert response.json()["text"].startswith(hostile[:20])
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY


def test_every_answer_carries_the_csp_and_frame_headers(client):
    for path in (f"{API}/summary", f"{API}/actors/Nobody Brigade", f"{API}/documents?limit=0", "/openapi.json"):
        response = client.get(path)
        assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY, path
        assert response.headers["x-frame-options"] == "DENY", path


def test_a_token_guards_every_request_and_login_sets_a_cookie(corpus_db):
    app = create_app(f"sqlite:///{corpus_db}", token="s3cret")
    client = TestClient(app)
    assert client.get(f"{API}/relation", params={"a": "al-Qaeda", "b": "Islamic State"}).status_code == 401
    assert client.get(f"{API}/summary", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.get(f"{API}/summary", headers={"Authorization": "Bearer sécret".encode("latin-1")}).status_code == 401  # not ASCII: no 500
    assert client.post(f"{API}/judgements/records/relation/1/reject", json={"by": "x", "reason": "y"}).status_code == 401
    assert client.get(f"{API}/summary", headers={"Authorization": "Bearer s3cret"}).status_code == 200
    assert client.get("/login", params={"token": "wrong"}, follow_redirects=False).status_code == 401
    login = client.get("/login", params={"token": "s3cret"}, follow_redirects=False)
    assert login.status_code == 303 and login.headers["location"] == "/"
    cookie = login.headers["set-cookie"]
    assert "factions_token=s3cret" in cookie and "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert client.get(f"{API}/summary").status_code == 200  # the client keeps the cookie
    open_client = TestClient(create_app(f"sqlite:///{corpus_db}"))
    assert open_client.get("/login", params={"token": "x"}, follow_redirects=False).headers["location"] == "/"


def test_without_a_token_only_loopback_hosts_and_same_origin_writes_are_served(copy_url):
    served = create_app(copy_url, bound_to="127.0.0.1")
    local = TestClient(served, base_url="http://127.0.0.1:8000")
    assert local.get(f"{API}/summary").status_code == 200
    assert TestClient(served, base_url="http://localhost:8000").get(f"{API}/summary").status_code == 200
    rebound = TestClient(served, base_url="http://attacker.example:8000").get(f"{API}/summary")
    assert rebound.status_code == 403 and "loopback" in rebound.json()["detail"]
    why = {"by": "tester", "reason": "r"}
    cross = local.post(f"{API}/judgements/records/relation/1/confirm", json=why, headers={"Origin": "http://attacker.example"})
    assert cross.status_code == 403 and "another site" in cross.json()["detail"]
    same = local.post(f"{API}/judgements/records/relation/1/confirm", json=why, headers={"Origin": "http://127.0.0.1:8000"})
    assert same.status_code == 201
    # A form post cannot send JSON: a cross-site form is no judgement either.
    form = local.post(f"{API}/judgements/records/relation/2/confirm", data=why)
    assert form.status_code == 422


def test_a_read_only_store_is_served_and_judgements_on_it_are_refused(copy_url):
    path = copy_url.removeprefix("sqlite:///")
    Path(path).chmod(0o444)
    try:
        client = TestClient(create_app(f"{copy_url}?mode=ro"))
        assert client.get(f"{API}/actors", params={"q": "qaeda"}).json()["total"] == 1
        refused = client.post(f"{API}/judgements/records/relation/1/reject", json={"by": "tester", "reason": "r"})
        assert refused.status_code == 403 and "read-only" in refused.json()["detail"]
    finally:
        Path(path).chmod(0o644)


def test_reads_do_not_wait_for_a_writer(copy_url):
    """A page or an API read begins a plain transaction, never the writers' BEGIN
    IMMEDIATE: while an ingest (here, any writer) holds the write lock, reads answer."""
    import time

    client = TestClient(create_app(copy_url))
    writer = sqlite3.connect(copy_url.removeprefix("sqlite:///"), isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    try:
        start = time.monotonic()
        assert client.get(f"{API}/documents", params={"limit": 1}).status_code == 200
        assert client.get("/review").status_code == 200
        assert time.monotonic() - start < 5
    finally:
        writer.execute("ROLLBACK")
        writer.close()
