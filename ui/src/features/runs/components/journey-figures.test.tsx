import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { StepResult } from '@/shared/api-client/types';
import { JourneyFigures, journeyOf } from './journey-figures';
import fixture from './journey-result.fixture.json';

// The journey figures of a real run of examples/10-journey.yaml (2 users, 1 s, demo target), histograms left out.
const journey = fixture as unknown as NonNullable<StepResult['journey']>;

const rowOf = (table: string, name: string) => within(screen.getByTestId(table)).getByRole('rowheader', { name }).closest('tr') as HTMLElement;
const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map((c) => c.textContent);

describe('the run page\u2019s journey figures', () => {
  it('shows a row per request step with its outcomes and latency, groups and checks with their pass rates', () => {
    render(<JourneyFigures journey={journey} />);
    const steps = within(screen.getByTestId('journey-steps')).getAllByRole('rowheader').map((h) => h.textContent);
    expect(steps).toEqual(['login', 'products', 'product', 'cart', 'pay', 'thanks']);
    expect(cells(rowOf('journey-steps', 'login'))).toEqual(['23', '23', '0', '0', '1.82 ms', '106 ms', '135 ms', '135 ms']);
    expect(cells(rowOf('journey-groups', 'checkout'))).toEqual(['23', '4.27 ms', '8.58 ms', '9.58 ms', '9.58 ms']);
    expect(cells(rowOf('journey-checks', 'product in stock'))).toEqual(['18', '0', '100%']);
    expect(screen.getByText('Checks (100% passed)')).toBeInTheDocument();
    expect(screen.getByText('Journey steps (23 iterations)')).toBeInTheDocument();
  });

  it('lists the steps in the order the sampled iteration ran them, whatever order the stored maps came back in', () => {
    const reordered = Object.fromEntries(Object.entries(journey.steps).sort(([a], [b]) => a.length - b.length || a.localeCompare(b)));
    render(<JourneyFigures journey={{ ...journey, steps: reordered }} />);
    expect(Object.keys(reordered)[0]).toBe('pay');
    const steps = within(screen.getByTestId('journey-steps')).getAllByRole('rowheader').map((h) => h.textContent);
    expect(steps).toEqual(['login', 'products', 'product', 'cart', 'pay', 'thanks']);
  });

  it('counts check failures and errors, and marks a check below 100%', () => {
    const failing = {
      ...journey,
      steps: { ...journey.steps, pay: { ...journey.steps.pay, ok: 20, check_failed: 2, errors_by_class: { http_5xx: 1 } } },
      checks: { ...journey.checks, 'order is paid': { passed: 21, failed: 2, pass_rate: 21 / 23 } },
    };
    render(<JourneyFigures journey={failing} />);
    expect(cells(rowOf('journey-steps', 'pay')).slice(0, 4)).toEqual(['23', '20', '2', '1']);
    const rate = within(rowOf('journey-checks', 'order is paid')).getByTestId('check-pass-rate');
    expect(rate).toHaveTextContent('91.3%');
    expect(rate).toHaveClass('text-red-700');
  });

  it('draws the sampled iteration as a waterfall: a bar per step in order, the group over its steps, pauses as gaps', () => {
    render(<JourneyFigures journey={journey} />);
    const svg = screen.getByTestId('journey-waterfall');
    const bars = within(svg as unknown as HTMLElement).getAllByTestId('waterfall-bar');
    expect(bars.map((b) => b.getAttribute('data-kind'))).toEqual(['step', 'step', 'step', 'step', 'step', 'step', 'group']);
    const x = (i: number) => Number(bars[i].getAttribute('x'));
    const width = (i: number) => Number(bars[i].getAttribute('width'));
    for (let i = 1; i < 6; i++) expect(x(i)).toBeGreaterThan(x(i - 1));
    // the sample's longest request (login, 135 ms of 184 ms) takes most of the axis
    expect(width(0)).toBeGreaterThan(width(1) * 50);
    // checkout starts just before cart's send and ends after pay's last byte
    expect(x(6)).toBeLessThanOrEqual(x(3));
    expect(x(6) + width(6)).toBeGreaterThanOrEqual(x(4) + width(4) - 0.01);
    expect(bars[0].querySelector('title')).toHaveTextContent('login: 135 ms from 2.90 ms');
    // the think time after login (uniform 10–50 ms) shows as a gap before products
    expect(within(svg as unknown as HTMLElement).getAllByTestId('waterfall-gap')[0].querySelector('title')).toHaveTextContent(/^pause 32\.\d ms before products$/);
  });

  it('takes the merged figures of a run, else its step\u2019s, and nothing for a run without a journey', () => {
    const step = { journey } as StepResult;
    expect(journeyOf([step], null)).toBe(journey);
    expect(journeyOf([step], { journey: null } as StepResult)).toBe(journey);
    expect(journeyOf([{ journey: null } as StepResult], null)).toBeNull();
  });
});
