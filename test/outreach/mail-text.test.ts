// The demo mailbox reads back what nodemailer sent (api/outreach/mail-text.ts, without mailparser, a
// devDependency): subject and plain text, in both transfer encodings nodemailer chooses and in a message
// with an HTML part only.
import MailComposer from 'nodemailer/lib/mail-composer';
import { describe, expect, it } from 'vitest';
import { mailText } from '../../api/outreach/mail-text';

async function raw(options: ConstructorParameters<typeof MailComposer>[0]): Promise<string> {
  return (await new MailComposer(options).compile().build()).toString('utf8');
}
const text = 'ログインコード：123456\n\nhttps://demo.example/mypage.html#yorisoi-link=AbC_123\n\n心当たりがない場合は、このメールを破棄してください。'.repeat(
  2,
);

describe('mailText', () => {
  it.each(['base64', 'quoted-printable'] as const)('reads subject and text of a multipart message (%s)', async (textEncoding) => {
    const m = await raw({
      from: 'a@example.jp',
      to: 'b@example.jp',
      subject: '【デモ市】ログイン用のコード（マイページ）',
      text,
      html: '<p>x</p>',
      textEncoding,
    });
    expect(mailText(m)).toEqual({ subject: '【デモ市】ログイン用のコード（マイページ）', text });
  });

  it('falls back to the HTML part, tags removed', async () => {
    const m = await raw({
      from: 'a@example.jp',
      to: 'b@example.jp',
      subject: 'HTML only',
      html: '<p>一行目 &amp; <a href="https://x.example/">リンク</a></p><p>二行目</p>',
    });
    expect(mailText(m)).toEqual({ subject: 'HTML only', text: '一行目 & リンク\n二行目' });
  });
});
