/**
 * Turns the measured runs into the report, writes it (Markdown for people,
 * latest.json for tools) and prints the summary on the console.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, relative } from 'node:path';
import { competing, meanCpu } from './cpu.ts';
import { markdown, verdict } from './markdown.ts';
import { measurement } from './measure.ts';
import { CONNECTIONS, CONTENDED_SHARE, DURATION_SECONDS, RESULTS_DIR, ROOT, ROUNDS, TARGETS, WARMUP_SECONDS } from './settings.ts';
import type { Report, RoundResult } from './types.ts';
import { round1, round2 } from './util.ts';

type AuditCounts = { reads: number; sealed: number; total: number };

export interface RunData {
  loadAverageAtStart: number[];
  postgres: string;
  postgresSettings: Record<string, string>;
  rounds: RoundResult[];
  /** (a) requests autocannon saw complete, plus the verification read. */
  aRequests: number;
  auditBefore: AuditCounts;
  auditAfter: AuditCounts;
}

/** Call right after the last run: the report's date and end-of-run load average are taken now. */
export function buildReport(d: RunData): Report {
  const { rounds, aRequests, auditBefore, auditAfter } = d;
  const a = measurement(rounds.filter((r) => r.side === 'a'));
  const b = measurement(rounds.filter((r) => r.side === 'b'));
  const ratio = Math.round((a.reqPerSec / b.reqPerSec) * 1000) / 1000;
  const cpus = os.cpus();
  const readRowsWritten = auditAfter.reads - auditBefore.reads + 1; // + the verification read, written before "before"
  const inFlightAllowance = CONNECTIONS * (ROUNDS + 1); // the (a) runs plus the (a) warm-up
  const cpuA = meanCpu(rounds.filter((r) => r.side === 'a').map((r) => r.cpu));
  const cpuB = meanCpu(rounds.filter((r) => r.side === 'b').map((r) => r.cpu));
  const otherCores = rounds.map((r) => competing(r.cpu));
  const contended = Math.max(...otherCores) > CONTENDED_SHARE * cpus.length;
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
    connections: CONNECTIONS,
    durationSeconds: DURATION_SECONDS,
    warmupSeconds: WARMUP_SECONDS,
    roundsPerSide: ROUNDS,
    a,
    b,
    ratio,
    targets: {
      aReqPerSec: { target: TARGETS.aReqPerSec, value: a.reqPerSec, met: a.reqPerSec >= TARGETS.aReqPerSec },
      aP99Ms: { target: TARGETS.aP99Ms, value: a.p99Ms, met: a.p99Ms < TARGETS.aP99Ms },
      ratio: { target: TARGETS.ratio, value: ratio, met: ratio >= TARGETS.ratio },
    },
    rounds,
    cpu: { a: cpuA, b: cpuB },
    contended,
    audit: {
      readRowsWritten,
      aRequests,
      inFlightAllowance,
      consistent: readRowsWritten >= aRequests && readRowsWritten <= aRequests + inFlightAllowance,
      sealedRows: auditAfter.sealed,
      totalAuditRows: auditAfter.total,
    },
  };
}

/** Writes bench/results/<date>-choke-point.md (same date overwrites) and bench/results/latest.json. */
export function writeResults(report: Report, dbUrlShown: string): { mdPath: string; jsonPath: string } {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const mdPath = join(RESULTS_DIR, `${report.date.slice(0, 10)}-choke-point.md`);
  const jsonPath = join(RESULTS_DIR, 'latest.json');
  writeFileSync(mdPath, markdown(report, dbUrlShown));
  writeFileSync(jsonPath, JSON.stringify(report, null, 2) + '\n');
  return { mdPath, jsonPath };
}

export function printSummary(report: Report, files: { mdPath: string; jsonPath: string }): void {
  const { a, b, ratio, contended } = report;
  const { a: cpuA, b: cpuB } = report.cpu;
  const cpuCount = report.machine.cpuCount;
  console.log('');
  console.log(`                 req/s     p50 ms    p99 ms   non-2xx`);
  for (const [name, m] of [
    ['(a) choke point', a],
    ['(b) bare       ', b],
  ] as const) {
    console.log(
      `${name}  ${String(m.reqPerSec).padStart(8)}  ${String(m.p50Ms).padStart(8)}  ${String(m.p99Ms).padStart(8)}  ${String(m.non2xx).padStart(8)}`,
    );
  }
  console.log(`ratio a/b        ${ratio}`);
  if (cpuA && cpuB) {
    console.log(
      `CPU per request: (a) server ${cpuA.serverMsPerRequest} ms + postgres ${cpuA.postgresMsPerRequest} ms; ` +
        `(b) server ${cpuB.serverMsPerRequest} ms + postgres ${cpuB.postgresMsPerRequest} ms; ` +
        `CPU ceiling on ${cpuCount} idle cores ≈ (a) ${cpuA.cpuCeilingReqPerSec} req/s, (b) ${cpuB.cpuCeilingReqPerSec} req/s`,
    );
  }
  if (!report.audit.consistent) {
    console.log(
      `WARNING: ${report.audit.readRowsWritten} child-read audit rows for ${report.audit.aRequests} completed (a) requests ` +
        `(allowed: up to ${report.audit.inFlightAllowance} more) — check the audit path.`,
    );
  }
  if (contended) {
    const otherCores = report.rounds.map((r) => competing(r.cpu));
    console.log(
      `WARNING: other programs (and steal) used up to ${round2(Math.max(...otherCores))} of ${cpuCount} cores during the runs; ` +
        'req/s and latency are depressed. Rerun on a quiet machine for numbers to compare with earlier results.',
    );
  }
  console.log('');
  const t = report.targets;
  console.log(`target (a) ≥ ${t.aReqPerSec.target} req/s:  ${verdict(t.aReqPerSec)} (${t.aReqPerSec.value})`);
  console.log(`target (a) p99 < ${t.aP99Ms.target} ms:    ${verdict(t.aP99Ms)} (${t.aP99Ms.value})`);
  console.log(`target a/b ≥ ${t.ratio.target}:          ${verdict(t.ratio)} (${t.ratio.value})`);
  const missed = Object.values(t).filter((x) => !x.met).length;
  console.log(missed === 0 ? 'All targets met.' : `${missed} of 3 targets MISSED (the bench itself ran fine; exit code 0).`);
  console.log(`\nwrote ${relative(ROOT, files.mdPath)} and ${relative(ROOT, files.jsonPath)}`);
}
