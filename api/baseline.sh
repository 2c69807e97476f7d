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
jar --create --file "$here/baseline/rekindle-api.jar" -C "$work/classes" .
echo "baseline: api/baseline/rekindle-api.jar from $ref ($(git -C "$here/.." rev-parse --short "$ref"))"
