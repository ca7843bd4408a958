"""The workbench's pages (issue 14 items 3 and 4) through FastAPI's test client, over a
store made from the example corpus and a hostile article whose text holds markup."""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from factions import analysis
from factions.analysis import questions
from factions.store import open_store, records
from factions.store import schema as t
from factions.web.app import create_app

HOSTILE_TITLE = "Islamic State clashes near Idlib"


@pytest.fixture
def client(workbench_db):
    return TestClient(create_app(workbench_db))


def _ids(db: str, sql_filter) -> list[int]:
    with open_store(db).engine.connect() as conn:
        return [r[0] for r in conn.execute(sql_filter)]


def _document_id(db: str, fragment: str) -> int:
    return _ids(db, select(t.documents.c.id).where(t.documents.c.source.like(f"%{fragment}%")))[0]


class _Elements(HTMLParser):
    """Every start tag with its attributes: what a browser would build from the page."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _elements(html: str) -> list[tuple[str, dict]]:
    parser = _Elements()
    parser.feed(html)
    return parser.tags


# ------------------------------------------------------------------ overview and reader


def test_overview_lists_counts_actors_documents_and_the_main_pair(client):
    page = client.get("/")
    assert page.status_code == 200
    assert re.search(r"11 documents, \d+ actors", page.text)
    assert "Islamic State" in page.text and "al-Shabaab" in page.text
    assert "Will al-Qaeda and the Islamic State unite?" in page.text  # a document title, linked
    assert re.search(r'href="/documents/\d+">Will al-Qaeda', page.text)
    assert "/pair?a=" in page.text


def test_reader_highlights_every_kind_of_record_and_names_its_rule(client, workbench_db):
    doc = _document_id(workbench_db, "01-will-they-unite")
    page = client.get(f"/documents/{doc}")
    assert page.status_code == 200
    html = page.text
    for layer in ("mention", "speaker", "cue", "content", "event", "relation"):
        assert f'class="seg hl-{layer}' in html or f" hl-{layer}" in html, layer
    # The claim "negotiations ... had already begun", said by Iraqi intelligence sources via Allawi.
    assert "Iraqi intelligence sources" in html and "negotiations between the Islamic State (IS) and al-Qaeda had already begun" in html
    assert "claims.citing-sources" in html  # the rule that made it, with its summary
    # Every record has an anchor the other pages link to, and its judgement forms.
    view_ids = _ids(workbench_db, select(t.relations.c.id).where(t.relations.c.document_id == doc))
    for rid in view_ids:
        assert f'id="span-relation-{rid}"' in html and f'id="record-relation-{rid}"' in html
    assert html.count('action="/judgements"') >= len(view_ids)
    # The text is whole: the pieces join back into the stored text.
    with open_store(workbench_db).engine.connect() as conn:
        stored = conn.execute(select(t.documents.c.text).where(t.documents.c.id == doc)).scalar()
    article = re.search(r'<article class="doc-text" id="doc-text">(.*?)</article>', html, re.S).group(1)
    visible = re.sub(r"<[^>]+>", "", article).replace("&#34;", '"').replace("&#39;", "'").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    assert visible == stored


def test_the_reader_and_the_api_show_one_document_the_same(client, workbench_db):
    """One library call (analysis.documents.document) answers both: every record the API
    lists is on the page with its rule, speaker, parties and type as the API names them."""
    doc_id = _document_id(workbench_db, "02-deir-ez-zor-clash")
    doc = client.get(f"/api/v1/documents/{doc_id}").json()
    html = client.get(f"/documents/{doc_id}").text
    assert f"<h1>{doc['title']}</h1>" in html
    for c in doc["claims"]:
        assert f'id="record-claim-{c["id"]}"' in html and f"<b>{c['speaker']['name']}</b>" in html and c["rule"] in html
    for e in doc["events"]:
        card = re.search(rf'<section class="record event[^"]*" id="record-event-{e["id"]}".*?</section>', html, re.S).group(0)
        assert e["type"] in card and e["rule"] in card
        assert all(p["actor"]["name"] in card for p in e["participants"])
    for r in doc["relations"]:
        card = re.search(rf'<section class="record relation[^"]*" id="record-relation-{r["id"]}".*?</section>', html, re.S).group(0)
        assert f'href="/pair?a=id:{r["source"]["id"]}&amp;b=id:{r["target"]["id"]}"' in card
        assert f"{r['source']['name']} → {r['target']['name']}" in card and r["rule"] in card
        assert r["rule_summary"] and 0 < r["confidence"] < 1
    # Every span the API gives is a highlighted piece of the page, under its record's key.
    for m in doc["mentions"]:
        assert f'id="span-mention-{m["id"]}"' in html


def test_unknown_documents_and_questions_are_404_pages(client):
    for url in ("/documents/999999", "/documents/abc", "/documents/-1", "/documents/²", "/questions/12345", "/questions/x",
                "/documents/99999999999999999999"):
        page = client.get(url)
        assert page.status_code == 404 and "text/html" in page.headers["content-type"], url
        assert "Not found" in page.text


# ------------------------------------------------------------------ hostile text


def test_hostile_text_is_escaped_everywhere_it_is_shown(client, workbench_db):
    doc = _document_id(workbench_db, "hostile-article")
    pages = [client.get(f"/documents/{doc}"), client.get("/"), client.get("/search", params={"q": "PWNED"}),
             client.get("/search", params={"q": "<script>"}), client.get("/pair", params={"a": "Islamic State", "b": "al-Qaeda"}),
             client.get("/review")]
    for page in pages:
        assert page.status_code == 200, page.url
        html = page.text
        # Shown as text: no element the markup would make, no handler, no javascript: address.
        for tag, attrs in _elements(html):
            assert tag != "img" and tag != "textarea", (page.url, tag, attrs)
            if tag == "script":
                assert set(attrs) == {"src"} and attrs["src"].startswith("/static/"), (page.url, attrs)
            assert not any(name.startswith("on") for name in attrs), (page.url, tag, attrs)
            assert not any((value or "").strip().lower().startswith("javascript:") for value in attrs.values()), (page.url, tag, attrs)
        assert "<script>window.PWNED" not in html and "onerror=\"window" not in html
    reader = pages[0].text
    assert "&lt;script&gt;window.PWNED=1&lt;/script&gt;" in reader
    assert "&lt;/textarea&gt;" in reader and "&lt;img src=x onerror=" in reader
    assert HTML_TITLE_ESCAPED in reader


HTML_TITLE_ESCAPED = f"<title>{HOSTILE_TITLE} &lt;script&gt;window.PWNED=1&lt;/script&gt; · factions</title>"


def test_every_page_carries_the_strict_content_security_policy(client, workbench_db):
    doc = _document_id(workbench_db, "hostile-article")
    for url in (f"/documents/{doc}", "/network", "/map", "/review", "/search?q=x", "/documents/0"):
        policy = client.get(url).headers["content-security-policy"]
        assert "script-src 'self'" in policy and "style-src 'self'" in policy and "unsafe-inline" not in policy


# ------------------------------------------------------------------ judging from the pages


def _relation(db: str, source: str, target: str, type_: str) -> int:
    with open_store(db).engine.connect() as conn:
        a, b = analysis.resolve_actor(conn, source), analysis.resolve_actor(conn, target)
    r = t.relations
    return _ids(db, select(r.c.id).where(r.c.source_id.in_(a), r.c.target_id.in_(b), r.c.type == type_).order_by(r.c.id))[0]


def test_rejecting_a_relation_from_the_reader_records_it_and_changes_the_pair_page(client, workbench_db):
    # The hostile article's "Islamic State fighters attacked al-Qaeda positions" makes the
    # pair fighting from 3 May 2017; without it, the negotiations reported in April stand.
    rid = _relation(workbench_db, "Islamic State", "al-Qaeda", "fights")
    before = client.get("/pair", params={"a": "ISIS", "b": "al-Qaeda"})
    assert '<b class="state-name">fighting</b> since 2017-05-03' in before.text
    posted = client.post("/judgements", data={"kind": "relation", "record_id": rid, "action": "reject", "by": "tester",
                                              "reason": "a claim, not a fact", "next": "/documents/1#record-relation-1"},
                         follow_redirects=False)
    assert posted.status_code == 303 and posted.headers["location"] == "/documents/1#record-relation-1"
    with open_store(workbench_db).engine.connect() as conn:
        made = records.history(conn, "relation", rid)
    assert [(j["action"], j["author"], j["reason"]) for j in made] == [("reject", "tester", "a claim, not a fact")]
    after = client.get("/pair", params={"a": "ISIS", "b": "al-Qaeda"})
    assert '<b class="state-name">negotiating</b> since 2017-04-17' in after.text
    assert "Rejected by an analyst (1)" in after.text and f"#span-relation-{rid}" in after.text
    # The reader shows it rejected, with the undo; undoing restores it.
    doc = _ids(workbench_db, select(t.relations.c.document_id).where(t.relations.c.id == rid))[0]
    reader = client.get(f"/documents/{doc}").text
    card = re.search(rf'<section class="record relation is-rejected" id="record-relation-{rid}".*?</section>', reader, re.S).group(0)
    assert "undo reject (tester: a claim, not a fact)" in card
    undo = client.post("/judgements", data={"kind": "relation", "record_id": rid, "action": "undo", "judgement": made[0]["id"],
                                            "by": "tester", "next": f"/documents/{doc}"}, follow_redirects=False)
    assert undo.status_code == 303
    restored = client.get("/pair", params={"a": "ISIS", "b": "al-Qaeda"}).text
    assert "Rejected by an analyst" not in restored and '<b class="state-name">fighting</b>' in restored


def test_accept_and_correct_are_recorded_like_the_cli(client, workbench_db):
    rid = _relation(workbench_db, "Islamic State", "al-Qaeda", "opposes")
    assert client.post("/judgements", data={"kind": "relation", "record_id": rid, "action": "confirm", "by": "ana",
                                            "reason": "checked", "next": "/review"}, follow_redirects=False).status_code == 303
    assert client.post("/judgements", data={"kind": "relation", "record_id": rid, "action": "retype", "type": "fights",
                                            "by": "ana", "reason": "they clashed", "next": "/"}, follow_redirects=False).status_code == 303
    with open_store(workbench_db).engine.connect() as conn:
        made = [(j["action"], j["type"]) for j in records.history(conn, "relation", rid)]
        rows = analysis.relation_evidence(conn, "ISIS", "al-Qaeda")["relations"]
    assert made == [("confirm", None), ("retype", "fights")]
    assert any(i["relation"] == rid and i["confirmed"] and i["extracted_type"] == "opposes" for i in rows["fights"])


def test_bad_judgements_are_refused_with_a_reason_and_change_nothing(client, workbench_db):
    rid = _relation(workbench_db, "Islamic State", "al-Qaeda", "opposes")
    cases = [
        ({"kind": "relation", "record_id": rid, "action": "reject", "by": "", "reason": "x"}, "say who judges"),
        ({"kind": "relation", "record_id": rid, "action": "reject", "by": "a", "reason": " "}, "say who judges"),
        ({"kind": "relation", "record_id": 987654, "action": "reject", "by": "a", "reason": "x"}, "no relation 987654"),
        ({"kind": "relation", "record_id": rid, "action": "retype", "type": "befriends", "by": "a", "reason": "x"}, "no relation type"),
        ({"kind": "relation", "record_id": rid, "action": "delete", "by": "a", "reason": "x"}, "no action"),
        ({"kind": "actor", "record_id": 1, "action": "reject", "by": "a", "reason": "x"}, "no kind of record"),
    ]
    for data, message in cases:
        page = client.post("/judgements", data={**data, "next": "/"}, follow_redirects=False)
        assert page.status_code == 400 and message in page.text, (data, page.text)
    foreign = client.post("/judgements", data={"kind": "relation", "record_id": rid, "action": "reject", "by": "a", "reason": "x"},
                          headers={"Origin": "https://elsewhere.example"}, follow_redirects=False)
    assert foreign.status_code == 403
    for site in ("cross-site", "same-site"):
        elsewhere = client.post("/judgements", data={"kind": "relation", "record_id": rid, "action": "reject", "by": "a", "reason": "x"},
                                headers={"Sec-Fetch-Site": site, "Origin": "null"}, follow_redirects=False)
        assert elsewhere.status_code == 403, site
    # A "next" off this site is never followed.
    away = client.post("/judgements", data={"kind": "relation", "record_id": rid, "action": "confirm", "by": "a", "reason": "x",
                                            "next": "//elsewhere.example/x"}, follow_redirects=False)
    assert away.status_code == 303 and away.headers["location"] == "/"
    with open_store(workbench_db).engine.connect() as conn:
        assert [j["action"] for j in records.history(conn, "relation", rid)] == ["confirm"]


def test_with_a_token_pages_and_judgements_need_it(workbench_db):
    client = TestClient(create_app(workbench_db, token="s3cret"))
    assert client.get("/review").status_code == 401
    assert client.post("/judgements", data={"kind": "relation", "record_id": 1, "action": "reject", "by": "a", "reason": "x"}).status_code == 401
    assert client.get("/review", headers={"Authorization": "Bearer s3cret"}).status_code == 200


# ------------------------------------------------------------------ actors and pairs


def test_actor_page_shows_names_kb_leaders_relations_and_claims(client, workbench_db):
    page = client.get("/actors/ISIS", follow_redirects=False)
    assert page.status_code == 307 and re.fullmatch(r"/actors/\d+", page.headers["location"])
    html = client.get(page.headers["location"]).text
    assert "<h1>Islamic State</h1>" in html and "islamic-state" in html
    assert "Islamic State of Iraq and the Levant" in html and "2013-04" in html  # a name over time
    assert "Abu Bakr al-Baghdadi" in html  # a leader from the knowledge base
    assert "<h3>negotiates_with (" in html and "<h3>fights (" in html  # relations by type
    assert "negotiations between the Islamic State (IS) and al-Qaeda had already begun" in html  # their evidence
    assert re.search(r"Claims made \(\d+\)", html) and re.search(r"Claims about Islamic State \([1-9]\d*\)", html)


def test_an_unknown_actor_is_a_404_with_suggestions_never_another_actor(client):
    page = client.get("/actors/Islamic Stat")
    assert page.status_code == 404
    assert "no actor named &#39;Islamic Stat&#39;" in page.text and 'href="/actors/Islamic%20State"' in page.text
    assert "<h1>Islamic State</h1>" not in page.text
    assert client.get("/actors/999999").status_code == 404
    assert client.get("/pair", params={"a": "ISIS", "b": "Nobody At All"}).status_code == 404


def test_pair_page_charts_states_and_evidence_for_against_and_prospects(client):
    html = client.get("/pair", params={"a": "ISIS", "b": "al-Qaeda"}).text
    assert '<b class="state-name">fighting</b> since 2017-05-03' in html
    assert re.search(r'<rect class="band state-negotiating"', html) and re.search(r'<rect class="band state-fighting"', html)
    points = re.findall(r'<circle class="point rel-([A-F]) polarity-(\w+)"', html)
    assert len(points) >= 4 and {"for", "against", "prospect"} <= {p for _, p in points}
    for title in ("For", "Prospects"):
        assert re.search(rf"<h2>{title} \([1-9]\d*\)</h2>", html), title
    assert re.search(r'href="/documents/\d+#span-relation-\d+"', html)
    # As of a day after the negotiations were reported, they are the state, and a denial
    # of them is evidence against.
    early = client.get("/pair", params={"a": "ISIS", "b": "al-Qaeda", "as_of": "2017-05-02"}).text
    assert '<b class="state-name">negotiating</b> since 2017-04-17' in early and 'class="as-of-line"' in early
    against = re.search(r'<section class="evidence against">(.*?)</section>', early, re.S).group(1)
    assert "<h2>Against (1)</h2>" in against and "A senior IS leader denied that the group was talking to al-Qaeda." in against
    known = client.get("/pair", params={"a": "ISIS", "b": "al-Qaeda", "known_on": "2017-01-01"}).text
    assert '<b class="state-name">none</b>' in known and "No dated evidence to chart." in known


# ------------------------------------------------------------------ network, map, search, review, questions


def test_network_page_and_its_graph(client):
    page = client.get("/network").text
    assert 'src="/static/vendor/cytoscape/cytoscape.min.js"' in page
    # The legend names every kind and state; the script takes its colours from it.
    assert 'data-kind="armed_group"' in page and 'data-state="fighting"' in page and 'data-state="none"' not in page
    graph = client.get("/network/graph.json").json()
    names = {n["data"]["label"]: n["data"] for n in graph["nodes"]}
    assert {"Islamic State", "al-Qaeda", "al-Shabaab"} <= set(names)
    assert names["Islamic State"]["kind"] == "armed_group"
    pair = {frozenset((e["data"]["source"], e["data"]["target"])): e["data"] for e in graph["edges"]}
    edge = pair[frozenset((names["Islamic State"]["id"], names["al-Qaeda"]["id"]))]
    assert edge["state"] == "fighting" and 0 < edge["confidence"] <= 1
    early = client.get("/network/graph.json", params={"as_of": "2015-01-01"}).json()
    assert len(early["edges"]) < len(graph["edges"])


def test_map_page_lists_placed_events_and_serves_them(client):
    html = client.get("/map").text
    assert 'src="/static/vendor/leaflet/leaflet.js"' in html and "countries-110m.json" in html
    assert "Deir ez-Zor" in html
    events = client.get("/map/events.json").json()
    assert events and all(-90 <= e["lat"] <= 90 and -180 <= e["lon"] <= 180 for e in events)
    assert any(e["place"] == "Deir ez-Zor" and e["type"] == "ASSAULT" for e in events)
    assert all(re.fullmatch(r"/documents/\d+#span-event-\d+", r["href"]) for e in events for r in e["reports"])
    outline = client.get("/static/vendor/world-atlas/countries-110m.json").json()
    assert outline["type"] == "Topology" and "countries" in outline["objects"]


def test_search_finds_documents_claims_and_actors(client):
    html = client.get("/search", params={"q": "Zawahiri"}).text
    assert re.search(r"<h2>Actors \([1-9]", html) and "Ayman al-Zawahiri" in html
    assert re.search(r"<h2>Claims \([1-9]", html) and re.search(r"<h2>Documents \([1-9]", html)
    assert "<mark>Zawahiri</mark>" in html
    # Punctuation is no pattern ("100%_" is the word 100); nothing found is said, not an error.
    assert "<h2>Documents (0)</h2>" in client.get("/search", params={"q": "100%_"}).text
    assert client.get("/search", params={"q": "   "}).status_code == 200
    empty = client.get("/search", params={"q": "?!"})
    assert empty.status_code == 200 and "has no word to search for" in empty.text


def test_the_search_page_answers_as_the_api_does(client):
    """One search (analysis.search): the page lists what the API answers, in its order,
    with the API's snippet, each highlight in <mark>."""
    for q in ("Islamic State", '"Deir ez-Zor"', "al-Qaida"):
        api = client.get("/api/v1/search", params={"q": q}).json()
        html = client.get("/search", params={"q": q}).text
        for kind in ("actors", "claims", "documents"):
            assert f"<h2>{kind.capitalize()} ({api[kind]['total']})</h2>" in html, (q, kind)
        section = re.search(r'<section class="results documents">(.*?)</section>', html, re.S).group(1)
        assert re.findall(r'<a href="/documents/(\d+)">', section) == [str(d["id"]) for d in api["documents"]["items"]]
        for d in api["documents"]["items"]:
            for start, end in d["highlights"]:
                assert f"<mark>{escape(d['snippet'][start:end])}</mark>" in section
    # More than a page of one kind: paged on its own, the API's pages.
    page = client.get("/search", params={"q": "the", "kind": "claims", "page": 1}).text
    api = client.get("/api/v1/search", params={"q": "the", "kind": "claims", "offset": 20}).json()["claims"]
    shown = re.findall(r'href="/documents/\d+#span-claim-(\d+)"', page)
    assert api["total"] > 20 and shown == [str(c["id"]) for c in api["items"]]
    assert "<h2>Documents" not in page and f"21–{20 + len(shown)} of {api['total']}" in page


