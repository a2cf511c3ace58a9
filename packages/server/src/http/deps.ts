import type { AccessContext, FieldCrypto } from '../access/index.ts';
import type { Config } from '../config.ts';
import type { DatabaseHandle } from '../db/driver.ts';

/** What route modules receive. Built once in main.ts (or a test). */
export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
  crypto: FieldCrypto;
  /** What the choke point needs: built once, passed to every runScoped(). */
  access: AccessContext;
}
