import { useEffect, useState } from 'react';

/** The window's inner size, kept current (panel defaults and limits depend on it). */
export function useWindowSize(): { width: number; height: number } {
  const read = () => (typeof window === 'undefined' ? { width: 1440, height: 900 } : { width: window.innerWidth, height: window.innerHeight });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return size;
}
