import type { ReactNode } from 'react';
import { ApiError } from '@/shared/api-client/api-client';
import { createdBy, useCurrentUser } from '@/shared/auth/current-user';
import { PageHeader } from '@/shared/components/layout-parts';
import { NotFound } from '@/shared/components/not-found';
import { ErrorState, LoadingState } from '@/shared/components/states';
import { useScenario } from '../api/scenarios';
import { ScenarioForm } from './scenario-form';

/** `headerActions`: links the app adds beside the title of a stored scenario (its history). */
export function ScenarioFormPage({ scenarioId, headerActions }: { scenarioId?: number; headerActions?: ReactNode }) {
  const scenario = useScenario(scenarioId);
  const { can } = useCurrentUser();
  if (scenarioId === undefined && !can('create')) {
    return (
      <>
        <PageHeader title="New scenario" />
        <p role="alert" className="text-sm text-slate-700">Viewers read scenarios; an editor or admin creates them.</p>
      </>
    );
  }
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
      <PageHeader title={scenario.data.name} actions={headerActions}>
        Against {scenario.data.target_name}
        {createdBy(scenario.data) && <> · created by <span data-testid="created-by">{createdBy(scenario.data)}</span></>}
      </PageHeader>
      <ScenarioForm key={scenario.data.id} scenario={scenario.data} />
    </>
  );
}
