"""Stage 5, relations between actors: those the events imply (made by the events stage),
then those read from titles and descriptions (`structure.py`), from how a party is
named by its tie to another (`descriptions.py`: aliases, allies and backers, a person's
body), stances and control (`stances.py`), captives held (`captives.py`); arguments named rather than pronouns, one record per relation, and the
rules switched off dropped. The types are declared in `data/relation_types.toml`
(`types.py`); `similarity.py` is the optional typer over sentence embeddings.

Entry point: `extract_relations(doc, index, claims, implied, disabled)`.
"""

from __future__ import annotations

from spacy.tokens import Doc

from factions.actors.index import ActorIndex
from factions.model import Claim, Relation
from factions.relations.types import RelationType, relation_types, symmetric_types


def extract_relations(doc: Doc, index: ActorIndex, claims: list[Claim], implied: list[Relation],
                      disabled: frozenset[str] = frozenset()) -> list[Relation]:
    """Every relation of one document, each naming its rule; `implied` are the ones
    the events stage read from its events' participants."""
    # Imported here: the events stage reads the relation types, and these read its parse helpers.
    from factions.events.participants import _Participants
    from factions.relations.descriptions import (
        alias_relations, ally_descriptions, facilities_of_parties, loyal_parties, parts_of_bodies, person_groups, persons_forces,
    )
    from factions.relations.captives import captive_relations
    from factions.relations.stances import stance_relations
    from factions.relations.structure import (
        affiliate_relations, composition_relations, dedupe_relations, described_memberships, equipment_relations, letterhead_relations,
        named_arguments, one_of_relations, outlet_relations, structural_relations, title_relations, whose_relations,
    )

    relations = list(implied)
    relations.extend(title_relations(doc, index))
    participants = _Participants(index)
    relations.extend(described_memberships(doc, index, participants))
    relations.extend(equipment_relations(doc, index, participants))
    relations.extend(captive_relations(doc, index))
    relations.extend(structural_relations(doc, index))
    relations.extend(letterhead_relations(doc, index))
    relations.extend(one_of_relations(doc, index))
    relations.extend(whose_relations(doc, index))
    relations.extend(affiliate_relations(doc, index))
    relations.extend(outlet_relations(doc, index))
    relations.extend(alias_relations(doc, index))
    relations.extend(ally_descriptions(doc, index))
    relations.extend(person_groups(doc, index))
    relations.extend(persons_forces(doc, index))
    relations.extend(parts_of_bodies(doc, index))
    relations.extend(facilities_of_parties(doc, index))
    relations.extend(loyal_parties(doc, index))
    relations.extend(composition_relations(doc, index))
    relations.extend(stance_relations(doc, index, claims))
    relations = [r for r in relations if r.rule not in disabled]
    return dedupe_relations(named_arguments(relations, index))


__all__ = ["RelationType", "extract_relations", "relation_types", "symmetric_types"]
