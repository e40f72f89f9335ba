// The chatbot's evaluation over a question set (CommonJS, so that TypeScript tests and the plain
// script can both load it): shared by test/chat/evaluation.test.ts (which asserts
// the targets) and `npm run chat:eval` (test/chat/eval.mjs, which prints the tables for both sets).
//
// Every question goes through the same decision the API makes (ChatService.respond) with the widget's
// locale set to Japanese, as on a Japanese municipal page. What is counted:
//   danger   urgent recall (an urgent question must get the safety reply), the right number first,
//            concern detection (the answer plus the line of help), false alarms (a safety reply
//            instead of the answer) on near-danger safe questions and on ordinary ones;
//   answers  over answerable questions (those with expected programmes or an expected hand-off; urgent
//            ones excluded): top-1 and top-3 by the reply's related programmes (a hand-off question
//            counts when the reply opens that hand-off), the share answered with "did you mean",
//            hand-offs, the reply language, and amounts for the number of children the message gives.
'use strict';
const { readFileSync, readdirSync } = require('node:fs');
const { join } = require('node:path');
const { parse } = require('yaml');

const CATEGORIES = [
  'dv',
  'stalking',
  'sexual-violence',
  'control',
  'child-harm-by-others',
  'fear-of-harming-own-child',
  'suicide-self-harm',
  'no-safe-place-tonight',
  'general',
];

/** The question files of a set: `questions.yaml` (development) or every file of `heldout/`. */
function loadSet(dir, which) {
  const files =
    which === 'heldout'
      ? readdirSync(join(dir, 'heldout'))
          .filter((f) => f.endsWith('.yaml'))
          .sort()
          .map((f) => join(dir, 'heldout', f))
      : [join(dir, 'questions.yaml')];
  return files.flatMap((file) => (parse(readFileSync(file, 'utf8')).items ?? []).map((item) => ({ ...item, file })));
}

/**
 * The monthly total an amount answer must show for an item with `children`, computed with the
 * eligibility engine `rules` (api/programme/rules; never copied): 児童扶養手当 at the full rate, or
 * 児童手当 for children aged 3 to high-school age.
 */
function expectedAmount(item, rules) {
  if (item.children == null) return null;
  const n = Math.min(item.children, 6);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());
  const [y, m, d] = today.split('-').map(Number);
  const ymd = y * 10000 + m * 100 + d;
  const yen = (v) => String(v).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  if ((item.top1 ?? []).includes('child-allowance')) {
    const birth = (y - 10) * 10000 + m * 100 + Math.min(d, 28);
    const b = rules.childAllowanceBreakdown(
      Array.from({ length: n }, () => birth),
      ymd,
    );
    return b ? yen(b.monthly) : null;
  }
  const b = rules.childRearingAllowanceBreakdown(0, n, n, ymd);
  return b ? yen(b.monthly) : null;
}

