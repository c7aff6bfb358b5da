// History and regression alerts from the dashboard: a short HTTP scenario against the demo endpoints runs three
// times, then once more with the demo endpoints slowed, which raises an alert. Its History view draws four points
// (read back from the chart's canvas, the slowed run highest), marks the alerted run, names a run on hover, opens a
// run on click, and marks the alert a false positive, which the API then reports with who and why. The overview lists
// the alert while it is open; the run page shows it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { admin, apiCall, base, page, shot, useBrowser, waitForChartsDrawn } from './lib.mjs';

useBrowser();

const PLAN = `workload: {driver: http, method: GET, path: /delay/5}
load: {model: closed, users: 2, duration: 1s}
`;
// The one test the scenario is checked with, on one metric, so exactly one alert is raised: p50 more than 50 % worse
// than the mean of the three runs before it. The extra delay makes it about seven times worse.
const DETECTION = {
  metrics: ['latency.p50'], min_baseline_runs: 3, percentage: { enabled: true, max_percent: 50 },
  t_test: { enabled: false }, change_point: { enabled: false },
};
const EXTRA_DELAY_MS = 30;
const LINE = [79, 70, 229]; // the trend's line and points, #4f46e5 (history-chart.tsx)

async function api(method, path, data) {
  const response = await apiCall(page.context(), method, path, data);
  assert.ok(response.ok(), `${method} ${path}: HTTP ${response.status()} ${await response.text()}`);
  return response.json();
}

const get = async (path) => {
  const response = await page.request.get(base + path);
  assert.ok(response.ok(), `GET ${path}: HTTP ${response.status()}`);
  return response.json();
};

