#!/usr/bin/env bash
# Builds the API baseline that `mvn verify` compares rekindle-api against (japicmp, see api/pom.xml):
# the api module's sources at a git ref, compiled as Maven would, into api/baseline/rekindle-api.jar.
#
#   api/baseline.sh              the API as of the branch `main` (what was last merged)
#   api/baseline.sh api-v0.1.0   the API of a release tag (once releases are tagged)
#
# No network: the sources come from git, pf4j from ~/.m2. Without the jar the check is skipped (and
# says so); CI builds the jar first. When a published release exists, point japicmp at it instead
# (see docs/plugins/compatibility.md).
set -euo pipefail
ref="${1:-main}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
pf4j="$(find "${HOME}/.m2/repository/org/pf4j/pf4j" -name 'pf4j-*.jar' ! -name '*sources*' | sort | tail -1)"
[ -n "$pf4j" ] || { echo "baseline: pf4j is not in ~/.m2 (build once with mvn first)" >&2; exit 1; }
git -C "$here/.." archive "$ref" api/src/main | tar -x -C "$work"
mkdir -p "$work/classes" "$here/baseline"
find "$work/api/src/main/java" -name '*.java' > "$work/sources"
javac --release 17 -nowarn -encoding UTF-8 -cp "$pf4j" -d "$work/classes" @"$work/sources"
if [ -d "$work/api/src/main/resources" ]; then cp -r "$work/api/src/main/resources/." "$work/classes/"; fi
# The baseline's API version, filtered in as Maven would: api/pom.xml decides from it whether a break is a
# major step (allowed) or not (fails verify). The api's own <version> (after its <parent>), else the root's.
own_version() { sed -n '/<\/parent>/,/<\(dependencies\|build\|properties\)>/p' | grep -m1 -o '<version>[^<]*</version>' | sed 's/<[^>]*>//g' || true; }
root_version() { sed -n '/<\/parent>/,$p' | grep -m1 -o '<version>[^<]*</version>' | sed 's/<[^>]*>//g' || true; }
version="$(git -C "$here/.." show "$ref:api/pom.xml" | own_version)"
[ -n "$version" ] || version="$(git -C "$here/.." show "$ref:pom.xml" | root_version)"
[ -n "$version" ] || { echo "baseline: cannot tell the API version at $ref" >&2; exit 1; }
props="$work/classes/dev/rekindle/api/api-version.properties"
if [ -f "$props" ]; then sed -i "s/@project.version@/$version/" "$props"; else printf 'version=%s\n' "$version" > "$props"; fi
jar --create --file "$here/baseline/rekindle-api.jar" -C "$work/classes" .
echo "baseline: api/baseline/rekindle-api.jar from $ref ($(git -C "$here/.." rev-parse --short "$ref")), API $version"
