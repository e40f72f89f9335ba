import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays, apiError, badInput, type Locale, notFound, startOfJapanDay, type Viewer } from '../core';
import { ChatSession } from './chat.entity';
import { BAD_RANGE, BAD_SCORE, FORBIDDEN_TEXT, SESSION_NOT_FOUND, UUID } from './chat-limits';
import type { ChatSatisfaction } from './chat.types';

// A family's rating of a chat (1–5) and the ratings' summary for staff: no conversation logic here.

/** Stores a session's rating; refused for a score outside 1–5 or an unknown session. */
export async function rateSession(em: EntityManager, sessionId: string, score: number, locale: Locale): Promise<boolean> {
  if (!Number.isInteger(score) || score < 1 || score > 5) throw badInput([{ field: 'score', messages: BAD_SCORE }], locale);
  const session = UUID.test(sessionId) ? await em.findOne(ChatSession, { id: sessionId }) : null;
  if (!session) throw notFound(SESSION_NOT_FOUND, locale);
  session.satisfaction = score;
  await em.flush();
  return true;
}

/** Ratings of the sessions started from `from` to `to` (Japan dates, inclusive) in the viewer's municipality. */
export async function chatSatisfaction(em: EntityManager, viewer: Viewer, from: string, to: string, locale: Locale): Promise<ChatSatisfaction> {
  if (viewer.kind !== 'staff') throw apiError('FORBIDDEN', FORBIDDEN_TEXT, locale);
  if (to < from) throw badInput([{ field: 'to', messages: BAD_RANGE }], locale);
  const rows = await em.execute<{ satisfaction: number | null; n: string | number }[]>(
    'select satisfaction, count(*) as n from chat_session where municipality_code = ? and created_at >= ? and created_at < ? group by satisfaction',
    [viewer.municipalityCode, startOfJapanDay(from), startOfJapanDay(addDays(to, 1))],
  );
  const counts = [0, 0, 0, 0, 0];
  let sessions = 0;
  for (const r of rows) {
    const n = Number(r.n);
    sessions += n;
    if (r.satisfaction !== null) counts[r.satisfaction - 1]! += n;
  }
  const rated = counts.reduce((a, b) => a + b, 0);
  const sum = counts.reduce((a, n, i) => a + n * (i + 1), 0);
  return {
    sessions,
    rated,
    average: rated === 0 ? null : Math.round((sum / rated) * 100) / 100,
    distribution: counts.map((count, i) => ({ score: i + 1, count })),
  };
}
