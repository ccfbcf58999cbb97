#!/usr/bin/env bash
# The config API's figures for docs/performance.md (issue 12), on this machine:
#   1. kubectl apply of N VirtualServices + N DestinationRules (one file), and the time until the
#      proxy serves the last of them;
#   2. latency from one kubectl apply to the new route answering (p50/p99 over EDITS edits);
#   3. the process's RSS with the objects stored.
# Usage from the repository root: bench/kube-api.sh [N=1000] [EDITS=100]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-1000}"; edits="${2:-100}"
work="$(mktemp -d /tmp/switchyard-kubeapi-bench.XXXXXX)"
dll="$root/src/Switchyard.Cli/bin/Release/net10.0/switchyard.dll"
[ -f "$dll" ] || dotnet build -c Release "$root/src/Switchyard.Cli" >&2
sy() { exec dotnet "$dll" "$@"; }
now() { date +%s.%N; }
mkdir -p "$work/mesh"
cat > "$work/mesh/endpoints.yaml" <<YAML
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: backend, namespace: default}
spec:
  hosts: [backend.default.svc.cluster.local]
  location: MESH_INTERNAL
  resolution: STATIC
  ports: [{number: 80, name: http, protocol: HTTP}]
  endpoints:
  - {address: 127.0.0.1, ports: {http: 18081}, labels: {version: v1}}
  - {address: 127.0.0.1, ports: {http: 18082}, labels: {version: v2}}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: backend, namespace: default}
spec:
  host: backend
  subsets: [{name: v1, labels: {version: v1}}, {name: v2, labels: {version: v2}}]
YAML
python3 - "$n" "$work/objects.yaml" <<'PY'
import sys
n, path = int(sys.argv[1]), sys.argv[2]
docs = []
for i in range(n):
    docs.append(f"apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {{name: svc{i}, namespace: default}}\nspec:\n  hosts: [svc{i}]\n  http:\n  - route:\n    - destination: {{host: backend, subset: v1}}\n")
    docs.append(f"apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {{name: svc{i}, namespace: default}}\nspec:\n  host: svc{i}\n  trafficPolicy: {{loadBalancer: {{simple: ROUND_ROBIN}}}}\n")
open(path, "w").write("---\n".join(docs))
PY
(sy echo 18081 18082 >/dev/null 2>&1) & echo_pid=$!
(sy run -f "$work/mesh" --kube-api 127.0.0.1:16543 --listen 127.0.0.1:16501 --admin 127.0.0.1:16500 --access-log off >/dev/null 2>"$work/run.log") & run_pid=$!
trap 'kill $run_pid $echo_pid 2>/dev/null; rm -rf "$work"' EXIT
until curl -sf 127.0.0.1:16500/ready >/dev/null; do sleep 0.1; done
(sy kubeconfig --kube-api 127.0.0.1:16543) > "$work/kc"
k() { kubectl --kubeconfig "$work/kc" --cache-dir "$work/cache" "$@"; }
k get vs >/dev/null 2>&1 || true

t0=$(now)
k apply -f "$work/objects.yaml" >/dev/null
t1=$(now)
until [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Host: svc$((n - 1))" 127.0.0.1:16501/)" = 200 ]; do sleep 0.05; done
t2=$(now)
echo "apply of $n VirtualServices + $n DestinationRules: kubectl $(echo "$t1 - $t0" | bc) s, last one served after $(echo "$t2 - $t0" | bc) s"
echo "RSS with $((2 * n + 2)) objects: $(awk '/VmRSS/ {print $2/1024 " MiB"}' /proc/$run_pid/status)"

: > "$work/lat"
for i in $(seq 1 "$edits"); do
  subset=$([ $((i % 2)) = 1 ] && echo v2 || echo v1)
  port=$([ "$subset" = v2 ] && echo 18082 || echo 18081)
  printf 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: flip, namespace: default}\nspec:\n  hosts: [flip]\n  http:\n  - route:\n    - destination: {host: backend, subset: %s}\n' "$subset" > "$work/flip.yaml"
  s=$(now)
  k apply -f "$work/flip.yaml" >/dev/null
  until curl -s -H 'Host: flip' 127.0.0.1:16501/ | grep -q " $port"; do sleep 0.01; done
  echo "$(now) - $s" | bc >> "$work/lat"
done
sort -n "$work/lat" | awk -v e="$edits" '{a[NR]=$1} END {p50=int(NR*0.5)+1; if (p50>NR) p50=NR; p99=int(NR*0.99)+1; if (p99>NR) p99=NR; printf "apply -> route answering over %d edits: p50 %.3f s, p99 %.3f s\n", e, a[p50], a[p99]}'
