from lint.cli.main import console

raise SystemExit(console())
