import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';

/**
 * Where the widget tests find a browser, in order: CHROMIUM_PATH (the operator's choice wins, and a
 * wrong one is an error, not a silent fallback), the system's Chromium or Chrome, then the copy
 * `playwright-core install chromium` downloads. Debian's package comes first because Playwright's
 * downloaded builds do not run on every machine (STACK.md: this workplace's machines).
 */
export const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export interface ChromiumSearch {
  env: NodeJS.ProcessEnv;
  exists: (path: string) => boolean;
  /** Playwright's own download location (where `playwright-core install chromium` puts it). */
  playwrightPath: () => string | null;
}

const realSearch = (): ChromiumSearch => ({
  env: process.env,
  exists: existsSync,
  playwrightPath: () => {
    try {
      return chromium.executablePath();
    } catch {
      return null;
    }
  },
});

/** The browser to launch, or null when this machine has none. Throws when CHROMIUM_PATH is wrong. */
export function findChromium(search: ChromiumSearch = realSearch()): string | null {
  const chosen = search.env.CHROMIUM_PATH;
  if (chosen) {
    if (!search.exists(chosen)) throw new Error(`CHROMIUM_PATH=${chosen} does not exist; point it at a Chromium or Chrome executable, or unset it`);
    return chosen;
  }
  const system = SYSTEM_CHROMIUMS.find((p) => search.exists(p));
  if (system) return system;
  const downloaded = search.playwrightPath();
  return downloaded && search.exists(downloaded) ? downloaded : null;
}

export interface Platform {
  isRoot: boolean;
  isDebian: boolean;
}

/**
 * How to install a browser here: Debian's packages when we may (root on Debian — the fonts too, since
 * the layout tests measure Japanese text), otherwise Playwright's download into the user's cache.
 */
export function installCommand(p: Platform): string[] {
  if (p.isRoot && p.isDebian) return ['sh', '-c', 'apt-get update -q && apt-get install -y -q chromium fonts-noto-cjk'];
  // cli.js is not in the package's exports map; find it beside package.json.
  return [process.execPath, join(dirname(require.resolve('playwright-core/package.json')), 'cli.js'), 'install', 'chromium'];
}

/** The one line `npm test` prints when it cannot get a browser itself. */
export function missingChromiumMessage(p: Platform): string {
  const how = p.isDebian ? 'sudo apt-get install chromium fonts-noto-cjk' : 'npx playwright-core install chromium';
  return `npm test needs Chromium for the widget tests and could not install one: run \`${how}\`, or set CHROMIUM_PATH to a Chromium/Chrome executable`;
}

/**
 * Called once before the suite (test/support/global-setup.ts): finds a browser, installs one the
 * platform's way when there is none, and otherwise fails at once with one line — instead of every
 * browser test file failing on its own.
 */
export function ensureChromium(log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): string {
  const found = findChromium();
  if (found) return found;
  const platform: Platform = { isRoot: process.getuid?.() === 0, isDebian: existsSync('/etc/debian_version') };
  const [cmd, ...args] = installCommand(platform);
  log(`No Chromium found; installing one for the widget tests: ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'], timeout: 15 * 60_000 });
  const after = r.status === 0 ? findChromium() : null;
  if (!after) throw new Error(missingChromiumMessage(platform));
  return after;
}
