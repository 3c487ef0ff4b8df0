// Browser test of the built site: opened straight from disk in Debian's Chromium, the
// dashboard links to a case and back, no page logs an error, the charts are drawn, and
// the cases table filters. Screenshots go to tests/browser/screenshots/.
//
//   cargo run --release -- build --as-of 2026-11-24 && node tests/browser/site.test.mjs
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const hier = dirname(fileURLToPath(import.meta.url));
const site = resolve(process.argv[2] ?? join(hier, "..", "..", "site"));
const schermen = join(hier, "screenshots");
mkdirSync(schermen, { recursive: true });

const fouten = [];
let geslaagd = 0;
function controleer(voorwaarde, wat) {
  if (voorwaarde) {
    geslaagd += 1;
    console.log(`ok: ${wat}`);
  } else {
    fouten.push(wat);
    console.log(`FOUT: ${wat}`);
  }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const meldingen = [];
page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") meldingen.push(`${page.url()}: ${m.text()}`); });
page.on("pageerror", (e) => meldingen.push(`${page.url()}: ${e.message}`));
page.on("requestfailed", (r) => meldingen.push(`${page.url()}: laden mislukt: ${r.url()}`));
page.on("request", (r) => { if (!r.url().startsWith("file://")) meldingen.push(`verzoek buiten de site: ${r.url()}`); });

const index = pathToFileURL(join(site, "index.html")).href;
await page.goto(index);
controleer((await page.locator("h1").textContent()).includes("Dashboard"), "dashboard geopend vanaf schijf");
const grafieken = page.locator("svg.grafiek");
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
await page.goBack();
await page.waitForLoadState("load");
controleer(page.url() === index, "terug naar het dashboard");

await page.goto(pathToFileURL(join(site, "zaken.html")).href);
await page.waitForSelector("#filters:not([hidden])");
const alle = await page.locator("#zaken tbody tr").count();
await page.fill("#zoek", zaak);
const zichtbaar = await page.locator("#zaken tbody tr:not([hidden])").count();
controleer(zichtbaar >= 1 && zichtbaar < alle, `filteren op ${zaak}: ${zichtbaar} van ${alle}`);
await page.fill("#zoek", "");
await page.locator("#zaken thead th").first().locator("button").click();
await page.locator("#zaken thead th").first().locator("button").click();
const eerste = (await page.locator("#zaken tbody tr").first().locator("td").first().textContent()).trim();
controleer(eerste >= zaak, `sorteren op zaaknummer (aflopend begint met ${eerste})`);
await page.screenshot({ path: join(schermen, "zaken.png"), fullPage: false });

for (const pagina of ["overtredingen.html", "regels.html", "invoerfouten.html", "perioden/2025.html"]) {
  await page.goto(pathToFileURL(join(site, pagina)).href);
  controleer((await page.locator("h1").count()) === 1, `${pagina} geopend`);
}
await page.screenshot({ path: join(schermen, "periode.png"), fullPage: false });

controleer(meldingen.length === 0, `geen consolefouten of externe verzoeken${meldingen.length ? ": " + meldingen.join("; ") : ""}`);
await browser.close();
console.log(`${geslaagd} passed, ${fouten.length} failed`);
process.exit(fouten.length === 0 ? 0 : 1);
