// Who may do what, end to end: the first admin comes from the setup link the server printed, signs
// out and in again, creates a viewer; the viewer changes the initial password, sees no button that
// changes anything, and the API refuses them (403) even when they try directly. Runs first: the other
// suites sign in as the admin created here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { admin, apiCall, base, expectConsole, newSession, page, setupUrl, shot, useBrowser } from './lib.mjs';

useBrowser({ signIn: false });

const viewer = { username: 'e2e-viewer', initial: 'initial viewer passphrase', password: 'the viewer’s own passphrase' };

async function signInOnPage(on, user, password) {
  await on.getByLabel('Username').fill(user);
  await on.getByLabel('Password', { exact: true }).fill(password);
  await on.getByRole('button', { name: 'Sign in' }).click();
}

test('the setup link from the server log creates the first admin, who is then signed in', async () => {
  assert.ok(setupUrl, 'BENCHDECK_SETUP_URL is not set (run e2e/run.sh)');
  assert.match(setupUrl, /\/setup#token=bds_[A-Za-z0-9_-]{43}$/);
  await page.goto(setupUrl);
  await page.getByTestId('setup-form').waitFor();
  assert.equal(new URL(page.url()).hash, '', 'the token stays in the address bar');
  await page.getByLabel('Username').fill(admin.username);
  await page.getByLabel('Password', { exact: true }).fill(admin.password);
  await page.getByLabel('Repeat password').fill(admin.password);
  await shot('auth-01-setup');
  await page.getByRole('button', { name: 'Create admin and sign in' }).click();
  await page.waitForURL(base + '/');
  await page.getByTestId('current-user').filter({ hasText: `${admin.username} (admin)` }).waitFor();
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Users' }).waitFor();
});

test('the setup link works once', async () => {
  const { context } = await newSession();
  const token = new URL(setupUrl).hash.replace(/^#token=/, '');
  const again = await apiCall(context, 'POST', '/api/v1/auth/setup', { token, username: 'intruder', password: 'another long passphrase' });
  assert.equal(again.status(), 400);
  const problem = await again.json();
  assert.ok(problem.errors.some((e) => (e.path ?? e.field) === 'token'), JSON.stringify(problem));
  await context.close();
});

test('sign out; a wrong password is refused with a message; the right one signs in and goes back', async () => {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/sign-in/);
  expectConsole(/status of 401/);
  await page.goto(base + '/runs');
  await page.waitForURL(/\/sign-in\?next=%2Fruns$/);
  await signInOnPage(page, admin.username, 'not the password at all');
  await page.getByRole('alert').filter({ hasText: 'Wrong username or password.' }).waitFor();
  await shot('auth-02-sign-in-failed');
  await page.getByLabel('Password', { exact: true }).fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(base + '/runs');
  await page.getByTestId('current-user').filter({ hasText: admin.username }).waitFor();
});

test('an admin creates a viewer on the users page', async () => {
  await page.goto(base + '/admin/users');
  const form = page.getByRole('form', { name: 'New user' });
  await form.getByLabel('Username').fill(viewer.username);
  await form.getByLabel('Initial password').fill(viewer.initial);
  await form.getByLabel('Role').selectOption('viewer');
  await form.getByRole('button', { name: 'Create user' }).click();
  const row = page.getByTestId(`user-row-${viewer.username}`);
  await row.waitFor();
  await row.getByText('must change password').waitFor();
  assert.equal(await row.getByRole('combobox').inputValue(), 'viewer');
  await shot('auth-03-users');
});

// the viewer's browser: another context, so other cookies
let viewerSession;

test('the new viewer must change the initial password before anything else', async () => {
  viewerSession = await newSession();
  const { page: vp } = viewerSession;
  await vp.goto(base + '/scenarios');
  await vp.waitForURL(/\/sign-in\?next=%2Fscenarios$/);
  await signInOnPage(vp, viewer.username, viewer.initial);
  await vp.waitForURL(/\/account\?change_password=1$/);
  await vp.getByTestId('must-change-password').waitFor();
  await shot('auth-04-must-change', vp);
  // the API holds them too, not only the dashboard
  const held = await viewerSession.context.request.get(base + '/api/v1/scenarios');
  assert.equal(held.status(), 403);
  assert.match((await held.json()).type, /\/password-change-required$/);

  await vp.getByLabel('Current password').fill(viewer.initial);
  await vp.getByLabel('New password', { exact: true }).fill(viewer.password);
  await vp.getByLabel('Repeat new password').fill(viewer.password);
  await vp.getByRole('button', { name: 'Change password' }).click();
  await vp.getByText('Password changed.').waitFor();
  await vp.getByTestId('must-change-password').waitFor({ state: 'detached' });
  await vp.getByTestId('current-user').filter({ hasText: `${viewer.username} (viewer)` }).waitFor();
});

test('a viewer sees no button to create or start anything, and the API answers 403 anyway', async () => {
  const { page: vp, context } = viewerSession;
  await vp.goto(base + '/scenarios');
  await vp.getByText('hello, 10 users, 10 s').first().waitFor();
  await vp.waitForLoadState('networkidle');
  assert.equal(await vp.getByRole('button', { name: /^Run\b/ }).count(), 0, 'a Run button for a viewer');
  assert.equal(await vp.getByRole('link', { name: 'New scenario' }).count(), 0, 'New scenario for a viewer');
  assert.equal(await vp.getByRole('button', { name: 'Delete' }).count(), 0, 'Delete for a viewer');
  await shot('auth-05-viewer-scenarios', vp);
  await vp.goto(base + '/targets');
  await vp.getByText('Benchdeck demo endpoints').first().waitFor();
  assert.equal(await vp.getByRole('button', { name: 'New target' }).count(), 0, 'New target for a viewer');
  assert.equal(await vp.getByRole('button', { name: /^Edit / }).count(), 0, 'Edit for a viewer');
  assert.equal(await vp.getByRole('navigation', { name: 'Admin' }).count(), 0, 'admin links for a viewer');

  const scenarios = await (await context.request.get(base + '/api/v1/scenarios')).json();
  assert.ok(scenarios.length > 0);
  const start = await apiCall(context, 'POST', `/api/v1/scenarios/${scenarios[0].id}/runs`);
  assert.equal(start.status(), 403, await start.text());
  assert.match((await start.json()).type, /\/forbidden$/);
  const users = await context.request.get(base + '/api/v1/users');
  assert.equal(users.status(), 403);
});

test('without the CSRF header a signed-in write is refused', async () => {
  const scenarios = await (await page.request.get(base + '/api/v1/scenarios')).json();
  const start = await page.request.post(base + `/api/v1/scenarios/${scenarios[0].id}/runs`);
  assert.equal(start.status(), 403, await start.text());
});

test('anonymous API calls are 401 problems, not redirects', async () => {
  const { context } = await newSession();
  const response = await context.request.get(base + '/api/v1/runs', { maxRedirects: 0 });
  assert.equal(response.status(), 401);
  assert.match(response.headers()['content-type'], /application\/problem\+json/);
  assert.match((await response.json()).type, /\/unauthenticated$/);
  await context.close();
  await viewerSession.context.close();
});
