import { argon2id } from 'hash-wasm';
import { defaultKdfParams, type AccountKeys } from '@shared/schemas/keyring';
import { generateDataKey } from '../../../renderer/src/db/encryption/record-cipher';
import {
  createAccountKeys,
  generateAuditKey,
  unlockAccountKeys,
} from '../../../renderer/src/db/encryption/key-wrapping';
import { defineBenchmark } from './benchmark-registry';
import { timed } from './bench-timing';

type State = { readonly record: AccountKeys; readonly password: string };

/**
 * `unlock-key-derivation` (the security core's "key-derivation time itself"): turning a password
 * into the home's keys with `unlockAccountKeys` (Argon2id with the default parameters, then
 * unwrapping the data key and the audit key), against the floor: bare hash-wasm Argon2id with the
 * same password, salt and parameters, nothing else. n is 1: one account unlocked.
 */
export const keyDerivation = defineBenchmark<State>({
  name: 'unlock-key-derivation',
  repetitions: 7,
  async setup() {
    const password = 'amber kettle orbit lantern seventy';
    const keys = { dataKey: await generateDataKey(), auditKey: await generateAuditKey() };
    const record = await createAccountKeys({
      staffId: crypto.randomUUID(),
      password,
      keys,
      passwordChangeRequired: false,
    });
    return { record, password };
  },
  async run(state) {
    const ms = await timed(async () => {
      const unlocked = await unlockAccountKeys(state.record, state.password);
      if (!unlocked.ok) throw new Error('The benchmark password did not unlock its own keys');
    });
    return { ms, n: 1 };
  },
  floor(state) {
    return timed(async () => {
      await argon2id({
        password: state.password,
        salt: state.record.salt,
        memorySize: defaultKdfParams.memoryKiB,
        iterations: defaultKdfParams.iterations,
        parallelism: defaultKdfParams.parallelism,
        hashLength: defaultKdfParams.hashLength,
        outputType: 'binary',
      });
    });
  },
});
