// 设置 → 店铺设置 as the service manager: a refused value is shown under its field and nothing is saved; a save on
// settings someone else changed meanwhile says 已被他人修改 and reloading shows their value.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { browserTest, launch, screen, staff, api, t, exactly, logIn, field, settled, shot } from '../lib/shop.mjs';

let browser;
let manager;
before(async () => {
  browser = await launch();
  manager = await staff('manager');
});
after(async () => browser?.close());

browserTest('店铺设置: a refused VAT rate is named under its field; a stale save offers a reload', async () => {
  const context = await screen(browser, 'desk');
  const page = await context.newPage();
  await logIn(page, manager);
  await page.goto('/settings?tab=shop');
  const form = page.locator('[data-test="settings-shop"]');
  await field(page, 'settings-shop-vatRate').waitFor();
  await settled(page);
  assert.equal(await field(page, 'settings-shop-timeZone').inputValue(), 'Asia/Shanghai');
  assert.equal(await field(page, 'settings-shop-timeZone').isDisabled(), true);
  const calls = api(manager.login, manager.password);
  const before = (await calls.get('/shop-settings')).body;

  await field(page, 'settings-shop-vatRate').fill('0.2');
  await page.locator('[data-test="settings-shop-save"]').click();
  await form.getByText('增值税率须在 0 到 0.17 之间').waitFor();
  assert.equal((await calls.get('/shop-settings')).body.version, before.version, 'nothing saved');
  await shot(page, 'settings-shop-refused');

  // someone else moves the maintenance reminder while the page still shows the old version
  const theirs = before.dueSoonDays === 40 ? 41 : 40;
  await calls.put('/shop-settings', { ...before, dueSoonDays: theirs });
  try {
    await field(page, 'settings-shop-vatRate').fill('0.13');
    await page.locator('[data-test="settings-shop-save"]').click();
    const stale = page.locator('[data-test="settings-shop-stale"]');
    await stale.getByText(t('settings.shop.stale')).waitFor();
    await stale.getByRole('button', { name: exactly('settings.shop.reload') }).click();
    await stale.waitFor({ state: 'detached' });
    assert.equal(await field(page, 'settings-shop-dueSoonDays').inputValue(), String(theirs));
  } finally {
    const now = (await calls.get('/shop-settings')).body;
    await calls.put('/shop-settings', { ...before, version: now.version });
  }
  await context.close();
});
