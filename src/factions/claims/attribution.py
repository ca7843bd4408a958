"""Rule-based attribution over the dependency parse.

A cue verb ("said", "told", "warned", "urged") or "according to" marks a statement.
Its subject is the speaker (a named actor, a pronoun resolved to an earlier actor, a
description such as "intelligence sources", or the author of "the statement");
its clausal complement, object clause or quotation is the content. "citing X" moves
the claim to X and puts the citer on the via chain; "told <outlet>" adds the outlet;
the document's publisher is the outermost intermediary.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from factions.actors.index import GROUP_KINDS, ActorIndex
from factions.dates import normalize
from factions.lexicons import lexicon
from factions.model import Claim, Document, Span, When
from factions.nlp.pipeline import sentence_of
from factions.nlp.tokens import tokens_where

_QUOTE = re.compile(r"“[^”]{3,}”|\"[^\"\n]{3,}\"|«[^»]{3,}»")
CONTENT_DEPS = ("ccomp",)


def quote_regions(text: str) -> list[Span]:
    return [Span(m.start(), m.end()) for m in _QUOTE.finditer(text)]


def _speech():
    return lexicon("speech")


@lru_cache(maxsize=1)
def _cue_words() -> frozenset[str]:
    return frozenset(_speech()["cue_verbs"])


def _subject(verb: Token) -> Token | None:
    if _quoted_as_saying(verb):
        return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if verb.lemma_ in _speech()["recipient_cues"] and any(c.dep_ == "auxpass" for c in verb.children):
        return None  # "residents had been informed (by text message)": what they heard is no one's claim here
    if verb.lemma_ in _speech()["passive_topic_cues"] and any(c.dep_ == "auxpass" for c in verb.children):
        # "Members of X are reported to have …": X is what is reported of, not who reports.
        return _agent(verb)
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subjects) > 1:  # "Strikes killed 30 people, the agency said", parsed with two subjects
        return subjects[-1]
    # "it was reported by Reuters": the agent speaks, not the expletive "it".
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    for child in verb.children:
        if child.dep_ == "nsubj":
            return child
        if child.dep_ == "nsubjpass":
            if verb.lemma_ == "quote":
                continue  # "the report was quoted": what is quoted does not speak ("quoted as saying" is above)
            return child
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head)
    if verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VBG" and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head)  # "denied the charge, telling reporters that …"
    if verb.dep_ == "relcl":
        return verb.head
    aside = _aside(verb)
    if aside is not None:  # "X, asked about the move, said …", parsed as "X asked" under "said"
        return next(c for c in aside.children if c.dep_ == "nsubj")
    return None


def _agent(verb: Token) -> Token | None:
    """The "by" phrase of a passive verb: "it was reported by Reuters"."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((p for p in child.children if p.dep_ == "pobj"), None)
    return None


def _silence(cue: Token) -> bool:
    """A cue that reports no statement: "neither confirmed nor denied", "declined to
    comment", "refused to confirm or deny" (rule claims.cue-subject, as "did not confirm")."""
    words = _speech()["refusal_verbs"]
    first = cue.head if cue.dep_ == "conj" else cue
    if any(c.dep_ == "preconj" and c.lower_ == "neither" for c in first.children):
        return True
    if any(c.dep_ == "cc" and c.lower_ == "nor" for c in first.children):
        return True
    return first.dep_ == "xcomp" and first.head.lemma_ in words


def _names_no_one(subject: Token) -> bool:
    """"No one can deny …", "nobody claimed …": the subject names no speaker."""
    phrase = " ".join(t.lower_ for t in subject.subtree)
    return phrase in _speech()["non_speakers"] or subject.lower_ in ("nobody", "none", "nothing") or \
        any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children)


def _aside(verb: Token) -> Token | None:
    """A participle set off before the cue ("Hussein, asked about the move, said")
    that the parser made a clause with the speaker as its subject."""
    doc = verb.doc
    for child in verb.children:
        subject = next((c for c in child.children if c.dep_ == "nsubj"), None)
        if child.i > verb.i or child.dep_ not in ("ccomp", "advcl") or subject is None:
            continue
        # set off by commas: "<subject> , <participle …> , <cue>"
        if any(doc[k].text == "," for k in range(subject.i + 1, child.left_edge.i if child.left_edge.i > subject.i else child.i)) \
                and child.right_edge.i in (verb.i - 1, verb.i - 2) and doc[verb.i - 1].text == ",":
            return child
    return None


