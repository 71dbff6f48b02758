// Declarations' public entry: the home screen shows the manager what needs attention.
export { DeclarationAttentionPanel } from './DeclarationAttentionPanel';
