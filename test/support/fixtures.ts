import type { EntityManager } from '@mikro-orm/postgresql';
import { hashPassword } from '../../api/staff/password';
import { DEPARTMENT_CODES, DepartmentCode } from '../../api/core/departments';
import { Department } from '../../api/municipality/department.entity';
import { Municipality } from '../../api/municipality/municipality.entity';
import { PersonalRecord } from '../../api/record/personal-record.entity';
import { StaffMember } from '../../api/staff/staff-member.entity';
import { StaffRole } from '../../api/core/roles';
import { TEST_PASSWORD } from './app';

/** A second, fictional municipality with the six departments, a caseworker each (`<code>@<muni>.test`) and one record. */
export async function addMunicipality(em: EntityManager, code: string): Promise<{ recordId: string; email: (d: DepartmentCode) => string }> {
  // Signs in with a password alone, like the demo (two-factor sign-in has its own tests: test/accounts).
  const municipality = em.create(Municipality, { code, name: `テスト市${code}`, allowedOrigins: [], createdAt: new Date(), requireTwoFactor: false });
  const hash = await hashPassword(TEST_PASSWORD);
  const email = (d: DepartmentCode) => `${d}@m${code}.test`;
  for (const dcode of DEPARTMENT_CODES) {
    const department = em.create(Department, { municipality, code: dcode, name: dcode });
    em.create(StaffMember, { municipality, department, name: `職員${dcode}`, email: email(dcode), role: StaffRole.CASEWORKER, passwordHash: hash } as never);
  }
  const record = em.create(PersonalRecord, {
    municipality,
    referenceNumber: 'ZZZZ-ZZZZ',
    identity: { familyName: '隣町', givenName: '太郎' },
    searchName: '隣町太郎|',
    sharedWith: DEPARTMENT_CODES.filter((d) => d !== DepartmentCode.SINGLE_PARENT),
    createdAt: new Date(),
    updatedAt: new Date(),
  } as never);
  await em.flush();
  return { recordId: record.id, email };
}
