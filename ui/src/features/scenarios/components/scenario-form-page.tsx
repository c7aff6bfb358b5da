import { ApiError } from '@/shared/api-client/api-client';
import { PageHeader } from '@/shared/components/layout-parts';
import { NotFound } from '@/shared/components/not-found';
import { ErrorState, LoadingState } from '@/shared/components/states';
import { useScenario } from '../api/scenarios';
import { ScenarioForm } from './scenario-form';

export function ScenarioFormPage({ scenarioId }: { scenarioId?: number }) {
  const scenario = useScenario(scenarioId);
  if (scenarioId === undefined) {
    return (
      <>
        <PageHeader title="New scenario" />
        <ScenarioForm />
      </>
    );
  }
  if (scenario.isPending) return <LoadingState label="Loading scenario…" />;
  if (scenario.isError && scenario.error instanceof ApiError && scenario.error.status === 404) return <NotFound what="scenario" />;
  if (scenario.isError) return <ErrorState error={scenario.error} onRetry={() => void scenario.refetch()} title="Could not load the scenario." />;
  return (
    <>
      <PageHeader title={scenario.data.name}>Against {scenario.data.target_name}</PageHeader>
      <ScenarioForm key={scenario.data.id} scenario={scenario.data} />
    </>
  );
}
