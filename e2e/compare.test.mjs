// Comparison and reports end to end: a scenario on the demo HTTP target runs twice through the API, its plan
// changed in between; /compare?runs=a,b shows both runs' figures, overlaid charts that draw each run's line,
// and the plan diff; a run of another workload (an upload with a jdbc plan) is refused with the server's
// message; the run's and the comparison's HTML reports open from file:// with no network, draw their SVG
// charts and print to PDF; the Markdown, CSV and JUnit downloads parse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { apiCall, artifacts, base, expectConsole, newSession, page, shot, useBrowser, waitForChartsDrawn } from './lib.mjs';

useBrowser();

const PLAN = (path) => `workload: {driver: http, method: GET, path: ${path}}
load: {model: closed, steps: [{users: 2, duration: 1s}, {users: 4, duration: 1s}]}
`;

const runs = { first: 0, second: 0, scenario: 0 };

async function runToCompletion(scenarioId) {
  const started = await apiCall(page.context(), 'POST', `/api/v1/scenarios/${scenarioId}/runs`);
  assert.equal(started.status(), 202, await started.text());
  const { id } = await started.json();
  const deadline = Date.now() + 40_000;
  while (Date.now() < deadline) {
    const run = await (await page.request.get(`${base}/api/v1/runs/${id}`)).json();
    if (!['queued', 'running'].includes(run.status)) {
      assert.equal(run.status, 'completed', `run ${id}: ${run.failure}`);
      return id;
    }
    await page.waitForTimeout(250);
  }
  assert.fail(`run ${id} did not finish in 40 s`);
}

// made once, by the first test that needs it (a top-level before hook would run before useBrowser's has opened the page)
let prepared;
const prepare = () => (prepared ??= (async () => {
  const targets = await (await page.request.get(base + '/api/v1/targets')).json();
  const demo = targets.find((t) => t.name === 'Benchdeck demo endpoints');
  assert.ok(demo, 'the demo HTTP target');
  const body = { name: 'e2e compare ' + Date.now(), target_id: demo.id, plan_yaml: PLAN('/hello') };
  const created = await apiCall(page.context(), 'POST', '/api/v1/scenarios', body);
  assert.equal(created.status(), 201, await created.text());
  runs.scenario = (await created.json()).id;
  runs.first = await runToCompletion(runs.scenario);
  const changed = await apiCall(page.context(), 'PUT', `/api/v1/scenarios/${runs.scenario}`, { ...body, plan_yaml: PLAN('/delay/5') });
  assert.equal(changed.status(), 200, await changed.text());
  runs.second = await runToCompletion(runs.scenario);
})());

/** Canvas pixels of a chart close to a run's colour: its line was drawn, not only the frame. */
const pixelsOf = (testId, [r, g, b]) =>
  page.locator(`[data-testid="${testId}"] canvas`).first().evaluate((canvas, colour) => {
    // read a copy made for reading, so repeated reads do not warn on the chart's own canvas
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const ctx = copy.getContext('2d', { willReadFrequently: true });
    ctx.drawImage(canvas, 0, 0);
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] > 200 && Math.abs(data[i] - colour[0]) < 40 && Math.abs(data[i + 1] - colour[1]) < 40 && Math.abs(data[i + 2] - colour[2]) < 40) n++;
    }
    return n;
  }, [r, g, b]);
const BASELINE = [0x4f, 0x46, 0xe5];
const OTHER = [0xdc, 0x26, 0x26];

