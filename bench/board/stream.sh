#!/usr/bin/env bash
# SSE latency: starts the real `serve` program on a one-entity topology ("web", an `api` check every
# 1 s with failure_threshold 1 against StreamLatency's own target), then runs StreamLatency: the
# target answers 503, and the time from the first 503 answered to the SSE update showing "web" down
# is measured, ROUNDS times.
#   bench/board/stream.sh [ROUNDS] [BOARD_PORT] [TARGET_PORT]     (defaults 10 18080 18081)
# Needs bench/board/cp.txt (see bench/README.md).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
rounds=${1:-10}
port=${2:-18080}
target=${3:-18081}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
dir=$(mktemp -d)
trap 'kill "$board" 2>/dev/null; wait "$board" 2>/dev/null; rm -rf "$dir"' EXIT

cat > "$dir/topology.yaml" <<YAML
board:
  title: stream latency
  listen: 127.0.0.1:$port
entities:
  web:
    type: api
    url: http://127.0.0.1:$target/health
    interval: 1s
    timeout: 900ms
    failure_threshold: 1
    success_threshold: 1
YAML

"$java" -XX:+UseSerialGC -Xss512k -XX:MaxRAMPercentage=25 -jar "$root/server/target/topowatch.jar" \
  serve "$dir/topology.yaml" > "$dir/board.log" 2>&1 &
board=$!
for _ in $(seq 60); do curl -fs -o /dev/null "http://127.0.0.1:$port/api/summary" && break; sleep 1; done
"$java" -cp "$root/bench/board/target/classes:$(cat "$root/bench/board/cp.txt")" \
  dev.topowatch.bench.board.StreamLatency "$port" "$target" "$rounds" 2>/dev/null
