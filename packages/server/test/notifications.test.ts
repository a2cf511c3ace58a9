import type { AddressInfo } from 'node:net';
import type { Transporter } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessFailure, notify, withTenantTx, type Actor, type NotificationInput } from '../src/access/index.ts';
import { createSmtpTransport, MAX_EMAIL_ATTEMPTS, sendPendingEmails, startEmailSender } from '../src/notify/email-sender.ts';
import { ConfigError } from '../src/config.ts';
import { caller, type Call } from './cases-helpers.ts';
import { startTestServer, testConfig, type Session, type TestServer } from './harness.ts';

/**
 * Meetings issue §7: in-app notifications, the e-mail outbox and its SMTP sender, against a
 * real database (PGlite, or PostgreSQL with TEST_DATABASE_URL) and a real SMTP server
 * (smtp-server) on a free local port.
 */
interface Received {
  from: string;
  to: string[];
  subject: string;
  text: string;
}

/** Just enough MIME for nodemailer's single-part text messages: headers, QP or base64 body. */
function parseMessage(raw: string, from: string, to: string[]): Received {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1]?.trim() ?? '';
  let body = raw.slice(split + 4);
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => `%${h}`);
    body = decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
  } else if (encoding === 'base64') {
    body = Buffer.from(body, 'base64').toString('utf8');
  }
  return { from, to, subject: header('Subject'), text: body.replace(/\r\n/g, '\n') };
}

let server: TestServer;
let call: Call;
let sam: Session;
let kurator: Session;
let skoterska: Session;
let samActor: Actor;
let smtp: SMTPServer;
let transport: Transporter;
const inbox: Received[] = [];
let rejectRecipients = false;

const MEETING_LINK = '/moten/0190a6f0-0000-7000-8000-000000000001';
const SECRET_TITLE = 'Beslut om Elev Q: ny kontakt med BUP';

const actorOf = (s: Session, roles: Actor['roles']): Actor => ({
  userId: s.me.id,
  tenantId: s.me.tenant.id,
  actingUnitId: s.me.actingUnit.id,
  roles,
  sessionId: '00000000-0000-7000-8000-000000000000',
});

const notifyAs = (actor: Actor, n: NotificationInput) => withTenantTx(server.database.db, actor.tenantId, (tx) => notify(tx, actor, n));

async function rows<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await server.database.ownerQuery(text, params)).rows as T[];
}

async function outboxFor(notificationUserId: string, dedupeKey: string) {
  const [row] = await rows<{ id: string; status: string; attempts: number; last_error: string | null; to_address: string; due_in_s: number }>(
    `select o.id, o.status, o.attempts, o.last_error, o.to_address, extract(epoch from o.next_attempt_at - now())::int as due_in_s
       from email_outbox o join notifications n on n.id = o.notification_id where n.user_id = $1 and n.dedupe_key = $2`,
    [notificationUserId, dedupeKey],
  );
  return row!;
}

async function refusal(p: Promise<unknown>): Promise<AccessFailure> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AccessFailure) return err;
    throw err;
  }
  throw new Error('was not refused');
}

beforeAll(async () => {
  server = await startTestServer();
  call = caller(server);
  sam = await server.login('samordnare.f6');
  kurator = await server.login('kurator.bjork');
  skoterska = await server.login('skolskoterska.ek');
  samActor = actorOf(sam, ['samordnare']);
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, cb) {
      if (rejectRecipients) cb(Object.assign(new Error('Brevlådan finns inte / mailbox unavailable'), { responseCode: 550 }));
      else cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        inbox.push(
          parseMessage(
            Buffer.concat(chunks).toString('utf8'),
            from,
            session.envelope.rcptTo.map((r) => r.address),
          ),
        );
        cb();
      });
    },
  });
  await new Promise<void>((ok) => smtp.listen(0, '127.0.0.1', ok));
  const { port } = smtp.server.address() as AddressInfo;
  transport = createSmtpTransport(`smtp://127.0.0.1:${port}`);
}, 120_000);

afterAll(async () => {
  transport?.close();
  await new Promise<void>((ok) => (smtp ? smtp.close(() => ok()) : ok()));
  await server?.stop();
});

