#!/usr/bin/env bash
# Turns ../shared/bench/run.sh's environment into a Switchyard config and runs the proxy in the
# foreground (the harness stops it). Usage from the repository root:
#   bench/candidate.sh --build     # once, and after every change: NativeAOT publish (see below)
#   ../shared/bench/run.sh --repeat 3 --candidate "$PWD/bench/candidate.sh" --port 15001
#   BENCH_MODE=split ../shared/bench/run.sh ...   # 50/50 v1/v2 subsets instead of round robin over all 8
#   SWITCHYARD_BUILD=jit ../shared/bench/run.sh ... # the normal JIT Release build instead of NativeAOT
#   SWITCHYARD_ADMIN=off ../shared/bench/run.sh ...  # no admin API, so no metrics recorded
# Environment (set by run.sh): BENCH_LISTEN_PORT, BENCH_V1_ENDPOINTS, BENCH_V2_ENDPOINTS (ip:port,...).
#
# Why NativeAOT: the JIT build sits at about 100 MB RSS under load, as plain YARP does; most of
# it is the runtime, the JIT and jitted code, not the GC heap (docs/performance.md). The AOT
# binary has no JIT and no IL to load, and needs no tiered-PGO warm-up. The publish is separate
# from the normal build (tests and `dotnet run` stay JIT) and needs clang and zlib1g-dev.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
aot_dir="$root/src/Switchyard.Cli/bin/aot"
aot_bin="$aot_dir/switchyard"
dll="$root/src/Switchyard.Cli/bin/Release/net10.0/switchyard.dll"

find_clang() { # clang, or the newest versioned clang-N (Debian installs clang-14 without "clang")
  command -v clang 2>/dev/null && return 0
  ls /usr/bin/clang-[0-9]* 2>/dev/null | grep -E '/clang-[0-9]+$' | sort -t- -k2 -n | tail -1 | grep . || return 1
}

build() {
  local cc
  if [ "$(uname -m)" = x86_64 ] && cc=$(find_clang) && [ -e /usr/include/zlib.h ]; then
    echo "candidate: NativeAOT publish with $cc -> $aot_bin" >&2
    dotnet publish "$root/src/Switchyard.Cli" -c Release -r linux-x64 -p:PublishAot=true \
      -p:CppCompilerAndLinker="$cc" -o "$aot_dir" >&2
  else
    echo "candidate: no clang or zlib1g-dev (apt-get install clang zlib1g-dev); JIT build only" >&2
    dotnet build -c Release "$root/src/Switchyard.Cli" >&2
  fi
}

if [ "${1:-}" = --build ]; then build; exit 0; fi

port="${BENCH_LISTEN_PORT:-15001}"
mode="${BENCH_MODE:-rr}"
kind="${SWITCHYARD_BUILD:-aot}"
dir="$(mktemp -d /tmp/switchyard-bench.XXXXXX)"

if [ "$kind" = aot ] && [ ! -x "$aot_bin" ]; then
  echo "candidate: no NativeAOT binary (run bench/candidate.sh --build); using the JIT build" >&2
  kind=jit
fi
if [ "$kind" = aot ] && [ -n "$(find "$root/src" -name '*.cs' -newer "$aot_bin" -print -quit)" ]; then
  echo "candidate: warning: sources are newer than $aot_bin (run bench/candidate.sh --build)" >&2
fi
if [ "$kind" = jit ] && [ ! -f "$dll" ]; then
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

# No access log, as in the peers (nginx runs with access_log off) and in Istio's default profile.
# SWITCHYARD_ADMIN=off runs without the admin API, hence without Istio's metrics (issue 13's A/B).
args=(run -f "$dir/bench.yaml" --listen "127.0.0.1:$port" --admin "${SWITCHYARD_ADMIN:-127.0.0.1:0}" --access-log off)
if [ "$kind" = aot ]; then exec "$aot_bin" "${args[@]}"; fi
export DOTNET_TieredPGO="${DOTNET_TieredPGO:-1}"
exec dotnet "$dll" "${args[@]}"