def _quoted_as_saying(verb: Token) -> bool:
    """"X was quoted as saying": X speaks; the agent ("by SANA") carries it."""
    return any(c.dep_ == "prep" and c.lower_ == "as" and any(g.lemma_ == "say" for g in c.children) for c in verb.children)


def _tokens_span(tokens: list[Token]) -> Span:
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return Span(start, end)


def _edges(*heads: Token) -> Span:
    """The span of the heads' subtrees (contiguous: spaCy's parses are projective)."""
    start = min(h.left_edge.idx for h in heads)
    last = max((h.right_edge for h in heads), key=lambda t: t.i)
    return Span(start, last.idx + len(last.text))


def _trim(doc: Doc, span: Span, text: str) -> Span:
    start, end = span.start, span.end
    while start < end and text[start] in " ,;:\n\"“”'":
        start += 1
    while end > start and text[end - 1] in " ,;:.\n\"“”'":
        end -= 1
    # A quotation that ends the content keeps its closing mark: he was "cautiously optimistic".
    inner = text[start:end]
    if (inner.count('"') % 2 == 1 and text[end : end + 1] == '"') or (inner.count("“") > inner.count("”") and text[end : end + 1] == "”"):
        end += 1
    if text[start : start + 5].lower() == "that ":
        start += 5
    return Span(start, end)


def _content(verb: Token, speaker: Token | None) -> Span | None:
    aside = _aside(verb)
    children = [c for c in verb.children if aside is None or c.i != aside.i]
    subjects = [c for c in children if c.dep_ == "nsubj"]
    if len(subjects) > 1:  # the first "subject" is the reported clause the parser broke up
        return _edges(subjects[0])
    for child in children:
        if child.dep_ in CONTENT_DEPS:
            return _edges(child)
    # "telling a news conference in Kabul that Afghan soil would not be used": a
    # "that" clause the parser hung on the object as a relative clause. In a true
    # relative clause "that" is a pronoun argument, not a marker.
    for obj in (c for c in children if c.dep_ in ("dobj", "dative")):
        for t in obj.subtree:
            if t.dep_ == "relcl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children):
                return _edges(t)
    # "urged the two groups to unite": object and infinitive together.
    # "vowed in a televised speech to keep attacking": an infinitive the parser made an
    # adverbial clause is the vow's content all the same.
    xcomp = [c for c in children if c.dep_ == "xcomp" or (c.dep_ == "advcl" and c.i > verb.i and any(
        a.dep_ == "aux" and a.lower_ == "to" for a in c.children) and not any(a.dep_ in ("nsubj", "mark") for a in c.children))]
    if xcomp:  # "calls on the parties to agree": the addressee in "on" too
        objs = [c for c in children if c.dep_ in ("dobj", "dative")]
        objs += [o for c in children if c.dep_ == "prep" and c.lower_ in ("on", "upon") and c.i < xcomp[0].i
                 for o in c.children if o.dep_ == "pobj"]
        return _edges(*objs, *xcomp)
    speech = _speech()
    objs = [c for c in children if c.dep_ == "dobj"]
    # "vowed in a televised address to widen the campaign": the infinitive hung on the
    # channel's noun is what was vowed.
    hung = [a for p in children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj" for a in o.children
            if a.dep_ == "acl" and any(x.dep_ == "aux" and x.lower_ == "to" for x in a.children)]
    if hung and not objs:
        return _edges(hung[0])
    preps = [c for c in children if c.dep_ == "prep" and c.lower_ in speech["prep_content_cues"].get(verb.lemma_, ())]
    if preps:  # "called for unity", "warned of a merger", "accused IS of betrayal"
        return _edges(*objs, *preps)
    if verb.lemma_ in speech["object_content_cues"]:
        if objs:  # "condemned the arrests", "called its commanders apostates", "calling it a violation"
            complements = [c for c in children if c.dep_ in ("oprd", "attr") and c.i > objs[-1].i]
            return _edges(*objs, *complements)
        if verb.dep_ == "relcl" and verb.head.i < verb.i:  # "a charge Ankara rejected"
            return _tokens_span([t for t in verb.head.subtree if t.i <= verb.head.i])
    # "The talks have begun, he said.": the cue hangs off the content's verb.
    if verb.dep_ in ("parataxis", "advcl") or (verb.dep_ == "ccomp" and verb.i > verb.head.i):
        head = verb.head
        skip = set(t.i for t in verb.subtree)
        tokens = [t for t in head.subtree if t.i not in skip and not t.is_punct]
        if tokens:
            return _tokens_span(tokens)
    return None


