import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { ChangeFeed } from '../../db';
import type { Catalogue } from '../catalogue';
import { ProgrammeSettings } from './programme-settings.entity';

/**
 * Keeps the in-memory catalogue (services.catalogue, read synchronously by eligibility, screening, the
 * chatbot and the intake) in step with the console's stored programme settings: all rows are read at
 * start; an admin's save sets the catalogue in the saving process at once and is announced on the
 * change feed, on which the other processes re-read that municipality's row. A replica that missed the
 * message (its listening connection dropped) re-reads every row on reconnecting (`onResync`); between
 * the drop and the reconnection it serves the settings it had — the same bound as the other caches.
 */
export class ProgrammeSettingsSync {
  constructor(
    private readonly orm: MikroORM,
    private readonly catalogue: () => Catalogue,
    private readonly feed: ChangeFeed | null = null,
  ) {
    feed?.on('programme-settings', (p) => {
      if (typeof p.code === 'string') void this.reload(p.code);
    });
    feed?.onResync(() => void this.loadAll());
  }

  /** Every municipality's stored settings into the catalogue (at start). */
  async loadAll(): Promise<void> {
    const rows = await (this.orm.em.fork() as EntityManager).find(ProgrammeSettings, {});
    for (const row of rows) this.put(row.municipalityCode, row.changes);
  }

  /** One municipality's row again (another process saved it). */
  async reload(code: string): Promise<void> {
    const row = await (this.orm.em.fork() as EntityManager).findOne(ProgrammeSettings, { municipalityCode: code });
    this.put(code, row?.changes ?? null);
  }

  /** After a save here: the catalogue was set in this process; tell the others. */
  announce(code: string): void {
    void this.feed?.publish('programme-settings', { code });
  }

  private put(code: string, changes: Record<string, unknown> | null): void {
    const issues = this.catalogue().setConsoleChanges(code, changes);
    // The files changed under a stored document (a deployment): the file alone is in force until an
    // admin saves again; the log names the municipality and the count, never the texts.
    if (issues.length > 0) console.warn(`programme settings of ${code} no longer fit the catalogue files (${issues.length} problems); using the files only`);
  }
}
