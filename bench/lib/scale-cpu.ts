/**
 * CPU accounting for the scale bench, per process (Linux /proc; null elsewhere).
 *
 * Like cpu.ts, but PostgreSQL backends are tracked by pid: at 4 connections the server's pool
 * closes idle connections during a run, and summing whatever backends exist at the start and at
 * the end would then lose their whole lifetime's CPU time (and book it as "other programs").
 * Here a backend that exits during a run contributes nothing and a new one all of its time, so
 * the PostgreSQL figure is at most slightly low and "other programs" stays honest.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import type { CpuUse } from './types.ts';
import { round2 } from './util.ts';

const HAS_PROC = existsSync('/proc/stat');
const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();
const PG_BACKGROUND = /: (walwriter|checkpointer|background writer)\s*$/;

export interface ScaleCpuSnapshot {
  wallMs: number;
  machineBusyMs: number;
  stealMs: number;
  serverMs: number;
  postgresMs: Map<string, number>;
  selfMs: number;
}

function processCpuMs(pid: number | string): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
  } catch {
    return 0;
  }
}

function postgresCpu(dbName: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    let cmd: string;
    try {
      cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
    } catch {
      continue;
    }
    if (cmd.startsWith('postgres') && (cmd.includes(` ${dbName} `) || PG_BACKGROUND.test(cmd))) out.set(pid, processCpuMs(pid));
  }
  return out;
}

function machineCpuMs(): { busy: number; steal: number } {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = cpu;
  return { busy: ((user + nice + system + irq + softirq) * 1000) / CLK_TCK, steal: (steal * 1000) / CLK_TCK };
}

export function scaleCpuSnapshot(serverPid: number, dbName: string): ScaleCpuSnapshot | null {
  if (!HAS_PROC) return null;
  const self = process.cpuUsage();
  const machine = machineCpuMs();
  return {
    wallMs: performance.now(),
    machineBusyMs: machine.busy,
    stealMs: machine.steal,
    serverMs: processCpuMs(serverPid),
    postgresMs: postgresCpu(dbName),
    selfMs: (self.user + self.system) / 1000,
  };
}

export function scaleCpuUse(before: ScaleCpuSnapshot | null, after: ScaleCpuSnapshot | null, requests: number): CpuUse | null {
  if (!before || !after) return null;
  const wall = after.wallMs - before.wallMs;
  const server = after.serverMs - before.serverMs;
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