test('the comparison page shows both runs side by side, overlaid charts with a line per run, and the plan diff', async () => {
  await prepare();
  // reached from the run page's "Compare with previous"
  await page.goto(`${base}/runs/${runs.second}`);
  await page.getByTestId('compare-with-previous').click();
  await page.waitForURL(`${base}/compare?runs=${runs.first},${runs.second}`);

  const steps = page.getByTestId('compared-step');
  await steps.first().waitFor();
  assert.ok(await steps.count() >= 2, 'a table per step (and all steps)');
  const throughput = steps.first().locator('[data-metric="throughput"]');
  const cells = await throughput.locator('td').allTextContents();
  assert.match(cells[0], /\d/, `the baseline's throughput: ${cells}`);
  assert.match(cells[1], /\d/, `the second run's throughput: ${cells}`);
  assert.match(cells[2], /[+-]?\d.*\(.*%\)/, `the change, absolute and in per cent: ${cells}`);
  assert.match(await steps.first().locator('[data-metric="latency.p99"]').textContent(), /ms/);

  const drawn = await waitForChartsDrawn('the comparison', { names: [
    'Throughput over time, per run', 'Latency p99 over time, per run', 'Latency by percentile, per run',
    'Throughput against the step\'s load, per run', 'Latency p95 against the step\'s load, per run', 'Latency p99 against the step\'s load, per run',
  ] });
  for (const chart of drawn) assert.ok(chart.points >= 4, `${chart.chart}: points of both runs (${chart.points})`);
  for (const testId of ['compare-throughput', 'compare-p99', 'compare-distribution', 'compare-sweep-throughput']) {
    assert.ok(await pixelsOf(testId, BASELINE) > 20, `${testId}: the baseline's line is drawn`);
    assert.ok(await pixelsOf(testId, OTHER) > 20, `${testId}: the second run's line is drawn`);
  }

  const diff = page.getByTestId('plan-diff');
  assert.match(await diff.locator('[data-diff="removed"]').allTextContents().then((l) => l.join('\n')), /path: \/hello/);
  assert.match(await diff.locator('[data-diff="added"]').allTextContents().then((l) => l.join('\n')), /path: \/delay\/5/);
  await page.getByTestId('environment-differences').waitFor();
  await shot('compare-page');

  // the URL reopens the same comparison
  await page.reload();
  await page.getByTestId('compared-step').first().waitFor();
});

test('the runs list picks runs to compare', async () => {
  await prepare();
  await page.goto(`${base}/runs?scenario_id=${runs.scenario}`);
  await page.getByLabel(`Pick run #${runs.second}`).check();
  await page.getByLabel(`Pick run #${runs.first}`).check();
  await page.getByTestId('compare-runs').click();
  await page.waitForURL(`${base}/compare?runs=${runs.first},${runs.second}`);
  await page.getByTestId('compared-step').first().waitFor();
});

test('runs of different workloads are refused with what can and cannot be compared', async () => {
  await prepare();
  const result = await (await page.request.get(`${base}/api/v1/runs/${runs.first}/result`)).json();
  const jdbcPlan = 'name: e2e jdbc upload\ntarget: {host: 127.0.0.1, port: 5432, database: postgres, user: postgres}\n'
    + 'workload: {driver: jdbc, operation: point_select}\nload: {users: 2, duration: 1s}\n';
  const uploaded = await apiCall(page.context(), 'POST', '/api/v1/runs/import', { result, plan_yaml: jdbcPlan });
  assert.equal(uploaded.status(), 201, await uploaded.text());
  const jdbc = (await uploaded.json()).id;
  expectConsole(/status of 422/);
  await page.goto(`${base}/compare?runs=${runs.first},${jdbc}`);
  const refusal = page.getByTestId('comparison-refusal');
  await refusal.waitFor();
  const text = await refusal.textContent();
  assert.match(text, new RegExp(`cannot compare run ${runs.first} with run ${jdbc}`));
  assert.match(text, /http driver/);
  assert.match(text, /jdbc driver/);
  assert.match(text, /Comparable are/);
  await page.getByText('These runs cannot be compared').waitFor();
  await shot('compare-refused');
});

