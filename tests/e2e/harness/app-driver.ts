import type { Page } from '@playwright/test';
import type {
  IpcChannel,
  IpcEventName,
  IpcEventPayload,
  IpcReply,
  IpcRequest,
} from '../../../shared/ipc/contract';
import type { IpcResult } from '../../../shared/ipc/ipc-result';
import type { MainProcessLogEntry } from './harness-services';

export type FixtureSize = 'small' | 'large';

/** Which fixture home to seed: a size and a seed, and optionally more days of records than the size has. */
export type FixtureStart = {
  readonly size: FixtureSize;
  readonly seed: number;
  readonly activityDays?: number;
};

/** How `checkScreen` photographs a screen: under which name (the screen's own unless given), and whether at both office sizes. */
export type ScreenCheck = { readonly screenshot?: string; readonly atOfficeSizes?: boolean };

/** What a spec drives: the same object whether the app runs in the harness or in Electron. */
export type AppDriver = {
  /** `harness` (Chromium with the bridge) or `electron` (the real app). */
  readonly runtime: 'harness' | 'electron';
  /** The app's window. */
  readonly page: Page;
  /** A folder for this test only, deleted afterwards; services write here in the harness. */
  readonly tempDir: string;
  /** What the main-process side logged (refused calls...); empty in Electron mode. */
  readonly mainProcessLog: readonly MainProcessLogEntry[];
  /** Opens the app on an empty profile (no database yet). */
  startEmpty(): Promise<void>;
  /** Fills the profile with the fixture seeder, then opens the app; resolves with its summary. */
  startWithFixture(options: FixtureStart): Promise<unknown>;
  /** Reloads the window, as a person pressing Ctrl+R (or reopening) would. */
  reload(): Promise<void>;
  /**
   * Closes the app and starts it again on the same computer (harness only): a new main process
   * over the same folder and keyring, so what it keeps on disk is read afresh, and the window reloaded.
   */
  restartMainProcess?(): Promise<void>;
  /** Saves a full-page screenshot under tests/e2e/artifacts/screens/<test>/<name>.png. */
  screenshot(name: string): Promise<string>;
  /** A screenshot at each office window size, named `<name>-<width>x<height>`, ending at 1280x800. */
  screenshotsAtOfficeSizes(name: string): Promise<void>;
  /** Runs axe (WCAG 2.1 A and AA) on what is on screen; fails on serious or critical problems. */
  expectAccessible(screenName: string): Promise<void>;
  /**
   * `expectAccessible(screenName)`, then the screen's screenshot: named `check.screenshot`, or the
   * screen's own name; with `check.atOfficeSizes`, one at each office size as `screenshotsAtOfficeSizes`.
   */
  checkScreen(screenName: string, check?: ScreenCheck): Promise<void>;
  /** Calls one channel through `window.api`, from the page, exactly as the renderer would. */
  api<Channel extends IpcChannel>(
    channel: Channel,
    request: IpcRequest<Channel>,
  ): Promise<IpcResult<IpcReply<Channel>>>;
  /** Plays the main process pushing an event to the window (the computer locking...). */
  emit<Name extends IpcEventName>(name: Name, payload: IpcEventPayload<Name>): Promise<void>;
};
