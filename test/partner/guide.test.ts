import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../api/access/policy';
import { MAX_PAGE_SIZE } from '../../api/core/connection';
import { CLIENT_CODES } from '../../api/server/format-error';
import { ROOT_DIR, SEEDS_DIR } from '../../api/core/paths';
import { PRODUCTION_LIMITS } from '../../api/limits';
import { buildApiSchema } from '../../api/server/schema/build';

/** docs/partners.md says what the API does: its codes, queries, partner column and limits are checked here. */
const GUIDE = readFileSync(join(ROOT_DIR, 'docs', 'partners.md'), 'utf8');

/** Rows of the markdown table whose header row starts with `| <first> |`. */
function tableRows(first: string): string[][] {
  const lines = GUIDE.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`| ${first} |`));
  expect(start, `table starting with "${first}"`).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  for (let i = start + 2; i < lines.length && lines[i]!.startsWith('|'); i++)
    rows.push(
      lines[i]!.split('|')
        .slice(1, -1)
        .map((c) => c.trim()),
    );
  return rows;
}

describe('docs/partners.md', () => {
  it('lists in its error table exactly the codes the API returns', () => {
    const documented = tableRows('code')
      .map((r) => r[0]!.replace(/`/g, ''))
      .sort();
    // Codes raised outside GraphQL (limits answered by the HTTP layer) or set directly in api/: found in the source.
    const raised = new Set<string>([...CLIENT_CODES, 'INTERNAL_SERVER_ERROR']);
    const scan = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) scan(path);
        else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.docs.ts')) {
          const text = readFileSync(path, 'utf8');
          for (const m of text.matchAll(/limitError\(\w+, \d+, '([A-Z_]+)'|\bcode: '([A-Z_]+)'|apiError\('([A-Z_]+)'/g)) raised.add((m[1] ?? m[2] ?? m[3])!);
        }
      }
    };
    scan(join(ROOT_DIR, 'api'));
    expect(raised.has('PAYLOAD_TOO_LARGE')).toBe(true);
    expect(documented).toEqual([...raised].sort());
  });

  it('shows only GraphQL that is valid against the schema', () => {
    const blocks = [...GUIDE.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    const schema = buildApiSchema();
    for (const block of blocks)
      expect(
        validate(schema, parse(block)).map((e) => e.message),
        block,
      ).toEqual([]);
  });

  it('states the partner column of the default policy as seeds/policy/default.yaml has it', () => {
    const policy = parsePolicy(readFileSync(join(SEEDS_DIR, 'policy', 'default.yaml'), 'utf8'), 'default.yaml');
    const partner = policy.get('partner')!;
    const rows = tableRows('section');
    expect(rows.map((r) => r[0]!.split(' ')[0]!.replace(/`/g, '')).sort()).toEqual([...partner.keys()].sort());
    for (const row of rows) {
      const section = row[0]!.split(' ')[0]!.replace(/`/g, '');
      expect(row[2]!.startsWith('✓'), section).toBe(partner.get(section as never)!.read);
    }
  });

  it('gives the limits the API enforces by default', () => {
    const limit = (what: string) => tableRows('what').find((r) => r[0]!.includes(what))![1]!;
    expect(limit('first')).toBe(`1–${MAX_PAGE_SIZE} (else \`BAD_USER_INPUT\` on \`first\`)`);
    expect(limit('depth')).toBe(`${PRODUCTION_LIMITS.maxDepth} levels`);
    expect(limit('cost')).toMatch(new RegExp(`^${PRODUCTION_LIMITS.maxCost} `));
    expect(limit('aliases')).toBe(String(PRODUCTION_LIMITS.maxAliases));
    expect(limit('tokens')).toBe(String(PRODUCTION_LIMITS.maxTokens));
    expect(limit('directives')).toBe(String(PRODUCTION_LIMITS.maxDirectives));
    expect(limit('request body')).toBe(`${PRODUCTION_LIMITS.requestBodyBytes / 1024} KB (\`PAYLOAD_TOO_LARGE\`)`);
    expect(limit('response body')).toBe(`${PRODUCTION_LIMITS.responseBytes / 1024 / 1024} MB (\`RESPONSE_TOO_LARGE\`)`);
  });
});
