/**
 * The procedures book: national procedure files plus each municipality's settings, validated once at
 * startup and then served from memory.
 *
 *   const book = loadProcedures(path.join(SEEDS_DIR, 'procedures'), catalogue);
 *   book.list('999999');                       // what デモ市 offers online
 *   book.get('cra-status-report', '999999');   // with its ぴったりサービス link and waiver setting
 */
import { type Catalogue, IssueList } from '../../programme';
import { loadProcedureSeeds } from './procedure.loader';
import { loadProcedureOverrides } from './procedure.overrides';
import { type MunicipalSettings, NO_SETTINGS } from './municipal-settings';
import { type MunicipalProcedure, PROCEDURE_IDS, type ProcedureDefinition, ProcedureError, type ProcedureId } from './procedure.types';

export interface ProcedureBook {
  /** Enabled procedures of a municipality, in docs/design.md order. */
  list(municipalityCode: string): MunicipalProcedure[];
  /** One procedure as the municipality offers it; undefined when unknown or switched off. */
  get(id: string, municipalityCode: string): MunicipalProcedure | undefined;
  /** The municipality's settings beside its procedures (family page URL, interview hours); empty by default. */
  settings(municipalityCode: string): MunicipalSettings;
}

/** Loads everything under `dir` (seeds/procedures); throws ProcedureError naming every file and field at fault. */
export function loadProcedures(dir: string, catalogue?: Catalogue): ProcedureBook {
  const issues = new IssueList();
  const base = loadProcedureSeeds(dir, issues);
  const overrides = loadProcedureOverrides(dir, base, issues);
  if (issues.size > 0) throw new ProcedureError(issues.items);

  const cache = new Map<string, ReadonlyMap<string, MunicipalProcedure>>();
  const customised = new Set([...overrides.keys(), ...(catalogue?.municipalities().map((m) => m.code) ?? [])]);
  // Municipalities without settings of their own share the default view, so the cache stays bounded.
  const viewFor = (requested: string): ReadonlyMap<string, MunicipalProcedure> => {
    const code = customised.has(requested) ? requested : '';
    let view = cache.get(code);
    if (!view) {
      const settings = overrides.get(code)?.procedures;
      const entries = PROCEDURE_IDS.flatMap((id): [string, MunicipalProcedure][] => {
        const p = base.get(id) as ProcedureDefinition;
        const o = settings?.get(id) ?? {};
        // A procedure for a programme the municipality has switched off is not offered either.
        const programmeOn = !catalogue || catalogue.get(p.programme, code || undefined) !== undefined;
        const m: MunicipalProcedure = {
          ...p,
          enabled: (o.enabled ?? true) && programmeOn,
          allowInterviewWaiver: o.allowInterviewWaiver ?? false,
          targetDays: o.targetDays ?? p.targetDays,
          ...(o.pittariUrl ? { pittariUrl: o.pittariUrl } : {}),
          ...(o.contact ? { contact: o.contact } : {}),
        };
        return [[id, Object.freeze(m)]];
      });
      view = new Map(entries);
      cache.set(code, view);
    }
    return view;
  };
  return {
    list: (code) => [...viewFor(code).values()].filter((p) => p.enabled),
    get: (id, code) => {
      const p = viewFor(code).get(id);
      return p?.enabled ? p : undefined;
    },
    settings: (code) => overrides.get(code)?.settings ?? NO_SETTINGS,
  };
}

/** Whether the family must come to an interview, given its answers and the municipality's setting. */
export function interviewNeeded(p: MunicipalProcedure, answers: Readonly<Record<string, string | null>>): boolean {
  if (p.interview === 'none') return false;
  if (p.interviewWaiverQuestion && p.allowInterviewWaiver && answers[p.interviewWaiverQuestion] === 'true') return false;
  return p.interview === 'required';
}

export type { ProcedureId };
