// The cases list at scale: a site built from a synthetic register of 100,000 cases
// (`klachten genereer --zaken 100000 --seed 1`) opened from disk in Chromium. zaken.html
// must show cases within 2 seconds, and its search box find a case by its number within
// 2 seconds. Printing it puts the first 1,000 cases on paper. Prints the times it measured.
//
//   node tests/browser/zaken-schaal.test.mjs SITE
import { controleer, sluit, start } from "./hulp.mjs";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const site = resolve(process.argv[2] ?? "site-groot");
const GRENS = 2000;
const kb = (pad) => Math.round(statSync(join(site, pad)).size / 1000);
console.log(`zaken.html ${kb("zaken.html")} kB, assets/zaken-gegevens.js ${kb("assets/zaken-gegevens.js")} kB`);
const browser = await start();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const meldingen = [];
page.on("pageerror", (e) => meldingen.push(e.message));
const adres = pathToFileURL(join(site, "zaken.html")).href;

// Twice: the first run also reads the files from disk into the cache.
const laadtijden = [];
for (let keer = 0; keer < 2; keer++) {
  await page.goto("about:blank");
  const begin = Date.now();
  await page.goto(adres, { waitUntil: "commit" });
  await page.waitForSelector("#zaken tbody tr.zaak", { timeout: 30000 });
  laadtijden.push(Date.now() - begin);
}
const aantal = await page.evaluate(() => window.KLACHTEN_ZAKEN.rijen.length);
const op_scherm = await page.locator("#zaken tbody tr.zaak:visible").count();
controleer(aantal >= 100000 && op_scherm >= 10, `${aantal} zaken, ${op_scherm} rijen getekend`);
controleer(Math.max(...laadtijden) < GRENS, `zaken.html toont zaken na ${laadtijden.join(" en ")} ms`);

// Search for case numbers from the middle and the end of the list.
for (const plek of [Math.floor(aantal * 0.73), aantal - 1]) {
  await page.fill("#zoek", "");
  await page.waitForFunction((n) => document.getElementById("aantal").textContent.startsWith(`${n} van`), aantal);
  const zaak = await page.evaluate((i) => window.KLACHTEN_ZAKEN.rijen[i][0], plek);
  const begin = Date.now();
  await page.fill("#zoek", zaak);
  await page.waitForFunction((z) => {
    const rij = document.querySelector("#zaken tbody tr.zaak");
    return rij && rij.cells[0].textContent === z;
  }, zaak, { timeout: 30000 });
  const tijd = Date.now() - begin;
  controleer(tijd < GRENS, `zoeken vindt ${zaak} na ${tijd} ms`);
}

// Scrolling far down draws the rows there.
await page.fill("#zoek", "");
await page.evaluate(() => { const rol = document.getElementById("zakenrol"); rol.scrollTop = rol.scrollHeight / 2; });
await page.waitForTimeout(200);
const midden = await page.locator("#zaken tbody tr.zaak").first().locator("td").first().textContent();
controleer(midden !== (await page.evaluate(() => window.KLACHTEN_ZAKEN.rijen[0][0])), `halverwege gescrold staat ${midden} in beeld`);

// Printing draws at most 1,000 rows, the first ones, and says so above them; afterwards the
// list is where it was.
const pdf = join(mkdtempSync(join(tmpdir(), "klachten-pdf-")), "zaken.pdf");
const drukbegin = Date.now();
await page.pdf({ path: pdf, preferCSSPageSize: true });
const druktijd = Date.now() - drukbegin;
const gedrukt = execFileSync("pdftotext", [pdf, "-"]).toString();
const gedrukteZaken = [...new Set(gedrukt.match(/\bSYN-\d{7}\b/g))].sort();
const eersten = await page.evaluate(() => window.KLACHTEN_ZAKEN.rijen.slice(0, 1000).map((r) => r[0]).sort());
await page.waitForTimeout(200);
const naAfdruk = await page.locator("#zaken tbody tr.zaak").first().locator("td").first().textContent();
rmSync(dirname(pdf), { recursive: true, force: true });
controleer(gedrukteZaken.join() === eersten.join() && gedrukt.replace(/\s+/g, " ").includes(`Op papier: de eerste 1000 van de ${aantal} zaken, gesorteerd op zaak (oplopend); alle zaken staan in zaken.csv.`),
  `afgedrukt: de eerste ${gedrukteZaken.length} zaken, met waar de rest staat (${druktijd} ms)`);
controleer(naAfdruk === midden, `na het afdrukken staat ${naAfdruk} weer in beeld (ervoor ${midden})`);

controleer(meldingen.length === 0, `geen fouten in de pagina${meldingen.length ? ": " + meldingen.join("; ") : ""}`);
await sluit(browser);
