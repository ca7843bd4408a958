"""Long documents are read in sections (issue 13 item 2): the model never sees more
than a section, offsets index the whole text, and a document comes back whole or
not at all; one failing document costs only itself."""

from __future__ import annotations

import gc
import weakref

import factions.extract as extract_module
from conftest import check_contract, fail_documents_with
from factions.model import Document
from factions.sections import section_bounds

A = "Abu Bakr al-Baghdadi, the leader of the Islamic State, said on Monday that the group had captured Mosul.\n\n"
B = "The Northern Front attacked Hawija, according to a local source. Jabhat al-Nusra denied it.\n"


def _mentions(x, shift=0):
    return [(m.span.start + shift, m.span.end + shift, m.text, m.label) for m in x.mentions]


def test_sections_tile_the_text_and_end_at_paragraph_breaks():
    text = ("word " * 30 + "end.\n\n") * 40 + "x" * 700
    bounds = section_bounds(text, 500)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:]))
    assert all(end - start <= 500 for start, end in bounds)
    assert all(text[end - 2 : end] == "\n\n" for _, end in bounds[:-2])  # a break where there is one
    assert section_bounds("short", 500) == [(0, 5)]


def test_a_sectioned_document_gives_what_its_sections_give(extractor, monkeypatch):
    alone = [next(extractor.extract_many([Document("t", part)])) for part in (A, B)]
    monkeypatch.setattr(extractor, "section_chars", len(A) + 5)
    whole = next(extractor.extract_many([Document("t", A + B)]))
    assert whole.mentions and _mentions(whole) == _mentions(alone[0]) + _mentions(alone[1], len(A))
    assert len(whole.claims) == len(alone[0].claims) + len(alone[1].claims) == 3
    assert [c.id for c in whole.claims] == ["c1", "c2", "c3"]
    assert [c.content_span.start for c in whole.claims[1:]] == [c.content_span.start + len(A) for c in alone[1].claims]
    check_contract(whole.as_dict())  # ids, references and every span against the whole text


def test_a_document_longer_than_the_models_limit_is_read_in_sections(extractor, monkeypatch):
    seen = []
    real = extract_module.analyze

    def spy(nlp, documents, batch_size=16):
        def recorded():
            for d in documents:
                seen.append(len(d.text))
                yield d
        return real(nlp, recorded(), batch_size)

    monkeypatch.setattr(extract_module, "analyze", spy)
    monkeypatch.setattr(extractor.nlp, "max_length", 2_000)  # spaCy's E088 above this
    monkeypatch.setattr(extractor, "section_chars", 1_000)
    text = (A + B) * 25  # about 5,000 characters
    failures = []
    [x] = list(extractor.extract_many([Document("long", text)], on_error=lambda d, e: failures.append(e)))
    assert not failures and max(seen) <= 1_000 and sum(seen) == len(text)
    assert len(x.claims) == 75
    check_contract(x.as_dict())


def test_no_parse_outlives_its_document(extractor, monkeypatch):
    """A long ingest holds one section's Doc at a time: none is kept once its document is
    extracted (a Doc-keyed lru_cache on a parse repair had kept every one, some 30 MB per
    40,000 words, growing for as long as the process ran)."""
    parsed = []
    from_doc = extractor.from_doc

    def watched(part, doc, attributions=None):
        parsed.append(weakref.ref(doc))
        return from_doc(part, doc, attributions)

    monkeypatch.setattr(extractor, "from_doc", watched)
    monkeypatch.setattr(extractor, "section_chars", len(A) + 5)
    extractions = list(extractor.extract_many([Document("t", A + B), Document("u", B), Document("v", A)]))
    gc.collect()
    assert len(extractions) == 3 and extractions[0].claims and len(parsed) == 4
    # (spaCy itself holds the last Doc of its last batch until it parses again, as bare nlp.pipe does)
    assert [i for i, ref in enumerate(parsed) if ref() is not None] in ([], [3])


def test_a_failing_section_fails_its_whole_document_and_only_it(extractor, monkeypatch):
    fail_documents_with(extractor, monkeypatch, "BOOM", RuntimeError("a rule failed\non two lines"))
    monkeypatch.setattr(extractor, "section_chars", len(A) + 5)
    docs = [Document("first", A), Document("long", A + "BOOM " + B), Document("last", B)]
    failed = []
    out = list(extractor.extract_many(docs, on_error=lambda d, e: failed.append(d.source)))
    assert [x.document.source for x in out] == ["first", "last"] and failed == ["long"]


def test_a_model_failure_in_a_batch_costs_only_its_document(extractor, monkeypatch):
    real = extract_module.analyze

    def fragile(nlp, documents, batch_size=16):
        for document, doc in real(nlp, documents, batch_size):
            if "CRASH" in document.text:
                raise ValueError("[E088] Text of length 1000001 exceeds maximum of 1000000.")
            yield document, doc

    monkeypatch.setattr(extract_module, "analyze", fragile)
    docs = [Document("one", A), Document("two", "CRASH " + B), Document("three", B)]
    failed = []
    out = list(extractor.extract_many(docs, on_error=lambda d, e: failed.append((d.source, str(e)))))
    assert [x.document.source for x in out] == ["one", "three"]
    assert failed == [("two", "[E088] Text of length 1000001 exceeds maximum of 1000000.")]