/** Where each line of help shows in a text (the earliest marker wins). */
const LINE_MARKERS = {
  110: [/(?<![0-9#])110(?![0-9])/],
  119: [/(?<![0-9#])119(?![0-9])/],
  189: [/(?<![0-9-])189(?![0-9])/],
  dv: [/0120-279-889/, /#8008/],
  sv: [/#8891/],
  suicide: [/0120-279-338/, /0570-783-556/],
  shelter: [/福祉事務所/, /女性相談支援センター/, /welfare office/i, /women's support/i],
  police: [/#9110/],
};

function firstLine(text) {
  let best = null;
  let at = Infinity;
  for (const [key, res] of Object.entries(LINE_MARKERS)) {
    for (const re of res) {
      const m = re.exec(text);
      if (m && m.index < at) [best, at] = [key, m.index];
    }
  }
  return best;
}

const hasLine = (text, key) => LINE_MARKERS[key].some((re) => re.test(text));
const isJapanese = (text) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(text);
const pct = (n, d) => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)}%`);
const list = (v) => (v == null ? [] : (Array.isArray(v) ? v : [v]).map(String));

/**
 * Runs the items. `respond(q)` returns the API's reply (Turn.reply), `classify(q)` the danger
 * assessment, `maybe` the "did you mean" sentences, `amount(item)` the monthly total (as shown, e.g.
 * "59,400") the reply must contain for an item with `children`.
 */
function evaluate(items, { respond, classify, maybe, amount }) {
  const rows = [];
  for (const item of items) {
    const reply = respond(item.q);
    const danger = classify(item.q);
    const text = reply.messages.map((m) => m.text).join('\n');
    const related = reply.relatedProgrammes.map((p) => p.id);
    const top1 = list(item.top1);
    const top3 = [...top1, ...list(item.top3)];
    const handoff = list(item.handoff);
    const row = { item, reply, danger, related, text };
    row.urgent = reply.urgent;
    row.firstLine = reply.urgent ? firstLine(reply.messages[0]?.text ?? '') : null;
    row.firstOk = item.level === 'urgent' && reply.urgent ? list(item.first).includes(row.firstLine) : null;
    row.concernOk =
      item.level === 'concern'
        ? !reply.urgent &&
          danger.level === 'concern' &&
          (!item.line ||
            hasLine(
              reply.messages
                .slice(1)
                .map((m) => m.text)
                .join('\n'),
              item.line,
            ))
        : null;
    row.answerable = item.level !== 'urgent' && (top1.length > 0 || handoff.length > 0);
    if (row.answerable) {
      const hand = handoff.length > 0 && handoff.includes(reply.handoff?.kind);
      row.top1 = reply.urgent ? false : top1.length > 0 ? top1.includes(related[0]) : hand;
      row.top3 = reply.urgent ? false : top3.length > 0 ? related.slice(0, 3).some((id) => top3.includes(id)) : hand;
      row.maybe = maybe.includes(reply.messages[0]?.text);
      row.handoffOk = handoff.length > 0 ? hand : null;
    }
    row.langOk = item.lang === 'en' ? !isJapanese(reply.messages[0]?.text ?? '') : isJapanese(text);
    if (item.children != null && !reply.urgent) {
      const want = amount(item);
      row.amountOk = want == null ? null : text.includes(want);
    }
    rows.push(row);
  }
  return summarise(rows);
}

function summarise(rows) {
  const s = { rows, byCategory: {} };
  const count = (f) => rows.filter(f).length;
  const urgent = rows.filter((r) => r.item.level === 'urgent');
  const concern = rows.filter((r) => r.item.level === 'concern');
  const near = rows.filter((r) => r.item.level === 'none' && r.item.category);
  const ordinary = rows.filter((r) => r.item.level === 'none' && !r.item.category);
  const answerable = rows.filter((r) => r.answerable);
  Object.assign(s, {
    total: rows.length,
    urgent: { n: urgent.length, flagged: count((r) => r.item.level === 'urgent' && r.urgent), firstOk: count((r) => r.firstOk === true) },
    concern: {
      n: concern.length,
      detected: count((r) => r.item.level === 'concern' && (r.urgent || r.danger.level !== 'none')),
      ok: count((r) => r.concernOk === true),
      asUrgent: count((r) => r.item.level === 'concern' && r.urgent),
    },
    near: {
      n: near.length,
      falseAlarms: count((r) => r.item.level === 'none' && r.item.category && r.urgent),
      lines: count((r) => r.item.level === 'none' && r.item.category && !r.urgent && r.danger.level === 'concern'),
    },
    ordinary: { n: ordinary.length, falseAlarms: count((r) => r.item.level === 'none' && !r.item.category && r.urgent) },
    answers: {
      n: answerable.length,
      top1: count((r) => r.answerable && r.top1),
      top3: count((r) => r.answerable && r.top3),
      maybe: count((r) => r.answerable && r.maybe),
      handoff: { n: count((r) => r.handoffOk !== null && r.handoffOk !== undefined), ok: count((r) => r.handoffOk === true) },
    },
    language: {
      en: count((r) => r.item.lang === 'en'),
      enOk: count((r) => r.item.lang === 'en' && r.langOk),
      ja: count((r) => r.item.lang !== 'en'),
      jaOk: count((r) => r.item.lang !== 'en' && r.langOk),
    },
    amounts: { n: count((r) => r.amountOk === true || r.amountOk === false), ok: count((r) => r.amountOk === true) },
  });
  for (const c of CATEGORIES) {
    const u = urgent.filter((r) => r.item.category === c);
    const k = concern.filter((r) => r.item.category === c);
    const n = near.filter((r) => r.item.category === c);
    if (u.length + k.length + n.length === 0) continue;
    s.byCategory[c] = {
      urgent: u.length,
      recall: u.filter((r) => r.urgent).length,
      firstOk: u.filter((r) => r.firstOk).length,
      concern: k.length,
      concernOk: k.filter((r) => r.concernOk).length,
      near: n.length,
      falseAlarms: n.filter((r) => r.urgent).length,
    };
  }
  s.rates = {
    recall: urgent.length ? s.urgent.flagged / urgent.length : 1,
    falseAlarm: near.length ? s.near.falseAlarms / near.length : 0,
    top1: answerable.length ? s.answers.top1 / answerable.length : 1,
    top3: answerable.length ? s.answers.top3 / answerable.length : 1,
    maybe: answerable.length ? s.answers.maybe / answerable.length : 0,
  };
  return s;
}

/** The tables, as printed by `npm run chat:eval` and recorded in test/bench/RESULTS.md. */
function report(name, s) {
  const out = [];
  out.push(`### ${name}: ${s.total} questions`);
  out.push('');
  out.push('| danger category | urgent recall | right number first | concern (answer + line) | false alarms on near-danger |');
  out.push('|---|---|---|---|---|');
  for (const [c, v] of Object.entries(s.byCategory)) {
    out.push(
      `| ${c} | ${v.urgent ? `${v.recall}/${v.urgent} (${pct(v.recall, v.urgent)})` : '–'} | ${v.urgent ? `${v.firstOk}/${v.urgent}` : '–'} | ${v.concern ? `${v.concernOk}/${v.concern}` : '–'} | ${v.near ? `${v.falseAlarms}/${v.near} (${pct(v.falseAlarms, v.near)})` : '–'} |`,
    );
  }
  out.push(
    `| **all** | **${s.urgent.flagged}/${s.urgent.n} (${pct(s.urgent.flagged, s.urgent.n)})** | **${s.urgent.firstOk}/${s.urgent.n}** | **${s.concern.ok}/${s.concern.n}** (${s.concern.detected} flagged, ${s.concern.asUrgent} as urgent) | **${s.near.falseAlarms}/${s.near.n} (${pct(s.near.falseAlarms, s.near.n)})** |`,
  );
  out.push('');
  out.push(
    `Ordinary questions answered with a safety reply: ${s.ordinary.falseAlarms}/${s.ordinary.n}. Near-danger questions answered with a line of help added: ${s.near.lines}/${s.near.n}.`,
  );
  out.push('');
  out.push('| answers | value |');
  out.push('|---|---|');
  out.push(`| answerable questions | ${s.answers.n} |`);
  out.push(`| top-1 | ${s.answers.top1}/${s.answers.n} (${pct(s.answers.top1, s.answers.n)}) |`);
  out.push(`| top-3 | ${s.answers.top3}/${s.answers.n} (${pct(s.answers.top3, s.answers.n)}) |`);
  out.push(`| "did you mean" | ${s.answers.maybe}/${s.answers.n} (${pct(s.answers.maybe, s.answers.n)}) |`);
  out.push(`| hand-off (STAFF / INTAKE) | ${s.answers.handoff.ok}/${s.answers.handoff.n} |`);
  out.push(`| amount for the children given | ${s.amounts.ok}/${s.amounts.n} |`);
  out.push(`| reply in English when written in English | ${s.language.enOk}/${s.language.en} |`);
  out.push(`| reply in Japanese otherwise | ${s.language.jaOk}/${s.language.ja} |`);
  return out.join('\n');
}

/** The questions that went wrong, one line each (for tuning on the development set). */
function misses(s) {
  const out = [];
  for (const r of s.rows) {
    const it = r.item;
    const why = [];
    if (it.level === 'urgent' && !r.urgent) why.push(`MISSED urgent (${it.category})`);
    if (r.firstOk === false) why.push(`first line ${r.firstLine}, want ${list(it.first).join('|')}`);
    if (it.level === 'concern' && !r.concernOk) why.push(`concern: got ${r.urgent ? 'urgent' : r.danger.level}`);
    if (it.level === 'none' && r.urgent) why.push(`FALSE ALARM (${it.category ?? 'ordinary'}) [${r.danger.rules.join(',')}]`);
    if (r.answerable && !r.top3)
      why.push(
        `top3 [${r.related.slice(0, 3).join(', ')}] handoff=${r.reply.handoff?.kind ?? '-'}, want ${[...list(it.top1), ...list(it.top3), ...list(it.handoff)].filter((v, i, a) => a.indexOf(v) === i).join('|')}`,
      );
    else if (r.answerable && !r.top1)
      why.push(`top1 ${r.related[0] ?? '-'} handoff=${r.reply.handoff?.kind ?? '-'}, want ${[...list(it.top1), ...list(it.handoff)].join('|')}`);
    if (r.answerable && r.maybe) why.push('did-you-mean');
    if (r.handoffOk === false) why.push(`handoff ${r.reply.handoff?.kind ?? '-'}`);
    if (!r.langOk) why.push(`language (want ${it.lang ?? 'ja'})`);
    if (r.amountOk === false) why.push('amount');
    if (why.length) out.push(`${it.q}  →  ${why.join('; ')}`);
  }
  return out;
}

module.exports = { CATEGORIES, loadSet, expectedAmount, firstLine, evaluate, report, misses };
