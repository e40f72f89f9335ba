import { todayInJapan } from '../core';
import type { Locale } from '../core';
import { type Catalogue, evaluateAll, municipalityEvaluateOptions } from '../programme';
import type { ScenarioState } from './chat.entity';
import { fill, QR, T, yen } from './chat-texts';
import { type ChatReply, HandoffKind } from './chat.types';
import type { RankDoc } from './ranker';
import { ESTIMATE_PROGRAMMES, estimateHousehold, intakePayload } from './scenario';

// How the bot's replies are put together from the catalogue: pure functions of their arguments (no
// database, no session), so the service keeps only the order of decisions.

/** A reply before it is given its session. */
export type BotReply = Omit<ChatReply, 'sessionId'>;

/** A reply with up to five related programmes named in the family's language. */
export function buildReply(
  catalogue: Catalogue,
  texts: string[],
  l: Locale,
  code: string | null,
  programmes: readonly string[],
  quickReplies: ChatReply['quickReplies'],
): BotReply {
  const relatedProgrammes: ChatReply['relatedProgrammes'] = [];
  for (const id of programmes) {
    if (relatedProgrammes.length >= 5 || relatedProgrammes.some((p) => p.id === id)) continue;
    const p = catalogue.get(id, code ?? undefined);
    if (p) relatedProgrammes.push({ id, name: p.name[l] });
  }
  return {
    messages: texts.map((text) => ({ text })),
    quickReplies,
    relatedProgrammes,
    urgent: false,
    dangerCategory: null,
    hotlines: [],
    handoff: null,
    generated: false,
    locale: l,
  };
}

/** The allowance estimate at the end of the scenario, with the intake hand-off carrying the answers. */
export function estimateReply(catalogue: Catalogue, state: ScenarioState, l: Locale, code: string | null): BotReply {
  const household = estimateHousehold(state, todayInJapan());
  const results = evaluateAll(household, code ? municipalityEvaluateOptions(catalogue, code) : undefined);
  const lines = [T.estimateHead[l]];
  let total = 0;
  const shown: string[] = [];
  for (const id of ESTIMATE_PROGRAMMES) {
    const p = catalogue.get(id, code ?? undefined);
    const r = results.find((x) => x.programmeId === id);
    if (!p || !r) continue;
    shown.push(id);
    const monthly = r.amount?.monthly ?? null;
    if (r.status === 'NOT_ELIGIBLE') lines.push(fill(T.estimateNone[l], { name: p.name[l] }));
    else if (monthly === null) lines.push(fill(T.estimateAsk[l], { name: p.name[l] }));
    else {
      total += monthly;
      lines.push(fill(T.estimateLine[l], { name: p.name[l], amount: yen(monthly) }));
    }
  }
  lines.push(fill(T.estimateTotal[l], { amount: yen(total) }));
  return {
    ...buildReply(catalogue, [lines.join('\n'), T.estimateFoot[l]], l, code, shown, [
      { label: QR.intake[l], value: 'handoff:intake' },
      { label: QR.staff[l], value: 'handoff:staff' },
    ]),
    handoff: { kind: HandoffKind.INTAKE, url: null, payload: JSON.stringify(intakePayload(state)) },
  };
}

/** A topic's label for a quick reply: the programme's name, or the entry's question in the reply's script. */
export function topicLabel(doc: RankDoc, l: Locale): string {
  if (doc.programme) return doc.programme.name[l];
  const qs = doc.entry!.questions;
  return (l === 'en' ? qs.find((q) => /^[\x20-\x7e]+$/.test(q)) : qs.find((q) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(q))) ?? qs[0] ?? doc.id;
}
