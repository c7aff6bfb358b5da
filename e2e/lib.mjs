// Shared pieces of the end-to-end suites: the browser (signed in as the suite's admin unless told
// otherwise), a console watch that fails a test on any unexpected console error or warning, and checks
// that every chart on a page has drawn data.
import { afterEach, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

export const base = process.env.BENCHDECK_URL;
export const artifacts = process.env.ARTIFACTS ?? 'artifacts';
/** The server's one-time first-admin link, from its log (run.sh). */
export const setupUrl = process.env.BENCHDECK_SETUP_URL;

/** The admin auth.test.mjs creates through the setup link; every other suite signs in as them. */
export const admin = { username: 'e2e-admin', password: 'e2e admin passphrase, long enough' };

const session = { browser: undefined, context: undefined, page: undefined };

/** The suite file's one browser page, usable inside tests (it is opened by the `before` hook of useBrowser). */
export const page = new Proxy({}, {
  get(_, key) {
    const value = session.page[key];
    return typeof value === 'function' ? value.bind(session.page) : value;
  },
});

// Console messages a test said it expects (e.g. the 404 of a run that does not exist); cleared after each test.
let expected = [];
let seen = [];

/** Lets the current test produce console errors matching `pattern` (a RegExp), e.g. a deliberate 404. */
export const expectConsole = (pattern) => {
  expected.push(pattern);
};

/**
 * The suite's browser and page. With `signIn` (the default) the page's context is signed in as
 * {@link admin} before the first test (creating the admin through the setup link if no suite did yet).
 */
export function useBrowser({ signIn = true } = {}) {
  before(async () => {
    assert.ok(base, 'BENCHDECK_URL is not set (run e2e/run.sh)');
    session.browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--no-first-run', '--disable-sync'],
    });
    const { context, page } = await newSession();
    if (signIn) await signInByApi(context, admin);
    session.context = context;
    session.page = page;
  });

  afterEach(() => {
    const unexpected = seen.filter((line) => !expected.some((pattern) => pattern.test(line)));
    seen = [];
    expected = [];
    assert.deepEqual(unexpected, [], 'unexpected console errors or warnings');
  });

  after(async () => {
    await session.browser?.close();
  });
}

/** A fresh browser context (its own cookies: another person) with one page under the console watch. */
export async function newSession() {
  const context = await session.browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      seen.push(`console ${message.type()}: ${message.text()} (${message.location().url ?? page.url()})`);
    }
  });
  page.on('pageerror', (error) => seen.push(`page error: ${error.message}`));
  return { context, page };
}

/** The context's CSRF token: the XSRF-TOKEN cookie the auth state call sets. */
export async function xsrfToken(context) {
  await context.request.get(base + '/api/v1/auth/state');
  const cookie = (await context.cookies(base)).find((c) => c.name === 'XSRF-TOKEN');
  assert.ok(cookie, 'the auth state call set no XSRF-TOKEN cookie');
  return cookie.value;
}

/** An unsafe API call as the context's user: session cookie plus the CSRF header, as the dashboard sends them. */
export async function apiCall(context, method, path, data) {
  const headers = { 'X-XSRF-TOKEN': await xsrfToken(context) };
  return context.request.fetch(base + path, { method, headers, ...(data === undefined ? {} : { data }) });
}

/** Signs the context in through the API (no page involved); creates the first admin first when there is none yet. */
export async function signInByApi(context, user) {
  const state = await (await context.request.get(base + '/api/v1/auth/state')).json();
  if (state.setup_required) {
    assert.ok(setupUrl, 'the server has no users and BENCHDECK_SETUP_URL is not set (run e2e/run.sh)');
    const token = new URL(setupUrl).hash.replace(/^#token=/, '');
    const created = await apiCall(context, 'POST', '/api/v1/auth/setup', { token, username: admin.username, password: admin.password });
    assert.equal(created.status(), 201, `setup: ${await created.text()}`);
    if (user.username === admin.username) return;
  }
  const response = await apiCall(context, 'POST', '/api/v1/auth/sign-in', { username: user.username, password: user.password });
  assert.equal(response.status(), 200, `sign-in of ${user.username}: ${await response.text()}`);
}

export const shot = (name, on = session.page) => on.screenshot({ path: `${artifacts}/${name}.png`, fullPage: true });

/** What every chart on the page reports about its data: `[{chart, points}]` (uplot-chart.tsx keeps data-points current). */
export const chartPoints = () =>
  session.page.locator('[data-chart]').evaluateAll((charts) =>
    charts.map((chart) => ({ chart: chart.getAttribute('data-chart'), points: Number(chart.getAttribute('data-points')) })));

/**
 * Waits until the page shows at least `atLeast` charts, among them every chart named in `names` (their
 * `data-chart` labels), and every chart has drawn a data point and painted its canvas; fails naming the
 * charts that are missing or stayed empty. Returns `[{chart, points}]`.
 */
export async function waitForChartsDrawn(what, { atLeast = 1, names = [], timeout = 30_000 } = {}) {
  const page = session.page;
  const deadline = Date.now() + timeout;
  let charts = [];
  const missing = () => names.filter((name) => !charts.some((c) => c.chart === name));
  while (Date.now() < deadline) {
    charts = await chartPoints();
    if (charts.length >= Math.max(atLeast, names.length) && missing().length === 0 && charts.every((c) => c.points > 0)) {
      const blank = await page.locator('[data-chart]').evaluateAll((nodes) =>
        nodes.filter((node) => {
          const canvas = node.querySelector('canvas');
          return !canvas || canvas.width === 0 || canvas.height === 0;
        }).map((node) => node.getAttribute('data-chart')));
      assert.deepEqual(blank, [], `${what}: charts without a painted canvas`);
      return charts;
    }
    await page.waitForTimeout(250);
  }
  const empty = charts.filter((c) => !(c.points > 0)).map((c) => c.chart);
  assert.fail(`${what}: expected ≥ ${Math.max(atLeast, names.length)} charts with data, saw ${JSON.stringify(charts.map((c) => c.chart))}; `
    + `missing: ${JSON.stringify(missing())}; empty: ${JSON.stringify(empty)}`);
}
