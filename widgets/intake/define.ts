/**
 * Entry point of dist/widgets/intake.js: registers <yorisoi-intake> once. A CMS page that loads the
 * bundle twice (two script tags, or two URLs of it) gets no "already defined" error.
 */
import { defineOnce } from '../shared/define.js';
import { YorisoiIntake } from './intake.js';

export { YorisoiIntake };

defineOnce('yorisoi-intake', YorisoiIntake);

declare global {
  interface HTMLElementTagNameMap {
    'yorisoi-intake': YorisoiIntake;
  }
}