describe('notify()', () => {
  it('notifies each distinct recipient once, never the actor, and queues one e-mail each', async () => {
    const n = await notifyAs(samActor, {
      userIds: [kurator.me.id, kurator.me.id, skoterska.me.id, sam.me.id],
      kind: 'invitation',
      titleSv: 'Inbjudan till möte 4 juni 2027',
      titleEn: 'Invitation to the meeting on 4 June 2027',
      link: MEETING_LINK,
      dedupeKey: 'invite-1',
    });
    expect(n).toBe(2);
    const made = await rows<{ user_id: string; kind: string; link: string }>(
      `select user_id, kind, link from notifications where dedupe_key = 'invite-1'`,
    );
    expect(made.map((r) => r.user_id).sort()).toEqual([kurator.me.id, skoterska.me.id].sort());
    const mails = await rows<{ to_address: string; status: string; subject: string }>(
      `select o.to_address, o.status, o.subject from email_outbox o join notifications n on n.id = o.notification_id where n.dedupe_key = 'invite-1' order by 1`,
    );
    expect(mails).toEqual([
      { to_address: 'kurator.bjork@exempelby.example', status: 'pending', subject: 'Samsyn: ny inbjudan / new invitation' },
      { to_address: 'skolskoterska.ek@exempelby.example', status: 'pending', subject: 'Samsyn: ny inbjudan / new invitation' },
    ]);
    const [audit] = await rows<{ details: { kind: string; recipients: string[]; emails: number } }>(
      `select details from audit_log where action = 'notify' and actor_user_id = $1 order by id desc limit 1`,
      [sam.me.id],
    );
    expect(audit!.details).toMatchObject({ kind: 'invitation', emails: 2 });
    expect(audit!.details.recipients.sort()).toEqual([kurator.me.id, skoterska.me.id].sort());
  });

  it('adds nothing for a dedupe key a recipient already has, and skips inactive users and missing e-mail addresses', async () => {
    const again = await notifyAs(samActor, {
      userIds: [kurator.me.id, skoterska.me.id],
      kind: 'invitation',
      titleSv: 'Inbjudan till möte 4 juni 2027',
      titleEn: 'Invitation to the meeting on 4 June 2027',
      link: MEETING_LINK,
      dedupeKey: 'invite-1',
    });
    expect(again).toBe(0);
    expect(await rows(`select 1 from notifications where dedupe_key = 'invite-1'`)).toHaveLength(2);

    await rows(`update users set active = false where username = 'bup'`);
    await rows(`update users set email = null where username = 'vc'`);
    try {
      const [bup] = await rows<{ id: string }>(`select id from users where username = 'bup'`);
      const [vc] = await rows<{ id: string }>(`select id from users where username = 'vc'`);
      const n = await notifyAs(samActor, {
        userIds: [bup!.id, vc!.id],
        kind: 'agenda_changed',
        titleSv: 'Dagordningen för 4 juni 2027 är ändrad',
        titleEn: 'The agenda for 4 June 2027 has changed',
        link: MEETING_LINK,
        dedupeKey: 'agenda-1',
      });
      expect(n).toBe(1);
      expect(await rows(`select user_id from notifications where dedupe_key = 'agenda-1'`)).toEqual([{ user_id: vc!.id }]);
      expect(await rows(`select 1 from email_outbox o join notifications n on n.id = o.notification_id where n.dedupe_key = 'agenda-1'`)).toEqual([]);
    } finally {
      await rows(`update users set active = true where username = 'bup'`);
      await rows(`update users set email = 'vc@exempelby.example' where username = 'vc'`);
    }
  });

  it('refuses bad input with a Swedish and an English message and changes nothing', async () => {
    const count = async () =>
      (await rows<{ n: number }>(`select (select count(*) from notifications)::int + (select count(*) from email_outbox)::int as n`))[0]!.n;
    const before = await count();
    const base: NotificationInput = {
      userIds: [kurator.me.id],
      kind: 'decision_assigned',
      titleSv: 'Nytt beslut',
      titleEn: 'New decision',
      link: MEETING_LINK,
    };
    const cases: [Partial<NotificationInput>, string, RegExp][] = [
      [{ link: 'https://evil.example/phish' }, 'link', /sökväg i Samsyn/],
      [{ link: '//evil.example/x' }, 'link', /sökväg i Samsyn/],
      [{ titleSv: '   ' }, 'titleSv', /saknar rubrik/],
      [{ titleEn: 'Call 070-123 45 67' }, 'titleEn', /personnummer, telefonnummer/],
      [{ titleSv: 'Beslut om 20140312-9834' }, 'titleSv', /personnummer/],
      [{ kind: 'spam' as never }, 'kind', /Okänd typ/],
      [{ userIds: ['not-a-uuid'] }, 'userIds', /ogiltigt id/],
      // An unknown (or other tenant's) user: the whole call is refused, the valid recipient included.
      [{ userIds: [kurator.me.id, '0190a6f0-0000-7000-8000-00000000beef'] }, 'userIds', /finns inte/],
      [{ dedupeKey: '' }, 'dedupeKey', /dubbletter/],
    ];
    for (const [change, field, message] of cases) {
      const err = await refusal(notifyAs(samActor, { ...base, ...change }));
      expect(err.code).toBe('validation');
      expect(err.errors[0]).toMatchObject({ field, message: expect.stringMatching(message) });
      expect(err.errors[0]!.messageEn).toMatch(/[a-z]/);
      expect(err.errors[0]!.messageEn).not.toBe(err.errors[0]!.message);
    }
    expect(await count()).toBe(before);
  });

  it('a refused change in the same transaction notifies nobody', async () => {
    const before = (await rows(`select 1 from notifications where dedupe_key = 'rolled-back'`)).length;
    await expect(
      withTenantTx(server.database.db, samActor.tenantId, async (tx) => {
        await notify(tx, samActor, { ...decision('rolled-back'), userIds: [kurator.me.id] });
        throw new Error('the change itself failed');
      }),
    ).rejects.toThrow(/failed/);
    expect(await rows(`select 1 from notifications where dedupe_key = 'rolled-back'`)).toHaveLength(before);
  });
});

