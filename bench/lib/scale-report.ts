/**
 * The scale bench's report: bench/results/<date>-scale.md for people, bench/results/scale-latest.json
 * for tools, and the summary on the console.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, relative } from 'node:path';
import { competing } from './cpu.ts';
import { percentiles, type DataSet, type Latencies, type RunOutcome, type SeedSummary } from './scale-measure.ts';
import { SCALE_CONNECTIONS, SCALE_DURATION_SECONDS, SCALE_ROUNDS, SCALE_TARGETS, SCALE_WARMUP_SECONDS, type ScaleUser } from './scale-settings.ts';
import { CONTENDED_SHARE, RESULTS_DIR, ROOT } from './settings.ts';
import type { CpuUse, Target } from './types.ts';
import { round1, round2 } from './util.ts';

export type ScenarioKind = 'list' | 'read';

export interface Scenario {
  id: string;
  kind: ScenarioKind;
  user: ScaleUser;
  route: string;
  /** What the request exercises, in one line. */
  description: string;
  paths: string[];
  /** The user's session cookie (not reported). */
  cookie: string;
}

export interface ScenarioResult extends Latencies {
  id: string;
  kind: ScenarioKind;
  user: ScaleUser;
  route: string;
  description: string;
  distinctPaths: number;
  requests: number;
  reqPerSec: number;
  target: Target;
  rounds: { round: number; requests: number; reqPerSec: number; p50Ms: number; p95Ms: number; p99Ms: number; cpu: CpuUse | null }[];
}

export interface ScaleReport {
  date: string;
  machine: {
    cpuModel: string;
    cpuCount: number;
    totalMemoryGiB: number;
    os: string;
    node: string;
    loadAverageAtStart: number[];
    loadAverageAtEnd: number[];
  };
  postgres: string;
  postgresSettings: Record<string, string>;
  dataSet: DataSet;
  seed: { seconds: number; wallSeconds: number; summary: SeedSummary };
  startupConsentJobSeconds: number;
  method: { connections: number; warmupSeconds: number; durationSeconds: number; rounds: number; percentiles: string };
  scenarios: ScenarioResult[];
  targets: { listP95Ms: number; readP95Ms: number };
  allTargetsMet: boolean;
  contended: boolean;
  maxOtherCores: number;
}

export function scenarioResult(s: Scenario, runs: RunOutcome[]): ScenarioResult {
  const all = runs.flatMap((r) => r.latenciesMs);
  const lat = percentiles(all);
  const targetMs = s.kind === 'list' ? SCALE_TARGETS.listP95Ms : SCALE_TARGETS.readP95Ms;
  const seconds = runs.reduce((sum, r) => sum + r.durationSeconds, 0);
  return {
    id: s.id,
    kind: s.kind,
    user: s.user,
    route: s.route,
    description: s.description,
    distinctPaths: s.paths.length,
    ...lat,
    requests: all.length,
    reqPerSec: round1(all.length / seconds),
    target: { target: targetMs, value: lat.p95Ms, met: lat.p95Ms < targetMs },
    rounds: runs.map((r, i) => {
      const l = percentiles(r.latenciesMs);
      return { round: i + 1, requests: r.requests, reqPerSec: r.reqPerSec, p50Ms: l.p50Ms, p95Ms: l.p95Ms, p99Ms: l.p99Ms, cpu: r.cpu };
    }),
  };
}

export function buildScaleReport(d: {
  loadAverageAtStart: number[];
  postgres: string;
  postgresSettings: Record<string, string>;
  dataSet: DataSet;
  seed: ScaleReport['seed'];
  startupConsentJobSeconds: number;
  scenarios: ScenarioResult[];
}): ScaleReport {
  const cpus = os.cpus();
  const otherCores = d.scenarios.flatMap((s) => s.rounds.map((r) => competing(r.cpu)));
  const maxOtherCores = round2(Math.max(0, ...otherCores));
  return {
    date: new Date().toISOString(),
    machine: {
      cpuModel: cpus[0]?.model.trim() ?? 'unknown',
      cpuCount: cpus.length,
      totalMemoryGiB: round1(os.totalmem() / 1024 ** 3),
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      node: process.version,
      loadAverageAtStart: d.loadAverageAtStart,
      loadAverageAtEnd: os.loadavg().map(round2),
    },
    postgres: d.postgres,
    postgresSettings: d.postgresSettings,
    dataSet: d.dataSet,
    seed: d.seed,
    startupConsentJobSeconds: d.startupConsentJobSeconds,
    method: {
      connections: SCALE_CONNECTIONS,
      warmupSeconds: SCALE_WARMUP_SECONDS,
      durationSeconds: SCALE_DURATION_SECONDS,
      rounds: SCALE_ROUNDS,
      percentiles: 'nearest rank over every 2xx response of all rounds (latency per request as autocannon measures it)',
    },
    scenarios: d.scenarios,
    targets: { listP95Ms: SCALE_TARGETS.listP95Ms, readP95Ms: SCALE_TARGETS.readP95Ms },
    allTargetsMet: d.scenarios.every((s) => s.target.met),
    contended: maxOtherCores > CONTENDED_SHARE * cpus.length,
    maxOtherCores,
  };
}

