#!/usr/bin/env bash
# Start a LanguageTool HTTP server for kzlint's tests and CI (or for you), in the background.
#
#   ci/languagetool/start.sh            # prints the URL; writes PID and URL to the state file
#   eval "$(cat ci/languagetool/.server.env)"; echo "$LT_URL"
#   ci/languagetool/stop.sh
#
# Maven resolves org.languagetool:languagetool-server and language-en (pom.xml) into ~/.m2 the
# first time (about 270 MB, 20-60 s); later runs work offline from that cache. The server
# listens on 127.0.0.1 only, on a free port, and the script waits for /v2/languages to answer,
# and for a first check to finish, at most LT_START_TIMEOUT seconds in all. Needs Java 17+ and Maven 3.
#
# Environment (all optional):
#   LT_STATE_FILE     where PID and URL are written   (default: ci/languagetool/.server.env)
#   LT_LOG_FILE       the server's output             (default: ci/languagetool/.server.log)
#   LT_PORT           port to use                     (default: a free one)
#   LT_JAVA_OPTS      JVM options                     (default: -Xmx1g -XX:+UseSerialGC)
#   LT_START_TIMEOUT  seconds to wait for readiness   (default: 180)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
STATE="${LT_STATE_FILE:-$HERE/.server.env}"
LOG="${LT_LOG_FILE:-$HERE/.server.log}"
TIMEOUT="${LT_START_TIMEOUT:-180}"
JAVA_OPTS="${LT_JAVA_OPTS:--Xmx1g -XX:+UseSerialGC}"
CLASSPATH_FILE="$HERE/.classpath"
PYTHON="$(command -v python3 || command -v python)"

die() { echo "languagetool/start.sh: $*" >&2; exit 1; }
command -v java >/dev/null || die "java not found (LanguageTool needs Java 17+)"
command -v mvn >/dev/null || die "mvn not found (Maven resolves LanguageTool from Maven Central)"

if [[ -f "$STATE" ]]; then
  # shellcheck disable=SC1090
  source "$STATE"
  if [[ -n "${LT_PID:-}" ]] && kill -0 "$LT_PID" 2>/dev/null; then
    echo "$LT_URL"; exit 0  # already running
  fi
  rm -f "$STATE"
fi

# The classpath: from the local repository when it is complete (offline), else from Maven Central;
# resolved again when pom.xml changed or a jar it names has gone from ~/.m2.
stale=0
if [[ -s "$CLASSPATH_FILE" ]]; then
  IFS=: read -r -a jars <"$CLASSPATH_FILE" || true  # no newline at the end: read says 1
  for jar in "${jars[@]}"; do [[ -f "$jar" ]] || { stale=1; break; }; done
fi
if [[ $stale == 1 || ! -s "$CLASSPATH_FILE" || "$HERE/pom.xml" -nt "$CLASSPATH_FILE" ]]; then
  resolve() { mvn -B -q -f "$HERE/pom.xml" "$@" dependency:build-classpath -Dmdep.outputFile="$CLASSPATH_FILE" >&2; }
  resolve -o 2>/dev/null || resolve || die "Maven could not resolve LanguageTool (see above)"
fi
CP="$(cat "$CLASSPATH_FILE")"

PORT="${LT_PORT:-$("$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')}"
URL="http://127.0.0.1:$PORT"

# Without --public, HTTPServer accepts connections from localhost only.
# shellcheck disable=SC2086
nohup java $JAVA_OPTS -cp "$CP" org.languagetool.server.HTTPServer --port "$PORT" --allow-origin '*' \
  >"$LOG" 2>&1 </dev/null &
PID=$!

"$PYTHON" - "$URL" "$PID" "$TIMEOUT" <<'PY' || { kill "$PID" 2>/dev/null || true; tail -n 20 "$LOG" >&2; die "the server did not answer $URL/v2/languages within ${TIMEOUT}s"; }
import os, sys, time, urllib.parse, urllib.request
url, pid, timeout = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
deadline = time.monotonic() + timeout
while time.monotonic() < deadline:
    try:
        os.kill(pid, 0)
    except OSError:
        sys.exit("the server process exited")
    try:
        with urllib.request.urlopen(url + "/v2/languages", timeout=2) as response:
            if response.status == 200:
                break
    except OSError:
        pass
    time.sleep(0.5)
else:
    sys.exit(1)
# The first check loads the English rules (seconds, more on a busy machine): do it here, so the
# first real request does not hit a client's timeout.
data = urllib.parse.urlencode({"language": "en-US", "text": "This are a warm-up sentence."}).encode()
try:
    with urllib.request.urlopen(url + "/v2/check", data=data, timeout=max(5.0, deadline - time.monotonic())) as response:
        sys.exit(0 if response.status == 200 else 1)
except OSError as exc:
    sys.exit(f"the first check failed: {exc}")
PY

printf 'LT_PID=%s\nLT_URL=%s\n' "$PID" "$URL" >"$STATE"
echo "$URL"
