import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ReportFacts } from './report-facts';

/** Fonts LibreOffice and Word both find on a Japanese desk (Noto CJK on the server's renders). */
const FONT = { ascii: 'Noto Sans CJK JP', eastAsia: 'Noto Sans CJK JP', hAnsi: 'Noto Sans CJK JP', cs: 'Noto Sans CJK JP' };
const FORM_NAMES = { PLAN: { annex: '別紙1', title: '事業計画書' }, REPORT: { annex: '別紙2', title: '実施状況報告書' } } as const;
const PROGRAMME = 'ひとり親家庭等に対するワンストップ相談体制強化事業';

/** 2026-04-01 → 令和8年4月1日 (令和 from 2019-05-01; earlier dates in the Western calendar). */
export function wareki(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (iso < '2019-05-01') return `${y}年${m}月${d}日`;
  const r = y - 2018;
  return `令和${r === 1 ? '元' : r}年${m}月${d}日`;
}

const yen = (n: number) => `${n.toLocaleString('ja-JP')}円`;
const fmt = (n: number | null) => (n === null ? '－' : Number.isInteger(n) ? n.toLocaleString('ja-JP') : n.toFixed(2));
/** Change against the previous period; no change is written ±0 (a bare +0 reads as a rise). */
const diff = (now: number | null, before: number | null) => {
  if (now === null || before === null) return '－';
  const d = Math.round((now - before) * 100) / 100;
  return d === 0 ? '±0' : `${d > 0 ? '+' : ''}${fmt(d)}`;
};

const p = (text: string, options: { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; size?: number; before?: number } = {}) =>
  new Paragraph({
    alignment: options.align,
    spacing: options.before ? { before: options.before } : undefined,
    children: [new TextRun({ text, bold: options.bold, size: options.size })],
  });
/** Black, like the form: the built-in heading styles of Word and LibreOffice are blue. */
const heading = (text: string) =>
  new Paragraph({
    heading: HeadingLevel.HEADING_2,
    keepNext: true,
    spacing: { before: 240, after: 80 },
    children: [new TextRun({ text, bold: true, size: 24, color: '000000' })],
  });
const cell = (text: string, options: { bold?: boolean; width?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; size?: number } = {}) =>
  new TableCell({
    width: options.width ? { size: options.width, type: WidthType.PERCENTAGE } : undefined,
    margins: { top: 40, bottom: 40, left: 60, right: 60 },
    children: text.split('\n').map((line) => p(line, { bold: options.bold, align: options.align, size: options.size })),
  });
const table = (rows: TableCell[][], header = true) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: {
      top: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
      bottom: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
      left: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
      right: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
      insideHorizontal: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
      insideVertical: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
    },
    rows: rows.map((cells, i) => new TableRow({ tableHeader: header && i === 0, cantSplit: true, children: cells })),
  });

function programmeItems(f: ReportFacts): (Paragraph | Table)[] {
  return [
    table([
      [cell('実施', { bold: true, width: 8, align: AlignmentType.CENTER }), cell('事業', { bold: true, width: 30 }), cell('内容', { bold: true, width: 62 })],
      ...f.items.map((i) => [cell(i.done ? '○' : '', { align: AlignmentType.CENTER }), cell(`${i.mark} ${i.title}`), cell(i.details.join('\n'), { size: 18 })]),
    ]),
    p('③の共有範囲（◎ 閲覧・更新、○ 閲覧、－ 共有しない。ひとり親支援担当課以外は本人の同意がある場合に限る）', { size: 18, before: 160 }),
    sharingTable(f),
  ];
}

/** Item names get a fifth of the width so 氏名・生年月日 stays on one line; the departments share the rest. */
function sharingTable(f: ReportFacts): Table {
  const w = Math.floor(80 / Math.max(1, f.sharing.roles.length));
  return table([
    [
      cell('項目', { bold: true, size: 16, width: 20 }),
      ...f.sharing.roles.map((r) => cell(r.name, { bold: true, size: 16, width: w, align: AlignmentType.CENTER })),
    ],
    ...f.sharing.rows.map((r) => [cell(r.name, { size: 16, width: 20 }), ...r.cells.map((c) => cell(c, { size: 16, width: w, align: AlignmentType.CENTER }))]),
  ]);
}

function costs(f: ReportFacts): (Paragraph | Table)[] {
  const rows = f.input.costs.map((c) => [cell(c.category), cell(yen(c.amount), { align: AlignmentType.RIGHT }), cell(c.breakdown, { size: 18 })]);
  const total = f.input.costs.reduce((a, c) => a + c.amount, 0);
  // Nothing entered yet: one line saying so, rather than a bare 合計 0円 that looks like a zero-cost year.
  if (rows.length === 0) rows.push([cell('（記入してください）'), cell(''), cell('')]);
  return [
    table([
      [
        cell('経費区分', { bold: true, width: 25 }),
        cell('金額', { bold: true, width: 20, align: AlignmentType.RIGHT }),
        cell('積算内訳', { bold: true, width: 55 }),
      ],
      ...rows,
      [cell('合計', { bold: true }), cell(yen(total), { bold: true, align: AlignmentType.RIGHT }), cell('')],
    ]),
  ];
}

