import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInJapan } from '../../api/core/dates';
import { DepartmentCode } from '../../api/core/departments';
import { startTestApp, type TestApp } from '../support/app';
import { findOfficeTools } from '../support/libreoffice';
import { seedUsageEvents } from './seed-usage';

const ARTIFACTS = join(__dirname, '../artifacts/reporting');
const A4 = { width: 595.3, height: 841.9 };
/** Page margin of the generated forms: 1134 twips = 56.7 pt. */
const MARGIN = 56.7;

const binary = (res: NodeJS.ReadableStream, done: (e: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/**
 * The generated forms rendered by LibreOffice as a reviewer's Word would show them: PDF, then PNG per
 * page under test/artifacts/reporting/. Japanese text set in Noto CJK, every word inside the margins but
 * the centred page number in the footer.
 */
describe('別紙1 / 別紙2 rendered with LibreOffice', () => {
  let t: TestApp;
  let work: string;
  const tools = findOfficeTools();

  beforeAll(async () => {
    t = await startTestApp({ records: 40 });
    await seedUsageEvents(t.em());
    work = mkdtempSync(join(tmpdir(), 'yorisoi-render-'));
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    rmSync(work, { recursive: true, force: true });
    await t.close();
  });

  it('renders both forms to PDF and PNG in Noto CJK with nothing outside the page margins', async () => {
    const supervisor = await t.login(DepartmentCode.SINGLE_PARENT, 'supervisor');
    const today = todayInJapan();
    const period = { from: addDays(today, -365), to: addDays(today, -2) };
    const files: string[] = [];
    for (const form of ['REPORT', 'PLAN'] as const) {
      const link = await t.gql(
        'query($p: ReportPeriodInput!, $f: ReportForm!) { implementationReport(period: $p, form: $f) { url } }',
        { p: period, f: form },
        supervisor,
      );
      const res = await t.http
        .get(link.body.data!.implementationReport.url)
        .buffer(true)
        .parse(binary as never);
      expect(res.status).toBe(200);
      const file = join(work, `${form.toLowerCase()}.docx`);
      writeFileSync(file, res.body as Buffer);
      files.push(file);
    }
    // One soffice run for both files, with its own profile (a shared one locks between runs).
    const convert = spawnSync(
      tools.soffice,
      [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', work, ...files],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(convert.status, convert.stderr).toBe(0);
    for (const form of ['report', 'plan']) {
      const pdf = join(work, `${form}.pdf`);
      const fonts = spawnSync(tools.pdffonts, [pdf], { encoding: 'utf8' }).stdout;
      expect(fonts).toMatch(/NotoSansCJK/);
      // Every word's box inside the page's printable area (pdftotext -bbox: one <word> per word, in points).
      const boxes = spawnSync(tools.pdftotext, ['-bbox', pdf, '-'], { encoding: 'utf8' }).stdout;
      const pages = [...boxes.matchAll(/<page width="([\d.]+)" height="([\d.]+)">/g)];
      expect(pages.length).toBeGreaterThan(0);
      for (const p of pages)
        expect({ w: Math.round(Number(p[1])), h: Math.round(Number(p[2])) }).toEqual({ w: Math.round(A4.width), h: Math.round(A4.height) });
      const words = [...boxes.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)];
      expect(words.length).toBeGreaterThan(50);
      // The page number (－ n －) is the one thing printed in the bottom margin: centred, below the body, on every page.
      const inFooter = (w: RegExpMatchArray) => Number(w[2]) > A4.height - MARGIN && Number(w[4]) < A4.height - 20 && /^(－|\d+)$/.test(w[5]!);
      const pageNumbers = words.filter((w) => inFooter(w) && /^\d+$/.test(w[5]!)).map((w) => Number(w[5]));
      expect(pageNumbers, `${form}: a page number on every page`).toEqual(pages.map((_, i) => i + 1));
      for (const w of words.filter((x) => inFooter(x) && /^\d+$/.test(x[5]!)))
        expect(Math.abs((Number(w[1]) + Number(w[3])) / 2 - A4.width / 2)).toBeLessThan(10);
      const outside = words
        .filter(
          (w) =>
            !inFooter(w) &&
            (Number(w[1]) < MARGIN - 6 || Number(w[3]) > A4.width - MARGIN + 6 || Number(w[2]) < MARGIN - 20 || Number(w[4]) > A4.height - MARGIN + 20),
        )
        .map((w) => w[5]);
      expect(outside, `${form}: words outside the margins`).toEqual([]);
      expect(boxes).toContain(form === 'report' ? '実施状況報告書' : '事業計画書');
      for (const old of readdirSync(ARTIFACTS).filter((f) => f.startsWith(`${form}-`))) rmSync(join(ARTIFACTS, old));
      const png = spawnSync(tools.pdftoppm, ['-png', '-r', '80', pdf, join(ARTIFACTS, form)], { encoding: 'utf8' });
      expect(png.status, png.stderr).toBe(0);
      expect(readdirSync(ARTIFACTS).filter((f) => f.startsWith(`${form}-`) && f.endsWith('.png')).length).toBe(pages.length);
    }
  }, 180_000);
});
