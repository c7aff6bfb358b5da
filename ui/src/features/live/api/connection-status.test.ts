import { describe, expect, it } from 'vitest';
import { connectionStatus } from './connection-status';

const ready = { isPending: false, isError: false, status: 'UP' };

describe('connectionStatus', () => {
  it('is connected with a ready server and an open live feed', () => {
    expect(connectionStatus(ready, 'open')).toBe('connected');
  });
  it('is checking until both are known', () => {
    expect(connectionStatus({ isPending: true, isError: false }, 'open')).toBe('checking');
    expect(connectionStatus(ready, 'connecting')).toBe('checking');
  });
  it('is disconnected when either one is down', () => {
    expect(connectionStatus({ isPending: false, isError: true }, 'open')).toBe('disconnected');
    expect(connectionStatus({ ...ready, status: 'OUT_OF_SERVICE' }, 'open')).toBe('disconnected');
    expect(connectionStatus(ready, 'closed')).toBe('disconnected');
  });
});
