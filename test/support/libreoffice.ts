import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const LIBREOFFICE_MISSING = 'LibreOffice and poppler are needed to render reports: apt-get install -y libreoffice-writer-nogui poppler-utils';

/** The soffice and poppler executables; throws one line saying what to install when either is missing (never a skip). */
export function findOfficeTools(): { soffice: string; pdftoppm: string; pdftotext: string; pdffonts: string } {
  const which = (name: string) => {
    const r = spawnSync('which', [name], { encoding: 'utf8' });
    const path = r.stdout.trim();
    return r.status === 0 && path && existsSync(path) ? path : null;
  };
  const soffice = process.env.SOFFICE_PATH || which('soffice');
  const pdftoppm = which('pdftoppm');
  const pdftotext = which('pdftotext');
  const pdffonts = which('pdffonts');
  if (!soffice || !pdftoppm || !pdftotext || !pdffonts) throw new Error(LIBREOFFICE_MISSING);
  return { soffice, pdftoppm, pdftotext, pdffonts };
}
