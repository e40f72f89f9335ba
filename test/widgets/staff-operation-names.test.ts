import { beforeAll, describe, expect, it } from 'vitest';

type Names = typeof import('../../widgets/staff/operation-names.js', { with: { 'resolution-mode': 'import' } });
let operationName: Names['operationName'];
beforeAll(async () => {
  ({ operationName } = await import('../../widgets/staff/operation-names.js'));
});

describe('the audit log shows what was done, not internal operation names', () => {
  it('names the console’s operations in Japanese and English', () => {
    expect(operationName(0, 'StaffRecords')).toBe('個人票の一覧・検索');
    expect(operationName(0, 'StaffUpdateSection')).toBe('個人票の項目を更新');
    expect(operationName(1, 'StaffUpdateCase')).toBe('Case updated');
  });

  it('marks a name the console never sends as another system’s, and an unnamed one plainly', () => {
    expect(operationName(0, 'PartnerSync')).toBe('他システム: PartnerSync');
    expect(operationName(0, null)).toBe('（名前なし）');
  });
});
