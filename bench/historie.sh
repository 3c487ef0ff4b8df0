#!/usr/bin/env bash
# Measures reading the Git history: a synthetic register of CASES cases (default 10,000)
# grown over COMMITS first-parent commits (default 2,000), each rewriting both CSV files.
#
#   bash bench/historie.sh [CASES] [COMMITS]
set -euo pipefail
cd "$(dirname "$0")/.."
zaken=${1:-10000}
commits=${2:-2000}
cargo build --release --quiet --bin klachten
bin=$PWD/target/release/klachten
data=$PWD/target/bench-data
repo="$data/historie-$zaken-$commits"
if [ ! -d "$repo/.git" ]; then
  rm -rf "$repo" "$data/bron-$zaken"
  "$bin" genereer --zaken "$zaken" --out "$data/bron-$zaken" --seed 2
  mkdir -p "$repo" && git -C "$repo" init -q -b main
  # One commit per step, each holding the first step/COMMITS of both files' rows: the
  # register grows at the end, as real ones do. fast-import keeps this quick.
  python3 - "$data/bron-$zaken" "$commits" <<'PY' | git -C "$repo" fast-import --quiet
import sys, datetime
bron, n = sys.argv[1], int(sys.argv[2])
k = open(f"{bron}/klachten.csv", "rb").read().splitlines(keepends=True)
g = open(f"{bron}/gebeurtenissen.csv", "rb").read().splitlines(keepends=True)
out = sys.stdout.buffer
start = datetime.datetime(2024, 10, 1, 9, 0)
for i in range(1, n + 1):
    t = int((start + datetime.timedelta(hours=9 * i)).timestamp())
    kk = b"".join(k[: 1 + (len(k) - 1) * i // n])
    gg = b"".join(g[: 1 + (len(g) - 1) * i // n])
    msg = f"stap {i}".encode()
    out.write(b"commit refs/heads/main\n")
    out.write(f"committer Kwaliteit <k@example.nl> {t} +0100\n".encode())
    out.write(b"data %d\n%s\n" % (len(msg), msg))
    for naam, inhoud in ((b"register/klachten.csv", kk), (b"register/gebeurtenissen.csv", gg)):
        out.write(b"M 100644 inline %s\ndata %d\n" % (naam, len(inhoud)))
        out.write(inhoud + b"\n")
PY
  git -C "$repo" checkout -q -f main
fi
echo "register: $zaken zaken, $(git -C "$repo" rev-list --count HEAD) commits"
for run in 1 2 3; do
  /usr/bin/time -o "$data/time.txt" -f '%e %M' "$bin" check --register "$repo/register" --as-of 2026-11-24 --format json >/dev/null 2>&1 || true
  read -r s kib < <(tail -1 "$data/time.txt")
  printf 'check with history, run %d: %s s, peak %.0f MiB\n' "$run" "$s" "$(echo "$kib/1024" | bc -l)"
done
cp -r "$repo/register" "$data/zonder-git-$zaken"
/usr/bin/time -o "$data/time.txt" -f '%e %M' "$bin" check --register "$data/zonder-git-$zaken" --as-of 2026-11-24 --format json >/dev/null 2>&1 || true
read -r s kib < <(tail -1 "$data/time.txt")
printf 'check without history: %s s\n' "$s"
rm -rf "$data/zonder-git-$zaken"
