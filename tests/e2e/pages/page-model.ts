import type { Page } from '@playwright/test';

/**
 * What a page model stands on: the page it drives. A model declares its locators as fields
 * initialised from `this.page`; a subclass's fields are set after this constructor has run, so
 * the page is there when they are.
 */
export abstract class PageModel {
  constructor(readonly page: Page) {}
}
