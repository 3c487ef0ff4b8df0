// Browser test of the built site: opened straight from disk in Debian's Chromium, the
// dashboard links to a case and back, no page logs an error, the charts are drawn with
// text of 12 CSS pixels or more at 1280 and at 390 pixels wide, no page is wider than a
// phone, tables of records show each row as a block on a phone, the cases list filters
// and sorts, and pages print to A4 PDF with the figures,
// "Vertrouwelijk" and the peildatum on every page. Screenshots go to
// tests/browser/screenshots/.
//
//   cargo run --release -- build --as-of 2026-11-24 && node tests/browser/site.test.mjs
import { controleer, sluit, start } from "./hulp.mjs";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const hier = dirname(fileURLToPath(import.meta.url));
const site = resolve(process.argv[2] ?? join(hier, "..", "..", "site"));
const schermen = join(hier, "screenshots");
mkdirSync(schermen, { recursive: true });

const browser = await start();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const meldingen = [];
page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") meldingen.push(`${page.url()}: ${m.text()}`); });
page.on("pageerror", (e) => meldingen.push(`${page.url()}: ${e.message}`));
page.on("requestfailed", (r) => meldingen.push(`${page.url()}: laden mislukt: ${r.url()}`));
page.on("request", (r) => { if (!r.url().startsWith("file://")) meldingen.push(`verzoek buiten de site: ${r.url()}`); });
const adres = (pagina) => pathToFileURL(join(site, pagina)).href;

const index = adres("index.html");
await page.goto(index);
controleer((await page.locator("h1").textContent()).includes("Dashboard"), "dashboard geopend vanaf schijf");
const grafieken = page.locator("svg.grafiek:visible");
const aantal = await grafieken.count();
controleer(aantal >= 6, `grafieken op het dashboard (${aantal})`);
let getekend = 0;
for (let i = 0; i < aantal; i++) {
  const vak = await grafieken.nth(i).boundingBox();
  const delen = await grafieken.nth(i).locator("rect, path, polyline, line").count();
  if (vak && vak.width > 200 && vak.height > 80 && delen > 5) getekend += 1;
}
controleer(getekend === aantal, `elke grafiek getekend (${getekend} van ${aantal})`);
const stijl = await page.evaluate(() => getComputedStyle(document.querySelector(".balk")).backgroundColor);
controleer(stijl !== "rgba(0, 0, 0, 0)", `stijlblad geladen (${stijl})`);
await page.screenshot({ path: join(schermen, "dashboard.png"), fullPage: false });

const zaaklink = page.locator("#kop-overtredingen ~ .tabelrol a[href^='zaken/']").first();
const zaak = (await zaaklink.textContent()).trim();
await zaaklink.click();
await page.waitForLoadState("load");
controleer((await page.locator("h1").textContent()).includes(zaak), `van het dashboard naar zaak ${zaak}`);
controleer(await page.locator("#kop-termijnen").isVisible(), "zaakpagina toont de termijnen");
controleer(await page.locator("#kop-verloop").isVisible(), "zaakpagina toont het verloop");
await page.screenshot({ path: join(schermen, "zaak.png"), fullPage: false });
const zaakpagina = page.url();
await page.goBack();
await page.waitForLoadState("load");
controleer(page.url() === index, "terug naar het dashboard");

