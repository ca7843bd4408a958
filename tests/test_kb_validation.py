"""The knowledge base checked the same way by every command (issue 13 item 8): a bad
FACTIONS_KB is one line and exit 2; dates are dates; lineage and roles point at known
actors; a large file is checked once (kb/cache.py)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from factions.cli import app
from factions.kb import KBFileError, load_kb

ACTOR = '[[actor]]\nid = "test-front"\nname = "Test Front"\nkind = "armed_group"\nbasis = "test"\n'
BAD_KBS = {
    "deep": ("x = " + "[" * 3000 + "]" * 3000 + "\n", "not valid TOML (nested too deeply)"),
    "impossible day": (ACTOR + 'ended = "2020-13-99"\n', "actor test-front: ended: '2020-13-99' is not a date"),
    "february 30": (ACTOR + 'names = [{name = "T", from = "2021-02-30"}]\n', "names[0].from: '2021-02-30' is not a date"),
    "month 13": (ACTOR + 'roles = [{role = "x", of = "isis", from = "2019-13"}]\n', "roles[0].from: '2019-13' is not a date (no such month)"),
    "reversed": (ACTOR + 'names = [{name = "T", from = "2020-05", to = "2019"}]\n', "names[0]: 'to' 2019 is before 'from' 2020-05"),
    "unknown lineage": (ACTOR + 'lineage = [{type = "splinter_of", target = "nobody-known"}]\n', "lineage[0].target: unknown actor id 'nobody-known'"),
    "unknown group": (ACTOR + 'roles = [{role = "leader", of = "nobody-known"}]\n', "roles[0].of: unknown actor id 'nobody-known'"),
    "schema": (ACTOR.replace('"armed_group"', '"gang"'), "kind"),
}
COMMANDS = [["actor", "ISIS"], ["relation", "ISIS", "al-Qaeda"], ["leaders", "ISIS"], ["export", "stix"],
            ["summary"], ["rules"], ["extract", "-"], ["ingest", "-"], ["timeline", "ISIS"]]


@pytest.mark.parametrize("case", BAD_KBS)
def test_a_bad_knowledge_base_is_one_line_for_every_command(tmp_path, case):
    text, expected = BAD_KBS[case]
    path = tmp_path / "kb.toml"
    path.write_text(text)
    for command in COMMANDS:
        args = [*command, "--db", f"sqlite:///{tmp_path / 'x.db'}"] if command[0] not in ("rules", "extract") else command
        result = CliRunner().invoke(app, args, env={"FACTIONS_KB": str(path)}, input="")
        assert result.exit_code == 2, (command, result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit), (command, result.exception)
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"factions: error: {path}: "), (command, result.stderr)
        assert expected in lines[0]


def test_good_user_files_may_point_at_shipped_actors_and_at_each_other(tmp_path):
    (tmp_path / "a.toml").write_text(ACTOR + 'lineage = [{type = "splinter_of", target = "other-front", from = "2019-02"}]\n')
    (tmp_path / "b.toml").write_text(ACTOR.replace("test-front", "other-front").replace("Test Front", "Other Front")
                                     + 'roles = [{role = "x", of = "test-front", from = "2020-02-29"}]\n')
    kb = load_kb((str(tmp_path / "a.toml"), str(tmp_path / "b.toml")))
    assert kb.get("test-front").lineage[0]["target"] == "other-front"


def _big_kb(n: int) -> str:
    return "".join(
        f'[[actor]]\nid = "gen-{i}"\nname = "Generated Group {i}"\nkind = "armed_group"\nbasis = "generated"\n'
        f'aliases = ["Group Number {i}"]\nlineage = [{{type = "splinter_of", target = "gen-{max(i - 1, 0)}", from = "2014-03"}}]\n\n'
        for i in range(n)
    )


def test_a_large_file_is_checked_once_and_again_when_it_changes(tmp_path, monkeypatch):
    from factions.kb import cache

    monkeypatch.setenv("FACTIONS_CACHE", str(tmp_path / "cache"))
    text = _big_kb(2000)
    assert len(text) > cache.MIN_BYTES
    path = tmp_path / "big.toml"
    path.write_text(text)
    first = load_kb((str(path),))
    assert len(list((tmp_path / "cache" / "kb").glob("*.json"))) == 1
    load_kb.cache_clear()
    second = load_kb((str(path),))  # from the index: same actors, same fields
    assert second.actors.keys() == first.actors.keys()
    assert second.get("gen-7").lineage == first.get("gen-7").lineage and second.get("gen-7").source == str(path)
    # A changed file is checked afresh, whatever the index holds for the old text.
    path.write_text(text.replace('from = "2014-03"', 'from = "2014-13"', 1))
    load_kb.cache_clear()
    with pytest.raises(KBFileError, match="'2014-13' is not a date"):
        load_kb((str(path),))
    # An index entry is not trusted to be a list of actors.
    for entry in (tmp_path / "cache" / "kb").glob("*.json"):
        entry.write_text('{"not": "a list"}')
    path.write_text(text)
    load_kb.cache_clear()
    assert len(load_kb((str(path),))) == len(first)
