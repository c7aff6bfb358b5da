// The dashboard end to end: a person creates a scenario, runs it, watches the live chart move,
// sees the final results, and reloads the page later. Real server, real PostgreSQL, real Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { base, page, shot, useBrowser, waitForChartsDrawn } from './lib.mjs';

useBrowser();

/** A fingerprint of what a chart's canvas shows, to tell that it was redrawn with new data. */
const canvasPicture = (testId) =>
  page.locator(`[data-testid="${testId}"] canvas`).first().evaluate((canvas) => canvas.toDataURL());

/** Picks a target in the scenario form by the start of its name (its URL follows in the option). */
const chooseTarget = async (name) => {
  const select = page.getByLabel('Target', { exact: true });
  const value = await select.locator('option', { hasText: name }).first().getAttribute('value');
  await select.selectOption(value);
};

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
  await chooseTarget('Benchdeck demo endpoints');
  await page.getByLabel('Users', { exact: true }).fill('0');
  await form.getByText('must be ≥ 1').first().waitFor();
  await shot('02-validation-message');
});

test('create a scenario, run it, watch it live, see the results, reload them', async () => {
  await page.goto(base + '/scenarios/new');
  await page.getByTestId('scenario-form').waitFor();
  await page.getByLabel('Name', { exact: true }).fill('e2e hello ' + Date.now());
  await chooseTarget('Benchdeck demo endpoints');
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
  await waitForChartsDrawn('the completed HTTP run', { atLeast: 5 });
  await shot('05-run-completed');

  // the results are stored: a reload (or a visit tomorrow) shows them again
  const url = page.url();
  await page.goto(base + '/');
  await page.goto(url);
  await page.getByTestId('step-table').getByText('users=4').first().waitFor();
  await page.locator('[data-testid="live-throughput-chart"] canvas').first().waitFor();
  await shot('06-run-reloaded');
});

test('a database benchmark: postgres target, connection test, thread sweep, setup and results per thread count', async () => {
  const pgPort = process.env.PG_PORT;
  assert.ok(pgPort && process.env.PG_PASSWORD_FILE, 'PG_PORT / PG_PASSWORD_FILE are not set (run e2e/run.sh)');
  const password = (await readFile(process.env.PG_PASSWORD_FILE, 'utf8')).trim();
  const name = 'e2e pg ' + Date.now();

  await page.goto(base + '/targets');
  await page.getByRole('button', { name: 'New target' }).click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Kind', { exact: true }).selectOption('postgres');
  await page.getByLabel('Host', { exact: true }).fill('127.0.0.1');
  await page.getByLabel('Port', { exact: true }).fill(pgPort);
  await page.getByLabel('Database', { exact: true }).fill('postgres');
  await page.getByLabel('User', { exact: true }).fill('postgres');
  await page.getByLabel('SSL mode', { exact: true }).selectOption('disable');
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Create target' }).click();

  await page.getByRole('button', { name: `Test connection to ${name}` }).click();
  const result = page.locator('[data-testid="connection-test-result"][data-outcome="ok"]');
  await result.waitFor();
  assert.match(await result.getByTestId('server-version').innerText(), /PostgreSQL 17/);
  assert.ok(!(await page.content()).includes(password), 'the password shows on the page');
  await shot('07-postgres-target-tested');

  await page.goto(base + '/scenarios/new');
  await page.getByTestId('scenario-form').waitFor();
  await page.getByLabel('Name', { exact: true }).fill('e2e db sweep ' + Date.now());
  await page.getByLabel('Target', { exact: true }).selectOption({ label: `${name} (postgresql://postgres@127.0.0.1:${pgPort}/postgres)` });
  await page.getByLabel('Thread counts', { exact: true }).fill('2, 4');
  await page.getByLabel('Table rows', { exact: true }).fill('1000');
  await page.getByLabel('Duration per step', { exact: true }).fill('5s');
  await page.getByTestId('db-scenario-fields').getByText('must be at least 10s for a database benchmark').waitFor();
  await page.getByLabel('Duration per step', { exact: true }).fill('10s');
  await page.getByLabel('Batch size', { exact: true }).fill('500');
  await page.getByRole('button', { name: 'Advanced settings' }).click();
  await page.getByLabel('Warm-up per step', { exact: true }).fill('1s');
  // 2 steps × (1 s + 10 s), the setup of 1,000 rows is under a second
  await page.getByTestId('db-estimate').filter({ hasText: /Estimated total: 22 s/ }).waitFor();
  await shot('08-db-scenario-form');

  await page.getByTestId('scenario-run-button').click();
  await page.waitForURL(/\/runs\/\d+$/);
  await page.getByTestId('setup-progress').waitFor({ timeout: 30_000 });
  await page.locator('[data-testid="run-status"][data-status="completed"]').waitFor({ timeout: 60_000 });
  await page.locator('[data-testid="setup-phase"][data-finished="true"]').first().waitFor();
  const rows = page.getByTestId('thread-row');
  await rows.nth(1).waitFor();
  assert.equal(await rows.count(), 2);
  assert.deepEqual(await rows.locator('th').allInnerTexts(), ['2', '4']);
  await page.getByTestId('throughput-vs-threads').waitFor();
  await waitForChartsDrawn('the completed database run', { atLeast: 5 });
  await shot('09-db-run-completed');
});

