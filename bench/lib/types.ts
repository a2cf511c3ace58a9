/** The shapes of a bench run's results; `Report` is exactly what bench/results/latest.json holds. */

export type Side = 'a' | 'b';

export interface Measurement {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
}

/** CPU used during one run, in cores (1.0 = one core busy for the whole run). Linux only. */
export interface CpuUse {
  serverCores: number;
  postgresCores: number;
  loadGeneratorCores: number;
  /** Everything else on the machine: other programs competing for the same cores. */
  otherCores: number;
  /** Time the hypervisor gave to other virtual machines (0 on bare metal). */
  stealCores: number;
  serverMsPerRequest: number;
  postgresMsPerRequest: number;
  loadGeneratorMsPerRequest: number;
  /**
   * req/s this route could reach if server, PostgreSQL and autocannon had all cores to
   * themselves: cores ÷ CPU ms per request. An estimate that ignores waits (fsync, locks).
   */
  cpuCeilingReqPerSec: number;
}

export interface RoundResult extends Measurement {
  side: Side;
  round: number;
  requests: number;
  errors: number;
  timeouts: number;
  durationSeconds: number;
  cpu: CpuUse | null;
}

export interface Target {
  target: number;
  value: number;
  met: boolean;
}

export interface Report {
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
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  roundsPerSide: number;
  a: Measurement;
  b: Measurement;
  ratio: number;
  targets: { aReqPerSec: Target; aP99Ms: Target; ratio: Target };
  rounds: RoundResult[];
  /** Mean CPU per route over its runs (null where /proc is not available). */
  cpu: { a: CpuUse | null; b: CpuUse | null };
  /** True when other programs used a noticeable share of the cores during the runs. */
  contended: boolean;
  audit: {
    readRowsWritten: number;
    /** (a) requests autocannon saw complete, plus the verification read. */
    aRequests: number;
    /** Requests in flight when autocannon stops still complete (and are audited) on the server: at most connections × (a) runs. */
    inFlightAllowance: number;
    /** aRequests ≤ readRowsWritten ≤ aRequests + inFlightAllowance: one audit row per read, none missing. */
    consistent: boolean;
    sealedRows: number;
    totalAuditRows: number;
  };
}
