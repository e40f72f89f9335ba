import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, getVariableValues, parse } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';

type Model = typeof import('../../widgets/intake/model.js', { with: { 'resolution-mode': 'import' } });
let m: Model;
beforeAll(async () => {
  m = await import('../../widgets/intake/model.js');
});

// Which notice channels the intake form offers and sends (issue 16), from the contact answers.
describe('intake: notice channels offered and sent', () => {
  const base = () => ({ ...m.empty(), postal: '1234567', key: m.uuid(), want: 'y' as const });

  it('offers e-mail with an e-mail address, SMS and a call with a phone number, and LINE; nothing without contact', () => {
    expect(m.notifyOptions({ ...base(), ch: 'EMAIL', email: 'hana@example.jp' })).toEqual(['EMAIL', 'LINE']);
    expect(m.notifyOptions({ ...base(), ch: 'PHONE', phone: '090-1234-5678' })).toEqual(['SMS', 'PHONE', 'LINE']);
    expect(m.notifyOptions({ ...base(), ch: 'PHONE', phone: '' })).toEqual(['LINE']);
    expect(m.notifyOptions({ ...base(), want: 'n', ch: 'PHONE', phone: '090-1234-5678' })).toEqual([]);
  });

  it('with DV named, offers only what the API would use: no e-mail or LINE, SMS when safe, a call with safe times', () => {
    const dv = { ...base(), concerns: ['DV'] };
    expect(m.notifyOptions({ ...dv, ch: 'EMAIL', email: 'hana@example.jp' })).toEqual([]);
    expect(m.notifyOptions({ ...dv, ch: 'PHONE', phone: '090-1234-5678' })).toEqual([]);
    expect(m.notifyOptions({ ...dv, ch: 'PHONE', phone: '090-1234-5678', sms: 'y' })).toEqual(['SMS']);
    expect(m.notifyOptions({ ...dv, ch: 'PHONE', phone: '090-1234-5678', safeTimes: '平日10-12時' })).toEqual(['PHONE']);
  });

  it('sends only ticked channels still offered, in an input the schema accepts; none ticked sends no field', () => {
    const schema = buildSchema(readFileSync(join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8'));
    const op = parse(m.SUBMIT).definitions[0];
    if (op?.kind !== 'OperationDefinition') throw new Error('no operation');
    // E-mail was ticked, then the family switched to a phone number: e-mail is no longer sent.
    const a = { ...base(), ch: 'PHONE' as const, phone: '090-1234-5678', notify: ['EMAIL', 'LINE', 'SMS'] };
    const input = m.intakeInput(a, '999999', '2026-04', '');
    expect(input.outreachChannels).toEqual(['SMS', 'LINE']);
    expect(getVariableValues(schema, op.variableDefinitions ?? [], { input }).errors ?? []).toEqual([]);
    expect('outreachChannels' in m.intakeInput({ ...a, notify: [] }, '999999', '2026-04', '')).toBe(false);
    expect('outreachChannels' in m.intakeInput({ ...a, want: 'n' }, '999999', '2026-04', '')).toBe(false);
    // A tampered saved state (not an array) sends nothing rather than failing.
    expect('outreachChannels' in m.intakeInput({ ...a, notify: 'EMAIL' as never }, '999999', '2026-04', '')).toBe(false);
  });
});
