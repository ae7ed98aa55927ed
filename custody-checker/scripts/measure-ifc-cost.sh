#!/usr/bin/env bash
# Cost of the information-flow check over the project's own main sources and examples, compiled
# in one javac run (so the whole-program summaries see every call): without the plugin, with only
# the IFC pass, and with every pass (ownership + IFC).
#  1. cold: a fresh `javac` process per run (JIT warm-up and class loading of the plugin included);
#  2. warm: javac in-process, repeatedly, as Maven's in-process compiler or a daemon runs it
#     (dev.custody.checker.ifc.IfcCost; compiling-thread CPU time, medians after warm-up rounds).
#
# Usage (after `mvn -o -pl custody-checker,examples,custody-netfn -am test-compile`, which builds
# the plugin, its test classes and the generated sources, custody-netfn's proxies included):
#   custody-checker/scripts/measure-ifc-cost.sh [COLD_RUNS] [WARM_ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}
WARM=${2:-5}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVAC="$JAVA_HOME/bin/javac"
JAVA="$JAVA_HOME/bin/java"
# custody-cli and custody-bench are left out: they need the JMH-generated benchmark classes.
MODULES="custody-core custody-domains custody-confinement custody-checkpoint custody-netfn custody-checker examples"
SRC=$(mktemp); OUT=$(mktemp -d); trap 'rm -rf "$SRC" "$OUT" "$OUT.time" "$OUT.log"' EXIT
for m in $MODULES; do
  for d in "$m/src/main/java" "$m/target/generated-sources/annotations"; do
    [ -d "$d" ] && find "$d" -name '*.java' >> "$SRC"
  done
done
CP=$(ls -d custody-checker/target/classes)
for j in $(find ~/.m2/repository \( -path '*dataflow-nullaway/4.4.0/*' -o -path '*picocli/4.7.7/*' \
    -o -path '*javapoet/0.7.0/*' -o -path '*fory-core/1.6.0/*' -o -path '*kryo/5.6.2/*' \
    -o -path '*checker-qual/4.4.0/*' -o -path '*minlog/1.3.1/*' -o -path '*objenesis/3.4/*' -o -path '*reflectasm/1.11.9/*' \) -name '*.jar' ! -name '*sources*'); do
  CP="$CP:$j"
done
OPENS=""
for p in api code comp file main model parser processing tree util; do
  OPENS="$OPENS -J--add-opens=jdk.compiler/com.sun.tools.javac.$p=ALL-UNNAMED"
done
LINES=$(cat $(cat "$SRC") | wc -l)
run() { # $1 = plugin option or empty; prints "wall_ms cpu_ms" (cpu = user + sys of javac)
  rm -rf "${OUT:?}"/*
  # shellcheck disable=SC2086
  /usr/bin/time -f "%e %U %S" -o "$OUT.time" "$JAVAC" $OPENS -J-Xss8m -proc:none -nowarn -Xlint:none --release 25 \
    -cp "$CP" -d "$OUT" ${1:+"$1"} @"$SRC" > "$OUT.log" 2>&1 \
    || { cat "$OUT.log" >&2; echo "javac failed ($1)" >&2; exit 2; }
  awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}' "$OUT.time"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
run "" > /dev/null # warm the file system cache
# The pass's own timing (collecting CFGs + summaries), measured inside javac.
rm -rf "${OUT:?}"/*
# shellcheck disable=SC2086
STATS=$("$JAVAC" $OPENS -J-Xss8m -J-Dcustody.ifc.stats -proc:none -Xlint:none --release 25 -cp "$CP" -d "$OUT" \
  "-Xplugin:Custody only=ifc" @"$SRC" 2>&1 | grep 'custody.ifc\] stats' || true)
declare -A W C
for variant in none ifc all; do
  case $variant in
    none) opt="" ;;
    ifc) opt="-Xplugin:Custody only=ifc" ;;
    all) opt="-Xplugin:Custody" ;;
  esac
  samples=$(for _ in $(seq "$RUNS"); do run "$opt"; done)
  W[$variant]=$(echo "$samples" | awk '{print $1}' | median)
  C[$variant]=$(echo "$samples" | awk '{print $2}' | median)
done
echo "files: $(wc -l < "$SRC"), lines: $LINES, runs per variant: $RUNS, load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "inside javac: $STATS"
printf "%-24s %8s %8s\n" variant wall_ms cpu_ms
printf "%-24s %8s %8s\n" "javac" "${W[none]}" "${C[none]}"
printf "%-24s %8s %8s\n" "javac + IFC only" "${W[ifc]}" "${C[ifc]}"
printf "%-24s %8s %8s\n" "javac + all passes" "${W[all]}" "${C[all]}"
awk -v n="${C[none]}" -v i="${C[ifc]}" -v a="${C[all]}" -v wn="${W[none]}" -v wi="${W[ifc]}" -v wa="${W[all]}" -v l="$LINES" 'BEGIN {
  printf "IFC checker cost: %.0f ms CPU (%.0f ms wall) per 1000 lines\n", (i - n) * 1000 / l, (wi - wn) * 1000 / l;
  printf "overhead in CPU: IFC only %.1f%%, all passes %.1f%%; in wall time: %.1f%%, %.1f%%\n",
    (i - n) * 100 / n, (a - n) * 100 / n, (wi - wn) * 100 / wn, (wa - wn) * 100 / wn }'

echo
JOPENS=${OPENS//-J/}
# shellcheck disable=SC2086
"$JAVA" $JOPENS -Xss8m -cp "custody-checker/target/test-classes:$CP" dev.custody.checker.ifc.IfcCost \
  "$WARM" 3 "$CP" "$SRC"
