export const paths = {
  overview: '/',
  targets: '/targets',
  scenarios: '/scenarios',
  newScenario: '/scenarios/new',
  scenario: (id: number | string) => `/scenarios/${id}`,
  scenarioHistory: (id: number | string) => `/scenarios/${id}/history`,
  gateway: (targetId: number | string) => `/targets/${targetId}/gateway`,
  ingestion: (targetId: number | string) => `/targets/${targetId}/ingestion`,
  runs: '/runs',
  run: (id: number | string) => `/runs/${id}`,
  agents: '/agents',
  runResult: (id: number | string) => `/api/v1/runs/${id}/result`,
  runReport: (id: number | string, format: RunReportFormat) => `/api/v1/runs/${id}/report?format=${format}`,
  /** The comparison page of these runs, the first the baseline: the link that reopens it. */
  compare: (runIds: readonly (number | string)[]) => `/compare?runs=${runIds.join(',')}`,
  comparisonReport: (runIds: readonly (number | string)[], format: ComparisonReportFormat) =>
    `/api/v1/comparisons/report?runs=${runIds.join(',')}&format=${format}`,
};

/** The formats of GET /runs/{id}/report (docs/reports.md). */
export type RunReportFormat = 'html' | 'md' | 'csv' | 'intervals-csv' | 'junit' | 'json';
export type ComparisonReportFormat = Exclude<RunReportFormat, 'intervals-csv'>;
