// What other features use of tracked actions: the home screen lists a person's own, and the
// termly review shows each young person's open and overdue ones; My young people lists each one.
export { ActionList } from './ActionItem';
export { MyActionsPanel } from './MyActionsPanel';
export { ReviewActionsSection } from './ReviewActionsSection';
