export { JoinHomeScreen } from './JoinHomeScreen';
