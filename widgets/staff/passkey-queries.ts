/** One's own passkeys (api/accounts/passkeys.resolver.ts), for the passkeys section of my account. */
const PASSKEY_FIELDS = 'id name transports createdAt lastUsedAt';

export interface PasskeyRow {
  id: string;
  name: string;
  transports: string[];
  createdAt: string;
  lastUsedAt: string | null;
}

export const MY_PASSKEYS = `query StaffMyPasskeys { myPasskeys { ${PASSKEY_FIELDS} } }`;
export const BEGIN_PASSKEY_REGISTRATION = 'mutation StaffBeginPasskeyRegistration { beginPasskeyRegistration { ticket optionsJson expiresAt } }';
export const FINISH_PASSKEY_REGISTRATION = `mutation StaffFinishPasskeyRegistration($input: FinishPasskeyRegistrationInput!) { finishPasskeyRegistration(input: $input) { ${PASSKEY_FIELDS} } }`;
export const RENAME_PASSKEY = `mutation StaffRenamePasskey($input: RenamePasskeyInput!) { renamePasskey(input: $input) { ${PASSKEY_FIELDS} } }`;
export const REMOVE_PASSKEY = 'mutation StaffRemovePasskey($id: ID!) { removePasskey(id: $id) }';
