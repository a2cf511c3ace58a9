/**
 * `npm run bench:scale` — cases with consent at municipality size.
 *
 *  (1) GET /api/v1/cases        the case list with the consent-aware access filter   target p95 < 100 ms
 *  (2) GET /api/v1/cases/:id    a visible case with an active consent (evaluated)     target p95 < 50 ms
 *
 * each as kurator.bjork (Elevhälsan Björkskolan) and soc.oppen (Socialtjänsten – öppenvården).
 *
 * Creates a throw-away database on the PostgreSQL server (DATABASE_URL, else
 * postgres://root@127.0.0.1:5432/), fills it with `seed:scale` (which migrates and seeds the
 * demo first; 100 000 children and 30 000 cases by default, BENCH_SCALE_CHILDREN /
 * BENCH_SCALE_CASES change that), starts the real server against it, waits for the server's
 * start-up consent job, logs in as both users and measures each scenario with autocannon at low
 * concurrency, recording every request's latency for exact percentiles. Writes
 * bench/results/<date>-scale.md and bench/results/scale-latest.json. The database is dropped
 * at the end, also on failure or Ctrl-C.
 *
 * Exit code: 0 when the bench ran (even if a target is missed — the output says so),
 * 1 when the bench itself failed.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { dataSet, loginAs, pickCases, runLoad, runSeedScale, stopActiveRun, waitForQuiet, type RunOutcome } from './lib/scale-measure.ts';
import { buildScaleReport, printScaleSummary, scenarioResult, writeScaleResults, type Scenario } from './lib/scale-report.ts';
import {
  SCALE_CASES,
  SCALE_CHILDREN,
  SCALE_CONNECTIONS,
  SCALE_DURATION_SECONDS,
  SCALE_ROUNDS,
  SCALE_USERS,
  SCALE_WARMUP_SECONDS,
} from './lib/scale-settings.ts';
import {
  adminClient,
  createDatabase,
  dropDatabase,
  freePort,
  postgresInfo,
  redact,
  startServer,
  stopServer,
  waitForHealth,
  withDatabase,
  type ServerProcess,
} from './lib/server.ts';
import { DEFAULT_SERVER_URL } from './lib/settings.ts';
import { BenchError, log, round2 } from './lib/util.ts';

async function main(): Promise<number> {
  const serverUrl = process.env.DATABASE_URL || DEFAULT_SERVER_URL;
  const dbName = `samsyn_scale_${randomBytes(6).toString('hex')}`;
  const benchDbUrl = withDatabase(serverUrl, dbName);
  const dataDir = mkdtempSync(join(os.tmpdir(), 'samsyn-scale-'));
  const loadAverageAtStart = os.loadavg().map(round2);

  let admin: pg.Client | null = null;
  let benchDb: pg.Client | null = null;
  let server: ServerProcess | null = null;
  let dbCreated = false;
  let cleaned = false;
  let interrupted = false;

  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    stopActiveRun();
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

    log(`seeding ${SCALE_CHILDREN} children and ${SCALE_CASES} cases with seed:scale (migrations and demo seed first)`);
    const seed = await runSeedScale(benchDbUrl, dataDir, SCALE_CHILDREN, SCALE_CASES);
    const today = seed.summary.today;

    const port = await freePort();
    log(`starting the server on port ${port}`);
    server = startServer(benchDbUrl, port, dataDir);
    await waitForHealth(server);
    const base = server.baseUrl;

    benchDb = new pg.Client({ connectionString: benchDbUrl });
    await benchDb.connect();
    log("waiting for the server's start-up consent job to finish");
    const startupConsentJobSeconds = await waitForQuiet(benchDb, dbName);
    log(`  quiet after ${startupConsentJobSeconds} s`);

    const scenarios: Scenario[] = [];
    for (const user of SCALE_USERS) {
      const cookie = await loginAs(base, user);
      const level = user === 'soc.oppen' ? 'consent' : 'owner';
      const picked = await pickCases(base, cookie, user, level);
      log(`${user}: the list shows ${picked.listed} cases; ${picked.ids.length} active cases at level "${level}" to read`);
      scenarios.push({
        id: `list-${user}`,
        kind: 'list',
        user,
        route: 'GET /api/v1/cases',
        description: 'case list with the access filter (newest 200)',
        paths: ['/api/v1/cases'],
        cookie,
      });
      scenarios.push({
        id: `read-${user}`,
        kind: 'read',
        user,
        route: 'GET /api/v1/cases/:id',
        description: `single case with an active consent (level ${level})`,
        paths: picked.ids.map((id) => `/api/v1/cases/${id}`),
        cookie,
      });
    }
    // Lists first, then reads: a scenario's order stays the same in every round.
    scenarios.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'list' ? -1 : 1));

    const run = (s: Scenario, seconds: number, title: string) =>
      runLoad({ baseUrl: base, paths: s.paths, cookie: s.cookie, seconds, title, serverPid: server!.child.pid!, dbName });

    for (const s of scenarios) {
      log(`warm-up ${s.id} ${SCALE_WARMUP_SECONDS} s`);
      await run(s, SCALE_WARMUP_SECONDS, `warm-up ${s.id}`);
    }
    const runs = new Map<string, RunOutcome[]>(scenarios.map((s) => [s.id, []]));
    for (let round = 1; round <= SCALE_ROUNDS; round++) {
      for (const s of scenarios) {
        log(`run ${round}/${SCALE_ROUNDS}: ${s.id}, ${SCALE_DURATION_SECONDS} s, ${SCALE_CONNECTIONS} connections`);
        const outcome = await run(s, SCALE_DURATION_SECONDS, `${s.id} round ${round}`);
        runs.get(s.id)!.push(outcome);
        const r = scenarioResult(s, [outcome]);
        const cpu = outcome.cpu;
        log(
          `  ${r.reqPerSec} req/s, p50 ${r.p50Ms} ms, p95 ${r.p95Ms} ms, p99 ${r.p99Ms} ms, ${r.requests} requests` +
            (cpu
              ? ` | CPU ms/request: server ${cpu.serverMsPerRequest}, postgres ${cpu.postgresMsPerRequest}; other programs ${round2(cpu.otherCores + cpu.stealCores)} cores`
              : ''),
        );
      }
    }

    const results = scenarios.map((s) => scenarioResult(s, runs.get(s.id)!));
    const report = buildScaleReport({
      loadAverageAtStart,
      postgres,
      postgresSettings,
      dataSet: await dataSet(benchDb, SCALE_USERS, today),
      seed: { seconds: round2(seed.summary.elapsedMs / 1000), wallSeconds: seed.wallSeconds, summary: seed.summary },
      startupConsentJobSeconds,
      scenarios: results,
    });
    const files = writeScaleResults(report, redact(benchDbUrl));
    printScaleSummary(report, files);
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
