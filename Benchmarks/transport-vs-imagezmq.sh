#!/usr/bin/env bash
# Raw 1920x1080 frames/s through our PUB/SUB (FramePublisher -> FrameSubscriber) against pyzmq +
# imagezmq's PUB/SUB on TCP loopback, same run, printed as a ratio; then the CPU one 1080p50
# H.264 camera costs `vantage ingest`. See Benchmarks/README.md ("ZeroMQ transport against imagezmq").
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/vantage"
venv="${VANTAGE_ZMQ_VENV:-$cache/zmq-venv}"

if [[ ! -x "$venv/bin/python" ]]; then
    python3 -m venv "$venv"
fi
"$venv/bin/python" -c 'import zmq, imagezmq, numpy' 2>/dev/null || "$venv/bin/pip" install --quiet pyzmq imagezmq numpy

swift build -c release --package-path "$here" --product TransportThroughput >&2
(cd "$root" && swift build -c release --product vantage >&2)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$venv/bin/python" "$here/transport-vs-imagezmq.py" --throughput "$here/.build/release/TransportThroughput" \
    --vantage "$root/.build/release/vantage" --work "$work" --cache "$cache/zmq-bench" "$@"
