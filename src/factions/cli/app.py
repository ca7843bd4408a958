from __future__ import annotations

import itertools
import json
import os
import re
import sys
import tempfile
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text
from sqlalchemy import select
from typer.core import TyperCommand, TyperGroup

from factions import analysis
from factions.read import ReadError, read_inputs
from factions.store import open_store
from factions.store.db import StoreError
from factions.store import schema as t

app = typer.Typer(
    help="factions: a sourced, time-aware model of armed groups from conflict reporting.",
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Measure extraction quality against annotated data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


class _ActorGroup(TyperGroup):
    """`factions actor NAME` shows an actor; `factions actor merge|split|alias|undo|history`
    record an analyst's judgement on identity."""

    def parse_args(self, ctx, args):
        if args and args[0] not in self.commands and args[0] not in self.get_help_option_names(ctx):
            args = ["show", *args]
        return super().parse_args(ctx, args)


class _NamesCommand(TyperCommand):
    """A command whose arguments are actor names, which may begin with "-" ("-Assad
    forces", a fragment cut from "Bashar al-Assad"): an argument that is none of the
    command's options is read as a name, so `factions relation "-Assad forces" ISIL`
    works as `factions relation -- "-Assad forces" ISIL` does."""

    def parse_args(self, ctx, args):
        options = {o: p for p in self.get_params(ctx) if p.param_type_name == "option" for o in (*p.opts, *p.secondary_opts)}
        given, positional, i = [], [], 0
        while i < len(args):
            arg = args[i]
            if arg == "--":
                positional.extend(args[i + 1 :])
                break
            option = options.get(arg.split("=", 1)[0])
            if option is None:
                positional.append(arg)
            else:
                given.append(arg)
                if not option.is_flag and not option.count and "=" not in arg and i + 1 < len(args):
                    given.append(args[i + 1])  # its value, whatever it begins with
                    i += 1
            i += 1
        return super().parse_args(ctx, given + (["--", *positional] if positional else []))


class _RelationGroup(TyperGroup):
    """`factions relation A B [--as-of ...]` asks about a pair; `factions relation
    reject|retype|confirm|add|undo` judge a relation record. Options may come first
    (`factions relation --as-of 2015-01-01 A B`), so all but the group's --help goes to `show`."""

    def parse_args(self, ctx, args):
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h"):
            args = ["show", *args]
        return super().parse_args(ctx, args)


actor_app = typer.Typer(cls=_ActorGroup, no_args_is_help=True, help="Show an actor, or merge, split and alias actors (reversible).")
app.add_typer(actor_app, name="actor")
relation_app = typer.Typer(cls=_RelationGroup, no_args_is_help=True, help="The relation between two actors, or judge a relation record (reversible).")
app.add_typer(relation_app, name="relation")
event_app = typer.Typer(no_args_is_help=True, help="Judge an event record: reject, retype, confirm, add one by hand (reversible).")
app.add_typer(event_app, name="event")
claim_app = typer.Typer(no_args_is_help=True, help="Judge a claim record: reject, confirm, add one by hand (reversible).")
app.add_typer(claim_app, name="claim")
alias_app = typer.Typer(no_args_is_help=True, help="Names an analyst adds to an actor.")
question_app = typer.Typer(no_args_is_help=True, help="Track a question (\"Will A and B unite?\") as evidence accumulates.")
app.add_typer(question_app, name="question")
actor_app.add_typer(alias_app, name="alias")

# Terminal escape sequences (CSI, OSC, DCS/SOS/PM/APC strings, two-character escapes,
# 8-bit CSI) and every other control character but tab and newline: text from articles
# and file names must not clear the screen, set the title or move the cursor.
_CONTROL = re.compile(
    r"\x1b(?:\[[0-?]*[ -/]*[@-~]?|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[PX^_][^\x1b]*(?:\x1b\\)?|[ -~]?)"
    r"|\x9b[0-?]*[ -/]*[@-~]?|[\x00-\x08\x0b-\x1f\x7f-\x9f]"
)


def _clean(value: object) -> str:
    """Text as the terminal may show it: escape sequences and control characters removed."""
    return _CONTROL.sub("", "" if value is None else str(value))


def _styled(*parts: str | tuple[str, str]) -> Text:
    """A line of plain text with styled parts: ("name", "bold"). Never read as markup,
    so brackets in names and evidence ("[sic]", "[/]") print as they are."""
    return Text.assemble(*((_clean(p[0]), p[1]) if isinstance(p, tuple) else _clean(p) for p in parts))


class _PlainConsole(Console):
    """A console that prints every string as plain text: no rich markup, no escape
    sequences or control characters (see _clean). Styled lines are Text (_styled)."""

    def print(self, *objects, **kwargs) -> None:  # noqa: ANN003
        kwargs["markup"] = False
        super().print(*(Text(_clean(o)) if isinstance(o, str) else o for o in objects), **kwargs)


# Wide tables when the output is a file or a pipe, so rows stay on one line.
out = _PlainConsole(soft_wrap=True, width=None if sys.stdout.isatty() else 120)
err = _PlainConsole(stderr=True, soft_wrap=True)

DbOption = Annotated[Optional[str], typer.Option("--db", help="SQLAlchemy URL; env FACTIONS_DB; default sqlite:///factions.db")]
JsonOption = Annotated[bool, typer.Option("--json", help="JSON for programs instead of a table.")]
PartsOption = Annotated[bool, typer.Option("--with-parts", help="Each actor with all its parts (the Syrian Arab Army with Syria, "
                                           "CJTF-OIR with the anti-ISIL coalition); without it, exactly the actors named.")]


def _error(message: str) -> None:
    err.print(f"factions: error: {' '.join(str(message).splitlines())}", highlight=False)


def _failures(report: dict) -> None:
    """One line on stderr for each document an evaluation scored as finding nothing
    because its extraction failed."""
    for line in report.get("failures", []):
        err.print(f"factions: warning: {line}", markup=False, highlight=False)


def _store(db: str | None, write: bool = True, create: bool = False, init: bool = False):
    """The store behind --db, or one line and exit 2 (a bad URL, a missing or foreign
    store, an unknown schema revision): nothing is created unless `create`."""
    try:
        return open_store(db, write=write, create=create, init=init)
    except StoreError as exc:
        _error(str(exc))
        raise typer.Exit(2) from None


def _parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        _error(f"{option} must be a date as YYYY-MM-DD, not '{value}'")
        raise typer.Exit(2) from None


def _print_json(data) -> None:
    # JSON escapes C0 controls itself; DEL and C1 (0x9b is a CSI) are escaped too, which
    # keeps the data the same and the terminal safe.
    text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write(re.sub(r"[\x7f-\x9f]", lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")


def _table(title: str, columns: list[str], rows: list[list]) -> None:
    table = Table(title=Text(_clean(title)), title_justify="left", show_lines=False)
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:  # cells are Text: never read as rich markup
        table.add_row(*[Text(_clean(v)) for v in row])
    out.print(table)


KbOption = Annotated[Optional[list[str]], typer.Option("--kb", help="Your own knowledge-base file (repeatable); extends or overrides the shipped one.")]


def _use_kb(files: list[str] | None) -> None:
    """Check the user's knowledge-base files now (one clear line if broken) and pass
    them on through FACTIONS_KB, which worker processes inherit."""
    from factions.kb import KBFileError, load_kb

    if files:
        os.environ["FACTIONS_KB"] = ":".join([*filter(None, os.environ.get("FACTIONS_KB", "").split(":")), *files])
    try:
        # By the files named, not load_kb(): its no-argument result is cached per process.
        load_kb(tuple(p for p in os.environ.get("FACTIONS_KB", "").split(":") if p))
    except KBFileError as exc:
        _error(str(exc))
        raise typer.Exit(2) from None


@app.callback()
def _every_command() -> None:
    # Every command reads the knowledge base (queries name actors by it), so each
    # checks FACTIONS_KB the same way before it starts: one line, exit 2.
    if os.environ.get("FACTIONS_KB"):
        _use_kb(None)


DisableOption = Annotated[Optional[list[str]], typer.Option("--disable-rule", help="Switch off an extraction rule by id (repeatable; see `factions rules`); env FACTIONS_DISABLE_RULES.")]


def _disable_rules(ids: list[str] | None) -> None:
    """Check the rule ids now (one clear line for an unknown one) and pass them on
    through FACTIONS_DISABLE_RULES, which worker processes inherit."""
    from factions.rules import UnknownRule, disabled_rules

    try:
        disabled = disabled_rules(ids or ())
    except UnknownRule as exc:
        _error(str(exc))
        raise typer.Exit(2) from None
    if disabled:
        os.environ["FACTIONS_DISABLE_RULES"] = ",".join(sorted(disabled))


def _documents(paths: list[str], published: date | None, failures: list[ReadError]):
    for item in read_inputs(paths, published):
        if isinstance(item, ReadError):
            failures.append(item)
            _error(str(item))
            continue
        yield item


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
    published: Annotated[Optional[str], typer.Option(help="Publication date (YYYY-MM-DD) for documents that carry none.")] = None,
    format: Annotated[str, typer.Option("--format", help="json (one object) or jsonl (one per line).")] = "json",
    model: Annotated[Optional[str], typer.Option(help="spaCy model name; env FACTIONS_SPACY_MODEL.")] = None,
    extractor: Annotated[str, typer.Option(help="rules, rules+model (the trained attribution tagger), rules+relation-model (the trained relation classifier after the rules), or rules+similarity (needs factions[embeddings]).")] = "rules",
    kb: KbOption = None,
    disable_rule: DisableOption = None,
) -> None:
    """Extract mentions, actors, claims, events and relations as JSON (CONTRACT.md)."""
    from factions.extract import get_extractor

    _use_kb(kb)
    _disable_rules(disable_rule)
    if format not in ("json", "jsonl"):
        _error(f"--format must be json or jsonl, not '{format}'")
        raise typer.Exit(2)
    failures: list[ReadError] = []
    docs = _documents(paths, _parse_date(published, "--published"), failures)
    first = list(itertools.islice(docs, 2))
    if first:
        engine = get_extractor(extractor, model=model)
        one = format == "json" and len(first) == 1

        def failed(document, exc: Exception) -> None:
            failures.append(ReadError(document.source, f"extraction failed ({type(exc).__name__}: {exc})"))
            _error(str(failures[-1]))

        for x in engine.extract_many(itertools.chain(first, docs), on_error=failed):
            data = x.as_dict()
            sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2 if one else None) + "\n")
            sys.stdout.flush()
    if failures:
        raise typer.Exit(1)


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
    db: DbOption = None,
    published: Annotated[Optional[str], typer.Option(help="Publication date for documents that carry none.")] = None,
    model: Annotated[Optional[str], typer.Option(help="spaCy model name; env FACTIONS_SPACY_MODEL.")] = None,
    workers: Annotated[int, typer.Option(min=1, help="Extraction processes (with --engine dask: local Dask workers).")] = 1,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per batch sent to a worker (nlp.pipe batch) and per store transaction.")] = 16,
    engine: Annotated[str, typer.Option(help="processes (a pool on this machine) or dask (a Dask cluster: local, or --scheduler).")] = "processes",
    scheduler: Annotated[Optional[str], typer.Option(help="With --engine dask: a running Dask scheduler, tcp://HOST:PORT.")] = None,
    kb: KbOption = None,
    disable_rule: DisableOption = None,
    init: Annotated[bool, typer.Option("--init", help="Add factions' tables to an existing database that is not a factions store yet.")] = False,
) -> None:
    """Read, extract and store documents; each one whole or not at all. Documents
    already stored (same text) are skipped, so an interrupted run can be resumed.
    A new store is created where --db names none; another program's database is
    refused unless --init. --engine dask extracts on a Dask cluster: a local one of
    --workers processes, or the one whose scheduler --scheduler names."""
    from contextlib import ExitStack

    from factions.cluster import ClusterError, check_scheduler_address, dask_client

    if engine not in ("processes", "dask"):
        _error(f"--engine must be processes or dask, not '{engine}'")
        raise typer.Exit(2)
    if scheduler is not None and engine != "dask":
        _error("--scheduler names a Dask scheduler: give it with --engine dask")
        raise typer.Exit(2)
    _use_kb(kb)
    _disable_rules(disable_rule)
    when = _parse_date(published, "--published")
    with ExitStack() as cluster:
        client = None
        if scheduler is not None:  # reached before the store opens: a bad one leaves nothing created
            try:
                client = cluster.enter_context(dask_client(check_scheduler_address(scheduler)))
            except ClusterError as exc:
                _error(str(exc))
                raise typer.Exit(2) from None
        store = _store(db, create=True, init=init)
        if engine == "dask" and client is None:
            client = cluster.enter_context(dask_client(None, workers))
        report = _ingest_with_progress(paths, store, workers=workers, batch_size=batch_size, model=model, published=when,
                                       client=client)
    err.print(f"stored {report.stored}, skipped {report.skipped} already stored, failed {len(report.failed)}", highlight=False)
    for f in report.failed:
        err.print(f"  failed: {f}", markup=False, highlight=False)
    if report.failed:
        raise typer.Exit(1)


