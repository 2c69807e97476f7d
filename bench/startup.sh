#!/usr/bin/env bash
# Start-up time of one-shot commands: `./rekindle help` and `./rekindle status` against `java -version` of the
# same JDK, measured in the same run, N rounds interleaved (so that a machine busy with other work slows every
# candidate alike). Target: median <= 1.0 s for help and status on a quiet 2-core machine.
#   bench/startup.sh                 10 rounds: the launcher on the JDK it picks, and on Java 17 if it picked another
#   N=5 bench/startup.sh
#   BASELINE=/path/to/checkout bench/startup.sh
#        also measures another checkout's launcher and built dist (e.g. the main branch), from a copy in
#        bench/work/startup/baseline (the checkout itself is not touched)
#   ALSO="REKINDLE_SPRING_AOT=false" bench/startup.sh
#        also the launcher with these environment variables (an A/B of one setting, same JDK)
#   JDKS="/usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk-amd64" bench/startup.sh
#        the launcher on these JDKs (REKINDLE_JAVA), instead of its own pick (+ Java 17)
# Runs on a copy of the demo database (data/rekindle.db, made by a first start when missing), with
# REKINDLE_NO_BUILD=1: build first (./rekindle status). Prints each run's wall and CPU (user+sys) seconds, then
# per case the medians and the ratio of the wall median to the same JDK's `java -version` median.
# CPU seconds are what a busy machine changes least: quote them beside the wall times when the load is high.
set -euo pipefail
export REKINDLE_LANGUAGE=en LC_ALL=C.UTF-8
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
rounds="${N:-10}"
work="$here/work/startup"
mkdir -p "$work"

[ -f "$root/dist/target/rekindle/rekindle-app.jar" ] || { echo "build first: ./rekindle status" >&2; exit 1; }
[ -f "$root/data/rekindle.db" ] || "$root/rekindle" status >/dev/null   # creates the demo database
cp "$root/data/rekindle.db" "$work/shop.db"
rm -f "$work"/shop.db-wal "$work"/shop.db-shm

# ---- the cases: a name, a launcher, and REKINDLE_JAVA for it (empty: the launcher's own pick) ----------------
names=(); launchers=(); javas=(); envs=()
add() { names+=("$1"); launchers+=("$2"); javas+=("$3"); envs+=("${4:-}"); }
java_of() {   # the java a launcher start uses, as it says with REKINDLE_SHOW_JVM=1 (this start also trains it)
  REKINDLE_JAVA="$2" REKINDLE_SHOW_JVM=1 REKINDLE_NO_BUILD=1 "$1" --db "$work/shop.db" help 2>&1 >/dev/null \
    | sed -n 's/^rekindle: java \([^ ]*\) .*/\1/p' | tail -1
}
if [ -n "${JDKS:-}" ]; then
  for jdk in $JDKS; do add "jdk-$(basename "$jdk")" "$root/rekindle" "$jdk"; done
else
  add "launcher" "$root/rekindle" ""
  picked="$(java_of "$root/rekindle" "")"
  j17=/usr/lib/jvm/java-17-openjdk-amd64
  if [ -d "$j17" ] && [ "$(readlink -f "$(command -v "$picked")")" != "$(readlink -f "$j17/bin/java")" ]; then
    add "launcher-17" "$root/rekindle" "$j17"
  fi
fi
[ -n "${ALSO:-}" ] && add "launcher $ALSO" "$root/rekindle" "" "$ALSO"
if [ -n "${BASELINE:-}" ]; then
  # a copy of the other checkout's launcher and build: its launcher extracts and trains inside the copy
  b="$work/baseline"
  rm -rf "$b"; mkdir -p "$b/dist/target/rekindle"
  cp "$BASELINE/rekindle" "$b/rekindle"
  cp -r "$BASELINE/dist/target/rekindle/rekindle-app.jar" "$BASELINE/dist/target/rekindle/plugins" "$b/dist/target/rekindle/"
  cp -r "$root/templates" "$b/" 2>/dev/null || true
  add "baseline" "$b/rekindle" ""
fi

