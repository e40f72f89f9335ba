// npm run chat:eval — prints the chatbot's evaluation tables for the development set
// (test/chat/questions.yaml) and the held-out set (test/chat/heldout/), on the built API (dist/).
//   node test/chat/eval.mjs --misses dev|heldout   also lists the questions that went wrong
//   node test/chat/eval.mjs --only dev|heldout     one set only
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { evaluate, expectedAmount, loadSet, misses, report } = require('./evaluate.cjs');
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
if (!existsSync(join(root, 'dist/api/chat/chat.service.js'))) throw new Error('run `npm run build` first');
const { ChatService } = require('../../dist/api/chat/chat.service.js');
const { ChatKnowledge } = require('../../dist/api/chat/knowledge.js');
const { T } = require('../../dist/api/chat/chat-texts.js');
const { SEEDS_DIR } = require('../../dist/api/core/paths.js');
const { loadCatalogue } = require('../../dist/api/programme/catalogue/index.js');
const rules = require('../../dist/api/programme/rules/index.js');

const catalogue = loadCatalogue(join(SEEDS_DIR, 'programmes'));
const knowledge = ChatKnowledge.load(join(SEEDS_DIR, 'chatbot'), catalogue);
const service = new ChatService(null, { knowledge, catalogue, municipalities: null }, 'ja');
const fns = {
  respond: (q) => service.respond(q, 'ja', null, null).reply,
  classify: (q) => knowledge.danger.classify(q),
  maybe: Object.values(T.maybe),
  amount: (item) => expectedAmount(item, rules),
};
const which = process.argv.includes('--misses') ? process.argv[process.argv.indexOf('--misses') + 1] : null;
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
for (const [name, set] of [
  ['Development set (test/chat/questions.yaml)', 'dev'],
  ['Held-out set (test/chat/heldout/)', 'heldout'],
]) {
  if (only && only !== set) continue;
  const s = evaluate(loadSet(here, set), fns);
  console.log(`${report(name, s)}\n`);
  if (which === set) console.log(`misses:\n  ${misses(s).join('\n  ')}\n`);
}
