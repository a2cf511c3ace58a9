/** The bench's fixed settings, in one place so the run, the server start and the report agree. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CONNECTIONS = 32;
/** The server's audit sealer interval: the server's default unless AUDIT_SEAL_INTERVAL_MS is set for the run. */
export const SEAL_INTERVAL_MS = Number(process.env.AUDIT_SEAL_INTERVAL_MS || 200);
export const WARMUP_SECONDS = 3;
export const DURATION_SECONDS = 15;
export const ROUNDS = 2;
export const DEFAULT_SERVER_URL = 'postgres://root@127.0.0.1:5432/';
export const USERNAME = 'kurator.bjork';
export const PASSWORD = 'Samsyn-demo-2026';
export const SESSION_COOKIE = '__Host-samsyn_session';
export const STARTUP_TIMEOUT_MS = 120_000;

export const TARGETS = { aReqPerSec: 1000, aP99Ms: 50, ratio: 0.4 } as const;
/** A run counts as contended when other programs used more than this share of all cores. */
export const CONTENDED_SHARE = 0.1;

// This file lives in bench/lib/, so the bench directory is one level up.
export const BENCH_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
export const ROOT = join(BENCH_DIR, '..');
export const RESULTS_DIR = join(BENCH_DIR, 'results');
