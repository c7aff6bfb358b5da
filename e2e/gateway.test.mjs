// The streaming gateway from the dashboard: the demo gateway's page shows it connected (status pushed over
// the live feed), its configuration saves, its load tester starts an ordinary run while the stage charts
// draw, and that run's page draws the gateway's telemetry under the load charts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { base, page, shot, useBrowser, waitForChartsDrawn } from './lib.mjs';

useBrowser();

const chart = (name) => page.locator(`[data-chart="${name}"]`);

async function waitForPoints(name, timeout) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (Number(await chart(name).getAttribute('data-points')) > 0) return;
    await page.waitForTimeout(250);
  }
  assert.fail(`chart ${name} drew no point in ${timeout} ms`);
}

async function setCaching(on) {
  const caching = page.getByRole('switch', { name: 'Caching' });
  await caching.waitFor();
  if ((await caching.isChecked()) === on) return;
  await caching.click();
  await page.getByRole('button', { name: 'Save configuration' }).click();
  await page.getByText('Saved: the gateway applies these settings now.').waitFor();
  assert.equal(await caching.isChecked(), on, 'the stored value after saving');
}

test('the demo gateway page is connected, its load tester runs through it and the stage and telemetry charts draw', async () => {
  await page.goto(base + '/targets');
  await page.getByRole('link', { name: 'Gateway page of Demo gateway' }).click();
  await page.waitForURL(/\/targets\/\d+\/gateway$/);
  await page.locator('[data-testid="gateway-connection"][data-state="connected"]').waitFor({ timeout: 15_000 });
  await page.getByTestId('circuit-fake').waitFor();

  // every request a stream (no cache replays), so the run lasts long enough to watch
  await setCaching(false);
  // the stage counts are the gateway's since it started (the demos suite ran through it already): compare, not zero
  const cacheCount = () => page.getByTestId('stage-row-cache').locator('td').nth(1).textContent();
  const cacheBefore = await cacheCount();
  const field = (label, value) => page.getByLabel(label, { exact: true }).fill(value);
  await field('Concurrency', '5');
  await field('Total requests', '40');
  await page.getByRole('button', { name: 'Run load test' }).click();
  const runLink = page.getByTestId('load-test-run-link');
  await runLink.waitFor({ timeout: 15_000 });

  await waitForPoints('gateway-stage-streaming', 30_000);
  assert.ok(Number(await page.getByTestId('gateway-active-streams').textContent()) >= 0);
  await waitForChartsDrawn('gateway page during the load test', { atLeast: 5 });
  assert.equal(await cacheCount(), cacheBefore, 'caching is off: no request reaches the cache stage');
  await shot('gateway-page-load-test');

  await runLink.click();
  await page.waitForURL(/\/runs\/\d+$/);
  await page.locator('[data-testid="run-status"][data-status="completed"]').waitFor({ timeout: 60_000 });
  await page.getByTestId('run-telemetry').waitFor({ timeout: 15_000 });
  await waitForPoints('telemetry-gateway-stage-p99', 15_000);
  await waitForChartsDrawn('gateway run page (completed)', { atLeast: 4 });
  assert.equal(await page.getByRole('alert').count(), 0, 'the completed run shows an error');
  await shot('gateway-run-telemetry');

  await page.goBack();
  await setCaching(true);
});
