#!/usr/bin/env bash
# What one authenticated request costs (issue 11 item 3): throughput and CPU of the Karaf JVM per request for
# GET /api/vehicles/{id} and GET /api/permissions, with HTTP Basic (as scripts send it) and, when the platform has
# it, with the web app's session cookie. Not a test: it prints figures.
#
# Unpacks the distribution into a fresh folder, starts it on embedded Derby, adds one customer and vehicle, warms
# up (30 s), then runs wrk (Debian package `wrk`) for each case and reads the JVM's CPU time (utime+stime from
# /proc/PID/stat) before and after: CPU ms per request = CPU time used / requests answered. Stops the platform.
#
#   karaf-distribution/benchmarks/request-cost.sh [ARCHIVE] [--port 8181] [--seconds 20] [--connections 4]
#
# ARCHIVE defaults to karaf-distribution/assembly/target/opendms-*.tar.gz. Run it on an otherwise quiet machine:
# wrk and the platform share the cores, and other load shows up in req/s (less so in CPU ms per request).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
archive=""
port=8181
seconds=20
connections=4
while [ $# -gt 0 ]; do
    case "$1" in
        --port) port=$2; shift 2 ;;
        --seconds) seconds=$2; shift 2 ;;
        --connections) connections=$2; shift 2 ;;
        -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
        *) archive=$1; shift ;;
    esac
done
if [ -z "$archive" ]; then
    archive=$(ls "$root"/karaf-distribution/assembly/target/*.tar.gz 2>/dev/null | head -1 || true)
fi
[ -f "$archive" ] || { echo "no distribution archive (run mvn install first): $archive" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 2; }

work=$(mktemp -d /tmp/opendms-cost.XXXXXX)
tar -xzf "$archive" -C "$work"
home=$(ls -d "$work"/*/ | head -1)
home=${home%/}
off=$((port - 8181))
sed -i "s/^org.osgi.service.http.port *=.*/org.osgi.service.http.port = $port/" "$home/etc/org.ops4j.pax.web.cfg"
sed -i "s/^sshPort *=.*/sshPort = $((8101 + off))/" "$home/etc/org.apache.karaf.shell.cfg"
sed -i -e "s/^rmiRegistryPort *=.*/rmiRegistryPort = $((1099 + off))/" \
       -e "s/^rmiServerPort *=.*/rmiServerPort = $((44444 + off))/" "$home/etc/org.apache.karaf.management.cfg"
unset DMS_DEALER_HOME EXTRA_JAVA_OPTS
base="http://127.0.0.1:$port/api"
basic="Authorization: Basic $(printf 'advisor:demo' | base64)"

karaf_pid() { pgrep -f -- "-Dkaraf.home=$home " | head -1 || true; }
stop() { "$home/bin/stop" || true; while [ -n "$(karaf_pid)" ]; do sleep 0.5; done; rm -rf "$work"; }
trap stop EXIT

"$home/bin/start"
until curl -s --max-time 5 "$base/health" | grep -q '"UP"'; do sleep 0.5; done
# health may be UP before the staff accounts are imported: log in slowly (failed logins count towards the lock-out)
until [ "$(curl -s -o /dev/null -w '%{http_code}' -H "$basic" "$base/vehicles?size=1")" = 200 ]; do sleep 2; done
customer=$(curl -s -H "$basic" -H 'Content-Type: application/json' "$base/customers" \
    -d '{"type":"PERSON","name":"压测","mobile":"13800001111"}' | sed -E 's/.*"id":([0-9]+).*/\1/')
vehicle=$(curl -s -H "$basic" -H 'Content-Type: application/json' "$base/vehicles" \
    -d '{"vin":"LSVAU2A34N2183294","plate":"京A·54321","make":"大众","model":"帕萨特","year":2022,"energyType":"PETROL","ownerId":'"$customer"'}' \
    | sed -E 's/^\{"id":([0-9]+).*/\1/')
cookie=""
if [ "$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' "$base/session" \
        -d '{"login":"advisor","password":"demo"}' -c "$work/cookies")" = 200 ]; then
    cookie="Cookie: DMS_SESSION=$(awk '$6=="DMS_SESSION"{print $7}' "$work/cookies")"
fi
pid=$(karaf_pid)
cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; } # clock ticks
hz=$(getconf CLK_TCK)

measure() { # label header path
    local label=$1 header=$2 path=$3 before after out requests rps
    wrk -t2 -c"$connections" -d5s -H "$header" "$base/$path" >/dev/null # warm-up
    before=$(cpu)
    out=$(wrk -t2 -c"$connections" -d"${seconds}s" -H "$header" "$base/$path")
    after=$(cpu)
    requests=$(echo "$out" | awk '/requests in/{print $1}')
    rps=$(echo "$out" | awk '/Requests\/sec/{print $2}')
    if echo "$out" | grep -q 'Non-2xx'; then echo "$label: some answers were not 2xx:" >&2; echo "$out" >&2; exit 1; fi
    printf '%-34s %9s req/s  %6.3f ms CPU/request  (%s requests, p50 %s)\n' "$label" "$rps" \
        "$(awk "BEGIN{print ($after - $before) * 1000 / $hz / $requests}")" "$requests" \
        "$(echo "$out" | awk '/Latency/{print $2}')"
}

echo "distribution: $archive, wrk -t2 -c$connections -d${seconds}s, vehicle $vehicle"
# the first minute after a start is not typical (JIT, plugins catching up in the background): load it away
wrk -t2 -c"$connections" -d15s -H "$basic" "$base/vehicles/$vehicle" >/dev/null
wrk -t2 -c"$connections" -d15s -H "$basic" "$base/permissions" >/dev/null
measure "GET vehicles/{id}, HTTP Basic" "$basic" "vehicles/$vehicle"
[ -n "$cookie" ] && measure "GET vehicles/{id}, session cookie" "$cookie" "vehicles/$vehicle"
measure "GET permissions, HTTP Basic" "$basic" "permissions"
[ -n "$cookie" ] && measure "GET permissions, session cookie" "$cookie" "permissions"
measure "GET vehicles/{id}, HTTP Basic (again)" "$basic" "vehicles/$vehicle"
exit 0
