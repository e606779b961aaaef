import type { SagsflowDatabase } from '../db/client';
import { conformanceActivities, conformanceCases, conformanceModels, conformanceVariants } from '../db/schema';
import type { FixtureGroup } from './http-fixture';

/**
 * Conformance rows of the fixture log `demo` against a model "A then B" (shortest run 2):
 * A→B fits; A→C costs 2 (C a log move, B a model move); A→B→C costs 1 (C a log move).
 */
export function seedConformanceFixture(store: SagsflowDatabase, groups: readonly FixtureGroup[]): void {
  const { db } = store;
  db.insert(conformanceModels)
    .values({
      log: 'demo',
      version: 1,
      model: 'model.bpmn',
      tasks: 2,
      places: 5,
      transitions: 4,
      shortestRun: 2,
      modelTasksNotInLog: '[]',
      logActivitiesNotInModel: '["C"]',
    })
    .run();
  let caseNo = 0;
  for (const g of groups) {
    const grain = { log: 'demo', version: 1, process: 'akademiker', jobcenter: g.jobcenter, period: g.period };
    const moves = [
      ...g.activities.filter((a) => a !== 'A' && a !== 'B').map((activity) => ({ kind: 'log' as const, activity })),
      ...(g.activities.includes('B') ? [] : [{ kind: 'model' as const, activity: 'B' }]),
    ];
    const cost = moves.length;
    const maxCost = g.activities.length + 2;
    const fitness = 1 - cost / maxCost;
    db.insert(conformanceVariants)
      .values({
        ...grain,
        variantKey: g.variantKey,
        cases: g.cases,
        alignedCases: g.cases,
        sumFitness: fitness * g.cases,
        fittingCases: cost === 0 ? g.cases : 0,
        sumCost: cost * g.cases,
        sumMaxCost: maxCost * g.cases,
        sumProduced: 0,
        sumConsumed: 0,
        sumMissing: 0,
        sumRemaining: 0,
        tokenFittingCases: cost === 0 ? g.cases : 0,
      })
      .run();
    for (const m of moves) {
      const log = m.kind === 'log' ? g.cases : 0;
      const model = m.kind === 'model' ? g.cases : 0;
      db.insert(conformanceActivities)
        .values({ ...grain, activity: m.activity, logMoves: log, modelMoves: model, logMoveCases: log, modelMoveCases: model })
        .run();
    }
    for (let c = 0; c < g.cases; c++) {
      db.insert(conformanceCases)
        .values({
          ...grain,
          caseId: `p_${g.jobcenter}_${++caseNo}`,
          variantKey: g.variantKey,
          fitness,
          cost,
          logMoves: moves.filter((m) => m.kind === 'log').length,
          modelMoves: moves.filter((m) => m.kind === 'model').length,
          tokenFitness: fitness,
          deviations: JSON.stringify(moves),
        })
        .run();
    }
  }
}
