import { useOutletContext } from 'react-router';
import type { Municipality, ProcessSummary } from '../../lib/types';
import type { ProcessDetail } from '../../lib/prep-types';

export interface StaffContext {
  slug: string;
  municipality: Municipality;
  processes: ProcessSummary[];
  reloadMunicipality(): void;
}

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
