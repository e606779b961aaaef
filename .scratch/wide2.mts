import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
await page.setContent(readFileSync('/tmp/fx/r.html', 'utf8'));
await page.emulateMedia({ media: 'print' });
console.log(await page.evaluate(() => Array.from(document.querySelectorAll('table')).filter((t) => t.getBoundingClientRect().right > document.body.clientWidth + 1).map((t) => t.className + ' ' + t.closest('section')!.id + ' ' + t.getBoundingClientRect().right)));
await browser.close();
