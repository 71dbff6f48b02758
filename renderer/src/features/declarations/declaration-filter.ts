import { declarationAttention, needsManagerAttention } from '@shared/rules/declaration-attention';
import type { Declaration } from '@shared/schemas/declarations';

export type DeclarationFilter = {
  readonly staffId: string;
  readonly state: 'all' | 'needsAttention' | 'closed';
};

/** The manager's filters over the declarations they may already see (the repository decides that). */
export function filterDeclarations(
  declarations: readonly Declaration[],
  filter: DeclarationFilter,
  today: string,
): Declaration[] {
  return declarations.filter((declaration) => {
    if (filter.staffId && declaration.staffId !== filter.staffId) return false;
    const attention = declarationAttention(declaration, today);
    if (filter.state === 'needsAttention') return needsManagerAttention(attention);
    if (filter.state === 'closed') return attention.kind === 'closed';
    return true;
  });
}
