import type { Catalogue } from '../programme/catalogue';
import { ChatKnowledge } from './knowledge';

/** The chatbot's process-wide part: the knowledge base (validated at start; indexes built on first use per municipality). */
export interface ChatServices {
  knowledge: ChatKnowledge;
}

/** `dir` is seeds/chatbot (a missing directory leaves the catalogue and the built-in danger phrases). */
export function loadChatServices(dir: string, catalogue: Catalogue | (() => Catalogue)): ChatServices {
  return { knowledge: ChatKnowledge.load(dir, catalogue) };
}