function decision(dedupeKey: string): NotificationInput {
  return {
    userIds: [kurator.me.id],
    kind: 'decision_assigned',
    titleSv: SECRET_TITLE,
    titleEn: 'Decision about Elev Q: new contact with BUP',
    link: MEETING_LINK,
    dedupeKey,
  };
}

describe('e-mail sender (SMTP)', () => {
  it('sends pending e-mails once, with the link and no case content', async () => {
    await notifyAs(samActor, decision('mail-1'));
    inbox.length = 0;
    const result = await sendPendingEmails(server.database.db, transport, { batch: 50, from: 'Samsyn <noreply@samsyn.invalid>' });
    expect(result.retried + result.failed).toBe(0);
    expect(result.sent).toBeGreaterThanOrEqual(1);
    const mine = inbox.filter((m) => m.to.includes('kurator.bjork@exempelby.example') && m.subject === 'Samsyn: ny uppgift / new task');
    expect(mine).toHaveLength(1);
    const mail = mine[0]!;
    expect(mail.from).toBe('noreply@samsyn.invalid');
    expect(mail.text).toContain(`http://localhost:3000${MEETING_LINK}`);
    expect(mail.text).toContain('Du har en ny avisering i Samsyn: ett beslut där du är ansvarig.');
    expect(mail.text).toContain('You have a new notification in Samsyn');
    // E-mail leaves the confidential system: no title, no pseudonym.
    expect(mail.text).not.toContain('Elev Q');
    expect(mail.text).not.toContain('BUP');
    expect(mail.subject).not.toContain('Elev Q');

    const row = await outboxFor(kurator.me.id, 'mail-1');
    expect(row).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
    const [audit] = await rows<{ outcome: string; details: { sent: number } }>(
      `select outcome, details from audit_log where action = 'system_send_email' order by id desc limit 1`,
    );
    expect(audit).toMatchObject({ outcome: 'allowed', details: { sent: result.sent } });

    inbox.length = 0;
    expect(await sendPendingEmails(server.database.db, transport)).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(inbox).toEqual([]);
  });

  it('two senders at once (several app instances) send each e-mail exactly once', async () => {
    for (let i = 0; i < 6; i++) await notifyAs(samActor, decision(`parallel-${i}`));
    inbox.length = 0;
    const [a, b] = await Promise.all([
      sendPendingEmails(server.database.db, transport, { batch: 4 }),
      sendPendingEmails(server.database.db, transport, { batch: 4 }),
    ]);
    // Each pass takes one batch per tenant; what is left goes in the next pass.
    const rest = await sendPendingEmails(server.database.db, transport, { batch: 50 });
    expect(a.sent + b.sent + rest.sent).toBe(6);
    expect(inbox).toHaveLength(6);
    for (let i = 0; i < 6; i++) expect((await outboxFor(kurator.me.id, `parallel-${i}`)).status).toBe('sent');
  });

  it('keeps a refused e-mail pending with the error, backs off, and gives up after five attempts', async () => {
    await notifyAs(samActor, decision('refused-1'));
    rejectRecipients = true;
    try {
      const first = await sendPendingEmails(server.database.db, transport);
      expect(first).toEqual({ sent: 0, retried: 1, failed: 0 });
      const row = await outboxFor(kurator.me.id, 'refused-1');
      expect(row).toMatchObject({ status: 'pending', attempts: 1 });
      expect(row.last_error).toMatch(/550|mailbox unavailable/i);
      // 2^1 minutes later, not before.
      expect(row.due_in_s).toBeGreaterThan(100);
      expect(row.due_in_s).toBeLessThanOrEqual(120);
      expect(await sendPendingEmails(server.database.db, transport)).toEqual({ sent: 0, retried: 0, failed: 0 });
      const [audit] = await rows<{ outcome: string }>(`select outcome from audit_log where action = 'system_send_email' order by id desc limit 1`);
      expect(audit!.outcome).toBe('failed');

      for (let attempt = 2; attempt <= MAX_EMAIL_ATTEMPTS; attempt++) {
        await rows(`update email_outbox set next_attempt_at = now() where id = $1`, [row.id]);
        const r = await sendPendingEmails(server.database.db, transport);
        expect(r).toEqual(attempt < MAX_EMAIL_ATTEMPTS ? { sent: 0, retried: 1, failed: 0 } : { sent: 0, retried: 0, failed: 1 });
        const now = await outboxFor(kurator.me.id, 'refused-1');
        expect(now.attempts).toBe(attempt);
        if (attempt < MAX_EMAIL_ATTEMPTS) expect(now.due_in_s).toBeGreaterThan(2 ** attempt * 60 - 20);
      }
      expect((await outboxFor(kurator.me.id, 'refused-1')).status).toBe('failed');
      await rows(`update email_outbox set next_attempt_at = now() where id = $1`, [row.id]);
      expect(await sendPendingEmails(server.database.db, transport)).toEqual({ sent: 0, retried: 0, failed: 0 });
    } finally {
      rejectRecipients = false;
    }
  });

  it('the background loop sends what is queued and stops cleanly', async () => {
    await notifyAs(samActor, decision('loop-1'));
    inbox.length = 0;
    const loopTransport = createSmtpTransport(`smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`);
    const errors: unknown[] = [];
    const stop = startEmailSender(server.database.db, loopTransport, {
      intervalMs: 50,
      from: 'Samsyn <noreply@samsyn.invalid>',
      onError: (e) => errors.push(e),
    });
    try {
      await expect.poll(async () => (await outboxFor(kurator.me.id, 'loop-1')).status, { timeout: 10_000 }).toBe('sent');
    } finally {
      await stop();
    }
    expect(errors).toEqual([]);
    expect(inbox.filter((m) => m.subject === 'Samsyn: ny uppgift / new task')).toHaveLength(1);
  });

  it('without SMTP_URL (the demo) no sender runs and e-mails stay pending', async () => {
    expect(server.deps.config.smtpUrl).toBeNull();
    await notifyAs(samActor, decision('demo-1'));
    await new Promise((r) => setTimeout(r, 200));
    expect(await outboxFor(kurator.me.id, 'demo-1')).toMatchObject({ status: 'pending', attempts: 0 });
  });
});

