import type { SchemaDocs } from '../core';

/** Descriptions of staff (職員) administration. */
export const STAFF_DOCS: SchemaDocs = {
  StaffMember: {
    fields: {
      id: 'Identifier of the staff member.',
      name: '氏名 — full name as colleagues and the audit log see it.',
      email: 'E-mail address, used to sign in.',
      department: 'The department the member works in.',
      role: 'What the member may do in the department.',
    },
  },
  StaffRole: {
    description: '役割 — what a staff member may do in their department.',
    values: {
      ADMIN: '管理者 — manages staff and allowed origins for the municipality; in ひとり親支援担当課 also reads the audit log and issues partner tokens.',
      CASEWORKER: '担当者 — reads and writes what the department may.',
      SUPERVISOR: '監督者 — a caseworker who, in ひとり親支援担当課, also reads the audit log and issues partner tokens.',
      VIEWER: '閲覧者 — reads what the department may, changes nothing.',
    },
  },
  CreateStaffMemberInput: {
    description: 'A new staff member (admins).',
    fields: {
      department: 'The department.',
      email: 'E-mail address (unique); used to sign in.',
      name: '氏名 — full name (at most 100 characters).',
      role: 'Role in the department.',
    },
  },
  UpdateStaffMemberInput: {
    description: 'A change to a staff member; fields left out stay as they are.',
    fields: { id: 'The staff member (`StaffMember.id`).', department: 'Move to this department.', role: 'Change to this role.' },
  },
  Mutation: {
    fields: {
      createStaffMember: {
        description:
          'Add a staff member (admins) with no password: the account waits, as an invitation does, until the person joins with a link from `issuePasswordResetLink`. A password is BAD_USER_INPUT on `input.password` (nobody chooses a password for someone else); an e-mail address already in use is BAD_USER_INPUT on `input.email`.',
        args: { input: 'The new member.' },
      },
      updateStaffMember: {
        description:
          'Change role or department, or disable (admins). An admin cannot disable or demote themself. A password is BAD_USER_INPUT on `input.password`: issue a reset link instead.',
        args: { input: 'The member and what changes.' },
      },
    },
  },
};
