// A newcomer's first hour: every demo scenario that `benchdeck serve` creates runs from the dashboard,
// and every chart on its run page draws data while it runs, when it has finished, and after a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { base, page, shot, useBrowser, waitForChartsDrawn } from './lib.mjs';

useBrowser();

// Each demo with the charts its run page must draw at least (live, then completed) and how long it may take.
const demos = [
  { name: 'hello, 10 users, 10 s', live: 4, done: 5, seconds: 40 },
  { name: 'open model 200/s on /delay/20', live: 4, done: 5, seconds: 40 },
  { name: 'sweep 5/10/20 users on /delay/10', live: 4, done: 5, seconds: 50 },
  { name: 'Database sweep 2/4/8 threads', live: 5, done: 7, seconds: 90 },
  { name: 'LLM streaming sweep (mock)', live: 6, done: 7, seconds: 50 },
  { name: 'Automation runs (mock)', live: 4, done: 5, seconds: 50 },
];

const slug = (name) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

for (const demo of demos) {
  test(`demo "${demo.name}" runs from the dashboard and every chart draws, live and afterwards`, async () => {
    await page.goto(base + '/scenarios');
    await page.getByRole('button', { name: `Run ${demo.name}`, exact: true }).click();
    await page.waitForURL(/\/runs\/\d+$/);
    await page.locator('[data-testid="run-status"][data-status="running"]').waitFor({ timeout: 30_000 });

    await waitForChartsDrawn(`${demo.name} (live)`, { atLeast: demo.live, timeout: 30_000 });
    await shot(`demo-${slug(demo.name)}-live`);

    await page.locator('[data-testid="run-status"][data-status="completed"]').waitFor({ timeout: demo.seconds * 1000 });
    await waitForChartsDrawn(`${demo.name} (completed)`, { atLeast: demo.done });
    assert.equal(await page.getByRole('alert').count(), 0, 'the completed run shows an error');
    await shot(`demo-${slug(demo.name)}-completed`);

    await page.reload();
    await page.locator('[data-testid="run-status"][data-status="completed"]').waitFor();
    await waitForChartsDrawn(`${demo.name} (reloaded)`, { atLeast: demo.done });
  });
}
