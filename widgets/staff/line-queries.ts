/** The LINE settings screen's operations (staff-line.ts); the API is api/line/line-settings.resolver.ts. */
export interface LineConnectionTest {
  at: string;
  ok: boolean;
  problem: string | null;
  botName: string | null;
}

export interface LineChannelSettings {
  municipalityCode: string;
  source: 'NONE' | 'ENVIRONMENT' | 'CONSOLE';
  connected: boolean;
  channelId: string | null;
  channelSecretSet: boolean;
  accessTokenSet: boolean;
  basicId: string | null;
  webhookUrl: string;
  updatedAt: string | null;
  updatedByName: string | null;
  lastTest: LineConnectionTest | null;
}

const FIELDS =
  'municipalityCode source connected channelId channelSecretSet accessTokenSet basicId webhookUrl updatedAt updatedByName lastTest { at ok problem botName }';
export const LINE_SETTINGS = `query StaffLineSettings { lineSettings { ${FIELDS} } }`;
export const UPDATE_LINE_SETTINGS = `mutation StaffUpdateLineSettings($input: LineSettingsInput!) { updateLineSettings(input: $input) { ${FIELDS} } }`;
export const TEST_LINE_CONNECTION = `mutation StaffTestLineConnection { testLineConnection { ${FIELDS} } }`;
