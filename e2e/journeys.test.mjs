// User journeys from the dashboard: a journey built step by step in the scenario form against the demo target's
// shop (sign in, list the products, open the first one with the id the list returned, pay with the token the sign-in
// returned), saved and run for 2 s; the run page shows the per-step table, the checks' pass rates and the waterfall
// of a sampled iteration. A JSONPath that does not parse is shown at its step's field, and nothing is saved.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { base, page, shot, useBrowser } from './lib.mjs';

useBrowser();

const chooseTarget = async (name) => {
  const select = page.getByLabel('Target', { exact: true });
  const value = await select.locator('option', { hasText: name }).first().getAttribute('value');
  await select.selectOption(value);
};

const field = (label) => page.getByLabel(label, { exact: true });

async function newJourneyScenario(name) {
  await page.goto(base + '/scenarios/new');
  await page.getByTestId('scenario-form').waitFor();
  await field('Name').fill(name);
  await chooseTarget('Benchdeck demo endpoints');
  await page.getByRole('button', { name: 'Make it a journey (several steps)' }).click();
  await page.getByTestId('journey-editor').waitFor();
}

/** Fills journey element `n` (1-based) as a request step; `extract` and `checks` are added in order. */
async function requestStep(n, { name, method = 'GET', path, headers, body, extract = [], checks = [] }) {
  const step = `Journey step ${n}`;
  await field(`${step} name`).fill(name);
  await field(`${step} method`).selectOption(method);
  await field(`${step} path`).fill(path);
  if (headers) await field(`${step} headers`).fill(headers);
  if (body) await field(`${step} body`).fill(body);
  for (const [j, x] of extract.entries()) {
    await page.getByRole('button', { name: `Add extraction to journey step ${n}` }).click();
    await field(`${step} extraction ${j + 1} source`).selectOption(x.source ?? 'jsonpath');
    await field(`${step} extraction ${j + 1} variable`).fill(x.name);
    await field(`${step} extraction ${j + 1} expression`).fill(x.expression);
  }
  for (const [j, c] of checks.entries()) {
    await page.getByRole('button', { name: `Add check to journey step ${n}` }).click();
    await field(`${step} check ${j + 1} name`).fill(c.name);
    await field(`${step} check ${j + 1} kind`).selectOption(c.kind);
    await field(`${step} check ${j + 1} value`).fill(c.value);
    if (c.expected !== undefined) await field(`${step} check ${j + 1} expected`).fill(c.expected);
  }
}

