// Every main page of the sidebar opens for a role that works with it, on that role's screen, without a script error
// or a failed API call, and is kept as a screenshot: target/screenshots/<area>.png (the board on the 1920×1080
// workshop TV, the technician view on the 1024×768 tablet, everything else on the 1366×768 desk).
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { browserTest, launch, screen, shot, staff, api, t, menuEntries, logIn, openMenu } from '../lib/shop.mjs';

/** Who looks at each area first (the first of these roles that has the entry's permission), and on which screen. */
const WHO = { board: 'foreman', technician: 'technician', qc: 'foreman', settings: 'admin', plugins: 'admin' };
const SCREEN = { board: 'tv', technician: 'tablet' };

let browser;
const accounts = {};
before(async () => {
  browser = await launch();
  for (const role of ['advisor', 'foreman', 'technician', 'admin']) accounts[role] = await staff(role);
});
after(async () => browser?.close());

browserTest('the login page, in Chinese', async () => {
  const context = await screen(browser, 'desk');
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel(t('shell.password'), { exact: true }).waitFor();
  await shot(page, 'login');
  await context.close();
});

for (const entry of menuEntries()) {
  browserTest(`${t(entry.titleKey)} (${entry.area}) opens without an error`, async () => {
    const role = WHO[entry.area] ?? 'advisor';
    const who = accounts[role];
    const granted = (await api(who.login, who.password).get('/permissions')).body.granted;
    assert.ok(!entry.permission || granted.includes(entry.permission), `${role} lacks ${entry.permission}`);
    const context = await screen(browser, SCREEN[entry.area] ?? 'desk');
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(`script error: ${e.message}`));
    page.on('response', (r) => {
      if (r.url().includes('/api/') && r.status() >= 400) errors.push(`${r.request().method()} ${r.url()} → ${r.status()}`);
    });
    await logIn(page, who);
    await openMenu(page, entry.titleKey);
    await page.waitForURL((url) => url.href.includes(entry.path));
    await shot(page, entry.area);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
