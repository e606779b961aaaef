import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as core from './index';

const EXPECTED = [
  'SagsflowError',
  'InvalidLogError',
  'NotFoundError',
  'MisuseError',
  'Lifecycle',
  'EventLogBuilder',
  'lifecycleCode',
  'selectCases',
  'selectEvents',
  'pairActivityInstances',
  'activityTimes',
  'keepCompleteEvents',
  'discoverDfg',
  'variantKey',
  'VARIANT_KEY_SEPARATOR',
  'discoverVariants',
  'compareSequences',
  'durationStats',
  'durationStatsInPlace',
  'sortedDurationStats',
  'quantileSorted',
  'EMPTY_DURATION_STATS',
  'caseStatistics',
  'activityStatistics',
  'filterLog',
  'processMapFromDfg',
  'processMapFromLog',
  'sortEdges',
  'rankBottlenecks',
  'simplifyMap',
  'STEP_START',
  'STEP_END',
  'discoverSteps',
  'aggregateSteps',
  'discoverStepInsight',
  'formatRuleNames',
  'readRuleNames',
  'formatActivityNames',
  'readActivityNames',
  'readFindingNotes',
  'aggregateStepInsight',
  'insightEdgeKey',
  'BUCKET_BOUNDS_SECONDS',
  'BUCKET_COUNT',
  'BUCKET_COLUMNS',
  'bucketOf',
  'histogramQuantile',
  'applyMinimumGroupSize',
  'formatGroupCount',
  'OTHER_VARIANTS_KEY',
  'coarsenHistogram',
  'coarsenFineHistogram',
  // calendar
  'daysFromCivil',
  'civilFromDays',
  'isoWeekday',
  'daysInMonth',
  'formatIsoDate',
  'parseIsoDate',
  'easterSunday',
  'holidays',
  'assertCalendar',
  'CALENDAR_NAMES',
  'LAST_STORE_BEDEDAG_YEAR',
  'isHoliday',
  'isWorkingDay',
  'nextWorkingDay',
  'addWorkingDays',
  'addDays',
  'addWeeks',
  'addMonths',
  'localDayNumber',
  'localDayNumbers',
  'localMidnightMs',
  'utcOffsetMs',
  'workingDurationMs',
  // rules
  'RULE_KINDS',
  'RULE_BASES',
  'RULE_STATUSES',
  'RuleStatusCode',
  'evaluateRules',
  'evaluateRule',
  'eventDays',
  'deadlineDay',
  'complianceRate',
  'complianceByGroup',
  // what-if and effect
  'seededRandom',
  'bootstrapIntervals',
  'stratifiedBootstrap',
  'applyChange',
  'predictWhatIf',
  'measureEffect',
  'InvalidModelError',
  'buildWorkflowNet',
  'relabelNet',
  'netLabels',
  'checkWorkflowNet',
  'alignTrace',
  'DEFAULT_ALIGNMENT_BUDGET',
  'createAligner',
  'alignLog',
  'replayTrace',
  'replayLog',
  'processGraphToNet',
  'MAX_INCLUSIVE_BRANCHES',
  'compareLabels',
  // findings (issue 9)
  'buildFindings',
  'DEFAULT_FINDINGS_SETTINGS',
  'findingsSettings',
  'FINDING_KINDS',
  'findingId',
  'trackFindings',
  'markBottlenecks',
  'BOTTLENECK_DEFINITION',
  'edgeWaits',
  'workingMedianWait',
  'collectTransitions',
  'workloadAround',
  'weekNumber',
  'weekStartMs',
  'pearson',
  'compareGroups',
  'automationScores',
  'wilsonInterval',
  'bootstrapMedianDifference',
  'monthlyTrend',
  'normalisedEntropy',
  'utcMonth',
  'YEAR_MS',
  'FINE_BOUNDS_SECONDS',
  'FINE_BUCKET_COUNT',
  'FINE_COUNT_COLUMNS',
  'FINE_SECONDS_COLUMNS',
  'fineBucketOf',
  'emptyFineHistogram',
  'addFineHistogram',
  'fineQuantile',
];

describe('shared/src/index.ts', () => {
  it('exports exactly the documented runtime names', () => {
    expect(Object.keys(core).sort()).toEqual([...EXPECTED].sort());
  });

  it('keeps shared/src free of I/O and of the other packages (tests excepted)', () => {
    const root = fileURLToPath(new URL('.', import.meta.url));
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) files.push(path);
      }
    };
    walk(root);
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.filter((f) =>
      /from '(node:|fs|path|better-sqlite3|hono|d3|drizzle|powerbi)|from '\.\.\/\.\.\/(service|visual)|Date\.now\(|new Date\(\)/.test(
        readFileSync(f, 'utf8'),
      ),
    );
    expect(offenders).toEqual([]);
  });
});
