import { strFromU8, unzipSync } from 'fflate';

/** A .docx read back the simple way: its XML parts, and the body's paragraphs and tables as text. */
export interface ReadDocx {
  parts: Record<string, string>;
  headings: string[];
  paragraphs: string[];
  tables: string[][][];
}

const TEXT = /<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g;
const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
const textOf = (xml: string) => [...xml.matchAll(TEXT)].map((m) => unescape(m[1]!)).join('');

export function readDocx(buffer: Uint8Array): ReadDocx {
  const files = unzipSync(buffer);
  const parts = Object.fromEntries(
    Object.entries(files)
      .filter(([n]) => n.endsWith('.xml') || n.endsWith('.rels'))
      .map(([n, b]) => [n, strFromU8(b)]),
  );
  const body = parts['word/document.xml'] ?? '';
  const headings: string[] = [];
  const paragraphs: string[] = [];
  for (const p of body.split('</w:p>')) {
    const t = textOf(p.slice(p.lastIndexOf('<w:p>') >= 0 ? p.lastIndexOf('<w:p>') : p.lastIndexOf('<w:p ')));
    if (p.includes('w:val="Heading2"')) headings.push(t);
    paragraphs.push(t);
  }
  const tables = body
    .split('</w:tbl>')
    .slice(0, -1)
    .map((tbl) =>
      tbl
        .slice(tbl.lastIndexOf('<w:tbl>'))
        .split('</w:tr>')
        .slice(0, -1)
        .map((tr) =>
          tr
            .split('</w:tc>')
            .slice(0, -1)
            .map((tc) => textOf(tc)),
        ),
    );
  return { parts, headings, paragraphs, tables };
}
