import { type Platform, Type } from '@mikro-orm/core';
import { decrypt, keyringOf } from './keyring';

/**
 * A text column stored sealed (keyring.ts). Applied to the properties ENCRYPTED_COLUMNS names, at
 * discovery: entities declare their fields as usual and the policy stays in one list.
 *
 * Sealing uses a random IV, so the same text gives a new value each time: changes are therefore
 * found by comparing opened values (compareValues), never the stored ones, and hydration keeps the
 * stored value as loaded (ensureComparable false) — an unchanged record is never rewritten.
 */
export class EncryptedText extends Type<string | null | undefined, string | null | undefined> {
  override convertToDatabaseValue(value: string | null | undefined, platform: Platform): string | null | undefined {
    if (value == null) return value;
    return keyringOf(platform).encrypt(String(value));
  }

  override convertToJSValue(value: string | null | undefined): string | null | undefined {
    return value == null ? value : decrypt(value);
  }

  override compareAsType(): string {
    return 'string';
  }

  override compareValues(a: unknown, b: unknown): boolean {
    if (a == null || b == null) return a == b;
    return decrypt(String(a)) === decrypt(String(b));
  }

  override ensureComparable(): boolean {
    return false;
  }

  override getColumnType(): string {
    return 'text';
  }
}

/** A structured value (a list, an object) stored as sealed JSON text. */
export class EncryptedJson extends Type<unknown, string | null | undefined> {
  override convertToDatabaseValue(value: unknown, platform: Platform): string | null | undefined {
    if (value == null) return value as null | undefined;
    return keyringOf(platform).encrypt(JSON.stringify(value));
  }

  override convertToJSValue(value: string | null | undefined): unknown {
    return value == null ? value : JSON.parse(decrypt(value));
  }

  override compareAsType(): string {
    return 'string';
  }

  override compareValues(a: unknown, b: unknown): boolean {
    if (a == null || b == null) return a == b;
    return decrypt(String(a)) === decrypt(String(b));
  }

  override ensureComparable(): boolean {
    return false;
  }

  override getColumnType(): string {
    return 'text';
  }
}
