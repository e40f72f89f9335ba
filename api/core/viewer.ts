import type { DepartmentCode } from './departments';
import type { StaffRole } from './roles';

/** Who is asking. Computed once per request from the bearer token (auth/). */
export type Viewer =
  | { kind: 'anonymous' }
  | {
      kind: 'staff';
      staffId: string;
      name: string;
      municipalityCode: string;
      department: DepartmentCode;
      departmentId: string;
      role: StaffRole;
      tokenId: string;
      tokenExpiresAt: Date;
    }
  | { kind: 'partner'; partnerId: string; name: string; municipalityCode: string; tokenId: string };

export type SignedInViewer = Exclude<Viewer, { kind: 'anonymous' }>;

export const ANONYMOUS: Viewer = { kind: 'anonymous' };
