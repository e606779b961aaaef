export { precomputeModel } from './precompute-model';
export type { PrecomputeContext } from './precompute-model';
export type { ModelSummary, ModelTable } from './model-writer';
export { createPeriodOf, PERIOD_TIME_ZONE } from './period';
export { groupCases, JOBCENTER_ATTRIBUTE, PROCESS_ATTRIBUTE, UNKNOWN_JOBCENTER } from './case-groups';
export type { Grain } from './case-groups';
export { reprecomputeLog, staleLogs } from './reprecompute';
