import type { EntityManager } from '@mikro-orm/postgresql';
import type { MikroORM } from '@mikro-orm/core';
import type { RequestHandler } from 'express';
import { auditAppenderFor, canonicalLine, canonicalTime } from '../audit';
import type { AppServices } from '../server/context';
import { OWNER_DEPARTMENT, StaffRole } from '../core';
import { StaffMember } from '../staff';
import { figuresCsv } from './figures-csv';
import type { FigureStore } from './figure-store';
import { renderDocx } from './report-docx';
import { gatherFacts } from './report-facts';
import { verifyGrant, type ReportGrant } from './report-link';

const GONE = 'このリンクは使えません。報告書の画面からもう一度ダウンロードしてください。/ This link no longer works: download the report again.';

/** Writes the download to the audit log (no records: the file holds counts and configuration only). */
async function auditDownload(em: EntityManager, staff: StaffMember, grant: ReportGrant): Promise<void> {
  const at = new Date();
  const actor = { actor_kind: 'staff', actor_id: staff.id, actor_name: staff.name, actor_department: OWNER_DEPARTMENT };
  const operation = `report:${grant.form}:${grant.format}:${grant.from}:${grant.to}`;
  const json = JSON.stringify({
    ...actor,
    at: at.toISOString(),
    municipality_code: grant.municipalityCode,
    record_ids: [],
    action: 'read',
    sections: ['report'],
    operation_name: operation,
  });
  const line = canonicalLine({
    ...actor,
    actor_id: staff.id.toLowerCase(),
    at: canonicalTime(at),
    municipality_code: grant.municipalityCode,
    record_ids: '',
    action: 'read',
    sections: 'report',
    operation_name: operation,
  });
  await auditAppenderFor(em).append(json, 0, new Map([[grant.municipalityCode, [line]]]));
}

/**
 * GET /reports/<token>: the file a signed link (implementationReport) grants. Generated on request
 * (any API process can serve it); refused when the link is forged or expired, or when its staff
 * member is no longer a supervisor or admin of the owning department.
 */
export function reportDownloads(orm: MikroORM, services: AppServices, store: FigureStore): RequestHandler {
  return (req, res, next) => {
    void (async () => {
      res.set('cache-control', 'no-store');
      const grant = verifyGrant(services.auth.secret, String(req.params.token ?? ''));
      if (!grant) return void res.status(404).type('text/plain').send(GONE);
      const em = orm.em.fork() as EntityManager;
      const staff = await em.findOne(StaffMember, { id: grant.staffId }, { populate: ['department'] });
      if (
        !staff ||
        staff.disabled ||
        staff.municipality.code !== grant.municipalityCode ||
        staff.department.code !== OWNER_DEPARTMENT ||
        (staff.role !== StaffRole.SUPERVISOR && staff.role !== StaffRole.ADMIN)
      ) {
        return void res.status(404).type('text/plain').send(GONE);
      }
      const facts = await gatherFacts(em, services, store, grant.municipalityCode, grant.form, grant.from, grant.to);
      // The CSV holds the usage figures (利用実績) whichever form asked for them; named as the report, a
      // supervisor filing both would take one for the other.
      const kind = grant.format === 'CSV' ? 'riyo-jisseki' : grant.form === 'PLAN' ? 'jigyo-keikakusho' : 'jisshi-jokyo-hokokusho';
      const name = `${kind}-${grant.municipalityCode}-${grant.from}-${grant.to}`;
      const body = grant.format === 'CSV' ? Buffer.from(figuresCsv(facts), 'utf8') : await renderDocx(facts);
      await auditDownload(em, staff, grant);
      res
        .status(200)
        .type(grant.format === 'CSV' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .set('content-disposition', `attachment; filename="${name}.${grant.format === 'CSV' ? 'csv' : 'docx'}"`)
        .set('x-content-type-options', 'nosniff')
        .send(body);
    })().catch(next);
  };
}