describe('GET/POST /api/v1/me/notifications', () => {
  it('lists only the caller’s own notifications, newest first, with the unread count', async () => {
    const mine = await call(kurator, 'GET', '/api/v1/me/notifications');
    expect(mine.status).toBe(200);
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(mine.body.items.length).toBeLessThanOrEqual(50);
    const own = await rows<{ id: string }>(`select id from notifications where user_id = $1`, [kurator.me.id]);
    const ownIds = new Set(own.map((r) => r.id));
    for (const item of mine.body.items) expect(ownIds.has(item.id)).toBe(true);
    expect(mine.body.unreadCount).toBe(own.length);
    const times = mine.body.items.map((i: { createdAt: string }) => i.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(mine.body.items[0]).toMatchObject({ kind: 'decision_assigned', titleSv: SECRET_TITLE, link: MEETING_LINK, read: false });

    const samList = await call(sam, 'GET', '/api/v1/me/notifications');
    expect(samList.status).toBe(200);
    expect(samList.body).toEqual({ items: [], unreadCount: 0 });
    const [audit] = await rows<{ actor_user_id: string; details: { mine: boolean } }>(
      `select actor_user_id, details from audit_log where action = 'list' and resource_type = 'notification' order by id desc limit 1`,
    );
    expect(audit).toMatchObject({ actor_user_id: sam.me.id, details: { mine: true } });
  });

  it('marks one read; another user’s notification is 404 and stays unread', async () => {
    const before = (await call(kurator, 'GET', '/api/v1/me/notifications')).body;
    const target = before.items[0];

    const foreign = await call(sam, 'POST', `/api/v1/me/notifications/${target.id}/read`);
    expect(foreign.status).toBe(404);
    expect(foreign.body).toMatchObject({ title: 'Hittades inte', titleEn: 'Not found' });
    const [denied] = await rows<{ outcome: string; actor_user_id: string }>(
      `select outcome, actor_user_id from audit_log where action = 'mark_read' and resource_id = $1 order by id desc limit 1`,
      [target.id],
    );
    expect(denied).toEqual({ outcome: 'denied', actor_user_id: sam.me.id });
    expect((await rows<{ read_at: unknown }>(`select read_at from notifications where id = $1`, [target.id]))[0]!.read_at).toBeNull();

    const missing = await call(kurator, 'POST', '/api/v1/me/notifications/0190a6f0-0000-7000-8000-00000000beef/read');
    expect(missing.status).toBe(404);
    const bad = await call(kurator, 'POST', '/api/v1/me/notifications/abc/read');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'id' });

    const ok = await call(kurator, 'POST', `/api/v1/me/notifications/${target.id}/read`);
    expect(ok.status).toBe(204);
    expect((await call(kurator, 'POST', `/api/v1/me/notifications/${target.id}/read`)).status).toBe(204);
    const after = (await call(kurator, 'GET', '/api/v1/me/notifications')).body;
    expect(after.unreadCount).toBe(before.unreadCount - 1);
    expect(after.items.find((i: { id: string }) => i.id === target.id).read).toBe(true);
  });

  it('marks all read, only the caller’s own', async () => {
    const skoterskaBefore = (await call(skoterska, 'GET', '/api/v1/me/notifications')).body.unreadCount;
    expect(skoterskaBefore).toBeGreaterThan(0);
    const res = await call(kurator, 'POST', '/api/v1/me/notifications/read-all');
    expect(res.status).toBe(204);
    const after = (await call(kurator, 'GET', '/api/v1/me/notifications')).body;
    expect(after.unreadCount).toBe(0);
    expect(after.items.every((i: { read: boolean }) => i.read)).toBe(true);
    expect((await call(skoterska, 'GET', '/api/v1/me/notifications')).body.unreadCount).toBe(skoterskaBefore);
  });

  it('requires a session and the CSRF token', async () => {
    expect((await server.app.inject({ method: 'GET', url: '/api/v1/me/notifications' })).statusCode).toBe(401);
    const noCsrf = await server.app.inject({ method: 'POST', url: '/api/v1/me/notifications/read-all', headers: { cookie: kurator.cookie } });
    expect(noCsrf.statusCode).toBe(403);
  });
});

