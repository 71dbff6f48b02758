import { expect, test } from './harness/fixtures';
import { testArtifacts } from './harness/page-actions';
import { fixtureSigner, openPersistentApp, typeThenCrash } from './harness/typing-crash';

// The renderer is killed with SIGKILL, so the app gets no warning at all: only what it had
// already kept while the person typed can come back. The 20-run loop is `npm run crash-loop`.
test.describe('nothing typed is lost', () => {
  test.describe.configure({ timeout: 300_000 });

  test('a personal tutor typing a contact form when the window crashes finds the words when they sign in again', async ({
    harnessServer,
    tempDir,
  }, testInfo) => {
    const artifacts = testArtifacts(testInfo);
    const { app, context, close } = await openPersistentApp({ server: harnessServer, tempDir, artifacts });
    try {
      const signer = fixtureSigner(await app.startWithFixture({ size: 'small', seed: 1 }));
      await signer.signIn(app.page);
      const { check, page } = await typeThenCrash({
        context,
        page: app.page,
        signer,
        typingMs: 20_000,
        beforeKill: async (typing) => {
          await typing.screenshot({ path: `${artifacts.screensFolder}/typing-before-the-crash.png` });
        },
      });
      await testInfo.attach('crash check', {
        body: JSON.stringify(check, null, 2),
        contentType: 'application/json',
      });
      expect(check.problem).toBeUndefined();
      expect(check.restored).toBeGreaterThanOrEqual(check.required);
      await expect(
        page.getByRole('status').filter({ hasText: 'We kept what you were typing' }),
      ).toContainText('What happened');
      await page.screenshot({ path: `${artifacts.screensFolder}/back-after-the-crash.png`, fullPage: true });
      // It is listed under My drafts too, to resume or discard.
      await page.getByRole('link', { name: 'Back to contact forms' }).click();
      await expect(page.getByRole('region', { name: 'My drafts' }).getByRole('listitem')).toHaveCount(1);
      await page.screenshot({
        path: `${artifacts.screensFolder}/my-drafts-after-the-crash.png`,
        fullPage: true,
      });
    } finally {
      await close();
    }
  });
});