// The cases list: drawn from its data file, searchable, filterable and sortable.
await page.goto(adres("zaken.html"));
await page.waitForSelector("#zaken tbody tr.zaak");
const totaal = await page.evaluate(() => window.KLACHTEN_ZAKEN.rijen.length);
controleer((await page.locator("#aantal").textContent()).startsWith(`${totaal} van ${totaal}`), `zakenlijst toont ${totaal} zaken`);
await page.fill("#zoek", zaak);
const gevonden = await page.locator("#zaken tbody tr.zaak").allTextContents();
controleer(gevonden.length >= 1 && gevonden.length < totaal && gevonden[0].startsWith(zaak), `zoeken op ${zaak}: ${gevonden.length} van ${totaal}`);
const woord = await page.evaluate(() => window.KLACHTEN_ZAKEN.rijen.find((r) => r[12].length > 20)[12].split(" ").slice(-2).join(" "));
await page.fill("#zoek", woord);
controleer(await page.locator("#zaken tbody tr.zaak").count() >= 1, `zoeken in de omschrijving ("${woord}")`);
await page.fill("#zoek", "");
await page.fill("#van", "01-01-2025");
await page.fill("#tot", "31-03-2025");
const inPeriode = await page.evaluate(() => window.KLACHTEN_ZAKEN.rijen.filter((r) => r[2] >= "2025-01-01" && r[2] <= "2025-03-31").length);
controleer((await page.locator("#aantal").textContent()).startsWith(`${inPeriode} van`), `periode 01-01-2025 tot en met 31-03-2025: ${inPeriode} zaken`);
const datums = await page.locator("#zaken tbody tr.zaak td:nth-child(2)").evaluateAll((cellen) => cellen.map((c) => c.firstChild.textContent));
controleer(datums.length > 0 && datums.every((d) => /^\d\d-0[1-3]-2025$/.test(d)), "datums als DD-MM-JJJJ, alle in de periode");
await page.fill("#van", "");
await page.fill("#tot", "");
await page.check("#alleen-bevindingen");
const metBevinding = await page.evaluate(() => window.KLACHTEN_ZAKEN.rijen.filter((r) => r[10][0] + r[10][1] > 0).length);
const alleenWaarschuwing = await page.evaluate(() => window.KLACHTEN_ZAKEN.rijen.filter((r) => r[10][0] === 0 && r[10][1] > 0).length);
controleer((await page.locator("#aantal").textContent()).startsWith(`${metBevinding} van`) && alleenWaarschuwing > 0, `alleen met bevindingen: ${metBevinding}, waarvan ${alleenWaarschuwing} met alleen waarschuwingen`);
await page.uncheck("#alleen-bevindingen");
await page.selectOption("#ernst", "1");
const regellabels = await page.locator("#zaken tbody tr.zaak td:nth-child(6) .label-warning").count();
controleer(regellabels > 0, `ernst per regel zichtbaar (${regellabels} waarschuwingen)`);
await page.selectOption("#ernst", "");
await page.locator("#zaken thead th").first().locator("button").click();
const eerste = (await page.locator("#zaken tbody tr.zaak").first().locator("td").first().textContent()).trim();
const hoogste = await page.evaluate(() => window.KLACHTEN_ZAKEN.rijen.map((r) => r[0]).sort().pop());
controleer(eerste === hoogste, `sorteren op zaaknummer (aflopend begint met ${eerste})`);
await page.screenshot({ path: join(schermen, "zaken.png"), fullPage: false });
// At 1280 px every column's label is whole, also with the sort arrow after it.
await page.locator("#zaken thead th").nth(5).locator("button").click();
const afgekapt = await page.evaluate(() => [...document.querySelectorAll("#zaken thead th")]
  .filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent.trim()));
