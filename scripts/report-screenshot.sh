#!/usr/bin/env bash
# Writes the report of the IBM Cloud lab (examples/ibm-lab, 6 pods) and of the seeded 200-pod cluster
# of the Chromium test (test/report/big-cluster.ts, about 50 workloads) and takes PNG screenshots with
# headless Chromium for review, kept in test/report/screenshots/ (committed):
#   lab.png                      the lab's page as it opens
#   cluster-200.png              the 200-pod page as it opens (namespaces collapsed)
#   cluster-200-tcp-8080.png     the same, every namespace expanded, selector on TCP 8080 (#open=all&sel=TCP/8080)
# The HTML pages go to report/ (gitignored).
# Environment:
#   NETSEC     how to run the CLI (default: ts-node on lib/cli/main.ts)
#   CHROMIUM   the browser (default: /usr/bin/chromium, else chromium or chromium-browser on PATH)
#   WIDTH, HEIGHT   screenshot size in pixels (default 1400 x 1800)
set -euo pipefail
cd "$(dirname "$0")/.."

out=report
shots=test/report/screenshots
dist="$out/lab-dist"
big="$out/cluster-200"
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

mkdir -p "$out" "$shots" "$big"
echo "report-screenshot: synthesising the lab into $dist" >&2
CDK8S_CHECK_UPGRADE=false CDK8S_OUTDIR="$dist" node -r ts-node/register/transpile-only examples/ibm-lab/main.ts >/dev/null
if [ ! -d "$dist/kubernetes" ] || [ ! -d "$dist/calico" ] || [ ! -d "$dist/inventory" ]; then
  echo "report-screenshot: expected kubernetes/, calico/ and inventory/ in $dist" >&2
  exit 2
fi
echo "report-screenshot: generating the 200-pod cluster into $big" >&2
node -r ts-node/register/transpile-only -e "require('./test/report/big-cluster').writeBigCluster(process.argv[1])" "$big"

# the lab's synth output folder as it is: manifests and, from inventory/, the cluster
$netsec report --manifests "$dist" --title "IBM Cloud lab: netsec report" --out "$out/lab-report.html" 2>/dev/null
$netsec report --manifests "$big/manifests.yaml" --cluster "$big/cluster.yaml" --title "200 pods, 49 workloads: netsec report" \
  --out "$out/cluster-200.html" 2>/dev/null

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
  --disable-component-update --disable-sync --hide-scrollbars "--user-data-dir=$profile")
shoot() { # page (file URL with optional #hash), png
  local state
  state=$("$browser" "${flags[@]}" --dump-dom "$1" 2>/dev/null | grep -o 'data-rendered="[a-z]*"' || true)
  if [ "$state" != 'data-rendered="ok"' ]; then
    echo "report-screenshot: $1 did not render completely (${state:-no marker})" >&2
    exit 1
  fi
  "$browser" "${flags[@]}" "--window-size=${WIDTH:-1400},${HEIGHT:-1800}" "--screenshot=$(pwd)/$2" "$1" 2>/dev/null
  echo "report-screenshot: wrote $2" >&2
}
shoot "file://$(pwd)/$out/lab-report.html" "$shots/lab.png"
shoot "file://$(pwd)/$out/cluster-200.html" "$shots/cluster-200.png"
shoot "file://$(pwd)/$out/cluster-200.html#open=all&sel=TCP/8080" "$shots/cluster-200-tcp-8080.png"
