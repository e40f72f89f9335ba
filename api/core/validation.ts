import type { FieldProblem } from './errors';
import { isIsoDate, todayInJapan, yearsBetween } from './dates';
import { isKana, normalizeKana, normalizePhone, normalizePostalCode } from './normalize';

/**
 * Collects field problems while an input is normalised. Validators return the normalised value so
 * the caller stores exactly what was checked. Nothing is written unless `problems` ends up empty.
 */
export class InputChecker {
  readonly problems: FieldProblem[] = [];

  constructor(private readonly today: string = todayInJapan()) {}

  private add(field: string, ja: string, en: string, easy: string): void {
    this.problems.push({ field, messages: { ja, en, 'ja-easy': easy } });
  }

  text(field: string, value: string | null | undefined, label: { ja: string; en: string }, max = 200): string | null | undefined {
    if (value == null) return value;
    const v = value.normalize('NFC').trim();
    if (v.length > max)
      this.add(field, `${label.ja}は${max}文字以内で入力してください。`, `${label.en} must be at most ${max} characters.`, `${label.ja}が 長すぎます。`);
    return v === '' ? null : v;
  }

  kana(field: string, value: string | null | undefined, label: { ja: string; en: string }): string | null | undefined {
    if (value == null) return value;
    const v = normalizeKana(value);
    if (v === '') return null;
    if (!isKana(v)) {
      this.add(
        field,
        `${label.ja}はカタカナかひらがなで入力してください。`,
        `${label.en} must be written in kana (katakana or hiragana).`,
        `${label.ja}は カタカナか ひらがなで 書いてください。`,
      );
    } else if (v.length > 100) {
      this.add(field, `${label.ja}は100文字以内で入力してください。`, `${label.en} must be at most 100 characters.`, `${label.ja}が 長すぎます。`);
    }
    return v;
  }

  phone(field: string, value: string | null | undefined): string | null | undefined {
    if (value == null) return value;
    const v = normalizePhone(value);
    if (v === '') return null;
    const digits = v.replace(/-/g, '');
    if (!/^0\d{9,10}$/.test(digits) || !/^[\d-]+$/.test(v)) {
      this.add(
        field,
        '電話番号は0から始まる10桁か11桁の数字で入力してください（例: 090-1234-5678）。',
        'Enter a phone number of 10 or 11 digits starting with 0 (e.g. 090-1234-5678).',
        '電話番号は 0から はじまる 数字で 書いてください（れい: 090-1234-5678）。',
      );
    }
    return v;
  }

  postalCode(field: string, value: string | null | undefined): string | null | undefined {
    if (value == null) return value;
    const v = normalizePostalCode(value);
    if (v === '') return null;
    if (!/^\d{3}-\d{4}$/.test(v)) {
      this.add(
        field,
        '郵便番号は7桁の数字で入力してください（例: 123-4567）。',
        'Enter a 7-digit postal code (e.g. 123-4567).',
        '郵便番号は 7つの 数字で 書いてください（れい: 123-4567）。',
      );
    }
    return v;
  }

  email(field: string, value: string | null | undefined): string | null | undefined {
    if (value == null) return value;
    const v = value.normalize('NFKC').trim();
    if (v === '') return null;
    // Domain labels exclude the dot, so no two parts of the pattern compete for one character (linear time).
    if (v.length > 254 || !/^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/.test(v)) {
      this.add(
        field,
        'メールアドレスの形式が正しくありません（例: name@example.jp）。',
        'This is not a valid e-mail address (e.g. name@example.jp).',
        'メールアドレスが まちがって います（れい: name@example.jp）。',
      );
    }
    return v;
  }

  /** A birth date: a real date, not in the future, and at most `maxAge` years ago. */
  birthDate(field: string, value: string | null | undefined, maxAge: number, who: { ja: string; en: string }): string | null | undefined {
    if (value == null) return value;
    if (!isIsoDate(value)) {
      this.add(
        field,
        `${who.ja}の生年月日は正しい日付で入力してください（例: 2018-04-01）。`,
        `${who.en} birth date must be a real date (e.g. 2018-04-01).`,
        `${who.ja}の 生年月日が まちがって います。`,
      );
    } else if (value > this.today) {
      this.add(
        field,
        `${who.ja}の生年月日が未来の日付になっています。`,
        `${who.en} birth date is in the future.`,
        `${who.ja}の 生年月日が 今日より あとに なって います。`,
      );
    } else if (yearsBetween(value, this.today) > maxAge) {
      this.add(
        field,
        `${who.ja}の生年月日が${maxAge}年以上前になっています。確認してください。`,
        `${who.en} birth date is more than ${maxAge} years ago; please check it.`,
        `${who.ja}の 生年月日を もう一度 見て ください。`,
      );
    }
    return value;
  }

  date(field: string, value: string | null | undefined, label: { ja: string; en: string }): string | null | undefined {
    if (value == null) return value;
    if (!isIsoDate(value)) {
      this.add(
        field,
        `${label.ja}は正しい日付で入力してください（例: 2026-04-01）。`,
        `${label.en} must be a real date (e.g. 2026-04-01).`,
        `${label.ja}の 日付が まちがって います。`,
      );
    }
    return value;
  }

  /** Money is a non-negative whole number of yen, below a sanity ceiling (10 billion yen). */
  yen(field: string, value: number | null | undefined, label: { ja: string; en: string }): number | null | undefined {
    if (value == null) return value;
    if (!Number.isInteger(value) || value < 0 || value > 10_000_000_000) {
      this.add(
        field,
        `${label.ja}は0以上の整数（円）で入力してください。`,
        `${label.en} must be a whole number of yen, 0 or more.`,
        `${label.ja}は 0より 大きい 数字（円）で 書いてください。`,
      );
    }
    return value;
  }

  count(field: string, value: number, max: number, label: { ja: string; en: string }): void {
    if (value > max) this.add(field, `${label.ja}は${max}件までです。`, `At most ${max} ${label.en}.`, `${label.ja}が 多すぎます。`);
  }

  custom(field: string, ja: string, en: string, easy: string): void {
    this.add(field, ja, en, easy);
  }

  get ok(): boolean {
    return this.problems.length === 0;
  }
}
