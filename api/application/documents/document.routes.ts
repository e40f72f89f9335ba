/**
 * Uploads and downloads of application documents, over plain HTTP (a photo does not fit the GraphQL
 * body limit, and should not be base64 in JSON):
 *
 *   POST /applications/<application id>/documents/<document id>   body: the file; Authorization: Bearer <family session>
 *   GET  /applications/documents/<id>                              Authorization: Bearer <family session or staff token>
 *
 * Limits: 10 MB (refused from Content-Length before reading, and again while reading), JPEG, PNG or
 * PDF by content, 20 documents per application, a signed-in family with an application not decided yet. Nothing is written before every check has passed, and a failed write leaves no file.
 * A staff download follows the queue's rule (own municipality, department handling the procedure)
 * and is written to the audit log before the bytes are sent.
 */
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import express, { type Request, type Response, type Router } from 'express';
import { GraphQLError } from 'graphql';
import { type Locale, localeFromHeader, type LocalizedText, type Viewer } from '../../core';
import { AuditCollector } from '../../audit';
import { AuthService } from '../../auth';
import type { AppServices } from '../../server/context';
import { decrypt, keyringOf } from '../../crypto';
import { Application } from '../application.entity';
import { DECIDED } from '../application-status';
import { FamilyAuth, SESSION_PREFIX } from '../family-auth';
import { applicationServices } from '../services';
import { cleaned, MAX_DOCUMENT_BYTES, sniff } from './content';
import { ApplicationDocument } from './document.entity';
import { openDocument, sealDocument } from './store';

export const MAX_DOCUMENTS_PER_APPLICATION = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const T = {
  tooLarge: {
    ja: 'ファイルが大きすぎます。10MBまでのファイルにしてください（写真なら画質を下げるか、1ページずつ撮ってください）。',
    en: 'The file is too large. Files may be up to 10 MB (for a photo, lower the quality or take one page at a time).',
    'ja-easy': 'ファイルが 大きすぎます。10MBまでです。',
  },
  badType: {
    ja: 'このファイルは受け付けられません。写真（JPEG・PNG）かPDFを送ってください。',
    en: 'This file cannot be accepted. Send a photo (JPEG, PNG) or a PDF.',
    'ja-easy': 'しゃしん（JPEG・PNG）か PDFを おくって ください。',
  },
  notFound: { ja: '見つかりません。', en: 'Not found.', 'ja-easy': 'ありません。' },
  unauthenticated: { ja: 'サインインが必要です。', en: 'You need to sign in.', 'ja-easy': 'サインイン してください。' },
  notNow: {
    ja: '今の状態では書類を追加できません。',
    en: 'Documents cannot be added in the application’s current status.',
    'ja-easy': '今は 書類を ふやせません。',
  },
  tooMany: {
    ja: `書類は1件の申請につき${MAX_DOCUMENTS_PER_APPLICATION}件までです。`,
    en: `At most ${MAX_DOCUMENTS_PER_APPLICATION} documents per application.`,
    'ja-easy': '書類が 多すぎます。',
  },
} satisfies Record<string, LocalizedText>;

function fail(res: Response, status: number, code: string, text: LocalizedText, locale: Locale): void {
  res
    .status(status)
    .set('cache-control', 'no-store')
    .json({ error: { code, message: text[locale], messages: text } });
}

