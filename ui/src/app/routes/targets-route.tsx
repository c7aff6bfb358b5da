import { MockLlmPanel } from '@/features/mock-llm/components/mock-llm-panel';
import { TargetsPage } from '@/features/targets/components/targets-page';

/** The targets screen, with the built-in mock LLM's settings under the list while `serve` runs it. */
export function TargetsRoute() {
  return (
    <>
      <TargetsPage />
      <MockLlmPanel />
    </>
  );
}
