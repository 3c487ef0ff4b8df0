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

meet() { # command... → "median_seconds peak_kib"
  local tijden=() geheugen=0
  for _ in $(seq "$runs"); do
    local begin eind rss
    begin=$(date +%s.%N)
    /usr/bin/time -o "$data/time.txt" -f '%M' "$@" >/dev/null 2>&1 || true
    rss=$(tail -1 "$data/time.txt")
    eind=$(date +%s.%N)
    tijden+=("$(echo "$eind - $begin" | bc)")
    (( rss > geheugen )) && geheugen=$rss
  done
  local mediaan
  mediaan=$(printf '%s\n' "${tijden[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "$mediaan $geheugen"
}

printf '%-10s %-22s %9s %10s %7s\n' zaken opdracht seconden 'piek MiB' ratio
for n in 100000 1000000; do
  map="$data/register-$n"
  [ -f "$map/gebeurtenissen.csv" ] || "$bin" genereer --zaken "$n" --out "$map" --seed 1
  read -r t_vloer m_vloer < <(meet "$vloer" "$map")
  printf '%-10s %-22s %9.3f %10.1f %7s\n' "$n" "vloer (csv)" "$t_vloer" "$(echo "$m_vloer/1024" | bc -l)" "1.00"
  for formaat in json text; do
    read -r t m < <(meet "$bin" check --register "$map" --as-of 2026-11-24 --format "$formaat")
    printf '%-10s %-22s %9.3f %10.1f %7.2f\n' "$n" "check --format $formaat" "$t" "$(echo "$m/1024" | bc -l)" "$(echo "$t/$t_vloer" | bc -l)"
  done
done
