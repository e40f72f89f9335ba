// Builds every widget into one self-contained, minified ES module under dist/widgets/ (Lit bundled in).
// Run by `npm run build`; `node widgets/build.mjs` alone works too.
import { build } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const widgets = { intake: 'widgets/intake/define.ts', chat: 'widgets/chat/define.ts', staff: 'widgets/staff/define.ts' };

for (const [name, entry] of Object.entries(widgets)) {
  const outfile = join(root, 'dist', 'widgets', `${name}.js`);
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    write: false,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2021',
    minify: true,
    legalComments: 'eof',
    sourcemap: false,
    metafile: true,
    logLevel: 'warning',
    // Lit's static `properties` + `declare` fields: keep TS field semantics as in tsconfig.json.
    tsconfigRaw: { compilerOptions: { useDefineForClassFields: false, experimentalDecorators: true } },
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  // Write next to the target, then rename: a page or a parallel test never reads a half-written file.
  const [file] = result.outputFiles;
  mkdirSync(dirname(outfile), { recursive: true });
  const tmp = `${outfile}.${process.pid}.tmp`;
  writeFileSync(tmp, file.contents);
  renameSync(tmp, outfile);
  const bytes = file.contents.length;
  console.log(`widgets: built dist/widgets/${name}.js (${(bytes / 1024).toFixed(1)} KB)`);
}
