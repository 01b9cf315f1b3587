"""The `kzlint` command line: `kzlint PATH...`, `kzlint rules`, `kzlint explain CODE`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from lint import __version__
from lint.config import ConfigError, discover, load
from lint.discovery import UsageError
from lint.findings import Severity

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
    parser.add_argument("--color", choices=["auto", "always", "never"], default="auto")
    parser.add_argument("--debug", action="store_true", help="show tracebacks for internal errors")
    parser.add_argument("--version", action="version", version=f"kzlint {__version__}")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    try:
        if argv[:1] == ["rules"]:
            from lint.commands import list_rules

            return list_rules(argv[1:])
        if argv[:1] == ["explain"]:
            from lint.commands import explain

            return explain(argv[1:])
        return _check(build_parser().parse_args(argv))
    except (UsageError, ConfigError) as exc:
        print(f"kzlint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("kzlint: interrupted", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_ERROR
    except Exception as exc:  # never a traceback unless asked for
        if debug:
            raise
        print(f"kzlint: internal error: {type(exc).__name__}: {exc} (run with --debug for a traceback)", file=sys.stderr)
        return EXIT_ERROR


def load_config(path: str | None, cwd: Path):
    """The config to use and the folder its relative paths start from."""
    if path:
        file = Path(path)
        if not file.is_file():
            raise UsageError(f"--config {path}: no such file")
        return load(file), file.resolve().parent
    found = discover(cwd)
    return load(found), (found.parent if found else cwd)


def _check(args: argparse.Namespace) -> int:
    from lint.engine import Engine
    from lint.output import Report, renderers
    from lint.output.text import statistics
    from lint.selection import build_rules

    cwd = Path.cwd()
    config, config_dir = load_config(args.config, cwd)
    rules = build_rules(config, _split(args.select), _split(args.extend_select), _split(args.ignore))
    for rule in rules:
        for notice in rule.prepare():
            print(f"kzlint: {notice}", file=sys.stderr)
    engine = Engine(config, rules, cwd=cwd, config_dir=config_dir, jobs=args.jobs, use_cache=not args.no_cache)
    result = engine.run(args.paths or ["."])

    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty() and "NO_COLOR" not in os.environ)
    report = Report(result.findings, result.files, rules, result.metadata, color=color)
    sys.stdout.write(statistics(report) if args.statistics else renderers()[args.format](report))
    if os.environ.get("KZLINT_TIMING"):
        _print_timings(result.timings)
    fail_on = Severity(args.fail_on) if args.fail_on else config.fail_on
    failing = any(f.severity.rank >= fail_on.rank for f in result.findings)
    return EXIT_FINDINGS if failing else EXIT_OK


def _print_timings(timings: dict[str, float]) -> None:
    total = sum(timings.values()) or 1.0
    print("rule          seconds  share", file=sys.stderr)
    for code, seconds in sorted(timings.items(), key=lambda item: -item[1]):
        print(f"{code:<12} {seconds:8.3f}  {seconds / total:5.1%}", file=sys.stderr)
