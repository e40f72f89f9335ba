import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIST = join(__dirname, '..', '..', '..', 'dist', 'widgets');

/**
 * A built widget file for the fake test servers, as the API serves it (uncompressed here): the
 * stable `/widgets/<name>.js`, a one-line module, and the content-hashed build it imports,
 * `/widgets/<name>.<hash>.js` (widgets/build.mjs). Null for any other path.
 */
export function widgetFile(pathname: string): Buffer | null {
  const m = /^\/widgets\/([a-z]+(?:\.[0-9a-f]{12})?\.js)$/.exec(pathname);
  if (!m || !existsSync(join(DIST, m[1]!))) return null;
  return readFileSync(join(DIST, m[1]!));
}
