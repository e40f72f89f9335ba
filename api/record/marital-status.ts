import { registerEnumType } from 'type-graphql';

/**
 * 婚姻・事実婚: whether the parent is married, in a de-facto marriage (事実婚 — living as a couple
 * without registering the marriage), or neither. Several programmes end on either kind of marriage
 * (児童扶養手当法 第3条第3項 counts 事実婚 as marriage), so both are asked and kept apart for staff.
 */
export enum MaritalStatus {
  MARRIED = 'married',
  DE_FACTO = 'de-facto',
  NOT_MARRIED = 'not-married',
}
registerEnumType(MaritalStatus, {
  name: 'MaritalStatus',
  description: '婚姻・事実婚. DE_FACTO (事実婚) counts as married for the programmes, as the law says.',
  valuesConfig: {
    MARRIED: { description: 'Legally married (婚姻).' },
    DE_FACTO: { description: 'Living as a married couple without registration (事実婚).' },
    NOT_MARRIED: { description: 'Neither married nor in a de-facto marriage.' },
  },
});

/** The engine's answer: married (either kind) true, not married false, unknown null. */
export function marriedOf(status: MaritalStatus | string | null | undefined): boolean | null {
  if (status === MaritalStatus.MARRIED || status === MaritalStatus.DE_FACTO) return true;
  if (status === MaritalStatus.NOT_MARRIED) return false;
  return null;
}