async function until(what, check, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) assert.fail(`${what}: not within ${timeout / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function runToEnd(scenarioId) {
  const started = await api('POST', `/api/v1/scenarios/${scenarioId}/runs`, { labels: { branch: 'main' } });
  const run = await until(`run ${started.id} ends`, async () => {
    const r = await get(`/api/v1/runs/${started.id}`);
    return ['completed', 'failed', 'cancelled', 'interrupted'].includes(r.status) ? r : null;
  }, 60_000);
  assert.equal(run.status, 'completed', `run ${run.id}: ${run.failure ?? ''}`);
  return run;
}

/** For each drawn point (canvas pixels), whether a pixel of the line's colour is within 3 px of it (one read of the canvas). */
const paintedAt = (points) => page.getByTestId('history-chart').locator('canvas').first().evaluate((canvas, [points, line]) => {
  const { data, width } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  const near = (i) => Math.abs(data[i] - line[0]) < 20 && Math.abs(data[i + 1] - line[1]) < 20 && Math.abs(data[i + 2] - line[2]) < 20;
  return points.map(([x, y]) => {
    for (let dy = -3; dy <= 3; dy++) {
      for (let dx = -3; dx <= 3; dx++) if (near(((y + dy) * width + x + dx) * 4)) return true;
    }
    return false;
  });
}, [points, LINE]);

test('a slowed demo target raises an alert that the History view shows and marks a false positive', async () => {
  const targets = await get('/api/v1/targets');
  const demo = targets.find((t) => t.name === 'Benchdeck demo endpoints');
  assert.ok(demo, 'the demo target exists');
  const scenario = await api('POST', '/api/v1/scenarios',
    { name: `history e2e ${Date.now()}`, description: 'three runs, then one against a slowed target', target_id: demo.id, plan_yaml: PLAN });
  await api('PUT', `/api/v1/scenarios/${scenario.id}/detection`, DETECTION);

  const runs = [];
  try {
    for (let i = 0; i < 3; i++) runs.push(await runToEnd(scenario.id));
    await api('PUT', '/api/v1/demo-target/config', { extra_delay_ms: EXTRA_DELAY_MS });
    runs.push(await runToEnd(scenario.id));
  } finally {
    await api('PUT', '/api/v1/demo-target/config', { extra_delay_ms: 0 });
  }
  for (const run of runs.slice(0, 3)) assert.deepEqual(await get(`/api/v1/runs/${run.id}/alerts`), [], `run ${run.id} raised no alert`);
  const [alert] = await until('the slowed run has its alert', async () => {
    const alerts = await get(`/api/v1/runs/${runs[3].id}/alerts`);
    return alerts.length > 0 ? alerts : null;
  }, 15_000);
  assert.equal(alert.metric, 'latency.p50');
  assert.equal(alert.test, 'percentage');
  assert.equal(alert.status, 'open');

  // the overview lists the open alert under its scenario
  await page.goto(base + '/');
  const open = page.getByTestId('open-alerts');
  await open.getByRole('link', { name: scenario.name }).waitFor();
  assert.match(await open.getByTestId('alert').filter({ hasText: scenario.name }).textContent(), /open.*run #4.*Latency p50.*percentage change/);

  // from the scenario page to its History view, on p50
  await page.goto(base + `/scenarios/${scenario.id}`);
  await page.getByRole('heading', { name: scenario.name }).waitFor();
  await page.getByTestId('history-link').getByLabel('1 open alerts').waitFor();
  await page.getByTestId('history-link').click();
  await page.waitForURL(base + `/scenarios/${scenario.id}/history`);
  await page.getByLabel('Metric').selectOption('latency.p50');
  const [chart] = await waitForChartsDrawn('history', { names: ['Latency p50 over runs'] });
  assert.equal(chart.points, 4, 'four runs, four points');

  // what the canvas shows: four points left to right, each painted in the line's colour, the slowed run highest
  const frame = page.getByTestId('history-chart-frame');
  const drawn = await until('the points are drawn', async () => {
    const points = JSON.parse(await frame.getAttribute('data-drawn'));
    return points.length === 4 ? points : null;
  });
  assert.deepEqual(drawn.map(([x]) => x), [...drawn.map(([x]) => x)].sort((a, b) => a - b), 'points in run order');
  assert.equal(new Set(drawn.map(([x]) => x)).size, 4, 'four distinct x positions');
  assert.deepEqual(await paintedAt(drawn), [true, true, true, true], 'each point is painted on the canvas');
  assert.ok(drawn[3][1] < Math.min(...drawn.slice(0, 3).map(([, y]) => y)), 'the slowed run is drawn above the others');
  const baselineBefore = Number(await frame.getAttribute('data-baseline'));
  assert.ok(baselineBefore > 0, 'a baseline is marked');

  // the alert marker sits on the fourth point
  const marker = page.getByTestId('alert-marker');
  assert.equal(await marker.count(), 1);
  assert.equal(await marker.getAttribute('data-status'), 'open');
  assert.match(await marker.getAttribute('aria-label'), /run #4\b/);
  const canvasBox = await page.getByTestId('history-chart').locator('canvas').first().boundingBox();
  const markerBox = await marker.boundingBox();
  assert.ok(Math.abs(markerBox.x + markerBox.width / 2 - (canvasBox.x + drawn[3][0])) < 3, 'the marker is on the point (x)');
  assert.ok(Math.abs(markerBox.y + markerBox.height / 2 - (canvasBox.y + drawn[3][1])) < 3, 'the marker is on the point (y)');

  // hovering the first point names its run
  await page.mouse.move(canvasBox.x + drawn[0][0], canvasBox.y + drawn[0][1]);
  const tooltip = page.getByTestId('history-tooltip');
  await tooltip.getByText(/^Run #1 · /).waitFor();
  assert.match(await tooltip.textContent(), /branch=main/);
  await shot('history-view');

  // mark the alert a false positive from the History view's alert list
  const item = page.getByTestId('scenario-alerts').getByTestId('alert');
  await item.getByRole('button', { name: 'False positive…' }).click();
  const dialog = item.getByRole('dialog');
  await dialog.getByLabel('Reason').fill('the demo target was slowed on purpose');
  await dialog.getByRole('button', { name: 'Mark false positive' }).click();
  await page.locator('[data-testid="scenario-alerts"] [data-testid="alert"][data-status="false_positive"]').waitFor();
  assert.match(await item.getByTestId('alert-triage').textContent(),
    new RegExp(`Marked a false positive by ${admin.username} on .+: “the demo target was slowed on purpose”`));
  await page.locator('[data-testid="alert-marker"][data-status="false_positive"]').waitFor();
  // a false positive's value leaves the baseline: the slowed run no longer pulls its mean up
  await until('the baseline drops', async () => Number(await frame.getAttribute('data-baseline')) < baselineBefore * 0.8, 10_000);
  const [stored] = await get(`/api/v1/runs/${runs[3].id}/alerts`);
  assert.equal(stored.status, 'false_positive');
  assert.equal(stored.status_by, admin.username);
  assert.equal(stored.status_reason, 'the demo target was slowed on purpose');
  await shot('history-false-positive');

  // clicking a point opens its run, whose page shows its alerts (none for the first run); the page may have
  // scrolled to show the dialog (more so when the header wraps onto two lines), so the canvas is measured again
  const canvas = page.getByTestId('history-chart').locator('canvas').first();
  await canvas.scrollIntoViewIfNeeded();
  const canvasNow = await canvas.boundingBox();
  await page.mouse.click(canvasNow.x + drawn[0][0], canvasNow.y + drawn[0][1]);
  await page.waitForURL(base + `/runs/${runs[0].id}`);
  await page.getByTestId('run-status').waitFor();
  assert.equal(await page.getByTestId('run-alerts').count(), 0);
  await page.goto(base + `/runs/${runs[3].id}`);
  await page.getByTestId('run-alerts').getByTestId('alert').filter({ hasText: 'false positive' }).waitFor();
});