def _ingest_with_progress(paths: list[str], store, **options):
    """ingest_paths() under the progress bar (on a terminal): documents done, rate, ETA."""
    from factions.ingest import count_documents, ingest_paths

    columns = [
        TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} docs/s"), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
    ]
    with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as progress:
        task = progress.add_task("ingest", total=count_documents(paths) if err.is_terminal else None, rate="-")

        def on_progress(report) -> None:
            elapsed = progress.tasks[0].elapsed or 0
            progress.update(task, completed=report.seen, rate=f"{report.seen / elapsed:.1f}" if elapsed else "-")

        return ingest_paths(paths, store, **options, on_error=lambda e: _error(str(e)), on_progress=on_progress)


def _connect(db: str | None):
    """A connection for a query: the store opened read-only, never created or changed
    (a store at an older schema revision is upgraded first)."""
    return _store(db, write=False).engine.connect()


def _lookup_failed(exc: "analysis.ActorLookupError") -> None:
    """One error line naming the input; an ambiguous name adds its candidates, one a line."""
    _error(str(exc))
    for c in getattr(exc, "candidates", []):
        err.print(f"  {c['ref']}  {c['name']} ({c['kind']}{', kb: ' + c['kb_id'] if c['kb_id'] else ''}), "
                  f"{c['mentions']} mention{'s' if c['mentions'] != 1 else ''}", markup=False, highlight=False)


def _resolving(fn):
    try:
        return fn()
    except analysis.ActorLookupError as exc:
        _lookup_failed(exc)
        raise typer.Exit(2) from None


@app.command(cls=_NamesCommand)
def actors(
    query: Annotated[Optional[str], typer.Argument(help="A name, alias or part of one.")] = None,
    kind: Annotated[Optional[str], typer.Option(help="person, armed_group, state, ...")] = None,
    limit: int = 50, db: DbOption = None, as_json: JsonOption = False,
) -> None:
    """Actors in the store, most mentioned first."""
    with _connect(db) as conn:
        rows = _resolving(lambda: analysis.list_actors(conn, query, kind, limit))
    if as_json:
        return _print_json(rows)
    _table("Actors", ["name", "kind", "kb id", "mentions", "documents"],
           [[r["name"], r["kind"], r["kb_id"], r["mentions"], r["documents"]] for r in rows])


