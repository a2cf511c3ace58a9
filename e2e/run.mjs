// `npm run test:e2e`: browser journeys in Debian's Chromium against the real server.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`Chromium saknas (${chromium}). Installera: apt-get install -y chromium / Chromium is missing.`);
  process.exit(1);
}
const res = spawnSync('npx', ['vitest', 'run', '--config', 'e2e/vitest.config.ts'], { stdio: 'inherit' });
process.exit(res.status ?? 1);
