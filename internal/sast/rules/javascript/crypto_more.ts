interface Claims { sub: string; role?: string }

import * as crypto from 'crypto';
import * as https from 'https';
import * as tls from 'tls';
import * as fs from 'fs';
import jwt from 'jsonwebtoken';
import bcrypt from 'bcrypt';

function ciphers(key: Buffer, iv: Buffer, data: string) {
  // ruleid: javascript.crypto.weak-cipher
  const a = crypto.createCipheriv('des-ede3-cbc', key, iv);
  // ruleid: javascript.crypto.weak-cipher
  const b = crypto.createCipheriv('rc4', key, null);
  // ok: javascript.crypto.weak-cipher
  const c = crypto.createCipheriv('aes-256-gcm', key, iv);
  // ok: javascript.crypto.weak-cipher
  const d = crypto.createDecipheriv('chacha20-poly1305', key, iv, { authTagLength: 16 });
  // ruleid: javascript.crypto.ecb-mode
  const e = crypto.createCipheriv('aes-128-ecb', key, null);
  // ruleid: javascript.crypto.ecb-mode
  const f = crypto.createDecipheriv('AES-256-ECB', key, null);
  // ok: javascript.crypto.ecb-mode
  const g = crypto.createCipheriv('aes-256-cbc', key, iv);
  // ok: javascript.crypto.ecb-mode
  const h = crypto.createCipheriv('aes-256-ctr', key, iv);
  return [a, b, c, d, e, f, g, h];
}

function legacy(password: string, key: Buffer, data: string) {
  // ruleid: javascript.crypto.createcipher-without-iv
  const a = crypto.createCipher('aes-256-cbc', password);
  // ruleid: javascript.crypto.createcipher-without-iv
  const b = crypto.createDecipher('aes-256-cbc', password);
  // ok: javascript.crypto.createcipher-without-iv
  const c = crypto.createCipheriv('aes-256-gcm', key, crypto.randomBytes(12));
  // ok: javascript.crypto.createcipher-without-iv
  const k = crypto.scryptSync(password, 'salt-from-db', 32);
  // ruleid: javascript.crypto.static-iv
  const d = crypto.createCipheriv('aes-256-cbc', key, Buffer.alloc(16, 0));
  // ruleid: javascript.crypto.static-iv
  const e = crypto.createCipheriv('aes-256-gcm', key, Buffer.from('000000000000'));
  const iv = crypto.randomBytes(12);
  // ok: javascript.crypto.static-iv
  const f = crypto.createCipheriv('aes-256-gcm', key, iv);
  // ok: javascript.crypto.static-iv
  const g = crypto.createCipheriv('aes-256-gcm', key, crypto.randomBytes(12));
  return [a, b, c, d, e, f, g, k];
}

function keys(claims: Record<string, unknown>, iv: Buffer, token: string) {
  // ruleid: javascript.crypto.hardcoded-key
  const t = jwt.sign(claims, 'shhhhh', { expiresIn: '1h' });
  // ruleid: javascript.crypto.hardcoded-key
  const c = crypto.createCipheriv('aes-256-gcm', Buffer.from('0123456789abcdef0123456789abcdef'), iv);
  // ruleid: javascript.crypto.hardcoded-key
  const h = crypto.createHmac('sha256', 'static-mac-key');
  // ok: javascript.crypto.hardcoded-key
  const t2 = jwt.sign(claims, process.env.JWT_SECRET, { expiresIn: '1h' });
  // ok: javascript.crypto.hardcoded-key
  const v = jwt.verify(token, process.env.JWT_PUBLIC_KEY, { algorithms: ['RS256'] });
  return [t, c, h, t2, v];
}

function generateResetToken() {
  // ruleid: javascript.crypto.insecure-random
  return Math.random().toString(36).slice(2);
}

function shuffle(items: string[]) {
  // ok: javascript.crypto.insecure-random
  const i = Math.floor(Math.random() * items.length);
  return items[i];
}

function register(user: User) {
  // ruleid: javascript.crypto.insecure-random
  const sessionId = String(Math.random()).slice(2);
  // ok: javascript.crypto.insecure-random
  const apiToken = crypto.randomBytes(32).toString('base64url');
  // ok: javascript.crypto.insecure-random
  const delay = 100 + Math.random() * 50;
  return [sessionId, apiToken, delay];
}

function keypairs() {
  // ruleid: javascript.crypto.rsa-short-key
  const a = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });
  // ruleid: javascript.crypto.rsa-short-key
  crypto.generateKeyPair('rsa', { modulusLength: 512, publicExponent: 65537 }, () => {});
  // ok: javascript.crypto.rsa-short-key
  const b = crypto.generateKeyPairSync('rsa', { modulusLength: 3072 });
  // ok: javascript.crypto.rsa-short-key
  const c = crypto.generateKeyPairSync('ed25519');
  return [a, b, c];
}

function agents() {
  // ruleid: javascript.tls.verification-disabled
  const a = new https.Agent({ keepAlive: true, rejectUnauthorized: false });
  // ruleid: javascript.tls.verification-disabled
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  // ok: javascript.tls.verification-disabled
  const b = new https.Agent({ ca: fs.readFileSync('internal-ca.pem') });
  // ok: javascript.tls.verification-disabled
  const c = tls.connect({ host: 'db', port: 5432, rejectUnauthorized: true });
  // ruleid: javascript.tls.weak-protocol
  const d = tls.createServer({ secureProtocol: 'TLSv1_method' });
  // ruleid: javascript.tls.weak-protocol
  const e = tls.createServer({ minVersion: 'TLSv1' });
  // ok: javascript.tls.weak-protocol
  const f = tls.createServer({ minVersion: 'TLSv1.2' });
  // ok: javascript.tls.weak-protocol
  const g = tls.createServer({ secureProtocol: 'TLS_method' });
  return [a, b, c, d, e, f, g];
}

function tokens(token: string, key: Buffer, claims: Record<string, unknown>) {
  // ruleid: javascript.jwt.none-algorithm
  const a = jwt.verify(token, key, { algorithms: ['HS256', 'none'] });
  // ruleid: javascript.jwt.none-algorithm
  const b = jwt.sign(claims, '', { algorithm: 'none' });
  // ok: javascript.jwt.none-algorithm
  const c = jwt.verify(token, key, { algorithms: ['HS256'] });
  // ok: javascript.jwt.none-algorithm
  const d = jwt.sign(claims, key, { algorithm: 'RS256' });
  return [a, b, c, d];
}

async function hashPassword(password: string, salt: string) {
  // ruleid: javascript.crypto.weak-password-hash
  const a = await bcrypt.hash(password, 8);
  // ruleid: javascript.crypto.weak-password-hash
  const b = crypto.pbkdf2Sync(password, salt, 1000, 64, 'sha512');
  // ruleid: javascript.crypto.weak-password-hash
  const c = crypto.createHash('sha256').update(password).digest('hex');
  // ok: javascript.crypto.weak-password-hash
  const d = await bcrypt.hash(password, 12);
  // ok: javascript.crypto.weak-password-hash
  const e = crypto.pbkdf2Sync(password, salt, 600000, 64, 'sha512');
  // ok: javascript.crypto.weak-password-hash
  const f = crypto.createHash('sha256').update(salt).digest('hex');
  return [a, b, c, d, e, f];
}

export { ciphers, legacy, keys, generateResetToken, shuffle, register, keypairs, agents, tokens, hashPassword };