const verdict = (t: Target) => (t.met ? 'PASS' : 'MISS');
const cell = (n: number) => String(n);

function markdown(r: ScaleReport, dbUrlShown: string): string {
  const ds = r.dataSet;
  const s = r.seed.summary;
  const lines: string[] = [];
  lines.push(`# Scale bench: cases with consent at municipality size — ${r.date.slice(0, 10)}`, '');
  lines.push('## What this measures', '');
  lines.push(
    'The case list `GET /api/v1/cases` (the access filter over every case the acting unit may know of, the derived state, the consent level, ' +
      'the child name where the children rule allows it, the newest 200) and the single case `GET /api/v1/cases/:id` for cases with an active ' +
      'consent (the case read re-evaluates the consent ledger with the domain rules, reads the child through its rule, signals, roles, ' +
      'notices, and writes an audit row) — against a fictitious municipality-sized data set made by `npm run seed:scale`, through the real ' +
      'server on a throw-away PostgreSQL database. Users: `kurator.bjork` (Elevhälsan Björkskolan: owns many cases) and `soc.oppen` ' +
      '(Socialtjänsten – öppenvården: owns cases and sees others through consents).',
    '',
  );
  lines.push('## Results', '');
  lines.push(
    `autocannon, ${r.method.connections} connections, keep-alive; ${r.method.warmupSeconds} s warm-up per scenario, then ${r.method.rounds} runs of ` +
      `${r.method.durationSeconds} s per scenario, interleaved. Percentiles: ${r.method.percentiles}.`,
    '',
  );
  lines.push('| scenario | user | requests | req/s | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | target | result |');
  lines.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |');
  for (const x of r.scenarios) {
    lines.push(
      `| ${x.route}${x.distinctPaths > 1 ? ` (${x.distinctPaths} cases)` : ''} | ${x.user} | ${x.requests} | ${x.reqPerSec} | ${x.p50Ms} | ${x.p95Ms} | ${x.p99Ms} | ${x.maxMs} | p95 < ${x.target.target} ms | ${verdict(x.target)} |`,
    );
  }
  lines.push(
    '',
    r.allTargetsMet ? 'All targets met.' : `${r.scenarios.filter((x) => !x.target.met).length} of ${r.scenarios.length} targets MISSED.`,
    '',
  );
  lines.push('### Runs', '');
  lines.push('| scenario | user | run | requests | req/s | p50 | p95 | p99 | server ms/req | postgres ms/req | other programs + steal (cores) |');
  lines.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const x of r.scenarios) {
    for (const run of x.rounds) {
      lines.push(
        `| ${x.kind} | ${x.user} | ${run.round} | ${run.requests} | ${run.reqPerSec} | ${run.p50Ms} | ${run.p95Ms} | ${run.p99Ms} | ${run.cpu ? cell(run.cpu.serverMsPerRequest) : '–'} | ${run.cpu ? cell(run.cpu.postgresMsPerRequest) : '–'} | ${run.cpu ? cell(competing(run.cpu)) : '–'} |`,
      );
    }
  }
  lines.push(
    '',
    'CPU from /proc (Linux): "server ms/req" is the server process; "postgres ms/req" the PostgreSQL backends of the bench database ' +
      '(tracked per process, so a backend the pool closes during a run drops out: at most slightly low) plus WAL writer, checkpointer ' +
      'and background writer; "other programs" is everything else on the machine, plus steal.',
    '',
  );
  if (r.contended) {
    lines.push(
      `**Contended:** other programs (and steal) used up to ${r.maxOtherCores} of ${r.machine.cpuCount} cores during a run; latencies are inflated. Rerun on a quiet machine before comparing.`,
      '',
    );
  }
  lines.push('## Data set', '');
  lines.push('Made by `npm run seed:scale` (fictitious; demo tenant "Samverkan Exempellän"):', '');
  lines.push('| what | count |', '| --- | ---: |');
  for (const [k, v] of [
    ['units', ds.units],
    ['children', ds.children],
    ['guardians', ds.guardians],
    ['cases', ds.cases],
    ['of which anonymous (seeded)', s.anonymousCases],
    ['of which closed (seeded)', s.closedCases],
    ['consents', ds.consents],
    ['consents active today', ds.consentsActiveToday],
    ['consents withdrawn (seeded)', s.consentsWithdrawn],
    ['consents never active (pending, seeded)', s.consentsPending],
    ['consent notices', ds.consentNotices],
    ['case roles', ds.caseRoles],
    ['signals', ds.signals],
    ['case events', ds.caseEvents],
  ] as const) {
    lines.push(`| ${k} | ${v} |`);
  }
  lines.push('');
  lines.push('| user | unit | cases the unit may know of | owned by the unit | others with a consent active today covering the unit |');
  lines.push('| --- | --- | ---: | ---: | ---: |');
  for (const [user, v] of Object.entries(ds.visible))
    lines.push(`| ${user} | ${v.unit} | ${v.visibleCases} | ${v.owned} | ${v.withActiveConsentToday} |`);
  lines.push('');
  lines.push(
    `Seeding took ${r.seed.seconds} s inside seed:scale (${r.seed.wallSeconds} s including migrations and the demo seed). ` +
      `After start-up the server's consent job (every consent re-evaluated, one transaction) kept the database busy for about ${r.startupConsentJobSeconds} s; ` +
      'the measurements start after it.',
    '',
  );
  lines.push('## Machine', '');
  lines.push(`- Date: ${r.date}`);
  lines.push(`- CPU: ${r.machine.cpuModel} × ${r.machine.cpuCount}`);
  lines.push(`- Memory: ${r.machine.totalMemoryGiB} GiB`);
  lines.push(`- OS: ${r.machine.os}`);
  lines.push(`- Node: ${r.machine.node}`);
  lines.push(`- Load average (1/5/15 min) at start: ${r.machine.loadAverageAtStart.join(' / ')}; at end: ${r.machine.loadAverageAtEnd.join(' / ')}`);
  lines.push(`- PostgreSQL: ${r.postgres}`);
  lines.push(
    `- PostgreSQL settings: ${Object.entries(r.postgresSettings)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')}`,
  );
  lines.push(`- Database: ${dbUrlShown} (created for the run and dropped afterwards)`);
  lines.push('- Server: `node --import tsx packages/server/src/main.ts`, DATABASE_POOL_SIZE=16, LOG_LEVEL=warn, audit sealer every 200 ms', '');
  lines.push(
    'Load generator, server and PostgreSQL share the same cores, so the latencies include queueing behind each other; with 4 connections ' +
      'that is modest, but on 2 cores the numbers are an upper bound for a server with cores of its own.',
    '',
  );
  return lines.join('\n');
}

