import type powerbi from 'powerbi-visuals-api';

/**
 * English text of every string the visual draws itself. The same keys and values are in
 * `stringResources/en-US/resources.resjson` (a test checks it); these are the fallback when a
 * host's localization manager has no entry and returns the key back.
 */
export const UI_STRINGS_EN = {
  View_Frequency: 'Frequency',
  View_Performance: 'Performance',
  View_Metric: 'Metric',
  Metric_mean: 'Mean',
  Metric_median: 'Median',
  Metric_p90: '90th percentile',
  Metric_total: 'Total',
  Toolbar_Activities: 'Activities',
  Toolbar_Paths: 'Paths',
  Toolbar_Fit: 'Fit to view',
  Variants_Title: 'Variants',
  Variants_Cases: 'Cases',
  Variants_Share: 'Share',
  Variants_MeanDuration: 'Mean duration',
  Variants_Other: 'Other variants',
  Variants_Clear: 'Show all variants',
  Tooltip_Activity: 'Activity',
  Tooltip_Events: 'Events',
  Tooltip_Cases: 'Cases',
  Tooltip_Transitions: 'Transitions',
  Tooltip_Mean: 'Mean',
  Tooltip_Median: 'Median',
  Tooltip_P90: '90th percentile',
  Tooltip_Total: 'Total time',
  Tooltip_Bottleneck: 'Bottleneck',
  Tooltip_Variant: 'Variant',
  Tooltip_Share: 'Share',
  Tooltip_Path: 'Path',
  Map_Label: 'Process map',
  Node_Start: 'Start',
  Node_End: 'End',
  Tooltip_Estimate: 'Estimate',
  Tooltip_Abstracted: 'this edge carries flow through hidden activities: its figures are estimates (≈)',
  Legend_Bottleneck: 'the {0} longest median waits between activities, among those taken by at least 5% of the cases ({1} or more)',
  Legend_BottleneckTitle: 'Red = bottleneck',
  Legend_None: 'No bottleneck: no wait is taken by 5% of the cases',
  Legend_Shown: '{0} of {1} shown',
  Legend_Estimate: '≈ estimate',
  Legend_Frequency: 'Line width = transitions. Bottlenecks (waits) are shown in the performance view.',
  Legend_Hidden: 'Simplified to fit: {0} of {1} activities. The sliders show more.',
  Key_Cases: 'Cases',
  Key_Finished: 'Finished',
  Key_Median: 'Median throughput',
  Key_P90: '90% within',
  Key_Trend: 'Median by month',
  Key_FinishedOnly: 'of the finished cases',
  Key_FromVariants: "estimated from the variants' mean durations",
  Key_FinishedUnknown: 'the data does not say which cases are finished',
  Filter_Jobcenter: 'Jobcenter',
  Filter_Jobcenters: 'jobcenters',
  Filter_Period: 'Period',
  Filter_Process: 'Process',
  Filter_NotBound: "not in the visual's fields",
  Compare_P90: '90%',
  Compare_Short: 'Compare',
  Compare_Button: 'Compare jobcenters',
  Compare_Title: 'Jobcenters, longest median first',
  Compare_Legend: 'against the other jobcenters: red = more or longer, blue = fewer or shorter',
  Compare_Rest: 'Other jobcenters',
  Compare_Difference: 'Difference',
  Toolbar_ZoomIn: 'Zoom in',
  Toolbar_ZoomOut: 'Zoom out',
  Map_Keys: 'Process map. Arrow keys pan, + and - zoom, 0 fits the map.',
  Landing_Title: 'Sagsflow process map',
  Landing_Intro: 'Bind either the step table from the Sagsflow service or a plain event table.',
  Landing_StepsTitle: 'Step table (OData feed, table Steps)',
  Landing_Steps:
    'Variant key ← variant_key; Step index ← step_index; From activity ← from_activity; To activity ← to_activity; Cases ← cases (Sum); Total seconds ← sum_seconds (Sum), for the performance view; Duration histogram ← h00 … h24 (Sum, in this order), for medians and 90th percentiles',
  Landing_EventsTitle: 'Event table (any report model)',
  Landing_Events:
    'Case ← the case id; Activity ← the activity name; Timestamp ← the event time (not a date hierarchy); Resource ← optional',
  Message_NoRows: 'No rows under the current filters.',
  Message_MissingSteps: 'Bind Variant key, From activity, To activity and Cases to draw the map.',
  Message_MissingEvents: 'Bind Case, Activity and Timestamp to draw the map.',
  Message_BadRows: 'Some rows could not be read and were skipped.',
  Message_RowLimit: 'Not all rows could be loaded; the map shows the rows loaded so far.',
  Message_RowLimitTitle: 'Data was cut',
  Message_Failed: 'The map could not be drawn.',
  Insight_None: 'Colour: volume',
  Insight_Rules: 'Rules',
  Insight_Deviations: 'Model',
  Insight_RulesTitle: 'Colour the map by rule violations',
  Insight_DeviationsTitle: 'Colour the map by deviations from the model',
  Legend_Rules: 'Red = share of the cases arriving at an activity (or along an edge) that broke a rule there; darkest = {0}.',
  Legend_Deviations:
    'Red activity = share of its cases that did it where the model does not allow it; red edge = share that skipped a model step on the way; darkest = {0}.',
  Legend_NoInsight: 'No {0} on the activities and paths shown.',
  Legend_NoInsightRules: 'rule violations',
  Legend_NoInsightDeviations: 'deviations from the model',
  Tooltip_Violations: 'Rule violations',
  Tooltip_Rules: 'Rules broken',
  Tooltip_LogMoves: 'Off the model',
  Tooltip_ModelMoves: 'Skipped model step',
  Tooltip_Skipped: 'Skipped',
  Variants_Findings: 'Findings',
  /** The language of rule titles and finding summaries: 'da' or 'en'. */
  Insight_Language: 'en',
} as const;

/** A key of a UI string. */
export type UiStringKey = keyof typeof UI_STRINGS_EN;

/** Looks UI strings up in the host's localization manager, falling back to English. */
export interface Localizer {
  t(key: UiStringKey): string;
}

/** Builds a `Localizer` over a host localization manager (or none, in tests). */
export function createLocalizer(manager?: powerbi.extensibility.ILocalizationManager): Localizer {
  return {
    t(key) {
      let text: string | undefined;
      try {
        text = manager?.getDisplayName(key);
      } catch {
        text = undefined;
      }
      return text && text !== key ? text : UI_STRINGS_EN[key];
    },
  };
}