test('an LLM streaming sweep against the mock LLM server: form, live counters, TTFT/ITL/TPOT/E2E per step', async () => {
  await page.goto(base + '/targets');
  await page.getByRole('button', { name: 'Test connection to Mock LLM' }).click();
  await page.locator('[data-testid="connection-test-result"][data-outcome="ok"]').waitFor();

  await page.goto(base + '/scenarios/new');
  await page.getByTestId('scenario-form').waitFor();
  await page.getByLabel('Name', { exact: true }).fill('e2e llm sweep ' + Date.now());
  await chooseTarget('Mock LLM');
  const fields = page.getByTestId('llm-scenario-fields');
  await fields.waitFor();
  await page.getByLabel('User counts', { exact: true }).fill('0, 2');
  await fields.getByText('step 1: must be ≥ 1').waitFor();
  await page.getByLabel('User counts', { exact: true }).fill('1, 3');
  await page.getByLabel('Max output tokens', { exact: true }).fill('16');
  await page.getByLabel('Warm-up per step', { exact: true }).fill('1s');
  await page.getByLabel('Duration per step', { exact: true }).fill('3s');
  await page.getByTestId('estimated-duration').filter({ hasText: /\b8\s*s\b/ }).waitFor();
  await shot('10-llm-scenario-form');

  await page.getByTestId('scenario-run-button').click();
  await page.waitForURL(/\/runs\/\d+$/);
  await page.locator('[data-testid="run-status"][data-status="running"]').waitFor({ timeout: 30_000 });
  // live counters appear with the first streamed tokens, while the run goes on
  await page.getByTestId('stream-live').waitFor({ timeout: 15_000 });
  const tokensLive = Number((await page.getByTestId('counter-tokens').innerText()).replace(/,/g, ''));
  assert.ok(tokensLive > 0, `no live tokens counted: ${tokensLive}`);
  await page.getByTestId('counter-active').waitFor();
  await shot('11-llm-run-live');

  await page.locator('[data-testid="run-status"][data-status="completed"]').waitFor({ timeout: 40_000 });
  const rows = page.getByTestId('stream-row');
  await rows.nth(1).waitFor();
  assert.equal(await rows.count(), 2);
  assert.deepEqual(await rows.locator('th').allInnerTexts(), ['users=1', 'users=3']);
  for (const metric of ['ttft', 'itl', 'tpot', 'e2e']) {
    const cell = await rows.first().getByTestId(`${metric}-p50`).innerText();
    assert.match(cell, /\d/, `${metric} p50 is empty: ${cell}`);
  }
  // the token source, then the share of events that came in one read with the one before
  const cells = await rows.first().locator('td').allInnerTexts();
  assert.equal(cells.at(-2), 'usage');
  assert.match(cells.at(-1), /^\d+\.\d %$/);
  await page.getByTestId('stream-sweep-chart').waitFor();
  const failed = Number((await page.getByTestId('counter-failed').innerText()).replace(/,/g, ''));
  assert.equal(failed, 0);
  await waitForChartsDrawn('the completed LLM run', { atLeast: 5 });
  await shot('12-llm-run-completed');
});