@actor_app.command("show", cls=_NamesCommand)
def actor(name: str, db: DbOption = None, as_json: JsonOption = False) -> None:
    """One actor: its names, what the knowledge base knows, and its relations."""
    with _connect(db) as conn:
        p = _resolving(lambda: analysis.actor_profile(conn, name))
    if as_json:
        return _print_json(p)
    out.print(_styled((p["name"], "bold"), f" ({p['kind']}{', kb: ' + p['kb_id'] if p['kb_id'] else ''})"))
    out.print(f"names: {', '.join(p['names'])}", markup=False)
    out.print(f"mentions: {p['mentions']}   claims made: {p['claims_made']}")
    if p["part_of"]:
        out.print("part of: " + " → ".join(f"{x['name']} (kb:{x['kb_id']})" for x in p["part_of"]), markup=False, highlight=False)
    named = [x for x in p["parts"] if x["mentions"]]
    for x in named:
        out.print(f"  part {x['name']} (kb:{x['kb_id']}{', ' + x['role'].replace('_', ' ') if x['role'] else ''}): "
                  f"{x['mentions']} mention{'s' if x['mentions'] != 1 else ''}", markup=False, highlight=False)
    if len(p["parts"]) > len(named):
        rest = len(p["parts"]) - len(named)
        out.print(f"  {rest} {'more ' if named else ''}part{'s' if rest != 1 else ''} in the knowledge base, not named in the store"
                  " (--json lists them)", markup=False, highlight=False)
    kb = p["knowledge_base"]
    if kb:
        for n in kb["names_over_time"]:
            out.print(f"  name {n['name']}: {n.get('from', '?')} to {n.get('to', 'now')}", markup=False)
        for r in kb["roles"]:
            out.print(f"  {r['role']} of {r['of']}: {r.get('from', '?')} to {r.get('to', 'now')}", markup=False)
        for l in kb["lineage"]:
            out.print(f"  {l['type']} {l['target']} from {l.get('from', '?')}", markup=False)
    if p["relations"]:
        _table("Relations in the store", ["type", "source", "target", "evidence"],
               [[r["type"], r["source"], r["target"], r["evidence"]] for r in p["relations"]])


@actor_app.command("suggest")
def actor_suggest(
    limit: Annotated[int, typer.Option(help="At most this many suggestions.")] = 30,
    min_score: Annotated[float, typer.Option("--min-score", help="Only suggestions scored at least this (0-1).")] = 0.0,
    db: DbOption = None, as_json: JsonOption = False,
) -> None:
    """Likely merges among stored actors (acronyms defined in a text, names that fold
    alike, near-duplicates, one knowledge-base family), each with its evidence and the
    `factions actor merge` command that accepts it. Nothing is merged."""
    from factions.analysis.suggest import suggest_merges

    if not 0.0 <= min_score <= 1.0:
        _error(f"--min-score must be between 0 and 1, not {min_score}")
        raise typer.Exit(2)
    with _connect(db) as conn:
        rows = suggest_merges(conn, limit=limit, min_score=min_score)
    if as_json:
        return _print_json(rows)
    if not rows:
        out.print("no likely merges")
        return
    for r in rows:
        k, o = r["keep"], r["other"]
        out.print(f"{r['score']:.2f}  {k['name']} ({k['ref']}, {k['mentions']}) ← {o['name']} ({o['ref']}, {o['mentions']})  "
                  f"[{', '.join(r['rules'])}]", markup=False, highlight=False)
        for e in r["evidence"]:
            out.print(f"      {e}", markup=False, highlight=False)
        if r["documents"]:
            out.print(f"      documents: {', '.join(r['documents'])}", markup=False, highlight=False)
        out.print(f"      $ {r['command']}", markup=False, highlight=False)


ByOption = Annotated[str, typer.Option("--by", help="Who makes the judgement.")]
AuthorOption = Annotated[str, typer.Option("--author", help="Who adds or resolves it.")]
ReasonOption = Annotated[str, typer.Option("--reason", help="Why: kept with the judgement.")]


def _judge(db: str | None, action) -> None:
    from factions.store.judgements import JudgementError

    with _store(db).engine.begin() as conn:
        try:
            message = action(conn)
        except analysis.ActorLookupError as exc:
            _lookup_failed(exc)
            raise typer.Exit(2) from None
        except JudgementError as exc:
            _error(str(exc))
            raise typer.Exit(1) from None
    out.print(message, markup=False, highlight=False)


def _one(conn, name: str) -> int:
    return analysis.resolve_actor(conn, name)[0]


@actor_app.command("merge", cls=_NamesCommand)
def actor_merge(keep: str, other: str, reason: ReasonOption, by: ByOption = os.environ.get("USER", "analyst"), db: DbOption = None) -> None:
    """Judge OTHER to be the same actor as KEEP."""
    from factions.store import judgements

    _judge(db, lambda conn: f"judgement {judgements.merge(conn, _one(conn, keep), _one(conn, other), by, reason)}: merged '{other}' into '{keep}'")


@actor_app.command("split", cls=_NamesCommand)
def actor_split(
    name: str,
    names: Annotated[list[str], typer.Option("--name", help="A name whose mentions belong to a different actor.")],
    reason: ReasonOption, by: ByOption = os.environ.get("USER", "analyst"), db: DbOption = None,
) -> None:
    """Move the mentions called --name out of NAME into a new actor."""
    from factions.store import judgements

    def run(conn):
        ids = analysis.resolve_actor(conn, name)
        for actor_id in ids:
            try:
                return f"judgement {judgements.split(conn, actor_id, names, by, reason)}: '{names[0]}' is now an actor of its own"
            except judgements.JudgementError:
                continue
        raise judgements.JudgementError(f"no mention of {', '.join(names)} belongs to '{name}'")

    _judge(db, run)


@alias_app.command("add", cls=_NamesCommand)
def actor_alias_add(name: str, alias: str, reason: ReasonOption, by: ByOption = os.environ.get("USER", "analyst"), db: DbOption = None) -> None:
    """Add ALIAS as a name of NAME."""
    from factions.store import judgements

    _judge(db, lambda conn: f"judgement {judgements.add_alias(conn, _one(conn, name), alias, by, reason)}: '{alias}' is a name of '{name}'")


@actor_app.command("undo")
def actor_undo(judgement: int, by: ByOption = os.environ.get("USER", "analyst"), db: DbOption = None) -> None:
    """Take back a judgement (merge, split or alias); its record stays."""
    from factions.store import judgements

    _judge(db, lambda conn: f"judgement {judgement} ({judgements.undo(conn, judgement, by)['action']}) undone")


@actor_app.command("history", cls=_NamesCommand)
def actor_history(name: str, db: DbOption = None, as_json: JsonOption = False) -> None:
    """The judgements made on an actor, undone ones included."""
    from factions.store import judgements

    with _connect(db) as conn:
        rows = _resolving(lambda: judgements.history(conn, analysis.resolve_actor(conn, name)))
        names = {r["actor_id"]: None for r in rows} | {r["other_id"]: None for r in rows if r["other_id"]}
        shown = {i: conn.execute(select(t.actors.c.name).where(t.actors.c.id == i)).scalar() for i in names}
    if as_json:
        return _print_json(rows)
    _table("Judgements", ["id", "action", "actor", "other", "by", "made", "reason", "undone"],
           [[r["id"], r["action"], shown[r["actor_id"]], shown.get(r["other_id"]), r["author"], r["made_at"], r["reason"], r["undone_at"]] for r in rows])


ShowRejectedOption = Annotated[bool, typer.Option("--show-rejected", help="Also list the records analysts rejected, flagged.")]


def _mark(record_id: int, item: dict) -> str:
    """A record's id as the analyst judges it by: "12", "12 (analyst, confirmed)"."""
    flags = [
        *(["analyst"] if item.get("basis") == "analyst" else []),
        *(["confirmed"] if item.get("confirmed") else []),
        *([f"was {item['extracted_type']}"] if item.get("extracted_type") not in (None, item.get("type")) else []),
        *(["rejected"] if item.get("rejected") else []),
    ]
    return f"{record_id} ({', '.join(flags)})" if flags else str(record_id)


