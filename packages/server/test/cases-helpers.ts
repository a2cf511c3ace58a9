import { fictitiousIdentityNumber } from '@samsyn/domain';
import type { Session, TestServer } from './harness.ts';

export type Call = (s: Session, method: string, url: string, payload?: unknown) => Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test responses are checked field by field;

export function caller(server: TestServer): Call {
  return async (s, method, url, payload) => {
    const res = await server.app.inject({
      method: method as 'GET',
      url,
      headers: s.headers(),
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
    return { status: res.statusCode, body: res.body ? res.json() : null };
  };
}

export async function unitIds(call: Call, s: Session): Promise<Record<string, string>> {
  const res = await call(s, 'GET', '/api/v1/units');
  return Object.fromEntries(res.body.items.map((u: { id: string; name: string }) => [u.name, u.id]));
}

export const UNIT = {
  bjork: 'Björkskolan F–6',
  ehBjork: 'Elevhälsan Björkskolan',
  socOppen: 'Socialtjänsten – öppenvården',
  bup: 'BUP Region Exempel',
  hab: 'Habiliteringen Region Exempel',
  fritid: 'Fritidsgården Navet',
};

let serial = 0;
/** A fictitious child with two custodial guardians, created in the session's acting unit. */
export async function createChild(call: Call, s: Session, birthDate: string, name = 'Nova') {
  serial += 1;
  const res = await call(s, 'POST', '/api/v1/children', {
    givenName: name,
    familyName: 'Testsson',
    identityNumber: fictitiousIdentityNumber(birthDate, 10 + (serial % 80)),
    protectedIdentity: false,
    guardians: [
      { name: `Anna ${name}mamma`, custody: 'vardnadshavare', phone: '070-1740605', email: 'anna@example.com' },
      { name: `Bo ${name}pappa`, custody: 'vardnadshavare', phone: '070-1740606', email: 'bo@example.com' },
    ],
  });
  if (res.status !== 201) throw new Error(`create child: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; guardians: { id: string; name: string }[] };
}

export function yearsAgo(today: Date, years: number, extraDays = 0): string {
  const d = new Date(Date.UTC(today.getUTCFullYear() - years, today.getUTCMonth(), today.getUTCDate() + extraDays));
  return d.toISOString().slice(0, 10);
}