test('a journey built in the form runs, and the run page shows its steps, checks and a sampled waterfall', async () => {
  await newJourneyScenario('e2e journey ' + Date.now());
  await requestStep(1, {
    name: 'login', method: 'POST', path: '/login', headers: 'Content-Type: application/json', body: '{"user": "e2e"}',
    extract: [{ name: 'token', expression: '$.token' }],
    checks: [{ name: 'login gives a token', kind: 'jsonpath_exists', value: '$.token', expected: 'true' }],
  });
  await page.getByRole('button', { name: 'Add think time' }).click();
  await field('Journey element 2 think time').fill('20ms');
  await page.getByRole('button', { name: 'Add request step' }).click();
  await requestStep(3, { name: 'products', path: '/products', extract: [{ name: 'first_product', expression: '$.items[0].id' }] });
  await page.getByRole('button', { name: 'Add request step' }).click();
  await requestStep(4, {
    name: 'product', path: '/products/${first_product}',
    checks: [{ name: 'first product in stock', kind: 'jsonpath_equals', value: '$.in_stock', expected: 'true' }],
  });
  await page.getByRole('button', { name: 'Add request step' }).click();
  await requestStep(5, {
    name: 'pay', method: 'POST', path: '/checkout', headers: 'Authorization: Bearer ${token}',
    checks: [{ name: 'order is paid', kind: 'jsonpath_equals', value: '$.status', expected: 'paid' }],
  });
  await field('Users').fill('2');
  await field('Warm-up').fill('0s');
  await field('Duration').fill('2s');
  await page.getByRole('button', { name: 'Remove threshold 1' }).click();
  await page.getByRole('button', { name: 'Add threshold' }).click();
  await field('Threshold 1').fill('checks > 99%');

  // the form wrote the journey into the plan, and the server found nothing wrong with it
  const yaml = await field('Plan (YAML)').inputValue();
  assert.match(yaml, /journey:/);
  assert.match(yaml, /Bearer \$\{token\}/);
  assert.doesNotMatch(yaml, /^ {2}path:/m, 'a journey has no workload-level path');
  await page.getByTestId('estimated-duration').filter({ hasText: /\b2\s*s\b/ }).waitFor();
  await shot('journey-form');

  await page.getByTestId('scenario-run-button').click();
  await page.waitForURL(/\/runs\/\d+$/);
  await page.locator('[data-testid="run-status"][data-status="completed"]').waitFor({ timeout: 40_000 });

  const steps = page.getByTestId('journey-steps');
  await steps.waitFor();
  assert.deepEqual(await steps.getByRole('rowheader').allTextContents(), ['login', 'products', 'product', 'pay']);
  const login = steps.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'login' }) });
  const [requests, ok, checkFailures, errors] = await login.getByRole('cell').allTextContents();
  assert.ok(Number(requests.replace(/,/g, '')) > 0, `login requests: ${requests}`);
  assert.equal(ok, requests);
  assert.deepEqual([checkFailures, errors], ['0', '0']);

  const checks = page.getByTestId('journey-checks');
  assert.deepEqual((await checks.getByRole('rowheader').allTextContents()).sort(), ['first product in stock', 'login gives a token', 'order is paid']);
  assert.deepEqual(await checks.getByTestId('check-pass-rate').allTextContents(), ['100%', '100%', '100%']);
  await page.getByText('checks > 99%').first().waitFor();

  const waterfall = page.getByTestId('journey-waterfall');
  const bars = await waterfall.getByTestId('waterfall-bar').evaluateAll((rects) =>
    rects.map((r) => ({ x: Number(r.getAttribute('x')), width: r.getBBox().width, label: r.querySelector('title').textContent })));
  assert.equal(bars.length, 4, JSON.stringify(bars));
  assert.deepEqual(bars.map((b) => b.label.split(':')[0]), ['login', 'products', 'product', 'pay']);
  for (let i = 1; i < bars.length; i++) assert.ok(bars[i].x > bars[i - 1].x, `bar ${i} starts after bar ${i - 1}: ${JSON.stringify(bars)}`);
  assert.ok(bars.every((b) => b.width > 0), 'every bar is drawn');
  // the 20 ms think time after login is a visible gap
  const gap = await waterfall.getByTestId('waterfall-gap').first().locator('title').textContent();
  assert.match(gap, /^pause \d+(\.\d+)? ms before products$/);
  await shot('journey-run');
});

test('a JSONPath that does not parse is shown at its step, and nothing is saved or run', async () => {
  const before = await (await page.request.get(base + '/api/v1/scenarios')).json();
  await newJourneyScenario('e2e bad journey');
  await requestStep(1, { name: 'login', method: 'POST', path: '/login', extract: [{ name: 'token', expression: '$..token' }] });
  const row = page.getByTestId('journey-row-1');
  await row.getByText(/recursive descent \(\.\.\) is not supported/).waitFor();
  assert.equal(await field('Journey step 1 extraction 1 expression').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.getByRole('button', { name: 'Create scenario' }).isDisabled(), true);
  assert.equal(await page.getByTestId('scenario-run-button').isDisabled(), true);
  await shot('journey-bad-jsonpath');
  const after = await (await page.request.get(base + '/api/v1/scenarios')).json();
  assert.equal(after.length, before.length, 'no scenario was saved');
});
