"""Full-text search (analysis.search, issue 14): one function for the API and the
pages, on SQLite (FTS5) and PostgreSQL, with one ranking and one snippet format."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from factions.analysis.search import ELLIPSIS, BadQuery, marked, phrases, search
from factions.cli import app
from factions.names import normalise
from factions.store import open_store


def _search(url: str, query: str, **kw) -> dict:
    with open_store(url, write=False).engine.connect() as conn:
        return search(conn, query, **kw)


def _marks(hit: dict) -> list[str]:
    return [hit["snippet"][a:b] for a, b in hit["highlights"]]


def test_phrases_take_words_and_quoted_phrases_never_syntax():
    assert phrases('al-Qaeda "Islamic State" ?') == ["al-Qaeda", "Islamic State"]
    for nothing in ("?!", "   ", "%", "_", "%_", '""', "*"):
        with pytest.raises(BadQuery):
            phrases(nothing)


def test_marked_snippets_are_text_with_offsets():
    s, e = "\ue000", "\ue001"
    hit = marked(f"the {s}Deir{e} {s}ez{e}-{s}Zor{e} road\n\n{s}Deir{e} again", before=True, after=True)
    assert hit["snippet"] == f"{ELLIPSIS}the Deir ez-Zor road\n\nDeir again{ELLIPSIS}"
    assert _marks(hit) == ["Deir ez-Zor", "Deir"]
    assert marked("no match") == {"snippet": "no match", "highlights": []}


@pytest.fixture(scope="module")
def demo(demo_module_url):
    return demo_module_url  # the example corpus, on SQLite and on PostgreSQL


def test_documents_claims_and_actors_with_one_snippet_format(demo):
    found = _search(demo, "Baghdadi")
    assert set(found) == {"query", "documents", "claims", "actors"}
    assert any("Baghdadi" in a["name"] for a in found["actors"]["items"])
    for kind in ("documents", "claims"):
        page = found[kind]
        assert page["total"] >= 1 and page["items"] and page["limit"] == 20 and page["offset"] == 0
        for hit in page["items"]:
            assert set(_marks(hit)) == {"Baghdadi"}, hit
    claim = found["claims"]["items"][0]
    assert claim["speaker"] and claim["document_id"] and "Baghdadi" in claim["content"]
    # A snippet is the passage around the match; "…" says where the text goes on.
    doc = found["documents"]["items"][0]
    assert len(doc["snippet"]) < 400 and (doc["snippet"].startswith(ELLIPSIS) or doc["snippet"].endswith(ELLIPSIS))


def test_a_phrase_is_one_highlight_and_punctuation_is_no_pattern(demo):
    deir = _search(demo, '"Deir ez-Zor"', kinds=("documents",))
    assert set(deir) == {"query", "documents"} and deir["documents"]["total"] >= 1
    assert all({m.lower() for m in _marks(d)} <= {"deir ez-zor"} for d in deir["documents"]["items"])
    assert "Deir ez-Zor" in _marks(deir["documents"]["items"][0])
    # LIKE's wildcards are punctuation here: "100%_" is the word 100, which no example holds.
    nothing = _search(demo, "100%_")
    assert nothing["documents"]["total"] == nothing["claims"]["total"] == nothing["actors"]["total"] == 0
    with pytest.raises(BadQuery):
        _search(demo, "%_")
    with pytest.raises(BadQuery):
        _search(demo, "Hamas", kinds=("tweets",))


def test_pages_of_matches_add_up(demo):
    whole = _search(demo, "Islamic State", kinds=("documents",), limit=50)["documents"]
    assert whole["total"] == len(whole["items"]) >= 3
    first = _search(demo, "Islamic State", kinds=("documents",), limit=2)["documents"]
    rest = _search(demo, "Islamic State", kinds=("documents",), limit=50, offset=2)["documents"]
    assert [d["id"] for d in first["items"] + rest["items"]] == [d["id"] for d in whole["items"]]


def test_a_folded_name_finds_its_actor_first(demo):
    for spelling in ("al-Qaida", "AL QAEDA"):
        actors = _search(demo, spelling, kinds=("actors",))["actors"]["items"]
        assert actors and actors[0]["name"] == "al-Qaeda", spelling
    assert normalise("al-Qaida") == normalise("al-Qaeda")


def test_a_word_is_found_whole_never_as_a_prefix_or_pattern(tmp_path, store_url):
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "a.txt").write_text("Turnout was 100% in the town, the electoral commission said on Monday.", "utf-8")
    (texts / "b.txt").write_text("The group claimed 1000 fighters had joined it, a spokesman said on Monday.", "utf-8")
    result = CliRunner().invoke(app, ["ingest", str(texts), "--db", store_url, "--published", "2024-01-02"])
    assert result.exit_code == 0, result.output
    for query in ("100%_", "100%", "100"):
        docs = _search(store_url, query, kinds=("documents",))["documents"]["items"]
        assert [d["snippet"].split()[0] for d in docs] == ["Turnout"], query
        assert _marks(docs[0]) == ["100"]
    assert _search(store_url, "10*", kinds=("documents",))["documents"]["total"] == 0
