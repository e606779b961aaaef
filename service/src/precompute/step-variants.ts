import type { StepRow } from '@sagsflow/shared';

/** The step tables whose rows list findings. */
export type StepVariantsTable = 'steps' | 'viewer_steps';

/** What the step rows of one (process, jobcenter, variant) of a step table say, over all its periods. */
export interface VariantSteps {
  process: string;
  jobcenter: string;
  /** The ids of its rows that are step 0 of the variant. */
  ids: number[];
  /** The activities its steps go to, and those its cases skipped (`skipped_activities`). */
  activities: Set<string>;
  /** Its steps as `from\u0000to`. */
  pairs: Set<string>;
  /** The rules violated on its steps (`violated_rules`). */
  rules: Set<string>;
}

/** Per (process, jobcenter, variant) of a step table, keyed `process\u0000jobcenter\u0000variantKey`: what its steps say. */
export type StepVariants = Map<string, VariantSteps>;

/** The entry of a (process, jobcenter, variant) in `out`, created empty when new. */
export function variantStepsOf(out: StepVariants, process: string, jobcenter: string, variantKey: string): VariantSteps {
  const key = `${process}\u0000${jobcenter}\u0000${variantKey}`;
  let v = out.get(key);
  if (!v) out.set(key, (v = { process, jobcenter, ids: [], activities: new Set(), pairs: new Set(), rules: new Set() }));
  return v;
}

/**
 * Collects `StepVariants` of the step tables while precompute writes their rows, so that the
 * findings of a fresh load are listed beside the variants without reading the wide tables back
 * (`writeStepFindings`). Feed every row of a table, in the order written, with the id it got.
 * Valid while the rows' insight columns (`violated_rules`, `skipped_activities`) are empty: a
 * load with a rule catalogue or a model reads the tables instead.
 */
export interface StepVariantsCollector {
  /** Hears of a row; `listed`, when given, is the `findings` value it was written with (see `listed`). */
  add(
    table: StepVariantsTable,
    cell: { readonly process: unknown; readonly jobcenter: unknown },
    row: StepRowKey,
    id: number,
    listed?: string | null,
  ): void;
  readonly tables: Readonly<Record<StepVariantsTable, StepVariants>>;
  /** Per table: the step-0 rows written with their `findings` value (text or null) already, by id. */
  readonly listed: Readonly<Record<StepVariantsTable, ReadonlyMap<number, string | null>>>;
  /**
   * The steps of a variant whose first run has been added whole, else undefined. Ask at step 0 of
   * a run, before adding it (runs do not interleave, so every run added before has ended).
   */
  stepsOf(variantKey: string): Pick<VariantSteps, 'activities' | 'pairs'> | undefined;
  /** The jobcenters of a process's `steps` rows added so far (the exact table's; none yet: undefined). */
  exactJobcenters(process: string): ReadonlySet<string> | undefined;
}

/**
 * The `findings` text of a variant's step 0 in a cell of a step table, when it is known before
 * the row is written (null: none), else undefined (see `StepFindingsOf`).
 */
export type StepFindingsAhead = (
  table: StepVariantsTable,
  process: string,
  jobcenter: string,
  variantKey: string,
) => string | null | undefined;

/** The fields of a step row the collector reads. */
export type StepRowKey = Pick<StepRow, 'variantKey' | 'stepIndex' | 'from' | 'to'>;

/**
 * An empty collector. Rows come in runs of one (cell, variant), steps 0..n, so the entry is
 * looked up once a run (at step 0). A variant's steps are its activities in order in every cell
 * and both tables, so its `activities` and `pairs` are gathered from its first run and shared by
 * all its entries (read them, never change them).
 *
 * @example
 * const collected = createStepVariantsCollector();
 * collected.add('steps', { process: 'p', jobcenter: 'Nord' }, { variantKey: 'ab', stepIndex: 0, from: STEP_START, to: 'A' }, 1);
 */
export function createStepVariantsCollector(): StepVariantsCollector {
  const tables: Record<StepVariantsTable, StepVariants> = { steps: new Map(), viewer_steps: new Map() };
  const listed: Record<StepVariantsTable, Map<number, string | null>> = { steps: new Map(), viewer_steps: new Map() };
  const stepsOfVariant = new Map<string, Pick<VariantSteps, 'activities' | 'pairs'>>();
  const jobcenters = new Map<string, Set<string>>();
  let filling: Pick<VariantSteps, 'activities' | 'pairs'> | undefined;
  return {
    tables,
    listed,
    stepsOf: (variantKey) => stepsOfVariant.get(variantKey),
    exactJobcenters: (process) => jobcenters.get(process),
    add(table, cell, row, id, listedValue) {
      if (row.stepIndex === 0) {
        const key = `${String(cell.process)}\u0000${String(cell.jobcenter)}\u0000${row.variantKey}`;
        let v = tables[table].get(key);
        if (!v) {
          let steps = stepsOfVariant.get(row.variantKey);
          filling = undefined;
          if (!steps) stepsOfVariant.set(row.variantKey, (steps = filling = { activities: new Set(), pairs: new Set() }));
          v = { process: String(cell.process), jobcenter: String(cell.jobcenter), ids: [], rules: new Set(), ...steps };
          tables[table].set(key, v);
          if (table === 'steps') {
            let set = jobcenters.get(v.process);
            if (!set) jobcenters.set(v.process, (set = new Set()));
            set.add(v.jobcenter);
          }
        } else filling = undefined;
        v.ids.push(id);
        if (listedValue !== undefined) listed[table].set(id, listedValue);
      }
      if (filling) {
        filling.activities.add(row.to);
        filling.pairs.add(`${row.from}\u0000${row.to}`);
      }
    },
  };
}
