import { ScenarioFormPage } from '@/features/scenarios/components/scenario-form-page';
import { NotFound } from '@/shared/components/not-found';
import { useIdParam } from './route-parts';

export { ScenariosList } from '@/features/scenarios/components/scenarios-list';

export function NewScenarioRoute() {
  return <ScenarioFormPage />;
}

export function ScenarioRoute() {
  const id = useIdParam();
  return id === undefined ? <NotFound /> : <ScenarioFormPage key={id} scenarioId={id} />;
}
