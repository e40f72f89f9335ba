import { Arg, Ctx, Field, InputType, Mutation, Query, Resolver } from 'type-graphql';
import { rawQuery } from '../db';
import type { Context } from '../server/context';

@InputType({ description: 'Your daily reminder e-mail on or off.' })
export class SetReminderEmailsInput {
  @Field(() => Boolean, { description: 'true: send it; false: do not.' }) enabled!: boolean;
}

/** Each member of staff's own choice of the daily reminder e-mail (casework/staff-reminders.ts). */
@Resolver()
export class ReminderSettingsResolver {
  @Query(() => Boolean, {
    description: 'Whether you receive the daily e-mail reminder of follow-ups due today and overdue (staff; on unless you turned it off).',
  })
  async reminderEmails(@Ctx() ctx: Context): Promise<boolean> {
    const v = ctx.gate.staff();
    const [row] = await rawQuery<{ on: boolean }>(ctx.em, 'select reminder_emails as "on" from staff_member where id = ? and municipality_code = ?', [
      v.staffId,
      v.municipalityCode,
    ]);
    return row?.on ?? false;
  }

  @Mutation(() => Boolean, { description: 'Turn your own daily reminder e-mail on or off (staff, any role). Returns the new setting.' })
  async setReminderEmails(
    @Arg('input', () => SetReminderEmailsInput, { description: 'On or off.' }) input: SetReminderEmailsInput,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    const v = ctx.gate.staff();
    const enabled = input.enabled;
    await rawQuery(ctx.em, 'update staff_member set reminder_emails = ? where id = ? and municipality_code = ?', [enabled, v.staffId, v.municipalityCode]);
    return enabled;
  }
}
