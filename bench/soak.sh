#!/usr/bin/env bash
# soak.sh - the long soak and stress runs of issue 10 (not part of `dotnet test`; the test suite
# has short variants under tests/Switchyard.Proxy.Tests/Soak and tests/Switchyard.Tests/Fuzz).
# Usage from the repository root:
#   bench/soak.sh [reloads|fuzz|backend-kill|hostile|all]     (default: all, one after another)
# Knobs (defaults are the issue's figures):
#   RELOADS=1000          config edits under load, alternating good and rejected
#   FUZZ_DOCS=1000000     fuzzed YAML documents through `validate`   FUZZ_SEED=1
#   KILL_DURATION=30m     how long a backend is killed and restarted  KILL_EVERY=1s
#   IDLE=20000 SLOWLORIS=500 HOSTILE_DURATION=2m    the hostile-clients run
#   SWITCHYARD_BUILD=aot|jit   which `switchyard` runs the proxy and backends: the NativeAOT binary
#                         from bench/candidate.sh --build (default when present), or the JIT Release build
# Each run prints its figures as a markdown section (docs/reliability.md pastes them) on stdout,
# progress on stderr, and exits non-zero when its promise does not hold.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
what="${1:-all}"
case "$what" in reloads|fuzz|backend-kill|hostile|all) ;; *) echo "usage: bench/soak.sh [reloads|fuzz|backend-kill|hostile|all]" >&2; exit 2 ;; esac
aot_bin="$root/src/Switchyard.Cli/bin/aot/switchyard"
dll="$root/src/Switchyard.Cli/bin/Release/net10.0/switchyard.dll"
soak="$root/bench/Switchyard.Soak/bin/Release/net10.0/Switchyard.Soak"

kind="${SWITCHYARD_BUILD:-aot}"
if [ "$kind" = aot ] && [ ! -x "$aot_bin" ]; then
  echo "soak: no NativeAOT binary (bench/candidate.sh --build makes one); using the JIT build" >&2
  kind=jit
fi
if [ "$kind" = aot ] && [ -n "$(find "$root/src" -name '*.cs' -not -path '*/obj/*' -newer "$aot_bin" -print -quit)" ]; then
  echo "soak: warning: sources are newer than $aot_bin (run bench/candidate.sh --build)" >&2
fi
dotnet build -c Release -v q -nologo "$root/bench/Switchyard.Soak" >&2   # also builds the JIT CLI
cli="$aot_bin"; [ "$kind" = jit ] && cli="$dll"
echo "soak: switchyard = $cli ($kind), $(nproc) cores, open files $(ulimit -n), $(date -u +%FT%TZ), commit $(git -C "$root" rev-parse --short HEAD)" >&2

run() { echo "\$ bench/soak.sh $1   # $2"; shift 2; "$soak" "$@"; }
rc=0
case "$what" in
  reloads|all) run reloads "RELOADS=${RELOADS:-1000}" reloads --cli "$cli" --reloads "${RELOADS:-1000}" || rc=1 ;;&
  fuzz|all) run fuzz "FUZZ_DOCS=${FUZZ_DOCS:-1000000}" fuzz --docs "${FUZZ_DOCS:-1000000}" --seed "${FUZZ_SEED:-1}" || rc=1 ;;&
  backend-kill|all) run backend-kill "KILL_DURATION=${KILL_DURATION:-30m}" backend-kill --cli "$cli" --duration "${KILL_DURATION:-30m}" --kill-every "${KILL_EVERY:-1s}" || rc=1 ;;&
  hostile|all) run hostile "IDLE=${IDLE:-20000} SLOWLORIS=${SLOWLORIS:-500} HOSTILE_DURATION=${HOSTILE_DURATION:-2m}" hostile --cli "$cli" --idle "${IDLE:-20000}" --slowloris "${SLOWLORIS:-500}" --duration "${HOSTILE_DURATION:-2m}" || rc=1 ;;
esac
exit $rc