def test_review_queue_puts_the_least_sure_unjudged_relations_first(client, workbench_db):
    html = client.get("/review", params={"by": "rev"}).text
    items = re.findall(r'<li class="queue-item[^"]*" id="queue-relation-(\d+)"', html)
    assert len(items) == 25
    # By stored confidence, least sure first, ties by id: as the API's /review answers
    # (the page shows two decimals; two rules' confidences may round alike).
    shown = [float(c) for c in re.findall(r"· confidence (\d\.\d\d) ", html)]
    assert len(shown) == 25 and shown == sorted(shown)
    api = client.get("/api/v1/review", params={"limit": 25}).json()
    assert [str(i["relation"]) for i in api["items"]] == items and api["total"] > 25
    stored = [(i["confidence"], i["relation"]) for i in api["items"]]
    assert stored == sorted(stored)
    whole = [i["confidence"] for i in client.get("/api/v1/review", params={"limit": 500}).json()["items"]]
    assert whole == sorted(whole) and whole[0] < whole[-1]  # the queue spans rules of several confidences
    assert f"{api['total']} relations no analyst has judged" in html
    assert all(i["sources"] >= 1 for i in api["items"])
    second = client.get("/review", params={"by": "rev", "page": 1}).text
    assert re.findall(r'id="queue-relation-(\d+)"', second) == [str(i["relation"]) for i in client.get("/api/v1/review", params={"limit": 25, "offset": 25}).json()["items"]]
    assert 'name="by" value="rev"' in html and 'src="/static/js/review.js"' in html
    first = int(items[0])
    client.post("/judgements", data={"kind": "relation", "record_id": first, "action": "confirm", "by": "rev",
                                     "reason": "reviewed in the queue", "next": "/review?by=rev"})
    assert f'id="queue-relation-{first}"' not in client.get("/review", params={"by": "rev"}).text
    # Taking the judgement back puts the relation back in the queue.
    with open_store(workbench_db).engine.begin() as conn:
        records.undo(conn, records.history(conn, "relation", first)[0]["id"], "rev")
    assert f'id="queue-relation-{first}"' in client.get("/review", params={"by": "rev"}).text