controleer(afgekapt.length === 0, `zakenlijst op 1280 px: elke kolomkop heel${afgekapt.length ? ": " + afgekapt.join(" | ") : ""}`);
// Sorted on findings, the cases with the most come first: every rule's label is whole and
// within its row.
{
  if ((await page.locator("#zaken thead th").nth(5).getAttribute("aria-sort")) !== "descending") {
    await page.locator("#zaken thead th").nth(5).locator("button").click();
  }
  const regelsInBeeld = () => page.evaluate(() => [...document.querySelectorAll("#zaken tbody tr.zaak td:nth-child(6)")].map((td) => {
    const cel = td.getBoundingClientRect();
    const delen = [...td.querySelectorAll(".label, .onder")];
    return {
      zaak: td.parentElement.firstChild.textContent,
      teksten: delen.map((d) => d.textContent),
      heel: delen.every((d) => { const vak = d.getBoundingClientRect(); return vak.right <= cel.right + 1 && vak.bottom <= cel.bottom + 1; })
        && [...td.querySelectorAll(".label")].every((l) => l.scrollWidth <= l.clientWidth + 1),
    };
  }));
  const inBeeld = await regelsInBeeld();
  const deels = inBeeld.filter((c) => !c.heel).map((c) => c.zaak);
  const aantalLabels = inBeeld.reduce((n, c) => n + c.teksten.length, 0);
  controleer(aantalLabels >= 10 && deels.length === 0 && inBeeld.some((c) => c.teksten.includes("art-4.2-ontvangstbevestiging")),
    `zakenlijst op 1280 px: ${aantalLabels} regels heel in hun rij${deels.length ? "; afgekapt bij " + deels.join(", ") : ""}`);
  // A rule with three findings shows their number; of three rules, the first has a label and
  // the second line names the others. (Two cases given those findings in the page's data.)
  const [zaakA, zaakB] = await page.evaluate(() => {
    const d = window.KLACHTEN_ZAKEN;
    const nr = (id) => d.keuzes.regels.indexOf(id);
    const [a, b] = d.rijen;
    a[11] = [[nr("art-4.2-ontvangstbevestiging"), 0, 1], [nr("art-7-registratie"), 1, 3]];
    b[11] = [[nr("art-4.2-ontvangstbevestiging"), 0, 1], [nr("art-4.3-termijn"), 0, 2], [nr("art-7-registratie"), 1, 1]];
    return [a[0], b[0]];
  });
  const tekening = async (zaak) => {
    await page.fill("#zoek", zaak);
    return (await regelsInBeeld()).find((c) => c.zaak === zaak);
  };
  const a = await tekening(zaakA);
  const b = await tekening(zaakB);
  await page.fill("#zoek", "");
  controleer(a.heel && b.heel && a.teksten.join(" | ") === "art-4.2-ontvangstbevestiging | art-7-registratie ×3"
    && b.teksten.join(" | ") === "art-4.2-ontvangstbevestiging | en art-4.3-termijn, art-7-registratie",
    `zakenlijst: ${a.teksten.join(" | ")}; ${b.teksten.join(" | ")}`);
}

for (const pagina of ["overtredingen.html", "regels.html", "invoerfouten.html", "perioden/2025.html", "perioden/2025-openbaar.html"]) {
  await page.goto(adres(pagina));
  controleer((await page.locator("h1").count()) === 1, `${pagina} geopend`);
}
await page.goto(adres("perioden/2025.html"));
await page.screenshot({ path: join(schermen, "periode.png"), fullPage: false });

// Text in charts and legends at 12 CSS pixels or more, at both widths; no page wider
// than the window except inside a table that scrolls on its own.
const paginas = ["index.html", "zaken.html", "overtredingen.html", "regels.html", "invoerfouten.html",
  "perioden/2025.html", "perioden/2026-K4.html", "perioden/2025-openbaar.html", zaakpagina];
