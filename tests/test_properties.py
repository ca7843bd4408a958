"""Property tests: on arbitrary text, every emitted span is a slice of the text."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import check_contract
from factions.model import Document

WORDS = [
    "IS", "is", "al-Qaeda", "[Ayman]", "al-Zawahri", "said", "told", "Reuters", "the", "group", "clashed", "with",
    "Hezbollah", "\u201c", "\u201d", '"', "(IS)", "Islamic", "State", "on", "April", "17", "sources", "denied",
    "if", "killed", "\n\n", "\n", ",", ".", "officials", "urged", "unity", "Mosul", "caf\u00e9", "\u0627\u0644\u0642\u0627\u0639\u062f\u0629",
]
texts = st.one_of(
    st.text(min_size=1, max_size=300),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=60).map(" ".join),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(texts)
def test_every_span_is_a_slice_of_the_text(extractor, text):
    out = extractor.extract(Document(source="prop", text=text)).as_dict()
    assert out["document"]["text"] == text
    check_contract(out)
