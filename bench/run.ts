/**
 * `npm run bench` — what the access choke point costs.
 *
 *  (a) GET /api/v1/children/:id            authenticated read through runScoped: rule check + audit row, one transaction
 *  (b) GET /api/bench/bare/children/:id    the same SQL reads behind the same session check, no rule and no audit
 *
 * Creates a throw-away database on the PostgreSQL server (DATABASE_URL, else
 * postgres://root@127.0.0.1:5432/), starts the real server against it with demo
 * data, logs in, warms up, then measures a→b→a→b with autocannon and reports the
 * means. Writes bench/results/<date>-choke-point.md and bench/results/latest.json.
 *
 * Exit code: 0 when the bench ran (even if a target is missed — the output says so),
 * 1 when the bench itself failed (server did not start, a non-2xx or socket error, …).
 *
 * This file is the orchestration only; the parts live in bench/lib/: server.ts (database
 * and server), measure.ts and cpu.ts (autocannon runs, CPU sampling), report.ts and
 * markdown.ts (results), settings.ts (the fixed settings).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { auditCounts, createRunner, logRound, roundResult, type Runner } from './lib/measure.ts';
import { buildReport, printSummary, writeResults } from './lib/report.ts';
import {
  adminClient,
  createDatabase,
  dropDatabase,
  freePort,
  getJson,
  login,
  postgresInfo,
  redact,
  startServer,
  stopServer,
  waitForHealth,
  withDatabase,
  type ServerProcess,
} from './lib/server.ts';
import { CONNECTIONS, DEFAULT_SERVER_URL, DURATION_SECONDS, ROUNDS, WARMUP_SECONDS } from './lib/settings.ts';
import type { RoundResult, Side } from './lib/types.ts';
import { BenchError, log, round2 } from './lib/util.ts';

async function main(): Promise<number> {
  const serverUrl = process.env.DATABASE_URL || DEFAULT_SERVER_URL;
  const dbName = `samsyn_bench_${randomBytes(6).toString('hex')}`;
  const benchDbUrl = withDatabase(serverUrl, dbName);
  const dataDir = mkdtempSync(join(os.tmpdir(), 'samsyn-bench-'));
  const loadAverageAtStart = os.loadavg().map(round2);

  let admin: pg.Client | null = null;
  let benchDb: pg.Client | null = null;
  let server: ServerProcess | null = null;
  let dbCreated = false;
  let cleaned = false;
  let interrupted = false;
  let runner: Runner | null = null;

  // Runs once, on success, failure or Ctrl-C alike: the server and the database must not outlive the bench.
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    runner?.stop();
    if (server) {
      log('stopping the server');
      await stopServer(server).catch((err: unknown) => log(`could not stop the server: ${String(err)}`));
    }
    if (benchDb) await benchDb.end().catch(() => undefined);
    if (admin && dbCreated) {
      log(`dropping database ${dbName}`);
      await dropDatabase(admin, dbName).catch((err: unknown) => log(`could not drop ${dbName}: ${String(err)}`));
    }
    if (admin) await admin.end().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    interrupted = true;
    log(`${signal}: cleaning up`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    admin = await adminClient(serverUrl);
    const { postgres, postgresSettings } = await postgresInfo(admin);

    log(`creating database ${dbName} on ${redact(serverUrl)}`);
    await createDatabase(admin, dbName);
    dbCreated = true;

    const port = await freePort();
    log(`starting the server on port ${port} (migrations + demo seed)`);
    server = startServer(benchDbUrl, port, dataDir);
    await waitForHealth(server);
    const base = server.baseUrl;

    const cookie = await login(base);
    const list = await getJson(`${base}/api/v1/children`, cookie);
    const items = (list.body as { items?: { id: string }[] }).items;
    if (list.status !== 200 || !items?.[0]) {
      throw new BenchError(`GET /api/v1/children: HTTP ${list.status}, no child to read: ${JSON.stringify(list.body)}`);
    }
    const childId = items[0].id;
    const urls: Record<Side, string> = {
      a: `${base}/api/v1/children/${childId}`,
      b: `${base}/api/bench/bare/children/${childId}`,
    };
    for (const side of ['a', 'b'] as const) {
      const res = await getJson(urls[side], cookie);
      if (res.status !== 200 || (res.body as { id?: string }).id !== childId) {
        throw new BenchError(`(${side}) ${urls[side]} answered HTTP ${res.status}: ${JSON.stringify(res.body)}`);
      }
    }
    log(`child ${childId}: (a) and (b) both answer 200`);

    benchDb = new pg.Client({ connectionString: benchDbUrl });
    await benchDb.connect();
    const auditBefore = await auditCounts(benchDb);

    let aRequests = 1; // the verification read above
    runner = createRunner({ urls, cookie, serverPid: server.child.pid!, dbName });

    for (const side of ['a', 'b'] as const) {
      log(`warm-up (${side}) ${WARMUP_SECONDS} s`);
      const w = await runner.run(side, WARMUP_SECONDS, `warm-up ${side}`);
      if (side === 'a') aRequests += w.result.requests.total;
    }

    const rounds: RoundResult[] = [];
    for (let i = 1; i <= ROUNDS; i++) {
      for (const side of ['a', 'b'] as const) {
        log(`run ${rounds.length + 1}/${ROUNDS * 2}: (${side}) ${DURATION_SECONDS} s, ${CONNECTIONS} connections`);
        const { result, cpu } = await runner.run(side, DURATION_SECONDS, `${side} round ${i}`);
        if (side === 'a') aRequests += result.requests.total;
        const rr = roundResult(side, i, result, cpu);
        rounds.push(rr);
        logRound(rr);
      }
    }

    const auditAfter = await auditCounts(benchDb);
    const report = buildReport({ loadAverageAtStart, postgres, postgresSettings, rounds, aRequests, auditBefore, auditAfter });
    const files = writeResults(report, redact(benchDbUrl));
    printSummary(report, files);
    return 0;
  } catch (err) {
    if (interrupted) return 130;
    console.error(`[bench] FAILED: ${err instanceof Error ? err.message : String(err)}`);
    if (!(err instanceof BenchError) && err instanceof Error && err.stack) console.error(err.stack);
    return 1;
  } finally {
    await cleanup();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

process.exitCode = await main();
