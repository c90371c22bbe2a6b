#!/usr/bin/env bash
# Runs schemathesis (property-based API tests from the OpenAPI document) against a real
# `vantage serve`: no 5xx, every response's status code, content type, headers and body as
# /openapi.yaml documents them.
#
#   Tests/API/schemathesis.sh [path/to/vantage]      (default: .build/debug/vantage)
#
# schemathesis comes from .tools/schemathesis-venv (`bash .ci/setup-test-tools` installs it);
# SCHEMATHESIS=/path/to/schemathesis overrides that, SCHEMATHESIS_MAX_EXAMPLES (default 150) bounds
# the examples per operation, SCHEMATHESIS_SEED (default 6) fixes the generated data.
# It makes a small stadium sample (4 cameras, 5 moments), records it into a replay store with
# `vantage ingest` + `vantage record`, serves it with a director token (sent with every request,
# so /api/jobs is exercised authorized), rate limits high enough that no 429 hides an answer, and
# renders capped at 640x360 (larger sizes are a documented 400) to keep the run short.
# Exit status: schemathesis' (non-zero on any failure), or non-zero when the server dies.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
vantage="${1:-$root/.build/debug/vantage}"
schemathesis="${SCHEMATHESIS:-$root/.tools/schemathesis-venv/bin/schemathesis}"
max_examples="${SCHEMATHESIS_MAX_EXAMPLES:-150}"
seed="${SCHEMATHESIS_SEED:-6}"

[ -x "$vantage" ] || { echo "schemathesis.sh: no vantage executable at $vantage (swift build first)" >&2; exit 2; }
[ -x "$schemathesis" ] || { echo "schemathesis.sh: no schemathesis at $schemathesis (run: bash .ci/setup-test-tools)" >&2; exit 2; }

work="$(mktemp -d "${TMPDIR:-/tmp}/vantage-schemathesis-XXXXXX")"
server_pid=""
recorder_pid=""
cleanup() {
  if [ -n "$recorder_pid" ] && kill -0 "$recorder_pid" 2>/dev/null; then kill "$recorder_pid" 2>/dev/null || true; fi
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -INT "$server_pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# The venv's python: no curl or netcat needed on the machine.
python="$(dirname "$schemathesis")/python"
free_port() {
  "$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
get() {
  "$python" -c 'import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1], timeout=5).read().decode())' "$1" 2>/dev/null
}

echo "== sample: 4 cameras, 1 s at 5 fps, 320x180" >&2
"$vantage" sample stadium --output "$work/sample" --cameras 4 --truth 0 --seconds 1 --fps 5 --size 320x180 --depth none \
  >"$work/sample.log" 2>&1 || { cat "$work/sample.log" >&2; exit 1; }

echo "== recording it into a replay store" >&2
endpoint="tcp://127.0.0.1:$(free_port)"
"$vantage" record --subscribe "$endpoint" --store "$work/store" --rig "$work/sample/rig.json" --until-idle 3 \
  >"$work/record.log" 2>&1 &
recorder_pid=$!
"$vantage" ingest --rig "$work/sample/rig.json" --all --publish "$endpoint" >"$work/ingest.log" 2>&1 \
  || { cat "$work/ingest.log" >&2; exit 1; }
wait "$recorder_pid" || { cat "$work/record.log" >&2; exit 1; }
recorder_pid=""

echo "== serving it" >&2
token="schemathesis-$RANDOM$RANDOM"
printf '%s\n' "$token" >"$work/director-token"
port="$(free_port)"
base="http://127.0.0.1:$port"
"$vantage" serve --rig "$work/sample/rig.json" --store "$work/store" --http "127.0.0.1:$port" \
  --director-token "$work/director-token" --rate-limit 100000 --burst 100000 --render-queue 64 --max-render-size 640x360 \
  >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 600); do
  get "$base/health" >/dev/null && break
  kill -0 "$server_pid" 2>/dev/null || { echo "vantage serve exited:" >&2; cat "$work/serve.log" >&2; exit 1; }
  sleep 0.2
done
get "$base/health" >&2 || { echo "vantage serve does not answer on $base:" >&2; cat "$work/serve.log" >&2; exit 1; }

echo "== schemathesis $("$schemathesis" --version | awk '{print $NF}') against $base/openapi.yaml" >&2
# Checks: no 5xx; status codes, content types, headers and bodies as documented; schema-invalid
# requests refused (4xx); /api/jobs refused without the token. Left out: positive_data_acceptance
# (a schema-valid time past the replay's end or a size beyond --max-render-size is rightly a
# documented 400: those limits are the server's data, not the document's), unsupported_method and
# allow_header_conformance (Hummingbird's router answers 404, not 405, to a method it has no route
# for), and the stateful checks (the API has no resources to create and delete).
# /api/session is a WebSocket upgrade, which schemathesis cannot speak; /api/stream.ts streams for
# ever unless loop=false, so a request never completes (its bad input is StreamRouteTests' work).
# --workers 1: with two, Debian 12's Python 3.11.2 sometimes fails inside hypothesis ("AST constructor
# recursion depth mismatch", CPython's ast.parse from two threads at once); one is also deterministic.
# --request-timeout: renders are at most 640x360 here, well under 20 s even on a busy machine.
# (Requests NIO cannot parse, such as schemathesis' NUL byte in a header, are answered 400 and closed:
# BadInputTests.unparsableRequestsAre400s.)
# Run from the temporary folder: schemathesis keeps a cache of past crashes in .schemathesis/ under
# its working directory and replays them first, which would make runs depend on earlier ones.
status=0
cd "$work"
"$schemathesis" run "$base/openapi.yaml" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance,negative_data_rejection,missing_required_header,ignored_auth \
  --exclude-path /api/session --exclude-path /api/stream.ts \
  --header "Authorization: Bearer $token" \
  --phases examples,coverage,fuzzing \
  --max-examples "$max_examples" --seed "$seed" --generation-database none \
  --workers 1 --request-timeout 20 --no-color \
  || status=$?

if ! kill -0 "$server_pid" 2>/dev/null; then
  echo "vantage serve died during the run:" >&2
  cat "$work/serve.log" >&2
  exit 1
fi
[ "$status" -eq 0 ] || { echo "== vantage serve's log" >&2; tail -n 50 "$work/serve.log" >&2; }
exit "$status"
