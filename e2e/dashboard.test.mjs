// The dashboard end to end: a person creates a scenario, runs it, watches the live chart move,
// sees the final results, and reloads the page later. Real server, real PostgreSQL, real Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const base = process.env.BENCHDECK_URL;
const artifacts = process.env.ARTIFACTS ?? 'artifacts';
let browser;
let page;

before(async () => {
  assert.ok(base, 'BENCHDECK_URL is not set (run e2e/run.sh)');
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.setDefaultTimeout(20_000);
});

after(async () => {
  await browser?.close();
});

const shot = (name) => page.screenshot({ path: `${artifacts}/${name}.png`, fullPage: true });

/** A fingerprint of what a chart's canvas shows, to tell that it was redrawn with new data. */
const canvasPicture = (testId) =>
  page.locator(`[data-testid="${testId}"] canvas`).first().evaluate((canvas) => canvas.toDataURL());

test('the overview connects to the server and lists the demo content', async () => {
  await page.goto(base + '/');
  await page.locator('[data-testid="connection-indicator"][data-status="connected"]').waitFor();
  await shot('01-overview');
  await page.goto(base + '/scenarios');
  await page.getByText('hello, 10 users, 10 s').first().waitFor();
});

test('bad input in the scenario form is shown next to the field', async () => {
  await page.goto(base + '/scenarios/new');
  const form = page.getByTestId('scenario-form');
  await form.waitFor();
  await page.getByLabel('Name', { exact: true }).fill('e2e invalid');
  await page.getByLabel('Users', { exact: true }).fill('0');
  await form.getByText('must be ≥ 1').first().waitFor();
  await shot('02-validation-message');
});

test('create a scenario, run it, watch it live, see the results, reload them', async () => {
  await page.goto(base + '/scenarios/new');
  await page.getByTestId('scenario-form').waitFor();
  await page.getByLabel('Name', { exact: true }).fill('e2e hello ' + Date.now());
  await page.getByLabel('Path', { exact: true }).fill('/hello');
  await page.getByLabel('Users', { exact: true }).fill('4');
  await page.getByLabel('Warm-up', { exact: true }).fill('1s');
  await page.getByLabel('Duration', { exact: true }).fill('6s');
  // validated as one types: 1 s of warm-up + 6 s measured
  await page.getByTestId('estimated-duration').filter({ hasText: /\b7\s*s\b/ }).waitFor();
  await shot('03-scenario-form');

  await page.getByTestId('scenario-run-button').click();
  await page.waitForURL(/\/runs\/\d+$/);
  await page.locator('[data-testid="run-status"][data-status="running"]').waitFor({ timeout: 30_000 });

  // the live chart is drawn, then redrawn as new intervals arrive over the WebSocket
  await page.locator('[data-testid="live-throughput-chart"] canvas').first().waitFor();
  await page.waitForTimeout(1500);
  const first = await canvasPicture('live-throughput-chart');
  await page.waitForTimeout(2000);
  const later = await canvasPicture('live-throughput-chart');
  assert.notEqual(later, first, 'the live throughput chart did not change while the run was going');
  await shot('04-run-live');

  await page.locator('[data-testid="run-status"][data-status="completed"]').waitFor({ timeout: 40_000 });
  const steps = page.getByTestId('step-table');
  await steps.getByText('users=4').first().waitFor();
  await page.getByTestId('percentile-chart').waitFor();
  // the page catches up with the final result without a reload: the threshold verdict appears
  await page.getByText('p99 < 100ms').first().waitFor();
  await page.getByText('passed', { exact: true }).first().waitFor();
  await shot('05-run-completed');

  // the results are stored: a reload (or a visit tomorrow) shows them again
  const url = page.url();
  await page.goto(base + '/');
  await page.goto(url);
  await page.getByTestId('step-table').getByText('users=4').first().waitFor();
  await page.locator('[data-testid="live-throughput-chart"] canvas').first().waitFor();
  await shot('06-run-reloaded');
});
