#!/usr/bin/env bash
# Checks that this build's `klachten check` writes byte for byte what a reference build
# writes (say, main's), with the same exit status: on the sample register and on the
# synthetic registers of bench/check.sh.
#
#   MAIN_BIN=/tmp/main-target/release/klachten bash bench/vergelijk.sh [SIZE...]
#
# Without sizes: the sample register and 100,000 and 1,000,000 cases.
set -euo pipefail
cd "$(dirname "$0")/.."

REF=${MAIN_BIN:?"MAIN_BIN: pad naar de referentie-build van klachten"}
AS_OF=2026-11-24
cargo build --release --quiet --bin klachten
BIN=target/release/klachten
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

maps=()
if [ $# -eq 0 ]; then
  set -- 100000 1000000
  maps+=(register)
fi
for n in "$@"; do
  map=target/bench-data/register-$n
  [ -f "$map/gebeurtenissen.csv" ] || "$BIN" genereer --zaken "$n" --out "$map" --seed 1
  maps+=("$map")
  # The same register with CRLF line ends and a blank line now and then: line numbers
  # after CRLF and blank lines must come out the same.
  crlf=$map-crlf
  if [ ! -f "$crlf/gebeurtenissen.csv" ]; then
    mkdir -p "$crlf"
    for bestand in klachten.csv gebeurtenissen.csv; do
      awk '{ printf "%s\r\n", $0 } NR % 997 == 0 { printf "\r\n" }' "$map/$bestand" >"$crlf/$bestand"
    done
  fi
  maps+=("$crlf")
  # And with input errors spread over the file (a day that does not exist, a field too
  # many, a line that is only `\r`, a row given twice, a row given again after an invalid
  # copy of it), so that the lines reported all through a file are checked.
  fouten=$map-fouten2
  if [ ! -f "$fouten/gebeurtenissen.csv" ]; then
    mkdir -p "$fouten"
    for bestand in klachten.csv gebeurtenissen.csv; do
      awk '{ rij = $0 }
           NR > 1 && NR % 49999 == 0 { sub(/,20[0-9][0-9]-[0-9][0-9]-[0-9][0-9],/, ",2025-02-30,") }
           NR > 1 && NR % 77777 == 0 { $0 = $0 ",extra" }
           { printf "%s\r\n", $0 }
           NR > 1 && NR % 99991 == 0 { printf "%s\r\n", rij }
           NR > 1 && NR % 49999 == 0 { printf "%s\r\n", rij }
           NR % 33333 == 0 { printf "\r\r\n" }' "$map/$bestand" >"$fouten/$bestand"
    done
  fi
  maps+=("$fouten")
done

fout=0
for map in "${maps[@]}"; do
  for formaat in json text; do
    status_ref=0 status_bin=0
    "$REF" check --register "$map" --as-of "$AS_OF" --format "$formaat" >"$TMP/ref" 2>"$TMP/ref.err" || status_ref=$?
    "$BIN" check --register "$map" --as-of "$AS_OF" --format "$formaat" >"$TMP/bin" 2>"$TMP/bin.err" || status_bin=$?
    if cmp -s "$TMP/ref" "$TMP/bin" && cmp -s "$TMP/ref.err" "$TMP/bin.err" && [ "$status_ref" = "$status_bin" ]; then
      echo "gelijk:   $map $formaat (status $status_bin, $(wc -c <"$TMP/bin") bytes)"
    else
      echo "VERSCHIL: $map $formaat (status $status_ref tegen $status_bin)"
      diff <(head -c 2000000 "$TMP/ref") <(head -c 2000000 "$TMP/bin") | head -20 || true
      diff "$TMP/ref.err" "$TMP/bin.err" | head -5 || true
      fout=1
    fi
  done
done
exit "$fout"
