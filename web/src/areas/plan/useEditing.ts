import { useState } from 'react';

/**
 * Which one of a page's items is open for editing (by a key of the page's choosing), the last "saved" message, and
 * a key that renews the "new item" form after each save so it starts empty.
 */
export function useEditing(reload: () => void) {
  const [open, setOpen] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  /** After a save: say so, close the editor, load the list again; `renewNew: false` keeps what the "new" form holds. */
  const done = (message: string, { renewNew = true } = {}) => {
    setSaved(message);
    setOpen(null);
    if (renewNew) setFormKey((n) => n + 1);
    reload();
  };
  return { open, setOpen, close: () => setOpen(null), saved, done, formKey };
}
