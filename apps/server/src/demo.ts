import type { Runtime } from './runtime.js';
import { argon2Hasher } from './infra/password-hasher.js';
import { newId, recordAudit, type Repositories } from '@polku/core';
import type { Role } from '@polku/contracts';
import { seedDemoListening } from './demo/seed.js';

export const DEMO_WORKSPACE_NAME = 'Kukkakauppa Aurinko';
export const DEMO_LOGIN = { email: 'demo@polku.example', password: 'aurinko-demo' } as const;

/** The flower shop's staff, beside the demo owner (they cannot sign in: no known password). */
const demoStaff: { name: string; email: string; role: Role }[] = [
  { name: 'Aino Virtanen', email: 'aino.virtanen@polku.example', role: 'admin' },
  { name: 'Mikko Korhonen', email: 'mikko.korhonen@polku.example', role: 'analyst' },
  { name: 'Liisa Mäkinen', email: 'liisa.makinen@polku.example', role: 'agent' },
  { name: 'Jussi Nieminen', email: 'jussi.nieminen@polku.example', role: 'viewer' },
];

export interface DemoResult {
  /** Whether the workspace was created now (false when it already existed). */
  created: boolean;
  workspaceId: string;
  email: string;
  password: string;
  /** What this run added of the surveys and their responses (0 and 0 once all is there). */
  surveysCreated: number;
  responsesCreated: number;
}

/**
 * Creates the demo workspace "Kukkakauppa Aurinko" (a flower shop) with its owner login and
 * staff, then its surveys, links and two years of responses (see `demo/`). Running it again
 * changes nothing; a run after an interrupted one completes it. Later features add their demo
 * data here.
 */
export async function ensureDemo(runtime: Runtime): Promise<DemoResult> {
  const { workspaceId, ownerId, created } = await ensureDemoWorkspace(runtime);
  const listening = await seedDemoListening(runtime, workspaceId, ownerId);
  return { created, workspaceId, ...DEMO_LOGIN, ...listening };
}

async function ensureDemoWorkspace(
  runtime: Runtime,
): Promise<{ workspaceId: string; ownerId: string; created: boolean }> {
  const { store } = runtime;
  const existing = await store.users.findByEmail(DEMO_LOGIN.email);
  if (existing) {
    const membership = (await store.memberships.listForUser(existing.id)).find(
      (m) => m.workspaceName === DEMO_WORKSPACE_NAME,
    );
    if (membership)
      return { workspaceId: membership.workspaceId, ownerId: existing.id, created: false };
  }
  // The demo's history ends when its workspace and surveys were made: on the runtime's today.
  const now = runtime.clock.now();
  const ownerHash = await argon2Hasher.hash(DEMO_LOGIN.password);
  const lockedHash = await argon2Hasher.hash(newId()); // staff accounts: nobody knows this password
  return store.transaction(async (tx) => {
    const ownerId =
      existing?.id ?? (await insertDemoUser(tx, 'Aurinko Demo', DEMO_LOGIN.email, ownerHash, now));
    const id = newId(now);
    await tx.workspaces.insert({
      id,
      name: DEMO_WORKSPACE_NAME,
      timeZone: 'Europe/Helsinki',
      languages: ['fi', 'sv', 'en'],
      defaultLanguage: 'fi',
      createdAt: now,
    });
    await tx.memberships.insert({
      workspaceId: id,
      userId: ownerId,
      role: 'owner',
      createdAt: now,
    });
    await recordAudit(
      tx,
      {
        workspaceId: id,
        timeZone: 'Europe/Helsinki',
        action: 'workspace.created',
        actorUserId: ownerId,
        target: id,
      },
      now,
    );
    for (const person of demoStaff) {
      const user = await tx.users.findByEmail(person.email);
      const userId =
        user?.id ?? (await insertDemoUser(tx, person.name, person.email, lockedHash, now));
      await tx.memberships.insert({ workspaceId: id, userId, role: person.role, createdAt: now });
    }
    return { workspaceId: id, ownerId, created: true };
  });
}

async function insertDemoUser(
  tx: Repositories,
  name: string,
  email: string,
  passwordHash: string,
  now: number,
): Promise<string> {
  const id = newId(now);
  await tx.users.insert({
    id,
    email,
    name,
    language: 'fi',
    passwordHash,
    createdAt: now,
    updatedAt: now,
  });
  return id;
}
