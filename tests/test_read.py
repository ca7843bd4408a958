"""Stage 1: reading inputs, their metadata, and bad input."""

import json

import pytest

from factions.read import ReadError, read_bytes, read_inputs


def _one(data: bytes, name="doc.txt"):
    items = list(read_bytes(data, name))
    assert len(items) == 1
    return items[0]


PAGE_DUMP = """Frontline Desk | World
Tue Mar 14 2023, 11:20 PM
Africa [March 2, 2023]
Rebels and army trade blame after market attack
By Ana Souza, Peter Obi
March 2, 2023
Translated by Yusuf Bello
Share | Print

Local officials said on Tuesday that the attack killed nine people.
"""


def test_page_dump_metadata_and_text_kept_exactly():
    doc = _one(PAGE_DUMP.encode())
    assert doc.text == PAGE_DUMP
    assert doc.title == "Rebels and army trade blame after market attack"
    assert doc.authors == ["Ana Souza", "Peter Obi"]
    assert doc.translators == ["Yusuf Bello"]
    assert doc.publisher == "Frontline Desk"
    assert str(doc.published) == "2023-03-02"
    assert doc.captured == "Tue Mar 14 2023, 11:20 PM"
    masked = [doc.text[s.start : s.end] for s in doc.masked]
    assert "Share | Print" in masked and "Tue Mar 14 2023, 11:20 PM" in masked
    assert not any("Local officials" in m for m in masked)


def test_crawl_time_is_never_the_publication_date():
    doc = _one(b"Site | News\nMon Dec 06 2021, 06:04 AM\nA headline about a clash\n\nFighters clashed near the town.\n")
    assert doc.published is None
    assert doc.captured.startswith("Mon Dec 06 2021")


def test_labelled_header_fields_fill_the_metadata_and_are_masked():
    text = ("Title: Militia clashes spread to the river towns\nDate: 12 March 2019\nPublisher: Delta Monitor\n"
            "Author: Jane Roe and John Doe\n\nFighters clashed near the town on Monday.\n")
    doc = _one(text.encode())
    assert doc.title == "Militia clashes spread to the river towns" and str(doc.published) == "2019-03-12"
    assert doc.publisher == "Delta Monitor" and doc.authors == ["Jane Roe", "John Doe"]
    masked = [doc.text[m.start : m.end] for m in doc.masked]
    assert masked[:2] == ["Title: Militia clashes spread to the river towns", "Date: 12 March 2019"]
    assert doc.text == text  # the text itself is untouched
    # A label whose value does not fit its field is text, not metadata.
    doc = _one(b"Date: to be confirmed\nA headline about talks\n\nThe two sides met on Monday.\n")
    assert doc.published is None


def test_wire_dateline_gives_the_publication_date():
    doc = _one(b"Headline here\n\nMOSUL, Iraq, Oct 3, 2016 \xe2\x80\x94 Iraqi forces advanced on the city on Monday.\n")
    assert str(doc.published) == "2016-10-03"
    assert doc.text[doc.masked[-1].start : doc.masked[-1].end].startswith("MOSUL, Iraq, Oct 3, 2016")


def test_wire_datelines_with_the_agency_after_the_date_or_no_date():
    body = " Kurdish officials said the border crossing would reopen after a week of clashes near the river.\n"
    doc = _one(b"Headline here\n\nERBIL, May 2, 2019 (Gulf Wire) -" + body.encode())
    assert str(doc.published) == "2019-05-02" and doc.publisher == "Gulf Wire"
    doc = _one(b"Headline here\n\nERBIL (Gulf Wire) -" + body.encode())
    assert doc.publisher == "Gulf Wire" and doc.text[doc.masked[-1].start : doc.masked[-1].end] == "ERBIL (Gulf Wire) - "


def test_published_option_fills_only_a_missing_date():
    from datetime import date

    (doc,) = read_bytes(b"Plain text with no date at all. Fighters attacked.", "x.txt", published=date(2020, 1, 2))
    assert str(doc.published) == "2020-01-02"


