import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccessGate } from '../access';
import { badInput, DEPARTMENT_CODES, InputChecker, StaffRole, type DepartmentCode } from '../core';
import { Department, Municipality } from '../municipality';
import { recordAdminEvent } from './admin-events';

const T = {
  name: {
    ja: '部署名は1〜50文字で入力してください。',
    en: 'The department name must have 1 to 50 characters.',
    'ja-easy': '部署の 名前を 1〜50文字で 書いて ください。',
  },
  missing: {
    ja: 'この自治体にはこの部署がありません。先に追加してください。',
    en: 'Your municipality has no such department; add it first.',
    'ja-easy': 'この 部署は まだ ありません。',
  },
  exists: {
    ja: 'この部署はすでにあります。名前の変更を使ってください。',
    en: 'This department exists already; rename it instead.',
    'ja-easy': 'この 部署は もう あります。',
  },
};

/**
 * The departments of the municipality and their local names (子ども家庭課, 福祉総務課 …), as its admins
 * keep them: renamed, or one of the six added that the municipality did not have. Removing one is not
 * offered (staff, cases and consents name it). Every change in the administration trail.
 */
export class DepartmentAdmin {
  constructor(
    private readonly em: EntityManager,
    private readonly gate: AccessGate,
  ) {}

  /** Any staff member may read the list (the names appear on every screen). */
  list(): Promise<Department[]> {
    const v = this.gate.staff();
    return this.em
      .find(Department, { municipality: v.municipalityCode })
      .then((rows) => rows.sort((a, b) => DEPARTMENT_CODES.indexOf(a.code) - DEPARTMENT_CODES.indexOf(b.code)));
  }

  private name(value: string): string {
    const c = new InputChecker(this.gate.today);
    const name = c.text('input.name', value, { ja: '部署名', en: 'Name' }, 50);
    if (!name || !c.ok) throw badInput([{ field: 'input.name', messages: T.name }], this.gate.locale);
    return name;
  }

  async rename(code: DepartmentCode, value: string): Promise<Department> {
    const v = this.gate.staff([StaffRole.ADMIN]);
    const name = this.name(value);
    const d = await this.em.findOne(Department, { municipality: v.municipalityCode, code });
    if (!d) throw badInput([{ field: 'input.department', messages: T.missing }], this.gate.locale);
    if (d.name !== name) {
      recordAdminEvent(this.em, v.municipalityCode, { id: v.staffId, name: v.name }, 'department.renamed', d.id, `department ${code}`);
      d.name = name;
      await this.em.flush();
    }
    return d;
  }

  async add(code: DepartmentCode, value: string): Promise<Department> {
    const v = this.gate.staff([StaffRole.ADMIN]);
    const name = this.name(value);
    if (await this.em.count(Department, { municipality: v.municipalityCode, code }))
      throw badInput([{ field: 'input.department', messages: T.exists }], this.gate.locale);
    const d = this.em.create(Department, { municipality: this.em.getReference(Municipality, v.municipalityCode), code, name });
    await this.em.flush();
    recordAdminEvent(this.em, v.municipalityCode, { id: v.staffId, name: v.name }, 'department.added', d.id, `department ${code}`);
    await this.em.flush();
    return d;
  }
}
