import { describe, expect, it } from 'vitest';
import { safeNext, setupTokenFrom, signInPath } from './redirects';

describe('safeNext', () => {
  it('keeps a path on this site with its query', () => {
    expect(safeNext('/runs?status=failed')).toBe('/runs?status=failed');
  });
  it('refuses other sites and loops back to sign-in', () => {
    for (const next of [null, '', 'https://evil.example', '//evil.example/x', '/\\evil.example', 'runs', '/sign-in?next=/']) {
      expect(safeNext(next)).toBe('/');
    }
  });
});

describe('setupTokenFrom', () => {
  it('reads the token from the fragment', () => {
    expect(setupTokenFrom('#token=bds_abc-DEF_123')).toBe('bds_abc-DEF_123');
  });
  it('is null without one', () => {
    expect(setupTokenFrom('')).toBeNull();
    expect(setupTokenFrom('#other=1')).toBeNull();
  });
});

it('signInPath carries where to go back to', () => {
  expect(signInPath('/runs/3')).toBe('/sign-in?next=%2Fruns%2F3');
  expect(signInPath('/')).toBe('/sign-in');
});
