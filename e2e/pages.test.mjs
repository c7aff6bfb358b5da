// Page by page, signed in as the admin: every screen loads without a console error or warning, and
// every wrong address — an unknown path, or an id that names nothing — shows the dashboard's own
// not-found page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { base, expectConsole, page, useBrowser } from './lib.mjs';

useBrowser();

const screens = ['/', '/targets', '/scenarios', '/scenarios/new', '/runs', '/account', '/admin/users', '/admin/settings', '/admin/audit',
  '/admin/webhooks', '/compare', '/agents'];

for (const path of screens) {
  test(`${path} loads without console errors and has a favicon`, async () => {
    const response = await page.goto(base + path);
    assert.equal(response.status(), 200);
    await page.locator('main').waitFor();
    await page.waitForLoadState('networkidle');
    const icon = await page.request.get(base + '/favicon.ico');
    assert.equal(icon.status(), 200, 'favicon.ico');
  });
}

const unknown = ['/nowhere', '/targets/nowhere', '/scenarios/nowhere/edit', '/scenarios/nowhere/history', '/runs/nowhere', '/runs/12x', '/a/b/c'];

for (const path of unknown) {
  test(`${path} shows the not-found page`, async () => {
    const response = await page.goto(base + path);
    assert.equal(response.status(), 200, 'the server hands unknown pages to the dashboard');
    assert.match(response.headers()['content-type'], /text\/html/);
    await page.getByTestId('not-found').waitFor();
  });
}

for (const path of ['/runs/999999999', '/scenarios/999999999', '/scenarios/999999999/history']) {
  test(`${path} (an id that names nothing) shows the not-found page`, async () => {
    expectConsole(/status of 404/);
    await page.goto(base + path);
    await page.getByTestId('not-found').waitFor();
  });
}

test('/sign-in while signed in goes on to the overview', async () => {
  await page.goto(base + '/sign-in');
  await page.waitForURL(base + '/');
  await page.getByTestId('current-user').waitFor();
});

test('an unknown API path is a problem detail, not a page', async () => {
  const response = await page.request.get(base + '/api/v1/nowhere');
  assert.equal(response.status(), 404);
  assert.match(response.headers()['content-type'], /application\/problem\+json/);
  const body = await response.json();
  assert.equal(body.status, 404);
  assert.ok(body.type && body.title && body.detail, JSON.stringify(body));
});
