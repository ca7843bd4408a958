"""Stage 4a, claims: who said what, through whom, on which channel, and when.

Entry point: `extract_claims(document, doc, index)`. The claim, not the event, is
the primary record: events and relations found inside a claim's content point to it.
"""

from factions.claims.attribution import extract_claims

__all__ = ["extract_claims"]
