import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../server/context';
import { StaffLoginLimits } from './limits';
import { PasskeysService } from './passkeys.service';
import {
  BeginPasskeySignInInput,
  FinishPasskeyRegistrationInput,
  FinishPasskeySignInInput,
  Passkey,
  PasskeyChallengeOptions,
  PasskeySignIn,
  RenamePasskeyInput,
} from './passkeys.types';

const passkeys = (ctx: Context) => new PasskeysService(ctx.em, ctx.locale, ctx.services.auth, ctx.gate);

@Resolver()
export class PasskeysResolver {
  @Query(() => [Passkey])
  myPasskeys(@Ctx() ctx: Context): Promise<Passkey[]> {
    return passkeys(ctx).list();
  }

  @Mutation(() => PasskeyChallengeOptions)
  beginPasskeyRegistration(@Ctx() ctx: Context): Promise<PasskeyChallengeOptions> {
    return passkeys(ctx).beginRegistration();
  }

  @Mutation(() => Passkey)
  finishPasskeyRegistration(@Arg('input', () => FinishPasskeyRegistrationInput) input: FinishPasskeyRegistrationInput, @Ctx() ctx: Context): Promise<Passkey> {
    return passkeys(ctx).finishRegistration(input.ticket, input.name, input.responseJson);
  }

  @Mutation(() => Passkey)
  renamePasskey(@Arg('input', () => RenamePasskeyInput) input: RenamePasskeyInput, @Ctx() ctx: Context): Promise<Passkey> {
    return passkeys(ctx).rename(input.id, input.name);
  }

  @Mutation(() => Boolean)
  removePasskey(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<boolean> {
    return passkeys(ctx).remove(id);
  }

  @Mutation(() => PasskeyChallengeOptions)
  beginPasskeySignIn(@Arg('input', () => BeginPasskeySignInInput) input: BeginPasskeySignInInput, @Ctx() ctx: Context): Promise<PasskeyChallengeOptions> {
    return passkeys(ctx).beginSignIn(input.email, input.password, StaffLoginLimits.guard(ctx));
  }

  @Mutation(() => PasskeySignIn)
  finishPasskeySignIn(@Arg('input', () => FinishPasskeySignInInput) input: FinishPasskeySignInInput, @Ctx() ctx: Context): Promise<PasskeySignIn> {
    return passkeys(ctx).finishSignIn(input.ticket, input.responseJson, ctx.services.limits.loginPerAddress, ctx.request.clientAddress);
  }
}
