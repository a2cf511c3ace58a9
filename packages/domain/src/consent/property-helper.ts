/**
 * A tiny seeded property-testing helper for the consent rules (tests only; not exported).
 * Deterministic: a failure names the case seed, so it can be replayed exactly.
 */

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  bool(probability?: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A random subset in the original order; may be empty. */
  subset<T>(items: readonly T[], probability?: number): T[];
}

/** mulberry32: small, fast and good enough for generating test cases. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    bool: (probability = 0.5) => next() < probability,
    pick: <T>(items: readonly T[]) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(0, items.length - 1)]!;
    },
    subset: <T>(items: readonly T[], probability = 0.5) => items.filter(() => next() < probability),
  };
}

export interface PropertyOptions {
  runs: number;
  seed: number;
}

/**
 * Runs `property` on `runs` generated cases. Case i uses seed `seed + i`; on failure the error
 * names that seed and shows the case, so `generate(createRng(caseSeed))` reproduces it.
 */
export function checkProperty<T>(name: string, options: PropertyOptions, generate: (rng: Rng) => T, property: (value: T, rng: Rng) => void): void {
  for (let i = 0; i < options.runs; i++) {
    const caseSeed = options.seed + i;
    const rng = createRng(caseSeed);
    const value = generate(rng);
    try {
      property(value, rng);
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause);
      throw new Error(`Property "${name}" failed on run ${i} (case seed ${caseSeed}): ${message}\n${JSON.stringify(value, null, 2)}`, { cause });
    }
  }
}
