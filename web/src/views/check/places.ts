/** The stored places, and the years stored for one of them: what the scorecard's pickers offer. */
import { useMemo } from 'react';
import { useApi } from '../../api';
import type { DocumentSummary, Page } from '../../types';

export function useStoredPlaces(place: string): { places: string[]; years: number[] } {
  const reports = useApi<Page<DocumentSummary>>('/api/reports?_limit=10000');
  const docs = reports.data?.items;
  const places = useMemo(() => [...new Set((docs ?? []).map((d) => d.jurisdiction).filter((j): j is string => !!j))].sort(), [docs]);
  const years = useMemo(() => [...new Set((docs ?? []).filter((d) => d.jurisdiction === place).map((d) => d.report_year).filter((y): y is number => y !== null))].sort(), [docs, place]);
  return { places, years };
}
