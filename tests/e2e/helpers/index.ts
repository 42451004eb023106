export { type A11yViolation, type CheckA11yOptions, checkA11y, WCAG_TAGS } from './a11y';
export { type AppServer, type AppServerOptions, startAppServer } from './appServer';
export { CHROMIUM_PATH, launchBrowser, type NewPageOptions, newPerson } from './browser';
export { type E2eEnvironment, withAppAndBrowser } from './lifecycle';
export { focusedElement } from './focus';
