/** The scale bench's fixed settings (bench/scale.ts), in one place so the run and the report agree. */

/** Children seeded by seed:scale; BENCH_SCALE_CHILDREN overrides (e.g. 20000 for a quick try). */
export const SCALE_CHILDREN = Number(process.env.BENCH_SCALE_CHILDREN || 100_000);
/** Cases; default 30 % of the children (seed:scale's default). */
export const SCALE_CASES = process.env.BENCH_SCALE_CASES ? Number(process.env.BENCH_SCALE_CASES) : Math.round(SCALE_CHILDREN * 0.3);

/**
 * The targets are about one user's request ("a case list for one user"), so the default is one
 * connection: latency without queueing behind other load. BENCH_SCALE_CONNECTIONS=4 measures
 * the same requests under concurrent load on the same 2 cores (written to a separate file).
 */
export const SCALE_CONNECTIONS = Number(process.env.BENCH_SCALE_CONNECTIONS || 1);
export const SCALE_WARMUP_SECONDS = 3;
export const SCALE_DURATION_SECONDS = 10;
/** Each scenario runs this many times, interleaved with the others; the percentiles pool all its requests. */
export const SCALE_ROUNDS = 2;
/** How many different visible cases with an active consent the single-case scenario cycles through. */
export const READ_CASES = 20;

export const SCALE_USERS = ['kurator.bjork', 'soc.oppen'] as const;
export type ScaleUser = (typeof SCALE_USERS)[number];

export const SCALE_TARGETS = { listP95Ms: 100, readP95Ms: 50 } as const;

/**
 * The start-up consent job is over when, QUIET_POLLS polls in a row, no transaction in the bench
 * database has been open longer than QUIET_TRANSACTION_MS (the job holds one transaction throughout).
 */
export const QUIET_TRANSACTION_MS = 200;
export const QUIET_POLLS = 6;
export const QUIET_POLL_INTERVAL_MS = 250;
export const QUIET_TIMEOUT_MS = 10 * 60_000;
export const SEED_TIMEOUT_MS = 30 * 60_000;
