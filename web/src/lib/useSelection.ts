import { useCallback, useState } from 'react';

/** Which items of a list are ticked (by id): for bulk actions. */
export function useSelection() {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const toggle = useCallback(
    (id: string, on: boolean) =>
      setSelected((old) => {
        const next = new Set(old);
        if (on) next.add(id);
        else next.delete(id);
        return next;
      }),
    [],
  );
  const clear = useCallback(() => setSelected(new Set()), []);
  const selectAll = useCallback((ids: string[]) => setSelected(new Set(ids)), []);
  return { selected, toggle, clear, selectAll };
}
