import { registerEnumType } from 'type-graphql';

/** The statuses of docs/design.md ("Online applications"). */
export enum ApplicationStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  IN_REVIEW = 'IN_REVIEW',
  INFO_REQUESTED = 'INFO_REQUESTED',
  ACCEPTED = 'ACCEPTED',
  NOT_ACCEPTED = 'NOT_ACCEPTED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(ApplicationStatus, {
  name: 'ApplicationStatus',
  description: 'Where an online application (オンライン申請) stands.',
  valuesConfig: {
    DRAFT: { description: 'Being filled in by the family; staff do not see it.' },
    SUBMITTED: { description: 'Sent by the family, waiting for staff.' },
    IN_REVIEW: { description: 'A staff member is reviewing it.' },
    INFO_REQUESTED: { description: 'Staff asked the family for more information.' },
    ACCEPTED: { description: 'Accepted (受理); corrected record fields were written back.' },
    NOT_ACCEPTED: { description: 'Not accepted, with a reason.' },
    WITHDRAWN: { description: 'Withdrawn by the family.' },
  },
});

export enum ApplicationActor {
  FAMILY = 'family',
  STAFF = 'staff',
}
registerEnumType(ApplicationActor, {
  name: 'ApplicationActor',
  description: 'Who made a change: the family or a staff member.',
  valuesConfig: { FAMILY: { description: 'The family, on its page.' }, STAFF: { description: 'A staff member.' } },
});

type Who = 'family' | 'staff';

/**
 * Every allowed change, and who may make it. Anything else is refused with CONFLICT: a decided
 * application is never reopened, and the family never decides.
 */
const TRANSITIONS: Record<ApplicationStatus, Partial<Record<ApplicationStatus, Who>>> = {
  DRAFT: { SUBMITTED: 'family', WITHDRAWN: 'family' },
  SUBMITTED: { IN_REVIEW: 'staff', INFO_REQUESTED: 'staff', ACCEPTED: 'staff', NOT_ACCEPTED: 'staff', WITHDRAWN: 'family' },
  IN_REVIEW: { INFO_REQUESTED: 'staff', ACCEPTED: 'staff', NOT_ACCEPTED: 'staff', WITHDRAWN: 'family' },
  INFO_REQUESTED: { SUBMITTED: 'family', WITHDRAWN: 'family', NOT_ACCEPTED: 'staff' },
  ACCEPTED: {},
  NOT_ACCEPTED: {},
  WITHDRAWN: {},
};

export function mayChange(from: ApplicationStatus, to: ApplicationStatus, who: Who): boolean {
  return TRANSITIONS[from][to] === who;
}

/** Statuses in which the family may still change its answers. */
export const EDITABLE: ReadonlySet<ApplicationStatus> = new Set([ApplicationStatus.DRAFT, ApplicationStatus.INFO_REQUESTED]);
export const DECIDED: ReadonlySet<ApplicationStatus> = new Set([ApplicationStatus.ACCEPTED, ApplicationStatus.NOT_ACCEPTED, ApplicationStatus.WITHDRAWN]);
