// The door's public entry: what the register and the home screen use.
export { renderVisitingChoices } from './VisitingChoices';
export { doorChecker } from './door-checker';
export { notSignedOutText } from './not-signed-out';
export { overrideWindowDays, useDoorAttention } from './useDoorAttention';
