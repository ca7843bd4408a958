"""Rule-based attribution over the dependency parse.

A cue verb ("said", "told", "warned", "urged") or "according to" marks a statement
(cues.py). Its subject is the speaker (speakers.py: a named actor, a pronoun resolved
to an earlier actor, a description such as "intelligence sources", or the author of
"the statement"); its clausal complement, object clause or quotation is the content
(content.py). "citing X" moves the claim to X and puts the citer on the via chain;
"told <outlet>" adds the outlet; the document's publisher is the outermost
intermediary (record.py, channels.py). With the trained tagger, its attributions
decide where it found one (`_model_claims`).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from factions.actors.index import ActorIndex
from factions.claims.channels import _previous_channel, _statements_carried
from factions.claims.content import (
    _after_colon, _content, _own_paragraph, _trim, _without_channel, _without_leading_date, _without_relative_claim, quote_regions,
    split_quote_rest, without_trailing_date, without_wire_dateline,
)
from factions.claims.cues import _asks_anonymity, _cue_words, _names_no_one, _quoted_as_saying, _silence, _speech
from factions.claims.record import _claim
from factions.claims.speakers import _according_to, _conjuncts, _subject, _Speakers
from factions.model import Claim, Document, Span
from factions.nlp.pipeline import span_over
from factions.nlp.tokens import tokens_where


def extract_claims(document: Document, doc: Doc, index: ActorIndex, disabled: frozenset[str] = frozenset(),
                   tagger=None, attributions=None) -> list[Claim]:
    """Claims found by the cue rules (`rule` names which), except those `disabled`;
    with a trained `tagger` (factions.claims.learned, `--extractor rules+model`), the
    attributions it finds decide (rule claims.model), their speakers linked by the same
    resolver, and the rules keep the cues it did not take. `attributions`: the
    tagger's for this Doc, when it has read it already."""
    cues = _cue_words()
    text = document.text
    quotes = quote_regions(text)
    date_spans = [e for e in doc.ents if e.label_ == "DATE"]
    speakers = _Speakers(index, quotes)
    publisher = index.by_name(document.publisher, "media", "publisher") if document.publisher else None
    claims: list[Claim] = []
    taken: list[Span] = []
    for token in tokens_where(doc, lemmas=cues, lowers=frozenset({"according"})):
        found, rule = None, "claims.cue-subject"
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            found, rule = _according_to(token), "claims.according-to"
        elif token.lemma_.lower() in cues and _as_verb(token) and not any(c.dep_ == "neg" for c in token.children) \
                and not _asks_anonymity(token):
            # "ISWAP did not confirm the death" reports a silence, not a statement.
            subject = _subject(token)
            if subject is not None and (_names_no_one(subject) or _silence(token)):
                continue
            content = _content(token, subject)
            if content is None:
                content, rule = _after_colon(token, text), "claims.cue-colon"
            elif _quoted_as_saying(token):
                rule = "claims.quoted-as-saying"
            if subject is not None and content is not None:
                found = (subject, token, content)
        if found is None or rule in disabled:
            continue
        subject, cue, content = found
        content = _trim(doc, _without_relative_claim(doc, cue, _own_paragraph(_without_channel(cue, content, text), cue.idx, text)), text)
        content = without_wire_dateline(_without_leading_date(cue, content, text, date_spans), text)
        content = without_trailing_date(doc, content, text, date_spans)
        cue_start = Span(cue.idx, cue.idx + 1)
        if content.end <= content.start or any(t.contains(cue_start) for t in taken):
            continue
        rest = split_quote_rest(cue, content, quotes, text)
        if rest is not None and any(t.overlaps(rest) for t in taken):
            rest = None
        # "IS and al-Qaeda accused each other": each conjunct makes the claim.
        for subject in [subject, *_conjuncts(subject)]:
            resolved = speakers.resolve(subject)
            if resolved is not None:
                claim = _claim(document, index, publisher, subject, resolved, cue, content, quotes, date_spans, _previous_channel(claims), rule)
                if claim.rule in disabled:
                    continue
                if rest is not None:  # "“A,” he said, “B.”": one statement in two parts
                    claim.content_parts = [claim.content_span, rest]
                    claim.content_span = Span(claim.content_span.start, rest.end)
                claims.append(claim)
                speakers.last_speaker = claim.speaker
        taken.append(content)
        if rest is not None:
            taken.append(rest)
    if tagger is not None and "claims.model" not in disabled:
        if attributions is None:
            attributions = tagger.predict(doc)
        found = _model_claims(document, doc, index, attributions, speakers, publisher, quotes, date_spans)
        # The tagger decides where it found an attribution (its spans follow annotated
        # news); the rules keep the cues it did not take.
        claims = [c for c in claims if not any(c.cue_span.overlaps(m.cue_span) for m in found)] + found
    claims.sort(key=lambda c: c.cue_span.start)
    _statements_carried(claims, index)
    for i, claim in enumerate(claims, start=1):
        claim.id = f"c{i}"
    return claims


def _as_verb(token: Token) -> bool:
    """A cue the tagger calls a verb, or one it took for an adjective though the parse
    gives it a subject and an object or a clause ("Some in Hurras al-Din suspect HTS of
    …", "We affirm that there is no military solution")."""
    if token.pos_ == "VERB":
        return True
    deps = {c.dep_ for c in token.children}
    return token.pos_ == "ADJ" and "nsubj" in deps and bool(deps & {"dobj", "ccomp"})


def _model_claims(document: Document, doc: Doc, index: ActorIndex, attributions: list,
                  speakers: _Speakers, publisher, quotes: list[Span], date_spans: list) -> list[Claim]:
    """The tagger's attributions as claims: the source's head is resolved to an actor as
    a rule's subject is, the spans are the tagger's (trained on news annotated span by
    span), channel, date and via come from the cue as for any claim. An attribution with
    no source or content is left out (a claim has a speaker and says something), and so
    is one below the threshold or outside the rules' own limits."""
    out: list[Claim] = []
    for a in attributions:
        if not a.source or not a.content or a.score < _speech()["model_threshold"]:
            continue
        cue_span = span_over(doc, a.cue[0].start, a.cue[-1].end)
        source = span_over(doc, a.source[0].start, a.source[-1].end)
        if cue_span is None or source is None or not len(cue_span) or not len(source):
            continue
        cue = next((t for t in cue_span if t.pos_ in ("VERB", "NOUN", "ADP")), cue_span[0])
        # The rules' own limits hold for the tagger too: no silence ("did not comment",
        # "neither confirmed nor denied"), someone speaking.
        if any(c.dep_ == "neg" for c in cue.children) or _silence(cue) or _names_no_one(source.root):
            continue
        resolved = speakers.resolve(source.root)
        if resolved is None:
            continue
        speaker_span = Span(a.source[0].start, a.source[-1].end) if source.root.lower_ not in ("i", "we") else resolved[1]
        content = Span(a.content[0].start, a.content[-1].end)
        claim = _claim(document, index, publisher, source.root, (resolved[0], speaker_span), cue, content, quotes, date_spans,
                       _previous_channel(out), "claims.model")
        if cue.lower_ != "according":
            claim.cue_span = Span(a.cue[0].start, a.cue[-1].end)
            claim.cue = document.text[claim.cue_span.start : claim.cue_span.end]
        claim.rule = "claims.model"  # the tagger decided it, whatever the cue's channel cites
        if len(a.content) > 1:
            claim.content_parts = list(a.content)
        out.append(claim)
    return out
