import { describe, expect, it } from 'vitest';
import { findChromium, installCommand, missingChromiumMessage, type ChromiumSearch } from '../support/chromium';

/** A machine described by the files it has. */
const machine = (
  files: string[],
  env: NodeJS.ProcessEnv = {},
  playwright: string | null = '/home/u/.cache/ms-playwright/chromium-1/chrome',
): ChromiumSearch => ({
  env,
  exists: (p) => files.includes(p),
  playwrightPath: () => playwright,
});

describe('finding a browser for the widget tests (npm test on a fresh machine)', () => {
  it('takes CHROMIUM_PATH first, even when a system Chromium exists', () => {
    expect(findChromium(machine(['/opt/chrome', '/usr/bin/chromium'], { CHROMIUM_PATH: '/opt/chrome' }))).toBe('/opt/chrome');
  });

  it('says so when CHROMIUM_PATH points at nothing, instead of silently using another browser', () => {
    expect(() => findChromium(machine(['/usr/bin/chromium'], { CHROMIUM_PATH: '/nope' }))).toThrow(/CHROMIUM_PATH=\/nope does not exist/);
  });

  it("prefers the system's Chromium, then Chrome, then Playwright's download", () => {
    expect(findChromium(machine(['/usr/bin/google-chrome', '/usr/bin/chromium']))).toBe('/usr/bin/chromium');
    expect(findChromium(machine(['/usr/bin/google-chrome']))).toBe('/usr/bin/google-chrome');
    expect(findChromium(machine(['/home/u/.cache/ms-playwright/chromium-1/chrome']))).toBe('/home/u/.cache/ms-playwright/chromium-1/chrome');
  });

  it('returns null when there is none (then the global setup installs one or stops the run)', () => {
    expect(findChromium(machine([]))).toBeNull();
    expect(findChromium(machine([], {}, null))).toBeNull();
  });

  it("installs the platform's way: Debian's packages (with Japanese fonts) as root on Debian, else Playwright's", () => {
    expect(installCommand({ isRoot: true, isDebian: true }).join(' ')).toMatch(/apt-get install -y -q chromium fonts-noto-cjk/);
    const other = installCommand({ isRoot: false, isDebian: true });
    expect(other.slice(-2)).toEqual(['install', 'chromium']);
    expect(other[1]).toMatch(/playwright-core[/\\]cli\.js$/);
  });

  it('fails in one line that names the command to run', () => {
    for (const isDebian of [true, false]) {
      const line = missingChromiumMessage({ isRoot: false, isDebian });
      expect(line).not.toContain('\n');
      expect(line).toContain(isDebian ? 'apt-get install chromium fonts-noto-cjk' : 'npx playwright-core install chromium');
    }
  });
});
