/**
 * Moves focus to an element that a state change is about to render (an error, a report): React may commit after
 * the next animation frame on a busy phone, so this waits, frame by frame, for the element to exist (about a second).
 */
export function focusWhenRendered(find: () => HTMLElement | null | undefined, frames = 60): void {
  const el = find();
  if (el) {
    el.focus();
    return;
  }
  if (frames > 0) requestAnimationFrame(() => focusWhenRendered(find, frames - 1));
}
