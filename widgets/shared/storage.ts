/** The page's storage, or null where the browser refuses it (private modes, storage blocked for the site). */
export function storage(kind: 'local' | 'session'): Storage | null {
  try {
    return kind === 'local' ? localStorage : sessionStorage;
  } catch {
    return null;
  }
}
