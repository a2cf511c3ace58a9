import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createFieldCrypto, refreshConsentWindows } from './access/index.ts';
import { startSealer } from './access/audit-chain.ts';
import type { Config } from './config.ts';
import { openDatabase, type DatabaseHandle } from './db/driver.ts';
import { buildApp, type BuildOptions } from './http/app.ts';
import type { AppDeps } from './http/deps.ts';
import { seedDemo } from './seed/demo.ts';

export interface Running {
  app: FastifyInstance;
  deps: AppDeps;
  seeded: boolean;
  stop(): Promise<void>;
}

export async function openConfiguredDatabase(config: Config, poolSize?: number): Promise<DatabaseHandle> {
  return openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.databaseUrl ? null : join(config.dataDir), poolSize });
}

/** Opens the database, migrates, seeds demo data when empty, builds the app and starts the audit sealer. */
export async function bootstrap(
  config: Config,
  opts: BuildOptions & { database?: DatabaseHandle; sealIntervalMs?: number; clock?: () => Date } = {},
): Promise<Running> {
  const database = opts.database ?? (await openConfiguredDatabase(config, Number(process.env.DATABASE_POOL_SIZE) || undefined));
  const crypto = createFieldCrypto(config.dataKey);
  const clock = opts.clock ?? (() => new Date());
  const deps: AppDeps = { config, database, crypto, access: { db: database.db, crypto, clock } };
  const seeded = config.seedDemo ? (await seedDemo(database.db, crypto)) !== null : false;
  const app = await buildApp(deps, opts);
  const stopSealer = startSealer(database.db, opts.sealIntervalMs ?? config.auditSealIntervalMs, (err) =>
    app.log.error({ err }, 'audit sealer failed'),
  );
  // The daily consent job: at start and then once a day (issue 3 §5).
  const runConsentJob = () => refreshConsentWindows(database.db, clock()).catch((err: unknown) => app.log.error({ err }, 'consent refresh failed'));
  const consentJob = setInterval(() => void runConsentJob(), 24 * 60 * 60 * 1000);
  consentJob.unref();
  const firstRun = runConsentJob();
  return {
    app,
    deps,
    seeded,
    async stop() {
      clearInterval(consentJob);
      await firstRun;
      await stopSealer();
      await app.close();
      if (!opts.database) await database.close();
    },
  };
}
