"""Stage 7: the command line, end to end on the example corpus."""

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLES, check_contract, store_content
from factions.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def db(demo_module_url):
    return demo_module_url  # the demo store, on SQLite and PostgreSQL


def _json(args):
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_reingest_skips_everything(db):
    result = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", db])
    assert result.exit_code == 0
    assert "stored 0, skipped 10 already stored" in result.output


def test_aliases_resolve_to_one_actor(db):
    for name in ("ISIS", "IS", "Islamic State", "Daesh", "islamic state"):
        assert _json(["actor", name, "--db", db])["kb_id"] == "islamic-state"


def test_actors_most_mentioned_first(db):
    rows = _json(["actors", "--db", db])
    assert rows[0]["mentions"] >= rows[-1]["mentions"]
    assert any(r["kb_id"] == "al-qaeda" for r in rows)


def test_relation_evidence_grouped_by_type(db):
    data = _json(["relation", "ISIS", "al-Qaida", "--db", db])
    assert {"negotiates_with", "allied_with", "opposes"} <= set(data["relations"])
    reported = [e for e in data["relations"]["negotiates_with"] if e["modality"] == "reported"]
    assert reported[0]["speaker"] == "Iraqi intelligence sources"
    assert reported[0]["outlet"] == "Levant Monitor" and reported[0]["said_on"] == "2017-04-17"
    denied = [e for e in data["relations"]["negotiates_with"] if e["modality"] == "denied"]
    assert denied and denied[0]["speaker"] == "senior IS leader"


def test_relation_as_of_filters_by_time(db):
    data = _json(["relation", "IS", "al-Qaeda", "--as-of", "2014-12-31", "--db", db])
    assert "negotiates_with" not in data["relations"]


def test_claims_by_speaker_and_about(db):
    by = _json(["claims", "--speaker", "Zawahiri", "--db", db])
    assert [c["cue"] for c in by] == ["urged"] and by[0]["channel"] == "audio recording"
    about = _json(["claims", "--about", "Hayat Tahrir al-Sham", "--db", db])
    assert any("HTS of detaining" in c["content"] for c in about)


def test_timeline_in_time_order(db):
    rows = _json(["timeline", "al-Shabaab", "--db", db])
    keys = [r["date"] for r in rows]
    assert keys == sorted(keys) and len(rows) >= 3
    assert all(r["reports"] and {"speaker", "outlet", "modality"} <= set(r["reports"][0]) for r in rows)


def test_unknown_actor_is_one_error_line(db):
    result = runner.invoke(app, ["actor", "Nonexistent Brigade of Nowhere", "--db", db])
    assert result.exit_code == 2
    assert result.stderr.strip() == "factions: error: no actor named 'Nonexistent Brigade of Nowhere' in the store"


def test_summary_names_the_main_pair(db):
    data = _json(["summary", "--db", db])
    assert data["counts"]["documents"] == 10
    assert {data["main_pair"]["a"], data["main_pair"]["b"]} == {"Islamic State", "al-Qaeda"}


def _extract(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "factions", "extract", *args], input=stdin, capture_output=True, text=True)


