import { newId } from '../../db/ids.ts';
import { hash, verify } from '@node-rs/argon2';
import { eq, sql } from 'drizzle-orm';
import { appendAudit, withTenantTx, type Actor } from '../../access/index.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/driver.ts';
import { sessions, users } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import { hashToken, newToken } from '../../http/session.ts';
import { listActiveMemberships, loadMe, type MeView } from '../me/index.ts';

interface FoundUser {
  id: string;
  tenant_id: string;
  password_hash: string;
  active: boolean;
  failed_logins: number;
  locked_until: Date | string | null;
}

/** Verified against when the username is unknown, so timing does not reveal which usernames exist. */
let decoyHash: Promise<string> | null = null;
function getDecoyHash(): Promise<string> {
  decoyHash ??= hash(newToken());
  return decoyHash;
}

function lockedError(minutesLeft: number): AppError {
  return new AppError('locked', {
    detail: `För många misslyckade inloggningar. Försök igen om ${minutesLeft} minut${minutesLeft === 1 ? '' : 'er'}.`,
    detailEn: `Too many failed log-ins. Try again in ${minutesLeft} minute${minutesLeft === 1 ? '' : 's'}.`,
    retryAfterSeconds: minutesLeft * 60,
  });
}

export interface LoginResult {
  token: string;
  me: MeView;
}

/**
 * Local log-in. After LOCKOUT_THRESHOLD failures in a row the account locks for
 * LOCKOUT_MINUTES. Only the first failure of a series and the lock itself are
 * audited, so a password-guessing run cannot flood the log.
 */
export async function login(db: Db, config: Config, username: string, password: string): Promise<LoginResult> {
  const res = await db.execute(sql`select * from auth_find_user(${username})`);
  const found = res.rows[0] as FoundUser | undefined;
  if (!found) {
    await verify(await getDecoyHash(), password);
    throw new AppError('invalid_credentials');
  }
  const lockedUntil = found.locked_until ? new Date(found.locked_until).getTime() : 0;
  if (lockedUntil > Date.now()) throw lockedError(Math.ceil((lockedUntil - Date.now()) / 60_000));

  const ok = await verify(found.password_hash, password);
  // Refusals are returned, not thrown, so the failure counter and its audit row commit.
  const outcome = await withTenantTx(db, found.tenant_id, async (tx): Promise<LoginResult | AppError> => {
    const who = { tenantId: found.tenant_id, userId: found.id };
    if (!ok || !found.active) {
      // Counted in the database, atomically: parallel guesses each count.
      const [counted] = await tx
        .update(users)
        .set({ failedLogins: sql`${users.failedLogins} + 1` })
        .where(eq(users.id, found.id))
        .returning({ failures: users.failedLogins });
      const failures = counted?.failures ?? found.failed_logins + 1;
      if (failures >= config.lockoutThreshold) {
        await tx
          .update(users)
          .set({ failedLogins: 0, lockedUntil: sql`now() + make_interval(mins => ${config.lockoutMinutes})` })
          .where(eq(users.id, found.id));
        await appendAudit(tx, who, { action: 'login_locked', resourceType: 'user', resourceId: found.id, outcome: 'denied', details: { failures } });
        return lockedError(config.lockoutMinutes);
      }
      if (failures === 1) {
        await appendAudit(tx, who, { action: 'login_failed', resourceType: 'user', resourceId: found.id, outcome: 'denied' });
      }
      return new AppError('invalid_credentials');
    }
    const ms = await listActiveMemberships(tx, found.id);
    const first = ms[0];
    if (!first) {
      await appendAudit(tx, who, {
        action: 'login_failed',
        resourceType: 'user',
        resourceId: found.id,
        outcome: 'denied',
        details: { reason: 'no active membership' },
      });
      return new AppError('invalid_credentials');
    }
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, found.id));
    const token = newToken();
    const sessionId = newId();
    const csrfToken = newToken();
    await tx.insert(sessions).values({
      id: sessionId,
      tenantId: found.tenant_id,
      userId: found.id,
      tokenHash: hashToken(config.sessionSecret, token),
      csrfToken,
      actingUnitId: first.unitId,
      expiresAt: sql`now() + make_interval(hours => ${config.sessionAbsoluteHours})`,
    });
    const actor: Actor = {
      userId: found.id,
      tenantId: found.tenant_id,
      actingUnitId: first.unitId,
      roles: ms.filter((m) => m.unitId === first.unitId).map((m) => m.role),
      sessionId,
    };
    await appendAudit(tx, actor, { action: 'login', resourceType: 'session', resourceId: sessionId, outcome: 'allowed' });
    return { token, me: await loadMe(tx, actor, csrfToken) };
  });
  if (outcome instanceof AppError) throw outcome;
  return outcome;
}

export async function logout(db: Db, actor: Actor): Promise<void> {
  await withTenantTx(db, actor.tenantId, async (tx) => {
    await tx.delete(sessions).where(eq(sessions.id, actor.sessionId));
    await appendAudit(tx, actor, { action: 'logout', resourceType: 'session', resourceId: actor.sessionId, outcome: 'allowed' });
  });
}
