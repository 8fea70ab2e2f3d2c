#!/usr/bin/env bash
# Hot-update benchmark: updates a plugin of a running OpenDMS platform to a newer version while client threads send
# requests, and reports requests sent and failed on core and plugin endpoints, the time the plugin's endpoints were
# away, the update call's duration and the plugin version before and after. See README.md next to this script.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
URL=http://127.0.0.1:8181
DIST_HOME=$SCRIPT_DIR/../assembly/target/assembly
PLUGIN=insurance
REPOSITORY=
WORK_DIR=
NEW_VERSION=
ADMIN=admin:demo
WAIT_HEALTH=60
REVERT=0
LOAD_ARGS=()
POSITIONAL=()

usage() {
    cat <<EOF
Usage: $(basename "$0") [options] [URL [HOME [PLUGIN [REPOSITORY]]]] [-- load options]

Hot-updates PLUGIN of the platform running at URL while requests flow, and reports what the clients saw.
Without REPOSITORY a newer version is made from the plugin's jars in HOME/system: same classes, a new
Bundle-Version, and a features.xml naming them (kept in a temporary folder, printed below).

  --url URL             base URL of the running platform (default $URL)
  --home DIR            the distribution's home directory (default karaf-distribution/assembly/target/assembly)
  --plugin ID           plugin id (default $PLUGIN)
  --repository URI      an existing feature repository of a newer version (file:/…, mvn:…, http(s):…, or a
                        path to a features.xml); HOME is then not used
  --new-version V       version of the made-up new version (default major.minor.(micro+1).bench<UTC time>
                        of the running version)
  --work-dir DIR        where to put the made-up version (default: a new folder in the dealer home's plugins/,
                        the place plugin repositories may come from by default)
  --admin USER:PASS     admin account for the plugin manager (default $ADMIN)
  --wait-health S       seconds to wait for /api/health to answer (default $WAIT_HEALTH)
  --revert              afterwards, update the plugin back to the repository it came from (without it the
                        platform keeps running the new version, from the folder printed below)
  -h, --help            this text

Everything after -- goes to the load program (java HotUpdateLoad.java --help lists it), e.g.
  $(basename "$0") -- --core-threads 8 --warmup 5 --after 10

Exit status: that of the load program: 0 pass, 1 a core request failed or the version did not change
(or the update failed, or the plugin did not come back), 2 not ready or bad arguments.
EOF
}

die() {
    echo "hot-update: $*" >&2
    exit 2
}

while [[ $# -gt 0 ]]; do
    case $1 in
        -h | --help) usage; exit 0 ;;
        --url) URL=${2:?--url needs a value}; shift 2 ;;
        --home) DIST_HOME=${2:?--home needs a value}; shift 2 ;;
        --plugin) PLUGIN=${2:?--plugin needs a value}; shift 2 ;;
        --repository) REPOSITORY=${2:?--repository needs a value}; shift 2 ;;
        --new-version) NEW_VERSION=${2:?--new-version needs a value}; shift 2 ;;
        --work-dir) WORK_DIR=${2:?--work-dir needs a value}; shift 2 ;;
        --admin) ADMIN=${2:?--admin needs a value}; shift 2 ;;
        --wait-health) WAIT_HEALTH=${2:?--wait-health needs a value}; shift 2 ;;
        --revert) REVERT=1; shift ;;
        --) shift; LOAD_ARGS=("$@"); break ;;
        -*) die "unknown option $1 (try --help)" ;;
        *) POSITIONAL+=("$1"); shift ;;
    esac