def test_extract_mixed_good_and_bad_inputs(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 owner said the rebels left.".encode("latin-1"))
    (tmp_path / "bad.jsonl").write_text('{"text": "Rebels attacked the base, the army said."}\n{broken\n')
    good = EXAMPLES / "03-sahel-pledge.txt"
    result = _extract(str(good), str(tmp_path / "empty.txt"), str(tmp_path / "bin.txt"),
                      str(tmp_path / "latin1.txt"), str(tmp_path / "bad.jsonl"), str(tmp_path / "missing.txt"))
    assert result.returncode == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 5
    assert all(line.startswith("factions: error: ") for line in errors)
    for name in ("empty.txt", "bin.txt", "latin1.txt", "bad.jsonl:2", "missing.txt"):
        assert any(name in line for line in errors), name
    outputs = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(outputs) == 2  # the article and the good JSON Lines record
    for out in outputs:
        check_contract(out)


def test_extract_stdin_with_published_date():
    text = "Rebel commander Ali Musa said on Monday that his fighters had attacked an army convoy."
    result = _extract("--published", "2020-06-10", "-", stdin=text)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    check_contract(out)
    assert out["document"]["source"] == "<stdin>" and out["document"]["published"] == "2020-06-10"
    assert out["claims"][0]["said_on"] == "2020-06-08"


def test_extract_rejects_a_bad_date():
    result = _extract("--published", "10/06/2020", "-", stdin="text")
    assert result.returncode == 2 and "--published must be a date" in result.stderr


def test_ingest_reports_bad_inputs_and_stores_the_good(tmp_path, store_url):
    (tmp_path / "good.txt").write_text("Rebel spokesman Omar Said said the group had attacked an army post near Kidal.")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe not utf-8")
    url = store_url
    result = runner.invoke(app, ["ingest", str(tmp_path / "good.txt"), str(tmp_path / "bad.txt"), "--db", url])
    assert result.exit_code == 1
    assert f"factions: error: {tmp_path / 'bad.txt'}: not valid UTF-8" in result.stderr
    assert "stored 1, skipped 0 already stored, failed 1" in result.stderr
    assert _json(["claims", "--db", url])[0]["speaker"] == "Omar Said"


def test_two_workers_store_what_one_stores(two_workers_db, demo_db):
    content = store_content(two_workers_db)
    assert content["claims"] and content["events"] and content["relations"]
    assert content == store_content(demo_db)


def test_leaders_as_of_a_date(db):
    data = _json(["leaders", "ISIS", "--as-of", "2017-01-01", "--db", db])
    assert [x["name"] for x in data["knowledge_base"]] == ["Abu Bakr al-Baghdadi"]
    data = _json(["leaders", "al-Shabaab", "--db", db])
    assert [x["name"] for x in data["knowledge_base"]] == ["Ahmed Abdi Godane", "Ahmed Diriye"]
    assert [x["name"] for x in data["reported"]] == ["Ahmed Diriye"]


def test_extract_with_a_user_knowledge_base(tmp_path):
    good = tmp_path / "mine.toml"
    good.write_text('[[actor]]\nid = "x-front"\nname = "X Front"\nkind = "armed_group"\nacronyms = ["XF"]\nbasis = "test"\n')
    result = _extract("--kb", str(good), "-", stdin="The XF attacked the army post.")
    assert result.returncode == 0, result.stderr
    assert [a["kb_id"] for a in json.loads(result.stdout)["actors"]][0] == "x-front"
    bad = tmp_path / "bad.toml"
    bad.write_text('[[actor]]\nid = "x"\nname = "X"\nkind = "armed_grp"\nbasis = "t"\n')
    result = _extract("--kb", str(bad), "-", stdin="text")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [f"factions: error: {bad}: actor/0/kind: 'armed_grp' is not one of ['person', 'armed_group', 'organization', 'state', 'government_body', 'media', 'location']"]


def test_a_document_whose_extraction_fails_costs_only_itself(monkeypatch, tmp_path):
    from factions.extract import RuleExtractor

    original = RuleExtractor.from_doc

    def flaky(self, document, doc, attributions=None):
        if "EXPLODE" in document.text:
            raise RuntimeError("boom")
        return original(self, document, doc, attributions)

    monkeypatch.setattr(RuleExtractor, "from_doc", flaky)
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text("Rebels attacked the base, the army said.")
    (inputs / "b.txt").write_text("EXPLODE this document, the officials said.")
    result = runner.invoke(app, ["extract", str(inputs), "--format", "jsonl"])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"factions: error: {inputs / 'b.txt'}: extraction failed (RuntimeError: boom)"
    assert [json.loads(l)["document"]["source"] for l in result.stdout.splitlines()] == [str(inputs / "a.txt")]
    url = f"sqlite:///{tmp_path / 's.db'}"
    result = runner.invoke(app, ["ingest", str(inputs), "--db", url])
    assert result.exit_code == 1 and "stored 1, skipped 0 already stored, failed 1" in result.stderr
