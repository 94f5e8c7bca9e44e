import type { CreatePersonaBody, Persona, UpdatePersonaBody } from '@polku/contracts';
import type { Store } from '../ports.js';
import type { WorkspaceContext } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import type { Clock } from '../shared/time.js';
import type { PersonaRecord } from './ports.js';
import { given, toPersona } from './records.js';

/** Personas (name, description, goals, needs): a workspace's, attached to any of its journeys. */
export class PersonaService {
  constructor(private readonly deps: { store: Store; clock: Clock }) {}

  async list(ctx: WorkspaceContext): Promise<Persona[]> {
    return (await this.deps.store.journeys.listPersonas(ctx.workspace.id)).map(toPersona);
  }

  async create(ctx: WorkspaceContext, body: CreatePersonaBody): Promise<Persona> {
    const now = this.deps.clock.now();
    const record: PersonaRecord = {
      workspaceId: ctx.workspace.id,
      id: newId(now),
      name: body.name,
      description: body.description ?? '',
      goals: body.goals ?? [],
      needs: body.needs ?? [],
      createdAt: now,
      updatedAt: now,
    };
    await this.deps.store.journeys.insertPersona(record);
    return toPersona(record);
  }

  async update(
    ctx: WorkspaceContext,
    personaId: string,
    patch: UpdatePersonaBody,
  ): Promise<Persona> {
    const existing = await this.deps.store.journeys.findPersona(ctx.workspace.id, personaId);
    if (!existing) throw new DomainError('NOT_FOUND');
    const record: PersonaRecord = {
      ...existing,
      ...given(patch),
      updatedAt: this.deps.clock.now(),
    };
    await this.deps.store.journeys.updatePersona(record);
    return toPersona(record);
  }

  async delete(ctx: WorkspaceContext, personaId: string): Promise<void> {
    await this.deps.store.transaction(async (tx) => {
      if (!(await tx.journeys.findPersona(ctx.workspace.id, personaId)))
        throw new DomainError('NOT_FOUND');
      await tx.journeys.deletePersona(ctx.workspace.id, personaId);
    });
  }
}
