import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { apiRequest } from '@/shared/api-client/api-client';
import type { PlanValidation } from '@/shared/api-client/types';

export const VALIDATE_DEBOUNCE_MS = 400;

export function validatePlan(input: { target_id: number | null; plan_yaml: string }): Promise<PlanValidation> {
  return apiRequest<PlanValidation>('/plans/validate', { method: 'POST', body: input });
}

export const planValidationQueryOptions = (targetId: number | null, planYaml: string) =>
  queryOptions({
    queryKey: ['plan-validation', targetId, planYaml] as const,
    queryFn: ({ signal }) => apiRequest<PlanValidation>('/plans/validate', { method: 'POST', body: { target_id: targetId, plan_yaml: planYaml }, signal }),
    staleTime: Infinity,
    retry: false,
    placeholderData: keepPreviousData,
  });

/** Validates as the user types, once the text has been still for a moment. */
export function usePlanValidation(targetId: number | null, planYaml: string, enabled: boolean) {
  const debounced = useDebounced({ targetId, planYaml }, VALIDATE_DEBOUNCE_MS);
  return useQuery({ ...planValidationQueryOptions(debounced.targetId, debounced.planYaml), enabled: enabled && debounced.planYaml.trim() !== '' });
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
