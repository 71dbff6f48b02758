// Accounts' public entry: first-run setup asks for the manager's account with the same fields.
export { AccountFields } from './AccountFields';
