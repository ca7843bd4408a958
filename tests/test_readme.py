"""The README's tour shows what the commands really print."""

import re
import shlex

import pytest
from typer.testing import CliRunner

from conftest import ROOT
from factions.cli import app

BLOCK = re.compile(r"```\n(\$ factions [^\n]+)\n(.*?)```", re.S)
TOUR = [(m.group(1), m.group(2)) for m in BLOCK.finditer((ROOT / "README.md").read_text("utf-8"))]


def test_the_tour_has_commands():
    assert len(TOUR) >= 5


@pytest.mark.parametrize("command,shown", [t for t in TOUR if " ingest " not in t[0]], ids=[t[0] for t in TOUR if " ingest " not in t[0]])
def test_tour_output_matches(command, shown, demo_db, monkeypatch):
    monkeypatch.setenv("FACTIONS_DB", demo_db)
    result = CliRunner().invoke(app, shlex.split(command)[2:])
    assert result.exit_code == 0, result.output
    normal = lambda text: [line.rstrip() for line in text.strip().splitlines()]
    assert normal(result.stdout) == normal(shown)
