import { type Platform, Type } from '@mikro-orm/core';
import { decrypt, keyringOf } from './keyring';

/**
 * A column stored sealed (keyring.ts) as text. Applied to the properties ENCRYPTED_COLUMNS names, at
 * discovery: entities declare their fields as usual and the policy stays in one list.
 *
 * Sealing uses a random IV, so the same value gives a new stored text each time: changes are therefore
 * found by comparing opened values (compareValues), never the stored ones, and hydration keeps the
 * stored value as loaded (ensureComparable false) — an unchanged record is never rewritten.
 * Subclasses say only how a value becomes text and back.
 */
abstract class SealedType<T> extends Type<T | null | undefined, string | null | undefined> {
  protected abstract toText(value: T): string;
  protected abstract fromText(text: string): T;

  override convertToDatabaseValue(value: T | null | undefined, platform: Platform): string | null | undefined {
    if (value == null) return value as null | undefined;
    return keyringOf(platform).encrypt(this.toText(value));
  }

  override convertToJSValue(value: string | null | undefined): T | null | undefined {
    return value == null ? value : this.fromText(decrypt(value));
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

/** A text column stored sealed. */
export class EncryptedText extends SealedType<string> {
  protected toText(value: string): string {
    return String(value);
  }

  protected fromText(text: string): string {
    return text;
  }
}

/** A structured value (a list, an object) stored as sealed JSON text. */
export class EncryptedJson extends SealedType<unknown> {
  protected toText(value: unknown): string {
    return JSON.stringify(value);
  }

  protected fromText(text: string): unknown {
    return JSON.parse(text) as unknown;
  }
}
