#!/usr/bin/env bash
# Load test of the board room (docs/board-room.md): 20 clients for 30 s on localhost against
# `symbiosis serve Scenarios/tiny.yaml`, each its own session, asking evaluations of 12 fee
# values (the first of each is solved, later ones come from the cache) mixed with page loads.
# Reports requests, errors (anything but HTTP 200) and the server's RSS before and after.
# Bounded: it stops by itself after DURATION seconds; traffic goes to 127.0.0.1 only.
# Usage: Benchmarks/serve-load.sh [path/to/symbiosis] [CLIENTS] [DURATION]
set -euo pipefail
cd "$(dirname "$0")/.."
binary="${1:-.build/debug/symbiosis}"; clients="${2:-20}"; duration="${3:-30}"
work="$(mktemp -d)"
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
SYMBIOSIS_HISTORY="$work/history.sqlite" "$binary" serve Scenarios/tiny.yaml --port 0 --output "$work/out" >"$work/url" 2>"$work/log" &
pid=$!
for _ in $(seq 1 600); do grep -q http "$work/url" 2>/dev/null && break; sleep 0.1; done
url="$(grep -o 'http://[^ ]*' "$work/url")"
rss() { awk '/VmRSS/ {print $2 " kB"}' "/proc/$pid/status"; }
# Warm up: the first page's calls, so that "before" is a server that has served.
curl -sf "$url" >/dev/null && curl -sf "${url}api/park" >/dev/null
echo "server $url, RSS before: $(rss)"
status=0
python3 - "$url" "$clients" "$duration" <<'PY' || status=$?
import json, sys, threading, time, urllib.request, urllib.error, random
url, clients, duration = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
fees = [2.5 * i for i in range(12)]
lock = threading.Lock(); counts = {"requests": 0, "errors": 0, "solved": 0, "cached": 0}; errors = {}; latencies = []
def client(i):
    rng = random.Random(i); end = time.monotonic() + duration
    while time.monotonic() < end:
        try:
            if rng.random() < 0.2:
                urllib.request.urlopen(url + rng.choice(["", "board.js", "api/park", "api/labels?lang=vi"]), timeout=120).read()
                kind = None
            else:
                body = json.dumps({"policies": [], "overrides": {"resources.fly_ash.disposal_cost": rng.choice(fees)},
                                   "session": f"client-{i}", "samples": 16}).encode()
                t = time.monotonic()
                reply = json.load(urllib.request.urlopen(urllib.request.Request(url + "api/evaluate", body, {"Content-Type": "application/json"}), timeout=120))
                kind = "cached" if reply["cached"] else "solved"
                with lock: latencies.append(time.monotonic() - t)
            with lock:
                counts["requests"] += 1
                if kind: counts[kind] += 1
        except Exception as e:
            with lock:
                counts["requests"] += 1; counts["errors"] += 1; errors[str(e)] = errors.get(str(e), 0) + 1
threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
for t in threads: t.start()
for t in threads: t.join()
latencies.sort()
p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] if latencies else float("nan")
print(f"{clients} clients, {duration:.0f} s: {counts['requests']} requests ({counts['requests'] / duration:.0f}/s), "
      f"{counts['errors']} errors, evaluations {counts['solved']} solved + {counts['cached']} cached, "
      f"latency p50 {1000 * p(0.5):.0f} ms, p99 {1000 * p(0.99):.0f} ms")
for e, n in errors.items(): print(f"  error x{n}: {e}")
sys.exit(1 if counts["errors"] else 0)
PY
echo "RSS after: $(rss)"
exit $status
