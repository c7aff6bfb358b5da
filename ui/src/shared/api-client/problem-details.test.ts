import { describe, expect, it } from 'vitest';
import { messagesFor, toFieldErrors, unclaimedMessages } from './problem-details';

describe('problem details → field errors', () => {
  it('groups messages by normalized path', () => {
    const errors = toFieldErrors([
      { path: 'load.steps[1].rate', message: 'must be > 0' },
      { path: 'load/steps/1/rate', message: 'must be a number' },
      { path: '$.name', message: 'must not be blank' },
    ]);
    expect(errors).toEqual({ 'load.steps[1].rate': ['must be > 0', 'must be a number'], name: ['must not be blank'] });
  });

  it('finds nested messages on request and lists the unclaimed ones', () => {
    const errors = toFieldErrors([
      { path: 'thresholds[0]', message: 'unknown metric' },
      { path: 'thresholds', message: 'too many' },
      { path: 'timeout', message: 'bad duration' },
    ]);
    expect(messagesFor(errors, 'thresholds')).toEqual(['too many']);
    expect(messagesFor(errors, 'thresholds', { nested: true })).toEqual(['too many', 'unknown metric']);
    expect(unclaimedMessages(errors, ['thresholds', 'thresholds[0]'])).toEqual([{ path: 'timeout', message: 'bad duration' }]);
  });

  it('is empty without problems', () => {
    expect(toFieldErrors(undefined)).toEqual({});
  });
});