def _words_pattern(words: list[str]) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")


@lru_cache(maxsize=1)
def _channel_patterns() -> tuple[re.Pattern, list[tuple[str, re.Pattern]]]:
    """The channel anaphors, and each channel's words, compiled once, in precedence order."""
    speech = _speech()
    return _words_pattern(speech["channel_anaphors"]), [(c["name"], _words_pattern(c["words"])) for c in speech["channel"]]


def _channel(sentence: str, content: Span, sent_start: int, cue: Token, via_outlet: str | None, previous: str | None = None) -> str | None:
    if cue.lemma_ == "tell" and via_outlet:
        return f"told {via_outlet}"
    # Words inside the content describe what was said, not how.
    lowered = (sentence[: max(0, content.start - sent_start)] + " " + sentence[max(0, content.end - sent_start) :]).lower()
    anaphors, channels = _channel_patterns()
    if previous and anaphors.search(lowered):
        return previous  # "In the recording, he said": the recording named before
    for name, pattern in channels:
        if pattern.search(lowered):
            return name
    if cue.lemma_ in ("tweet", "post"):
        return "social media"
    return None


def _attached_to(token: Token, verb: Token) -> bool:
    """The date hangs on the cue itself ("accused X on Thursday of Y"), not on a
    clause below it."""
    head = token.head
    if head.dep_ == "prep":
        head = head.head
    return head.i == verb.i


def _dated(ent, document: Document) -> When | None:
    when = normalize(ent.text, document.published)
    if when:
        when.span = Span(ent.start_char, ent.end_char)
    return when


def _said_on(verb: Token, content: Span, document: Document, date_spans: list) -> tuple[When | None, str]:
    subtree = set(range(verb.left_edge.i, verb.right_edge.i + 1))  # parses are projective
    # "X accused Y, and their fighters clashed in 2014": the clash's date is not the accusation's.
    for child in verb.children:
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
            subtree -= set(range(child.left_edge.i, child.right_edge.i + 1))
    sent = sentence_of(verb)
    for ent in date_spans:
        if ent.start < sent.start or ent.end > sent.end:
            continue
        inside_content = content.start <= ent.start_char and ent.end_char <= content.end
        if ent.root.i in subtree and (not inside_content or _attached_to(ent.root, verb)) and (when := _dated(ent, document)):
            return when, "text"
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        # "praised Hamas on Sunday and said ...": the verbs share the occasion.
        for ent in date_spans:
            if sent.start <= ent.start and _attached_to(ent.root, verb.head) and (when := _dated(ent, document)):
                return when, "text"
    if document.published:
        day = document.published.isoformat()
        return When(day, day, "day"), "publication date"
    return None, "unknown"


def _speaker_phrase(head: Token, name: Span, text: str) -> Span:
    """The speaker as the text names them: the name with the words before it in its
    noun phrase ("Iraqi Vice President Ayad Allawi"), without what follows
    (appositions, relative clauses)."""
    # Whitespace tokens stand where a masked dateline was ("BAGHDAD (Reuters) - ").
    left = [t for t in head.subtree if t.i <= head.i and not t.is_punct and not t.is_space and t.dep_ not in ("cc", "prep")]
    start = min([name.start] + [t.idx for t in left])
    while start < name.start and text[start] in "\"“'([ ":
        start += 1
    end = max(name.end, head.idx + len(head.text))
    # "the Members of the Security Council"; a description keeps where it is from
    # ("Analysts at the Carnegie Middle East Center", "officials in Kabul").
    preps = ("of", "at", "from", "in", "with", "within", "inside") if head.pos_ == "NOUN" else ("of",)
    for child in head.children:
        # "Sources close to the negotiations", "officials familiar with the talks"
        postmodifier = child.dep_ == "amod" and child.i > head.i and head.pos_ == "NOUN"
        if postmodifier or (child.dep_ == "prep" and child.lower_ in preps and child.i > head.i):
            last = child.right_edge
            end = max(end, last.idx + len(last.text))
    return Span(start, end)


