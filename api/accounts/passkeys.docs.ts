import type { SchemaDocs } from '../core';

const REFUSALS =
  '`extensions.reason`: PASSKEY_CHALLENGE_UNKNOWN, PASSKEY_CHALLENGE_USED, PASSKEY_CHALLENGE_EXPIRED, PASSKEY_WRONG_ORIGIN, PASSKEY_UNKNOWN_CREDENTIAL, PASSKEY_COUNTER_REGRESSION, PASSKEY_INVALID';

/** Descriptions of passkeys (WebAuthn) as a second factor for staff sign-in. */
export const PASSKEY_DOCS: SchemaDocs = {
  Passkey: {
    description: 'A passkey (WebAuthn credential) registered as a second factor. Only its public key is kept.',
    fields: {
      id: 'Pass to renamePasskey or removePasskey.',
      name: 'The name its owner gave it.',
      transports: 'How the browser reaches it (internal, usb, hybrid, …).',
      createdAt: 'When it was registered.',
      lastUsedAt: 'When it last confirmed a sign-in; null if never.',
    },
  },
  PasskeyChallengeOptions: {
    description: 'A one-time WebAuthn challenge (5 minutes, single use) and the options to pass to the browser.',
    fields: {
      ticket: 'Send back with the answer; works once.',
      optionsJson: 'JSON of PublicKeyCredentialCreationOptions (registration) or PublicKeyCredentialRequestOptions (sign-in), binary fields base64url.',
      expiresAt: 'When the challenge stops working (UTC).',
    },
  },
  FinishPasskeyRegistrationInput: {
    description: "The browser's answer to navigator.credentials.create().",
    fields: {
      ticket: 'From beginPasskeyRegistration.',
      name: 'Your name for it (1–40 characters after trimming).',
      responseJson: 'The credential as JSON, binary fields base64url.',
    },
  },
  RenamePasskeyInput: { description: 'A new name for one of your passkeys.', fields: { id: 'Passkey.id.', name: '1–40 characters after trimming.' } },
  BeginPasskeySignInInput: {
    description: 'The password step of a sign-in that continues with a passkey.',
    fields: { email: 'Your e-mail address.', password: 'Your password.' },
  },
  FinishPasskeySignInInput: {
    description: "The browser's answer to navigator.credentials.get().",
    fields: { ticket: 'From beginPasskeySignIn.', responseJson: 'The assertion as JSON, binary fields base64url.' },
  },
  PasskeySignIn: {
    description: 'Signed in with password and passkey (a two-factor session).',
    fields: { token: 'Send as `Authorization: Bearer <token>`.', expiresAt: 'When the token expires.' },
  },
  Query: { fields: { myPasskeys: 'Your own passkeys, oldest first (any staff member).' } },
  Mutation: {
    fields: {
      beginPasskeyRegistration:
        'Start registering a passkey for your own account: a challenge for navigator.credentials.create() (PUBLIC_URL is the relying party).',
      finishPasskeyRegistration: {
        description: `Register the passkey the browser made (recorded). BAD_USER_INPUT with ${REFUSALS} or PASSKEY_ALREADY_REGISTERED; on \`input.name\` when the name is missing.`,
        args: { input: 'The ticket, a name, the answer.' },
      },
      renamePasskey: {
        description:
          "Rename one of your passkeys (recorded). BAD_USER_INPUT on `input.name` when it is empty or longer than 40 characters; NOT_FOUND when there is no such passkey of yours (another person's answers the same).",
        args: { input: 'The passkey and its new name.' },
      },
      removePasskey: {
        description:
          'Remove one of your passkeys (recorded). CONFLICT with reason PASSKEY_LAST_SECOND_FACTOR when your municipality requires two factors and it is the last one you have.',
        args: { id: 'Passkey.id.' },
      },
      beginPasskeySignIn: {
        description:
          'Sign-in with a passkey as the second factor: the password first (limited like login), then a challenge for navigator.credentials.get() bound to this attempt. NOT_FOUND with reason PASSKEY_NONE when the account has no passkey.',
        args: { input: 'E-mail address and password.' },
      },
      finishPasskeySignIn: {
        description: `The passkey's answer: signed in (two factors). UNAUTHENTICATED with ${REFUSALS}; a refused answer counts as a failed sign-in.`,
        args: { input: 'The ticket and the answer.' },
      },
    },
  },
};
