// Every shop role logs in through the login page and gets exactly the menus its permissions allow; what is hidden
// is refused by the API anyway; the app is Chinese first (drawn with a CJK font) and switches to English.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  browserTest, launch, screen, shot, staff, api, admin, t, exactly, menuEntries, mayOpen, logIn, showWholeMenu, fromPage, fontsOf,
} from '../lib/shop.mjs';

const ROLES = ['advisor', 'technician', 'foreman', 'inspector', 'parts', 'cashier', 'manager', 'admin'];
/** What each role's work needs at the least, and what it must never be offered (by area). */
const MUST = {
  advisor: { shows: ['desk', 'workorder', 'appointment', 'archive'], hides: ['plugins', 'technician'] },
  technician: { shows: ['technician'], hides: ['desk', 'plugins', 'settings'] },
  foreman: { shows: ['board', 'qc'], hides: ['plugins'] },
  parts: { shows: ['parts'], hides: ['plugins', 'desk'] },
  cashier: { shows: ['cashier'], hides: ['plugins', 'technician'] },
  admin: { shows: ['plugins', 'settings'], hides: [] },
};

let browser;
const accounts = {};
before(async () => {
  browser = await launch();
  for (const role of ROLES) accounts[role] = await staff(role);
});
after(async () => browser?.close());

for (const role of ROLES) {
  browserTest(`${role}: logs in and sees the menus of its permissions, no others`, async () => {
    const who = accounts[role];
    const granted = (await api(who.login, who.password).get('/permissions')).body.granted;
    const entries = menuEntries();
    const offered = entries.filter((e) => mayOpen(e, granted));
    const withheld = entries.filter((e) => !mayOpen(e, granted));
    for (const area of MUST[role]?.shows ?? []) {
      assert.ok(offered.some((e) => e.area === area), `${role} should be offered ${area}`);
    }
    for (const area of MUST[role]?.hides ?? []) {
      assert.ok(!offered.some((e) => e.area === area), `${role} must not be offered ${area}`);
    }
    const context = await screen(browser);
    const page = await context.newPage();
    await logIn(page, who);
    await showWholeMenu(page);
    for (const e of offered) {
      await page.getByRole('menuitem', { name: exactly(e.titleKey) }).waitFor();
    }
    for (const e of withheld) {
      assert.equal(await page.getByRole('menuitem', { name: exactly(e.titleKey) }).count(), 0,
        `${role} is offered ${t(e.titleKey)} without any of ${e.permissions}`);
    }
    await shot(page, `menu-${role}`);
    await context.close();
  });
}

browserTest('a wrong password is refused on the login page with the reason, and no session is made', async () => {
  const context = await screen(browser);
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel(t('shell.loginName')).fill(accounts.cashier.login);
  await page.getByLabel(t('shell.password'), { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: exactly('shell.loginButton') }).click();
  await page.locator('[data-test="shell-login-error"]').getByText(t('shell.loginFailed')).waitFor();
  await shot(page, 'login-failed');
  assert.equal((await page.request.get('/api/session')).status(), 401);
  await context.close();
});

browserTest('logout ends the session: the app is back at the login page and the API refuses the cookie', async () => {
  const context = await screen(browser);
  const page = await context.newPage();
  await logIn(page, accounts.parts);
  assert.equal((await page.request.get('/api/session')).status(), 200);
  await page.locator('[data-test="shell-user"]').click();
  await page.getByRole('menuitem', { name: exactly('shell.logout') }).click();
  await page.getByLabel(t('shell.password'), { exact: true }).waitFor();
  assert.equal((await page.request.get('/api/session')).status(), 401);
  await page.reload();
  await page.getByLabel(t('shell.password'), { exact: true }).waitFor();
  await context.close();
});

browserTest('what a technician is not offered, the API refuses from the technician\'s own browser session', async () => {
  const context = await screen(browser);
  const page = await context.newPage();
  await logIn(page, accounts.technician);
  assert.equal(await page.getByRole('menuitem', { name: exactly('plugins.title') }).count(), 0);
  assert.equal(await page.getByRole('menuitem', { name: exactly('settings.title') }).count(), 0);
  const disable = await fromPage(page, 'POST', '/plugins/insurance/disable', {});
  assert.equal(disable.status, 403, JSON.stringify(disable.body));
  const addStaff = await fromPage(page, 'POST', '/staff',
    { login: 'sneaky', name: '冒名', password: 'Sneaky-2026-x', roles: ['admin'] });
  assert.equal(addStaff.status, 403, JSON.stringify(addStaff.body));
  assert.equal((await admin.get('/plugins/insurance')).body.state, 'ACTIVE');
  assert.equal((await admin.call('GET', '/staff/sneaky')).status, 404);
  await context.close();
});

browserTest('Chinese first: lang zh-CN, menus drawn with a CJK font; English on the switch, Chinese again after', async () => {
  const context = await screen(browser);
  const page = await context.newPage();
  await logIn(page, accounts.advisor);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  const desk = page.getByRole('menuitem', { name: exactly('desk.title') });
  await desk.waitFor();
  await desk.evaluate((el) => el.setAttribute('data-font-probe', ''));
  const fonts = await fontsOf(page, '[data-font-probe]');
  assert.ok(fonts.some((f) => /CJK|Hei|Song|Kai|WenQuanYi|Droid Sans Fallback/i.test(f.familyName) && f.glyphCount > 0),
    `${t('desk.title')} is drawn with ${JSON.stringify(fonts)} (no CJK font: install fonts-noto-cjk)`);
  await shot(page, 'chinese');
  await page.locator('[data-test="shell-language"]').click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await page.getByRole('menuitem', { name: exactly('desk.title', {}, 'en') }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await shot(page, 'english');
  await page.locator('[data-test="shell-language"]').click();
  await page.getByRole('menuitem', { name: '中文' }).click();
  await desk.waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  await context.close();
});
