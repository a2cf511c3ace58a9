/**
 * CPU accounting from Linux /proc (null everywhere else).
 *
 * Who used the CPU during a run: the server process, the local PostgreSQL processes
 * serving the bench database (plus WAL writer, checkpointer and background writer),
 * this process (autocannon runs in it) and everything else. "Everything else" shows
 * whether other programs competed for the cores; ms per request for server and
 * PostgreSQL are a measure of cost that such competition hardly changes.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import type { CpuUse } from './types.ts';
import { mean, round2 } from './util.ts';

const HAS_PROC = existsSync('/proc/stat');
const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();
const PG_BACKGROUND = /: (walwriter|checkpointer|background writer)\s*$/;

export interface CpuSnapshot {
  wallMs: number;
  machineBusyMs: number;
  stealMs: number;
  serverMs: number;
  /** Per PostgreSQL process (pid → ms): a backend the pool closes during a run must not take its lifetime's CPU with it. */
  postgresMs: Map<string, number>;
  selfMs: number;
}

/** utime + stime of a process in ms, or 0 if it is gone or unreadable. */
function processCpuMs(pid: number | string): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
  } catch {
    return 0;
  }
}

function postgresCpuMs(dbName: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    let cmd: string;
    try {
      cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
    } catch {
      continue;
    }
    if (!cmd.startsWith('postgres')) continue;
    if (cmd.includes(` ${dbName} `) || PG_BACKGROUND.test(cmd)) out.set(pid, processCpuMs(pid));
  }
  return out;
}

/** CPU time the whole machine spent busy, and time the hypervisor took away (steal), in ms. */
function machineCpuMs(): { busy: number; steal: number } {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal …; irq/softirq ticks are also charged to the process they interrupted
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = cpu;
  return { busy: ((user + nice + system + irq + softirq) * 1000) / CLK_TCK, steal: (steal * 1000) / CLK_TCK };
}

export function cpuSnapshot(serverPid: number, dbName: string): CpuSnapshot | null {
  if (!HAS_PROC) return null;
  const self = process.cpuUsage();
  const machine = machineCpuMs();
  return {
    wallMs: performance.now(),
    machineBusyMs: machine.busy,
    stealMs: machine.steal,
    serverMs: processCpuMs(serverPid),
    postgresMs: postgresCpuMs(dbName),
    selfMs: (self.user + self.system) / 1000,
  };
}

export function cpuUse(before: CpuSnapshot | null, after: CpuSnapshot | null, requests: number): CpuUse | null {
  if (!before || !after) return null;
  const wall = after.wallMs - before.wallMs;
  const server = after.serverMs - before.serverMs;
  // A backend that exits during the run contributes nothing, a new one all of its time: at most slightly low.
  let postgres = 0;
  for (const [pid, ms] of after.postgresMs) postgres += Math.max(0, ms - (before.postgresMs.get(pid) ?? 0));
  const self = after.selfMs - before.selfMs;
  const other = Math.max(0, after.machineBusyMs - before.machineBusyMs - server - postgres - self);
  return {
    serverCores: round2(server / wall),
    postgresCores: round2(postgres / wall),
    loadGeneratorCores: round2(self / wall),
    otherCores: round2(other / wall),
    stealCores: round2((after.stealMs - before.stealMs) / wall),
    serverMsPerRequest: round2(server / requests),
    postgresMsPerRequest: round2(postgres / requests),
    loadGeneratorMsPerRequest: round2(self / requests),
    cpuCeilingReqPerSec: Math.round((os.cpus().length * 1000 * requests) / (server + postgres + self)),
  };
}

/** Cores taken by anything but the bench: other programs plus hypervisor steal. */
export function competing(c: CpuUse | null): number {
  return c ? round2(c.otherCores + c.stealCores) : 0;
}

export function meanCpu(xs: (CpuUse | null)[]): CpuUse | null {
  if (xs.length === 0 || xs.some((x) => x === null)) return null;
  const ys = xs as CpuUse[];
  const m = (k: keyof CpuUse) => round2(mean(ys.map((y) => y[k])));
  return {
    serverCores: m('serverCores'),
    postgresCores: m('postgresCores'),
    loadGeneratorCores: m('loadGeneratorCores'),
    otherCores: m('otherCores'),
    stealCores: m('stealCores'),
    serverMsPerRequest: m('serverMsPerRequest'),
    postgresMsPerRequest: m('postgresMsPerRequest'),
    loadGeneratorMsPerRequest: m('loadGeneratorMsPerRequest'),
    cpuCeilingReqPerSec: Math.round(mean(ys.map((y) => y.cpuCeilingReqPerSec))),
  };
}