# Judgements on records (store/records.py): each command is one transaction, and bad
# input (an unknown id, type, document or span) is one line and exit code 2.
RecordReason = Annotated[str, typer.Option("--reason", help="Why: kept with the judgement.")]
RecordBy = Annotated[str, typer.Option("--by", "--author", help="Who makes the judgement.")]
DocOption = Annotated[str, typer.Option("--doc", help="The document that is the evidence: its id or its source as stored.")]
SpanOption = Annotated[Optional[str], typer.Option("--span", help="The evidence as character offsets START:END in the document.")]
WhenOption = Annotated[Optional[str], typer.Option("--when", help="When it happened (YYYY, YYYY-MM or YYYY-MM-DD).")]
_ANALYST = os.environ.get("USER", "analyst")


def _record_judge(db: str | None, action) -> None:
    from factions.store.records import RecordJudgementError

    with _store(db).engine.begin() as conn:
        try:
            message = action(conn)
        except (RecordJudgementError, analysis.ActorNotFound) as exc:
            _error(str(exc))
            raise typer.Exit(2) from None
    out.print(message, markup=False, highlight=False)


def _span(value: str | None) -> tuple[int, int] | None:
    if value is None:
        return None
    start, _, end = value.partition(":")
    if not (start.isdigit() and end.isdigit()):
        _error(f"--span must be START:END in characters, not '{value}'")
        raise typer.Exit(2)
    return int(start), int(end)


def _judging_commands(group: typer.Typer, kind: str, typed: bool) -> None:
    """reject, confirm, (retype,) undo for one kind of record: the same words and the
    same messages for relations, events and claims."""
    from factions.store import records

    @group.command("reject", help=f"Judge {kind} ID wrong: it leaves every answer, with what it carries.")
    def reject(record_id: Annotated[int, typer.Argument(metavar="ID")], reason: RecordReason, by: RecordBy = _ANALYST, db: DbOption = None) -> None:
        _record_judge(db, lambda conn: f"judgement {records.reject(conn, kind, record_id, by, reason)}: {kind} {record_id} rejected")

    @group.command("confirm", help=f"Judge {kind} ID right: answers mark it confirmed.")
    def confirm(record_id: Annotated[int, typer.Argument(metavar="ID")], reason: RecordReason, by: RecordBy = _ANALYST, db: DbOption = None) -> None:
        _record_judge(db, lambda conn: f"judgement {records.confirm(conn, kind, record_id, by, reason)}: {kind} {record_id} confirmed")

    if typed:
        @group.command("retype", help=f"Judge {kind} ID to be of another TYPE; answers use the new type.")
        def retype(record_id: Annotated[int, typer.Argument(metavar="ID")], new_type: Annotated[str, typer.Argument(metavar="TYPE")],
                   reason: RecordReason, by: RecordBy = _ANALYST, db: DbOption = None) -> None:
            _record_judge(db, lambda conn: f"judgement {records.retype(conn, kind, record_id, new_type, by, reason)}: {kind} {record_id} is now {new_type}")

    @group.command("undo", help=f"Take back a judgement on a {kind}; the judgement stays, marked undone.")
    def undo(judgement: int, by: RecordBy = _ANALYST, db: DbOption = None) -> None:
        def run(conn):
            row = records.undo(conn, judgement, by, kind)
            return f"judgement {judgement} ({row['action']} {kind} {row['record_id']}) undone"

        _record_judge(db, run)


_judging_commands(relation_app, "relation", typed=True)
_judging_commands(event_app, "event", typed=True)
_judging_commands(claim_app, "claim", typed=False)


@relation_app.command("add")
def relation_add(
    source: str, target: str, relation_type: Annotated[str, typer.Argument(metavar="TYPE")],
    doc: DocOption, reason: RecordReason, span: SpanOption = None, when: WhenOption = None,
    by: RecordBy = _ANALYST, db: DbOption = None,
) -> None:
    """Add a relation SOURCE –TYPE→ TARGET the extraction missed, with its evidence."""
    from factions.store import records

    where = _span(span)

    def run(conn):
        jid, rid = records.add_relation(conn, records.document_id(conn, doc), _one(conn, source), _one(conn, target),
                                        relation_type, by, reason, where, when)
        return f"judgement {jid}: relation {rid} added ({source} {relation_type} {target})"

    _record_judge(db, run)


@event_app.command("add")
def event_add(
    event_type: Annotated[str, typer.Argument(metavar="TYPE")], doc: DocOption, reason: RecordReason,
    actor: Annotated[Optional[list[str]], typer.Option("--actor", help="An actor of the event (repeatable).")] = None,
    recipient: Annotated[Optional[list[str]], typer.Option("--recipient", help="A recipient of the event (repeatable).")] = None,
    span: SpanOption = None, when: WhenOption = None, by: RecordBy = _ANALYST, db: DbOption = None,
) -> None:
    """Add an event of TYPE the extraction missed, with its evidence."""
    from factions.store import records

    where = _span(span)

    def run(conn):
        jid, eid = records.add_event(conn, records.document_id(conn, doc), event_type, [_one(conn, a) for a in actor or []],
                                     [_one(conn, r) for r in recipient or []], by, reason, where, when)
        return f"judgement {jid}: event {eid} added ({event_type})"

    _record_judge(db, run)


@claim_app.command("add")
def claim_add(
    speaker: str, doc: DocOption, reason: RecordReason,
    span: Annotated[str, typer.Option("--span", help="The claim's content as character offsets START:END in the document.")],
    said_on: Annotated[Optional[str], typer.Option("--said-on", help="When it was said (default: the document's date).")] = None,
    by: RecordBy = _ANALYST, db: DbOption = None,
) -> None:
    """Add a claim by SPEAKER the extraction missed: the span is its content."""
    from factions.store import records

    where = _span(span)

    def run(conn):
        jid, cid = records.add_claim(conn, records.document_id(conn, doc), _one(conn, speaker), where, by, reason, said_on)
        return f"judgement {jid}: claim {cid} added ({speaker})"

    _record_judge(db, run)


@app.command("judgements")
def list_judgements(
    record: Annotated[Optional[str], typer.Option("--record", help="Only this record: relation:ID, event:ID or claim:ID.")] = None,
    kind: Annotated[Optional[str], typer.Option("--kind", help="Only judgements on relations, events or claims.")] = None,
    db: DbOption = None, as_json: JsonOption = False,
) -> None:
    """The judgements made on relations, events and claims, undone ones included
    (judgements on actors: `factions actor history NAME`)."""
    from factions.store import records

    try:
        which = records.parse_record(record) if record else (kind.removesuffix("s") if kind else None, None)
        if which[0] is not None and which[0] not in records.TABLES:
            raise records.UnknownRecord(f"--kind must be relation, event or claim, not '{kind}'")
    except records.RecordJudgementError as exc:
        _error(str(exc))
        raise typer.Exit(2) from None
    with _connect(db) as conn:
        rows = records.history(conn, *which)
    if as_json:
        return _print_json(rows)
    _table("Judgements on records", ["id", "action", "record", "type", "by", "made", "reason", "undone"],
           [[r["id"], r["action"], f"{r['record']}:{r['record_id']}", r["type"], r["author"], f"{r['made_at']:%Y-%m-%d %H:%M}", r["reason"],
             f"{r['undone_at']:%Y-%m-%d %H:%M} by {r['undone_by']}" if r["undone_at"] else ""] for r in rows])


@app.command()
def claims(
    speaker: Annotated[Optional[str], typer.Option(help="Claims made by this actor.")] = None,
    about: Annotated[Optional[str], typer.Option(help="Claims whose content mentions this actor.")] = None,
    limit: int = 100, show_rejected: ShowRejectedOption = False, db: DbOption = None, as_json: JsonOption = False,
) -> None:
    """Claims: who said what, through whom, when (ids for `factions claim ...`)."""
    with _connect(db) as conn:
        rows = _resolving(lambda: analysis.list_claims(conn, speaker, about, limit, show_rejected))
    if as_json:
        return _print_json(rows)
    _table("Claims", ["id", "said on", "speaker", "cue", "content", "channel", "via"],
           [[_mark(r["id"], r), r["said_on"], r["speaker"], r["cue"], r["content"], r["channel"], " → ".join(r["via_names"])] for r in rows])


