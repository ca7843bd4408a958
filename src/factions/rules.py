"""The registry of extraction rules: every claim, event and relation names the rule
that made it (`rule`), and every rule is declared once in `data/rules.toml` with an
id, a summary, an example sentence and where its words live.

Rules are switched off by id (`FACTIONS_DISABLE_RULES=relations.epithet,…` or
`--disable-rule` on the command line): their records are dropped where they are made,
before later stages read them (a claim switched off leaves the events in its content
unattributed).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from factions.lexicons import DataFileError, validated_table

class UnknownRule(ValueError):
    """A rule id that `data/rules.toml` does not declare."""


@dataclass(frozen=True)
class Rule:
    id: str
    summary: str
    example: str
    emits: str
    words: str = ""
    optional: bool = False
    # A filter makes no record: it takes out or moves what other rules made (its
    # example is checked by comparing the output with the rule on and off).
    filter: bool = False

    @property
    def stage(self) -> str:
        return self.id.split(".", 1)[0]

    @property
    def record(self) -> str:
        """claim, event or relation."""
        return self.emits.split(":", 1)[0]


@lru_cache(maxsize=1)
def registry() -> dict[str, Rule]:
    """Every declared rule by id, in file order."""
    return parse_rules(validated_table("rules"), "factions/data/rules.toml")


def parse_rules(data: dict, source: str) -> dict[str, Rule]:
    """Rules from a table already checked by the schema. Duplicate ids and a rule whose
    stage and record kind disagree are errors naming the file."""
    out: dict[str, Rule] = {}
    for entry in data["rule"]:
        rule = Rule(**entry)
        if rule.id in out:
            raise DataFileError(f"{source}: rule '{rule.id}' is declared twice")
        if rule.stage != rule.record + "s":
            raise DataFileError(f"{source}: rule '{rule.id}' is in stage '{rule.stage}' but emits {rule.record}s")
        out[rule.id] = rule
    return out


def rule(rule_id: str) -> Rule:
    try:
        return registry()[rule_id]
    except KeyError:
        raise UnknownRule(f"unknown rule '{rule_id}' (see `factions rules`)") from None


def disabled_rules(extra: Iterable[str] = ()) -> frozenset[str]:
    """Ids switched off by `FACTIONS_DISABLE_RULES` (comma-separated) and `extra`;
    an id no rule has is an error, so a typo never passes silently."""
    ids = [i.strip() for i in os.environ.get("FACTIONS_DISABLE_RULES", "").split(",") if i.strip()]
    ids += [i.strip() for i in extra if i.strip()]
    for rule_id in ids:
        rule(rule_id)
    return frozenset(ids)


ANALYST = "analyst"  # the rule of a record an analyst added by hand (store/records.py)


def relation_confidence(rule_id: str | None) -> float | None:
    """How sure a relation made by `rule_id` is: the rule's measured precision on the
    hand-made gold sets, shrunk towards all relation rules' (data/rule_confidence.toml,
    factions.evaluate.confidence); a rule not measured (or none) gets that prior. None
    for a relation an analyst added: it is no extraction."""
    if rule_id == ANALYST:
        return None
    table = validated_table("rule_confidence")
    entry = table["rule"].get(rule_id or "")
    return float(entry["confidence"] if entry else table["prior"]["confidence"])
