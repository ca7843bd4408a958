"""Document in, `Extraction` out: the stages between reading and storing.

`RuleExtractor` runs the spaCy pipeline (stage 2), groups mentions into actors
(stage 3), finds claims and events (stage 4), then relations (stage 5), then takes
places out of the parties and puts them on the map (stage 6, `factions.places`). Other extractors (a classifier,
a served LLM) register under a name in `EXTRACTORS` and are chosen with
`--extractor`; each turns a stream of Documents into a stream of Extractions.
"""

from __future__ import annotations

import gc
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Protocol

from factions.actors import load_kb, resolve_actors
from factions.actors.index import ActorIndex
from factions.kb import KnowledgeBase
from factions.claims import extract_claims
from factions.events import extract_events, leaders_killed
from factions.model import Document, Extraction
from factions.nlp import analyze, load_pipeline, sentence_span
from factions.places import places_not_parties, resolve_places
from factions.relations import extract_relations
from factions.rules import disabled_rules
from factions.sections import SECTION_CHARS, join_extractions, split_document


class Extractor(Protocol):
    name: str

    def extract_many(self, documents: Iterable[Document], on_error: Callable[[Document, Exception], None] | None = None) -> Iterator[Extraction]: ...


class RuleExtractor:
    """spaCy model + knowledge-base ruler + rules over the dependency parse."""

    name = "rules"
    section_chars = SECTION_CHARS  # longer documents are read in sections (factions.sections)

    def __init__(self, model: str | None = None, kb: KnowledgeBase | None = None, batch_size: int = 16,
                 disabled: frozenset[str] | None = None):
        self.kb = kb or load_kb()
        self.nlp = load_pipeline(model, self.kb)
        self.batch_size = batch_size
        self.disabled = disabled_rules() if disabled is None else disabled
        self.tagger = None  # the trained attribution tagger, in "rules+model"
        self.relation_model = None  # the trained relation classifier, in "rules+relation-model"
        # The model and the knowledge base live as long as the process: frozen, they
        # are no longer walked by every full collection of the garbage collector, which
        # made extraction of the bench corpus about 6% slower.
        gc.freeze()

    def extract_many(self, documents: Iterable[Document], on_error: Callable[[Document, Exception], None] | None = None) -> Iterator[Extraction]:
        """Extractions in input order. With `on_error`, a document whose extraction
        fails (in the model or in the rules) is reported there and skipped, so one bad
        document costs only itself. A document longer than `section_chars` is read
        in sections (`factions.sections`) and given back whole, or not at all."""
        documents = iter(documents)
        while chunk := list(islice(documents, self.batch_size)):
            done = 0
            try:
                for document, result in self._run(chunk):
                    done += 1
                    yield from self._deliver(document, result, on_error)
            except Exception:
                if on_error is None:
                    raise
                # The model failed inside the batch: the rest again one by one, so
                # that the failure is named and costs only its document.
                for document in chunk[done:]:
                    try:
                        for _, result in self._run([document]):
                            yield from self._deliver(document, result, on_error)
                    except Exception as exc:
                        on_error(document, exc)

    @staticmethod
    def _deliver(document: Document, result, on_error) -> Iterator[Extraction]:
        if isinstance(result, Exception):
            if on_error is None:
                raise result
            on_error(document, result)
        else:
            yield result

    def _run(self, chunk: list[Document]) -> Iterator[tuple[Document, Extraction | Exception]]:
        """(document, its Extraction or the exception its rules raised), in order.
        Short documents go through the model together; a long one alone, one section
        at a time, so that no more than one section's Doc is held."""
        group: list[Document] = []
        for document in chunk:
            if len(document.text) <= self.section_chars:
                group.append(document)
                continue
            if group:
                yield from self._sections(group, self.batch_size)
                group = []
            yield from self._sections([document], 1)
        if group:
            yield from self._sections(group, self.batch_size)

    def _sections(self, documents: list[Document], batch_size: int) -> Iterator[tuple[Document, Extraction | Exception]]:
        order: deque[tuple[Document, int, bool]] = deque()

        def sections() -> Iterator[Document]:
            for document in documents:
                parts = split_document(document, self.section_chars)
                for i, (offset, part) in enumerate(parts):
                    order.append((document, offset, i == len(parts) - 1))
                    yield part

        done: list[tuple[int, Extraction]] = []
        failure: Exception | None = None
        for part, doc, attributions in self._with_attributions(analyze(self.nlp, sections(), batch_size), batch_size):
            document, offset, last = order.popleft()
            if failure is None:
                try:
                    done.append((offset, self.from_doc(part, doc, attributions)))
                except Exception as exc:
                    failure, done = exc, []
            # the section's Doc goes before the next is parsed: its caches (user_data) hold
            # Spans of it, a cycle the garbage collector alone would free, sections later
            doc.user_data.clear()
            del doc
            if last:
                yield document, failure if failure is not None else join_extractions(document, done)
                done, failure = [], None

    def _with_attributions(self, parsed: Iterator[tuple[Document, object]], batch_size: int):
        """(document, Doc, the trained tagger's attributions or None): the tagger reads
        `batch_size` Docs at a time (its decoding costs per call, not per sequence). A
        batch the tagger fails on is read again one Doc at a time, so that the failure
        is one document's."""
        if self.tagger is None:
            for part, doc in parsed:
                yield part, doc, None
            return
        batch: list[tuple[Document, object]] = []

        def flush():
            try:
                found = self.tagger.predict_many([doc for _part, doc in batch])
            except Exception:
                found = [None] * len(batch)  # from_doc reads each alone and reports its own failure
            for (part, doc), attributions in zip(batch, found):
                yield part, doc, attributions
            batch.clear()

        for pair in parsed:
            batch.append(pair)
            if len(batch) >= batch_size:
                yield from flush()
        if batch:
            yield from flush()

    def extract(self, document: Document) -> Extraction:
        return next(self.extract_many([document]))

    def from_doc(self, document: Document, doc, attributions=None) -> Extraction:
        """`attributions`: the trained tagger's, when it read this Doc with others."""
        mentions, actors = resolve_actors(document, doc, self.kb)
        index = ActorIndex(document, mentions, actors, self.kb)
        claims = extract_claims(document, doc, index, self.disabled, self.tagger, attributions)
        index.add_pronouns(doc, claims)
        events, implied = extract_events(document, doc, index, claims, self.disabled)
        relations = extract_relations(doc, index, claims, implied, self.disabled)
        events = leaders_killed(events, relations, self.disabled)
        mentions = sorted(index.mentions, key=lambda m: (m.span.start, -m.span.end))
        actors = index.all_actors()
        relations = places_not_parties(document.text, actors, events, relations, self.disabled)
        resolve_places(actors, mentions, self.kb, wheres=frozenset(e.where for e in events if e.where))
        if self.relation_model is not None:
            # last, on what the rules made: it adds only what they did not find (rules+relation-model)
            relations = relations + self.relation_model.relations(doc, mentions, actors, relations)
        return Extraction(document, mentions, actors, claims, events, relations)


