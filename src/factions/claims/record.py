"""A cue with its speaker and content made a `Claim`: quotation type, the via chain
(the citer when sources are cited, the outlet told, the outlet that carried it, the
publisher outermost), channel and date."""

from __future__ import annotations

from spacy.tokens import Token

from factions.actors.index import ActorIndex
from factions.claims.channels import _carried_by, _channel, _said_on, _told_outlet
from factions.claims.content import _quoted, _trim
from factions.claims.speakers import _cited
from factions.model import Claim, Document, Span
from factions.nlp.pipeline import sentence_of


def _claim(document: Document, index: ActorIndex, publisher, subject: Token, resolved: tuple[str, Span], cue: Token,
           content: Span, quotes: list[Span], date_spans: list, previous: str | None, rule: str) -> Claim:
    text = document.text
    speaker, speaker_span = resolved
    content, quote_type = _quoted(content, quotes, text)
    if quote_type == "indirect" and content.start > cue.idx and text[cue.idx + len(cue.text) : content.start].strip().startswith(":"):
        quote_type = "direct"  # a statement set out after "said:" is the speaker's own words
    via: list[str] = []
    # "citing intelligence sources": those sources are the claim's speaker.
    cited = _cited(cue, index)
    if cited:
        rule = "claims.citing-sources"
        via.append(speaker)
        speaker, speaker_span, citing_start = cited
        if content.start < citing_start < content.end:
            content = _trim(cue.doc, Span(content.start, citing_start), text)
    outlet_name = None
    if cue.lemma_ == "tell":
        outlet = _told_outlet(cue, index)
        if outlet:
            via.append(outlet.id)
            outlet_name = outlet.name
    carrier = _carried_by(subject, index)
    if carrier is not None and carrier != speaker and carrier not in via:
        via.append(carrier)  # "a statement carried by Al-Manar"
    if publisher and publisher.id not in via and publisher.id != speaker:
        via.append(publisher.id)
    said_on, basis = _said_on(cue, content, document, date_spans, quotes)
    according = cue.lower_ == "according"
    cue_span = Span(cue.idx, cue.idx + len("according to" if according else cue.text))
    sent = sentence_of(cue)
    return Claim(
        id="",
        speaker=speaker,
        speaker_span=speaker_span,
        cue_span=cue_span,
        content_span=content,
        cue=text[cue_span.start : cue_span.end],
        quote_type=quote_type,
        channel=_channel(text[sent.start_char : sent.end_char], content, sent.start_char, cue, outlet_name, previous),
        said_on=said_on,
        said_on_basis=basis,
        via=via,
        rule=rule,
    )
