import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** The audit signing key pair. */
export interface SigningKey {
  keyId: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicKeyPem: string;
}

const PRIVATE_FILE = "audit-ed25519.pem";

/**
 * Load the Ed25519 checkpoint key from the key directory, generating it on first use.
 * The key lives outside the database on purpose: whoever can rewrite the database cannot re-sign.
 */
export function loadOrCreateSigningKey(keyDir: string): SigningKey {
  const file = path.join(keyDir, PRIVATE_FILE);
  let privateKey: KeyObject;
  if (fs.existsSync(file)) {
    privateKey = createPrivateKey(fs.readFileSync(file, "utf8"));
  } else {
    fs.mkdirSync(keyDir, { recursive: true, mode: 0o700 });
    const pair = generateKeyPairSync("ed25519");
    privateKey = pair.privateKey;
    const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    try {
      fs.writeFileSync(file, pem, { mode: 0o600, flag: "wx" });
    } catch (err) {
      // Another process created it first: use theirs so every checkpoint shares one key.
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") {
        throw err;
      }
      privateKey = createPrivateKey(fs.readFileSync(file, "utf8"));
    }
  }
  const publicKey = createPublicKey(privateKey);
  const der = publicKey.export({ type: "spki", format: "der" });
  return {
    keyId: createHash("sha256").update(der).digest("hex").slice(0, 16),
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
  };
}
