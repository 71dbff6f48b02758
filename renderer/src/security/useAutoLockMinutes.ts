import { defaultAutoLockMinutes } from '@shared/schemas/security-settings';
import { useSecuritySettings } from './useSecuritySettings';

/** How soon an unattended screen locks, kept live: the manager's change applies at once. */
export function useAutoLockMinutes(): number {
  return useSecuritySettings()?.autoLockMinutes ?? defaultAutoLockMinutes;
}