done
[[ ${#POSITIONAL[@]} -le 4 ]] || die "too many arguments: ${POSITIONAL[*]} (try --help)"
[[ ${#POSITIONAL[@]} -ge 1 ]] && URL=${POSITIONAL[0]}
[[ ${#POSITIONAL[@]} -ge 2 ]] && DIST_HOME=${POSITIONAL[1]}
[[ ${#POSITIONAL[@]} -ge 3 ]] && PLUGIN=${POSITIONAL[2]}
[[ ${#POSITIONAL[@]} -ge 4 ]] && REPOSITORY=${POSITIONAL[3]}
URL=${URL%/}
[[ $PLUGIN =~ ^[a-z][a-z0-9-]*$ ]] || die "not a plugin id: $PLUGIN"
[[ $WAIT_HEALTH =~ ^[0-9]+$ ]] || die "--wait-health takes whole seconds, not $WAIT_HEALTH"
command -v java >/dev/null || die "java (JDK 17) is not on the PATH"

LOAD=(java "$SCRIPT_DIR/HotUpdateLoad.java")

# ---------------------------------------------------------------- the platform answers

if command -v curl >/dev/null; then
    waited=0
    until curl -fs -o /dev/null --max-time 5 "$URL/api/health"; do
        if ((waited >= WAIT_HEALTH)); then
            die "$URL/api/health does not answer after ${WAIT_HEALTH}s; start the platform first (bin/start)"
        fi
        sleep 1
        waited=$((waited + 1))
    done
fi

# ---------------------------------------------------------------- manifest helpers

# The main attributes of a jar's manifest, continuation lines joined, one "Name: value" a line.
manifest() {
    local jar=$1 tmp
    tmp=$(mktemp -d)
    (cd "$tmp" && jar xf "$jar" META-INF/MANIFEST.MF) || { rm -rf "$tmp"; return 1; }
    # bytes, not characters: a manifest line may end in the middle of a UTF-8 character
    tr -d '\r' <"$tmp/META-INF/MANIFEST.MF" | LC_ALL=C awk '
        /^$/ { exit }                                   # end of the main section
        /^ / { line = line substr($0, 2); next }        # continuation line
        { if (line != "") print line; line = $0 }
        END { if (line != "") print line }'
    rm -rf "$tmp"
}

# One attribute of a manifest (given on stdin); several lines if it is (wrongly) there several times.
attribute() {
    awk -v name="$1" 'index($0, name ": ") == 1 { print substr($0, length(name) + 3) }'
}

xml_escape() {
    printf '%s' "$1" | sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's/"/\&quot;/g'
}

# ---------------------------------------------------------------- a newer version, unless given

# what runs now
status=$("${LOAD[@]}" --status --url "$URL" --plugin "$PLUGIN" --admin "$ADMIN") ||
    die "cannot read the plugin's status from $URL/api/plugins/$PLUGIN"
current=$(sed -n 's/^version=//p' <<<"$status")
title=$(sed -n 's/^title=//p' <<<"$status")
origin=$(sed -n 's/^repository=//p' <<<"$status")
mapfile -t running < <(sed -n 's/^bundle=//p' <<<"$status")
[[ -n $current ]] || die "plugin $PLUGIN reports no version"
if ((REVERT)); then
    command -v curl >/dev/null || die "--revert needs curl"
    [[ -n $origin && $origin != *[\"\\]* ]] || die "cannot revert: the plugin names no usable repository ('$origin')"
fi

EXPECT=()
if [[ -n $REPOSITORY ]]; then
    if [[ ! $REPOSITORY =~ ^(file|mvn|https?): ]]; then
        [[ -f $REPOSITORY ]] || die "no such feature repository: $REPOSITORY"
        REPOSITORY=file:$(cd "$(dirname "$REPOSITORY")" && pwd)/$(basename "$REPOSITORY")
    fi
else
    command -v jar >/dev/null || die "the JDK's jar tool is not on the PATH"
    [[ -d $DIST_HOME/system ]] || die "$DIST_HOME is not a distribution home (no system/ folder); give --home"
    DIST_HOME=$(cd "$DIST_HOME" && pwd)

    if [[ -z $NEW_VERSION ]]; then
        [[ $current =~ ^([0-9]+)(\.([0-9]+))?(\.([0-9]+))? ]] || die "cannot read the version $current"
        NEW_VERSION=${BASH_REMATCH[1]}.${BASH_REMATCH[3]:-0}.$((${BASH_REMATCH[5]:-0} + 1)).bench$(date -u +%Y%m%d%H%M%S)
    fi
    [[ $NEW_VERSION =~ ^[0-9]+\.[0-9]+\.[0-9]+(\.[A-Za-z0-9_-]+)?$ ]] ||
        die "not an OSGi version major.minor.micro[.qualifier]: $NEW_VERSION"

    # the jars of the running bundles, found in system/ by symbolic name (the running version preferred)
    jars=()
    if ((${#running[@]} == 0)); then
        echo "hot-update: the plugin lists no bundles; taking system/org/opendms/org.opendms.plugin.$PLUGIN.*" >&2
        for dir in "$DIST_HOME"/system/org/opendms/org.opendms.plugin."$PLUGIN".*/; do
            [[ -d $dir ]] && running+=("$(basename "$dir") ? ?")
        done
    fi
    for line in "${running[@]}"; do
        read -r bsn bversion _ <<<"$line"
        best= bestVersion=
        while IFS= read -r -d '' candidate; do
            mf=$(manifest "$candidate") || continue
            [[ $(attribute Bundle-SymbolicName <<<"$mf" | cut -d';' -f1 | tr -d ' ') == "$bsn" ]] || continue
            v=$(attribute Bundle-Version <<<"$mf")
            if [[ $v == "$bversion" ]]; then
                best=$candidate bestVersion=$v
                break
            fi
            if [[ -z $best ]] || [[ $(printf '%s\n%s\n' "$bestVersion" "$v" | sort -V | tail -1) == "$v" ]]; then
                best=$candidate bestVersion=$v
            fi
        done < <(find "$DIST_HOME/system" -type d -name "$bsn" -exec find {} -name '*.jar' \
            ! -name '*-sources.jar' ! -name '*-javadoc.jar' -print0 \;)
        [[ -n $best ]] || die "no jar of bundle $bsn under $DIST_HOME/system; give --repository instead"
        jars+=("$best")
    done
    ((${#jars[@]} > 0)) || die "found no bundle of plugin $PLUGIN"

    # the new version: the same jars with a new Bundle-Version
    if [[ -z $WORK_DIR ]]; then
        # inside the dealer home's plugins/ folder: the one file: place a plugin repository may come from by
        # default (etc/org.opendms.plugin.repositories.cfg)
        PLUGINS_DIR=${DMS_DEALER_HOME:-$DIST_HOME/dealer}/plugins
        mkdir -p "$PLUGINS_DIR"
        WORK_DIR=$(mktemp -d "$PLUGINS_DIR/hot-update.XXXXXX")
    else
        mkdir -p "$WORK_DIR"
    fi
    WORK_DIR=$(cd "$WORK_DIR" && pwd)
    [[ $WORK_DIR =~ ^[A-Za-z0-9/._+-]+$ ]] || die "the work folder's path must not need URL escaping: $WORK_DIR"
    printf 'Bundle-Version: %s\n' "$NEW_VERSION" >"$WORK_DIR/bundle-version.mf"
    bundles_xml=
    echo "Making version $NEW_VERSION of plugin $PLUGIN (running: $current) in $WORK_DIR"
    for jar in "${jars[@]}"; do
        mf=$(manifest "$jar")
        bsn=$(attribute Bundle-SymbolicName <<<"$mf" | cut -d';' -f1 | tr -d ' ')
        if [[ $(attribute DMS-Plugin <<<"$mf" | tr -d ' ') != "$PLUGIN" ]]; then
            # not one of the plugin's own bundles (a library its feature lists): taken as it is
            echo "  $bsn $(attribute Bundle-Version <<<"$mf") (no DMS-Plugin: $PLUGIN header, kept as it is)"
            bundles_xml+="    <bundle>file:$(xml_escape "$jar")</bundle>"$'\n'
            continue
        fi
        out=$WORK_DIR/$bsn-$NEW_VERSION.jar
        cp "$jar" "$out"
        chmod u+w "$out"
        # jar merges the given manifest into the jar's: Bundle-Version is replaced (it warns "Duplicate name")
        if ! jar --update --file "$out" --manifest "$WORK_DIR/bundle-version.mf" 2>"$WORK_DIR/jar.err"; then
            cat "$WORK_DIR/jar.err" >&2
            die "jar --update failed on $out"
        fi
        versions=$(manifest "$out" | attribute Bundle-Version)
        [[ $versions == "$NEW_VERSION" ]] ||
            die "Bundle-Version of $out is now '$(tr '\n' ' ' <<<"$versions")', not $NEW_VERSION alone"
        if ! diff <(grep -v '^Bundle-Version: ' <<<"$mf" | LC_ALL=C sort) \
            <(manifest "$out" | grep -v '^Bundle-Version: ' | LC_ALL=C sort) >"$WORK_DIR/manifest.diff"; then
            cat "$WORK_DIR/manifest.diff" >&2
            die "jar --update changed more than Bundle-Version in $out"
        fi
        echo "  $bsn $(attribute Bundle-Version <<<"$mf") -> $NEW_VERSION  ($(basename "$jar"))"
        bundles_xml+="    <bundle>file:$out</bundle>"$'\n'
    done
    rm -f "$WORK_DIR/jar.err" "$WORK_DIR/manifest.diff" "$WORK_DIR/bundle-version.mf"

    cat >"$WORK_DIR/features.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<!-- Made by karaf-distribution/benchmarks/hot-update.sh from the jars in $(xml_escape "$DIST_HOME")/system:
     plugin $PLUGIN with the same classes as $(xml_escape "$current") under the new version $NEW_VERSION. -->
<features name="opendms-plugin-$PLUGIN-$NEW_VERSION" xmlns="http://karaf.apache.org/xmlns/features/v1.6.0">
  <feature name="dms-plugin-$PLUGIN" version="$NEW_VERSION" description="$(xml_escape "${title:-$PLUGIN}")">
    <feature>dms-core</feature>
${bundles_xml}  </feature>
</features>
EOF
    REPOSITORY=file:$WORK_DIR/features.xml
    EXPECT=(--expect-version "$NEW_VERSION")
    echo "Feature repository $REPOSITORY"
    if ((!REVERT)); then
        echo "(keep this folder while the platform runs that version: the dealer profile will point at it)"
    fi
    echo
fi
[[ $REPOSITORY != *[\"\\]* ]] || die "a repository address with quotes or backslashes is not supported: $REPOSITORY"

result=0
"${LOAD[@]}" --url "$URL" --plugin "$PLUGIN" --admin "$ADMIN" --repository "$REPOSITORY" \
    ${EXPECT[@]+"${EXPECT[@]}"} ${LOAD_ARGS[@]+"${LOAD_ARGS[@]}"} || result=$?

if ((REVERT)); then
    echo
    echo "Reverting plugin $PLUGIN to $origin (it ran $current before the benchmark)"
    if answer=$(curl -sS --max-time 600 -u "$ADMIN" -H 'Content-Type: application/json' -H 'Accept: application/json' \
        -w '\nHTTP %{http_code}' -d "{\"repository\":\"$origin\"}" "$URL/api/plugins/$PLUGIN/update"); then
        echo "$answer" | tail -1
        if [[ $(tail -1 <<<"$answer") != "HTTP 200" ]]; then
            echo "$answer" | head -n -1 >&2
            echo "hot-update: the revert failed; the platform still runs the benchmark's version" >&2
            ((result != 0)) || result=1
        else
            "${LOAD[@]}" --status --url "$URL" --plugin "$PLUGIN" --admin "$ADMIN" | grep -E '^(version|state)=' || true
        fi
    else
        echo "hot-update: the revert call failed" >&2
        ((result != 0)) || result=1
    fi
elif [[ -n $WORK_DIR ]]; then
    echo
    echo "The platform now runs plugin $PLUGIN from $WORK_DIR. Back to where it came from:"
    echo "  curl -u ADMIN:PASSWORD -H 'Content-Type: application/json' -d '{\"repository\":\"$origin\"}' $URL/api/plugins/$PLUGIN/update"
fi
exit "$result"