@relation_app.command("show", cls=_NamesCommand)
def relation(
    a: str, b: str,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="The state in the world on this date.")] = None,
    known_on: Annotated[Optional[str], typer.Option("--known-on", help="As reflected by documents published by this date.")] = None,
    show_rejected: ShowRejectedOption = False, parts: PartsOption = False,
    db: DbOption = None, as_json: JsonOption = False,
) -> None:
    """The state between two actors on a date, with the evidence for and against, and
    all the evidence grouped by relation type (ids for `factions relation reject ...`)."""
    _parse_date(as_of, "--as-of")
    _parse_date(known_on, "--known-on")
    with _connect(db) as conn:
        data = _resolving(lambda: analysis.relation_evidence(conn, a, b, as_of, known_on, show_rejected, parts=parts))
    if as_json:
        return _print_json(data)
    print_relation(data)


def _evidence_rows(items: list[dict]) -> list[list]:
    return [[_mark(i["relation"], i), i["date"], i["speaker"] or "(the article)", i["outlet"], i["reliability"], i.get("credibility", ""), i["modality"], i["evidence"]] for i in items]


def print_relation(data: dict) -> None:
    when = "".join([f" as of {data['as_of']}" if data["as_of"] else "", f", known on {data['known_on']}" if data.get("known_on") else ""])
    st = data["state"]
    when += " (with parts)" if data.get("with_parts") else ""
    out.print(_styled((f"{data['a']} – {data['b']}", "bold"), f"{when}: ", (st["state"], "bold"),
                      (f" since {st['since']}" if st["since"] else "") + (f" (confidence {st['confidence']:.2f})" if st["state"] != "none" else "")))
    columns = ["id", "date", "speaker", "outlet", "reliability", "credibility", "modality", "evidence"]
    if st["evidence_for"]:
        _table("Evidence for", columns, _evidence_rows(st["evidence_for"]))
    if st["evidence_against"]:
        _table("Evidence against", columns, _evidence_rows(st["evidence_against"]))
    if st["competing"]:
        _table("Competing reports", ["id", "state", *columns[1:]], [[row[0], i["state"], *row[1:]] for i, row in zip(st["competing"], _evidence_rows(st["competing"]))])
    if st["prospects"]:
        _table("Prospects (hypothetical, conditional, future)", ["id", "state", *columns[1:]], [[row[0], i["state"], *row[1:]] for i, row in zip(st["prospects"], _evidence_rows(st["prospects"]))])
    if st["history"]:
        out.print("history: " + "; ".join(f"{h['state']} {h['from'] or '?'} to {h['to'] or 'now'}" for h in st["history"]), markup=False, highlight=False)
    if not data["relations"]:
        out.print("no evidence in the store")
    for rel_type, items in data["relations"].items():
        _table(f"{rel_type} ({len(items)})", ["id", "source → target", "date", "said on", "speaker", "outlet", "modality", "evidence"],
               [[_mark(i["relation"], i), f"{i['source']} → {i['target']}", i["date"], i["said_on"], i["speaker"], i["outlet"], i["modality"], i["evidence"]] for i in items])
    if data.get("rejected"):
        _table(f"Rejected by an analyst ({len(data['rejected'])})", ["id", "type", "source → target", "date", "speaker", "modality", "evidence"],
               [[_mark(i["relation"], i), i["type"], f"{i['source']} → {i['target']}", i["date"], i["speaker"], i["modality"], i["evidence"]] for i in data["rejected"]])


@app.command(cls=_NamesCommand)
def leaders(
    group: str,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Leaders in office on this date.")] = None,
    db: DbOption = None, as_json: JsonOption = False,
) -> None:
    """Who leads a group: curated tenures and reported evidence."""
    _parse_date(as_of, "--as-of")
    with _connect(db) as conn:
        data = _resolving(lambda: analysis.leaders(conn, group, as_of))
    if as_json:
        return _print_json(data)
    out.print(_styled((f"Leaders of {data['group']}", "bold"), f" as of {data['as_of']}" if data["as_of"] else ""))
    _table("Knowledge base", ["name", "role", "from", "to"], [[x["name"], x["role"], x["from"], x["to"]] for x in data["knowledge_base"]])
    if data["reported"]:
        _table("Reported", ["id", "name", "modality", "published", "outlet", "evidence"],
               [[_mark(x["relation"], x), x["name"], x["modality"], x["published"], x["outlet"], x["evidence"]] for x in data["reported"]])


@app.command(cls=_NamesCommand)
def timeline(
    name: str,
    other: Annotated[Optional[str], typer.Argument(help="Only events involving this actor too.")] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Only events up to this date.")] = None,
    show_rejected: ShowRejectedOption = False, parts: PartsOption = False,
    db: DbOption = None, as_json: JsonOption = False,
) -> None:
    """Events involving an actor (or two) in the order they happened, each event once
    with all its reports (their ids for `factions event ...`)."""
    _parse_date(as_of, "--as-of")
    with _connect(db) as conn:
        rows = _resolving(lambda: analysis.timeline(conn, name, other, as_of, show_rejected, parts=parts))
    if as_json:
        return _print_json(rows)
    title = f"Timeline of {name}" + (f" and {other}" if other else "")
    # Each report leads with its event id ("#32"), the handle of `factions event ...`.
    _table(title, ["date", "type", "actors", "recipients", "place", "reports: #id speaker (outlet, modality)"],
           [[r["date"], r["type"], ", ".join(r["actors"]), ", ".join(r["recipients"]), _place_cell(r["place"]),
             "; ".join(f"#{_mark(x['event'], {**x, 'type': r['type']})} {x['speaker'] or '(article)'} ({x['outlet'] or '?'}, {x['modality']})"
                       for x in r["reports"])] for r in rows])


def _place_cell(place: dict | None) -> str:
    """"Kafranbel, SY (35.614, 36.564)"; empty for an event with no place on the map."""
    if place is None:
        return ""
    return f"{place['name']}, {place['country']} ({place['lat']:.3f}, {place['lon']:.3f})"


@app.command()
def events(
    country: Annotated[Optional[str], typer.Option("--country", help="Only events placed in this country (ISO code or name).")] = None,
    region: Annotated[Optional[str], typer.Option("--region", help="Only events placed in this first-level region (governorate, province).")] = None,
    date_from: Annotated[Optional[str], typer.Option("--from", help="Only events on or after this date.")] = None,
    date_to: Annotated[Optional[str], typer.Option("--to", help="Only events up to this date.")] = None,
    db: DbOption = None, as_json: JsonOption = False,
) -> None:
    """Events in the order they happened, with their place on the map; the filters combine."""
    _parse_date(date_from, "--from")
    _parse_date(date_to, "--to")
    with _connect(db) as conn:
        try:
            rows = analysis.list_events(conn, country, region, date_from, date_to)
        except analysis.UnknownCountry as exc:
            _error(f"--country: {exc}")
            raise typer.Exit(2) from None
    if as_json:
        return _print_json(rows)
    _table("Events", ["date", "type", "actors", "recipients", "place", "region", "reports"],
           [[r["date"], r["type"], ", ".join(r["actors"]), ", ".join(r["recipients"]), _place_cell(r["place"]),
             (r["place"] or {}).get("admin1") or "", str(len(r["reports"]))] for r in rows])


@app.command()
def network(
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Relation states on this date.")] = None,
    known_on: Annotated[Optional[str], typer.Option("--known-on", help="As reflected by documents published by this date.")] = None,
    format: Annotated[str, typer.Option("--format", help="graphml or json (node-link).")] = "json",
    output: Annotated[Optional[str], typer.Option("--out", help="Write to this file instead of standard output.")] = None,
    db: DbOption = None,
) -> None:
    """The actor network as of a date: nodes are actors, edges their relation states."""
    import networkx as nx

    from factions.analysis.network import network as build
    from factions.export.formats import graphml

    _parse_date(as_of, "--as-of")
    _parse_date(known_on, "--known-on")
    if format not in ("graphml", "json"):
        _error(f"--format must be graphml or json, not '{format}'")
        raise typer.Exit(2)
    _check_output(output)
    with _connect(db) as conn:
        graph = build(conn, as_of, known_on)
    text = graphml(graph) if format == "graphml" else json.dumps(nx.node_link_data(graph, edges="edges"), indent=2, default=str)
    _write_output(text, output)


