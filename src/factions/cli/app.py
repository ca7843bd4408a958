from __future__ import annotations

import itertools
import json
import os
import sys
from datetime import date
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table
from sqlalchemy import select
from typer.core import TyperCommand, TyperGroup

from factions import analysis
from factions.read import ReadError, read_inputs
from factions.store import open_store
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


actor_app = typer.Typer(cls=_ActorGroup, no_args_is_help=True, help="Show an actor, or merge, split and alias actors (reversible).")
app.add_typer(actor_app, name="actor")
alias_app = typer.Typer(no_args_is_help=True, help="Names an analyst adds to an actor.")
question_app = typer.Typer(no_args_is_help=True, help="Track a question (\"Will A and B unite?\") as evidence accumulates.")
app.add_typer(question_app, name="question")
actor_app.add_typer(alias_app, name="alias")

# Wide tables when the output is a file or a pipe, so rows stay on one line.
out = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 120)
err = Console(stderr=True, soft_wrap=True)

DbOption = Annotated[Optional[str], typer.Option("--db", help="SQLAlchemy URL; env FACTIONS_DB; default sqlite:///factions.db")]
JsonOption = Annotated[bool, typer.Option("--json", help="JSON for programs instead of a table.")]
PartsOption = Annotated[bool, typer.Option("--with-parts", help="Each actor with all its parts (the Syrian Arab Army with Syria, "
                                           "CJTF-OIR with the anti-ISIL coalition); without it, exactly the actors named.")]


def _error(message: str) -> None:
    err.print(f"factions: error: {message}", markup=False, highlight=False)


def _parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        _error(f"{option} must be a date as YYYY-MM-DD, not '{value}'")
        raise typer.Exit(2) from None


def _print_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def _table(title: str, columns: list[str], rows: list[list]) -> None:
    table = Table(title=title, title_justify="left", show_lines=False)
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*["" if v is None else str(v) for v in row])
    out.print(table)


KbOption = Annotated[Optional[list[str]], typer.Option("--kb", help="Your own knowledge-base file (repeatable); extends or overrides the shipped one.")]


def _use_kb(files: list[str] | None) -> None:
    """Check the user's knowledge-base files now (one clear line if broken) and pass
    them on through FACTIONS_KB, which worker processes inherit."""
    from factions.kb import KBFileError, load_kb

    if files:
        os.environ["FACTIONS_KB"] = ":".join([*filter(None, os.environ.get("FACTIONS_KB", "").split(":")), *files])
    try:
        load_kb()
    except KBFileError as exc:
        _error(str(exc))
        raise typer.Exit(2) from None


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
    extractor: Annotated[str, typer.Option(help="rules, rules+model (the trained attribution tagger), or rules+similarity (needs factions[embeddings]).")] = "rules",
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
    workers: Annotated[int, typer.Option(help="Extraction processes.")] = 1,
    batch_size: Annotated[int, typer.Option(help="Documents per batch sent to a worker (nlp.pipe batch).")] = 16,
    kb: KbOption = None,
    disable_rule: DisableOption = None,
) -> None:
    """Read, extract and store documents; each one whole or not at all. Documents
    already stored (same text) are skipped, so an interrupted run can be resumed."""
    from factions.ingest import count_documents, ingest_paths

    _use_kb(kb)
    _disable_rules(disable_rule)
    store = open_store(db)
    when = _parse_date(published, "--published")
    columns = [
        TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} docs/s"), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
    ]
    with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as progress:
        task = progress.add_task("ingest", total=count_documents(paths) if err.is_terminal else None, rate="-")

        def on_progress(report) -> None:
            elapsed = progress.tasks[0].elapsed or 0
            progress.update(task, completed=report.seen, rate=f"{report.seen / elapsed:.1f}" if elapsed else "-")

        report = ingest_paths(
            paths, store, workers=workers, batch_size=batch_size, model=model, published=when,
            on_error=lambda e: _error(str(e)), on_progress=on_progress,
        )
    err.print(f"stored {report.stored}, skipped {report.skipped} already stored, failed {len(report.failed)}", highlight=False)
    for f in report.failed:
        err.print(f"  failed: {f}", markup=False, highlight=False)
    if report.failed:
        raise typer.Exit(1)


