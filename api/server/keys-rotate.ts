import 'reflect-metadata';
import { loadConfig } from './config';
import { rotateMasterKey } from './key-rotation';

/**
 * `npm run keys:rotate`: rewraps the data keys from ENCRYPTION_KEY to NEW_ENCRYPTION_KEY (README:
 * Encryption at rest). Then set ENCRYPTION_KEY to the new key in every API process's configuration and
 * restart them one at a time; until then they keep working with the data keys they hold.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const result = await rotateMasterKey(config.database, config.encryptionKey, process.env.NEW_ENCRYPTION_KEY?.trim() || null);
  console.log(`Rewrapped ${result.rewrapped} data key(s) with the new master key.`);
  console.log(
    result.keyFile ? `The new key is in ${result.keyFile}.` : 'Now set ENCRYPTION_KEY to the new key in every API process and restart them one at a time.',
  );
}

// Run only as a command: importing the module (tests, tools that scan api/) must not start it.
if (require.main === module) {
  main().catch((e: Error) => {
    console.error(`keys:rotate failed: ${e.message}`);
    process.exit(1);
  });
}
