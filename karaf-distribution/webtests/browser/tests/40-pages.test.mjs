// Every main page of the sidebar opens for a role that works with it, on that role's screen, without a script error
// or a failed API call, and is kept as a screenshot: target/screenshots/<area>.png (the board on the 1920×1080
// workshop TV, the technician view on the 1024×768 tablet, everything else on the 1366×768 desk).
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { browserTest, launch, screen, shot, staff, api, t, menuEntries, mayOpen, logIn, openMenu } from '../lib/shop.mjs';

/** Who looks at each area first, and on which screen; an entry that role may not open goes to the next who may. */
const WHO = { board: 'foreman', technician: 'technician', qc: 'foreman', cashier: 'cashier', settings: 'admin', plugins: 'admin' };
const ROLES = ['advisor', 'foreman', 'technician', 'cashier', 'manager', 'admin'];
const SCREEN = { board: 'tv', technician: 'tablet' };

let browser;
const accounts = {};
before(async () => {
  browser = await launch();
  for (const role of ROLES) {
    accounts[role] = await staff(role);
    accounts[role].granted = (await api(accounts[role].login, accounts[role].password).get('/permissions')).body.granted;
  }
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
    const role = [WHO[entry.area] ?? 'advisor', ...ROLES].find((r) => mayOpen(entry, accounts[r].granted));
    assert.ok(role, `nobody may open ${entry.path} (${entry.permissions})`);
    const who = accounts[role];
    const context = await screen(browser, SCREEN[entry.area] ?? 'desk');
    const page = await context.newPage();
    await logIn(page, who);
    // from here on (the login page asks /api/session and gets 401 by design)
    const errors = [];
    page.on('pageerror', (e) => errors.push(`script error: ${e.message}`));
    page.on('response', (r) => {
      if (r.url().includes('/api/') && r.status() >= 400) errors.push(`${r.request().method()} ${r.url()} → ${r.status()}`);
    });
    await openMenu(page, entry.titleKey);
    await page.waitForURL((url) => url.href.includes(entry.path));
    await shot(page, entry.path === '/' ? 'home' : entry.path.slice(1).replace(/\//g, '-'));
    assert.deepEqual(errors, []);
    await context.close();
  });
}
