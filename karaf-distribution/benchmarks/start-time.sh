#!/usr/bin/env bash
# Start time and memory of the platform on an empty embedded Derby (issue 11's goals: a first start answers on every
# core endpoint within 12 s, a restart within 8 s, under 400 MB resident after start).
#
# Unpacks the assembled distribution into a fresh folder, starts it, polls every core endpoint (as advisor/admin)
# until each answers 2xx, prints the seconds from `bin/start` to the last endpoint answering, then the resident
# memory (RSS of the Karaf JVM) SETTLE seconds later; stops it and does the same once more (the restart: bundle
# cache, Derby database and Liquibase history already there). Not a test: it prints figures.
#
#   karaf-distribution/benchmarks/start-time.sh [ARCHIVE] [--port 8181] [--settle 15] [--timeout 180] [--keep]
#
# ARCHIVE defaults to karaf-distribution/assembly/target/opendms-*.tar.gz (built by `mvn install`).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
archive=""
port=8181
settle=15
timeout=180
keep=false
while [ $# -gt 0 ]; do
    case "$1" in
        --port) port=$2; shift 2 ;;
        --settle) settle=$2; shift 2 ;;
        --timeout) timeout=$2; shift 2 ;;
        --keep) keep=true; shift ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) archive=$1; shift ;;
    esac
done
if [ -z "$archive" ]; then
    archive=$(ls "$root"/karaf-distribution/assembly/target/*.tar.gz 2>/dev/null | head -1 || true)
fi
[ -f "$archive" ] || { echo "no distribution archive (run mvn install first): $archive" >&2; exit 2; }

work=$(mktemp -d /tmp/opendms-start.XXXXXX)
tar -xzf "$archive" -C "$work"
home=$(ls -d "$work"/*/ | head -1)
home=${home%/}
if [ "$port" != 8181 ]; then
    sed -i "s/^org.osgi.service.http.port *=.*/org.osgi.service.http.port = $port/" "$home/etc/org.ops4j.pax.web.cfg"
    # the SSH and RMI ports would collide with another platform on this machine: move them by the same offset
    off=$((port - 8181))
    sed -i "s/^sshPort *=.*/sshPort = $((8101 + off))/" "$home/etc/org.apache.karaf.shell.cfg"
    sed -i -e "s/^rmiRegistryPort *=.*/rmiRegistryPort = $((1099 + off))/" \
           -e "s/^rmiServerPort *=.*/rmiServerPort = $((44444 + off))/" "$home/etc/org.apache.karaf.management.cfg"
fi
unset DMS_DEALER_HOME EXTRA_JAVA_OPTS
base="http://127.0.0.1:$port/api"

# Every core endpoint a desk uses; each must answer 2xx.
endpoints=(
    "-:health"
    "advisor:customers?size=1" "advisor:vehicles?size=1" "advisor:work-orders?size=1" "advisor:appointments?size=1"
    "advisor:labour-operations" "advisor:follow-ups?size=1" "admin:staff" "advisor:skills"
    "advisor:technician-skills" "advisor:price-requests" "admin:plugins" "admin:audit?size=1"
    "admin:login-security/locks" "admin:permissions" "-:openapi.json"
)

karaf_pid() { pgrep -f -- "-Dkaraf.home=$home " | head -1 || true; }

answers() { # user:path -> 0 when 2xx
    local user=${1%%:*} path=${1#*:}
    local auth=()
    [ "$user" != "-" ] && auth=(-u "$user:demo")
    local code
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "${auth[@]}" "$base/$path" || true)
    [[ "$code" == 2* ]]
}

run() { # label
    local label=$1 start now pending pid rss
    start=$(date +%s.%N)
    "$home/bin/start"
    # health first, anonymously: polling with a password before the staff accounts exist counts as failed logins
    # and the login lockout would then hold the account for minutes
    until curl -s --max-time 5 "$base/health" | grep -q '"UP"'; do
        sleep 0.25
        now=$(date +%s.%N)
        if awk "BEGIN{exit !($now - $start > $timeout)}"; then
            echo "$label: /api/health not UP after $timeout s" >&2; "$home/bin/stop" || true; exit 1
        fi
    done
    # then one login, slowly: health may be UP before the staff accounts are imported, and a failed login counts
    # (3 slow the login down, 30 from one address lock it for 15 minutes: see etc/org.opendms.login.cfg)
    until answers "advisor:customers?size=1"; do
        sleep 2
        now=$(date +%s.%N)
        if awk "BEGIN{exit !($now - $start > $timeout)}"; then
            echo "$label: advisor cannot log in after $timeout s" >&2; "$home/bin/stop" || true; exit 1
        fi
    done
    pending=("${endpoints[@]}")
    while [ ${#pending[@]} -gt 0 ]; do
        local still=()
        for e in "${pending[@]}"; do answers "$e" || still+=("$e"); done
        pending=("${still[@]+"${still[@]}"}")
        now=$(date +%s.%N)
        if awk "BEGIN{exit !($now - $start > $timeout)}"; then
            echo "$label: endpoints still not answering after $timeout s: ${pending[*]}" >&2
            "$home/bin/stop" || true
            exit 1
        fi
        # a quarter second: these callers are logged in, so polling counts no failed logins
        [ ${#pending[@]} -gt 0 ] && sleep 0.25
    done
    now=$(date +%s.%N)
    local secs
    secs=$(awk "BEGIN{printf \"%.1f\", $now - $start}")
    sleep "$settle"
    pid=$(karaf_pid)
    rss=$(awk '/VmRSS/{printf "%d", $2/1024}' "/proc/$pid/status")
    # CPU the JVM spent until then and while settling (user + system, in clock ticks): unlike the seconds, it hardly
    # grows when other work shares the machine, so it compares starts measured at different loads
    cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$pid/stat")
    printf '%-12s every core endpoint answered after %5s s; %4s MB resident %s s later; %5s s of CPU; load %s\n' \
        "$label" "$secs" "$rss" "$settle" "$cpu" "$(cut -d' ' -f1-3 /proc/loadavg)"
    "$home/bin/stop"
    while [ -n "$(karaf_pid)" ]; do sleep 0.5; done
}

echo "distribution: $archive (unpacked in $work), port $port, ${#endpoints[@]} endpoints"
run "first start"
run "restart"
$keep || rm -rf "$work"