# ---- warm-up: each case once (extracts the jar and trains its archive if needed), and what it runs on --------
declare -A jdk_of
echo "== $(date -u '+%F %T') UTC, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $rounds rounds" >&2
for i in "${!names[@]}"; do
  info="$(env ${envs[$i]} REKINDLE_JAVA="${javas[$i]}" REKINDLE_SHOW_JVM=1 REKINDLE_NO_BUILD=1 "${launchers[$i]}" --db "$work/shop.db" help 2>&1 >/dev/null \
          | grep '^rekindle: java' || echo "rekindle: (the launcher does not say; java on the PATH)")"
  java="$(sed -n 's/^rekindle: java \([^ ]*\) .*/\1/p' <<<"$info")"
  [ -n "$java" ] || java="$(command -v java)"   # a launcher that does not say (the baseline) runs java on the PATH
  jdk_of[${names[$i]}]="$(readlink -f "$(command -v "$java")")"
  echo "== ${names[$i]}: ${info#rekindle: }" >&2
  env ${envs[$i]} REKINDLE_JAVA="${javas[$i]}" REKINDLE_NO_BUILD=1 "${launchers[$i]}" --db "$work/shop.db" status >/dev/null \
    || { echo "${names[$i]}: status failed (exit $?)" >&2; exit 1; }
done
jdks=($(printf '%s\n' "${jdk_of[@]}" | sort -u))

# ---- the rounds ----------------------------------------------------------------------------------------------
results="$work/runs.tsv"; : >"$results"
TIMEFORMAT='%R %U %S'
measure() {   # case-name command…: one run; its wall and CPU seconds appended to the results
  local name="$1"; shift
  local t err="$work/stderr"
  t="$( { time "$@" >/dev/null 2>"$err"; } 2>&1 )" || { echo "$name failed:" >&2; cat "$err" >&2; exit 1; }
  if [ -s "$err" ] && [ "${name#java -version}" = "$name" ]; then
    echo "$name wrote to stderr (a warning?):" >&2; cat "$err" >&2; exit 1
  fi
  read -r wall user sys <<<"$t"
  local cpu; cpu="$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')"
  printf '%s\t%s\t%s\n' "$name" "$wall" "$cpu" >>"$results"
  printf '%-44s %6.2f s  cpu %5.2f s\n' "$name" "$wall" "$cpu"
}
for ((r = 1; r <= rounds; r++)); do
  echo "-- round $r/$rounds (load $(cut -d' ' -f1 /proc/loadavg))"
  for j in "${jdks[@]}"; do
    measure "java -version $(basename "$(dirname "$(dirname "$j")")")" "$j" -version
  done
  for i in "${!names[@]}"; do
    for cmd in help status; do
      measure "${names[$i]} $cmd" env ${envs[$i]} REKINDLE_JAVA="${javas[$i]}" REKINDLE_NO_BUILD=1 "${launchers[$i]}" --db "$work/shop.db" $cmd
    done
  done
done

# ---- medians -------------------------------------------------------------------------------------------------
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
med() { awk -F'\t' -v n="$1" -v c="$2" '$1 == n { print $c }' "$results" | median; }
echo
echo "== medians of $rounds rounds ($(date -u '+%T') UTC, load $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-44s %8s %8s %s\n' case wall cpu "wall / java -version (same JDK)"
for j in "${jdks[@]}"; do
  n="java -version $(basename "$(dirname "$(dirname "$j")")")"
  printf '%-44s %6.2f s %6.2f s\n' "$n" "$(med "$n" 2)" "$(med "$n" 3)"
done
for i in "${!names[@]}"; do
  ref="java -version $(basename "$(dirname "$(dirname "${jdk_of[${names[$i]}]}")")")"
  for cmd in help status; do
    n="${names[$i]} $cmd"
    printf '%-44s %6.2f s %6.2f s %6.1fx\n' "$n" "$(med "$n" 2)" "$(med "$n" 3)" \
      "$(awk -v a="$(med "$n" 2)" -v b="$(med "$ref" 2)" 'BEGIN { printf "%.1f", a / b }')"
  done
done
echo "(each run: $results)"
