#!/usr/bin/env bash
# Middlebury "Motorcycle" (../shared/data/middlebury-motorcycle): `vantage depth` against OpenCV's
# StereoSGBM on the same rectified pair, same run. Prints bad-2.0, bad-1.0, mean absolute error and
# coverage for each, and the ratio of bad-2.0. See Benchmarks/README.md ("Stereo against StereoSGBM").
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
data="${VANTAGE_MIDDLEBURY:-$root/../shared/data/middlebury-motorcycle}"
venv="${VANTAGE_BENCH_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/vantage/stereo-venv}"

if [[ ! -f "$data/disp0GT.pfm" ]]; then
    echo "stereo-vs-sgbm: no Middlebury pair at $data (set VANTAGE_MIDDLEBURY)" >&2
    exit 1
fi
if [[ ! -x "$venv/bin/python" ]]; then
    python3 -m venv "$venv"
fi
"$venv/bin/python" -c 'import cv2, numpy' 2>/dev/null || "$venv/bin/pip" install --quiet opencv-python-headless numpy

(cd "$root" && swift build -c release --product vantage >&2)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$venv/bin/python" "$here/stereo-vs-sgbm.py" --data "$data" --vantage "$root/.build/release/vantage" --work "$work" "$@"
