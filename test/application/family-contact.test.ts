// The family changes its own contact consent on its page (issue 17): contact allowed and the notice
// channels, each change kept in the consent history as the family's own ("family-page"), effective at
// once — a family that withdrew contact is not told of a decision; a channel without an address cannot
// be chosen; another session cannot touch it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DepartmentCode } from '../../api/core/departments';
import { consentHistory } from '../../api/outreach';
import { PersonalRecord } from '../../api/record/personal-record.entity';
import { startTestApp, type TestApp } from '../support/app';
import { captureNotices, familyFromIntake } from './support-api';

const CONTACT = 'contactAllowed channels { channel available granted }';
const PAGE = `query($s: String!) { familyPage(session: $s) { contact { ${CONTACT} } } }`;
const UPDATE = `mutation($i: UpdateFamilyContactInput!) { updateFamilyContact(input: $i) { ${CONTACT} } }`;

describe('the family’s contact consent', () => {
  let t: TestApp;
  let notices: ReturnType<typeof captureNotices>;
  beforeAll(async () => {
    t = await startTestApp({ records: 0 });
    notices = captureNotices(t);
  });
  afterAll(() => t.close());

  it('shows contact allowed and the channels; grants and withdraws a channel, kept as the family’s own change', async () => {
    const { session, referenceNumber } = await familyFromIntake(t);
    const page = (await t.gql(PAGE, { s: session })).body.data!.familyPage.contact;
    expect(page).toEqual({
      contactAllowed: true,
      channels: [
        { channel: 'EMAIL', available: true, granted: false },
        { channel: 'SMS', available: true, granted: false },
        { channel: 'PHONE', available: true, granted: false },
        { channel: 'LINE', available: true, granted: false },
      ],
    });

    const granted = (await t.gql(UPDATE, { i: { session, contactAllowed: true, channels: [{ channel: 'EMAIL', granted: true }] } })).body.data!
      .updateFamilyContact;
    expect(granted.channels.find((c: { channel: string }) => c.channel === 'EMAIL').granted).toBe(true);
    const record = await t.em().findOneOrFail(PersonalRecord, { referenceNumber });
    const history = await consentHistory(t.em(), record.id);
    expect(history).toEqual([expect.objectContaining({ channel: 'EMAIL', granted: true, method: 'family-page', recordedBy: null })]);

    // Saving the same again writes nothing new.
    await t.gql(UPDATE, { i: { session, contactAllowed: true, channels: [{ channel: 'EMAIL', granted: true }] } });
    expect(await consentHistory(t.em(), record.id)).toHaveLength(1);
    const withdrawn = (await t.gql(UPDATE, { i: { session, contactAllowed: true, channels: [{ channel: 'EMAIL', granted: false }] } })).body.data!
      .updateFamilyContact;
    expect(withdrawn.channels.every((c: { granted: boolean }) => !c.granted)).toBe(true);
    expect((await consentHistory(t.em(), record.id))[0]).toMatchObject({ channel: 'EMAIL', granted: false, method: 'family-page' });
  });

  it('refuses a channel without an address and a channel given twice, changing nothing', async () => {
    const { session, referenceNumber } = await familyFromIntake(t, { contact: { phone: '090-3333-4444', contactAllowed: true, preferredChannel: 'PHONE' } });
    const noEmail = await t.gql(UPDATE, {
      i: {
        session,
        contactAllowed: true,
        channels: [
          { channel: 'SMS', granted: true },
          { channel: 'EMAIL', granted: true },
        ],
      },
    });
    expect(noEmail.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.channels.1.channel' });
    const twice = await t.gql(UPDATE, {
      i: {
        session,
        contactAllowed: true,
        channels: [
          { channel: 'SMS', granted: true },
          { channel: 'SMS', granted: false },
        ],
      },
    });
    expect(twice.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.channels.1.channel' });
    const record = await t.em().findOneOrFail(PersonalRecord, { referenceNumber });
    expect(await consentHistory(t.em(), record.id)).toEqual([]);
    const bad = await t.gql(UPDATE, { i: { session: 'fam_not-a-session', contactAllowed: false, channels: [] } });
    expect(bad.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('withdrawing contact withdraws every channel and takes effect at once: the next decision is not sent', async () => {
    const { session, referenceNumber } = await familyFromIntake(t);
    await t.gql(UPDATE, {
      i: {
        session,
        contactAllowed: true,
        channels: [
          { channel: 'EMAIL', granted: true },
          { channel: 'SMS', granted: true },
        ],
      },
    });
    const off = (await t.gql(UPDATE, { i: { session, contactAllowed: false, channels: [{ channel: 'EMAIL', granted: true }] } })).body.data!
      .updateFamilyContact;
    expect(off).toEqual({
      contactAllowed: false,
      channels: [
        { channel: 'EMAIL', available: true, granted: false },
        { channel: 'SMS', available: true, granted: false },
        { channel: 'PHONE', available: true, granted: false },
        { channel: 'LINE', available: true, granted: false },
      ],
    });
    const record = await t.em().findOneOrFail(PersonalRecord, { referenceNumber });
    expect(record.contact.contactAllowed).toBe(false);

    const s = (
      await t.gql(`mutation($i: StartApplicationInput!) { startApplication(input: $i) { id version } }`, {
        i: { session, procedureId: 'welfare-loan-consultation' },
      })
    ).body.data!.startApplication;
    const saved = (
      await t.gql(`mutation($i: SaveApplicationInput!) { saveApplication(input: $i) { version } }`, {
        i: { session, id: s.id, version: s.version, answers: [{ question: 'purpose', value: 'moving' }] },
      })
    ).body.data!.saveApplication;
    await t.gql(`mutation($i: SubmitApplicationInput!) { submitApplication(input: $i) { receiptNumber } }`, {
      i: { session, id: s.id, version: saved.version },
    });
    const owner = await t.login(DepartmentCode.SINGLE_PARENT);
    const before = notices.length;
    const r = await t.gql(
      `mutation($i: ApplicationDecisionInput!) { decideApplication(input: $i) { status } }`,
      { i: { id: s.id, version: saved.version + 1, status: 'INFO_REQUESTED', message: '書類をお願いします' } },
      owner,
    );
    expect(r.body.errors).toBeUndefined();
    expect(notices.length).toBe(before);

    // Allowing contact again does not bring the channels back by itself.
    const on = (await t.gql(UPDATE, { i: { session, contactAllowed: true, channels: [] } })).body.data!.updateFamilyContact;
    expect(on.contactAllowed).toBe(true);
    expect(on.channels.every((c: { granted: boolean }) => !c.granted)).toBe(true);
  });
});