/** Reads the body up to the limit; null when it is larger (the rest is not read). */
function readCapped(req: Request, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      if (over) return;
      size += c.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        resolve(null);
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => !over && resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function bearer(req: Request): string | null {
  const m = /^Bearer\s+(\S{1,2000})$/i.exec(req.headers.authorization?.trim() ?? '');
  return m ? m[1]! : null;
}

export function documentRoutes(orm: MikroORM, services: AppServices): Router {
  const router = express.Router();
  const app = () => applicationServices(services);

  router.post('/:applicationId/documents/:documentId', async (req, res, next) => {
    const locale = localeFromHeader(req.headers['accept-language']);
    try {
      const declared = Number(req.headers['content-length'] ?? NaN);
      if (Number.isFinite(declared) && declared > MAX_DOCUMENT_BYTES) {
        res.set('connection', 'close');
        return fail(res, 413, 'PAYLOAD_TOO_LARGE', T.tooLarge, locale);
      }
      const token = bearer(req);
      const em = orm.em.fork() as EntityManager;
      if (!token?.startsWith(SESSION_PREFIX)) return fail(res, 401, 'UNAUTHENTICATED', T.unauthenticated, locale);
      let who;
      try {
        who = await new FamilyAuth(em, services.auth.secret, locale).identify(token);
      } catch {
        return fail(res, 401, 'UNAUTHENTICATED', T.unauthenticated, locale);
      }
      const { applicationId, documentId } = req.params as { applicationId: string; documentId: string };
      const a = UUID.test(applicationId) ? await em.findOne(Application, { id: applicationId, record: who.recordId }) : null;
      const procedure = a ? app().procedures.get(a.procedureId, who.municipalityCode) : undefined;
      if (!a || !procedure || !procedure.documents.some((d) => d.id === documentId)) return fail(res, 404, 'NOT_FOUND', T.notFound, locale);
      // Documents may still come after submission (the receipt asks for them), until a decision.
      if (DECIDED.has(a.status)) return fail(res, 409, 'CONFLICT', T.notNow, locale);
      if ((await em.count(ApplicationDocument, { application: a })) >= MAX_DOCUMENTS_PER_APPLICATION) return fail(res, 409, 'CONFLICT', T.tooMany, locale);
      const body = await readCapped(req, MAX_DOCUMENT_BYTES);
      if (body === null) {
        res.set('connection', 'close');
        return fail(res, 413, 'PAYLOAD_TOO_LARGE', T.tooLarge, locale);
      }
      const type = sniff(body);
      if (!type) return fail(res, 415, 'UNSUPPORTED_MEDIA_TYPE', T.badType, locale);
      let bytes: Buffer;
      try {
        bytes = await cleaned(body, type);
      } catch {
        return fail(res, 415, 'UNSUPPORTED_MEDIA_TYPE', T.badType, locale);
      }
      const row = em.create(ApplicationDocument, {
        municipality: a.municipality,
        application: a,
        documentId,
        contentType: type,
        size: bytes.length,
        sealedKey: '',
      } as never);
      const { key, sealed } = sealDocument(bytes, row.id);
      row.sealedKey = keyringOf(em.getPlatform()).encrypt(key.toString('base64'));
      await app().documents.put(row.id, sealed);
      try {
        await em.flush();
      } catch (e) {
        await app().documents.remove(row.id);
        throw e;
      }
      res.status(201).set('cache-control', 'no-store').json({ id: row.id, documentId, contentType: type, size: bytes.length });
    } catch (e) {
      next(e);
    }
  });

  router.get('/documents/:id', async (req, res, next) => {
    const locale = localeFromHeader(req.headers['accept-language']);
    try {
      const token = bearer(req);
      const em = orm.em.fork() as EntityManager;
      const { id } = req.params as { id: string };
      const doc = UUID.test(id) ? await em.findOne(ApplicationDocument, { id }, { populate: ['application', 'application.record'] }) : null;
      if (!token) return fail(res, 401, 'UNAUTHENTICATED', T.unauthenticated, locale);
      let audit: AuditCollector | null = null;
      if (token.startsWith(SESSION_PREFIX)) {
        const who = await new FamilyAuth(em, services.auth.secret, locale).identify(token).catch(() => null);
        if (!who) return fail(res, 401, 'UNAUTHENTICATED', T.unauthenticated, locale);
        if (!doc || doc.application.record.id !== who.recordId) return fail(res, 404, 'NOT_FOUND', T.notFound, locale);
      } else {
        let viewer: Viewer;
        try {
          viewer = await new AuthService(em, services.auth, locale).viewerFor(`Bearer ${token}`);
        } catch (e) {
          if (e instanceof GraphQLError) return fail(res, 401, 'UNAUTHENTICATED', T.unauthenticated, locale);
          throw e;
        }
        const p =
          doc && viewer.kind === 'staff' && doc.municipality.code === viewer.municipalityCode
            ? app().procedures.get(doc.application.procedureId, viewer.municipalityCode)
            : undefined;
        if (!doc || viewer.kind !== 'staff' || !p || p.department !== viewer.department) return fail(res, 404, 'NOT_FOUND', T.notFound, locale);
        audit = new AuditCollector(viewer);
        audit.note(doc.application.record.id, viewer.municipalityCode, 'read', 'application-documents');
      }
      const bytes = openDocument(Buffer.from(decrypt(doc.sealedKey), 'base64'), await app().documents.get(doc.id), doc.id);
      // The audit entry is written before anything is sent: no document leaves without its trail.
      await audit?.flush(em, 'applicationDocument');
      res
        .status(200)
        .set({
          'content-type': doc.contentType,
          'content-disposition': `attachment; filename="${doc.documentId}"`,
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
          'content-security-policy': "default-src 'none'; sandbox",
        })
        .send(bytes);
    } catch (e) {
      next(e);
    }
  });
  return router;
}
