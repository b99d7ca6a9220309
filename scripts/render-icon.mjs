// Renders resources/icon.svg to the 512x512 PNG that electron-builder turns
// into each platform's icon. Run after changing the SVG.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const resources = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'resources',
);
const svg = readFileSync(join(resources, 'icon.svg'), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage({ viewport: { width: 512, height: 512 } });
await page.setContent(
  `<html><body style="margin:0;background:transparent">${svg}</body></html>`,
);
await page.screenshot({
  path: join(resources, 'icon.png'),
  omitBackground: true,
});
await browser.close();