class _Speakers:
    """Who a subject token stands for, adding pronoun and descriptive mentions."""

    def __init__(self, index: ActorIndex, quotes: list[Span]):
        self.index = index
        self.quotes = quotes
        self.last_speaker: str | None = None

    def resolve(self, subject: Token) -> tuple[str, Span] | None:
        index = self.index
        if subject.dep_ == "expl" or (subject.lower_ == "it" and any(c.dep_ == "auxpass" for c in subject.head.children)):
            return None  # "it was claimed that ...": nobody named speaks
        if subject.lower_ in ("i", "we"):
            # A statement's own voice ("We condemn …", "I urge …"): its issuer. Inside a
            # quotation the quotation's speaker says it, as one claim (claims.cue-subject).
            if any(q.start <= subject.idx < q.end for q in self.quotes):
                return None
            label = "PERSON" if subject.lower_ == "i" else "ORG"
            span = Span(subject.idx, subject.idx + len(subject.text))
            actor = index.first_person(label)
            index.add_mention(span, label, actor.id, "pronoun")
            return actor.id, span
        if subject.pos_ == "PRON" or subject.tag_ == "PRP":
            target = index.resolve_pronoun(subject)
            if target is None:
                return None
            span = Span(subject.idx, subject.idx + len(subject.text))
            index.add_mention(span, target.label, target.actor, "pronoun")
            return target.actor, span
        if subject.lemma_.lower() in _speech()["statement_nouns"]:
            # "the group's statement said", "the statement added", "A UN report warned": its
            # author speaks, and the phrase as written is the source.
            phrase = _tokens_span([t for t in subject.subtree if t.i <= subject.i and not t.is_punct])
            for child in subject.children:
                m = index.mention_for_token(child) if child.dep_ in ("poss", "compound", "amod") else None
                if m is not None and m.actor and index.actors[m.actor].kind in GROUP_KINDS | {"person"}:
                    return m.actor, (m.span if child.dep_ == "poss" else phrase)
            if self.last_speaker:
                return self.last_speaker, phrase
            return None
        # "the group's spokesman, Imad al-Din Mujahid, said": the name speaks.
        for child in subject.children:
            if child.dep_ == "appos":
                named = index.mention_for_token(child)
                if named is not None and named.basis != "nominal":  # with its title: "Captain Ali Nur"
                    return named.actor, _speaker_phrase(child, named.span, index.document.text)
        mention = index.mention_for_token(subject)
        if mention is not None:
            return mention.actor, _speaker_phrase(subject, mention.span, index.document.text)
        if subject.pos_ in ("NOUN", "PROPN"):
            tokens = [t for t in subject.subtree if t.i <= subject.i and t.dep_ not in ("punct", "cc")]
            tokens = [t for t in tokens if t.i >= min(x.i for x in tokens)]
            span = _tokens_span(tokens)
            kind = "population" if subject.tag_ == "NNS" or subject.lemma_ in ("source", "official", "analyst", "expert") else "organization"
            actor = index.descriptive(span, kind)
            return actor.id, span
        return None


def extract_claims(document: Document, doc: Doc, index: ActorIndex, disabled: frozenset[str] = frozenset(),
                   tagger=None) -> list[Claim]:
    """Claims found by the cue rules (`rule` names which), except those `disabled`;
    with a trained `tagger` (factions.claims.learned, `--extractor rules+model`), the
    attributions it finds decide (rule claims.model), their speakers linked by the same
    resolver, and the rules keep the cues it did not take."""
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
        elif token.lemma_.lower() in cues and token.pos_ == "VERB" and not any(c.dep_ == "neg" for c in token.children) \
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
        content = _trim(doc, _own_paragraph(_without_channel(cue, content, text), cue.idx, text), text)
        content = _without_leading_date(cue, content, text, date_spans)
        if content.end <= content.start or any(t.contains(Span(cue.idx, cue.idx + 1)) for t in taken):
            continue
        # "IS and al-Qaeda accused each other": each conjunct makes the claim.
        for subject in [subject, *_conjuncts(subject)]:
            resolved = speakers.resolve(subject)
            if resolved is not None:
                claim = _claim(document, index, publisher, subject, resolved, cue, content, quotes, date_spans, _previous_channel(claims), rule)
                if claim.rule in disabled:
                    continue
                claims.append(claim)
                speakers.last_speaker = claim.speaker
        taken.append(content)
    if tagger is not None and "claims.model" not in disabled:
        found = _model_claims(document, doc, index, tagger.predict(doc), speakers, publisher, quotes, date_spans)
        # The tagger decides where it found an attribution (its spans follow annotated
        # news); the rules keep the cues it did not take.
        claims = [c for c in claims if not any(c.cue_span.overlaps(m.cue_span) for m in found)] + found
    claims.sort(key=lambda c: c.cue_span.start)
    _statements_carried(claims, index)
    for i, claim in enumerate(claims, start=1):
        claim.id = f"c{i}"
    return claims


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
        cue_span = doc.char_span(a.cue[0].start, a.cue[-1].end, alignment_mode="expand")
        source = doc.char_span(a.source[0].start, a.source[-1].end, alignment_mode="expand")
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


