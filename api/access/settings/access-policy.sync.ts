import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { ChangeFeed } from '../../db';
import type { PolicyBook } from '../policy';
import { AccessPolicySettings } from './access-policy-settings.entity';

/**
 * Keeps the in-memory policy book (services.policies, read by every access decision) in step with the
 * console's stored access policies, as ProgrammeSettingsSync does for the catalogue: all rows are read at
 * start; an admin's apply sets the book in the applying process at once and is announced on the change
 * feed, on which the other processes re-read that municipality's row. A replica that missed the message
 * re-reads every row on reconnecting (`onResync`); until then it serves the policy it had.
 */
export class AccessPolicySync {
  constructor(
    private readonly orm: MikroORM,
    private readonly book: () => PolicyBook,
    private readonly feed: ChangeFeed | null = null,
  ) {
    feed?.on('access-policy', (p) => {
      if (typeof p.code === 'string') void this.reload(p.code);
    });
    feed?.onResync(() => void this.loadAll());
  }

  /** Every municipality's stored policy into the book (at start). */
  async loadAll(): Promise<void> {
    const rows = await (this.orm.em.fork() as EntityManager).find(AccessPolicySettings, {});
    for (const row of rows) this.put(row.municipalityCode, row.document || null);
  }

  /** One municipality's row again (another process applied it). */
  async reload(code: string): Promise<void> {
    const row = await (this.orm.em.fork() as EntityManager).findOne(AccessPolicySettings, { municipalityCode: code });
    // An empty document: the console's policy was dropped (「ファイルの方針に戻す」), the files are in force.
    this.put(code, row?.document || null);
  }

  /** After an apply here: the book was set in this process; tell the others. */
  announce(code: string): void {
    void this.feed?.publish('access-policy', { code });
  }

  private put(code: string, document: string | null): void {
    const problem = this.book().setConsole(code, document);
    // The parser grew stricter under a stored document (a deployment): the files are in force until an
    // admin applies again; the log names the municipality and the key, never the document.
    if (problem) console.warn(`access policy of ${code} stored in the console no longer parses (at ${problem.key}); using the files`);
  }
}
