// Builds every widget into one self-contained, minified ES module under dist/widgets/ (Lit bundled in).
// Run by `npm run build`; `node widgets/build.mjs` alone works too.
//
// What it writes, per widget (e.g. chat):
//   chat.<hash>.js        the bundle, named by the first 12 hex digits of its SHA-256: served `immutable`
//   chat.<hash>.js.br/.gz  the same, precompressed (brotli 11, gzip 9): served by Accept-Encoding
//   chat.js               the stable URL webmasters paste: one line, `export*from"./chat.<hash>.js"`,
//                         served with short caching and an ETag, so an upgrade reaches pages within minutes
//   manifest.json         { "chat": "chat.<hash>.js", … } (size-check.mjs, tests)
// The three newest hashed builds of each widget are kept, so a page that fetched the stable file just
// before a rebuild still finds the bundle it names.
import { createHash } from 'node:crypto';
import { build } from 'esbuild';
import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'widgets');
const widgets = { intake: 'widgets/intake/define.ts', chat: 'widgets/chat/define.ts', staff: 'widgets/staff/define.ts', mypage: 'widgets/mypage/define.ts' };
const KEEP = 3;
/** Widgets built with code splitting (widgets/staff/lazy-screens.ts): the others stay one file for a CMS page. */
const SPLIT = new Set(['staff']);

/**
 * Lit's css`` blocks are strings to esbuild, so its minifier leaves them as written: drop comments,
 * collapse whitespace and the spaces around braces and semicolons. Quoted strings stay as they are.
 */
function minifyCss(css) {
  let s = '';
  for (let i = 0; i < css.length;) {
    const c = css[i];
    if (c === '"' || c === "'") {
      const j = css.indexOf(c, i + 1);
      s += css.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && css[i + 1] === '*') {
      i = css.indexOf('*/', i + 2) + 2;
    } else if (c === ' ' || c === '\n' || c === '\t' || c === '\r') {
      while (i < css.length && ' \n\t\r'.includes(css[i])) i++;
      s += ' ';
    } else {
      s += c;
      i++;
    }
  }
  return s.replace(/ ?([{};]) ?/g, '$1').trim();
}
const cssPlugin = {
  name: 'minify-lit-css',
  setup(b) {
    b.onLoad({ filter: /\.styles\.ts$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replace(/css`([^`]*)`/g, (_, body) => `css\`${minifyCss(body)}\``),
      loader: 'ts',
    }));
  },
};

/** Writes next to the target, then renames: a page or a parallel test never reads a half-written file. */
function writeAtomic(path, contents) {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, contents);
  renameSync(tmp, path);
}

/** Writes a built file with its brotli and gzip copies (compressed first: once the file exists, the server may offer them). */
function writeCompressed(file, code) {
  const br = brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: code.length } });
  const gz = gzipSync(code, { level: 9 });
  writeAtomic(join(out, `${file}.br`), br);
  writeAtomic(join(out, `${file}.gz`), gz);
  writeAtomic(join(out, file), code);
  return { raw: code.length, br: br.length, gz: gz.length };
}

function remove(f) {
  for (const ext of ['', '.br', '.gz']) {
    try {
      unlinkSync(join(out, f + ext));
    } catch {
      /* already gone */
    }
  }
}

/**
 * Removes hashed builds of `name` beyond the KEEP newest (with their compressed copies), and its chunks
 * (`<name>-….<hash>.js`) that no kept build imports, directly or through another chunk.
 */
function prune(name) {
  const pattern = new RegExp(`^${name}\\.[0-9a-f]{12}\\.js$`);
  const builds = readdirSync(out)
    .filter((f) => pattern.test(f))
    .map((f) => ({ f, at: statSync(join(out, f)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const { f } of builds.slice(KEEP)) remove(f);
  const chunk = new RegExp(`^${name}-[a-z-]+\\.[0-9A-Z]{8}\\.js$`);
  const chunks = readdirSync(out).filter((f) => chunk.test(f));
  if (!chunks.length) return;
  const kept = new Set();
  const visit = (f) => {
    if (kept.has(f)) return;
    kept.add(f);
    let text = '';
    try {
      text = readFileSync(join(out, f), 'utf8');
    } catch {
      return;
    }
    for (const m of text.matchAll(/["']\.\/([\w.-]+\.js)["']/g)) visit(m[1]);
  };
  for (const { f } of builds.slice(0, KEEP)) visit(f);
  for (const f of chunks) if (!kept.has(f)) remove(f);
}

mkdirSync(out, { recursive: true });
const manifest = {};
for (const [name, entry] of Object.entries(widgets)) {
  const split = SPLIT.has(name);
  const result = await build({
    absWorkingDir: root,
    entryPoints: { [name]: entry },
    write: false,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2021',
    minify: true,
    legalComments: 'eof',
    // Japanese text as UTF-8, not \u escapes (module scripts are always decoded as UTF-8).
    charset: 'utf8',
    sourcemap: false,
    logLevel: 'warning',
    plugins: [cssPlugin],
    // Lit's static `properties` + `declare` fields: keep TS field semantics as in tsconfig.json.
    tsconfigRaw: { compilerOptions: { useDefineForClassFields: false, experimentalDecorators: true } },
    define: { 'process.env.NODE_ENV': '"production"' },
    // The staff console: each `import()` a chunk, code shared by several in chunks of their own.
    ...(split ? { splitting: true, outdir: out, entryNames: `[name].[hash]`, chunkNames: `${name}-chunk.[hash]` } : {}),
  });
  const entryOut = split ? result.outputFiles.find((f) => basename(f.path).startsWith(`${name}.`)) : result.outputFiles[0];
  const code = Buffer.from(entryOut.contents);
  const file = `${name}.${createHash('sha256').update(code).digest('hex').slice(0, 12)}.js`;
  // Chunks first (their names carry esbuild's content hash), then the entry that imports them.
  let chunkBytes = { raw: 0, br: 0, gz: 0 };
  for (const f of result.outputFiles)
    if (f !== entryOut) {
      const sizes = writeCompressed(basename(f.path), Buffer.from(f.contents));
      for (const k of Object.keys(chunkBytes)) chunkBytes[k] += sizes[k];
    }
  const { br, gz } = writeCompressed(file, code);
  writeAtomic(join(out, `${name}.js`), `export*from"./${file}";\n`);
  manifest[name] = file;
  prune(name);
  console.log(
    `widgets: built dist/widgets/${file} (${(code.length / 1024).toFixed(1)} KB; brotli ${(br / 1024).toFixed(1)} KB, gzip ${(gz / 1024).toFixed(1)} KB) and ${name}.js${split ? ` + ${result.outputFiles.length - 1} chunks (gzip ${(chunkBytes.gz / 1024).toFixed(1)} KB)` : ''}`,
  );
}
writeAtomic(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

// Trusted documents: the operations of widgets/trusted-documents.ts by SHA-256 of their exact text
// (the widgets send that text; a client may send the hash alone as extensions.persistedQuery).
{
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['widgets/trusted-documents.ts'],
    write: false,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    logLevel: 'warning',
  });
  const mod = { exports: {} };
  new Function('module', 'exports', result.outputFiles[0].text)(mod, mod.exports);
  const documents = Object.fromEntries(mod.exports.TRUSTED_OPERATIONS.map((text) => [createHash('sha256').update(text).digest('hex'), text]));
  writeAtomic(join(out, 'trusted-documents.json'), `${JSON.stringify(documents, null, 2)}\n`);
  console.log(`widgets: wrote dist/widgets/trusted-documents.json (${Object.keys(documents).length} operations)`);
}
