#!/usr/bin/env bash
# rss-loop.sh - quick memory + warm-up comparison of proxies, one at a time, in one sitting.
# Not the harness (../shared/bench/run.sh is): a shorter loop to compare builds of the candidate
# with plain YARP. Per target: start it pinned to CPU 1, run WINDOWS windows of wrk -t1 -c64
# (pinned to CPU 0 with the backends), print req/s per window (the warm-up curve) and VmRSS
# (summed over the process group) after the last window, then stop it.
#   bench/rss-loop.sh 'yarp' 'aot:bench/candidate.sh' 'jit:SWITCHYARD_BUILD=jit bench/candidate.sh'
# Each argument: NAME:CMD, or 'yarp' for /tmp/yarp-min (see ../shared/bench/setup.sh).
# Ports 28081-28084/28091-28094 (backends) and 25001 (proxy), away from run.sh's defaults.
set -euo pipefail
WINDOWS=${WINDOWS:-6}; WINDOW_S=${WINDOW_S:-10}; CONNS=${CONNS:-64}; PORT=${PORT:-25001}
root="$(cd "$(dirname "$0")/.." && pwd)"
tmp=$(mktemp -d /tmp/rssloop.XXXXXX)
pgs=()
cleanup() { for pg in "${pgs[@]}"; do kill -TERM -- "-$pg" 2>/dev/null || true; done; sleep 1; rm -rf "$tmp"; }
trap cleanup EXIT

v1=(28081 28082 28083 28084); v2=(28091 28092 28093 28094)
{
  echo "worker_processes 1; daemon off; pid $tmp/nginx.pid; error_log $tmp/error.log warn;"
  echo "events { worker_connections 8192; }"
  echo "http { access_log off; keepalive_requests 1000000; client_body_temp_path $tmp/cb; proxy_temp_path $tmp/px;"
  echo "  fastcgi_temp_path $tmp/fc; uwsgi_temp_path $tmp/uw; scgi_temp_path $tmp/sc;"
  for p in "${v1[@]}"; do echo "  server { listen 127.0.0.1:$p backlog=4096; location / { return 200 \"v1 pod $p\n\"; } }"; done
  for p in "${v2[@]}"; do echo "  server { listen 127.0.0.1:$p backlog=4096; location / { return 200 \"v2 pod $p\n\"; } }"; done
  echo "}"
} >"$tmp/nginx.conf"
setsid taskset -c 0 /usr/sbin/nginx -e "$tmp/error.log" -p "$tmp" -c "$tmp/nginx.conf" >/dev/null 2>&1 </dev/null &
pgs+=($!)
export BENCH_LISTEN_PORT=$PORT
export BENCH_V1_ENDPOINTS=$(printf '127.0.0.1:%s,' "${v1[@]}"); BENCH_V1_ENDPOINTS=${BENCH_V1_ENDPOINTS%,}
export BENCH_V2_ENDPOINTS=$(printf '127.0.0.1:%s,' "${v2[@]}"); BENCH_V2_ENDPOINTS=${BENCH_V2_ENDPOINTS%,}

yarp_cmd() {
  mkdir -p "$tmp/yarp"
  {
    echo "{ \"Urls\": \"http://127.0.0.1:$PORT\", \"Logging\": { \"LogLevel\": { \"Default\": \"Warning\" } },"
    echo '  "ReverseProxy": { "Routes": { "all": { "ClusterId": "mesh", "Match": { "Path": "{**catch-all}" } } },'
    echo '    "Clusters": { "mesh": { "LoadBalancingPolicy": "RoundRobin", "Destinations": {'
    local first=1 p
    for p in "${v1[@]}" "${v2[@]}"; do ((first)) || echo ','; first=0; printf '"d%s": { "Address": "http://127.0.0.1:%s/" }' "$p" "$p"; done
    echo '} } } } }'
  } >"$tmp/yarp/appsettings.json"
  echo "cd '$tmp/yarp' && exec dotnet /tmp/yarp-min/bin/Release/net10.0/yarp-min.dll"
}

group_rss_kb() { # sum of VmRSS over the process group
  local pg=$1 f s=0 r
  for f in /proc/[0-9]*/stat; do
    { read -r line <"$f"; } 2>/dev/null || continue
    rest=${line##*) }; read -r -a a <<<"$rest"
    [[ "${a[2]:-}" == "$pg" ]] || continue
    r=$(awk '/^VmRSS:/{print $2}' "${f%/stat}/status" 2>/dev/null || true); s=$((s + ${r:-0}))
  done
  echo "$s"
}

printf '%-12s %8s %s\n' target rss_MB "req/s per ${WINDOW_S}s window"
for t in "$@"; do
  if [[ "$t" == yarp ]]; then name=yarp; cmd=$(yarp_cmd); else name=${t%%:*}; cmd=${t#*:}; fi
  setsid taskset -c 1 bash -c "cd '$root' && $cmd" >"$tmp/$name.log" 2>&1 </dev/null &
  pg=$!; pgs+=("$pg")
  for _ in $(seq 600); do
    [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$PORT/" || true) == 200 ]] && break
    kill -0 "$pg" 2>/dev/null || { echo "$name exited:"; tail -5 "$tmp/$name.log"; continue 2; }
    sleep 0.2
  done
  rss0=$(group_rss_kb "$pg")
  rates=()
  for _ in $(seq "$WINDOWS"); do
    r=$(taskset -c 0 wrk -t1 -c"$CONNS" -d"${WINDOW_S}s" "http://127.0.0.1:$PORT/" 2>&1 | awk '/^Requests\/sec:/{printf "%.0f", $2}')
    rates+=("${r:-0}")
  done
  rss=$(group_rss_kb "$pg")
  printf '%-12s %8.1f %s   (idle after start: %.1f MB)\n' "$name" "$(echo "$rss/1024" | bc -l)" "${rates[*]}" "$(echo "$rss0/1024" | bc -l)"
  kill -TERM -- "-$pg" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 -- "-$pg" 2>/dev/null || break; sleep 0.1; done
  kill -KILL -- "-$pg" 2>/dev/null || true
done
