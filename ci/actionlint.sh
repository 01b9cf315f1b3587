#!/usr/bin/env bash
# Build actionlint (pinned) with `go install` into a cache folder, then check the GitHub
# Actions workflow that README.md recommends. Used by .ci/run and by tests/test_recipes.py.
#
#   ci/actionlint.sh                 build if needed, then check docs/github-actions/*.yml
#   ci/actionlint.sh --print-path    build if needed, print the binary's path, check nothing
#
# The binary goes to $KZLINT_TOOLS_DIR (default: ~/.cache/kzlint-tools/actionlint-<version>),
# so a second run costs nothing. Needs Go 1.23+ and the Go module proxy.
set -euo pipefail
VERSION=v1.7.12
cd "$(dirname "$0")/.."
TOOLS="${KZLINT_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/kzlint-tools}/actionlint-$VERSION"
BIN="$TOOLS/actionlint"
if [ ! -x "$BIN" ]; then
    if ! command -v go >/dev/null 2>&1; then
        echo "ci/actionlint.sh: go is not installed: cannot build actionlint $VERSION" >&2
        exit 3
    fi
    mkdir -p "$TOOLS"
    GOBIN="$TOOLS" GOFLAGS=-mod=mod go install "github.com/rhysd/actionlint/cmd/actionlint@$VERSION" >&2
fi
if [ "${1:-}" = "--print-path" ]; then
    echo "$BIN"
    exit 0
fi
exec "$BIN" -no-color docs/github-actions/*.yml
