// Browser-side measurements for bench/server/run.sh, with Debian's Chromium driven by playwright-core.
//
//   node browser.mjs detail BASE_URL RUN_ID ITERATIONS OUT.json
//       Opens /runs/RUN_ID ITERATIONS times (a new tab each time, same browser profile) and times,
//       from navigation start (performance.timeOrigin), the moment the four live charts have drawn
//       their series, plus when the WebSocket snapshot (the intervals) and the REST run detail arrived.
//   node [--experimental-websocket] browser.mjs live BASE_URL SCENARIO_ID RUNS OUT.json
//       Starts RUNS runs of the scenario one after the other; for each, the dashboard shows the run
//       (/runs/{id}) and a WebSocket of the page's own, opened from inside it, subscribes to the run;
//       for every `interval` message it records Date.now() on arrival and after the next
//       requestAnimationFrame. The dashboard's own socket is observed the same way, and, when Node
//       has a global WebSocket, a Node client in a worker thread too.
//       Latency = time recorded − (run.started_at + interval.elapsed_seconds × 1000), one clock.
//
// Everything goes to 127.0.0.1 only. The browser is closed on exit, errors included.
import { writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';

const repo = process.env.REPO ?? new URL('../../..', import.meta.url).pathname;
const { chromium } = await import(`${repo}/e2e/node_modules/playwright-core/index.mjs`);

const [mode, base, idArg, countArg, outFile] = process.argv.slice(2);
if (!['detail', 'live'].includes(mode) || !base || !idArg || !countArg || !outFile) {
  console.error('usage: browser.mjs detail|live BASE_URL ID COUNT OUT.json');
  process.exit(2);
}
if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(base)) {
  console.error(`refusing a base URL other than http://127.0.0.1:PORT: ${base}`);
  process.exit(2);
}

const CHARTS = ['live-throughput-chart', 'live-latency-chart', 'live-errors-chart', 'live-concurrency-chart'];
// The series colours of ui/src/features/live/components/live-charts.tsx: a stroke in one of them on a
// chart's canvas, after the snapshot arrived, is that chart drawing data (axes and grid use others).
const SERIES_COLOURS = ['#4f46e5', '#16a34a', '#d97706', '#dc2626', '#9333ea', '#0891b2', '#64748b'];

/** Runs in every page before its own scripts: hooks WebSocket and canvas strokes, polls each frame. */
function benchInit({ charts, colours }) {
  const b = (window.__bench = {
    wsOpenAt: null, snapshotAt: null, snapshotBytes: 0, seriesDrawn: {}, canvasesAt: null, chartsDrawnAt: null,
    stepTableAt: null, percentileAt: null, longTasks: [], appIntervals: [], frames: 0,
  });
  const colourSet = new Set(colours);
  const Orig = window.WebSocket;
  window.__OrigWebSocket = Orig;
  window.WebSocket = class BenchWebSocket extends Orig {
    constructor(...args) {
      super(...args);
      // registered before the app sets onmessage, so this runs first for every message
      this.addEventListener('open', () => { if (b.wsOpenAt == null) b.wsOpenAt = performance.now(); });
      this.addEventListener('message', (e) => {
        if (typeof e.data !== 'string') return;
        if (e.data.startsWith('{"type":"snapshot"')) {
          if (b.snapshotAt == null) { b.snapshotAt = performance.now(); b.snapshotBytes = e.data.length; }
        } else if (e.data.startsWith('{"type":"interval"')) {
          const recv = Date.now();
          const m = JSON.parse(e.data);
          requestAnimationFrame(() => b.appIntervals.push({ run_id: m.run_id, elapsed: m.interval.elapsed_seconds, recv, raf: Date.now() }));
        }
      });
    }
  };
  const stroke = CanvasRenderingContext2D.prototype.stroke;
  CanvasRenderingContext2D.prototype.stroke = function (...args) {
    const result = stroke.apply(this, args);
    if (b.snapshotAt != null && colourSet.has(String(this.strokeStyle).toLowerCase())) {
      const host = this.canvas && this.canvas.closest ? this.canvas.closest('[data-testid]') : null;
      const id = host ? host.getAttribute('data-testid') : null;
      if (id && charts.includes(id) && b.seriesDrawn[id] == null) b.seriesDrawn[id] = performance.now();
    }
    return result;
  };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push([Math.round(e.startTime), Math.round(e.duration)]);
    }).observe({ type: 'longtask', buffered: true });
  } catch { /* no long-task timing */ }
  const poll = (now) => {
    b.frames++;
    if (b.canvasesAt == null && charts.every((id) => document.querySelector(`[data-testid="${id}"] canvas`))) b.canvasesAt = now;
    // the first frame after every chart has stroked a series: what was drawn is now on screen
    if (b.chartsDrawnAt == null && charts.every((id) => b.seriesDrawn[id] != null)
        && charts.every((id) => document.querySelector(`[data-testid="${id}"] canvas`))) b.chartsDrawnAt = performance.now();
    if (b.stepTableAt == null && document.querySelector('[data-testid="step-table"]')) b.stepTableAt = now;
    if (b.percentileAt == null && document.querySelector('[data-testid="percentile-chart"] canvas')) b.percentileAt = now;
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}