/** Opens a downloaded HTML report from a file with the network cut, checks its SVG charts and prints it to PDF. */
async function checkHtmlReport(name, html) {
  assert.match(html, /^<!DOCTYPE html>/);
  const file = `${artifacts}/${name}.html`;
  await writeFile(file, html);
  const { context, page: reportPage } = await newSession();
  try {
    const requests = [];
    await context.route('**/*', (route) => {
      if (route.request().url().startsWith('file:')) return route.continue();
      requests.push(route.request().url());
      return route.abort();
    });
    await context.setOffline(true);
    await reportPage.goto(pathToFileURL(file).href);
    await reportPage.locator('#summary').waitFor();
    const charts = await reportPage.locator('figure[data-chart]').evaluateAll((figures) => figures.map((f) => ({
      chart: f.getAttribute('data-chart'),
      points: [...f.querySelectorAll('svg polyline')].map((p) => (p.getAttribute('points') ?? '').trim().split(/\s+/).filter(Boolean).length),
    })));
    assert.ok(charts.length >= 2, `${name}: charts ${JSON.stringify(charts)}`);
    for (const chart of charts) {
      assert.ok(chart.points.length > 0 && chart.points.some((n) => n >= 2), `${name}: ${chart.chart} draws a line: ${JSON.stringify(chart)}`);
    }
    assert.deepEqual(requests, [], `${name}: requests left the file`);
    const pdf = await reportPage.pdf({ format: 'A4' });
    await writeFile(`${artifacts}/${name}.pdf`, pdf);
    const text = pdf.toString('latin1');
    assert.ok(text.startsWith('%PDF-'), `${name}: a PDF`);
    const pages = (text.match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
    assert.ok(pages >= 1 && pages <= 40, `${name}: ${pages} pages`);
    assert.ok(pdf.length > 5_000 && pdf.length < 5_000_000, `${name}: ${pdf.length} bytes`);
    return charts;
  } finally {
    await context.close();
  }
}

test('the run report and the comparison report download, open offline, draw their charts and print to PDF', async () => {
  await prepare();
  await page.goto(`${base}/runs/${runs.second}`);
  const downloads = page.getByTestId('report-downloads');
  await downloads.locator('a').first().waitFor();
  const links = Object.fromEntries(await downloads.locator('a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')])));
  assert.deepEqual(Object.keys(links), ['HTML', 'Markdown', 'CSV (steps)', 'CSV (intervals)', 'JUnit', 'JSON']);
  const fetchText = async (href) => {
    const response = await page.request.get(base + href);
    assert.equal(response.status(), 200, `${href}: ${response.status()}`);
    assert.match(response.headers()['content-disposition'] ?? '', /attachment/, href);
    return response.text();
  };
  const runCharts = await checkHtmlReport('run-report', await fetchText(links.HTML));
  assert.ok(runCharts.some((c) => c.chart === 'throughput'), JSON.stringify(runCharts));

  const md = await fetchText(links.Markdown);
  assert.match(md, /\|.*\|/, 'a Markdown table');
  const csv = (await fetchText(links['CSV (steps)'])).split('\r\n').filter(Boolean).map((line) => line.split(','));
  assert.ok(csv[0].includes('latency_p50_ms'), csv[0].join(','));
  assert.ok(csv.length >= 3, 'a row per step and all');
  assert.ok(csv.every((row) => row.length === csv[0].length), 'every row has the header\'s cells');
  const intervals = (await fetchText(links['CSV (intervals)'])).split('\r\n').filter(Boolean);
  assert.ok(intervals.length >= 2, 'intervals');
  const junit = await fetchText(links.JUnit);
  assert.match(junit, /^<\?xml[^>]*>\s*<testsuites?[\s>]/);
  assert.match(junit, /<testcase /);
  assert.equal(JSON.parse(await fetchText(links.JSON)).steps.length, 2);

  await page.goto(`${base}/compare?runs=${runs.first},${runs.second}`);
  await page.getByTestId('comparison-downloads').locator('a').first().waitFor();
  const compareLinks = Object.fromEntries(await page.getByTestId('comparison-downloads').locator('a')
    .evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')])));
  assert.deepEqual(Object.keys(compareLinks), ['HTML', 'Markdown', 'CSV', 'JUnit', 'JSON']);
  const compareCharts = await checkHtmlReport('comparison-report', await fetchText(compareLinks.HTML));
  for (const name of ['throughput', 'distribution', 'sweep-throughput']) {
    assert.ok(compareCharts.some((c) => c.chart === name && c.points.length >= 2), `${name}: a line per run: ${JSON.stringify(compareCharts)}`);
  }
  assert.match(await fetchText(compareLinks.Markdown), new RegExp(`run ${runs.second}`));
  const rows = (await fetchText(compareLinks.CSV)).split('\r\n').filter(Boolean);
  assert.match(rows[0], /^step,label,metric,unit,better,run,baseline,value/);
  assert.ok(rows.length > 10, 'comparison rows');
  assert.match(await fetchText(compareLinks.JUnit), /<testsuite[\s>]/);
  assert.equal(JSON.parse(await fetchText(compareLinks.JSON)).runs.length, 2);
});
