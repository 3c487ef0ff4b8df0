// What the browser tests share: Chromium started as CI can run it, and a tally of checks
// that ends with the line "N passed, N failed".
import { chromium } from "playwright-core";

const fouten = [];
let geslaagd = 0;

export function controleer(voorwaarde, wat) {
  if (voorwaarde) {
    geslaagd += 1;
    console.log(`ok: ${wat}`);
  } else {
    fouten.push(wat);
    console.log(`FOUT: ${wat}`);
  }
}

// Debian's Chromium, headless, with nothing that reaches out to the network.
export function start() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
}

export async function sluit(browser) {
  await browser.close();
  console.log(`${geslaagd} passed, ${fouten.length} failed`);
  process.exit(fouten.length === 0 ? 0 : 1);
}
