import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RUN_STATUSES } from './types';

// ui/openapi.json is the server's document (server OpenApiIntegrationTest keeps it so); these types follow from it.
const ui = process.cwd();
const document = JSON.parse(readFileSync(resolve(ui, 'openapi.json'), 'utf8'));

describe('the API types', () => {
  it('are generated from openapi.json as it is now (run `npm run api-types` after updating it)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'benchdeck-api-types-'));
    try {
      const fresh = join(dir, 'openapi.d.ts');
      const cli = resolve(ui, 'node_modules/openapi-typescript/bin/cli.js');
      execFileSync(process.execPath, [cli, 'openapi.json', '-o', fresh], { cwd: ui, stdio: 'pipe' });
      expect(readFileSync(resolve(ui, 'src/shared/api-client/openapi.d.ts'), 'utf8')).toBe(readFileSync(fresh, 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('list every run status of the document, in its order', () => {
    expect([...RUN_STATUSES]).toEqual(document.components.schemas.RunSummary.properties.status.enum);
  });
});
