import { createFieldCrypto } from '../access/index.ts';
import { openConfiguredDatabase } from '../bootstrap.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { ownerTruncateAll, seedDemo } from '../seed/demo.ts';

/** `npm run demo:reset`: empties the database and seeds the fictitious demo again. */
try {
  const config = loadConfig();
  if (config.env === 'production') {
    console.error('demo:reset vägrar köra när NODE_ENV=production / refuses to run in production');
    process.exit(2);
  }
  const database = await openConfiguredDatabase(config);
  await ownerTruncateAll((text) => database.ownerQuery(text));
  await seedDemo(database.db, createFieldCrypto(config.dataKey), { meetings: config.demoMeetings });
  await database.close();
  console.log('Demodata återställd / demo data reset');
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(2);
}
