/**
 * A call from a lower module up to a higher one, without an import that would close a folder cycle
 * (tools/folder-cycles.mjs): the lower module declares the slot, the higher module has the function,
 * and server/wiring.ts connects the two once per process. What is connected is a plain function of its
 * arguments (no state of one app), so connecting again is harmless. Using a slot nobody connected is a
 * wiring bug and throws: a step (the second factor, signing out a disabled account, the case assignment)
 * is never skipped silently.
 */
export class Hook<T> {
  private value: T | null = null;
  constructor(readonly name: string) {}

  /** Connects the slot (server/wiring.ts); connecting again replaces what was there. */
  use(value: T): void {
    this.value = value;
  }

  /** What was connected; throws when nothing was. */
  get(): T {
    if (this.value === null) throw new Error(`${this.name} is not connected: see api/server/wiring.ts`);
    return this.value;
  }
}