def _without_leading_date(cue: Token, content: Span, text: str, date_spans: list) -> Span:
    """"said on Thursday it had reached a deal": with no "that", the parser takes the
    cue's date into the clause. A date right after the cue is the cue's."""
    if text[cue.idx + len(cue.text) : content.start].strip() or not text.startswith("on ", content.start):
        return content
    for ent in date_spans:
        if ent.start_char == content.start + 3 and ent.end_char < content.end:
            rest = text[ent.end_char : content.end]
            skipped = len(rest) - len(rest.lstrip(" ,"))
            if rest.lstrip(" ,").startswith("that "):
                skipped += 5
            return Span(ent.end_char + skipped, content.end)
    return content


def _asks_anonymity(cue: Token) -> bool:
    """"asked not to be named", "requested not to be identified"."""
    words = _speech()["anonymity_verbs"]
    return any(c.dep_ == "xcomp" and c.lemma_ in words and any(g.dep_ == "neg" for g in c.children) for c in cue.children)


def _previous_channel(claims: list[Claim]) -> str | None:
    return claims[-1].channel if claims else None


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
    said_on, basis = _said_on(cue, content, document, date_spans)
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


def _conjuncts(subject: Token) -> list[Token]:
    return [t for t in subject.conjuncts if t.i > subject.i and t.pos_ in ("PROPN", "NOUN", "PRON")]


def _own_paragraph(content: Span, cue_at: int, text: str) -> Span:
    """A claim's content stays in its cue's paragraph: a headline's parse can run on
    into the dateline below it."""
    if content.start >= cue_at:
        cut = text.find("\n\n", content.start, content.end)
        return Span(content.start, cut) if cut != -1 else content
    cut = text.rfind("\n\n", content.start, content.end)
    return Span(cut + 2, content.end) if cut != -1 else content


def _without_channel(cue: Token, content: Span, text: str) -> Span:
    """"claimed responsibility for the attack on its radio station": the parse hangs
    the channel on the content; it is how the claim was made, so it leaves the content."""
    doc = cue.doc
    _, channels = _channel_patterns()
    said = text[content.start : content.end].lower()
    if not any(pattern.search(said) for _, pattern in channels):
        return content  # no channel word in it: nothing to take out
    words = {w for channel in _speech()["channel"] for w in channel["words"] if " " not in w}
    for token in doc[cue.i + 1 :]:
        if token.idx >= content.end:
            break
        if token.idx <= content.start or token.dep_ != "prep" or token.lower_ not in ("on", "in", "via", "through"):
            continue
        pobj = next((c for c in token.children if c.dep_ == "pobj"), None)
        if pobj is None or pobj.right_edge.idx + len(pobj.right_edge.text) < content.end - 1:
            continue
        if any(t.lower_ in words for t in pobj.subtree):  # "on its radio station", "in a video"
            return Span(content.start, token.idx)
    return content