for (const breedte of [1280, 390]) {
  await page.setViewportSize({ width: breedte, height: 900 });
  for (const pagina of ["index.html", "perioden/2025.html"]) {
    await page.goto(adres(pagina));
    const maten = await page.evaluate(() => {
      const uit = { teksten: 0, kleinste: Infinity, grafieken: 0, legenda: Infinity };
      for (const svg of document.querySelectorAll("svg.grafiek")) {
        if (svg.getBoundingClientRect().width === 0) continue;
        uit.grafieken += 1;
        const schaal = svg.getScreenCTM().a;
        for (const t of svg.querySelectorAll("text")) {
          if (!t.textContent.trim()) continue;
          uit.teksten += 1;
          uit.kleinste = Math.min(uit.kleinste, parseFloat(t.getAttribute("font-size")) * schaal);
        }
      }
      for (const l of document.querySelectorAll("ul.legenda li, figure.grafiek figcaption")) {
        uit.legenda = Math.min(uit.legenda, parseFloat(getComputedStyle(l).fontSize));
      }
      return uit;
    });
    controleer(maten.grafieken >= 6 && maten.teksten > 30 && maten.kleinste >= 12,
      `${pagina} op ${breedte} px: ${maten.grafieken} grafieken, kleinste tekst ${maten.kleinste.toFixed(1)} px`);
    controleer(maten.legenda >= 12, `${pagina} op ${breedte} px: legenda ${maten.legenda} px`);
  }
  for (const pagina of paginas) {
    await page.goto(pagina.startsWith("file:") ? pagina : adres(pagina));
    const breed = await page.evaluate(() => document.documentElement.scrollWidth);
    controleer(breed <= breedte, `${pagina.split("/").slice(-2).join("/")} op ${breedte} px is ${breed} px breed`);
  }
  if (breedte === 1280) {
    // The count tables fit: none of them scrolls sideways at this width.
    for (const pagina of ["overtredingen.html", "regels.html", "perioden/2025.html", "perioden/2025-openbaar.html"]) {
      await page.goto(adres(pagina));
      const rollend = await page.evaluate(() => [...document.querySelectorAll(".tabelrol")]
        .filter((r) => r.querySelector("table.aantallen, table.vergelijking") && r.scrollWidth > r.clientWidth + 1).length);
      controleer(rollend === 0, `${pagina}: telling-tabellen passen op ${breedte} px (${rollend} rollen opzij)`);
    }
  }
  if (breedte === 390) {
    await page.goto(index);
    await page.screenshot({ path: join(schermen, "dashboard-390.png"), fullPage: false });
  }
  // Tables of records (findings, terms, changes, input errors): on a phone each row is a
  // block that fits the screen, its long text at least 300 px wide and its column names
  // beside the values; on a laptop a table with its header.
  for (const pagina of [zaakpagina, "overtredingen.html", "invoerfouten.html", "index.html", "perioden/2025.html"]) {
    await page.goto(pagina.startsWith("file:") ? pagina : adres(pagina));
    const m = await page.evaluate(() => {
      const tabellen = [...document.querySelectorAll("table.stapel")];
      return {
        tabellen: tabellen.length,
        rollend: tabellen.filter((t) => t.closest(".tabelrol").scrollWidth > t.closest(".tabelrol").clientWidth + 1).length,
        smalste: Math.min(...[...document.querySelectorAll("table.stapel td.lang")].map((c) => c.getBoundingClientRect().width)),
        kop: Math.max(...tabellen.map((t) => t.tHead.getBoundingClientRect().height)),
        naam: [...document.querySelectorAll("table.stapel td[data-kop]")].some((c) => getComputedStyle(c, "::before").content.includes(c.dataset.kop)),
      };
    });
    const wat = `${pagina.split("/").slice(-2).join("/")} op ${breedte} px`;
    if (breedte === 390) {
      controleer(m.tabellen > 0 && m.rollend === 0 && m.smalste >= 300 && m.kop <= 1 && m.naam,
        `${wat}: ${m.tabellen} tabellen als blokken, ${m.rollend} rollen opzij, lange tekst ${Math.round(m.smalste)} px breed`);
    } else {
      controleer(m.tabellen > 0 && m.kop > 20 && !m.naam, `${wat}: ${m.tabellen} tabellen met kolomkoppen`);
    }
  }
  if (breedte === 390) {
    await page.goto(zaakpagina);
    await page.screenshot({ path: join(schermen, "zaak-390.png"), fullPage: true });
  }
}

