"""Admiralty grading: how many independent sources remain when each report is left
out, computed for all reports at once, must equal asking once per report."""

from hypothesis import given, settings
from hypothesis import strategies as st

from factions.analysis.grading import credibility, credibility_of_each, groups_without_each, independent_groups

reports = st.lists(
    st.fixed_dictionaries({"source_key": st.sampled_from(["", "reuters", "sohr", "ap", "ministry"]),
                           "content": st.sampled_from(["", "IS attacked", "the group attacked", "talks began", "a truce"])}),
    max_size=14,
)


@settings(max_examples=400, deadline=None)
@given(reports)
def test_groups_without_each_equals_leaving_each_out(items):
    assert groups_without_each(items) == [len(independent_groups(items[:i] + items[i + 1 :])) for i in range(len(items))]


@settings(max_examples=200, deadline=None)
@given(reports, reports)
def test_credibility_of_each_equals_grading_each(support, against):
    assert credibility_of_each(support, against) == [credibility(support[:i] + support[i + 1 :], against) for i in range(len(support))]


def test_a_report_bridging_two_sources_splits_them_when_left_out():
    # Reuters and AP share no wording with each other; the middle report shares
    # Reuters' speaker and AP's wording, so the three are one source until it goes.
    items = [{"source_key": "reuters", "content": "IS attacked"}, {"source_key": "reuters", "content": "talks began"},
             {"source_key": "ap", "content": "talks began"}]
    assert len(independent_groups(items)) == 1
    assert groups_without_each(items) == [1, 2, 1]
