/** `--code 131016 --name 千代田区 --departments single-parent=子ども家庭課,livelihood-support=福祉総務課` → options. */
export interface CreateArgs {
  code: string;
  name: string;
  departments?: { code: string; name: string }[];
  optionalTwoFactor: boolean;
  publicUrl?: string;
}

export const USAGE = `Usage: npm run municipality:create -- --code <6 digits> --name <name> [--departments <code>=<name>,<code>=<name>…] [--public-url https://yorisoi.example.lg.jp] [--two-factor-optional]
  --code         全国地方公共団体コード: 5 digits and the check digit (e.g. 131016 for 千代田区)
  --name         the municipality's name as staff see it
  --departments  which of the six departments exist, with their local names (single-parent is required);
                 default: all six with standard names. Codes: single-parent, livelihood-support,
                 family-register, public-housing, long-term-care, disability-welfare
  --public-url   where staff reach Yorisoi (default: PUBLIC_URL, else http://localhost:PORT)
  --two-factor-optional  staff may sign in without a second factor (default: required)`;

export function parseCreateArgs(argv: readonly string[]): CreateArgs | { error: string } {
  const values = new Map<string, string[]>();
  let optionalTwoFactor = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--two-factor-optional') {
      optionalTwoFactor = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const [key, inline] = arg.startsWith('--') && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    if (!['--code', '--name', '--departments', '--public-url'].includes(key)) return { error: `Unknown argument: ${arg.slice(0, 40)}` };
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith('--')) return { error: `${key} needs a value` };
    values.set(key, [...(values.get(key) ?? []), value]);
  }
  const code = values.get('--code')?.[0];
  const name = values.get('--name')?.[0];
  if (!code || !name) return { error: '--code and --name are required' };
  let departments: { code: string; name: string }[] | undefined;
  const d = values.get('--departments');
  if (d) {
    departments = [];
    for (const item of d.flatMap((v) => v.split(/[,、，]/))) {
      const at = item.indexOf('=');
      if (at <= 0) return { error: `--departments: "${item.slice(0, 40)}" is not <code>=<name>` };
      departments.push({ code: item.slice(0, at).trim(), name: item.slice(at + 1).trim() });
    }
  }
  return {
    code,
    name,
    ...(departments ? { departments } : {}),
    optionalTwoFactor,
    ...(values.get('--public-url') ? { publicUrl: values.get('--public-url')![0] } : {}),
  };
}
