import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/server/config';
import { contactTermHash, decrypt, Keyring, KeysNotLoadedError, newMasterKeyText, parseMasterKey, type RunSql } from '../../api/crypto';

/** A data_key table in memory: enough for Keyring.load to create and read its keys. */
function memoryTable(): RunSql {
  const rows: Record<string, any>[] = [];
  return async (sql, params = []) => {
    if (sql.startsWith('insert')) {
      const [id, purpose, wrapped, master_key_id] = params as string[];
      rows.push({ id, purpose, wrapped, master_key_id, active: true });
      return [];
    }
    return rows.map((r) => ({ ...r }));
  };
}

async function loadedKeyring(): Promise<Keyring> {
  const k = new Keyring(parseMasterKey(newMasterKeyText()));
  await k.load(memoryTable());
  return k;
}

describe('keyring', () => {
  it('opens what it sealed, and refuses a value changed by one byte (GCM authentication)', async () => {
    const k = await loadedKeyring();
    const sealed = k.encrypt('090-1234-5678');
    expect(decrypt(sealed)).toBe('090-1234-5678');
    const body = Buffer.from(sealed.slice(sealed.lastIndexOf(':') + 1), 'base64');
    body[20] ^= 1;
    expect(() => decrypt(`${sealed.slice(0, sealed.lastIndexOf(':') + 1)}${body.toString('base64')}`)).toThrow();
  });

  it('names a value sealed by a data key this process has not loaded', () => {
    expect(() => decrypt('enc1:00000000-0000-4000-8000-000000000000:AAAA')).toThrow(KeysNotLoadedError);
  });

  it('refuses to open data keys with another master key, saying so', async () => {
    const table = memoryTable();
    await new Keyring(parseMasterKey(newMasterKeyText())).load(table);
    await expect(new Keyring(parseMasterKey(newMasterKeyText())).load(table)).rejects.toThrow(/not the key the data keys were wrapped with/);
  });

  it('matches a contact term however it is written, keeps phone and e-mail apart, and refuses part of a number', async () => {
    const k = await loadedKeyring();
    const phone = contactTermHash(k, '090-1234-5678')!;
    expect(contactTermHash(k, '０９０（１２３４）５６７８')).toEqual(phone);
    expect(contactTermHash(k, '09012345678')).toEqual(phone);
    expect(phone.column).toBe('phone');
    expect(contactTermHash(k, ' Hanako@Example.JP ')).toEqual(contactTermHash(k, 'hanako@example.jp'));
    expect(k.hash('phone', 'x')).not.toBe(k.hash('email', 'x'));
    expect(contactTermHash(k, '1234-5678')).toBeNull();
    // Another database's search key gives other hashes: the hashes mean nothing without the key.
    expect(contactTermHash(await loadedKeyring(), '090-1234-5678')!.hash).not.toBe(phone.hash);
  });

  it('reads ENCRYPTION_KEY from the configuration: required with DATABASE_URL, checked, never repeated in the message', () => {
    const base = { AUTH_SECRET: 'x'.repeat(40), DATABASE_URL: 'postgres://db.example/yorisoi' };
    expect(() => loadConfig(base)).toThrow(/ENCRYPTION_KEY must be set when DATABASE_URL is set/);
    let message = '';
    try {
      loadConfig({ ...base, ENCRYPTION_KEY: 'not-a-key-secret-value' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/ENCRYPTION_KEY must be 32 random bytes/);
    expect(message).not.toContain('not-a-key-secret-value');
    const key = newMasterKeyText();
    expect(loadConfig({ ...base, ENCRYPTION_KEY: key }).encryptionKey).toBe(key);
    expect(loadConfig({ AUTH_SECRET: 'x'.repeat(40), DATA_DIR: '/nonexistent-yorisoi' }).encryptionKey).toBeNull();
  });
});
