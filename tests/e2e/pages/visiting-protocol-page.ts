import { PageModel } from './page-model';

/** Settings → Visiting protocol (the manager's), and the protocol's step in the door's sign-in form. */
export class VisitingProtocolPage extends PageModel {
  readonly heading = this.page.getByRole('heading', { level: 1, name: 'Visiting protocol' });
  readonly text = this.page
    .getByRole('form', { name: 'Write the visiting protocol' })
    .getByLabel('The visiting protocol');
  readonly versions = this.page.getByRole('list', { name: 'Versions of the visiting protocol' });
  /** The protocol's step in "Sign a visitor in", once a family visitor must be asked. */
  readonly atDoor = this.page.getByRole('group', { name: /^Visiting protocol, version \d+$/ });

  /** Writes the whole protocol and publishes it as the next version. */
  async publish(text: string, version: number): Promise<void> {
    await this.text.fill(text);
    await this.page.getByRole('button', { name: `Publish as version ${version}` }).click();
  }

  /** Draws a signature of `strokes` strokes in the visitor's signature box with the mouse. */
  async drawSignature(strokes: number): Promise<void> {
    const pad = this.atDoor.getByRole('img', { name: 'The visitor’s signature' });
    await pad.scrollIntoViewIfNeeded();
    const box = await pad.boundingBox();
    if (!box) throw new Error('The signature box is not on screen');
    for (let stroke = 0; stroke < strokes; stroke += 1) {
      const y = box.y + 30 + stroke * 35;
      await this.page.mouse.move(box.x + 40, y);
      await this.page.mouse.down();
      await this.page.mouse.move(box.x + 140, y + 20, { steps: 8 });
      await this.page.mouse.move(box.x + 260, y - 10, { steps: 8 });
      await this.page.mouse.up();
    }
  }
}