def _connect(db: str | None):
    return open_store(db).engine.connect()


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
    out.print(f"[bold]{p['name']}[/bold] ({p['kind']}{', kb: ' + p['kb_id'] if p['kb_id'] else ''})")
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

    with open_store(db).engine.begin() as conn:
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


@app.command()
def claims(
    speaker: Annotated[Optional[str], typer.Option(help="Claims made by this actor.")] = None,
    about: Annotated[Optional[str], typer.Option(help="Claims whose content mentions this actor.")] = None,
    limit: int = 100, db: DbOption = None, as_json: JsonOption = False,
) -> None:
    """Claims: who said what, through whom, when."""
    with _connect(db) as conn:
        rows = _resolving(lambda: analysis.list_claims(conn, speaker, about, limit))
    if as_json:
        return _print_json(rows)
    _table("Claims", ["said on", "speaker", "cue", "content", "channel", "via"],
           [[r["said_on"], r["speaker"], r["cue"], r["content"], r["channel"], " → ".join(r["via_names"])] for r in rows])


@app.command(cls=_NamesCommand)
def relation(
    a: str, b: str,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="The state in the world on this date.")] = None,
    known_on: Annotated[Optional[str], typer.Option("--known-on", help="As reflected by documents published by this date.")] = None,
    parts: PartsOption = False,
    db: DbOption = None, as_json: JsonOption = False,
) -> None:
    """The state between two actors on a date, with the evidence for and against, and
    all the evidence grouped by relation type."""
    _parse_date(as_of, "--as-of")
    _parse_date(known_on, "--known-on")
    with _connect(db) as conn:
        data = _resolving(lambda: analysis.relation_evidence(conn, a, b, as_of, known_on, parts=parts))
    if as_json:
        return _print_json(data)
    print_relation(data)


def _evidence_rows(items: list[dict]) -> list[list]:
    return [[i["date"], i["speaker"] or "(the article)", i["outlet"], i["reliability"], i.get("credibility", ""), i["modality"], i["evidence"]] for i in items]


def print_relation(data: dict) -> None:
    when = "".join([f" as of {data['as_of']}" if data["as_of"] else "", f", known on {data['known_on']}" if data.get("known_on") else ""])
    st = data["state"]
    when += " (with parts)" if data.get("with_parts") else ""
    out.print(f"[bold]{data['a']} – {data['b']}[/bold]{when}: [bold]{st['state']}[/bold]"
              + (f" since {st['since']}" if st["since"] else "") + (f" (confidence {st['confidence']:.2f})" if st["state"] != "none" else ""))
    columns = ["date", "speaker", "outlet", "reliability", "credibility", "modality", "evidence"]
    if st["evidence_for"]:
        _table("Evidence for", columns, _evidence_rows(st["evidence_for"]))
    if st["evidence_against"]:
        _table("Evidence against", columns, _evidence_rows(st["evidence_against"]))
    if st["competing"]:
        _table("Competing reports", ["state"] + columns, [[i["state"], *row] for i, row in zip(st["competing"], _evidence_rows(st["competing"]))])
    if st["prospects"]:
        _table("Prospects (hypothetical, conditional, future)", ["state"] + columns, [[i["state"], *row] for i, row in zip(st["prospects"], _evidence_rows(st["prospects"]))])
    if st["history"]:
        out.print("history: " + "; ".join(f"{h['state']} {h['from'] or '?'} to {h['to'] or 'now'}" for h in st["history"]), markup=False, highlight=False)
    if not data["relations"]:
        out.print("no evidence in the store")
    for rel_type, items in data["relations"].items():
        _table(f"{rel_type} ({len(items)})", ["source → target", "date", "said on", "speaker", "outlet", "modality", "evidence"],
               [[f"{i['source']} → {i['target']}", i["date"], i["said_on"], i["speaker"], i["outlet"], i["modality"], i["evidence"]] for i in items])


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
    out.print(f"[bold]Leaders of {data['group']}[/bold]" + (f" as of {data['as_of']}" if data["as_of"] else ""))
    _table("Knowledge base", ["name", "role", "from", "to"], [[x["name"], x["role"], x["from"], x["to"]] for x in data["knowledge_base"]])
    if data["reported"]:
        _table("Reported", ["name", "modality", "published", "outlet", "evidence"],
               [[x["name"], x["modality"], x["published"], x["outlet"], x["evidence"]] for x in data["reported"]])


