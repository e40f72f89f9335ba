import { registerEnumType } from 'type-graphql';

/** Department codes (docs/design.md). `single-parent` owns every record. */
export enum DepartmentCode {
  SINGLE_PARENT = 'single-parent',
  LIVELIHOOD_SUPPORT = 'livelihood-support',
  FAMILY_REGISTER = 'family-register',
  PUBLIC_HOUSING = 'public-housing',
  LONG_TERM_CARE = 'long-term-care',
  DISABILITY_WELFARE = 'disability-welfare',
}

export const OWNER_DEPARTMENT = DepartmentCode.SINGLE_PARENT;

/** Marker stored in a record's `sharedWith` (beside department codes) for consent to share with referred partner NPOs. */
export const PARTNERS_CONSENT = 'partners';
export const DEPARTMENT_CODES: readonly DepartmentCode[] = Object.values(DepartmentCode);

export const DEPARTMENT_NAMES: Record<DepartmentCode, { ja: string; en: string }> = {
  [DepartmentCode.SINGLE_PARENT]: { ja: 'ひとり親支援担当課', en: 'Single-Parent Support Division' },
  [DepartmentCode.LIVELIHOOD_SUPPORT]: { ja: '生活困窮担当課', en: 'Livelihood Support Division' },
  [DepartmentCode.FAMILY_REGISTER]: { ja: '戸籍担当課', en: 'Family Register Division' },
  [DepartmentCode.PUBLIC_HOUSING]: { ja: '公営住宅担当課', en: 'Public Housing Division' },
  [DepartmentCode.LONG_TERM_CARE]: { ja: '介護担当課', en: 'Long-Term Care Division' },
  [DepartmentCode.DISABILITY_WELFARE]: { ja: '障害担当課', en: 'Disability Welfare Division' },
};

export function isDepartmentCode(value: string): value is DepartmentCode {
  return (DEPARTMENT_CODES as readonly string[]).includes(value);
}

registerEnumType(DepartmentCode, {
  name: 'DepartmentCode',
  description:
    'A department of the municipality. Records belong to ひとり親支援担当課 (SINGLE_PARENT); another department reads a record only when the family consented to share it with that department, and then only the sections the access policy grants it.',
});
