/** The shop's name and currency and the shopper's anonymous id, from GET /api/me. */
import { useQuery } from '@tanstack/react-query';
import { api } from './api.js';

export function useMe() {
  return useQuery({ queryKey: ['me'], queryFn: api.me, staleTime: Infinity });
}
