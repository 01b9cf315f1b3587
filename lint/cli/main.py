"""The `kzlint` command line: `kzlint PATH...`, `kzlint rules`, `kzlint explain CODE`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from lint import __version__
from lint.cli.progress import progress_bar
from lint.config import ConfigError, discover, load
from lint.core.escape import for_terminal
from lint.core.findings import Severity
from lint.engine import baseline
from lint.engine.discovery import UsageError, display_path

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, exit 2, like every other usage error
        raise UsageError(message)


def _split(values: list[str] | None) -> list[str]:
    return [part for value in values or [] for part in value.replace(",", " ").split()]


def build_parser() -> argparse.ArgumentParser:
    from lint.output import renderers

    parser = _Parser(prog="kzlint", description="Lint news articles for scraping residue, weak sourcing, "
                     "unattributed figures and contradictions across a corpus.",
                     epilog="Other commands: 'kzlint rules' lists the rules; 'kzlint explain CODE' explains one.")
    parser.add_argument("paths", nargs="*", help="files or directories (default: .)")
    parser.add_argument("--config", metavar="FILE", help="rules.yaml, .kzlint.yaml or pyproject.toml to use")
    parser.add_argument("--select", action="append", metavar="CODES", help="only these rules (codes, prefixes such as KZ1, names)")
    parser.add_argument("--extend-select", action="append", metavar="CODES", help="these rules as well")
    parser.add_argument("--ignore", action="append", metavar="CODES", help="not these rules")
    parser.add_argument("--fail-on", choices=[s.value for s in Severity], help="lowest severity that fails the run (default: warning)")
    parser.add_argument("--format", default="text", choices=sorted(renderers()), help="output format")
    parser.add_argument("--statistics", action="store_true", help="print counts per rule instead of findings")
    parser.add_argument("--jobs", "-j", type=int, metavar="N", help="worker processes (default: all cores)")
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the result cache")
    parser.add_argument("--fix", action="store_true", help="apply safe fixes to the files, then report what is left")
    parser.add_argument("--diff", action="store_true", help="print the safe fixes as a unified diff; write nothing")
    parser.add_argument("--baseline", metavar="FILE", help="report only findings that this baseline does not record")
    parser.add_argument("--write-baseline", metavar="FILE", help="record today's findings in FILE (exit 0)")
    parser.add_argument("--diff-base", metavar="REF", help="report only findings on lines changed since git REF")
    parser.add_argument("--stdin-filename", metavar="NAME", help="lint standard input as the file NAME (editors)")
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings fail the run")
    parser.add_argument("--color", choices=["auto", "always", "never"], default="auto")
    parser.add_argument("--debug", action="store_true", help="show tracebacks for internal errors")
    parser.add_argument("--version", action="version", version=f"kzlint {__version__}")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    if getattr(sys.stdout, "errors", None) == "strict" and hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="backslashreplace")  # a file name that is not UTF-8 must not crash output
    try:
        if argv[:1] == ["rules"]:
            from lint.cli.commands import list_rules

            return list_rules(argv[1:])
        if argv[:1] == ["explain"]:
            from lint.cli.commands import explain

            return explain(argv[1:])
        return _check(build_parser().parse_args(argv))
    except (UsageError, ConfigError) as exc:
        print(f"kzlint: error: {for_terminal(str(exc))}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("kzlint: interrupted", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_ERROR
    except Exception as exc:  # never a traceback unless asked for
        if debug:
            raise
        print(f"kzlint: internal error: {type(exc).__name__}: {for_terminal(str(exc))} (run with --debug for a traceback)",
              file=sys.stderr)
        return EXIT_ERROR


def load_config(path: str | None, cwd: Path, targets: list[str] = ()):
    """The config to use and the folder its relative paths start from.

    Without --config, the search starts at the folder holding all the paths checked when that
    folder is inside the working directory (`kzlint corpus/` finds corpus/.kzlint.yaml), else at
    the working directory, and goes upward from there.
    """
    if path:
        file = Path(path)
        if not file.is_file():
            raise UsageError(f"--config {path}: no such file")
        return load(file), file.resolve().parent
    found = discover(discovery_start(targets, cwd))
    return load(found), (found.parent if found else cwd)


def discovery_start(targets: list[str], cwd: Path) -> Path:
    """The deepest folder holding every target, when it lies inside `cwd`; else `cwd`."""
    if not targets:
        return cwd
    folders = []
    for target in targets:
        full = Path(os.path.abspath(cwd / target))
        folders.append(full if full.is_dir() else full.parent)
    common = Path(os.path.commonpath([str(f) for f in folders]))
    base = Path(os.path.abspath(cwd))
    return common if common == base or base in common.parents else cwd


def _check(args: argparse.Namespace) -> int:
    from lint.engine.run import Engine
    from lint.engine.selection import build_rules
    from lint.output import Report, renderers
    from lint.output.text import statistics

    cwd = Path.cwd()
    if args.stdin_filename is not None:
        name = args.stdin_filename
        if not name.strip() or name.endswith(("/", os.sep)) or os.path.isdir(cwd / name):
            raise UsageError(f"--stdin-filename {name!r}: expected the name of a file (standard input is linted as it)")
    paths = args.paths or ([] if args.stdin_filename is not None else ["."])
    config, config_dir = load_config(args.config, cwd, paths)
    rules = build_rules(config, _split(args.select), _split(args.extend_select), _split(args.ignore))
    engine = Engine(config, rules, cwd=cwd, config_dir=config_dir, jobs=args.jobs, use_cache=not args.no_cache)
    engine.progress = progress_bar()
    if args.stdin_filename is not None:
        engine.stdin = {display_path(args.stdin_filename, cwd): sys.stdin.buffer.read()}
    result = engine.run(paths)
    for notice in result.notices:
        print(f"kzlint: {for_terminal(notice)}", file=sys.stderr)
    if args.fix or args.diff:
        done = _fix(args, engine, result.findings, cwd)
        if done is not None:
            return done
        fixed = engine.stdin
        engine = Engine(config, rules, cwd=cwd, config_dir=config_dir, jobs=args.jobs, use_cache=not args.no_cache)
        engine.stdin, engine.progress = fixed, progress_bar()
        result = engine.run(paths)  # what is left, seen afresh
    if args.write_baseline:
        try:
            count = baseline.write(Path(args.write_baseline), result.findings, cwd)
        except baseline.BaselineError as exc:
            raise UsageError(str(exc)) from None
        print(f"kzlint: wrote {count} finding{'s' if count != 1 else ''} to {args.write_baseline}", file=sys.stderr)
        return EXIT_OK
    findings = _narrow(args, result.findings, cwd)

    out = sys.stderr if args.fix and args.stdin_filename else sys.stdout  # stdout carries the fixed text
    color = args.color == "always" or (args.color == "auto" and out.isatty() and "NO_COLOR" not in os.environ)
    report = Report(findings, result.files, rules, result.metadata, color=color)
    out.write(statistics(report) if args.statistics else renderers()[args.format](report))
    if args.fix and args.stdin_filename:
        out.flush()
        sys.stdout.buffer.write(next(iter(engine.stdin.values())))
    if os.environ.get("KZLINT_TIMING"):
        _print_timings(result.timings)
    fail_on = Severity(args.fail_on) if args.fail_on else config.fail_on
    failing = any(f.severity.rank >= fail_on.rank for f in findings)
    return EXIT_FINDINGS if failing and not args.exit_zero else EXIT_OK


def _fix(args: argparse.Namespace, engine, findings: list, cwd: Path) -> int | None:
    """Apply (--fix) or show (--diff) the safe fixes. Returns the exit code when nothing is left to do.

    From standard input, --fix puts the fixed text back into `engine.stdin` for the report.
    """
    from lint.core.reading import ReadError
    from lint.engine import fixes

    lint = fixes.linter(engine.config, engine.rules)
    if engine.stdin:
        shown, data = next(iter(engine.stdin.items()))
        try:
            fixed, decoded = fixes.fix_data(shown, data, lint)
        except ReadError as exc:
            print(f"kzlint: {for_terminal(shown)}: not fixed: {exc}", file=sys.stderr)
            return EXIT_ERROR if args.diff else None
        if args.diff:
            sys.stdout.write(fixes.unified_diff(fixed) if fixed.changed else "")
            return EXIT_FINDINGS if fixed.changed else EXIT_OK
        engine.stdin = {shown: decoded.encode(fixed.after)}
        return None
    candidates = sorted({f.path for f in findings if f.fix is not None and f.fix.safe})
    run = fixes.fix_files(candidates, lint, cwd, write=not args.diff, max_size=engine.config.max_file_size,
                          roots=engine.project_roots(args.paths or ["."]), linted=engine.targets)
    for notice in run.notices:
        print(f"kzlint: {for_terminal(notice)}", file=sys.stderr)
    if args.diff:
        sys.stdout.write("".join(fixes.unified_diff(f) for f in run.changed))
        return EXIT_FINDINGS if run.changed else EXIT_OK
    changed = len(run.changed)
    print(f"kzlint: fixed {run.fixed} finding{'s' if run.fixed != 1 else ''} in {changed} file{'s' if changed != 1 else ''}",
          file=sys.stderr)
    return None


def _narrow(args: argparse.Namespace, findings: list, cwd: Path) -> list:
    """Keep what --baseline does not know and what --diff-base REF changed."""
    if args.baseline:
        try:
            findings, hidden = baseline.new_findings(findings, Path(args.baseline), cwd)
        except baseline.BaselineError as exc:
            raise UsageError(str(exc)) from None
        if hidden:
            print(f"kzlint: {hidden} finding{'s' if hidden != 1 else ''} known to the baseline not shown", file=sys.stderr)
    if args.diff_base:
        from lint.engine.diffbase import changed_lines, on_changed_lines

        findings = on_changed_lines(findings, changed_lines(args.diff_base, cwd))
    return findings


def _print_timings(timings: dict[str, float]) -> None:
    total = sum(timings.values()) or 1.0
    print("rule          seconds  share", file=sys.stderr)
    for code, seconds in sorted(timings.items(), key=lambda item: -item[1]):
        print(f"{code:<12} {seconds:8.3f}  {seconds / total:5.1%}", file=sys.stderr)