async function api(path, init) {
  const res = await fetch(base + path, init);
  if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${path} answered ${res.status}: ${await res.text()}`);
  return res.json();
}

/** An ISO-8601 instant to epoch milliseconds, keeping microseconds (Date.parse drops them). */
function isoMillis(s) {
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d)$/.exec(s ?? '');
  if (!m) return NaN;
  return Date.parse(m[1] + m[3]) + (m[2] ? parseFloat(m[2]) * 1000 : 0);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? null : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round1 = (x) => (x == null || Number.isNaN(x) ? null : Math.round(x * 10) / 10);


// ---------------------------------------------------------------------------------------------

async function detail(context, runId, iterations) {
  const run = await api(`/api/v1/runs/${runId}`);
  const samples = [];
  for (let i = 1; i <= iterations; i++) {
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${base}/runs/${runId}`, { waitUntil: 'commit' });
    await page.waitForFunction(
      () => window.__bench && window.__bench.chartsDrawnAt != null && window.__bench.stepTableAt != null
        && window.__bench.percentileAt != null,
      null, { polling: 100, timeout: 30_000 });
    const s = await page.evaluate((id) => {
      const b = window.__bench;
      const nav = performance.getEntriesByType('navigation')[0];
      const detailRes = performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname === `/api/v1/runs/${id}`);
      const intervalsRes = performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname === `/api/v1/runs/${id}/intervals`);
      return {
        dom_content_loaded_ms: nav ? nav.domContentLoadedEventEnd : null,
        ws_open_ms: b.wsOpenAt,
        snapshot_ms: b.snapshotAt,
        snapshot_bytes: b.snapshotBytes,
        run_detail_request_start_ms: detailRes ? detailRes.requestStart : null,
        run_detail_response_end_ms: detailRes ? detailRes.responseEnd : null,
        rest_intervals_fallback_used: Boolean(intervalsRes),
        canvases_ms: b.canvasesAt,
        series_drawn_ms: b.seriesDrawn,
        charts_drawn_ms: b.chartsDrawnAt,
        step_table_ms: b.stepTableAt,
        percentile_chart_ms: b.percentileAt,
        long_tasks: b.longTasks,
      };
    }, runId);
    s.iteration = i;
    s.total_ms = s.charts_drawn_ms;
    s.render_ms = s.charts_drawn_ms - s.snapshot_ms;
    s.render_after_all_data_ms = s.charts_drawn_ms - Math.max(s.snapshot_ms, s.run_detail_response_end_ms ?? 0);
    s.long_task_ms_before_drawn = s.long_tasks.filter(([t]) => t < s.charts_drawn_ms).reduce((a, [, d]) => a + d, 0);
    if (i === 1) {
      // not timed: check that the canvases really show series pixels, and keep a picture
      s.series_pixels = await page.evaluate(({ charts, colours }) => {
        const rgb = colours.map((c) => [1, 3, 5].map((k) => parseInt(c.slice(k, k + 2), 16)));
        const out = {};
        for (const id of charts) {
          const canvas = document.querySelector(`[data-testid="${id}"] canvas`);
          const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
          let n = 0;
          for (let p = 0; p < data.length; p += 4) {
            if (rgb.some(([r, g, bl]) => Math.abs(data[p] - r) + Math.abs(data[p + 1] - g) + Math.abs(data[p + 2] - bl) < 24)) n++;
          }
          out[id] = n;
        }
        return out;
      }, { charts: CHARTS, colours: SERIES_COLOURS });
      if (process.env.SCREENSHOT) await page.screenshot({ path: process.env.SCREENSHOT, fullPage: true });
    }
    samples.push(s);
    await page.close();
    await sleep(300);
  }
  const pick = (k) => samples.map((s) => s[k]).filter((x) => x != null);
  const probe = await snapshotProbe(context, runId);
  return {
    mode: 'detail', run_id: runId, run_status: run.status, iterations, probe,
    median: {
      total_ms: round1(median(pick('total_ms'))),
      render_ms: round1(median(pick('render_ms'))),
      render_after_all_data_ms: round1(median(pick('render_after_all_data_ms'))),
      snapshot_ms: round1(median(pick('snapshot_ms'))),
      ws_open_ms: round1(median(pick('ws_open_ms'))),
      run_detail_response_end_ms: round1(median(pick('run_detail_response_end_ms'))),
      dom_content_loaded_ms: round1(median(pick('dom_content_loaded_ms'))),
      canvases_ms: round1(median(pick('canvases_ms'))),
      step_table_ms: round1(median(pick('step_table_ms'))),
      percentile_chart_ms: round1(median(pick('percentile_chart_ms'))),
      long_task_ms_before_drawn: round1(median(pick('long_task_ms_before_drawn'))),
    },
    snapshot_bytes: samples[0]?.snapshot_bytes,
    samples,
  };
}

