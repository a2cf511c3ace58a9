import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { activeAreas, nextFollowUpDate, type PlanContent } from '@samsyn/domain';
import { runScoped, type Actor, type Scoped } from '../../access/index.ts';
import { queryRows } from '../../db/driver.ts';
import type { AppDeps } from '../../http/deps.ts';
import { AppError } from '../../http/errors.ts';
import { actorOf } from '../../http/request-context.ts';
import { pdfReader, pdfResponse, sendPdf } from '../../http/pdf-reply.ts';
import { renderFamilyPlanPdf, renderProfessionalPlanPdf, type PlanPdfArea, type PlanPdfWheel } from '../../pdf/plan.ts';

const params = z.strictObject({ id: z.uuid(), number: z.coerce.number().int().min(1).max(10000) });

/** Everything both PDF versions need, read through the choke point as the reader. */
async function planData(s: Scoped, planId: string, number: number) {
  const plan = await s.plans.get(planId);
  const version = plan.versions.find((v) => v.number === number);
  if (!version) throw new AppError('not_found');
  const content = version.content as PlanContent;
  const [c] = await queryRows<{ pseudonym: string; child_id: string | null }>(
    s.tx,
    sql`select pseudonym, child_id from cases where id = ${plan.caseId}`,
  );
  const child = c?.child_id ? await s.children.get(c.child_id) : null;
  const userIds = [...new Set(content.areas.flatMap((a) => a.actions.map((x) => x.ownerUserId)).filter((x): x is string => Boolean(x)))];
  const unitIds = [...new Set(content.areas.flatMap((a) => a.actions.map((x) => x.ownerUnitId)).filter((x): x is string => Boolean(x)))];
  const list = (ids: string[]) =>
    sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    );
  const names = [
    ...(userIds.length
      ? await queryRows<{ kind: 'user'; id: string; name: string }>(
          s.tx,
          sql`select 'user' as kind, id, display_name as name from users where id in (${list(userIds)})`,
        )
      : []),
    ...(unitIds.length
      ? await queryRows<{ kind: 'unit'; id: string; name: string }>(
          s.tx,
          sql`select 'unit' as kind, id, name from units where id in (${list(unitIds)})`,
        )
      : []),
  ];
  const nameOf = (kind: 'user' | 'unit', id: string | null) => (id ? (names.find((n) => n.kind === kind && n.id === id)?.name ?? null) : null);
  const assessments = await s.wheel.list(plan.caseId);
  const areasMeta = new Map(assessments.wheel.areas.map((a) => [a.key, a]));
  const areas: PlanPdfArea[] = content.areas.map((section) => ({
    key: section.areaKey,
    labelSv: areasMeta.get(section.areaKey)?.labelSv ?? section.areaKey,
    childDescriptionSv: areasMeta.get(section.areaKey)?.childDescriptionSv ?? '',
    childWords: section.childWords,
    guardiansWillDo: section.guardiansWillDo,
    actions: section.actions.map((a) => {
      const user = nameOf('user', a.ownerUserId);
      const unit = nameOf('unit', a.ownerUnitId);
      return { what: a.what, who: user && unit ? `${user}, ${unit}` : (user ?? unit), start: a.start, end: a.end };
    }),
    goals: section.goals.map((g) => ({ text: g.text, followUpDate: g.followUpDate })),
  }));
  // The wheel as the reader may see it: the child's latest and the professionals' latest per area.
  const active = activeAreas(assessments.wheel.areas);
  const gaps = assessments.radar.gaps;
  const rated = gaps.some((g) => g.child !== null || g.professional !== null);
  const latest = (dates: (string | null)[]) =>
    dates
      .filter((d): d is string => Boolean(d))
      .sort()
      .at(-1) ?? null;
  const wheel: PlanPdfWheel | null = rated
    ? {
        areas: active.map((a) => ({ key: a.key, labelSv: a.labelSv })),
        scale: { min: assessments.wheel.scale.min, max: assessments.wheel.scale.max },
        child: active.map((a) => gaps.find((g) => g.areaKey === a.key)?.child ?? null),
        professionals: active.map((a) => gaps.find((g) => g.areaKey === a.key)?.professional ?? null),
        childDate: latest(gaps.map((g) => g.childDate)),
        professionalsDate: latest(gaps.map((g) => g.professionalDate)),
      }
    : null;
  // The family's version goes to the guardians too: never the areas the child keeps from them (issue 7).
  const hidden = new Set(assessments.childLatestPrivateAreaKeys);
  const familyWheel: PlanPdfWheel | null =
    wheel && hidden.size > 0 ? { ...wheel, child: wheel.child?.map((v, i) => (hidden.has(active[i]!.key) ? null : v)) ?? null } : wheel;
  const reader = await pdfReader(s);
  await s.audit({
    action: 'export',
    resourceType: 'plan',
    resourceId: planId,
    subjectChildId: c?.child_id ?? null,
    outcome: 'allowed',
    details: { number },
  });
  return {
    plan,
    version,
    content,
    pseudonym: c?.pseudonym ?? '',
    child,
    areas,
    wheel,
    familyWheel,
    reader,
    base: {
      kind: content.kind,
      versionNumber: version.number,
      status: version.status,
      planDate: version.planDate,
      adoptedOn: version.adoptedOn,
      childView: content.childView,
      guardiansView: content.guardiansView,
      areas,
      wheel,
      nextFollowUp: nextFollowUpDate(content),
      generatedAt: new Date().toISOString(),
    },
  };
}

