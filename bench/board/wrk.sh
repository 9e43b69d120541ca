#!/usr/bin/env bash
# The board's HTTP throughput under wrk: starts the real `serve` program (server/target/topowatch.jar,
# the launcher's JVM flags) on a generated topology of ENTITIES `tcp` entities checked every 10 s
# (their target is the board's own port), waits for every entity to be checked and the diagram to be
# laid out, then runs `wrk -t2 -c8 -d20s --latency` against four endpoints and stops the board.
#   bench/board/wrk.sh [ENTITIES] [PORT]        (defaults 1000 18090; needs wrk: apt-get install wrk)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
entities=${1:-1000}
port=${2:-18090}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
dir=$(mktemp -d)
trap 'kill "$board" 2>/dev/null; wait "$board" 2>/dev/null; rm -rf "$dir"' EXIT

{
  echo "board:"
  echo "  title: wrk $entities"
  echo "  listen: 127.0.0.1:$port"
  echo "defaults:"
  echo "  interval: 10s"
  echo "  timeout: 5s"
  echo "entities:"
  for ((i = 0; i < entities; i++)); do
    printf '  e%d:\n    type: tcp\n    host: 127.0.0.1\n    port: %d\n' "$i" "$port"
  done
} > "$dir/topology.yaml"

"$java" -XX:+UseSerialGC -Xss512k -XX:MaxRAMPercentage=25 -jar "$root/server/target/topowatch.jar" \
  serve "$dir/topology.yaml" > "$dir/board.log" 2>&1 &
board=$!
for _ in $(seq 60); do curl -fs -o /dev/null "http://127.0.0.1:$port/api/summary" && break; sleep 1; done
sleep 30   # every entity checked at least twice, the diagram laid out
curl -fs -o /dev/null "http://127.0.0.1:$port/diagram.svg"
echo "$(curl -fs "http://127.0.0.1:$port/api/entities" | wc -c) bytes per /api/entities"

for path in /api/entities/e$((entities / 2)) /api/entities /diagram.svg /api/summary; do
  if ! kill -0 "$board" 2>/dev/null; then echo "the board exited:" >&2; tail -20 "$dir/board.log" >&2; exit 1; fi
  echo "== GET $path"
  wrk -t2 -c8 -d20s --latency "http://127.0.0.1:$port$path" | grep -E 'Requests/sec|Transfer/sec|^ +(50|99)%|Non-2xx|errors'
done