def _attribution_tagger():
    """The trained attribution tagger (rule claims.model), loaded once per process."""
    from factions.claims.learned import AttributionTagger

    global _TAGGER
    if _TAGGER is None:
        _TAGGER = AttributionTagger.load()
    return _TAGGER


_TAGGER = None


def _relation_classifier():
    """The trained relation classifier (rule relations.model), loaded once per process."""
    from factions.relations.learned import classifier

    return classifier()


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


class RelationModelExtractor(RuleExtractor):
    """The rules, then the trained relation classifier (rule relations.model;
    `factions.relations.learned`, weights in data/models/) on every two parties of a
    sentence the rules did not relate that way. It finds relations as re3d's
    annotators mark them: on re3d-style text it raises relation F1 (each set scored
    by a model not trained on it: 0.419 → 0.467 over ten sets), but on the gold sets
    written in factions' own conventions, and on re3d's real dev split, it lowers
    precision more than it raises recall (docs/evaluation.md), so it is not the
    default."""

    name = "rules+relation-model"

    def __init__(self, model: str | None = None, kb: KnowledgeBase | None = None, batch_size: int = 16,
                 disabled: frozenset[str] | None = None):
        super().__init__(model, kb, batch_size, disabled)
        if "relations.model" not in self.disabled:
            self.relation_model = _relation_classifier()


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

    def from_doc(self, document: Document, doc, attributions=None) -> Extraction:
        x = super().from_doc(document, doc, attributions)
        if "relations.similarity" not in self.disabled:
            x.relations.extend(self.typer.relations(x, [sentence_span(s) for s in doc.sents]))
        return x


EXTRACTORS: dict[str, type] = {"rules": RuleExtractor, "rules+model": ModelExtractor, "rules+relation-model": RelationModelExtractor,
                               "rules+similarity": SimilarityExtractor}


def get_extractor(name: str = "rules", **options) -> Extractor:
    if name not in EXTRACTORS:
        raise SystemExit(f"factions: error: unknown extractor '{name}' (known: {', '.join(EXTRACTORS)})")
    try:
        return EXTRACTORS[name](**options)
    except RuntimeError as exc:  # an optional dependency missing, said in one line
        raise SystemExit(f"factions: error: {exc}") from None
