/** Operations of 「支援制度の設定」 (api/accounts/programme-settings.ts). */
export interface ProgrammeText {
  ja: string;
  en: string;
  jaEasy: string;
}
export interface ProgrammeRow {
  id: string;
  name: string;
  level: 'national' | 'prefectural' | 'municipal';
  enabled: boolean;
  contact: ProgrammeText;
  amounts: { key: string; value: number; fileValue: number }[];
  changedHere: string[];
}
export interface ProgrammeSettingsData {
  version: number;
  programmes: ProgrammeRow[];
}
export interface SettingChange {
  path: string;
  before: string | null;
  after: string | null;
}
export interface SaveResult {
  applied: boolean;
  changes: SettingChange[];
  settings: ProgrammeSettingsData;
}
/** One programme's changes as the API takes them. */
export interface ProgrammeChange {
  programmeId: string;
  enabled?: boolean;
  contact?: ProgrammeText;
  amounts?: { key: string; value: number }[];
}

const SETTINGS = 'version programmes { id name level enabled contact { ja en jaEasy } amounts { key value fileValue } changedHere }';
export const PROGRAMME_SETTINGS = `query StaffProgrammeSettings { programmeSettings { ${SETTINGS} } }`;
export const SAVE_PROGRAMME_SETTINGS = `mutation StaffSaveProgrammeSettings($input: ProgrammeSettingsInput!) { saveProgrammeSettings(input: $input) { applied changes { path before after } settings { ${SETTINGS} } } }`;
