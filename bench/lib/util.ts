/** Small helpers shared by the bench modules: logging, rounding, the bench's own error type. */

/** A failure of the bench itself (as opposed to a missed target): reported without a stack trace, exit code 1. */
export class BenchError extends Error {
  override name = 'BenchError';
}

export const log = (msg: string) => console.log(`[bench] ${msg}`);
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
export const round1 = (n: number) => Math.round(n * 10) / 10;
export const round2 = (n: number) => Math.round(n * 100) / 100;
export const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
