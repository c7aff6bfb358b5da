// Runs `npm ci` only when package-lock.json changed since the last install, so repeated Maven
// builds skip a slow reinstall while a clean clone still gets one.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const lock = readFileSync('package-lock.json');
const hash = createHash('sha256').update(lock).digest('hex');
const marker = 'node_modules/.benchdeck-lock-sha256';

if (existsSync(marker) && readFileSync(marker, 'utf8').trim() === hash) {
  console.log('node_modules matches package-lock.json; skipping npm ci');
} else {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(marker, `${hash}\n`);
}
