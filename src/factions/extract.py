"""Document in, `Extraction` out: the stages between reading and storing.

`RuleExtractor` runs the spaCy pipeline (stage 2), groups mentions into actors
(stage 3), finds claims and events (stage 4), then relations (stage 5), then takes
places out of the parties and puts them on the map (stage 6, `factions.places`). Other extractors (a classifier,
a served LLM) register under a name in `EXTRACTORS` and are chosen with
`--extractor`; each turns a stream of Documents into a stream of Extractions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Protocol

from factions.actors import load_kb, resolve_actors
from factions.actors.index import ActorIndex
from factions.kb import KnowledgeBase
from factions.claims import extract_claims
from factions.events import extract_events
from factions.model import Document, Extraction
from factions.nlp import analyze, load_pipeline, sentence_span
from factions.places import places_not_parties, resolve_places
from factions.relations import extract_relations
from factions.rules import disabled_rules


class Extractor(Protocol):
    name: str

    def extract_many(self, documents: Iterable[Document], on_error: Callable[[Document, Exception], None] | None = None) -> Iterator[Extraction]: ...


class RuleExtractor:
    """spaCy model + knowledge-base ruler + rules over the dependency parse."""

    name = "rules"

    def __init__(self, model: str | None = None, kb: KnowledgeBase | None = None, batch_size: int = 16,
                 disabled: frozenset[str] | None = None):
        self.kb = kb or load_kb()
        self.nlp = load_pipeline(model, self.kb)
        self.batch_size = batch_size
        self.disabled = disabled_rules() if disabled is None else disabled
        self.tagger = None  # the trained attribution tagger, in "rules+model"

    def extract_many(self, documents: Iterable[Document], on_error: Callable[[Document, Exception], None] | None = None) -> Iterator[Extraction]:
        """Extractions in input order. With `on_error`, a document whose extraction
        fails is reported there and skipped, so one bad document costs only itself."""
        for document, doc in analyze(self.nlp, documents, self.batch_size):
            try:
                yield self.from_doc(document, doc)
            except Exception as exc:
                if on_error is None:
                    raise
                on_error(document, exc)

    def extract(self, document: Document) -> Extraction:
        return next(self.extract_many([document]))

    def from_doc(self, document: Document, doc) -> Extraction:
        mentions, actors = resolve_actors(document, doc, self.kb)
        index = ActorIndex(document, mentions, actors, self.kb)
        claims = extract_claims(document, doc, index, self.disabled, self.tagger)
        index.add_pronouns(doc, claims)
        events, implied = extract_events(document, doc, index, claims, self.disabled)
        relations = extract_relations(doc, index, claims, implied, self.disabled)
        mentions = sorted(index.mentions, key=lambda m: (m.span.start, -m.span.end))
        actors = index.all_actors()
        relations = places_not_parties(document.text, actors, events, relations, self.disabled)
        resolve_places(actors, mentions, self.kb, wheres=frozenset(e.where for e in events if e.where))
        return Extraction(document, mentions, actors, claims, events, relations)


def _attribution_tagger():
    """The trained attribution tagger (rule claims.model), loaded once per process."""
    from factions.claims.learned import AttributionTagger

    global _TAGGER
    if _TAGGER is None:
        _TAGGER = AttributionTagger.load()
    return _TAGGER


_TAGGER = None


class ModelExtractor(RuleExtractor):
    """The rules, with the trained attribution tagger deciding the claims it finds
    (rule claims.model; `factions.claims.learned`, weights in data/models/): better
    attribution on news (PolNeAR dev source exact 0.72 against 0.53), about a tenth
    more time, and spans that follow PolNeAR's conventions rather than those of the
    conflict-report gold sets (docs/evaluation.md, PolNeAR)."""

    name = "rules+model"

    def __init__(self, model: str | None = None, kb: KnowledgeBase | None = None, batch_size: int = 16,
                 disabled: frozenset[str] | None = None):
        super().__init__(model, kb, batch_size, disabled)
        if "claims.model" not in self.disabled:
            self.tagger = _attribution_tagger()


class SimilarityExtractor(RuleExtractor):
    """The rules, then relations typed by sentence similarity for the pairs of
    parties they left alone (`factions.relations.similarity`; needs the optional
    `embeddings` dependencies)."""

    name = "rules+similarity"

    def __init__(self, model: str | None = None, kb: KnowledgeBase | None = None, batch_size: int = 16,
                 disabled: frozenset[str] | None = None, encoder=None):
        from factions.relations.similarity import MiniLM, RelationTyper

        super().__init__(model, kb, batch_size, disabled)
        self.typer = RelationTyper(encoder or MiniLM())

    def from_doc(self, document: Document, doc) -> Extraction:
        x = super().from_doc(document, doc)
        if "relations.similarity" not in self.disabled:
            x.relations.extend(self.typer.relations(x, [sentence_span(s) for s in doc.sents]))
        return x


EXTRACTORS: dict[str, type] = {"rules": RuleExtractor, "rules+model": ModelExtractor, "rules+similarity": SimilarityExtractor}


def get_extractor(name: str = "rules", **options) -> Extractor:
    if name not in EXTRACTORS:
        raise SystemExit(f"factions: error: unknown extractor '{name}' (known: {', '.join(EXTRACTORS)})")
    try:
        return EXTRACTORS[name](**options)
    except RuntimeError as exc:  # an optional dependency missing, said in one line
        raise SystemExit(f"factions: error: {exc}") from None