function effects(f: ReportFacts): (Paragraph | Table)[] {
  const label = (name: string, key: string | null, entered: boolean) => `${key ? `　${name}` : name}${entered ? ' ※' : ''}`;
  return [
    p(
      `当期 ${wareki(f.from)}～${wareki(f.to)}、前期 ${wareki(f.previousFrom)}～${wareki(f.previousTo)}。件数はシステムの記録から集計（個人を特定する情報は含まない）。${f.figures.some((x) => x.line.entered) ? '※は職員が月ごとに入力した件数（システム外の相談・説明会等）。' : ''}`,
      { size: 18 },
    ),
    table([
      [
        cell('項目', { bold: true, width: 52 }),
        cell('当期', { bold: true, width: 16, align: AlignmentType.RIGHT }),
        cell('前期', { bold: true, width: 16, align: AlignmentType.RIGHT }),
        cell('増減', { bold: true, width: 16, align: AlignmentType.RIGHT }),
      ],
      ...f.figures.map(({ line, previous }) => [
        cell(label(line.keyLabel?.ja ?? line.label.ja, line.keyLabel ? line.key : null, line.entered), { size: 18 }),
        cell(fmt(line.total), { align: AlignmentType.RIGHT, size: 18 }),
        cell(fmt(previous), { align: AlignmentType.RIGHT, size: 18 }),
        cell(diff(line.total, previous), { align: AlignmentType.RIGHT, size: 18 }),
      ]),
    ]),
  ];
}

function staffTable(f: ReportFacts): Table {
  const s = f.input.staff;
  return table([
    [
      cell('区分', { bold: true, width: 40 }),
      cell('常勤', { bold: true, width: 20, align: AlignmentType.RIGHT }),
      cell('非常勤', { bold: true, width: 20, align: AlignmentType.RIGHT }),
      cell('計', { bold: true, width: 20, align: AlignmentType.RIGHT }),
    ],
    [
      cell('相談支援担当職員'),
      cell(`${s.fullTime}人`, { align: AlignmentType.RIGHT }),
      cell(`${s.partTime}人`, { align: AlignmentType.RIGHT }),
      cell(`${s.fullTime + s.partTime}人`, { align: AlignmentType.RIGHT }),
    ],
    [cell('うち母子・父子自立支援員'), cell(''), cell(''), cell(`${s.selfRelianceSupporters}人`, { align: AlignmentType.RIGHT })],
    [cell('うち就業支援専門員'), cell(''), cell(''), cell(`${s.employmentSupporters}人`, { align: AlignmentType.RIGHT })],
  ]);
}

const lines = (text: string, empty: string) => (text.trim() === '' ? [p(empty)] : text.split('\n').map((l) => p(l)));

/** The headings of each form, in the form's order (the test reads them back from the file). */
export const FORM_HEADINGS = {
  REPORT: ['1 実施時期', '2 実施内容（実施したものに○）', '3 事業経費', '4 事業の効果', '5 今後の課題', '6 添付資料'],
  PLAN: ['1 実施予定時期', '2 実施内容（実施予定のものに○）', '3 相談支援担当職員の配置', '4 事業経費（予定）', '5 事業の内容', '6 添付資料'],
} as const;

/** 別紙1 事業計画書 or 別紙2 実施状況報告書 as a Word document (A4 portrait). */
export async function renderDocx(f: ReportFacts): Promise<Buffer> {
  const names = FORM_NAMES[f.form];
  const h = FORM_HEADINGS[f.form];
  const attachments = f.input.attachments.length > 0 ? f.input.attachments.map((a, i) => p(`(${i + 1}) ${a}`)) : [p('なし')];
  const body: (Paragraph | Table)[] =
    f.form === 'REPORT'
      ? [
          heading(h[0]),
          p(`${wareki(f.from)} ～ ${wareki(f.to)}`),
          heading(h[1]),
          ...programmeItems(f),
          heading(h[2]),
          ...costs(f),
          heading(h[3]),
          ...effects(f),
          heading(h[4]),
          ...lines(f.input.issues, '（記入してください）'),
          heading(h[5]),
          ...attachments,
        ]
      : [
          heading(h[0]),
          p(`${wareki(f.from)} ～ ${wareki(f.to)}`),
          heading(h[1]),
          ...programmeItems(f),
          heading(h[2]),
          staffTable(f),
          heading(h[3]),
          ...costs(f),
          heading(h[4]),
          ...lines(f.input.plan, '（記入してください）'),
          heading(h[5]),
          ...attachments,
        ];
  const doc = new Document({
    creator: 'Yorisoi',
    title: `${PROGRAMME} ${names.title}`,
    styles: { default: { document: { run: { font: FONT, size: 21 } } } },
    sections: [
      {
        // Page numbers as Japanese official documents print them (－ 1 －), centred in the footer.
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['－ ', PageNumber.CURRENT, ' －'], size: 18 })] })],
          }),
        },
        properties: {
          page: { size: { orientation: PageOrientation.PORTRAIT, width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } },
        },
        children: [
          p(names.annex, { align: AlignmentType.RIGHT }),
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            spacing: { after: 120 },
            children: [new TextRun({ text: PROGRAMME, bold: true, size: 26 }), new TextRun({ text: names.title, bold: true, size: 30, break: 1 })],
          }),
          p(`自治体名：${f.municipalityName}（${f.municipalityCode}）`, { align: AlignmentType.RIGHT }),
          ...body,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
