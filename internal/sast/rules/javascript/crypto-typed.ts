import * as crypto from 'crypto';
import { createHash } from 'node:crypto';

export function fingerprints(data: string, password: string) {
  // ruleid: javascript.crypto.weak-hash, javascript.crypto.weak-password-hash
  const a = crypto.createHash('md5').update(password).digest('hex');
  // ruleid: javascript.crypto.weak-hash
  const b = createHash("SHA1").update(data).digest();
  // ok: javascript.crypto.weak-hash
  const c = crypto.createHash('sha256').update(data).digest('hex');
  // ok: javascript.crypto.weak-hash
  const d = createHash(`sha512`);
  return [a, b, c, d];
}
