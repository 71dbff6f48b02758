// PAN groups' public entry: the young person's page shows the group; other features alert it.
export { PanGroupSection } from './PanGroupSection';
export { queuePanAlert } from './queue-pan-alert';
