// The ingestor from the dashboard: the demo ingestor's Ingestion page opens with its server-kept series already
// drawn, "Run simulation" starts a burst (a toast says so) that moves the cards, the charts and the feed, and a
// reload shows the same charts and feed again (the server keeps the series; the page never starts blank).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { base, page, shot, useBrowser, waitForChartsDrawn } from './lib.mjs';

useBrowser();

const count = async (testId) => Number((await page.getByTestId(testId).textContent()).replace(/[^\d]/g, ''));
const points = async (name) => Number(await page.locator(`[data-chart="${name}"]`).getAttribute('data-points'));
const feedIds = () => page.getByTestId('ingest-feed-row').locator('td:last-child').allTextContents();

async function until(what, check, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (await check()) return;
    await page.waitForTimeout(250);
  }
  assert.fail(`${what} within ${timeout} ms`);
}

test('the Ingestion page draws the server-kept series, runs a simulation that moves cards, charts and feed, and survives a reload', async () => {
  await page.goto(base + '/targets');
  await page.getByRole('link', { name: 'Ingestion page of Demo ingestor' }).click();
  await page.waitForURL(/\/targets\/\d+\/ingestion$/);
  await page.locator('[data-testid="ingest-connection"][data-state="connected"]').waitFor({ timeout: 15_000 });
  // the server has sampled the ingestor since it started: the throughput chart has points before anything ran here
  await waitForChartsDrawn('ingestion page on open', { names: ['ingest-throughput'], timeout: 10_000 });
  await until('the total messages card shows a number', async () => /\d/.test(await page.getByTestId('ingest-total').textContent()));
  const totalBefore = await count('ingest-total');
  const batchesBefore = await count('ingest-batches');

  const form = page.getByRole('form', { name: 'Run simulation' });
  await form.getByText('1,000', { exact: true }).click();
  await form.getByLabel('Rate (msg/s)').fill('400');
  await form.getByLabel('Content').fill('e2e burst {n}');
  await form.getByRole('button', { name: 'Run simulation' }).click();
  const toast = page.getByTestId('ingest-toast');
  await toast.waitFor();
  assert.match(await toast.textContent(), /Simulation sim-\S+ started: 1,000 messages at 400 msg\/s/);

  await until('the throughput card shows messages moving', async () => (await count('ingest-throughput')) > 0);
  await until('the total grows by the burst', async () => (await count('ingest-total')) >= totalBefore + 1000, 30_000);
  assert.ok((await count('ingest-batches')) > batchesBefore, 'batches were written');
  await page.getByTestId('ingest-simulation').first().waitFor();
  await until('the feed shows the burst', async () => /e2e burst \d+/.test(await page.getByTestId('ingest-feed-row').first().textContent()));
  assert.equal(await page.getByTestId('ingest-feed-row').count(), 50);
  const charts = await waitForChartsDrawn('ingestion page after the simulation', { names: ['ingest-throughput', 'ingest-latency'] });
  assert.equal(charts.length, 2);
  await shot('ingestion-after-simulation');

  // quiet again: nothing new is stored, so the feed after the reload must be the same rows
  await until('the simulation is done', async () => (await page.getByTestId('ingest-simulation').first().getAttribute('data-state')) === 'done');
  await page.waitForTimeout(1500);
  const feedBefore = await feedIds();
  const latencyBefore = await points('ingest-latency');
  await page.reload();
  await page.locator('[data-testid="ingest-connection"][data-state="connected"]').waitFor({ timeout: 15_000 });
  await waitForChartsDrawn('ingestion page after the reload', { names: ['ingest-throughput', 'ingest-latency'], timeout: 5_000 });
  assert.ok(await points('ingest-latency') >= Math.min(latencyBefore, 1), 'the latency chart kept its points over the reload');
  await until('the feed is filled on load', async () => (await page.getByTestId('ingest-feed-row').count()) === 50, 5_000);
  assert.deepEqual(await feedIds(), feedBefore, 'the same feed after the reload');
  await shot('ingestion-after-reload');
});
