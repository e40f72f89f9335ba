/**
 * Entry point of dist/widgets/chat.js: registers <yorisoi-chat> once. A CMS page that loads the
 * bundle twice (two script tags, or two URLs of it) gets no "already defined" error.
 */
import { defineOnce } from '../shared/define.js';
import { YorisoiChat } from './chat.js';

export { YorisoiChat };

defineOnce('yorisoi-chat', YorisoiChat);

declare global {
  interface HTMLElementTagNameMap {
    'yorisoi-chat': YorisoiChat;
  }
}
