#!/usr/bin/env bash
# Size and load time of the staff web app (issue 12's goals: first load ≤ 450 kB gzip, each plugin page ≤ 50 kB gzip,
# the desk usable within 1.5 s of opening), measured in Debian's headless Chromium by webtests/browser/web-size.mjs.
#
#   karaf-distribution/benchmarks/web-size.sh [--url http://127.0.0.1:8181] [--port 8281] [--loads 7] [ARCHIVE]
#
# With --url it measures that running platform (demo accounts advisor and admin). Without, it unpacks the assembled
# distribution (ARCHIVE, default karaf-distribution/assembly/target/opendms-*.tar.gz) into a fresh folder with its
# HTTP on --port (SSH and RMI on the three ports after it), starts it, measures, and stops it. Exit status: 0 when every
# goal is met, 1 when one is missed, 2 when the platform or the tools are missing.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
scripts="$root/karaf-distribution/webtests/browser"
url=""; port=8281; loads=7; archive=""
while [ $# -gt 0 ]; do
    case "$1" in
        --url) url=$2; shift 2 ;;
        --port) port=$2; shift 2 ;;
        --loads) loads=$2; shift 2 ;;
        -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
        *) archive=$1; shift ;;
    esac
done
command -v node >/dev/null && [ -x "${DMS_CHROMIUM:-/usr/bin/chromium}" ] \
    || { echo "needs Node 20 and Chromium (Debian: apt-get install chromium fonts-noto-cjk)" >&2; exit 2; }
[ -d "$scripts/node_modules/playwright-core" ] || (cd "$scripts" && npm ci --no-audit --no-fund >/dev/null)

home=""
stop() { # bin/stop, then wait for the JVM to go before its folder is removed
    [ -n "$home" ] || return 0
    "$home/bin/stop" >/dev/null 2>&1 || true
    for _ in $(seq 120); do pgrep -f -- "-Dkaraf.home=$home " >/dev/null || break; sleep 0.5; done
}
if [ -z "$url" ]; then
    [ -n "$archive" ] || archive=$(ls "$root"/karaf-distribution/assembly/target/*.tar.gz 2>/dev/null | head -1 || true)
    [ -f "$archive" ] || { echo "no distribution archive (run mvn install first): $archive" >&2; exit 2; }
    work=$(mktemp -d /tmp/opendms-web-size.XXXXXX)
    tar -xzf "$archive" -C "$work" --strip-components=1
    home=$work
    # SSH and RMI next to the HTTP port, out of the way of a platform on the default ports
    sed -i "s/^org.osgi.service.http.port *=.*/org.osgi.service.http.port = $port/" "$home/etc/org.ops4j.pax.web.cfg"
    sed -i "s/^sshPort *=.*/sshPort = $((port + 1))/" "$home/etc/org.apache.karaf.shell.cfg"
    sed -i -e "s/^rmiRegistryPort *=.*/rmiRegistryPort = $((port + 2))/" \
           -e "s/^rmiServerPort *=.*/rmiServerPort = $((port + 3))/" "$home/etc/org.apache.karaf.management.cfg"
    unset DMS_DEALER_HOME EXTRA_JAVA_OPTS
    url="http://127.0.0.1:$port"
    trap 'stop; rm -rf "$work"' EXIT
    "$home/bin/start"
    echo "distribution: $archive (unpacked in $work), $url"
    for _ in $(seq 720); do curl -s --max-time 5 "$url/api/health" | grep -q '"UP"' && break; sleep 0.25; done
    # slowly: the staff accounts may be imported after health says UP, and failed logins count towards the lockout
    for _ in $(seq 90); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' -u advisor:demo "$url/api/customers?size=1")" = 200 ] && break
        sleep 2
    done
fi
cd "$scripts"
node web-size.mjs --url "$url" --loads "$loads"