/**
 * Where the snapshot's time goes, without the dashboard: from a page with no app (so a busy main
 * thread cannot delay the message event) and from Node, subscribe -> snapshot message, 3 times each;
 * plus the same intervals over REST, fetched and parsed in the page.
 */
async function snapshotProbe(context, runId) {
  const url = `${base.replace('http', 'ws')}/api/v1/live`;
  const page = await context.newPage();
  await page.goto(`${base}/actuator/health`);
  const browserSide = await page.evaluate(async ({ url, id }) => {
    const once = () => new Promise((resolve, reject) => {
      const ws = new window.__OrigWebSocket(url);
      let t0;
      ws.onopen = () => { t0 = performance.now(); ws.send(JSON.stringify({ subscribe: id })); };
      ws.onmessage = (e) => {
        const t1 = performance.now();
        const m = JSON.parse(e.data);
        const t2 = performance.now();
        ws.close();
        resolve({ subscribe_to_snapshot_ms: t1 - t0, parse_ms: t2 - t1, bytes: e.data.length,
          intervals: m.intervals?.length, extensions: ws.extensions });
      };
      ws.onerror = () => reject(new Error('WebSocket error'));
    });
    const ws = [];
    for (let i = 0; i < 3; i++) ws.push(await once());
    const r0 = performance.now();
    const res = await fetch(`/api/v1/runs/${id}/intervals`);
    const body = await res.text();
    const r1 = performance.now();
    JSON.parse(body);
    const r2 = performance.now();
    return { ws, rest_fetch_ms: r1 - r0, rest_parse_ms: r2 - r1, rest_content_encoding: res.headers.get('content-encoding') };
  }, { url, id: runId });
  await page.close();
  const nodeSide = [];
  if (typeof globalThis.WebSocket === 'function') {
    for (let i = 0; i < 3; i++) {
      nodeSide.push(await new Promise((resolve, reject) => {
        const ws = new globalThis.WebSocket(url);
        let t0;
        ws.onopen = () => { t0 = performance.now(); ws.send(JSON.stringify({ subscribe: runId })); };
        ws.onmessage = (e) => {
          const t1 = performance.now();
          ws.close();
          resolve({ subscribe_to_snapshot_ms: t1 - t0, bytes: e.data.length, extensions: ws.extensions });
        };
        ws.onerror = () => reject(new Error('WebSocket error'));
      }));
    }
  }
  return { browser: browserSide, node: nodeSide };
}

// ---------------------------------------------------------------------------------------------

