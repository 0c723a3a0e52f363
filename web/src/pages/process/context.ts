import { useOutletContext } from 'react-router';
import type { ProcessDetail } from '../../lib/prep-types';

/** What the process layout hands its pages: the process (loaded once) and a way to load it again. */
export interface ProcessContext {
  slug: string;
  process: ProcessDetail;
  reload(): void;
}

export function useProcessContext(): ProcessContext {
  return useOutletContext<ProcessContext>();
}
