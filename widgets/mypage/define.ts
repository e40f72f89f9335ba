/** Entry point of dist/widgets/mypage.js: registers <yorisoi-mypage> once. */
import { YorisoiMypage } from './mypage.js';

export { YorisoiMypage };

if (!customElements.get('yorisoi-mypage')) customElements.define('yorisoi-mypage', YorisoiMypage);

declare global {
  interface HTMLElementTagNameMap {
    'yorisoi-mypage': YorisoiMypage;
  }
}
