"""The ``rasad`` command line: run the pipeline on a corpus, score it, look things up."""

from __future__ import annotations

import argparse
import json
import logging
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from rasad import __version__
from rasad.model import Story
from rasad.paths import shared_dir

PROGRESS_MIN_DOCS = 20  # below this a run is quick enough that a bar is noise

EPILOG = """examples:
  rasad run ../shared/corpus/seeds --out out/       a folder of reports
  rasad run 'feeds/*.xml' page.html --out out/      globs, files, feeds, HTML pages
  cat reports.jsonl | rasad run - --out out/        JSON Lines on standard input
  rasad eval                                        score the seed reports against the gold
"""


class _Progress:
    """A one-line progress bar on stderr, shown for long runs only."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.started = time.monotonic()

    def __call__(self, done: int, total: int, source: str) -> None:
        if not self.enabled or total < PROGRESS_MIN_DOCS:
            return
        width = 30
        filled = int(width * done / total)
        rate = done / max(time.monotonic() - self.started, 1e-6)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} reports, {rate:.0f}/s ")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def _summary(story: Story, out_dir: Path, seconds: float) -> str:
    docs = story.docs
    langs = Counter(lang for d in docs for lang in d.languages)
    bases = Counter(d.published_basis for d in docs)
    dated = sum(1 for d in docs if d.published)
    dups = sum(1 for d in docs if d.duplicate_of)
    lines = [
        f"rasad {__version__}: {len(docs)} report(s) read in {seconds:.1f}s, {len(story.errors)} skipped",
    ]
    for err in story.errors[:10]:
        lines.append(f"  skipped {err.source}: {err.reason}")
    if len(story.errors) > 10:
        lines.append(f"  … and {len(story.errors) - 10} more (see rasad.json 'errors')")
    lines.append("  languages: " + (", ".join(f"{k} {v}" for k, v in langs.most_common()) or "none"))
    if docs:
        lines.append(f"  publication dates: {dated}/{len(docs)} found ("
                     + ", ".join(f"{k} {v}" for k, v in sorted(bases.items())) + ")")
    if dups:
        lines.append(f"  duplicates: {dups}")
    entities = {m.entity for d in docs for m in d.entities}
    lines.append(f"  entities: {len(entities)}   times: {sum(len(d.times) for d in docs)}   "
                 f"events: {len(story.events)}   stories: {len(story.clusters)}")
    lines.append(f"  status board: {len(story.board)} place(s)"
                 + (f" as of {story.board_as_of}" if story.board_as_of else "")
                 + f"   disagreements: {len(story.disagreements)}")
    lines.append(f"  output: {out_dir / 'rasad.json'}  (also report.html, report.md, events.csv, places.geojson)")
    return "\n".join(lines)


def cmd_run(args: argparse.Namespace) -> int:
    from rasad.pipeline import run_pipeline
    from rasad.report.outputs import write_outputs

    started = time.monotonic()
    story = run_pipeline(args.corpus, progress=_Progress(not args.quiet))
    out_dir = Path(args.out)
    write_outputs(story, out_dir)
    if not args.quiet:
        print(_summary(story, out_dir, time.monotonic() - started))
    if not story.docs and story.errors:
        return 1
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    shared = shared_dir()
    corpus = Path(args.corpus or shared / "corpus" / "seeds")
    gold = Path(args.gold or shared / "gold" / "seeds")
    scorer = shared / "tools" / "score.py"
    for what, path in (("corpus", corpus), ("gold", gold), ("scorer", scorer)):
        if not path.exists():
            print(f"rasad eval: {what} not found at {path} (set RASAD_SHARED or pass --{what})", file=sys.stderr)
            return 2
    from rasad.pipeline import run_pipeline
    from rasad.report.export import build_export, write_export

    with tempfile.TemporaryDirectory() as tmp:
        export_path = Path(tmp) / "rasad.json"
        write_export(build_export(run_pipeline([str(corpus)])), export_path)
        cmd = [sys.executable, str(scorer), str(gold), str(export_path), str(corpus)]
        if args.verbose:
            cmd.append("--verbose")
        if args.json:
            cmd.append("--json")
        return subprocess.run(cmd, check=False).returncode


def cmd_entity(args: argparse.Namespace) -> int:
    from rasad.mentions.gazetteer import load_gazetteer
    from rasad.text.normalise import normalise_key

    gazetteer = load_gazetteer()
    wanted = normalise_key(args.name)
    hits = sorted({eid for surface, _lang, eid in gazetteer.surfaces() if surface == wanted})
    if not hits:
        print(f"no knowledge-base entry is named {args.name!r}", file=sys.stderr)
        return 1
    for eid in hits:
        entity = gazetteer.to_entity(eid)
        print(json.dumps({"id": entity.id, "type": entity.type, "subtype": entity.subtype,
                          "ar": entity.name_ar, "en": entity.name_en, "lat": entity.lat, "lon": entity.lon,
                          "parent": entity.parent}, ensure_ascii=False))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rasad",
        description="rasad (رصد) turns Arabic and English news reports on a developing story into a "
                    "sourced picture: entities, times, events, a status board of places and the "
                    "disagreements between sources, each traced to the sentence it came from.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"rasad {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what each stage does")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = sub.add_parser(
        "run", help="read reports and write rasad.json and the reports",
        description="Read every report in CORPUS (folders, files, globs, or - for standard input; "
                    "plain text, HTML, JSON Lines, RSS/Atom) and write rasad.json, report.html, "
                    "report.md, events.csv and places.geojson into DIR. Reports that cannot be read "
                    "are skipped with a reason; they never stop the run.")
    run.add_argument("corpus", nargs="+", metavar="CORPUS", help="folder, file, glob, or - for stdin")
    run.add_argument("--out", "-o", required=True, metavar="DIR", help="output folder (created if missing)")
    run.add_argument("--quiet", "-q", action="store_true", help="no progress bar and no summary")
    run.set_defaults(func=cmd_run)

    ev = sub.add_parser(
        "eval", help="score the seed reports against the shared gold",
        description="Run rasad on a gold corpus (default ../shared/corpus/seeds) and score the "
                    "result with ../shared/tools/score.py against the gold (default ../shared/gold/seeds).")
    ev.add_argument("--corpus", metavar="DIR", help="reports to run on")
    ev.add_argument("--gold", metavar="DIR", help="gold annotations for them")
    ev.add_argument("--verbose", action="store_true", help="list every miss and false alarm")
    ev.add_argument("--json", action="store_true", help="print the scores as one JSON object")
    ev.set_defaults(func=cmd_eval)

    ent = sub.add_parser(
        "entity", help="look a name up in the knowledge base",
        description="Print the knowledge-base entries a name (Arabic or English, any spelling "
                    "variant) links to.")
    ent.add_argument("name", help="a name, e.g. قسد or SDF")
    ent.set_defaults(func=cmd_entity)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    if not args.verbose:
        # trafilatura warns on every page it finds no text in; rasad reports those pages itself.
        logging.getLogger("trafilatura").setLevel(logging.ERROR)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except OSError as exc:
        print(f"rasad: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
