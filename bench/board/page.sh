#!/usr/bin/env bash
# How soon the page of a large board is usable: nginx (Debian's nginx-light) on 127.0.0.1 as the
# healthy target of a GeneratedTopology of ENTITIES (servers of eight, two roots down), the real
# `serve` program (server/target/topowatch.jar, the launcher's JVM flags) on it, then PageLoad in
# headless Chromium at 1400x900, LOADS times. Run as root (nginx), after `./mvnw -q install -DskipTests`
# and `cd bench/board && ../../mvnw -q compile dependency:build-classpath -Dmdep.outputFile=cp.txt`.
#   bench/board/page.sh [ENTITIES] [LOADS] [SETTLE_SECONDS]      (defaults 10000 5 90)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
entities=${1:-10000}
loads=${2:-5}
settle=${3:-90}
board_port=18091
target_port=18092
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
cp="$root/bench/board/target/classes:$(cat "$root/bench/board/cp.txt")"
dir=$(mktemp -d)
cat > "$dir/nginx.conf" <<NGINX
worker_processes 1;
worker_rlimit_nofile 65000;
pid $dir/nginx.pid;
error_log $dir/nginx-error.log;
events { worker_connections 16000; }
http {
  access_log off;
  server { listen 127.0.0.1:$target_port backlog=4096; return 200; }
}
NGINX
nginx -c "$dir/nginx.conf"
trap 'kill "$board" 2>/dev/null || true; wait "$board" 2>/dev/null || true; nginx -c "$dir/nginx.conf" -s stop || true; rm -rf "$dir"' EXIT

"$java" -cp "$cp" dev.topowatch.bench.board.GenerateTopology "$entities" "$target_port" "$board_port" 20s > "$dir/topology.yaml"
"$root/topowatch" serve "$dir/topology.yaml" > "$dir/board.log" 2>&1 &
board=$!
for _ in $(seq 120); do curl -fs -o /dev/null "http://127.0.0.1:$board_port/api/summary" && break; sleep 1; done
echo "board up; letting it check for ${settle}s"
sleep "$settle"
curl -fs "http://127.0.0.1:$board_port/api/summary" | head -c 300; echo
echo "$(curl -fs "http://127.0.0.1:$board_port/diagram.svg?width=1400&height=850" | wc -c) bytes of overview SVG"
"$java" -cp "$cp" dev.topowatch.bench.board.PageLoad "http://127.0.0.1:$board_port/" "$loads"
