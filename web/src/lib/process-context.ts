import { useOutletContext } from 'react-router';
import type { Municipality, ProcessSummary } from './api-types';
import type { ProcessDetail } from './api-types';

/*
 * What the frames hand the pages of every area through the router's outlet: the public process frame
 * (`/m/:slug/p/:processId`), the staff frame of a municipality (`/m/:slug/staff`) and of one process in it.
 * Each frame loads its data once; the pages read it here instead of loading it again.
 */

/** The public process frame: the process and a way to load it again. */
export interface ProcessContext {
  slug: string;
  process: ProcessDetail;
  reload(): void;
}

export function useProcessContext(): ProcessContext {
  return useOutletContext<ProcessContext>();
}

/** The staff frame of a municipality. */
export interface StaffContext {
  slug: string;
  municipality: Municipality;
  processes: ProcessSummary[];
  reloadMunicipality(): void;
}

/** The staff frame of one process. */
export interface StaffProcessContext extends StaffContext {
  process: ProcessDetail;
  reloadProcess(): void;
}

export function useStaffContext(): StaffContext {
  return useOutletContext<StaffContext>();
}

export function useStaffProcess(): StaffProcessContext {
  return useOutletContext<StaffProcessContext>();
}
