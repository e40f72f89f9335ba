import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../server/context';
import { StaffMember } from './staff-member.entity';
import { CreateStaffMemberInput, UpdateStaffMemberInput } from './staff.inputs';
import { StaffService } from './staff.service';

@Resolver(() => StaffMember)
export class StaffResolver {
  @Query(() => [StaffMember], { description: 'Staff of your municipality (admins).' })
  staffMembers(@Ctx() ctx: Context): Promise<StaffMember[]> {
    return new StaffService(ctx.em, ctx.gate).list();
  }

  @Mutation(() => StaffMember, {
    description: 'Add a staff member (admins)',
    deprecationReason:
      'Use `Mutation.inviteStaffMember`, which returns the one-time link with which the person chooses their own password. Removed no earlier than 2027-06-03.',
  })
  createStaffMember(@Arg('input', () => CreateStaffMemberInput) input: CreateStaffMemberInput, @Ctx() ctx: Context): Promise<StaffMember> {
    return new StaffService(ctx.em, ctx.gate).create(input);
  }

  @Mutation(() => StaffMember, { description: 'Change role or department, or disable (admins).' })
  updateStaffMember(@Arg('input', () => UpdateStaffMemberInput) input: UpdateStaffMemberInput, @Ctx() ctx: Context): Promise<StaffMember> {
    return new StaffService(ctx.em, ctx.gate, ctx.services.auth).update(input);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the member may sign in.' })
  active(@Root() member: StaffMember): boolean {
    return !member.disabled;
  }
}