def test_question_page_charts_its_forecast_history(client, workbench_db):
    with open_store(workbench_db).engine.begin() as conn:
        ids = [analysis.resolve_actor(conn, n)[0] for n in ("Islamic State", "al-Qaeda")]
        qid = questions.add_question(conn, "Will al-Qaeda and the Islamic State unite?", ids, "2018-12-31", "a merger is announced", "tester")
        questions.update_forecast(conn, qid)
        questions.add_forecast(conn, qid, 0.2, "tester", "a first guess")
    html = client.get(f"/questions/{qid}").text
    assert "<h1>Will al-Qaeda and the Islamic State unite?</h1>" in html
    assert 'class="forecast-line"' in html and len(re.findall(r'<circle class="point author-', html)) == 2
    assert "a first guess" in html and "20%" in html
    assert f'href="/questions/{qid}"' in client.get("/").text


def test_the_web_layer_holds_no_sql():
    """Pages call the library (analysis/, store/records.py) as the CLI does: a query that
    does not exist yet belongs in analysis/, where the CLI can use it too."""
    from pathlib import Path

    web = Path(__file__).resolve().parent.parent / "src" / "factions" / "web"
    sql = re.compile(r"\bfrom sqlalchemy import (?!Connection\b)|\bselect\(|\bschema as t\b|\.execute\(")
    offenders = [f"{p.name}:{n}" for p in sorted(web.glob("*.py")) for n, line in enumerate(p.read_text("utf-8").splitlines(), 1)
                 if sql.search(line)]
    assert offenders == []


def test_a_name_several_actors_bear_lists_them_to_pick_from(client, workbench_db):
    from factions.store import judgements

    with open_store(workbench_db).engine.begin() as conn:
        qaeda = analysis.resolve_actor(conn, "al-Qaeda")[0]
        judgements.add_alias(conn, qaeda, "IS", "tester", "two actors under one name, for this test")
        state = analysis.resolve_actor(conn, "Islamic State")[0]
    page = client.get("/actors/IS", follow_redirects=False)
    assert page.status_code == 300 and "<h1>'IS' names several actors</h1>" in page.text
    assert f'href="/actors/{qaeda}">al-Qaeda</a>' in page.text and f'href="/actors/{state}">Islamic State</a>' in page.text
