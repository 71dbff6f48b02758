import { z } from 'zod';
import { plainMessage } from './zod-messages';

// zod 4 speeds up object parsing by compiling code with `new Function`. The app's
// Content-Security-Policy forbids evaluating strings (no 'unsafe-eval'), and zod's own probe
// for that can pass in one realm and the compile then fail in another (the harness bridge did),
// so compiling is switched off everywhere the schemas run. Import this module for its effect.
// A problem a schema names no message for is told in plain words, never in the library's.
z.config({ jitless: true, customError: plainMessage });
