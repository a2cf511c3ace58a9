import { sql } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Scoped } from '../access/index.ts';
import { queryRows } from '../db/driver.ts';
import { authedErrors } from './schemas.ts';

/** The OpenAPI responses of a PDF download. */
export const pdfResponse = { 200: z.any().describe('application/pdf'), ...authedErrors };

/** A PDF as a download that no cache keeps. */
export function sendPdf(reply: FastifyReply, name: string, pdf: Buffer) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('cache-control', 'no-store')
    .send(pdf);
}

/** Who prints a PDF: the signed-in user's name and acting unit, for the footer. */
export async function pdfReader(s: Scoped): Promise<{ name: string; unitName: string }> {
  const [r] = await queryRows<{ name: string; unit_name: string }>(
    s.tx,
    sql`select u.display_name as name, un.name as unit_name from users u, units un where u.id = ${s.actor.userId} and un.id = ${s.actor.actingUnitId}`,
  );
  return { name: r?.name ?? '', unitName: r?.unit_name ?? '' };
}
