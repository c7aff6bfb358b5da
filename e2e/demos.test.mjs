// A newcomer's first hour: every demo scenario that `benchdeck serve` creates runs from the dashboard,
// and every chart on its run page draws data while it runs, when it has finished, and after a reload.
// Each demo names the charts (their data-chart labels) its page must show, so a chart that silently
// disappears fails here instead of only lowering a count.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { base, page, shot, useBrowser, waitForChartsDrawn } from './lib.mjs';

useBrowser();

// The charts of ui/src/features/live (live-charts, pool-gauges, stream-live) and ui/src/features/runs.
const LIVE = ['Throughput over time', 'Latency percentiles over time', 'Errors over time', 'Requests in flight and users over time'];
const POOL = ['Connection pool over time'];
const STREAM = ['Time to first token over time', 'Output tokens per second over time'];
const PERCENTILES = ['Latency by percentile'];
const THREAD_SWEEP = ['Throughput against thread count', 'p95 and p99 latency against thread count'];
const USER_SWEEP = ['TTFT and TPOT p95 against users'];
// The target's own telemetry under the load charts (ui/src/features/telemetry), sampled by the server each second.
const PG_TELEMETRY = ['telemetry-pg-transactions', 'telemetry-pg-connections', 'telemetry-pg-hit-ratio'];
const GATEWAY_TELEMETRY = ['telemetry-gateway-stage-p99', 'telemetry-gateway-stage-p50', 'telemetry-gateway-streams', 'telemetry-gateway-cache'];
// The demo HTTP target names its own Prometheus endpoint (options.metrics): its request rates and requests in flight.
const PROMETHEUS = ['telemetry-prometheus-rates', 'telemetry-prometheus-values'];

// Each demo with the charts its run page draws while it runs (at least these; more appear as steps finish),
// exactly the charts of the finished run, and how long the run may take.
const demos = [
  { name: 'hello, 10 users, 10 s', live: LIVE, done: [...LIVE, ...PERCENTILES, ...PROMETHEUS], seconds: 40 },
  { name: 'open model 200/s on /delay/20', live: LIVE, done: [...LIVE, ...PERCENTILES, ...PROMETHEUS], seconds: 40 },
  { name: 'sweep 5/10/20 users on /delay/10', live: LIVE, done: [...LIVE, ...PERCENTILES, ...PROMETHEUS], seconds: 50 },
  { name: 'Database sweep 2/4/8 threads', live: [...LIVE, ...POOL], done: [...LIVE, ...POOL, ...THREAD_SWEEP, ...PERCENTILES, ...PG_TELEMETRY], seconds: 90 },
  { name: 'LLM streaming sweep (mock)', live: [...LIVE, ...STREAM], done: [...LIVE, ...STREAM, ...USER_SWEEP, ...PERCENTILES], seconds: 50 },
  { name: 'Automation runs (mock)', live: LIVE, done: [...LIVE, ...PERCENTILES], seconds: 50 },
  { name: 'Gateway streaming sweep (demo)', live: [...LIVE, ...STREAM],
    done: [...LIVE, ...STREAM, ...USER_SWEEP, ...PERCENTILES, ...GATEWAY_TELEMETRY], seconds: 50 },
  { name: 'Ingestion 500 and 2,000 msg/s (demo)', live: LIVE, done: [...LIVE, ...PERCENTILES, ...PROMETHEUS], seconds: 60 },
];

const slug = (name) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const sorted = (names) => [...names].sort();

for (const demo of demos) {
  test(`demo "${demo.name}" runs from the dashboard and every chart draws, live and afterwards`, async () => {
    await page.goto(base + '/scenarios');
    await page.getByRole('button', { name: `Run ${demo.name}`, exact: true }).click();
    await page.waitForURL(/\/runs\/\d+$/);
    await page.locator('[data-testid="run-status"][data-status="running"]').waitFor({ timeout: 30_000 });

    await waitForChartsDrawn(`${demo.name} (live)`, { names: demo.live, timeout: 30_000 });
    await shot(`demo-${slug(demo.name)}-live`);

    await page.locator('[data-testid="run-status"][data-status="completed"]').waitFor({ timeout: demo.seconds * 1000 });
    const done = await waitForChartsDrawn(`${demo.name} (completed)`, { names: demo.done });
    assert.deepEqual(sorted(done.map((c) => c.chart)), sorted(demo.done), `${demo.name}: the completed run's charts`);
    assert.equal(await page.getByRole('alert').count(), 0, 'the completed run shows an error');
    await shot(`demo-${slug(demo.name)}-completed`);

    await page.reload();
    await page.locator('[data-testid="run-status"][data-status="completed"]').waitFor();
    const reloaded = await waitForChartsDrawn(`${demo.name} (reloaded)`, { names: demo.done });
    assert.deepEqual(sorted(reloaded.map((c) => c.chart)), sorted(demo.done), `${demo.name}: the reloaded run's charts`);
  });
}