describe('configuration', () => {
  it('reads SMTP_URL, MAIL_FROM and SAMSYN_PUBLIC_URL, with demo defaults, and fails fast on bad values', () => {
    const demo = testConfig({ PORT: '4321' });
    expect(demo).toMatchObject({
      smtpUrl: null,
      mailFrom: 'Samsyn <noreply@samsyn.invalid>',
      publicUrl: 'http://localhost:4321',
      mailSendIntervalMs: 15_000,
    });
    const real = testConfig({
      SMTP_URL: 'smtp://mail.example:2525',
      MAIL_FROM: 'TSI <tsi@kommun.example>',
      SAMSYN_PUBLIC_URL: 'https://samsyn.kommun.example/',
    });
    expect(real).toMatchObject({
      smtpUrl: 'smtp://mail.example:2525',
      mailFrom: 'TSI <tsi@kommun.example>',
      publicUrl: 'https://samsyn.kommun.example',
    });
    expect(() => testConfig({ SMTP_URL: 'mail.example:25' })).toThrow(ConfigError);
    expect(() => testConfig({ SMTP_URL: 'http://mail.example' })).toThrow(/SMTP_URL/);
    expect(() => testConfig({ SAMSYN_PUBLIC_URL: 'samsyn.example' })).toThrow(/SAMSYN_PUBLIC_URL/);
    expect(() => testConfig({ MAIL_SEND_INTERVAL_MS: '10' })).toThrow(/MAIL_SEND_INTERVAL_MS/);
  });
});
