/**
 * Entry point of dist/widgets/intake.js: registers <yorisoi-intake> once. A CMS page that loads the
 * bundle twice (two script tags, or two URLs of it) gets no "already defined" error.
 */
import { YorisoiIntake } from './intake.js';

export { YorisoiIntake };

if (!customElements.get('yorisoi-intake')) customElements.define('yorisoi-intake', YorisoiIntake);

declare global {
  interface HTMLElementTagNameMap {
    'yorisoi-intake': YorisoiIntake;
  }
}
