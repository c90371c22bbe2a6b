#!/usr/bin/env bash
# Interactive-session latency (a pose message to its encoded 1280x720 frame, JPEG and H.264) and
# frames/s sustained by 1, 4 and 16 concurrent sessions against a real `vantage serve` on loopback,
# with the server's memory at the end. See Benchmarks/README.md ("Interactive sessions").
#   Benchmarks/session-latency.sh [--json results.json] [--sessions 1 4 16] [--duration 20] [--requests 40] ...
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/vantage"
venv="${VANTAGE_SESSION_VENV:-$cache/session-venv}"
# The stadium sample at 1280x720 (source cameras), made once; VANTAGE_SESSION_SAMPLE=Samples/stadium
# uses the demo's (960x540) instead.
sample="${VANTAGE_SESSION_SAMPLE:-$cache/session-bench/stadium-1280x720}"

if [[ ! -x "$venv/bin/python" ]]; then
    python3 -m venv "$venv"
fi
"$venv/bin/python" -c 'import websockets' 2>/dev/null || "$venv/bin/pip" install --quiet websockets

(cd "$root" && swift build -c release --product vantage >&2)
mkdir -p "$(dirname "$sample")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$venv/bin/python" "$here/session-latency.py" --vantage "$root/.build/release/vantage" --work "$work" \
    --sample "$sample" "$@"
