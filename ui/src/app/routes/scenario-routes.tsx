import { ScenarioHistoryLink } from '@/features/history/components/alert-panels';
import { ScenarioFormPage } from '@/features/scenarios/components/scenario-form-page';
import { SchedulesSection } from '@/features/schedules/components/schedules-section';
import { NotFound } from '@/shared/components/not-found';
import { useIdParam } from './route-parts';

export { ScenariosList } from '@/features/scenarios/components/scenarios-list';

export function NewScenarioRoute() {
  return <ScenarioFormPage />;
}

export function ScenarioRoute() {
  const id = useIdParam();
  if (id === undefined) return <NotFound />;
  return (
    <>
      <ScenarioFormPage key={id} scenarioId={id} headerActions={<ScenarioHistoryLink scenarioId={id} />} />
      <div className="mt-6"><SchedulesSection scenarioId={id} /></div>
    </>
  );
}
