/**
 * A municipality's own settings beside its procedures (seeds/procedures/overrides/<code>.yaml, top level):
 *
 *   familyPageUrl: https://www.city.example.lg.jp/mypage/   # its page with <yorisoi-mypage>; notices link there
 *   interviews:                                             # opening hours for interviews, per department
 *     single-parent:
 *       periods: [["09:00", "12:00"], ["13:00", "16:30"]]   # Japan time, on open days (api/core/open-days)
 *       slotMinutes: 30
 *       capacity: 2                                         # families per slot
 *       daysAhead: 20
 *       closedDates: ["2027-02-12"]                         # the municipality's own closures, besides 開庁日
 */
import { DEPARTMENT_CODES, type DepartmentCode } from '../../core';
import { type IssueList, validateHttpsUrl } from '../../programme';
import { DEFAULT_HOURS, type InterviewHours } from '../interviews/hours';
import { at, integer, isPlainObject, unknownFields } from './fields';

export interface MunicipalSettings {
  readonly familyPageUrl?: string;
  readonly interviews: ReadonlyMap<DepartmentCode, InterviewHours>;
}

export const NO_SETTINGS: MunicipalSettings = { interviews: new Map() };
export const SETTINGS_FIELDS = ['familyPageUrl', 'interviews'] as const;
const HOURS_FIELDS = ['periods', 'slotMinutes', 'capacity', 'daysAhead', 'closedDates'] as const;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function hours(raw: unknown, file: string, f: string, issues: IssueList): InterviewHours | undefined {
  if (!isPlainObject(raw)) {
    issues.add(file, f, `must be a map of ${HOURS_FIELDS.join(', ')}`);
    return undefined;
  }
  unknownFields(raw, HOURS_FIELDS, file, f, issues);
  const before = issues.size;
  const slotMinutes = raw.slotMinutes === undefined ? DEFAULT_HOURS.slotMinutes : integer(raw.slotMinutes, file, at(f, 'slotMinutes'), issues, 10, 180);
  const capacity = raw.capacity === undefined ? DEFAULT_HOURS.capacity : integer(raw.capacity, file, at(f, 'capacity'), issues, 1, 50);
  const daysAhead = raw.daysAhead === undefined ? DEFAULT_HOURS.daysAhead : integer(raw.daysAhead, file, at(f, 'daysAhead'), issues, 1, 90);
  let periods: Array<readonly [string, string]> = [...DEFAULT_HOURS.periods];
  if (raw.periods !== undefined) {
    if (!Array.isArray(raw.periods) || raw.periods.length === 0 || raw.periods.length > 6)
      issues.add(file, at(f, 'periods'), 'must be a list of one to six ["HH:MM", "HH:MM"] pairs');
    else {
      periods = [];
      raw.periods.forEach((p: unknown, i: number) => {
        const ok =
          Array.isArray(p) && p.length === 2 && p.every((x) => typeof x === 'string' && HHMM.test(x)) && minutes(p[0] as string) < minutes(p[1] as string);
        if (!ok) issues.add(file, at(f, `periods.${i}`), 'must be ["HH:MM", "HH:MM"], the first before the second');
        else if (periods.length && minutes(p[0] as string) < minutes(periods[periods.length - 1]![1]))
          issues.add(file, at(f, `periods.${i}`), 'periods must be in order and not overlap');
        else periods.push([p[0] as string, p[1] as string]);
      });
    }
  }
  let closedDates: string[] = [];
  if (raw.closedDates !== undefined) {
    if (!Array.isArray(raw.closedDates) || !raw.closedDates.every((d) => typeof d === 'string' && DATE.test(d) && !Number.isNaN(Date.parse(d))))
      issues.add(file, at(f, 'closedDates'), 'must be a list of YYYY-MM-DD dates');
    else closedDates = raw.closedDates as string[];
  }
  if (issues.size > before || slotMinutes === undefined || capacity === undefined || daysAhead === undefined) return undefined;
  return { periods, slotMinutes, capacity, daysAhead, closedDates };
}

export function parseMunicipalSettings(raw: Record<string, unknown>, file: string, issues: IssueList): MunicipalSettings {
  const out: { familyPageUrl?: string; interviews: Map<DepartmentCode, InterviewHours> } = { interviews: new Map() };
  if (raw.familyPageUrl !== undefined) out.familyPageUrl = validateHttpsUrl(raw.familyPageUrl, file, 'familyPageUrl', issues);
  if (raw.interviews !== undefined) {
    if (!isPlainObject(raw.interviews)) issues.add(file, 'interviews', 'must be a map of department codes to opening hours');
    else
      for (const [department, h] of Object.entries(raw.interviews)) {
        if (!(DEPARTMENT_CODES as readonly string[]).includes(department)) {
          issues.add(file, at('interviews', department), `unknown department (${DEPARTMENT_CODES.join(', ')})`);
          continue;
        }
        const parsed = hours(h, file, at('interviews', department), issues);
        if (parsed) out.interviews.set(department as DepartmentCode, parsed);
      }
  }
  return out;
}
