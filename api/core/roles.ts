import { registerEnumType } from 'type-graphql';

/** Roles inside a department. */
export enum StaffRole {
  /** Reads and writes what the department may. */
  CASEWORKER = 'caseworker',
  /** Reads what the department may. */
  VIEWER = 'viewer',
  /** A caseworker who also reads the audit log. */
  SUPERVISOR = 'supervisor',
  /** Manages staff and policy for the municipality. */
  ADMIN = 'admin',
}

registerEnumType(StaffRole, { name: 'StaffRole' });
