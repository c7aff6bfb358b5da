// One place for cache keys that several features read, so one feature's writes refresh the others.
export const queryKeys = {
  targets: ['targets'] as const,
  target: (id: number) => ['targets', id] as const,
  scenarios: ['scenarios'] as const,
  scenario: (id: number) => ['scenarios', id] as const,
  runs: ['runs'] as const,
  runLists: ['runs', 'list'] as const,
  runList: (filters: object) => ['runs', 'list', filters] as const,
  run: (id: number) => ['runs', id] as const,
  runIntervals: (id: number) => ['runs', id, 'intervals'] as const,
  runErrors: (id: number) => ['runs', id, 'errors'] as const,
  overview: ['overview'] as const,
  readiness: ['readiness'] as const,
};
