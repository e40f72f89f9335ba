import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Municipality } from '../municipality';

/** Where a session is in a guided scenario (kept with the session, so any API process can continue it). */
export interface ScenarioState {
  kind: 'allowance-estimate';
  step: 'children' | 'ages' | 'income' | 'done';
  children?: number;
  /** Representative ages of the children answered so far (years). */
  ages?: number[];
  /** Yearly gross salary, the middle of the band chosen. */
  income?: number | null;
}

/** One chatbot conversation of an anonymous visitor. Holds no personal data (messages are masked). */
@Entity()
@Index({ properties: ['municipality', 'createdAt'] })
export class ChatSession {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Municipality, { fieldName: 'municipality_code', nullable: true })
  municipality?: Municipality | null;

  @Property({ type: 'string', length: 8 })
  locale!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Property({ type: 'jsonb', nullable: true })
  scenario?: ScenarioState | null;

  /** The visitor's rating, 1–5. */
  @Property({ type: 'smallint', nullable: true })
  satisfaction?: number | null;
}

export enum ChatRole {
  USER = 'user',
  BOT = 'bot',
}

/** One message of a session. `text` is always masked (masking.ts) before it is stored. */
@Entity()
@Index({ properties: ['session', 'at'] })
/** Usage figures count urgent messages by time (api/reporting). */
@Index({ properties: ['at'] })
export class ChatMessage {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => ChatSession, { deleteRule: 'cascade' })
  session!: ChatSession;

  @Enum({ items: () => ChatRole })
  role!: ChatRole;

  @Property({ type: 'text' })
  text!: string;

  @Property({ type: 'timestamptz' })
  at: Date = new Date();

  @Property({ type: 'boolean', default: false })
  urgent: boolean = false;

  /** A bot message written by the municipality's AI endpoint (AI mode) rather than taken from the knowledge base. */
  @Property({ type: 'boolean', default: false })
  generated: boolean = false;
}
