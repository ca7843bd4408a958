"""Hypothesis fuzzing of the readers (issue 13 item 9): whatever the bytes, reading
gives Documents and ReadErrors, never another exception, and every Document's text is
a string without NULs that its offsets can index."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factions.model import Document
from factions.read import ReadError, read_bytes

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _read_all(data: bytes, name: str, fmt: str | None = None) -> list:
    items = list(read_bytes(data, name, fmt))
    for item in items:
        assert isinstance(item, (Document, ReadError)), item
        if isinstance(item, Document):
            assert isinstance(item.text, str) and item.text.strip() and "\x00" not in item.text
            assert all(0 <= s.start <= s.end <= len(item.text) for s in item.masked)
        else:
            assert "\n" not in str(item)
    return items


@SETTINGS
@given(st.binary(max_size=3000), st.sampled_from(["x.txt", "x.html", "x.jsonl", "x.rss", "-"]))
def test_any_bytes_under_any_name(data, name):
    _read_all(data, name)


# JSON values of any shape, including hostile ones: huge integers, deep nesting.
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=30,
)
fields = st.sampled_from(["text", "title", "url", "authors", "author", "translators", "publisher", "published", "other"])
records = st.dictionaries(fields, json_values | st.text(max_size=200), max_size=6)


@SETTINGS
@given(st.lists(records | json_values, max_size=6), st.lists(st.binary(max_size=60), max_size=3))
def test_json_lines_records_of_any_shape(values, junk):
    lines = [json.dumps(v).encode() for v in values] + junk
    items = _read_all(b"\n".join(lines), "c.jsonl", "jsonl")
    good = sum(1 for v in values if isinstance(v, dict) and isinstance(v.get("text"), str) and v["text"].strip())
    assert sum(isinstance(i, Document) for i in items) <= good + len(junk)


@SETTINGS
@given(st.integers(min_value=1, max_value=30_000).map(lambda n: "[" * n + "]" * n))
def test_json_lines_nesting_of_any_depth(nested):
    [error] = _read_all(('{"text": "x", "a": ' + nested + "}").encode(), "c.jsonl", "jsonl") or [None]
    if nested.count("[") + 1 > 32:  # the record itself is one level; 32 are allowed
        assert isinstance(error, ReadError) and "nested too deeply" in error.reason


entry_text = st.text(st.characters(blacklist_categories=["Cs"]), max_size=200)


@SETTINGS
@given(st.lists(st.tuples(entry_text, entry_text, entry_text, entry_text), max_size=4), st.booleans())
def test_feeds_with_any_entries(entries, atom):
    def esc(s: str) -> str:
        return s.replace("&", "&amp;").replace("<", "&lt;")

    if atom:
        body = "".join(f"<entry><title>{esc(t)}</title><link href='{esc(l)}'/><content>{esc(c)}</content>"
                       f"<updated>{esc(d)}</updated></entry>" for t, l, c, d in entries)
        data = f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>{body}</feed>'
    else:
        body = "".join(f"<item><title>{esc(t)}</title><link>{esc(l)}</link><description>{esc(c)}</description>"
                       f"<pubDate>{esc(d)}</pubDate></item>" for t, l, c, d in entries)
        data = f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{body}</channel></rss>'
    _read_all(data.encode("utf-8", "surrogatepass"), "f.rss", "feed")


@SETTINGS
@given(st.binary(max_size=2000))
def test_feed_reader_on_raw_bytes(data):
    _read_all(b'<?xml version="1.0"?><rss version="2.0"><channel>' + data, "f.xml", "feed")
