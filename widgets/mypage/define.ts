/** Entry point of dist/widgets/mypage.js: registers <yorisoi-mypage> once (shared/define.ts). */
import { defineOnce } from '../shared/define.js';
import { YorisoiMypage } from './mypage.js';

export { YorisoiMypage };

defineOnce('yorisoi-mypage', YorisoiMypage);

declare global {
  interface HTMLElementTagNameMap {
    'yorisoi-mypage': YorisoiMypage;
  }
}