// Print: A4 pages, "Vertrouwelijk" and the peildatum on each, the charts' figures as
// tables, case numbers, dates and rule ids whole.
const pdfmap = mkdtempSync(join(tmpdir(), "klachten-pdf-"));
await page.goto(index);
const peildatum = /peildatum\s+(\d\d-\d\d-\d{4})/.exec(await page.locator(".merk").textContent())[1];
const zaakbestand = zaakpagina.slice(zaakpagina.indexOf("/zaken/") + 1);
for (const [pagina, vertrouwelijk] of [["perioden/2025.html", true], ["index.html", true], ["perioden/2025-openbaar.html", false], [zaakbestand, true]]) {
  await page.goto(adres(pagina));
  const pdf = join(pdfmap, pagina.replace(/\W/g, "_") + ".pdf");
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  const info = execFileSync("pdfinfo", [pdf]).toString();
  const paginaAantal = +/Pages:\s+(\d+)/.exec(info)[1];
  controleer(/Page size:\s+[\d.]+ x [\d.]+ pts \(A4\)/.test(info), `${pagina} gedrukt op A4 (${paginaAantal} pagina's)`);
  let elk = true;
  for (let p = 1; p <= paginaAantal; p++) {
    const tekst = execFileSync("pdftotext", ["-f", String(p), "-l", String(p), pdf, "-"]).toString();
    const kop = vertrouwelijk ? tekst.includes("Vertrouwelijk") : !tekst.includes("Vertrouwelijk") && tekst.includes("Openbaar jaarverslag");
    if (!kop || !tekst.includes(`Peildatum ${peildatum}`)) { elk = false; console.log(`  pagina ${p}: ${tekst.slice(0, 120)}`); }
  }
  controleer(elk, `${pagina}: ${vertrouwelijk ? "Vertrouwelijk" : "Openbaar"} en peildatum op elke gedrukte pagina`);
  const alles = execFileSync("pdftotext", ["-layout", pdf, "-"]).toString();
  if (pagina === zaakbestand) {
    controleer(alles.includes("Termijnen") && alles.includes("Bevindingen") && alles.includes("Wijzigingshistorie"), `${pagina}: termijnen, bevindingen en historie gedrukt`);
  } else if (pagina !== "perioden/2025-openbaar.html") {
    const figuren = ["Ontvangen klachten per maand en dienst", "jan 2025", "Oordelen per kwartaal", "Openstaande klachten aan het eind van de maand"];
    controleer(figuren.every((f) => alles.split(f).length > 2), `${pagina}: de cijfers bij de grafieken staan als tabel in de afdruk`);
  }
  if (pagina !== "perioden/2025-openbaar.html") {
    // Read line by line, as laid out in each cell: a break inside a table cell ends a line.
    const regels = execFileSync("pdftotext", [pdf, "-"]).toString();
    const afgebroken = /SL-\s*$|SL-\d{4}-\s*$|\d\d-\d\d-\s*$|art-[\d.]*-?\s*$/m;
    controleer(!afgebroken.test(alles) && !afgebroken.test(regels), `${pagina}: zaaknummers, datums en regels niet afgebroken`);
  } else {
    controleer(alles.includes("Kerncijfers") && alles.includes("Zo is geteld"), `${pagina}: het openbaar verslag gedrukt`);
  }
}

// The cases list prints the cases its filter shows, all of them (not only the rows in
// view), under a line that says which; afterwards the screen shows the rows in view again.
await page.goto(adres("zaken.html"));
await page.waitForSelector("#zaken tbody tr.zaak");
const zaaknummers = await page.evaluate(() => window.KLACHTEN_ZAKEN.rijen.map((r) => r[0]));
const opPapier = (pdf) => {
  const tekst = execFileSync("pdftotext", [pdf, "-"]).toString();
  const woorden = new Set(tekst.split(/\s+/));
  return { tekst: tekst.replace(/\s+/g, " "), zaken: zaaknummers.filter((z) => woorden.has(z)) };
};
const metOvertredingTotaal = await page.evaluate(() => window.KLACHTEN_ZAKEN.rijen.filter((r) => r[10][0] > 0).length);
const allePdf = join(pdfmap, "zaken.pdf");
await page.pdf({ path: allePdf, preferCSSPageSize: true, printBackground: true });
const alle = opPapier(allePdf);
const inBeeld = await page.locator("#zaken tbody tr.zaak").count();
controleer(inBeeld > 0 && inBeeld < zaaknummers.length, `na het afdrukken van alle ${zaaknummers.length} zaken staan er weer ${inBeeld} rijen in beeld`);
const liggend = execFileSync("pdfinfo", [allePdf]).toString();
const vellen = +/Pages:\s+(\d+)/.exec(liggend)[1];
const elkVel = Array.from({ length: vellen }, (_, i) => String(i + 1)).every((p) =>
  execFileSync("pdftotext", ["-f", p, "-l", p, allePdf, "-"]).toString().includes("Vertrouwelijk"));
