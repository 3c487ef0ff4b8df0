#!/usr/bin/env bash
# Measures `klachten build` on a synthetic register of 100,000 cases (or the number given).
#
#   bash bench/site.sh [CASES]
#
# Each run prints wall, user and system time of the build (which includes removing the
# site of the run before), its peak memory, and the site's files and size.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
cargo build --release --quiet --bin klachten
data=target/bench-data
map="$data/register-$n"
[ -f "$map/gebeurtenissen.csv" ] || target/release/klachten genereer --zaken "$n" --out "$map" --seed 1
uit="$data/site-$n"
for run in 1 2 3; do
  /usr/bin/time -o "$data/time.txt" -f '%e %U %S %M' target/release/klachten build --register "$map" --out "$uit" --as-of 2026-11-24 2>/dev/null
  read -r s user sys kib < "$data/time.txt"
  printf 'run %d: %s s (user %s s, sys %s s), peak %.0f MiB, %s files, %s on disk\n' \
    "$run" "$s" "$user" "$sys" "$(echo "$kib/1024" | bc -l)" \
    "$(find "$uit" -type f | wc -l)" "$(du -sh "$uit" | cut -f1)"
done