def _question_call(db: str | None, action, write: bool = True):
    from factions.analysis.questions import QuestionError

    store = _store(db, write=write)
    with (store.engine.begin() if write else store.engine.connect()) as conn:
        try:
            return action(conn)
        except analysis.ActorLookupError as exc:
            _lookup_failed(exc)
            raise typer.Exit(2) from None
        except QuestionError as exc:
            _error(str(exc))
            raise typer.Exit(1) from None


def _question_actors(conn, text: str, names: list[str] | None) -> list[int]:
    """The two actors a question is about: named with --actor, or found in its text."""
    if names:
        return [analysis.resolve_actor(conn, n)[0] for n in names]
    from factions.extract import get_extractor
    from factions.model import Document

    x = get_extractor("rules").extract(Document(source="question", text=text))
    found = []
    for a in x.actors:
        if a.kind in ("armed_group", "organization", "state", "government_body"):
            try:
                found.append(analysis.resolve_actor(conn, a.name)[0])
            except analysis.ActorLookupError:
                continue
    return list(dict.fromkeys(found))


@question_app.command("add")
def question_add(
    text: str,
    deadline: Annotated[Optional[str], typer.Option("--by", help="The date the question is about (YYYY-MM-DD).")] = None,
    criteria: Annotated[str, typer.Option("--criteria", help="How it will be judged resolved.")] = "",
    actors: Annotated[Optional[list[str]], typer.Option("--actor", help="An actor the question is about (twice).")] = None,
    hypotheses: Annotated[Optional[list[str]], typer.Option("--hypothesis", help="A hypothesis (repeat; default: yes / no).")] = None,
    author: AuthorOption = os.environ.get("USER", "analyst"), db: DbOption = None,
) -> None:
    """Track a question about two actors."""
    from factions.analysis import questions

    _parse_date(deadline, "--by")

    def run(conn):
        qid = questions.add_question(conn, text, _question_actors(conn, text, actors), deadline, criteria, author, hypotheses)
        questions.update_forecast(conn, qid)
        return qid

    qid = _question_call(db, run)
    out.print(f"question {qid}: {text}", markup=False, highlight=False)


@question_app.command("list")
def question_list(db: DbOption = None, as_json: JsonOption = False) -> None:
    """The tracked questions."""
    from factions.analysis import questions

    rows = _question_call(db, questions.list_questions, write=False)
    if as_json:
        return _print_json(rows)
    _table("Questions", ["id", "question", "by", "resolved"], [[r["id"], r["text"], r["deadline"], r["resolved_outcome"]] for r in rows])


@question_app.command("update")
def question_update(qid: int, db: DbOption = None) -> None:
    """Recompute the forecast from the indicators; record it if the evidence moved it."""
    from factions.analysis import questions

    result = _question_call(db, lambda conn: questions.update_forecast(conn, qid))
    out.print(f"P(H1) = {result['probability']:.2f}" + (" (recorded)" if result.get("recorded") else " (unchanged)"), markup=False)


@question_app.command("forecast")
def question_forecast(
    qid: int, probability: Annotated[float, typer.Option("--p", help="Your probability of H1.")],
    note: Annotated[Optional[str], typer.Option("--note")] = None,
    author: AuthorOption = os.environ.get("USER", "analyst"), db: DbOption = None,
) -> None:
    """Record an analyst's forecast."""
    from factions.analysis import questions

    fid = _question_call(db, lambda conn: questions.add_forecast(conn, qid, probability, author, note))
    out.print(f"forecast {fid} recorded", markup=False)


@question_app.command("resolve")
def question_resolve(
    qid: int, outcome: Annotated[str, typer.Option("--outcome", help="The hypothesis that came true (H1, H2, ...).")],
    on: Annotated[str, typer.Option("--on", help="When it was resolved (YYYY-MM-DD).")],
    author: AuthorOption = os.environ.get("USER", "analyst"), db: DbOption = None,
) -> None:
    """Resolve a question and score its forecasts."""
    from factions.analysis import questions

    _parse_date(on, "--on")
    result = _question_call(db, lambda conn: questions.resolve(conn, qid, outcome, on, author))
    for who, s in result.items():
        out.print(f"{who}: {s['forecasts']} forecasts, Brier {s['brier']:.3f}, log {s['log']:.3f}", markup=False)


@question_app.command("show")
def question_show(qid: int, db: DbOption = None, as_json: JsonOption = False) -> None:
    """The question, its current estimate and the evidence behind it."""
    from factions.analysis import questions

    data = _question_call(db, lambda conn: questions.show(conn, qid), write=False)
    if as_json:
        return _print_json(data)
    out.print(_styled((data["text"], "bold"), f" (by {data['deadline']})" if data["deadline"] else ""))
    out.print(f"about: {' and '.join(data['actors'])}; criteria: {data['criteria'] or '-'}", markup=False)
    for h in data["hypotheses"]:
        out.print(f"  {h['label']}: {h['text']}", markup=False)
    cur = data["current"]
    out.print(f"current estimate P(H1) = {cur['probability']:.2f} (base rate {cur['base_rate']:.2f})", markup=False)
    _table("Indicators", ["indicator", "fired", "x odds", "evidence"],
           [[i["name"], "yes" if i["fired"] else "no", i["likelihood_ratio"],
             "; ".join(f"{e['speaker'] or '(article)'}, {e['outlet'] or '?'}, {e['date'] or '?'}" for e in i["evidence"])] for i in cur["indicators"]])
    _table("Forecasts", ["made", "by", "P(H1)", "basis", "note"],
           [[f["made_at"], f["author"], f"{f['probability']:.2f}", "; ".join(b["indicator"] for b in f["basis"]), f["note"]] for f in data["forecasts"]])
    if data["resolution"]["outcome"]:
        out.print(f"resolved {data['resolution']['outcome']} on {data['resolution']['on']}", markup=False)
        for who, s in data["scores"].items():
            out.print(f"  {who}: Brier {s['brier']:.3f}, log {s['log']:.3f} over {s['forecasts']} forecasts", markup=False)


@app.command("export")
def export_store(
    format: Annotated[str, typer.Option("--format", help="stix, graphml, csv, plover, prov or acled; with --table, csv or parquet.")],
    table: Annotated[Optional[str], typer.Option("--table", help="One table, a row per record: documents, actors, claims, events or relations.")] = None,
    pretty: Annotated[bool, typer.Option("--pretty", help="Indent the JSON (stix, plover, prov) and GraphML; compact by default.")] = False,
    include_rejected: Annotated[bool, typer.Option("--include-rejected", help="With --table: keep the records analysts rejected, flagged in a rejected column.")] = False,
    output: Annotated[Optional[str], typer.Option("--out", help="Write to this file instead of standard output.")] = None,
    db: DbOption = None,
) -> None:
    """Export the store: a STIX 2.1 bundle, GraphML, CSV, PLOVER-style JSON events,
    W3C PROV (PROV-JSON) or ACLED-style CSV events with coordinates; or one table
    (--table) as CSV or Parquet. Written as the store is read, a chunk of rows at a time."""
    from factions.export import FORMATS, export
    from factions.export.tables import TABLE_FORMATS, TABLES, write_table

    if table is not None and table not in TABLES:
        _error(f"--table must be one of {', '.join(TABLES)}, not '{table}'")
        raise typer.Exit(2)
    if table is not None and format not in TABLE_FORMATS:
        _error(f"--table {table} is written as --format csv or parquet, not '{format}'")
        raise typer.Exit(2)
    if table is None and format in TABLE_FORMATS and format not in FORMATS:
        _error(f"--format {format} writes one table: add --table {' | '.join(TABLES)}")
        raise typer.Exit(2)
    if table is None and format not in FORMATS:
        _error(f"--format must be one of {', '.join(FORMATS)} (or, with --table, {' or '.join(TABLE_FORMATS)}), not '{format}'")
        raise typer.Exit(2)
    if include_rejected and (table is None or not TABLES[table].judged):
        _error("--include-rejected applies to --table claims, events or relations")
        raise typer.Exit(2)
    binary = format == "parquet"
    if binary and output is None and sys.stdout.isatty():
        _error("Parquet is binary: give --out FILE or redirect standard output")
        raise typer.Exit(2)
    _check_output(output)
    with _connect(db) as conn, _output_stream(output, binary=binary) as stream:
        if table is not None:
            write_table(conn, table, format, stream, include_rejected=include_rejected)
        else:
            export(conn, format, stream, pretty=pretty)


