// Plugin pages at runtime: the insurance plugin's menu entries and pages are there while it runs; the admin disables
// it on 插件管理 and they go from every open browser, enables it and they come back and open, all without a reload.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  browserTest, launch, screen, shot, staff, api, admin, t, exactly, logIn, openMenu, showWholeMenu,
} from '../lib/shop.mjs';

let browser;
let advisor, adminUser;

before(async () => {
  browser = await launch();
  advisor = await staff('advisor');
  adminUser = await staff('admin');
  if ((await admin.get('/plugins/insurance')).body.state !== 'ACTIVE') await admin.post('/plugins/insurance/enable');
});
after(async () => {
  // whatever happened, leave the plugin running for the scripts after this one
  if ((await admin.get('/plugins/insurance')).body.state !== 'ACTIVE') await admin.post('/plugins/insurance/enable');
  await browser?.close();
});

/** The insurance menu entries the advisor is given: [{ path, title, module }]. */
async function insuranceMenu() {
  const { extensions } = (await api(advisor.login, advisor.password).get('/web/extensions')).body;
  return (extensions.find((e) => e.plugin === 'insurance')?.pages ?? []).filter((p) => p.menu);
}

browserTest('insurance pages come and go with the plugin in open browsers, without reloading', async () => {
  const entries = await insuranceMenu();
  assert.ok(entries.length > 0, 'the running insurance plugin contributes menu entries');

  const watching = await (await screen(browser, 'desk')).newPage();
  await logIn(watching, advisor);
  await showWholeMenu(watching);
  const menu = watching.locator('[data-test="shell-menu"]');
  const item = (title) => menu.getByRole('menuitem', { name: new RegExp(`^\\s*${title}\\s*$`) });
  for (const e of entries) await item(e.title).waitFor();
  await watching.evaluate(() => { window.__notReloaded = true; });

  const manager = await (await screen(browser, 'desk')).newPage();
  await logIn(manager, adminUser);
  await openMenu(manager, 'plugins.title');
  const state = manager.locator('[data-test="plugins-state-insurance"]');
  await state.getByText(t('plugins.states.ACTIVE')).waitFor();
  await manager.locator('[data-test="plugins-disable-insurance"]').click();
  await state.getByText(t('plugins.states.DISABLED')).waitFor();
  await shot(manager, 'plugins-insurance-disabled');

  // gone from the advisor's open browser, and from the list the app is given
  for (const e of entries) await item(e.title).waitFor({ state: 'detached' });
  assert.deepEqual(await insuranceMenu(), []);

  await manager.locator('[data-test="plugins-enable-insurance"]').click();
  await state.getByText(t('plugins.states.ACTIVE')).waitFor();
  for (const e of entries) await item(e.title).waitFor();
  assert.equal(await watching.evaluate(() => window.__notReloaded), true, 'the advisor\'s page reloaded');

  // and the page opens: its module loads and renders inside the shell
  const first = entries[0];
  const loaded = watching.waitForResponse((r) => r.url().endsWith(first.module) && r.ok());
  await item(first.title).click();
  await loaded;
  await watching.waitForURL((url) => url.href.includes(first.path));
  await watching.locator('.dms-title').getByText(first.title).waitFor();
  // insurance's pages mark their root insurance-<page>: /insurance/policies → insurance-policies
  await watching.locator(`[data-test="${first.path.slice(1).replace(/\//g, '-')}"]`).waitFor();
  await shot(watching, 'plugin-insurance');
  assert.equal(await watching.evaluate(() => window.__notReloaded), true);
  await watching.context().close();
  await manager.context().close();
});
