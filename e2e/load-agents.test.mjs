// Load agents end to end: two real `benchdeck agent` processes (the CLI's jar) register with an API token of
// scope run and show online on the Agents page; a run of a plan with `agents: 2` on the demo target is split
// over them (the Agents page names the run each executes), and its run page shows the per-agent breakdown
// — both shards finished with their own figures — and its bar charts draw data. The agents are stopped by PID.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { apiCall, artifacts, base, page, shot, useBrowser, waitForChartsDrawn } from './lib.mjs';

useBrowser();

const cliJar = process.env.BENCHDECK_CLI_JAR;
const java = process.env.JAVA ?? 'java';
const NAMES = ['e2e-agent-1', 'e2e-agent-2'];
const PLAN = `workload: {driver: http, method: GET, path: /hello}
load: {model: closed, steps: [{users: 4, duration: 6s}]}
agents: {count: 2, labels: {pool: e2e}}
`;

const started = [];

/** A `benchdeck agent` process of its own; its output goes to artifacts/<name>.log, the token only to its environment. */
function startAgent(name, token) {
  const child = spawn(java, ['-jar', cliJar, 'agent', '--server', base, '--name', name, '--label', 'pool=e2e'],
    { env: { ...process.env, BENCHDECK_AGENT_TOKEN: token }, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(`${artifacts}/${name}.log`);
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const agent = { name, pid: child.pid, stopping: false };
  agent.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  agent.exited.then(({ code, signal }) => {
    if (!agent.stopping) console.error(`agent ${name} ended by itself (exit ${code}, signal ${signal}); see ${artifacts}/${name}.log`);
  });
  started.push(agent);
}

after(async () => {
  for (const agent of started) {
    agent.stopping = true;
    try {
      process.kill(agent.pid, 'SIGTERM');
    } catch {
      continue; // it had already exited
    }
    const stopped = await Promise.race([agent.exited, new Promise((resolve) => setTimeout(() => resolve(null), 10_000))]);
    if (stopped === null) process.kill(agent.pid, 'SIGKILL');
  }
});

let runId;

test('two agents started with a run-scoped token are listed online on the Agents page', async () => {
  assert.ok(cliJar && existsSync(cliJar), `the CLI jar ${cliJar} is missing: build it (./mvnw -pl cli -am package) and run e2e/run.sh`);
  const made = await apiCall(page.context(), 'POST', '/api/v1/account/tokens', { name: 'e2e agents ' + Date.now(), scopes: ['run'] });
  assert.equal(made.status(), 201, await made.text());
  const { token } = await made.json();
  for (const name of NAMES) startAgent(name, token);

  await page.goto(base + '/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Agents' }).click();
  await page.waitForURL(base + '/agents');
  for (const name of NAMES) {
    // a JVM's start, registration and first heartbeat; the page refreshes every 2 s on its own
    const row = page.locator(`[data-testid="agent-row"][data-agent="${name}"][data-online="true"]`);
    await row.waitFor({ timeout: 60_000 });
    await row.getByText('pool=e2e').waitFor();
    assert.equal(await row.getByTestId('agent-online').innerText(), 'online');
    assert.match(await row.getByTestId('agent-current-run').innerText(), /idle/);
  }
  await shot('agents-online');
});

test('a run with agents: 2 is split over them, and its page shows the per-agent breakdown with charts that draw', async () => {
  assert.ok(started.length === NAMES.length, 'the agents were not started (the previous test failed)');
  const targets = await (await page.request.get(base + '/api/v1/targets')).json();
  const demo = targets.find((t) => t.name === 'Benchdeck demo endpoints');
  assert.ok(demo, 'the demo HTTP target');
  const created = await apiCall(page.context(), 'POST', '/api/v1/scenarios', { name: 'e2e on two agents ' + Date.now(), target_id: demo.id, plan_yaml: PLAN });
  assert.equal(created.status(), 201, await created.text());
  const run = await apiCall(page.context(), 'POST', `/api/v1/scenarios/${(await created.json()).id}/runs`);
  assert.equal(run.status(), 202, await run.text());
  runId = (await run.json()).id;

  // while it runs, the Agents page names the run (and the shard) each agent executes
  await page.goto(base + '/agents');
  for (const name of NAMES) {
    await page.locator(`[data-testid="agent-row"][data-agent="${name}"]`).getByRole('link', { name: `Run #${runId}` }).waitFor({ timeout: 30_000 });
  }
  await shot('agents-running');
  await page.locator(`[data-testid="agent-row"][data-agent="${NAMES[0]}"]`).getByRole('link', { name: `Run #${runId}` }).click();
  await page.waitForURL(`${base}/runs/${runId}`);

  await page.locator('[data-testid="run-status"][data-status="completed"]').waitFor({ timeout: 60_000 });
  const breakdown = page.getByTestId('agent-breakdown');
  await breakdown.waitFor();
  const rows = breakdown.getByTestId('shard-row');
  await breakdown.locator('[data-testid="shard-row"][data-status="finished"]').nth(1).waitFor({ timeout: 20_000 });
  assert.equal(await rows.count(), 2);
  assert.deepEqual((await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-agent')))).sort(), NAMES);
  const requests = [];
  for (let i = 0; i < 2; i++) {
    const cells = await rows.nth(i).locator('td').allInnerTexts();
    // Shard, Status, Ended, Requests, Throughput, p50, p99, Error rate
    assert.match(cells[0], /^[12] of 2$/);
    assert.equal(cells[1], 'finished');
    requests.push(Number(cells[3].replace(/,/g, '')));
    assert.match(cells[4], /req\/s$/);
    assert.match(cells[6], /s$/, `p99 of shard ${i}: ${cells[6]}`);
  }
  assert.ok(requests.every((n) => n > 0), `each agent sent requests: ${requests}`);
  // the run's figures are the exact merge of the agents'
  const stored = await (await page.request.get(`${base}/api/v1/runs/${runId}`)).json();
  assert.equal(stored.requests, requests[0] + requests[1], 'the run counts every request of its agents');

  const charts = await waitForChartsDrawn('the run on two agents', { names: ['Throughput per agent', 'p99 latency per agent'] });
  for (const name of ['Throughput per agent', 'p99 latency per agent']) {
    assert.equal(charts.find((c) => c.chart === name).points, 2, `${name}: a bar per agent`);
  }
  await breakdown.scrollIntoViewIfNeeded();
  await shot('run-on-agents');

  // the agents are free again
  await page.goto(base + '/agents');
  for (const name of NAMES) {
    await page.locator(`[data-testid="agent-row"][data-agent="${name}"] [data-testid="agent-current-run"]`).filter({ hasText: 'idle' }).waitFor();
  }
});
