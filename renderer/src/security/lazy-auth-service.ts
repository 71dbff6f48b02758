import type { FamilyLinksDb } from '../db/database';
import type { AuthService } from './auth-service';

type AsyncMethods = { readonly [name: string]: (...args: never[]) => Promise<unknown> };

/*
 * Every method of the account service, named here so that a method added there and not here is a
 * type error (the `satisfies` below), not a silent `undefined` at run time.
 */
const methodNames = [
  'hasAccounts',
  'setUpHome',
  'signIn',
  'recordSessionEnded',
  'createAccount',
  'updateAccount',
  'leaverHoldings',
  'switchOff',
  'resetPassword',
  'changeOwnPassword',
  'accountStates',
] as const satisfies readonly (keyof AuthService)[];

type Covered = (typeof methodNames)[number];
// Fails to compile if the service gains a method that is not listed above.
const everyMethodCovered: Exclude<keyof AuthService, Covered> extends never ? true : never = true;
void everyMethodCovered;

/**
 * The account service, loaded the first time it is used (or when `preload` is called) rather than
 * before the sign-in form can show: it brings most of the repositories with it (signing in seals
 * old rows again, resumes key changes, switches off leavers), which an old office computer would
 * otherwise parse before it could paint the form. The sign-in screen preloads it once it is
 * drawn, so it is normally ready before a password has been typed.
 */
export function lazyAuthService(db: FamilyLinksDb): AuthService & { readonly preload: () => void } {
  let loading: Promise<AuthService> | undefined;
  const load = () => (loading ??= import('./auth-service').then((module) => module.authService(db)));
  const methods = Object.fromEntries(
    methodNames.map((name) => [
      name,
      async (...args: never[]) => {
        const service: AsyncMethods = await load();
        return service[name]?.(...args);
      },
    ]),
  );
  // Each entry forwards its arguments to the method of the same name, so it has that method's type.
  return { ...(methods as unknown as AuthService), preload: () => void load() };
}
