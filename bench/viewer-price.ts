/**
 * The price of the viewer-grade model (README, "Privacy for viewers"): loads the generated pilot
 * logs as `sagsflow demo` (`npm start`) does (2,000 cases each, seed 2026, dagpenge dirty, with
 * deviations, each with its process's BPMN model and rule catalogue) at k = 5 and prints, per
 * log, where a viewer sees the cases: in their own (jobcenter, month), pooled to the quarter,
 * year or all periods, pooled across jobcenters, in "other variants", or left out; then the
 * share of rule checks (case x rule) in merged `other` status rows and the share of checked
 * (closed) cases whose conformance a viewer sees. Run: `node --import tsx bench/viewer-price.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { attachedModel } from '../service/src/conformance/attached-model';
import { openDatabase } from '../service/src/db/client';
import { generateLog, PROCESS_NAMES } from '../service/src/generate/index';
import { ingestFiles } from '../service/src/ingest/ingest-files';
import { readViewerAnalysisInput } from '../service/src/precompute/viewer/analysis-input';
import { ALL_PERIODS, OTHER_JOBCENTERS } from '../service/src/precompute/viewer/viewer-cells';
import { catalogueForLoad } from '../service/src/rules/attach';

const K = 5;
const STAGES = ['own month', 'quarter', 'year', 'all periods', 'andre jobcentre', 'other variants', 'left out'] as const;

const pct = (n: number, of: number) => `${((100 * n) / Math.max(1, of)).toFixed(1)}%`;

async function main(): Promise<void> {
  process.env['SAGSFLOW_SECRET'] ??= 'viewer-price-secret';
  const dir = mkdtempSync(join(tmpdir(), 'sagsflow-viewer-price-'));
  const store = openDatabase(join(dir, 'price.sqlite'));
  const lines: string[] = [];
  try {
    for (const name of PROCESS_NAMES) {
      const file = join(dir, `${name}.csv`);
      await generateLog({ process: name, cases: 2_000, seed: 2026, dirty: name === 'dagpenge', deviations: true, out: file });
      const model = await attachedModel(undefined, name, undefined);
      const rules = await catalogueForLoad({ process: name });
      await ingestFiles(store, {
        files: [file],
        log: name,
        process: name,
        minGroupSize: K,
        ...(model ? { model } : {}),
        ...(rules ? { rules } : {}),
      });
      const input = readViewerAnalysisInput(store.sqlite, name, 1)!;
      const counts = new Map<string, number>(STAGES.map((s) => [s, 0]));
      const add = (stage: string) => counts.set(stage, counts.get(stage)! + 1);
      const cases = store.sqlite.prepare('SELECT case_id, jobcenter, period FROM cases WHERE log = ?').all(name) as {
        case_id: string;
        jobcenter: string;
        period: string;
      }[];
      for (const c of cases) {
        const at = input.caseCell.get(c.case_id)!;
        if (at.cell < 0) add('left out');
        else if (!at.kept) add('other variants');
        else {
          const cell = input.cells[at.cell]!;
          if (cell.jobcenter === OTHER_JOBCENTERS) add('andre jobcentre');
          else if (cell.period === c.period) add('own month');
          else if (cell.period === ALL_PERIODS) add('all periods');
          else if (/Q\d$/.test(cell.period)) add('quarter');
          else add('year');
        }
      }
      const n = cases.length;
      const checks = store.sqlite
        .prepare(
          "SELECT sum(cases) AS all_, sum(CASE WHEN status = 'other' THEN cases ELSE 0 END) AS other FROM viewer_compliance WHERE log = ?",
        )
        .get(name) as { all_: number | null; other: number | null };
      const exactChecks = store.sqlite.prepare('SELECT sum(cases) AS n FROM compliance WHERE log = ?').get(name) as { n: number | null };
      const closed = store.sqlite.prepare('SELECT count(*) AS n FROM conformance_cases WHERE log = ?').get(name) as { n: number };
      const seen = store.sqlite.prepare('SELECT sum(cases) AS n FROM viewer_conformance_variants WHERE log = ?').get(name) as {
        n: number | null;
      };
      lines.push(
        `| ${name} | ${STAGES.map((s) => pct(counts.get(s)!, n)).join(' | ')} | ${pct(n - counts.get('own month')!, n)} | ` +
          `${pct(checks.other ?? 0, exactChecks.n ?? 0)} | ${pct(seen.n ?? 0, closed.n)} |`,
      );
    }
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(
    `k = ${K}, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}\n| log | ${STAGES.join(' | ')} | cases in merged rows | rule checks in "other" rows | conformance seen |\n`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
