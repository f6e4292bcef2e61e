#!/usr/bin/env bash
# Synthesises the IBM Cloud lab (examples/ibm-lab), runs `netsec report` on it and takes a PNG
# screenshot with headless Chromium, so a reviewer can look at the page:
#   report/lab-report.html, report/lab-report.png (report/ is gitignored).
# Environment:
#   NETSEC     how to run the CLI (default: ts-node on lib/cli/main.ts)
#   CHROMIUM   the browser (default: /usr/bin/chromium, else chromium or chromium-browser on PATH)
#   WIDTH, HEIGHT   screenshot size in pixels (default 1400 x 3000)
set -euo pipefail
cd "$(dirname "$0")/.."

out=report
dist="$out/lab-dist"
netsec=${NETSEC:-"node -r ts-node/register/transpile-only lib/cli/main.ts"}
browser=${CHROMIUM:-}
if [ -z "$browser" ]; then
  for b in /usr/bin/chromium chromium chromium-browser; do
    if command -v "$b" >/dev/null 2>&1; then browser=$(command -v "$b"); break; fi
  done
fi
if [ -z "$browser" ]; then
  echo "report-screenshot: no chromium found (set CHROMIUM=/path/to/chromium)" >&2
  exit 2
fi

mkdir -p "$out"
echo "report-screenshot: synthesising the lab into $dist" >&2
CDK8S_CHECK_UPGRADE=false CDK8S_OUTDIR="$dist" node -r ts-node/register/transpile-only examples/ibm-lab/main.ts

if [ ! -d "$dist/kubernetes" ] || [ ! -d "$dist/calico" ] || [ ! -d "$dist/inventory" ]; then
  echo "report-screenshot: expected kubernetes/, calico/ and inventory/ in $dist" >&2
  exit 2
fi

# the synth output folder as it is: manifests and, from inventory/, the cluster
$netsec report --manifests "$dist" --title "IBM Cloud lab: netsec report" \
  --out "$out/lab-report.html"

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
  --disable-component-update --disable-sync --hide-scrollbars "--user-data-dir=$profile")
page="file://$(pwd)/$out/lab-report.html"
state=$("$browser" "${flags[@]}" --dump-dom "$page" 2>/dev/null | grep -o 'data-rendered="[a-z]*"' || true)
if [ "$state" != 'data-rendered="ok"' ]; then
  echo "report-screenshot: the page did not render completely (${state:-no marker})" >&2
  exit 1
fi
"$browser" "${flags[@]}" "--window-size=${WIDTH:-1400},${HEIGHT:-3000}" "--screenshot=$(pwd)/$out/lab-report.png" "$page" 2>/dev/null
echo "report-screenshot: wrote $out/lab-report.html and $out/lab-report.png" >&2
