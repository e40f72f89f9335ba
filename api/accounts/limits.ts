import type { LoginGuard } from '../auth';
import type { Context } from '../server/context';

/** Enrolment checks the password like a sign-in does: the same limits per client address and per account. */
export const StaffLoginLimits = {
  guard(ctx: Context): LoginGuard {
    return { clientAddress: ctx.request.clientAddress, perAddress: ctx.services.limits.loginPerAddress, perAccount: ctx.services.limits.loginPerAccount };
  },
};