def _check_output(output: str | None) -> None:
    """--out names a file in a directory that exists and can be written: one line and
    exit 2 otherwise, before any work is done."""
    if output is None:
        return
    path = Path(output)
    if output.endswith(("/", os.sep)) or path.is_dir():
        _error(f"--out {output} is a directory; give a file name")
        raise typer.Exit(2)
    parent = path.absolute().parent
    if not parent.is_dir():
        _error(f"--out {output}: the directory {parent} does not exist")
        raise typer.Exit(2)
    if not os.access(parent, os.W_OK | os.X_OK):
        _error(f"--out {output}: the directory {parent} is not writable")
        raise typer.Exit(2)


class _CleanTerminal:
    """Standard output on a terminal, every write without control sequences (_clean)."""

    def __init__(self, stream):
        self.stream = stream

    def write(self, text: str) -> int:
        return self.stream.write(_clean(text))


@contextmanager
def _output_stream(output: str | None, binary: bool = False):
    """Where a command writes as it goes: standard output (on a terminal, without
    control sequences), or a file written whole: a temporary file made by mkstemp in the
    same directory (a name nobody can guess or plant a link at), renamed over it once
    everything is written. A failure is one line, and leaves neither a partial file nor
    the temporary one."""
    if output is None:
        if binary:
            yield sys.stdout.buffer
            sys.stdout.buffer.flush()
        else:
            yield _CleanTerminal(sys.stdout) if sys.stdout.isatty() else sys.stdout
        return
    _check_output(output)
    path = Path(output)
    fd, tmp = tempfile.mkstemp(dir=path.absolute().parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8") as f:
            yield f
        # mkstemp's file is private (0600); the export gets the mode a new file would,
        # or keeps the one of the file it replaces.
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, os.stat(output).st_mode & 0o7777 if path.is_file() else 0o666 & ~mask)
        os.replace(tmp, output)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        _error(f"--out {output}: {exc.strerror or exc}")
        raise typer.Exit(1) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    err.print(f"written: {output}", highlight=False)


def _write_output(text: str, output: str | None) -> None:
    """`text` and a newline, through `_output_stream`."""
    with _output_stream(output) as stream:
        stream.write(text + "\n")


@app.command("rules")
def list_rules(
    stage: Annotated[Optional[str], typer.Option(help="Only one stage: claims, events or relations.")] = None,
    as_json: JsonOption = False,
) -> None:
    """The extraction rules: every claim, event and relation names the one that made it
    (`rule`); switch one off with --disable-rule ID on extract, ingest and eval."""
    from factions.rules import registry

    rules = [r for r in registry().values() if stage is None or r.stage == stage]
    if stage is not None and not rules:
        _error(f"--stage must be claims, events or relations, not '{stage}'")
        raise typer.Exit(2)
    if as_json:
        _print_json([{"id": r.id, "stage": r.stage, "emits": r.emits, "summary": r.summary, "example": r.example,
                      "words": r.words or None, "optional": r.optional, "filter": r.filter} for r in rules])
        return
    _table("extraction rules", ["id", "emits", "summary", "example"], [[r.id, r.emits, r.summary, r.example] for r in rules])


