"""Bad inputs (issue 13, items 1 and 2): each is one ReadError naming the input (and
record), never an exception; the good inputs of the same run are still read; every
path is held to one size limit, read in chunks. The corpus is generated here."""

from __future__ import annotations

import codecs
import io
import json
import os
import subprocess
import sys
import threading
import tracemalloc
from pathlib import Path

import pytest

from factions.model import Document
from factions.read import ReadError, read_bytes, read_inputs
from factions.read.decode import read_stream
from factions.read.jsonl import lines_of

SRC = str(Path(__file__).resolve().parent.parent / "src")
GOOD = "The Northern Front attacked an army post near Hawija, a local source said."


def _read(*paths: str) -> tuple[list[Document], list[ReadError]]:
    items = list(read_inputs([str(p) for p in paths]))
    assert all(isinstance(i, (Document, ReadError)) for i in items)
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, ReadError)]


BAD_RECORDS = {  # line content -> what the one line says
    '{"text": "x", "authors": 5}': '"authors" must be a string, a list of strings or null, not 5',
    '{"text": "x", "n": ' + "7" * 5000 + "}": "malformed JSON (a number with too many digits)",
    "[" * 100_000 + "]" * 100_000: "nested too deeply",
    '{"text": "x", "extra": ' + "[" * 40 + "]" * 40 + "}": "nested too deeply",
    '{"text": ["a", "list"]}': '"text" must be a string, not list',
    '{"text": {"a": "dict"}}': '"text" must be a string, not dict',
    '{"text": "x", "title": {"a": 1}}': '"title" must be a string or null, not dict',
    '{"text": "x", "published": 2020}': '"published" must be a string or null, not 2020',
    '{"text": "x", "url": "' + "u" * 3000 + '"}': '"url" is too long',
    '{"text": "   "}': '"text" is empty',
    '{"title": "no text"}': 'record has no "text" string',
    "[1, 2]": "record is a JSON list",
    '{"text": "a\\u0000b"}': '"text" contains NUL characters',
    "{broken": "malformed JSON",
    '"just a string"': "record is a JSON str",
}


def test_each_bad_json_lines_record_is_one_line_and_the_good_ones_are_read(tmp_path):
    lines = [json.dumps({"text": GOOD, "authors": ["A. Writer"]}), *BAD_RECORDS, json.dumps({"text": GOOD + " Again."})]
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n")
    docs, errors = _read(path)
    assert [d.source for d in docs] == [f"{path}:1", f"{path}:{len(lines)}"]
    assert docs[0].authors == ["A. Writer"]
    assert len(errors) == len(BAD_RECORDS)
    for number, (error, expected) in enumerate(zip(errors, BAD_RECORDS.values()), start=2):
        assert error.source == f"{path}:{number}"
        assert expected in error.reason, (number, error.reason)
        assert "\n" not in str(error) and len(str(error)) < 300  # one line, never the record itself


