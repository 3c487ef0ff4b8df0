#!/usr/bin/env bash
# Measures `klachten check` against the floor (the csv crate merely parsing the same two
# files into a reused record), side by side, at 100,000 and 1,000,000 cases.
#
#   bash bench/check.sh [RUNS]
#
# The commands take turns, one run of each per round, so that a slow spell of the (shared)
# machine falls on all of them alike. Prints per command the median wall time, the median
# processor time (user and system) and system time, the peak resident memory, and the ratio
# of its median wall time to the floor's.
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

# One run of a command: "wall_seconds processor_seconds system_seconds peak_kib".
meet() {
  local begin eind user sys rss
  begin=$(date +%s.%N)
  /usr/bin/time -o "$data/time.txt" -f '%U %S %M' "$@" >/dev/null 2>&1 || true
  read -r user sys rss < <(tail -1 "$data/time.txt")
  eind=$(date +%s.%N)
  echo "$(echo "$eind - $begin" | bc) $(echo "$user + $sys" | bc) $sys $rss"
}

mediaan() { # numbers... → their median
  printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

# "processor s" is the median processor time, user and system together: on two cores a run
# cannot take less wall time than half of it. "systeem s" is the median system time: on a
# virtual machine, the kernel's time to hand out fresh memory varies from run to run, and
# with it the wall time of `check` (see docs/performance.md).
printf '%-10s %-22s %9s %11s %9s %10s %7s\n' zaken opdracht seconden 'processor s' 'systeem s' 'piek MiB' ratio
for n in 100000 1000000; do
  map="$data/register-$n"
  [ -f "$map/gebeurtenissen.csv" ] || "$bin" genereer --zaken "$n" --out "$map" --seed 1
  namen=("vloer (csv)" "check --format json" "check --format text")
  opdrachten=(
    "$vloer $map"
    "$bin check --register $map --as-of 2026-11-24 --format json"
    "$bin check --register $map --as-of 2026-11-24 --format text"
  )
  tijden=() processor=() systeem=() piek=()
  for _ in $(seq "$runs"); do
    for i in "${!opdrachten[@]}"; do
      # Split into words: the paths under target/ hold no spaces.
      read -r t p s m < <(meet ${opdrachten[$i]})
      tijden[$i]+=" $t"
      processor[$i]+=" $p"
      systeem[$i]+=" $s"
      (( m > ${piek[$i]:-0} )) && piek[$i]=$m
    done
  done
  for i in "${!opdrachten[@]}"; do
    t=$(mediaan ${tijden[$i]})
    p=$(mediaan ${processor[$i]})
    s=$(mediaan ${systeem[$i]})
    (( i == 0 )) && t_vloer=$t
    printf '%-10s %-22s %9.3f %11.2f %9.2f %10.1f %7.2f\n' "$n" "${namen[$i]}" "$t" "$p" "$s" \
      "$(echo "${piek[$i]}/1024" | bc -l)" "$(echo "$t/$t_vloer" | bc -l)"
  done
done