def test_jsonl_records_and_a_malformed_line(tmp_path):
    path = tmp_path / "items.jsonl"
    path.write_text(
        json.dumps({"text": "First record text.", "published": "2019-02-03", "title": "One", "url": "https://e.org/1"}) + "\n"
        + "{not json\n"
        + json.dumps({"title": "no text"}) + "\n"
        + json.dumps({"text": "Second record.", "authors": ["A. Writer"]}) + "\n"
    )
    items = list(read_inputs([str(path)]))
    docs = [i for i in items if not isinstance(i, ReadError)]
    errors = [i for i in items if isinstance(i, ReadError)]
    assert [d.title for d in docs] == ["One", None]
    assert str(docs[0].published) == "2019-02-03" and docs[0].source == "https://e.org/1"
    assert docs[1].authors == ["A. Writer"]
    assert [e.source for e in errors] == [f"{path}:2", f"{path}:3"]
    assert "malformed JSON" in errors[0].reason


def test_html_page(tmp_path):
    page = tmp_path / "p.html"
    page.write_text(
        "<html><head><title>Army retakes town | Daily Wire</title><meta name='author' content='Sam Reed'>"
        "<meta property='article:published_time' content='2018-07-09'></head><body><article><h1>Army retakes town</h1>"
        "<p>The army said on Sunday that its troops had retaken the town after three days of fighting with militants.</p>"
        "<p>Residents said many families had fled to nearby villages before the fighting began.</p></article></body></html>"
    )
    (doc,) = list(read_inputs([str(page)]))
    assert "retaken the town" in doc.text
    assert doc.authors == ["Sam Reed"]
    assert str(doc.published) == "2018-07-09"


def test_rss_feed_entries(tmp_path):
    feed = tmp_path / "f.rss"
    feed.write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</title>"
        "<item><title>Item one</title><pubDate>Mon, 01 Mar 2021 10:00:00 GMT</pubDate><description>Fighters attacked a post.</description></item>"
        "<item><title>Item two</title><description>&lt;p&gt;Talks resumed.&lt;/p&gt;</description></item>"
        "</channel></rss>"
    )
    docs = list(read_inputs([str(feed)]))
    assert [d.title for d in docs] == ["Item one", "Item two"]
    assert docs[0].publisher == "Wire" and str(docs[0].published) == "2021-03-01"
    assert "Talks resumed." in docs[1].text and "<p>" not in docs[1].text


@pytest.mark.parametrize(
    "data,reason",
    [
        (b"", "empty document"),
        (b"   \n\t\n", "empty document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (b"caf\xe9 au lait, said the fighter", "not valid UTF-8 (byte 0xe9 at offset 3)"),
    ],
)
def test_bad_bytes_give_one_clear_reason(data, reason):
    item = _one(data, "bad.txt")
    assert isinstance(item, ReadError)
    assert item.source == "bad.txt" and reason in item.reason
    assert "\n" not in str(item)


def test_huge_file_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # 50 MB
    (item,) = list(read_inputs([str(big)]))
    assert isinstance(item, ReadError) and "too large" in item.reason


def test_malformed_html_and_feed(tmp_path):
    (tmp_path / "broken.html").write_text("<html><body><div><p>unclosed <b>")
    (tmp_path / "broken.rss").write_text("<rss><channel><item><title>x")
    items = list(read_inputs([str(tmp_path / "broken.html"), str(tmp_path / "broken.rss")]))
    assert all(isinstance(i, ReadError) for i in items)
    assert [i.source for i in items] == [str(tmp_path / "broken.html"), str(tmp_path / "broken.rss")]


def test_missing_path_and_directory_order(tmp_path):
    (tmp_path / "b.txt").write_text("Second file. Rebels attacked.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Nested file. Troops withdrew.")
    (tmp_path / "a.txt").write_text("First file. Talks began.")
    items = list(read_inputs([str(tmp_path), str(tmp_path / "nope.txt")]))
    assert [i.source for i in items[:3]] == [str(tmp_path / n) for n in ("a.txt", "b.txt", "sub/a.txt")]
    assert isinstance(items[3], ReadError) and items[3].reason == "no such file or directory"


def test_json_lines_are_recognised_on_stdin_and_plain_json_text_is_not():
    items = list(read_bytes(b'{"text": "First.", "title": "A"}\n{"text": "Second."}\n', "<stdin>"))
    assert [d.title for d in items] == ["A", None]
    (doc,) = read_bytes(b'{not a record} said the analyst in a plain text note.', "<stdin>")
    assert doc.text.startswith("{not a record}")