@app.command()
def summary(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Counts, the most-mentioned actors, and the relation between the two main groups."""
    with _connect(db) as conn:
        data = analysis.summary(conn)
    if as_json:
        return _print_json(data)
    c = data["counts"]
    out.print(", ".join(f"{v} {k}" for k, v in c.items()))
    _table("Most-mentioned actors", ["name", "kind", "mentions", "documents"],
           [[r["name"], r["kind"], r["mentions"], r["documents"]] for r in data["top_actors"]])
    if data["main_pair"]:
        print_relation(data["main_pair"])


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to bind; anything but loopback needs a token.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    token: Annotated[Optional[str], typer.Option(envvar="FACTIONS_TOKEN", help="Required on every request when given (Authorization: Bearer TOKEN); env FACTIONS_TOKEN.")] = None,
) -> None:
    """The workbench: the REST API (/api/v1, described at /openapi.json) and the pages,
    over the store."""
    import uvicorn

    from factions.web.app import ServeError, check_binding, create_app

    try:
        check_binding(host, token)
    except ServeError as exc:
        _error(str(exc))
        raise typer.Exit(2) from None
    # The --db checks, one line, before the server starts; a read-only store is served
    # for reading (a judgement on it is a 403 naming why).
    _store(db, write=False)
    try:
        workbench = create_app(db, token=token, bound_to=host)
    except StoreError as exc:
        _error(str(exc))
        raise typer.Exit(2) from None
    where = f"[{host}]" if ":" in host else host
    out.print(f"factions workbench on http://{where}:{port}/" + (" (open /login?token=... once in the browser)" if token else "")
              + (" read-only: judgements are refused" if workbench.state.read_only else "") + " (Ctrl-C stops it)")
    uvicorn.run(workbench, host=host, port=port, log_level="warning")


ExtractorOption = Annotated[str, typer.Option(help="Extractor to measure: rules, rules+model (the trained attribution tagger), rules+relation-model (the trained relation classifier after the rules), or rules+similarity (needs factions[embeddings]).")]


_EXACT_OVERLAP = ["gold", "pred", "exact P", "exact R", "exact F1", "overlap P", "overlap R", "overlap F1"]


def _exact_overlap_rows(scores: dict) -> list[list]:
    """One row per entity type or attribution role: counts, exact and overlap P/R/F1."""
    return [[key, s["gold"], s["predicted"], *(f"{s[m][k]:.3f}" for m in ("exact", "overlap") for k in ("p", "r", "f1"))]
            for key, s in scores.items()]


@eval_app.command("re3d")
def eval_re3d(
    path: Annotated[str, typer.Argument(help="A re3d folder, or a folder of re3d source folders.")],
    baseline: Annotated[bool, typer.Option(help="Also measure bare spaCy in the same run.")] = True,
    extractor: ExtractorOption = "rules",
    errors: Annotated[bool, typer.Option("--errors", help="Also list every missed and spurious relation, one line each.")] = False,
    as_json: JsonOption = False,
    disable_rule: DisableOption = None,
) -> None:
    """Entity precision, recall and F1 (exact and overlap, per type) on re3d data."""
    from factions.evaluate.re3d import evaluate_path
    from factions.extract import get_extractor

    _disable_rules(disable_rule)
    try:
        report = evaluate_path(path, baseline=baseline, extractor=get_extractor(extractor))
    except (OSError, ValueError) as exc:
        _error(f"{path}: {exc}")
        raise typer.Exit(1) from None
    _failures(report)
    if as_json:
        return _print_json(report if errors else {k: v for k, v in report.items() if k != "errors"})
    for system, scores in report["systems"].items():
        _table(f"{system} on {report['documents']} documents", ["type", *_EXACT_OVERLAP], _exact_overlap_rows(scores))
    if "relations" in report:
        rows = [[typ, s["gold"], s["predicted"], f"{s['overlap']['p']:.3f}", f"{s['overlap']['r']:.3f}", f"{s['overlap']['f1']:.3f}"]
                for typ, s in report["relations"].items()]
        _table("factions relations (both arguments overlap, type matches)", ["type", "gold", "pred", "P", "R", "F1"], rows)
        out.print(f"{report['relations_inside_one_mention']} relations not scored: both arguments lie in one re3d mention"
                  " (\"Foreign Office Minister Tobias Ellwood\").", markup=False, highlight=False)
    if errors:
        if report.get("rules"):
            _table("Relation precision per rule", ["rule", "predicted", "right", "precision"],
                   [[r, s["predicted"], s["right"], f"{s['precision']:.3f}"] for r, s in report["rules"].items()])
        for line in report.get("errors", []):
            out.print(line, markup=False, highlight=False)


@eval_app.command("gold")
def eval_gold(
    path: Annotated[str, typer.Argument(help="A gold file (factions.gold/1 JSON Lines), e.g. examples/gold/examples.gold.jsonl.")],
    errors: Annotated[bool, typer.Option("--errors", help="Also list every disagreement, one line each.")] = False,
    extractor: ExtractorOption = "rules",
    as_json: JsonOption = False,
    disable_rule: DisableOption = None,
) -> None:
    """Claims (source exact match), events and relations against hand-made gold."""
    from factions.evaluate.gold import GoldFileError, evaluate_gold
    from factions.extract import get_extractor

    _disable_rules(disable_rule)
    try:
        report = evaluate_gold(path, get_extractor(extractor))
    except GoldFileError as exc:
        _error(str(exc))
        raise typer.Exit(1) from None
    _failures(report)
    if as_json:
        return _print_json(report if errors else {k: v for k, v in report.items() if k != "errors"})
    c, e = report["claims"], report["events"]
    prf = lambda s: [f"{s['p']:.3f}", f"{s['r']:.3f}", f"{s['f1']:.3f}"]  # noqa: E731
    acc = lambda s: f"{s['right']}/{s['of']}" + (f" ({s['accuracy']:.3f})" if s["accuracy"] is not None else "")  # noqa: E731
    if c["gold"] or c["predicted"]:  # a relations-only gold file annotates no claims
        _table(f"Claims on {report['documents']} documents ({c['gold']} gold, {c['predicted']} predicted)", ["measure", "P", "R", "F1"],
               [[k.replace("_", " "), *prf(c[k])] for k in ("detected", "source_exact", "source_overlap", "cue_exact", "content_exact", "content_overlap")])
        _table("Claim attributes, on aligned claims", ["attribute", "right"],
               [[k.replace("_", " "), acc(c[k])] for k in ("direct_quote", "channel", "said_on", "via")])
    if e["gold"] or e["predicted"]:  # an attribution-only gold file annotates no events
        _table(f"Events ({e['gold']} gold, {e['predicted']} predicted)", ["measure", "P", "R", "F1"],
               [["typed", *prf(e["typed"])], ["participants", *prf(e["participants"])]])
        _table("Event attributes, on aligned events", ["attribute", "right"], [[k, acc(e[k])] for k in ("modality", "when")])
    if report["coded"]["found"]["of"]:
        _table("Coded events, per note", ["measure", "notes"],
               [["an event found", f"{report['coded']['found']['right']}/{report['coded']['found']['of']} ({report['coded']['found']['share']:.3f})"],
                ["the coded event's date", f"{report['coded']['date']['right']}/{report['coded']['date']['of']} ({report['coded']['date']['share']:.3f})"],
                ["its type and both coded actors", f"{report['coded']['type_actors']['right']}/{report['coded']['type_actors']['of']} "
                                                   f"({report['coded']['type_actors']['share']:.3f})"],
                ["… the second as a party or as the place or thing attacked",
                 f"{report['coded']['type_targets']['right']}/{report['coded']['type_targets']['of']} ({report['coded']['type_targets']['share']:.3f})"]])
    if report["relations"]:
        _table("Relations (type matches, both arguments overlap)", ["type", "gold", "pred", "P", "R", "F1", "modality"],
               [[t, s["gold"], s["predicted"], *prf(s["overlap"]), acc(s["modality"])] for t, s in report["relations"].items()])
    if report.get("relations_unscored"):
        out.print("Not scored (types the gold format does not annotate): "
                  + ", ".join(f"{n} {t}" for t, n in report["relations_unscored"].items()), markup=False, highlight=False)
    if errors:
        _table("Precision per rule (records of the layers this gold annotates)", ["rule", "predicted", "right", "precision"],
               [[r, s["predicted"], s["right"], f"{s['precision']:.3f}"] for r, s in report["rules"].items()])
        for line in report["errors"]:
            out.print(line, markup=False, highlight=False)


@eval_app.command("polnear")
def eval_polnear(
    path: Annotated[str, typer.Argument(help="The PolNeAR folder (train/, dev/, metadata.tsv), e.g. ../shared/datasets/polnear.")],
    split: Annotated[str, typer.Option(help="Split to score: dev or train.")] = "dev",
    system: Annotated[list[str], typer.Option(help="System to score, repeatable: rules, model, combined.")] = ["rules", "model", "combined"],  # noqa: B006
    errors: Annotated[bool, typer.Option("--errors", help="Also list every missed and spurious span, one line each.")] = False,
    limit: Annotated[int | None, typer.Option(help="Score the first N articles only.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Attribution source, cue and content P/R/F1 (exact and overlap) on PolNeAR."""
    from factions.evaluate.polnear import evaluate

    try:
        report = evaluate(path, split, system, errors=errors, limit=limit)
    except (OSError, ValueError) as exc:
        _error(f"{path}: {exc}")
        raise typer.Exit(1) from None
    if as_json:
        return _print_json(report if errors else {k: v for k, v in report.items() if k != "errors"})
    for name, scores in report["systems"].items():
        _table(f"{name} on {report['documents']} {split} documents ({report['seconds'][name]:.2f} s, "
               f"{report['overhead'][name]:.1%} of the pipeline's {report['pipeline_seconds']:.1f} s)",
               ["role", *_EXACT_OVERLAP], _exact_overlap_rows(scores))
    if errors:
        for line in report.get("errors", []):
            out.print(line, markup=False, highlight=False)


@eval_app.command("identity")
def eval_identity(
    path: Annotated[str, typer.Argument(help="A gold file of linked mentions, e.g. examples/identity/identity.gold.jsonl.")],
    errors: Annotated[bool, typer.Option("--errors", help="Also list every wrong link, one line each.")] = False,
    extractor: ExtractorOption = "rules",
    as_json: JsonOption = False,
) -> None:
    """Actor identity: gold mentions linked to the right knowledge-base actor, and wrong links."""
    from factions.evaluate.identity import IdentityGoldError, evaluate_identity
    from factions.extract import get_extractor

    try:
        report = evaluate_identity(path, get_extractor(extractor))
    except IdentityGoldError as exc:
        _error(str(exc))
        raise typer.Exit(1) from None
    _failures(report)
    if as_json:
        return _print_json(report if errors else {k: v for k, v in report.items() if k != "errors"})

    def row(name: str, s: dict) -> list[str]:
        rate = lambda v: "-" if v is None else f"{v:.3f}"  # noqa: E731
        return [name, str(s["mentions"]), str(s["with_kb_id"]), str(s["found"]), rate(s["linked_right"]),
                f"{s['wrong_links']}/{s['linked']}", rate(s["wrong_link_rate"])]

    head = ["", "mentions", "with KB id", "found", "linked right", "wrong links", "wrong-link rate"]
    _table(f"Identity on {report['documents']} documents", head, [row("all", report["overall"])])
    _table("By kind", head, [row(k, s) for k, s in report["by_kind"].items()])
    _table("By genre", head, [row(k, s) for k, s in report["by_genre"].items()])
    if errors:
        for line in report["errors"]:
            out.print(line, markup=False, highlight=False)


def main() -> None:
    app()