/** Issue 5 §8: the plan as PDF — the family's version in plain Swedish and the professionals' version (SIP with its legal elements). */
export function registerPlanPdfRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const scoped = <T>(actor: Actor, fn: (s: Scoped) => Promise<T>) => runScoped(deps.access, actor, 'samverkan', fn);

  r.get(
    '/api/v1/plans/:id/versions/:number/family.pdf',
    {
      schema: {
        tags: ['plans'],
        summary: 'Familjens version (PDF) / the family’s version',
        description:
          'Lättläst: barnets ord först, hjulet som bild, vem gör vad och när. Innehåller bara det läsarens verksamhet får se. Hämtningen loggas.',
        params,
        response: pdfResponse,
      },
    },
    async (request, reply) => {
      const pdf = await scoped(actorOf(request), async (s) => {
        const d = await planData(s, request.params.id, request.params.number);
        return renderFamilyPlanPdf({ ...d.base, wheel: d.familyWheel, childLabel: d.child?.givenName ?? 'ditt barn', contact: d.reader });
      });
      return sendPdf(reply, 'var-plan.pdf', pdf);
    },
  );

  r.get(
    '/api/v1/plans/:id/versions/:number/professional.pdf',
    {
      schema: {
        tags: ['plans'],
        summary: 'Verksamheternas version (PDF) / the professionals’ version',
        description:
          'En SIP med de fyra lagkraven som rubriker (det som saknas skrivs "Saknas"), deltagare, samtycke, barnets delaktighet och uppföljning. Innehåller bara det läsarens verksamhet får se; skyddade personuppgifter visas inte. Hämtningen loggas.',
        params,
        response: pdfResponse,
      },
    },
    async (request, reply) => {
      const pdf = await scoped(actorOf(request), async (s) => {
        const d = await planData(s, request.params.id, request.params.number);
        const sip = d.content.kind === 'sip' ? d.content.sip : null;
        return renderProfessionalPlanPdf({
          ...d.base,
          childLabel: d.child?.givenName ?? 'barnet',
          caseLabel: d.pseudonym,
          readerName: d.reader.name,
          readerUnitName: d.reader.unitName,
          protectedIdentity: d.child?.protectedIdentity ?? false,
          sip: sip
            ? {
                supportNeeded: sip.supportNeeded,
                principalContributions: sip.principalContributions.map((p) => ({ principalName: p.principalName, provides: p.provides })),
                othersProvide: sip.othersProvide,
                overallResponsibility: sip.overallResponsibility?.principalName ?? null,
                participants: sip.participants,
                personConsent: sip.personConsent,
                childParticipation: sip.childParticipation,
                relativesParticipated: sip.relativesParticipated,
                followUpDate: sip.followUpDate,
              }
            : null,
        });
      });
      return sendPdf(reply, 'plan.pdf', pdf);
    },
  );
}
