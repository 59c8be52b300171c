/**
 * The canvas's live region: keyboard edits on the canvas (select, move, move to another tenant,
 * delete) are announced politely to screen readers. One message at a time; the same text twice in
 * a row is still read (the region is cleared and refilled).
 */
import { useEffect, useState } from 'react';

type Listener = (message: string) => void;
const listeners = new Set<Listener>();

/** Announce a change made on the canvas (already translated). */
export function announce(message: string): void {
  for (const listener of listeners) listener(message);
}

export function CanvasAnnouncer() {
  const [message, setMessage] = useState('');
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const listener: Listener = (next) => {
      setMessage('');
      clearTimeout(timer);
      timer = setTimeout(() => setMessage(next), 30);
    };
    listeners.add(listener);
    return () => {
      clearTimeout(timer);
      listeners.delete(listener);
    };
  }, []);
  return (
    <div className="canvas-announcer" role="status" aria-live="polite" aria-atomic="true" data-testid="canvas-announcer">
      {message}
    </div>
  );
}
