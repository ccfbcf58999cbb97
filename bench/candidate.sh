#!/usr/bin/env bash
# Turns ../shared/bench/run.sh's environment into a Switchyard config and runs the proxy in the
# foreground (the harness stops it). Usage from the repository root:
#   ../shared/bench/run.sh --repeat 3 --candidate 'bench/candidate.sh' --port 15001
#   BENCH_MODE=split ../shared/bench/run.sh ...   # 50/50 v1/v2 subsets instead of round robin over all 8
# Environment (set by run.sh): BENCH_LISTEN_PORT, BENCH_V1_ENDPOINTS, BENCH_V2_ENDPOINTS (ip:port,...).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
port="${BENCH_LISTEN_PORT:-15001}"
mode="${BENCH_MODE:-rr}"
dir="$(mktemp -d /tmp/switchyard-bench.XXXXXX)"

dll="$root/src/Switchyard.Cli/bin/Release/net10.0/switchyard.dll"
if [ ! -f "$dll" ]; then
  dotnet build -c Release "$root/src/Switchyard.Cli" >&2
fi

endpoints() { # $1 = comma list, $2 = version label
  local IFS=','
  for ep in $1; do
    printf '  - {address: %s, ports: {http: %s}, labels: {app: bench, version: %s}}\n' "${ep%:*}" "${ep##*:}" "$2"
  done
}

{
  cat <<YAML
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: bench, namespace: default}
spec:
  hosts: [bench.default.svc.cluster.local]
  location: MESH_INTERNAL
  resolution: STATIC
  ports: [{number: 80, name: http, protocol: HTTP}]
  endpoints:
YAML
  endpoints "${BENCH_V1_ENDPOINTS:-127.0.0.1:18081}" v1
  endpoints "${BENCH_V2_ENDPOINTS:-127.0.0.1:18091}" v2
  cat <<YAML
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: bench, namespace: default}
spec:
  host: bench.default.svc.cluster.local
  trafficPolicy: {loadBalancer: {simple: ROUND_ROBIN}}
  subsets:
  - {name: v1, labels: {version: v1}}
  - {name: v2, labels: {version: v2}}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: bench, namespace: default}
spec:
  # wrk sends "Host: 127.0.0.1:PORT"; the VirtualService answers for that name.
  hosts: [127.0.0.1, bench.default.svc.cluster.local]
  http:
YAML
  if [ "$mode" = split ]; then
    cat <<YAML
  - route:
    - {destination: {host: bench.default.svc.cluster.local, subset: v1}, weight: 50}
    - {destination: {host: bench.default.svc.cluster.local, subset: v2}, weight: 50}
YAML
  else
    cat <<YAML
  - route:
    - destination: {host: bench.default.svc.cluster.local}
YAML
  fi
} > "$dir/bench.yaml"

export DOTNET_TieredPGO="${DOTNET_TieredPGO:-1}"
exec dotnet "$dll" run -f "$dir/bench.yaml" --listen "127.0.0.1:$port" --admin 127.0.0.1:0
