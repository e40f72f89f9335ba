import { ApiError, PartnerClient } from './client';
import { acceptReferral, allRecords, listReferrals, readReferredRecords, whoAmI } from './partner';

/**
 * The example run: who am I, my referrals, what I may read of each record, every record page by page.
 *   YORISOI_URL=http://localhost:4000/graphql YORISOI_PARTNER_TOKEN=yp_… node examples/partner/dist/main.js [--accept]
 * `--accept` accepts the REQUESTED referrals. Prints reference numbers and section names only — a real
 * client would show the data to the caseworker who needs it, never write it to a log.
 */
async function main(): Promise<void> {
  const url = process.env.YORISOI_URL ?? 'http://localhost:4000/graphql';
  const token = process.env.YORISOI_PARTNER_TOKEN;
  if (!token) {
    console.error('Set YORISOI_PARTNER_TOKEN (the municipality issues it; on the demo server: npm run example:partner:token).');
    process.exit(2);
  }
  const client = new PartnerClient({ url, token, locale: 'ja' });
  const me = await whoAmI(client);
  console.log(`${me.name} (${me.kind}, municipality ${me.municipalityCode})`);

  const referrals = await listReferrals(client);
  console.log(`${referrals.length} referral(s)`);
  for (const read of await readReferredRecords(client, referrals)) {
    const readable = read.record?.access.filter((a) => a.readable).map((a) => a.section) ?? [];
    const withheld = [...read.withheld].map(([path, reason]) => `${path.split('.').pop()}: ${reason}`);
    console.log(
      `- ${read.referral.record?.referenceNumber} ${read.referral.status}; readable: ${readable.join(', ')}${withheld.length ? `; withheld: ${withheld.join(', ')}` : ''}`,
    );
    if (process.argv.includes('--accept') && read.referral.status === 'REQUESTED') {
      console.log(`  accepted: ${(await acceptReferral(client, read.referral.id)).status}`);
    }
  }

  const { records, pages, totalCount } = await allRecords(client, 5);
  console.log(`records: ${records.length} of ${totalCount} in ${pages} page(s) of 5`);
}

main().catch((e: unknown) => {
  if (e instanceof ApiError) console.error(`Yorisoi API error (HTTP ${e.status}): ${e.message}`);
  else console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
