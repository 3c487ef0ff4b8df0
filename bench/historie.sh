#!/usr/bin/env bash
# Measures reading the Git history: a register of CASES cases (default 10,000) grown over
# COMMITS first-parent commits (default 2,000) by bench/historie-repo.py: rows appended as
# they are recorded, with backdated commit dates, and older rows corrected now and then.
#
#   bash bench/historie.sh [CASES] [COMMITS] [LAYOUT] [ORDER]
#
# LAYOUT is how Git stores the objects:
#   packed   (default) repacked with `git repack -a -d -f`, as in a clone or after `git gc`
#   import   the pack `git fast-import` wrote: every version a delta on the one before
#   loose    every object a file of its own, as before Git's first automatic gc
# ORDER is `appended` (default: new rows at the end) or `grouped` (kept sorted by case,
# so new rows land all over the file).
#
# Prints wall time, CPU time and peak memory of `klachten check` for three runs, and the
# same check on a copy of the register outside Git for comparison.
set -euo pipefail
cd "$(dirname "$0")/.."
zaken=${1:-10000}
commits=${2:-2000}
opslag=${3:-packed}
volgorde=${4:-appended}
cargo build --release --quiet --bin klachten
bin=$PWD/target/release/klachten
data=$PWD/target/bench-data
mkdir -p "$data"
bron="$data/bron-$zaken"
repo="$data/historie-$zaken-$commits-$volgorde-$opslag"
if [ ! -f "$bron/klachten.csv" ]; then
  "$bin" genereer --zaken "$zaken" --out "$bron" --seed 2
fi
if [ ! -d "$repo/.git" ]; then
  rm -rf "$repo"
  mkdir -p "$repo"
  git -C "$repo" init -q -b main
  git -C "$repo" config gc.auto 0
  python3 bench/historie-repo.py "$bron" "$commits" 1 "$volgorde" | git -C "$repo" fast-import --quiet
  case "$opslag" in
    packed) git -C "$repo" repack -a -d -f -q ;;
    import) ;;
    loose)
      mkdir -p "$data/pakken"
      mv "$repo"/.git/objects/pack/* "$data/pakken/"
      for p in "$data"/pakken/*.pack; do git -C "$repo" unpack-objects -q < "$p"; done
      rm -rf "$data/pakken"
      ;;
    *) echo "onbekende opslag: $opslag" >&2; exit 2 ;;
  esac
  git -C "$repo" checkout -q -f main
fi
echo "register: $zaken zaken, $(wc -l < "$repo/register/gebeurtenissen.csv") regels in gebeurtenissen.csv," \
  "$(git -C "$repo" rev-list --count --first-parent HEAD) commits, opslag $opslag, volgorde $volgorde"
for run in 1 2 3; do
  /usr/bin/time -o "$data/time.txt" -f '%e %U %S %M' "$bin" check --register "$repo/register" --as-of 2027-02-01 --format json >/dev/null 2>&1 || true
  read -r s u k kib < <(tail -1 "$data/time.txt")
  printf 'check with history, run %d: %s s (cpu %s s user, %s s sys), peak %.0f MiB\n' "$run" "$s" "$u" "$k" "$(echo "$kib/1024" | bc -l)"
done
# The same register outside any repository (target/ lies inside this project's own).
zonder=$(mktemp -d)
cp -r "$repo/register" "$zonder/"
/usr/bin/time -o "$data/time.txt" -f '%e' "$bin" check --register "$zonder/register" --as-of 2027-02-01 --format json >/dev/null 2>&1 || true
printf 'check without history: %s s\n' "$(tail -1 "$data/time.txt")"
rm -rf "$zonder"
