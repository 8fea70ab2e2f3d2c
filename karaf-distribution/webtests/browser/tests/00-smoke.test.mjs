import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, screen, shot, admin } from '../lib/shop.mjs';
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });
test('health in the browser', async () => {
  const page = await (await screen(browser)).newPage();
  await page.goto('/api/health');
  await page.getByText('UP').waitFor();
  await shot(page, 'smoke');
  assert.equal((await admin.get('/staff')).status, 200);
});
