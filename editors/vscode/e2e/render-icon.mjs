// Renders media/icon.svg to media/icon.png (128 x 128, as the Marketplace wants a PNG) with
// Debian's Chromium: `node render-icon.mjs` after editing the SVG.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const media = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "media");
const svg = fs.readFileSync(path.join(media, "icon.svg"), "utf8");
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator("svg").screenshot({ path: path.join(media, "icon.png"), omitBackground: true });
} finally {
  await browser.close();
}
