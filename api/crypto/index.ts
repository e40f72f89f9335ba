/** Encryption at rest (README: Encryption at rest): the policy, the keyring, the column types, search hashes. */
// rotate.ts (npm run keys:rotate) is imported by path, not from here: it opens the database, and db/orm.ts imports this module.
export { ENCRYPTED_COLUMNS, type EncryptedColumn, applyEncryptionPolicy, encryptedColumnsOf, openRow } from './encrypted-columns';
export { EncryptedJson, EncryptedText } from './encrypted-type';
export { DataKey, DataKeyPurpose } from './data-key.entity';
export { Keyring, KeysNotLoadedError, SEALED_PREFIX, attachKeyring, decrypt, isSealed, keyringOf, type RunSql } from './keyring';
export { EMBEDDED_KEY_FILE, embeddedMasterKeyText, masterKeyId, newMasterKeyText, parseMasterKey } from './master-key';
export { contactHashes, contactTermHash, emailSearchForm, phoneSearchForm, type ContactHashes } from './search-hash';
export { sealExistingValues } from './seal-existing';
export { open, seal } from './envelope';
