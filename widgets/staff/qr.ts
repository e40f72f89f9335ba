import { encode } from 'uqr';

/**
 * A QR code as one SVG path (uqr's module matrix), drawn by the console with a Lit template:
 * no markup string is parsed, so the console's strict CSP and Trusted Types hold. A quiet zone of
 * four modules surrounds the code, as readers expect.
 */
export function qrPath(text: string): { size: number; d: string } {
  const { data } = encode(text, { ecc: 'M', border: 0 });
  const quiet = 4;
  let d = '';
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) d += `M${x + quiet} ${y + quiet}h1v1h-1z`;
    }),
  );
  return { size: data.length + 2 * quiet, d };
}