def _statements_carried(claims: list[Claim], index: ActorIndex) -> None:
    """"X praised Y and said Z, according to a statement carried by Al-Manar": the
    statement is the channel of X's own claims inside it, not a claim of its own."""
    statement_nouns = set(_speech()["statement_nouns"])
    for frame in [c for c in claims if c.cue == "according to"]:
        noun = frame.speaker_span
        words = index.document.text[noun.start : noun.end].lower().split()
        if not words or words[-1] not in statement_nouns:
            continue
        inner = [c for c in claims if c is not frame and frame.content_span.contains(c.cue_span)]
        if not inner:
            continue
        claims.remove(frame)
        for claim in inner:
            claim.channel = claim.channel or frame.channel
            for actor in frame.via:
                if actor not in claim.via and actor != claim.speaker:
                    claim.via.insert(len(claim.via) - (1 if claim.via and claim.via[-1] == frame.via[-1] else 0), actor)


def _after_colon(cue: Token, text: str) -> Span | None:
    """"The minister said:" then the statement in the next paragraph, as press
    releases quote their principals."""
    doc = cue.doc
    nxt = cue.i + 1
    while nxt < len(doc) and doc[nxt].is_space:
        nxt += 1
    if nxt >= len(doc) or doc[nxt].text != ":":
        return None
    start = doc[nxt].idx + 1
    while start < len(text) and text[start] in " \t\r\n\"“":
        start += 1
    end = text.find("\n\n", start)
    end = len(text) if end == -1 else end
    return Span(start, end) if end - start > 10 else None


def _according_to(token: Token):
    to = token.doc[token.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    sent = sentence_of(token)
    phrase = set(t.i for t in token.subtree) | set(t.i for t in to.subtree)
    tokens = [t for t in sent if t.i not in phrase and not t.is_punct]
    if not tokens:
        return None
    # The content is the rest of the sentence on the side of the main clause.
    left = [t for t in tokens if t.i < token.i]
    right = [t for t in tokens if t.i > max(phrase)]
    side = right if len(right) >= len(left) else left
    if not side:
        return None
    return pobj, token, _tokens_span(side)


def _cited(cue: Token, index: ActorIndex) -> tuple[str, Span, int] | None:
    """"citing intelligence sources": the cited actor, its span, where the phrase starts."""
    last = cue.right_edge
    phrase = index.document.text[cue.left_edge.idx : last.idx + len(last.text)].lower()
    if "cit" not in phrase and "quot" not in phrase:
        return None
    for t in cue.subtree:
        if t.lemma_ in ("cite", "quote") and t.dep_ in ("advcl", "xcomp", "conj", "prep", "pcomp") and t.i != cue.i:
            for obj in t.children:
                if obj.dep_ in ("dobj", "pobj"):
                    m = index.mention_for_token(obj)
                    if m:
                        return m.actor, m.span, t.idx
                    tokens = [x for x in obj.subtree if x.i <= obj.i]
                    span = _tokens_span(tokens)
                    actor = index.descriptive(span, "population")
                    return actor.id, span, t.idx
    return None


def _carried_by(subject: Token, index: ActorIndex) -> str | None:
    """The outlet that carried a statement: "a statement carried by Al-Manar",
    "a video released by Amaq"."""
    for child in subject.children:
        if child.dep_ == "acl" and child.lemma_ in ("carry", "publish", "broadcast", "air", "post", "release", "run"):
            for agent in (c for c in child.children if c.dep_ == "agent"):
                for pobj in (c for c in agent.children if c.dep_ == "pobj"):
                    m = index.mention_for_token(pobj)
                    if m is not None:
                        return m.actor
    return None


def _told_outlet(cue: Token, index: ActorIndex):
    for child in cue.children:
        if child.dep_ in ("dobj", "dative"):
            m = index.mention_for_token(child)
            if m and index.actors[m.actor].kind in ("media", "organization"):
                return index.actors[m.actor]
    return None


def _quoted(content: Span, quotes: list[Span], text: str) -> tuple[Span, str]:
    """Direct when the content is a quotation (all of it, across sentences); mixed
    when a quotation is part of a paraphrase; indirect otherwise."""
    for q in quotes:
        if not q.overlaps(content):
            continue
        inner = Span(q.start + 1, q.end - 1)
        if q.start - 1 <= content.start and content.end <= q.end + 1:
            end = inner.end
            while end > inner.start and text[end - 1] in ",; ":
                end -= 1
            return Span(inner.start, end), "direct"
        if content.start <= q.start and q.end <= content.end + 1:
            outside = (content.end - content.start) - (q.end - q.start)
            return content, "direct" if outside <= 3 else "mixed"
        return Span(min(q.start, content.start), max(q.end, content.end)), "mixed"
    return content, "indirect"