/** Writes bench/results/<date>-scale.md (same date overwrites) and bench/results/scale-latest.json. */
export function writeScaleResults(report: ScaleReport, dbUrlShown: string): { mdPath: string; jsonPath: string } {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const suffix = SCALE_CONNECTIONS === 1 ? '' : `-${SCALE_CONNECTIONS}-connections`;
  const mdPath = join(RESULTS_DIR, `${report.date.slice(0, 10)}-scale${suffix}.md`);
  const jsonPath = join(RESULTS_DIR, `scale${suffix}-latest.json`);
  writeFileSync(mdPath, markdown(report, dbUrlShown));
  writeFileSync(jsonPath, JSON.stringify(report, null, 2) + '\n');
  return { mdPath, jsonPath };
}

export function printScaleSummary(report: ScaleReport, files: { mdPath: string; jsonPath: string }): void {
  const ds = report.dataSet;
  console.log('');
  console.log(
    `data set: ${ds.children} children, ${ds.cases} cases, ${ds.consents} consents (${ds.consentsActiveToday} active today), ${ds.caseEvents} events; ` +
      `machine: ${report.machine.cpuModel} × ${report.machine.cpuCount}, ${report.machine.totalMemoryGiB} GiB, Node ${report.machine.node}`,
  );
  console.log('');
  console.log('scenario                       user            req/s   p50 ms   p95 ms   p99 ms   target        result');
  for (const s of report.scenarios) {
    console.log(
      `${(s.kind === 'list' ? 'GET /api/v1/cases' : 'GET /api/v1/cases/:id').padEnd(31)}${s.user.padEnd(14)}${String(s.reqPerSec).padStart(7)}  ${String(s.p50Ms).padStart(7)}  ${String(s.p95Ms).padStart(7)}  ${String(s.p99Ms).padStart(7)}   p95 < ${String(s.target.target).padEnd(4)} ms  ${verdict(s.target)}`,
    );
  }
  if (report.contended) {
    console.log(
      `WARNING: other programs (and steal) used up to ${report.maxOtherCores} of ${report.machine.cpuCount} cores during the runs; latencies are inflated.`,
    );
  }
  const missed = report.scenarios.filter((s) => !s.target.met).length;
  console.log(missed === 0 ? 'All targets met.' : `${missed} of ${report.scenarios.length} targets MISSED (the bench itself ran fine; exit code 0).`);
  console.log(`\nwrote ${relative(ROOT, files.mdPath)} and ${relative(ROOT, files.jsonPath)}`);
}
