import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createFieldCrypto, refreshConsentWindows, refreshDueCaseFigures, remindFeedbackDue, setNotificationBaseUrl } from './access/index.ts';
import { startSealer } from './access/audit-chain.ts';
import type { Config } from './config.ts';
import { openDatabase, type DatabaseHandle } from './db/driver.ts';
import { buildApp, type BuildOptions } from './http/app.ts';
import type { AppDeps } from './http/deps.ts';
import { seedDemo } from './seed/demo.ts';
import { createSmtpTransport, startEmailSender } from './notify/email-sender.ts';

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
  // E-mail links point at the address users reach the app on (SAMSYN_PUBLIC_URL).
  setNotificationBaseUrl(config.publicUrl);
  const seeded = config.seedDemo ? (await seedDemo(database.db, crypto, { meetings: config.demoMeetings })) !== null : false;
  const app = await buildApp(deps, opts);
  const stopSealer = startSealer(database.db, opts.sealIntervalMs ?? config.auditSealIntervalMs, (err) =>
    app.log.error({ err }, 'audit sealer failed'),
  );
  // The daily consent job: at start and then once a day (issue 3 §5).
  // The same daily run reminds owners of feedback tasks that are due (meetings issue §7; once per task and due date),
  // and refreshes the stored case figures whose feedback went late with the calendar alone (issue 6 §5).
  const runConsentJob = () =>
    refreshConsentWindows(database.db, clock())
      .catch((err: unknown) => app.log.error({ err }, 'consent refresh failed'))
      .then(() => remindFeedbackDue(database.db, clock()))
      .catch((err: unknown) => app.log.error({ err }, 'feedback reminders failed'))
      .then(() => refreshDueCaseFigures(database.db, clock()))
      .catch((err: unknown) => app.log.error({ err }, 'case figures refresh failed'));
  const consentJob = setInterval(() => void runConsentJob(), 24 * 60 * 60 * 1000);
  consentJob.unref();
  const firstRun = runConsentJob();
  // The outbox is sent only when SMTP_URL is set: the demo needs no mail server, and its e-mails stay pending.
  const stopMailer = config.smtpUrl
    ? startEmailSender(database.db, createSmtpTransport(config.smtpUrl), {
        intervalMs: config.mailSendIntervalMs,
        from: config.mailFrom,
        onError: (err) => app.log.error({ err }, 'e-mail outbox send failed'),
      })
    : null;
  return {
    app,
    deps,
    seeded,
    async stop() {
      clearInterval(consentJob);
      await firstRun;
      await stopMailer?.();
      await stopSealer();
      await app.close();
      if (!opts.database) await database.close();
    },
  };
}
