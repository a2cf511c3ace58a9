/**
 * The measuring itself: autocannon runs against one route with the CPU sampled around
 * each, the per-run and per-route figures, and the audit row counts that show every
 * read through the choke point was audited.
 */
import autocannon, { type Result } from 'autocannon';
import type pg from 'pg';
import { cpuSnapshot, cpuUse } from './cpu.ts';
import { CONNECTIONS } from './settings.ts';
import type { CpuUse, Measurement, RoundResult, Side } from './types.ts';
import { BenchError, log, mean, round1, round2 } from './util.ts';

export interface Runner {
  /** Loads one route for `seconds`; throws a BenchError when any request failed, since such a run is no measurement. */
  run(side: Side, seconds: number, title: string): Promise<{ result: Result; cpu: CpuUse | null }>;
  /** Stops the run in progress, if any (on Ctrl-C, so the process can clean up and exit). */
  stop(): void;
}

export function createRunner(opts: { urls: Record<Side, string>; cookie: string; serverPid: number; dbName: string }): Runner {
  const { urls, cookie, serverPid, dbName } = opts;
  let active: { stop(): void } | null = null;
  return {
    async run(side, seconds, title) {
      const instance = autocannon({ url: urls[side], connections: CONNECTIONS, duration: seconds, headers: { cookie }, title });
      active = instance;
      const before = cpuSnapshot(serverPid, dbName);
      try {
        const result = await checked(instance, title);
        return { result, cpu: cpuUse(before, cpuSnapshot(serverPid, dbName), result.requests.total) };
      } finally {
        active = null;
      }
    },
    stop() {
      active?.stop();
    },
  };
}

async function checked(p: PromiseLike<Result>, title: string): Promise<Result> {
  const result = await p;
  const bad = result.non2xx + result.errors + result.timeouts;
  if (bad > 0) {
    throw new BenchError(
      `${title}: ${result.non2xx} non-2xx responses, ${result.errors} errors, ${result.timeouts} timeouts ` +
        `(status codes: ${JSON.stringify(result.statusCodeStats)}) — the bench is invalid`,
    );
  }
  if (result.requests.total === 0) throw new BenchError(`${title}: no request completed`);
  return result;
}

/** One measured run as it appears in the report. */
export function roundResult(side: Side, round: number, r: Result, cpu: CpuUse | null): RoundResult {
  return {
    side,
    round,
    reqPerSec: round1(r.requests.average),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    non2xx: r.non2xx,
    requests: r.requests.total,
    errors: r.errors,
    timeouts: r.timeouts,
    durationSeconds: r.duration,
    cpu,
  };
}

export function logRound(rr: RoundResult): void {
  log(`  ${rr.reqPerSec} req/s, p50 ${rr.p50Ms} ms, p99 ${rr.p99Ms} ms, ${rr.requests} requests, non-2xx ${rr.non2xx}`);
  const cpu = rr.cpu;
  if (cpu) {
    log(
      `  CPU (cores): server ${cpu.serverCores}, postgres ${cpu.postgresCores}, autocannon ${cpu.loadGeneratorCores}, other programs ${cpu.otherCores}, steal ${cpu.stealCores}` +
        ` | per request: server ${cpu.serverMsPerRequest} ms, postgres ${cpu.postgresMsPerRequest} ms`,
    );
  }
}

/** A route's figures: the mean over its runs (non-2xx summed). */
export function measurement(results: RoundResult[]): Measurement {
  return {
    reqPerSec: round1(mean(results.map((r) => r.reqPerSec))),
    p50Ms: round2(mean(results.map((r) => r.p50Ms))),
    p99Ms: round2(mean(results.map((r) => r.p99Ms))),
    non2xx: results.reduce((s, r) => s + r.non2xx, 0),
  };
}

/** Audit rows in the bench database: child reads, rows sealed into the chain, all rows. */
export async function auditCounts(client: pg.Client): Promise<{ reads: number; sealed: number; total: number }> {
  // The bench connects as the database owner/superuser, so row-level security does not hide rows here.
  const res = await client.query<{ reads: string; sealed: string; total: string }>(
    `select (select count(*) from audit_log where action = 'read' and resource_type = 'child') as reads,
            (select count(*) from audit_chain) as sealed,
            (select count(*) from audit_log) as total`,
  );
  const row = res.rows[0]!;
  return { reads: Number(row.reads), sealed: Number(row.sealed), total: Number(row.total) };
}
