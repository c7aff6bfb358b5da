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
  runResult: (id: number | string) => `/api/v1/runs/${id}/result`,
};
