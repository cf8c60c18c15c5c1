import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' });
page.on('console', m => { if (m.type() === 'error') console.log('console', m.text().slice(0, 200)); });
page.on('pageerror', e => console.log('pageerror', e.message.slice(0, 300)));
page.on('response', r => { if (r.status() >= 400) console.log('HTTP', r.status(), r.url()); });
const t0 = Date.now();
await page.goto('http://127.0.0.1:4397/admin/', { timeout: 120000 });
try { await page.getByRole('button', { name: 'Login' }).waitFor({ timeout: 30000 }); console.log('login visible after', Date.now() - t0); } catch (e) { console.log('no login'); }
console.log((await page.locator('body').innerText()).slice(0, 300));
await browser.close();