def test_one_limit_for_files_records_feed_entries_and_stdin(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTIONS_MAX_DOCUMENT_BYTES", "2000")
    (tmp_path / "big.txt").write_text(GOOD * 40)
    (tmp_path / "ok.txt").write_text(GOOD)
    (tmp_path / "c.jsonl").write_text(json.dumps({"text": GOOD * 40}) + "\n" + json.dumps({"text": GOOD}) + "\n")
    entry = "<item><title>T{n}</title><link>http://x/{n}</link><description>{body}</description></item>"
    items = entry.format(n=1, body=GOOD * 40) + entry.format(n=2, body=GOOD)
    (tmp_path / "f.rss").write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{items}</channel></rss>')
    docs, errors = _read(tmp_path)
    assert sorted(d.source for d in docs) == sorted([f"{tmp_path / 'c.jsonl'}:2", "http://x/2", str(tmp_path / "ok.txt")])
    assert sorted(e.source for e in errors) == sorted([str(tmp_path / "big.txt"), f"{tmp_path / 'c.jsonl'}:1", "http://x/1"])
    assert all("the limit is 2,000" in e.reason for e in errors)


def test_the_reported_size_is_not_trusted(monkeypatch):
    # /proc files are regular files of size 0 that hold more than that.
    monkeypatch.setenv("FACTIONS_MAX_DOCUMENT_BYTES", "64")
    path = Path("/proc/self/maps")
    if not path.exists() or path.stat().st_size != 0:
        pytest.skip("needs Linux /proc")
    _, errors = _read(path)
    assert len(errors) == 1 and "more than 64 bytes" in errors[0].reason


def _within(seconds: float, fn):
    """fn() run in a thread: a hang is a test failure, not a hung suite."""
    box = []
    thread = threading.Thread(target=lambda: box.append(fn()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert box, f"still running after {seconds} s"
    return box[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_and_devices_are_refused_at_once(tmp_path):
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "ok.txt").write_text(GOOD)
    paths = [tmp_path / "pipe", tmp_path / "ok.txt", *[p for p in (Path("/dev/zero"), Path("/dev/urandom")) if p.exists()]]
    docs, errors = _within(10, lambda: _read(*paths))
    assert [d.source for d in docs] == [str(tmp_path / "ok.txt")]
    assert errors[0].source == str(tmp_path / "pipe") and "FIFO" in errors[0].reason
    assert all("device" in e.reason for e in errors[1:]) and len(errors) == len(paths) - 1


def test_endless_streams_stop_at_the_limit_in_bounded_memory():
    class Endless(io.RawIOBase):  # `yes` or /dev/zero on stdin
        def readable(self):
            return True

        def readinto(self, buffer):
            buffer[:] = b"y\n" * (len(buffer) // 2) + b"y" * (len(buffer) % 2)
            return len(buffer)

    limit = 300_000
    tracemalloc.start()
    with pytest.raises(ReadError, match="more than 300,000 bytes"):
        read_stream(io.BufferedReader(Endless()), "<stdin>", limit)
    lines = list(lines_of(io.BufferedReader(_OneLine()), limit, skip_long=False))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert lines == [None]  # an endless line ends the reading of a pipe
    assert peak < 3 * limit


class _OneLine(io.RawIOBase):
    def readable(self):
        return True

    def readinto(self, buffer):
        buffer[:] = b"z" * len(buffer)
        return len(buffer)


def _cli(*args: str, stdin=None, shell_stdin: str | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    environ = {**os.environ, "PYTHONPATH": SRC, **(env or {})}
    command = [sys.executable, "-m", "factions", *args]
    if shell_stdin is not None:  # e.g. "<&-" (closed) or "yes |"
        command = ["sh", "-c", f"{shell_stdin} {' '.join(command)}" if shell_stdin.endswith("|") else f"{' '.join(command)} {shell_stdin}"]
    return subprocess.run(command, input=stdin, capture_output=True, env=environ, timeout=120)


def test_yes_on_stdin_and_closed_stdin_are_one_line():
    # No document is read, so no model is loaded: these runs are quick.
    result = _cli("extract", "-", shell_stdin="yes |", env={"FACTIONS_MAX_DOCUMENT_BYTES": "100000"})
    assert result.returncode == 1
    assert result.stderr.decode() == "factions: error: <stdin>: too large for one document (more than 100,000 bytes; " \
        "the limit is 100,000, set FACTIONS_MAX_DOCUMENT_BYTES to change it)\n"
    result = _cli("extract", "-", shell_stdin="<&-")
    assert result.returncode == 1 and result.stderr.decode() == "factions: error: <stdin>: standard input is closed\n"


@pytest.mark.parametrize("bom", [codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE])
def test_utf16_with_a_byte_order_mark_is_text(bom):
    codec = "utf-16-le" if bom == codecs.BOM_UTF16_LE else "utf-16-be"
    [doc] = list(read_bytes(bom + f"{GOOD}\nSecond line é.".encode(codec), "u16.txt"))
    assert isinstance(doc, Document) and doc.text == f"{GOOD}\nSecond line é."


def test_an_unreadable_subdirectory_is_reported(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.txt").write_text(GOOD)
    (tmp_path / "z.txt").write_text(GOOD + " Z.")
    real = Path.iterdir

    def iterdir(self):  # chmod 000 does not stop root, so the refusal is simulated
        if self.name == "locked":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    docs, errors = _read(tmp_path)
    assert [Path(d.source).name for d in docs] == ["a.txt", "z.txt"]
    assert [str(e) for e in errors] == [f"{tmp_path / 'locked'}: directory cannot be read (Permission denied)"]


def test_bad_numeric_options_are_refused_by_the_parser():
    for value in ("0", "-5"):
        for option in ("--batch-size", "--workers"):
            result = _cli("ingest", "nothing.txt", option, value, "--db", "sqlite://")
            assert result.returncode == 2 and b"Traceback" not in result.stderr
            assert b"greater than or equal to 1" in result.stderr


def test_a_reader_bug_costs_only_its_input(monkeypatch):
    import factions.read as read

    def broken(*args, **kwargs):
        raise KeyError("surprise")

    monkeypatch.setattr(read, "read_html", broken)
    [error] = list(read_bytes(b"<html><body>x</body></html>", "page.html"))
    assert isinstance(error, ReadError) and error.source == "page.html" and "KeyError" in error.reason


def test_utf16_is_told_from_bytes_that_only_begin_like_a_byte_order_mark():
    [arabic] = list(read_bytes("قال المتحدث إن الجبهة هاجمت البلدة".encode("utf-16"), "ar.txt"))
    assert isinstance(arabic, Document) and arabic.text.startswith("قال")
    [noise] = list(read_bytes(b"\xff\xfe not utf-8", "x.txt"))  # ASCII after FF FE is no UTF-16
    assert isinstance(noise, ReadError) and "not valid UTF-8 (byte 0xff at offset 0)" in noise.reason
