// Schedules and webhooks from the dashboard: a schedule added on a demo scenario shows its next fire time and
// pauses and resumes; a webhook added on the admin page shows its secret once, and "Send a test" reaches a
// receiver here (its signature checked with that secret) and shows "delivered" in the delivery log.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import { base, page, shot, useBrowser } from './lib.mjs';

useBrowser();

test('a schedule on a scenario shows its next fire time, pauses, resumes and goes', async () => {
  const scenarios = await (await page.request.get(base + '/api/v1/scenarios')).json();
  await page.goto(base + `/scenarios/${scenarios[0].id}`);
  await page.getByRole('heading', { name: scenarios[0].name }).waitFor();
  const card = page.getByTestId('schedules');
  await card.getByText('Not scheduled').waitFor();
  const form = page.getByRole('form', { name: 'New schedule' });
  await form.getByLabel('Cron').fill('30 4 * * 1-5');
  await form.getByLabel('Time zone').fill('Europe/Paris');
  await form.getByTestId('schedule-preview').getByText(/Next: .+ · .+ · .+/).waitFor();
  await form.getByRole('button', { name: 'Add schedule' }).click();

  const row = card.getByTestId('schedule-row');
  await row.waitFor();
  assert.match(await row.textContent(), /30 4 \* \* 1-5\s*Europe\/Paris/);
  assert.doesNotMatch(await row.textContent(), /paused/);
  await row.getByRole('button', { name: 'Pause' }).click();
  await row.getByText('paused').waitFor();
  await row.getByRole('button', { name: 'Resume' }).click();
  await row.getByRole('button', { name: 'Pause' }).waitFor();
  await shot('scenario-schedules');

  // a wrong expression is refused next to its field before anything is stored
  await form.getByLabel('Cron').fill('0 25 * * *');
  await form.getByText(/does not parse/).first().waitFor();
  await row.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await card.getByText('Not scheduled').waitFor();
});

test('a webhook shows its secret once and a test delivery reaches a receiver, signed', async () => {
  const received = [];
  const receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => { body += chunk; });
    request.on('end', () => {
      received.push({ body, signature: request.headers['x-benchdeck-signature'] });
      response.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
    });
  });
  await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  try {
    await page.goto(base + '/admin/webhooks');
    const form = page.getByRole('form', { name: 'New webhook' });
    await form.getByLabel('Name').fill('e2e receiver');
    await form.getByLabel('URL').fill(`http://127.0.0.1:${receiver.address().port}/hook`);
    await form.getByRole('button', { name: 'Add webhook' }).click();
    const secret = await page.getByTestId('webhook-secret').inputValue();
    assert.match(secret, /^whsec_/);

    const card = page.getByTestId('webhook').filter({ hasText: 'e2e receiver' });
    await card.getByRole('button', { name: 'Send a test' }).click();
    await card.getByTestId('delivery-status').filter({ hasText: 'delivered' }).waitFor({ timeout: 15_000 });
    assert.equal(received.length, 1);
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(received[0].signature);
    assert.equal(v1, createHmac('sha256', secret).update(`${t}.${received[0].body}`).digest('hex'));
    assert.equal(JSON.parse(received[0].body).event, 'test');
    await page.reload();
    await page.getByTestId('webhook').first().waitFor();
    assert.equal(await page.getByTestId('webhook-secret').count(), 0, 'the secret is not shown again');
    await shot('admin-webhooks');
  } finally {
    receiver.close();
  }
});
