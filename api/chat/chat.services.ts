import { RateLimiter } from '../intake';
import type { Catalogue } from '../programme';
import { AiAnswerers } from './ai';
import { ChatKnowledge } from './knowledge';

export const DEFAULT_CHAT_RATE_PER_MINUTE = 60;

/** The chatbot's process-wide part: the knowledge base (validated at start; indexes built on first use per municipality). */
export interface ChatServices {
  knowledge: ChatKnowledge;
  /** Messages per client address per minute (danger messages are answered even beyond it). */
  rateLimit: { take(key: string): boolean | Promise<boolean> };
  /** The AI endpoints municipalities configured (none by default: answers come from retrieval). */
  ai: AiAnswerers;
}

export interface ChatServiceOptions {
  ratePerMinute?: number;
  /** A limit shared by all API processes (server/app.ts); without it, a counter in this process of ratePerMinute. */
  rateLimit?: { take(key: string): boolean | Promise<boolean> };
  /** Where API keys named by `ai.apiKeyEnv` are read (default process.env). */
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
  /**
   * Build every municipality's index right after start (in the background), so no visitor waits for
   * one. Default: on, except under the test runner (NODE_ENV=test), where each test app would pay it.
   */
  warm?: boolean;
}

/** `dir` is seeds/chatbot (a missing directory leaves the catalogue and the built-in danger phrases). */
export function loadChatServices(dir: string, catalogue: Catalogue | (() => Catalogue), options: ChatServiceOptions = {}): ChatServices {
  const knowledge = ChatKnowledge.load(dir, catalogue);
  if (options.warm ?? process.env.NODE_ENV !== 'test') {
    setTimeout(() => {
      try {
        knowledge.warm();
      } catch (e) {
        // Not fatal: an index is then built on first use (and fails there, visibly).
        console.error(`[yorisoi] chat index warm-up failed: ${(e as Error).message}`);
      }
    }, 0).unref();
  }
  return {
    knowledge,
    rateLimit: options.rateLimit ?? new RateLimiter(options.ratePerMinute ?? DEFAULT_CHAT_RATE_PER_MINUTE),
    ai: new AiAnswerers(knowledge.data.ai, options.env, options.log),
  };
}
