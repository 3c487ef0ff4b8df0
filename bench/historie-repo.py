#!/usr/bin/env python3
"""Writes a `git fast-import` stream that grows a register through COMMITS first-parent
commits, the way an organisation keeps one: every row is appended when it is recorded, a
few working days after its date (a minority late), and now and then an older row is
corrected (a date moved back, a verdict changed, a row removed, a door or toelichting
edited). Commit and author dates are backdated to the day of recording, in the Dutch time
zone of that day.

    python3 bench/historie-repo.py SOURCE COMMITS SEED [appended|grouped] | git -C REPO fast-import --quiet

With `grouped`, every version keeps a case's events together under the cases in the order
they were received (a register kept sorted by case), so new rows land all over the file
instead of at its end.

SOURCE is a register written by `klachten genereer`; its rows are what gets recorded. The
stream writes every version of klachten.csv first and then every version of
gebeurtenissen.csv (fast-import deltifies each blob against the one written before it),
then the commits. The same arguments always give the same repository.
"""

import csv
import datetime
import io
import random
import sys

bron, aantal_commits, zaad = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
gegroepeerd = len(sys.argv) > 4 and sys.argv[4] == "grouped"
rnd = random.Random(zaad)


def lees(pad):
    with open(pad, encoding="utf-8", newline="") as f:
        tekst = f.read()
    regels = tekst.splitlines(keepends=True)
    # One record per line: the generator writes no line breaks inside fields.
    assert len(regels) == len(list(csv.reader(io.StringIO(tekst)))), pad
    return regels[0], regels[1:]


def werkdagen_later(d, n):
    while n > 0:
        d += datetime.timedelta(days=1)
        if d.weekday() < 5:
            n -= 1
    return d


def datum(tekst):
    return datetime.date.fromisoformat(tekst)


k_kop, k_rijen = lees(f"{bron}/klachten.csv")
g_kop, g_rijen = lees(f"{bron}/gebeurtenissen.csv")

# Every row with the moment it is recorded: mostly within two working days, some within
# a week, a few late.
rijen = []
for bestand, kop, regels in (("k", k_kop, k_rijen), ("g", g_kop, g_rijen)):
    for regel in regels:
        velden = next(csv.reader([regel]))
        d = datum(velden[1])
        r = rnd.random()
        vertraging = rnd.randint(0, 2) if r < 0.7 else rnd.randint(3, 5) if r < 0.92 else rnd.randint(6, 12)
        moment = datetime.datetime.combine(werkdagen_later(d, vertraging), datetime.time(rnd.randint(8, 17), rnd.randint(0, 59)))
        # A case row comes before its events on the same moment.
        rijen.append((moment, 0 if bestand == "k" else 1, bestand, regel))
rijen.sort(key=lambda r: (r[0], r[1]))

begin, eind = rijen[0][0], rijen[-1][0]
stap = (eind - begin) / max(aantal_commits - 1, 1)


def tijdzone(moment):
    # Central European (Summer) Time, by the rule of the last Sundays of March and October.
    def laatste_zondag(jaar, maand):
        d = datetime.date(jaar, maand, 31)
        return d - datetime.timedelta(days=(d.weekday() + 1) % 7)

    zomer = laatste_zondag(moment.year, 3) <= moment.date() < laatste_zondag(moment.year, 10)
    return 2 if zomer else 1


def herschrijf(regel, kolom, waarde):
    velden = next(csv.reader([regel]))
    velden[kolom] = waarde
    uit = io.StringIO()
    csv.writer(uit, lineterminator="\n").writerow(velden)
    return uit.getvalue()


def corrigeer(rnd, k, g):
    """One correction of an older row: what a real register sees now and then."""
    r = rnd.random()
    if r < 0.1 and len(k) > 10:
        i = rnd.randrange(len(k) - 5)
        velden = next(csv.reader([k[i]]))
        k[i] = herschrijf(k[i], 1, str(datum(velden[1]) - datetime.timedelta(days=rnd.randint(1, 3))))
        return
    if len(g) < 10:
        return
    i = rnd.randrange(len(g) - 5)
    velden = next(csv.reader([g[i]]))
    if r < 0.45:
        # A date moved back, or merely rewritten in the other notation.
        d = datum(velden[1]) if "-" == velden[1][4] else None
        if d is None:
            return
        if rnd.random() < 0.2:
            g[i] = herschrijf(g[i], 1, d.strftime("%d-%m-%Y"))
        else:
            g[i] = herschrijf(g[i], 1, str(d - datetime.timedelta(days=rnd.randint(1, 3))))
    elif r < 0.6 and velden[4]:
        andere = [o for o in ("gegrond", "deels-gegrond", "ongegrond") if o != velden[4]]
        g[i] = herschrijf(g[i], 4, rnd.choice(andere))
    elif r < 0.7:
        del g[i]
    else:
        g[i] = herschrijf(g[i], 3, rnd.choice(["R. Vermeulen", "directie", "M. de Boer"]))


uit = sys.stdout.buffer


def versies():
    """Every commit's moment and files, from the same seed each time: the stream writes
    the versions of each file apart, and holding them all would take gigabytes."""
    rnd_c = random.Random(zaad + 1)
    k, g = [], []
    volgende = 0
    for c in range(aantal_commits):
        moment = begin + stap * c
        while volgende < len(rijen) and rijen[volgende][0] <= moment:
            _, _, bestand, regel = rijen[volgende]
            (k if bestand == "k" else g).append(regel)
            volgende += 1
        if c > 0 and rnd_c.random() < 0.15:
            corrigeer(rnd_c, k, g)
        yield moment, k, g


ontvangen = {}
for regel in k_rijen:
    velden = regel.split(",", 2)
    ontvangen[velden[0]] = velden[1]


def volgorde(regels):
    """The rows as the file holds them: as appended, or grouped by case."""
    if not gegroepeerd:
        return regels
    return sorted(regels, key=lambda r: (ontvangen.get(r.split(",", 1)[0], ""), r.split(",", 1)[0]))


for i, (_, k, _) in enumerate(versies()):
    inhoud = (k_kop + "".join(volgorde(k))).encode()
    uit.write(b"blob\nmark :%d\ndata %d\n%s\n" % (i + 1, len(inhoud), inhoud))
for i, (_, _, g) in enumerate(versies()):
    inhoud = (g_kop + "".join(volgorde(g))).encode()
    uit.write(b"blob\nmark :%d\ndata %d\n%s\n" % (aantal_commits + i + 1, len(inhoud), inhoud))
for i, (moment, _, _) in enumerate(versies()):
    uur = tijdzone(moment)
    t = int((moment - datetime.timedelta(hours=uur)).replace(tzinfo=datetime.timezone.utc).timestamp())
    zone = f"+0{uur}00"
    bericht = f"Register bijgewerkt ({i + 1})".encode()
    uit.write(b"commit refs/heads/main\n")
    uit.write(f"author Kwaliteit <kwaliteit@example.nl> {t} {zone}\n".encode())
    uit.write(f"committer Kwaliteit <kwaliteit@example.nl> {t} {zone}\n".encode())
    uit.write(b"data %d\n%s\n" % (len(bericht), bericht))
    uit.write(b"M 100644 :%d register/klachten.csv\n" % (i + 1))
    uit.write(b"M 100644 :%d register/gebeurtenissen.csv\n\n" % (aantal_commits + i + 1))
