import { hash, verify } from '@node-rs/argon2';
import type { PasswordHasher } from '@polku/core';

// argon2id with the OWASP-recommended floor (19 MiB, 2 passes, 1 lane).
const options = {
  algorithm: 2 /* Argon2id */,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const argon2Hasher: PasswordHasher = {
  hash: (password) => hash(password, options),
  async verify(stored, password) {
    try {
      return await verify(stored, password);
    } catch {
      return false; // a malformed stored hash never signs anyone in
    }
  },
};
