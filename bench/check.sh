#!/usr/bin/env bash
# Measures `klachten check` against the floor (the csv crate merely parsing the same two
# files into a reused record), side by side, at 100,000 and 1,000,000 cases.
#
#   bash bench/check.sh [RUNS]
#
# Prints median wall time and peak resident memory per command, and check/floor ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
cargo build --release --quiet --bin klachten --example vloer
bin=target/release/klachten
vloer=target/release/examples/vloer
data=target/bench-data
mkdir -p "$data"
# The synthetic registers have no Git history of their own. Without this, git would take
# this project's repository (they lie under its target/) for theirs, and `check` would read
# the project's commits as the register's history. bench/historie.sh measures the history.
export GIT_CEILING_DIRECTORIES=$PWD/$data

meet() { # command... → "median_seconds median_system_seconds peak_kib"
  local tijden=() systeem=() geheugen=0
  for _ in $(seq "$runs"); do
    local begin eind rss sys
    begin=$(date +%s.%N)
    /usr/bin/time -o "$data/time.txt" -f '%S %M' "$@" >/dev/null 2>&1 || true
    read -r sys rss < <(tail -1 "$data/time.txt")
    eind=$(date +%s.%N)
    tijden+=("$(echo "$eind - $begin" | bc)")
    systeem+=("$sys")
    (( rss > geheugen )) && geheugen=$rss
  done
  echo "$(mediaan "${tijden[@]}") $(mediaan "${systeem[@]}") $geheugen"
}

mediaan() { # numbers... → their median
  printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

# "systeem s" is the median system time: on a virtual machine, the kernel's time to hand out
# fresh memory varies from run to run, and with it the wall time of `check` (see
# docs/performance.md).
printf '%-10s %-22s %9s %9s %10s %7s\n' zaken opdracht seconden 'systeem s' 'piek MiB' ratio
for n in 100000 1000000; do
  map="$data/register-$n"
  [ -f "$map/gebeurtenissen.csv" ] || "$bin" genereer --zaken "$n" --out "$map" --seed 1
  read -r t_vloer s_vloer m_vloer < <(meet "$vloer" "$map")
  printf '%-10s %-22s %9.3f %9.2f %10.1f %7s\n' "$n" "vloer (csv)" "$t_vloer" "$s_vloer" "$(echo "$m_vloer/1024" | bc -l)" "1.00"
  for formaat in json text; do
    read -r t s m < <(meet "$bin" check --register "$map" --as-of 2026-11-24 --format "$formaat")
    printf '%-10s %-22s %9.3f %9.2f %10.1f %7.2f\n' "$n" "check --format $formaat" "$t" "$s" "$(echo "$m/1024" | bc -l)" "$(echo "$t/$t_vloer" | bc -l)"
  done
done
