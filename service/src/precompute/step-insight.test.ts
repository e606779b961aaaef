import { afterEach, describe, expect, it } from 'vitest';
import { loadModel } from '../conformance/load-model';
import { fixtureApp } from '../testing/http-fixture';
import { ingestFiles } from '../ingest/index';
import { tempDir } from '../testing/ingest-fixtures';
import { parseCatalogue } from '../rules/parse-catalogue';

const CATALOGUE = `catalogue: insight-test
rules:
  - id: R-CV
    title: {da: "CV senest 2 uger efter tilmelding", en: "CV within 2 weeks"}
    source: "LAB §§ 22-23"
    basis: law
    kind: within
    a: Tilmeldt
    b: CV
    limit: {days: 14}
`;

/** Nord, March: 4 on time and N6 six days late; Nord, April: N5 on time; Syd, March: S1 on time, S2 and S3 late. */
const CV_CASES: [string, string, string, string][] = [
  ['N1', 'Nord', '2024-03-01', '2024-03-04'],
  ['N2', 'Nord', '2024-03-04', '2024-03-07'],
  ['N3', 'Nord', '2024-03-05', '2024-03-08'],
  ['N4', 'Nord', '2024-03-06', '2024-03-09'],
  ['N5', 'Nord', '2024-04-02', '2024-04-05'],
  ['N6', 'Nord', '2024-03-01', '2024-03-21'],
  ['S1', 'Syd', '2024-03-04', '2024-03-06'],
  ['S2', 'Syd', '2024-03-04', '2024-03-19'],
  ['S3', 'Syd', '2024-03-04', '2024-03-21'],
];
const CV_CSV =
  [
    'Sags-id,Jobcenter,Aktivitet,Tidspunkt',
    ...CV_CASES.flatMap(([id, jc, a, b]) => [`${id},${jc},Tilmeldt,${a} 09:00`, `${id},${jc},CV,${b} 10:00`]),
  ].join('\n') + '\n';

const SEQUENCE_BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="defs" targetNamespace="t">
  <bpmn:process id="p"><bpmn:startEvent id="s"/><bpmn:task id="a" name="A"/><bpmn:task id="b" name="B"/><bpmn:task id="c" name="C"/><bpmn:endEvent id="e"/>
  <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="a"/><bpmn:sequenceFlow id="f2" sourceRef="a" targetRef="b"/>
  <bpmn:sequenceFlow id="f3" sourceRef="b" targetRef="c"/><bpmn:sequenceFlow id="f4" sourceRef="c" targetRef="e"/></bpmn:process>
</bpmn:definitions>`;

/** Nord: 6 × A B C, 2 × A C (B skipped); Syd: 5 × A B C, 1 × A D C (D not in the model). */
function sequenceCsv(): string {
  const lines = ['Sags-id,Aktivitet,Tidspunkt,Jobcenter'];
  const add = (jobcenter: string, count: number, trace: string[]) => {
    for (let i = 0; i < count; i++)
      trace.forEach((a, k) => lines.push(`${jobcenter}-${trace.join('')}-${i},${a},2024-03-0${k + 1} 10:00:00,${jobcenter}`));
  };
  add('Nord', 6, ['A', 'B', 'C']);
  add('Nord', 2, ['A', 'C']);
  add('Syd', 5, ['A', 'B', 'C']);
  add('Syd', 1, ['A', 'D', 'C']);
  return `${lines.join('\n')}\n`;
}

const temps: ReturnType<typeof tempDir>[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) t.remove();
});

function marked(store: ReturnType<typeof fixtureApp>['store'], table: string, columns: string, where: string) {
  return store.sqlite
    .prepare(
      `SELECT jobcenter, period, from_activity AS "from", to_activity AS "to", cases, ${columns} FROM ${table} WHERE ${where} ORDER BY jobcenter, period, step_index`,
    )
    .all();
}

describe('step insight columns (through ingestFiles)', () => {
  it('rule violations: exact rows count the late CV on the step into CV; viewer rows only at k and above', async () => {
    const t = tempDir();
    temps.push(t);
    const fx = fixtureApp({ seed: false });
    const report = await ingestFiles(fx.store, {
      files: [t.write('cv.csv', CV_CSV)],
      log: 'cv',
      minGroupSize: 2,
      rules: { catalogue: parseCatalogue(CATALOGUE, 'c.yaml'), text: CATALOGUE },
    });
    expect(report.compliance?.stepInsight).toEqual({ steps: 2, viewerSteps: 1 });
    const rule = '[{"rule":"R-CV","da":"CV senest 2 uger efter tilmelding","en":"CV within 2 weeks"}]';
    expect(marked(fx.store, 'steps', 'violation_cases AS n, violated_rules AS rules', 'violation_cases > 0')).toEqual([
      { jobcenter: 'Nord', period: '2024-03', from: 'Tilmeldt', to: 'CV', cases: 5, n: 1, rules: rule },
      { jobcenter: 'Syd', period: '2024-03', from: 'Tilmeldt', to: 'CV', cases: 3, n: 2, rules: rule },
    ]);
    // k = 2: Nord's single late case shows 0; Syd's 2 of 3 leave 1 (< k) on time, so all 3 show.
    expect(marked(fx.store, 'viewer_steps', 'violation_cases AS n, violated_rules AS rules', "to_activity = 'CV'")).toEqual([
      { jobcenter: 'Nord', period: '2024-03', from: 'Tilmeldt', to: 'CV', cases: 5, n: 0, rules: null },
      { jobcenter: 'Syd', period: '2024-03', from: 'Tilmeldt', to: 'CV', cases: 3, n: 3, rules: rule },
    ]);
    const small = fx.store.sqlite
      .prepare('SELECT count(*) FROM viewer_steps WHERE violation_cases > 0 AND violation_cases < 2')
      .pluck()
      .get();
    expect(small).toBe(0);
  });

  it('deviations: the skipped B sits on A → C (or D → C after the unmodelled D), D on the step into D', async () => {
    const t = tempDir();
    temps.push(t);
    const fx = fixtureApp({ seed: false });
    const report = await ingestFiles(fx.store, {
      files: [t.write('seq.csv', sequenceCsv())],
      log: 'seq',
      minGroupSize: 2,
      model: await loadModel(t.write('model.bpmn', SEQUENCE_BPMN)),
    });
    expect(report.conformance?.stepInsight).toEqual({ steps: 3, viewerSteps: 1 });
    const columns = 'log_move_cases AS log, model_move_cases AS model, skipped_activities AS skipped';
    const where = 'log_move_cases + model_move_cases > 0';
    expect(marked(fx.store, 'steps', columns, where)).toEqual([
      { jobcenter: 'Nord', period: '2024-03', from: 'A', to: 'C', cases: 2, log: 0, model: 2, skipped: '["B"]' },
      { jobcenter: 'Syd', period: '2024-03', from: 'A', to: 'D', cases: 1, log: 1, model: 0, skipped: null },
      // D replaced B: the aligner moves past D (log move), then skips B before C (model move).
      { jobcenter: 'Syd', period: '2024-03', from: 'D', to: 'C', cases: 1, log: 0, model: 1, skipped: '["B"]' },
    ]);
    expect(marked(fx.store, 'viewer_steps', columns, where)).toEqual([
      { jobcenter: 'Nord', period: '2024-03', from: 'A', to: 'C', cases: 2, log: 0, model: 2, skipped: '["B"]' },
    ]);
  });
});
