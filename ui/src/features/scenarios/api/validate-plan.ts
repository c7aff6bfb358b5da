import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { apiRequest } from '@/shared/api-client/api-client';
import type { PlanValidation } from '@/shared/api-client/types';

export const VALIDATE_DEBOUNCE_MS = 400;

export function validatePlan(input: { target_id: number | null; plan_yaml: string }, signal?: AbortSignal): Promise<PlanValidation> {
  return apiRequest<PlanValidation>('/plans/validate', { method: 'POST', body: input, signal });
}

export const planValidationQueryOptions = (targetId: number | null, planYaml: string) =>
  queryOptions({
    queryKey: ['plan-validation', targetId, planYaml] as const,
    queryFn: ({ signal }) => validatePlan({ target_id: targetId, plan_yaml: planYaml }, signal),
    staleTime: Infinity,
    retry: false,
  });

/**
 * The server's verdict on the plan as the user types (once the text has been still for a moment),
 * the empty plan included — the server then says what is missing. `current` is true when the answer
 * is about exactly this text and target; while it is not, the previous answer stays on screen but
 * must not count as the verdict on what is there now.
 */
export function usePlanValidation(targetId: number | null, planYaml: string, enabled: boolean) {
  const debounced = useDebounced({ targetId, planYaml }, VALIDATE_DEBOUNCE_MS);
  const query = useQuery({
    ...planValidationQueryOptions(debounced.targetId, debounced.planYaml),
    enabled,
    placeholderData: enabled ? keepPreviousData : undefined,
  });
  const current = enabled && !query.isPlaceholderData && query.isSuccess && debounced.planYaml === planYaml && debounced.targetId === targetId;
  return { ...query, data: enabled ? query.data : undefined, current };
}

function useDebounced<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(JSON.parse(key) as T), delayMs);
    return () => clearTimeout(timer);
  }, [key, delayMs]);
  return debounced;
}
