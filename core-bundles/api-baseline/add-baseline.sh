#!/usr/bin/env bash
# Takes (or re-takes) the baseline of one API module: builds the module and stores its jar as
# org.opendms:<artifactId>:<version> in this folder, the file repository the baseline plugin reads.
#
#   add-baseline.sh <module-dir> [<git-ref>]
#
#   <module-dir>  relative to the repository root, e.g. core-bundles/workorder/api or plugins/insurance/api
#   <git-ref>     build the module as it is at this commit/branch (default: the working tree as it is)
#
# Environment: BASELINE_VERSION (default 0.1.0, the <base><version> in the root pom), MAVEN_REPO_LOCAL (the
# Maven local repository to build with; default ~/.m2/repository). The jar is also put into that local
# repository, replacing a copy cached there: Maven never re-downloads a release it already has, so a re-taken
# baseline would otherwise not be seen (other local repositories: delete org/opendms/<artifactId>/<version>).
set -euo pipefail

usage() { sed -n '5,9p' "$0" >&2; exit 2; }
[ $# -ge 1 ] && [ $# -le 2 ] || usage
module=${1%/}
ref=${2:-}
version=${BASELINE_VERSION:-0.1.0}
here=$(cd "$(dirname "$0")" && pwd)
root=$(git -C "$here" rev-parse --show-toplevel)
local_repo=${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}
mvn_opts=(-B -q "-Dmaven.repo.local=$local_repo")

src=$root
if [ -n "$ref" ]; then
  src=$(mktemp -d /tmp/add-baseline.XXXXXX)
  trap 'rm -rf "$src"' EXIT
  git -C "$root" archive "$ref" | tar -x -C "$src"
fi
[ -f "$src/$module/pom.xml" ] || { echo "no module at $module${ref:+ in $ref}" >&2; exit 2; }

# package (not install): the reactor hands the module its dependencies without touching the local repository's
# snapshots; no baseline (there is none yet), no tests, no format check or coverage.
mvn "${mvn_opts[@]}" -f "$src/pom.xml" package -pl "$module" -am -DskipTests \
  -Dbnd.baseline.skip=true -Ddms.format.skip=true -Djacoco.skip=true -Denforcer.skip=true

jar=$(ls "$src/$module"/target/*.jar | grep -v -e '-sources\.jar$' -e '-tests\.jar$' -e '-javadoc\.jar$' | head -1)
artifactId=$(unzip -p "$jar" 'META-INF/maven/*/pom.properties' | sed -n 's/^artifactId=//p' | tr -d '\r')
groupId=$(unzip -p "$jar" 'META-INF/maven/*/pom.properties' | sed -n 's/^groupId=//p' | tr -d '\r')
unzip -p "$jar" META-INF/MANIFEST.MF | grep -q '^Export-Package:' \
  || { echo "$jar exports no package: nothing to baseline" >&2; exit 1; }

for target in "$here" "$local_repo"; do
  rm -rf "$target/${groupId//.//}/$artifactId/$version"
  mvn "${mvn_opts[@]}" org.apache.maven.plugins:maven-install-plugin:3.1.3:install-file -Dfile="$jar" \
    -DgroupId="$groupId" -DartifactId="$artifactId" -Dversion="$version" -Dpackaging=jar -DgeneratePom=true \
    -DlocalRepositoryPath="$target"
done
# the file repository holds only the jar and its pom
rm -f "$here/${groupId//.//}/$artifactId"/maven-metadata-local.xml "$here/${groupId//.//}/$artifactId/$version"/_remote.repositories

echo "baseline $groupId:$artifactId:$version <- $module${ref:+ at $ref}"
unzip -p "$jar" META-INF/MANIFEST.MF | tr -d '\r' | sed -n '/^Export-Package:/,/^[A-Z][A-Za-z-]*: /p' | sed '$d'