controleer(/Page size:\s+841\.\d+ x 59[45]\.\d+ pts \(A4\)/.test(liggend) && elkVel,
  `zaken.html gedrukt op A4 liggend (${vellen} pagina's), met "Vertrouwelijk" op elke pagina`);
controleer(alle.zaken.length === zaaknummers.length && alle.tekst.includes(`Op papier: alle ${zaaknummers.length} zaken, gesorteerd op zaak (oplopend).`),
  `zaken.html gedrukt: ${alle.zaken.length} van ${zaaknummers.length} zaken op papier`);
// Printed, every cell of the list holds its content (none runs into the next), at the
// width of the page: A4 landscape less its margins, 269 mm.
const scherm = page.viewportSize();
await page.setViewportSize({ width: 1017, height: 900 });
await page.emulateMedia({ media: "print" });
await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
const overlopend = await page.evaluate(() => [...document.querySelectorAll("#zaken th, #zaken td")]
  .filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent.trim().slice(0, 40)));
controleer(overlopend.length === 0, `zaken.html gedrukt: elke cel houdt haar inhoud${overlopend.length ? ": " + overlopend.slice(0, 3).join(" | ") : ""}`);
await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
await page.emulateMedia({ media: null });
await page.setViewportSize(scherm);
await page.selectOption("#ernst", "0");
await page.fill("#van", "01-07-2025");
await page.fill("#zoek", "SL-2025");
const metOvertreding = await page.evaluate(() => window.KLACHTEN_ZAKEN.rijen
  .filter((r) => r[10][0] > 0 && r[2] >= "2025-07-01" && r[0].startsWith("SL-2025")).map((r) => r[0]));
const metOvertredingIn2025 = await page.evaluate(() => window.KLACHTEN_ZAKEN.rijen.filter((r) => r[10][0] > 0 && r[0].startsWith("SL-2025")).length);
const gefilterdPdf = join(pdfmap, "zaken-gefilterd.pdf");
await page.pdf({ path: gefilterdPdf, preferCSSPageSize: true, printBackground: true });
const gefilterd = opPapier(gefilterdPdf);
// Each of the three filters leaves some cases out.
controleer(metOvertreding.length > 1 && metOvertreding.length < metOvertredingIn2025 && metOvertredingIn2025 < metOvertredingTotaal &&
  gefilterd.zaken.join() === metOvertreding.join() &&
  gefilterd.tekst.includes(`Op papier: ${metOvertreding.length} van de ${zaaknummers.length} zaken, gefilterd op zoekterm \u201cSL-2025\u201d; ontvangen vanaf 01-07-2025; ernst: met een overtreding, gesorteerd op zaak (oplopend).`),
  `zaken.html gefilterd gedrukt: precies de ${metOvertreding.length} zaken van 2025 met een overtreding vanaf juli, en dat staat erboven`);
controleer((await page.locator("#zaken tbody tr.vulling").count()) === 2, "na het afdrukken tekent de zakenlijst weer alleen de rijen in beeld");
rmSync(pdfmap, { recursive: true, force: true });

controleer(meldingen.length === 0, `geen consolefouten of externe verzoeken${meldingen.length ? ": " + meldingen.join("; ") : ""}`);
await sluit(browser);