// The Node client runs in a worker thread: on the main thread Playwright's own traffic would delay
// its message events.
const NODE_CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
const records = [];
let runId = null;
const ws = new WebSocket(workerData.url);
ws.onopen = () => parentPort.postMessage({ type: 'open' });
ws.onerror = () => parentPort.postMessage({ type: 'error' });
ws.onmessage = (e) => {
  const recv = Date.now();
  const m = JSON.parse(e.data);
  if (m.type === 'interval' && m.run_id === runId) records.push({ elapsed: m.interval.elapsed_seconds, recv });
  if (m.type === 'status' && m.run_id === runId && m.status !== 'queued' && m.status !== 'running') {
    parentPort.postMessage({ type: 'done', records });
    ws.close();
  }
};
parentPort.on('message', (msg) => { runId = msg.subscribe; ws.send(JSON.stringify({ subscribe: runId })); });
`;

function nodeClient(url) {
  const worker = new Worker(NODE_CLIENT, { eval: true, workerData: { url } });
  let resolveOpen, rejectOpen, resolveDone;
  const opened = new Promise((res, rej) => { resolveOpen = res; rejectOpen = rej; });
  const done = new Promise((res) => { resolveDone = res; });
  worker.on('message', (m) => {
    if (m.type === 'open') resolveOpen();
    else if (m.type === 'error') rejectOpen(new Error('Node WebSocket error'));
    else if (m.type === 'done') resolveDone(m.records);
  });
  worker.on('error', (e) => rejectOpen(e));
  return { worker, opened, done };
}

/**
 * Every socket is connected and the run page's code is loaded before the run starts, so nothing is
 * busy loading when the first interval comes: the page shows an existing run, its own socket is
 * open, the Node client is connected; then the run starts, both subscribe, and the dashboard goes
 * to the new run by client-side navigation (pushState + popstate, as the back button would).
 */
async function live(context, scenarioId, runs) {
  const url = `${base.replace('http', 'ws')}/api/v1/live`;
  const nodeHasWebSocket = typeof globalThis.WebSocket === 'function';
  const out = { mode: 'live', scenario_id: scenarioId, node_client: nodeHasWebSocket, runs: [] };
  const existing = (await api('/api/v1/runs?page=0&size=1')).items[0];
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(existing ? `${base}/runs/${existing.id}` : `${base}/`, { waitUntil: 'load' });
  await page.locator('[data-testid="connection-indicator"][data-status="connected"]').waitFor({ timeout: 15_000 }).catch(() => {});
  for (let r = 0; r < runs; r++) {
    await page.evaluate((wsUrl) => new Promise((resolve, reject) => {
      const own = (window.__own = { records: [], status: [], done: false, id: null });
      own.ws = new window.__OrigWebSocket(wsUrl);
      own.ws.onopen = () => resolve();
      own.ws.onerror = () => reject(new Error('WebSocket error'));
      own.ws.onmessage = (e) => {
        const recv = Date.now();
        const m = JSON.parse(e.data);
        if (m.type === 'interval' && m.run_id === own.id) {
          requestAnimationFrame(() => own.records.push({ elapsed: m.interval.elapsed_seconds, recv, raf: Date.now() }));
        } else if (m.type === 'status' && m.run_id === own.id) {
          own.status.push(m.status);
          if (!['queued', 'running'].includes(m.status)) own.done = true;
        }
      };
    }), url);
    const node = nodeHasWebSocket ? nodeClient(url) : null;
    if (node) await node.opened;

    const runId = (await api(`/api/v1/scenarios/${scenarioId}/runs`, { method: 'POST' })).id;
    node?.worker.postMessage({ subscribe: runId });
    await page.evaluate((id) => {
      window.__own.id = id;
      window.__own.ws.send(JSON.stringify({ subscribe: id }));
      history.pushState(null, '', `/runs/${id}`);
      window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
    }, runId);
    const navigated = await page.waitForFunction(
      (id) => location.pathname === `/runs/${id}` && document.body.textContent.includes(`Run #${id}`),
      runId, { polling: 100, timeout: 10_000 }).then(() => true, () => false);
    await page.waitForFunction(() => window.__own.done, null, { polling: 250, timeout: 90_000 });
    const nodeRecords = node ? await Promise.race([node.done, sleep(5_000).then(() => [])]) : [];
    await node?.worker.terminate();
    await sleep(300); // the last rAF callbacks
    const pageData = await page.evaluate((id) => {
      window.__own.ws.close();
      return {
        own: window.__own.records,
        app: window.__bench.appIntervals.filter((x) => x.run_id === id),
        statuses: window.__own.status,
      };
    }, runId);

    const detail = await api(`/api/v1/runs/${runId}`);
    const stored = await api(`/api/v1/runs/${runId}/intervals`);
    const dbStart = isoMillis(detail.started_at);
    const lat = (records, key, start) => records.map((x) => Math.round((x[key] - (start + x.elapsed * 1000)) * 10) / 10);
    out.runs.push({
      run_id: runId, status: detail.status, started_at: detail.started_at, started_at_ms: dbStart,
      throughput: detail.throughput, p99_ms: detail.p99_ms, dashboard_navigated: navigated,
      intervals_stored: stored.length,
      elapsed_seconds_all: stored.map((x) => x.elapsed_seconds),
      statuses: pageData.statuses,
      browser_own_after_raf_ms: lat(pageData.own, 'raf', dbStart),
      browser_own_on_message_ms: lat(pageData.own, 'recv', dbStart),
      browser_dashboard_after_raf_ms: lat(pageData.app, 'raf', dbStart),
      node_on_message_ms: lat(nodeRecords, 'recv', dbStart),
      elapsed_seconds: pageData.own.map((x) => x.elapsed),
    });
    await sleep(500);
  }
  await page.close();
  return out;
}

// ---------------------------------------------------------------------------------------------

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--no-first-run', '--disable-sync'],
});
let exitCode = 0;
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  await context.addInitScript(benchInit, { charts: CHARTS, colours: SERIES_COLOURS });
  const result = mode === 'detail'
    ? await detail(context, Number(idArg), Number(countArg))
    : await live(context, Number(idArg), Number(countArg));
  result.chromium = browser.version();
  writeFileSync(outFile, JSON.stringify(result, null, 2) + '\n');
} catch (e) {
  console.error(e?.stack ?? String(e));
  exitCode = 1;
} finally {
  await browser.close().catch(() => {});
}
process.exit(exitCode);