@app.command(cls=_NamesCommand)
def timeline(
    name: str,
    other: Annotated[Optional[str], typer.Argument(help="Only events involving this actor too.")] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Only events up to this date.")] = None,
    parts: PartsOption = False,
    db: DbOption = None, as_json: JsonOption = False,
) -> None:
    """Events involving an actor (or two) in the order they happened, each event once
    with all its reports."""
    _parse_date(as_of, "--as-of")
    with _connect(db) as conn:
        rows = _resolving(lambda: analysis.timeline(conn, name, other, as_of, parts=parts))
    if as_json:
        return _print_json(rows)
    title = f"Timeline of {name}" + (f" and {other}" if other else "")
    _table(title, ["date", "type", "actors", "recipients", "reports: speaker (outlet, modality)"],
           [[r["date"], r["type"], ", ".join(r["actors"]), ", ".join(r["recipients"]),
             "; ".join(f"{x['speaker'] or '(article)'} ({x['outlet'] or '?'}, {x['modality']})" for x in r["reports"])] for r in rows])


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

    _parse_date(as_of, "--as-of")
    _parse_date(known_on, "--known-on")
    if format not in ("graphml", "json"):
        _error(f"--format must be graphml or json, not '{format}'")
        raise typer.Exit(2)
    with _connect(db) as conn:
        graph = build(conn, as_of, known_on)
    text = "\n".join(nx.generate_graphml(graph)) if format == "graphml" else json.dumps(nx.node_link_data(graph, edges="edges"), indent=2, default=str)
    _write_output(text, output)


def _question_call(db: str | None, action, write: bool = True):
    from factions.analysis.questions import QuestionError

    store = open_store(db)
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
    out.print(f"[bold]{data['text']}[/bold]" + (f" (by {data['deadline']})" if data["deadline"] else ""))
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
    format: Annotated[str, typer.Option("--format", help="stix, graphml, csv, plover or prov.")],
    output: Annotated[Optional[str], typer.Option("--out", help="Write to this file instead of standard output.")] = None,
    db: DbOption = None,
) -> None:
    """Export the store: a STIX 2.1 bundle, GraphML, CSV, PLOVER-style JSON events or
    W3C PROV (PROV-JSON)."""
    from factions.export import FORMATS, export

    if format not in FORMATS:
        _error(f"--format must be one of {', '.join(FORMATS)}, not '{format}'")
        raise typer.Exit(2)
    with _connect(db) as conn:
        text = export(conn, format)
    _write_output(text.rstrip("\n"), output)


def _write_output(text: str, output: str | None) -> None:
    """Standard output, or a file written whole (a temporary file renamed over it)."""
    if output is None:
        sys.stdout.write(text + "\n")
        return
    tmp = f"{output}.partial"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text + "\n")
    os.replace(tmp, output)
    err.print(f"written: {output}", highlight=False)


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
                      "words": r.words or None, "optional": r.optional} for r in rules])
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


ExtractorOption = Annotated[str, typer.Option(help="Extractor to measure: rules, rules+model (the trained attribution tagger), or rules+similarity (needs factions[embeddings]).")]


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
    if report["relations"]:
        _table("Relations (type matches, both arguments overlap)", ["type", "gold", "pred", "P", "R", "F1", "modality"],
               [[t, s["gold"], s["predicted"], *prf(s["overlap"]), acc(s["modality"])] for t, s in report["relations"].items()])
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


def main() -> None:
    app()
