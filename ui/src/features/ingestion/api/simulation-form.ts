/** The burst sizes offered as buttons; anything else is a custom size. */
export const BURST_SIZES = [100, 500, 1000, 5000] as const;
/** The server's bounds (SimulationRequest): checked here first so a typo never leaves the page. */
export const MAX_COUNT = 1_000_000;
export const MAX_RATE = 1_000_000;

export type SimulationForm = { size: string; custom: string; rate: string; content: string };

export const DEFAULT_SIMULATION: SimulationForm = { size: '500', custom: '', rate: '0', content: 'Simulation burst #{n}' };

export type SimulationRequest = { count: number; rate: number; content: string };

/** The request, or the problems by field (`count`, `rate`, `content`, the server's paths too). */
export function simulationRequest(form: SimulationForm): { request: SimulationRequest | null; problems: Record<string, string[]> } {
  const problems: Record<string, string[]> = {};
  const countText = form.size === 'custom' ? form.custom.trim() : form.size;
  const count = /^\d+$/.test(countText) ? Number(countText) : NaN;
  if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT) {
    problems.count = [`must be a whole number from 1 to ${MAX_COUNT.toLocaleString('en-US')}`];
  }
  const rateText = form.rate.trim();
  const rate = rateText === '' ? 0 : Number(rateText);
  if (!Number.isFinite(rate) || rate < 0 || rate > MAX_RATE) {
    problems.rate = [`must be a number of messages per second from 0 (as fast as possible) to ${MAX_RATE.toLocaleString('en-US')}`];
  }
  const content = form.content;
  if (content.length === 0 || content.length > 500) problems.content = ['must be 1–500 characters ({n} is the message number)'];
  if (Object.keys(problems).length > 0) return { request: null, problems };
  return { request: { count, rate, content }, problems };
}
