import { ConfigError, loadConfig } from './config.ts';
import { bootstrap } from './bootstrap.ts';
import { DEMO_PASSWORD, DEMO_USERS } from './seed/demo.ts';

/** Wiring only: config → database → app → listen. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Felaktig konfiguration / bad configuration: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
  const running = await bootstrap(config, { benchBareRoute: process.env.BENCH_BARE_ROUTE === 'true' });
  const address = await running.app.listen({ port: config.port, host: config.host });
  const url = address.replace('127.0.0.1', 'localhost');
  const db = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite i ${config.dataDir}`;
  console.log(`\nSamsyn körs på ${url}  (databas: ${db})`);
  if (config.seedDemo) {
    console.log(`\nDemoinloggningar (lösenord för alla: ${DEMO_PASSWORD}) – påhittade personer:`);
    for (const u of DEMO_USERS) {
      console.log(`  ${u.username.padEnd(18)} ${u.displayName.padEnd(20)} ${u.memberships.map((m) => m.role).join(', ')}`);
    }
    console.log('  testkoping.admin   (annan kommun, för test av tenant-isolering)');
    console.log(`\nFamiljeportalen: ${url}/portal/logga-in (samma lösenord):`);
    console.log('  portal.vardnadshavare  vårdnadshavare till barnet i ärendet Elev C');
    console.log('  portal.barn            barnet i ärendet Elev C (10 år)');
    if (config.demoMeetings) {
      console.log('  portal.ung             Tilde, 13 år, i ärendet Elev E (bedömd mogen: kan hålla svar för sig själv)');
      console.log('  portal.foralder        Tildes vårdnadshavare');
    }
    console.log('');
  }
  const shutdown = async (signal: string) => {
    console.log(`${signal}: stänger ned / shutting down`);
    await running.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

await main();
