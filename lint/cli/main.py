"""The `kzlint` command line: `kzlint PATH...`, `kzlint rules`, `explain CODE`, `config [PATH]`, `server`."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from lint import __version__
from lint.core.escape import for_terminal
from lint.engine import collector

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SUBCOMMANDS = ("rules", "explain", "config", "server", "daemon")


def _usage_error():
    from lint.engine.discovery import UsageError

    return UsageError


def build_parser() -> argparse.ArgumentParser:
    from lint.cli.common import Parser
    from lint.core.findings import Severity
    from lint.output import renderers

    parser = Parser(prog="kzlint", description="Lint news articles for scraping residue, weak sourcing, "
                     "unattributed figures and contradictions across a corpus.",
                     epilog="Other commands (each has --help): 'kzlint rules' lists the rules; 'kzlint explain CODE' "
                     "explains one; 'kzlint config [PATH]' shows the configuration in effect and where each value comes "
                     "from; 'kzlint server' runs the language server for editors; 'kzlint daemon start|stop|status' manages "
                     "the daemon that --daemon runs through.")
    parser.add_argument("paths", nargs="*", help="files or directories (default: .)")
    parser.add_argument("--config", metavar="FILE", help="use this rules.yaml, .kzlint.yaml or pyproject.toml for every "
                        "file (default: the closest kzlint config above each file)")
    parser.add_argument("--select", action="append", metavar="CODES", help="only these rules (codes, prefixes such as KZ1, names)")
    parser.add_argument("--extend-select", action="append", metavar="CODES", help="these rules as well")
    parser.add_argument("--ignore", action="append", metavar="CODES", help="not these rules")
    parser.add_argument("--fail-on", choices=[s.value for s in Severity], help="lowest severity that fails the run (default: warning)")
    parser.add_argument("--format", default="text", choices=sorted(renderers()), help="output format")
    parser.add_argument("--statistics", action="store_true", help="print counts per rule instead of findings (as JSON with --format json)")
    parser.add_argument("--output-file", "-o", metavar="FILE", help="write the report to FILE instead of standard output")
    parser.add_argument("--jobs", "-j", type=int, metavar="N", help="worker processes (default: all cores)")
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the result cache")
    parser.add_argument("--fix", action="store_true", help="apply safe fixes to the files, then report what is left")
    parser.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff, apply the unsafe fixes too "
                        "(they may change meaning: review the diff)")
    parser.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; write nothing")
    parser.add_argument("--baseline", metavar="FILE", help="report only findings that this baseline does not record")
    parser.add_argument("--write-baseline", metavar="FILE", help="record today's findings in FILE (exit 0)")
    parser.add_argument("--diff-base", metavar="REF", help="report only findings on lines changed since git REF")
    parser.add_argument("--stdin-filename", metavar="NAME", help="lint standard input as the file NAME (editors)")
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings fail the run")
    parser.add_argument("--quiet", "-q", action="store_true", help="print findings only: no notices, summaries or progress")
    parser.add_argument("--show-settings", action="store_true", help="print the configuration in effect for the "
                        "first path and where each value comes from (like 'kzlint config'), then exit")
    parser.add_argument("--color", choices=["auto", "always", "never"], default="auto")
    parser.add_argument("--daemon", action="store_true", help="run in the kzlint daemon (started in the background "
                        "if it is not running; KZLINT_DAEMON=1 does the same): the same run, without Python's and "
                        "the rules' start-up (pre-commit); see 'kzlint daemon --help'")
    parser.add_argument("--debug", action="store_true", help="show tracebacks for internal errors")
    parser.add_argument("--version", action="version", version=f"kzlint {__version__}")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv == ["--version"]:  # answered before anything heavy is imported (start-up time)
        print(f"kzlint {__version__}")
        return EXIT_OK
    if _wants_daemon(argv):
        from lint.daemon.client import run_through_daemon

        code = run_through_daemon(argv)
        if code is not None:
            return code
    return run_here(argv)


def console() -> int:
    """The `kzlint` command and `python -m lint`: main(), then nothing left for Python's exit to
    collect (collector.left_to_exit); a caller of main() in its own process keeps its collector."""
    code = main()
    collector.left_to_exit()
    return code


def _wants_daemon(argv: list[str]) -> bool:
    """A lint run (no subcommand) with --daemon before any `--`, or KZLINT_DAEMON=1."""
    if argv[:1] and argv[0] in SUBCOMMANDS:
        return False
    options = argv[:argv.index("--")] if "--" in argv else argv
    return "--daemon" in options or os.environ.get("KZLINT_DAEMON") == "1"


def run_here(argv: list[str]) -> int:
    """The run, in this process (the daemon's children start here)."""
    if argv[:1] in (["server"], ["daemon"]):
        return _main(argv)
    # what a run imports and loads (modules, rules, config schemas: a tenth of a one-file run went
    # to collections) lives until it ends, and its records and findings are acyclic: the collector
    # is off, and the engine turns it on while documents are linted; on again for a caller
    with collector.paused():
        return _main(argv)


def _main(argv: list[str]) -> int:
    from lint.config import ConfigError
    from lint.engine.discovery import UsageError

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
        if argv[:1] == ["config"]:
            from lint.cli.settings import config_command

            return config_command(argv[1:])
        if argv[:1] == ["server"]:
            from lint.cli.commands import server

            return server(argv[1:])
        if argv[:1] == ["daemon"]:
            from lint.cli.daemon import daemon_command

            return daemon_command(argv[1:], run_here)
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


def _check(args: argparse.Namespace) -> int:
    from lint.cli.groups import plan, run_groups
    from lint.cli.notices import Notices
    from lint.core.findings import Severity
    from lint.engine import baseline
    from lint.output import Report, renderers
    from lint.output.text import statistics

    cwd = Path.cwd()
    if args.stdin_filename is not None:
        name = args.stdin_filename
        if not name.strip() or name.endswith(("/", os.sep)) or os.path.isdir(cwd / name):
            raise _usage_error()(f"--stdin-filename {name!r}: expected the name of a file (standard input is "
                                 "linted as it)")
    paths = args.paths or ([] if args.stdin_filename is not None else ["."])
    if args.show_settings:
        from lint.cli.settings import show_settings

        target = Path(args.stdin_filename or paths[0])
        sys.stdout.write(show_settings(target, args.config, fmt="json" if args.format == "json" else "text"))
        return EXIT_OK
    stdin = sys.stdin.buffer.read() if args.stdin_filename is not None else None
    groups = plan(paths, args.stdin_filename, stdin, args.config, cwd)
    notices = Notices(quiet=args.quiet, use_cache=not args.no_cache)
    timed = bool(os.environ.get("KZLINT_TIMING"))  # timings are of the rules that ran: no stored report
    run = run_groups(groups, args, cwd, notices, report_options=_report_options(args, cwd), reuse_report=not timed)
    if run.report is not None:  # the same options and files as a run that stored its report
        text, exit_code, said = run.report
        notices.flush()
        for notice in said:
            notices.say(notice)
        _write(args, lambda color: text)
        return exit_code
    if args.fix or args.diff:
        done = _fix(args, run, cwd, notices)
        if done is not None:
            notices.flush()
            return done
        run = run_groups(groups, args, cwd, notices, stdin=run.stdin)  # what is left, seen afresh
    notices.flush()
    if args.write_baseline:
        try:
            count = baseline.write(Path(args.write_baseline), run.findings, cwd)
        except baseline.BaselineError as exc:
            raise _usage_error()(str(exc)) from None
        notices.say(f"wrote {count} finding{'s' if count != 1 else ''} to {args.write_baseline}", always=True)
        return EXIT_OK
    findings, said = _narrow(args, run.findings, cwd)
    for notice in said:
        notices.say(notice)

    def render(color: bool) -> str:
        report = Report(findings, run.files, run.rules, run.metadata, color=color)
        if args.statistics:
            return statistics(report, fmt="json" if args.format in ("json", "json-lines") else "text")
        return renderers()[args.format](report)

    text = _write(args, render)
    if args.fix and args.stdin_filename:
        sys.stdout.flush()
        sys.stdout.buffer.write(run.stdin_bytes())
    if timed:
        _print_timings(run.timings)
    fail_on = Severity(args.fail_on) if args.fail_on else None
    failing = any(f.severity.rank >= (fail_on or run.fail_on(f.path)).rank for f in findings)
    exit_code = EXIT_FINDINGS if failing and not args.exit_zero else EXIT_OK
    run.store_report(text, exit_code, said)
    return exit_code


def _write(args: argparse.Namespace, render) -> str:
    """Write the report, rendered for its destination (colour for a terminal), and return it."""
    from lint.engine.cache import SLICE

    to_file = open(args.output_file, "w", encoding="utf-8") if args.output_file else None  # noqa: SIM115
    out = to_file or (sys.stderr if args.fix and args.stdin_filename else sys.stdout)  # stdout carries the fixed text
    try:
        color = args.color == "always" or (args.color == "auto" and out.isatty() and "NO_COLOR" not in os.environ)
        text = render(color)
        for start in range(0, len(text), SLICE):  # a slice at a time: the stream encodes what it is given, whole
            out.write(text[start:start + SLICE])
    finally:
        if to_file is not None:
            to_file.close()
    return text


def _report_options(args: argparse.Namespace, cwd: Path) -> str | None:
    """What a report depends on besides the config and the files (see Engine.report_options);
    None for a run whose report is never stored: one that fixes, writes a baseline, reads
    standard input or git's history, or runs without a cache."""
    if (args.fix or args.diff or args.write_baseline or args.diff_base or args.stdin_filename is not None
            or args.no_cache):
        return None
    known = ""
    if args.baseline:
        import hashlib

        try:
            known = hashlib.blake2b(Path(args.baseline).read_bytes(), digest_size=16).hexdigest()
        except OSError:
            return None  # the run says why, as without a stored report
    # where the report goes decides its colour: a terminal now or not, a file by its name
    destination = [args.output_file] if args.output_file else [sys.stdout.isatty(), "NO_COLOR" in os.environ]
    return json.dumps([str(cwd), args.format, args.statistics, args.color, destination, args.fail_on, args.exit_zero,
                       known])


def _fix(args: argparse.Namespace, run, cwd: Path, notices) -> int | None:
    """Apply (--fix) or show (--diff) the safe fixes (and the unsafe ones with --unsafe-fixes),
    each file with the rules of its own config. Returns the exit code when nothing is left to do.

    From standard input, --fix puts the fixed text back into `run.stdin` for the report.
    """
    from lint.core.reading import ReadError
    from lint.engine import fixes

    unsafe = args.unsafe_fixes
    wanted = (lambda f: f.fix is not None and (f.fix.safe or unsafe))
    diffs: list[str] = []
    changed_any = False
    fixed_total, files_total = 0, 0
    for _group, engine in run.engines:
        lint = fixes.linter(engine.config, engine.rules, unsafe=unsafe)
        if engine.stdin:
            shown, data = next(iter(engine.stdin.items()))
            try:
                fixed, decoded = fixes.fix_data(shown, data, lint)
            except ReadError as exc:
                notices.say(f"{shown}: not fixed: {exc}", always=True)
                if args.diff:
                    return EXIT_ERROR
                continue
            if args.diff:
                diffs.append(fixes.unified_diff(fixed) if fixed.changed else "")
                changed_any |= fixed.changed
            else:
                run.stdin[shown] = decoded.encode(fixed.after)
            continue
        candidates = sorted({f.path for f in run.findings if wanted(f) and _owned(f.path, engine, run)})
        result = fixes.fix_files(candidates, lint, cwd, write=not args.diff, max_size=engine.config.max_file_size,
                                 roots=engine.project_roots(args.paths or ["."]), linted=engine.targets)
        for notice in result.notices:
            notices.say(notice, always=True)
        if args.diff:
            diffs.extend(fixes.unified_diff(f) for f in result.changed)
            changed_any |= bool(result.changed)
        fixed_total += result.fixed
        files_total += len(result.changed)
    if args.diff:
        sys.stdout.write("".join(diffs))
        return EXIT_FINDINGS if changed_any else EXIT_OK
    if not any(engine.stdin for _, engine in run.engines):
        notices.say(f"fixed {fixed_total} finding{'s' if fixed_total != 1 else ''} in {files_total} "
                    f"file{'s' if files_total != 1 else ''}")
    return None


def _owned(path: str, engine, run) -> bool:
    """Whether `path` was linted by this engine (its config): each file is fixed with its own rules."""
    return len(run.engines) == 1 or run.configs.get(path) is engine.config


def _narrow(args: argparse.Namespace, findings: list, cwd: Path) -> tuple[list, list[str]]:
    """Keep what --baseline does not know and what --diff-base REF changed; and the notices
    saying what was left out."""
    from lint.engine import baseline

    said = []
    if args.baseline:
        try:
            findings, hidden = baseline.new_findings(findings, Path(args.baseline), cwd)
        except baseline.BaselineError as exc:
            raise _usage_error()(str(exc)) from None
        if hidden:
            said.append(f"{hidden} finding{'s' if hidden != 1 else ''} known to the baseline not shown")
    if args.diff_base:
        from lint.engine.diffbase import changed_lines, on_changed_lines

        findings = on_changed_lines(findings, changed_lines(args.diff_base, cwd))
    return findings, said


def _print_timings(timings: dict[str, float]) -> None:
    total = sum(timings.values()) or 1.0
    print("rule          seconds  share", file=sys.stderr)
    for code, seconds in sorted(timings.items(), key=lambda item: -item[1]):
        print(f"{code:<12} {seconds:8.3f}  {seconds / total:5.1%}", file=sys.stderr)
