#!/usr/bin/env bash
# Stop the LanguageTool server start.sh started (by the PID in its state file).
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
STATE="${LT_STATE_FILE:-$HERE/.server.env}"
[[ -f "$STATE" ]] || exit 0
# shellcheck disable=SC1090
source "$STATE"
if [[ -n "${LT_PID:-}" ]] && kill -0 "$LT_PID" 2>/dev/null; then
  kill "$LT_PID"
  for _ in $(seq 1 50); do kill -0 "$LT_PID" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$LT_PID" 2>/dev/null && kill -9 "$LT_PID"
fi
rm -f "$STATE"
