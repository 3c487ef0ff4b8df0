#!/usr/bin/env bash
# Measures `klachten check` against the floor: the csv crate merely parsing the same two
# files into a reused record (examples/vloer.rs). Side by side in one run, interleaved, on
# synthetic registers of 100,000 and 1,000,000 cases (cached under target/bench-data).
#
#   bash bench/check.sh                 # 5 runs of each command per size
#   RUNS=9 SIZES="100000" bash bench/check.sh
#
# Prints a Markdown table: median and fastest wall time, peak resident memory (GNU time's
# %M) and the ratio of the median to the floor's median. Not a test: nothing fails on time.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
SIZES=${SIZES:-"100000 1000000"}
AS_OF=2026-11-24
DATA=target/bench-data

if [ ! -x /usr/bin/time ]; then
  echo "GNU time ontbreekt: apt-get install -y time" >&2
  exit 2
fi
cargo build --release --quiet --bin klachten --example vloer
BIN=target/release/klachten
VLOER=target/release/examples/vloer
mkdir -p "$DATA"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# run NAME CMD...: one run; appends "seconds kib" to $TMP/NAME.
run() {
  local naam=$1 begin eind status=0
  shift
  begin=$(date +%s%N)
  /usr/bin/time -f '%M' -o "$TMP/rss" "$@" >/dev/null 2>"$TMP/stderr" || status=$?
  eind=$(date +%s%N)
  # check exits 1 when it has findings; anything else is a failure of the benchmark.
  if [ "$status" -gt 1 ]; then
    echo "$naam faalde (status $status):" >&2
    cat "$TMP/stderr" >&2
    exit 2
  fi
  echo "$(( (eind - begin) / 1000 )) $(tail -n 1 "$TMP/rss")" >>"$TMP/$naam"
}

# stats NAME → "median_s min_s peak_mib"
stats() {
  sort -n "$TMP/$1" | awk '
    { t[NR] = $1; if ($2 > m) m = $2 }
    END {
      med = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
      printf "%.3f %.3f %.0f\n", med / 1e6, t[1] / 1e6, m / 1024
    }'
}

echo "| cases | command | median s | fastest s | peak MiB | × floor |"
echo "| ---: | --- | ---: | ---: | ---: | ---: |"
for n in $SIZES; do
  map="$DATA/zaken-$n"
  if [ ! -f "$map/gebeurtenissen.csv" ]; then
    "$BIN" genereer --zaken "$n" --seed 1 --out "$map" >&2
  fi
  rm -f "$TMP"/vloer "$TMP"/json "$TMP"/text
  # Warm the page cache once, then interleave so drift hits every command alike.
  "$VLOER" "$map" >/dev/null
  for _ in $(seq "$RUNS"); do
    run vloer "$VLOER" "$map"
    run json "$BIN" check --register "$map" --as-of "$AS_OF" --format json
    run text "$BIN" check --register "$map" --as-of "$AS_OF" --format text
  done
  read -r vloer_med vloer_min vloer_mib < <(stats vloer)
  printf '| %s | floor (csv parse) | %s | %s | %s | 1.00 |\n' "$n" "$vloer_med" "$vloer_min" "$vloer_mib"
  for formaat in json text; do
    read -r med min mib < <(stats "$formaat")
    printf '| %s | check --format %s | %s | %s | %s | %.2f |\n' \
      "$n" "$formaat" "$med" "$min" "$mib" "$(awk -v a="$med" -v b="$vloer_med" 'BEGIN { print a / b }')"
  done
done
